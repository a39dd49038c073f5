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
// modification time and inode: a rebuild with nothing changed rewrites no
// file and deploy tools that sync by time upload only what changed. The
// comparison is cheap: a file of another size is never read, and a first
// build (no destination yet) compares nothing.
//
// Each folder of the staging tree is created once, by the first file that
// needs it, so writing costs one system call per folder rather than a
// MkdirAll per file.
package output

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
)

// Dir is a staging folder for one build.
type Dir struct {
	dest    string // the published folder
	staging string // where this build writes
	// previous is set when dest already holds a site to link from.
	previous bool
	// made holds the slash-separated folders of the staging tree that
	// exist: "", "clusters", "clusters/qoot".
	made sync.Map
	// bufs holds buffers for reading files of the previous site.
	bufs sync.Pool
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
	d := &Dir{dest: dest, staging: staging}
	d.made.Store("", true)
	if fi, err := os.Stat(dest); err == nil && fi.IsDir() {
		d.previous = true
	}
	return d, nil
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
	if err := d.mkdir(path.Dir(rel)); err != nil {
		return fmt.Errorf("output: %w", err)
	}
	if d.previous {
		if old, _ := d.path(d.dest, rel); d.sameContent(old, data) {
			if err := os.Link(old, target); err == nil {
				return nil
			}
		}
	}
	if err := os.WriteFile(target, data, 0o644); err != nil {
		return fmt.Errorf("output: %w", err)
	}
	return nil
}

// mkdir makes the slash-separated folder dir of the staging tree and its
// parents, unless this build made them already.
func (d *Dir) mkdir(dir string) error {
	if dir == "." {
		dir = ""
	}
	if _, ok := d.made.Load(dir); ok {
		return nil
	}
	if err := d.mkdir(path.Dir(dir)); err != nil {
		return err
	}
	err := os.Mkdir(filepath.Join(d.staging, filepath.FromSlash(dir)), 0o755)
	if err != nil && !errors.Is(err, os.ErrExist) {
		return err
	}
	d.made.Store(dir, true)
	return nil
}

// path joins rel to root and refuses anything that would leave root.
func (d *Dir) path(root, rel string) (string, error) {
	if !filepath.IsLocal(filepath.FromSlash(rel)) {
		return "", fmt.Errorf("output: path %q leaves the site folder", rel)
	}
	return filepath.Join(root, filepath.FromSlash(rel)), nil
}

// sameContent reports whether the file at path holds exactly data. It
// reads the file only when its size is that of data.
func (d *Dir) sameContent(path string, data []byte) bool {
	fi, err := os.Lstat(path)
	if err != nil || !fi.Mode().IsRegular() || fi.Size() != int64(len(data)) {
		return false
	}
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	buf, _ := d.bufs.Get().(*[]byte)
	if buf == nil {
		buf = new([]byte)
	}
	defer d.bufs.Put(buf)
	if cap(*buf) < len(data)+1 {
		*buf = make([]byte, len(data)+1)
	}
	// One byte more than expected shows a file that grew since Lstat.
	n, err := io.ReadFull(f, (*buf)[:len(data)+1])
	return (err == io.ErrUnexpectedEOF || err == io.EOF) && n == len(data) && bytes.Equal((*buf)[:n], data)
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
