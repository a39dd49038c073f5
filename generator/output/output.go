// Package output writes a built site atomically.
//
// A build writes into a fresh staging folder beside the destination
// (".<dest>.tmp-<random>"); Commit swaps it into place in one step and
// removes the old site, Abort removes the staging folder. Until Commit the
// destination is untouched, so a failed or killed build leaves the previous
// site exactly as it was. Staging folders left behind by a killed build are
// removed by the next one.
//
// A file whose bytes equal those of the same file in the current
// destination is hard-linked from there instead of written, so it keeps its
// modification time: a rebuild with nothing changed rewrites no file and
// deploy tools that sync by time upload only what changed.
package output

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Dir is a staging folder for one build.
type Dir struct {
	dest    string // the published folder
	staging string // where this build writes
}

// stagingPrefix names staging folders of dest: ".public.tmp-".
func stagingPrefix(dest string) string { return "." + filepath.Base(dest) + ".tmp-" }

// Create makes a staging folder beside dest and removes stale ones left by
// killed builds.
func Create(dest string) (*Dir, error) {
	dest, err := filepath.Abs(dest)
	if err != nil {
		return nil, err
	}
	parent := filepath.Dir(dest)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("output: %w", err)
	}
	removeStale(parent, stagingPrefix(dest))
	staging, err := os.MkdirTemp(parent, stagingPrefix(dest))
	if err != nil {
		return nil, fmt.Errorf("output: %w", err)
	}
	if err := os.Chmod(staging, 0o755); err != nil {
		return nil, fmt.Errorf("output: %w", err)
	}
	return &Dir{dest: dest, staging: staging}, nil
}

// removeStale deletes staging folders of earlier builds. Two builds of the
// same folder at once are not supported; the loser's Commit fails.
func removeStale(parent, prefix string) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		if e.IsDir() && strings.HasPrefix(e.Name(), prefix) {
			os.RemoveAll(filepath.Join(parent, e.Name()))
		}
	}
}

// Dest returns the absolute destination folder.
func (d *Dir) Dest() string { return d.dest }

// WriteFile stores data at the slash-separated path rel inside the site. It
// is safe to call from several goroutines for different paths.
func (d *Dir) WriteFile(rel string, data []byte) error {
	target, err := d.path(d.staging, rel)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
		return fmt.Errorf("output: %w", err)
	}
	if old, _ := d.path(d.dest, rel); sameContent(old, data) {
		if err := os.Link(old, target); err == nil {
			return nil
		}
	}
	if err := os.WriteFile(target, data, 0o644); err != nil {
		return fmt.Errorf("output: %w", err)
	}
	return nil
}

// path joins rel to root and refuses anything that would leave root.
func (d *Dir) path(root, rel string) (string, error) {
	if !filepath.IsLocal(filepath.FromSlash(rel)) {
		return "", fmt.Errorf("output: path %q leaves the site folder", rel)
	}
	return filepath.Join(root, filepath.FromSlash(rel)), nil
}

// sameContent reports whether the file at path holds exactly data.
func sameContent(path string, data []byte) bool {
	fi, err := os.Lstat(path)
	if err != nil || !fi.Mode().IsRegular() || fi.Size() != int64(len(data)) {
		return false
	}
	old, err := os.ReadFile(path)
	return err == nil && bytes.Equal(old, data)
}

// Abort removes the staging folder; the destination stays as it was.
func (d *Dir) Abort() error { return os.RemoveAll(d.staging) }

// Commit puts the staging folder in place of the destination in one
// rename and removes the previous site.
func (d *Dir) Commit() error {
	old, err := swap(d.staging, d.dest)
	if err != nil {
		d.Abort()
		return fmt.Errorf("output: %w", err)
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}

var errNotDir = errors.New("destination exists and is not a folder")
