package serve

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/fsnotify/fsnotify"

	"clustersite/generator/build"
)

// watcher reports changes to the files a build reads. fsnotify watches one
// folder at a time, so it watches the site folder itself (for config.toml
// and for input folders created later) and every folder below the inputs,
// and adds each folder created while it runs.
//
// Only the inputs are watched, not the whole site folder: a site kept at
// the root of its git repository (as the sample is) also holds .git/, Go
// sources and tools, whose changes cannot change the site, and every
// watched folder costs one of the system's limited inotify watches.
type watcher struct {
	fs   *fsnotify.Watcher
	root string
	// skip are site-relative, slash-separated folders never watched (the
	// output folder).
	skip []string
	log  *logger
	// full is set once the system refused a watch for lack of watches,
	// so that the advice is given once.
	full bool
}

func newWatcher(root string, skip []string, log *logger) (*watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &watcher{fs: fw, root: root, skip: skip, log: log}
	if err := fw.Add(root); err != nil {
		fw.Close()
		return nil, err
	}
	for _, in := range build.Inputs() {
		w.addTree(filepath.Join(root, filepath.FromSlash(in)))
	}
	return w, nil
}

// addTree watches dir and every folder below it that may hold inputs.
// Folders that vanish meanwhile are skipped.
func (w *watcher) addTree(dir string) {
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil
		}
		if p != dir && w.ignored(w.rel(p)) {
			return filepath.SkipDir
		}
		if err := w.fs.Add(p); err != nil {
			w.addFailed(p, err)
		}
		return nil
	})
}

func (w *watcher) addFailed(p string, err error) {
	if errors.Is(err, syscall.ENOSPC) {
		if !w.full {
			w.full = true
			w.log.printf("cannot watch %s and maybe more folders: the system's limit of watches is reached; "+
				"raise it (sysctl fs.inotify.max_user_watches) and restart serve", w.rel(p))
		}
		return
	}
	if !errors.Is(err, fs.ErrNotExist) {
		w.log.printf("cannot watch %s: %v", w.rel(p), err)
	}
}

// run sends the site-relative path of every relevant change on out until
// ctx ends; then it closes the fsnotify watcher and out.
func (w *watcher) run(ctx context.Context, out chan<- string) {
	defer close(out)
	defer w.fs.Close()
	for {
		select {
		case <-ctx.Done():
			return
		case err, open := <-w.fs.Errors:
			if !open {
				return
			}
			w.log.printf("watching: %v", err)
		case ev, open := <-w.fs.Events:
			if !open {
				return
			}
			rel := w.rel(ev.Name)
			if !w.relevant(ev, rel) {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if fi, err := os.Lstat(ev.Name); err == nil && fi.IsDir() {
					w.addTree(ev.Name) // files already in it are read by the reload
				}
			}
			select {
			case out <- rel:
			case <-ctx.Done():
				return
			}
		}
	}
}

// relevant reports whether an event can change the site.
func (w *watcher) relevant(ev fsnotify.Event, rel string) bool {
	if ev.Op&^fsnotify.Chmod == 0 { // chmod only: touch, indexers, backups
		return false
	}
	return build.IsInput(rel) && !w.ignored(rel)
}

// ignored reports whether a site-relative path is hidden, an editor's
// temporary file or inside a skipped folder.
func (w *watcher) ignored(rel string) bool {
	for _, s := range w.skip {
		if rel == s || strings.HasPrefix(rel, s+"/") {
			return true
		}
	}
	for seg := range strings.SplitSeq(rel, "/") {
		if editorFile(seg) {
			return true
		}
	}
	return false
}

// editorFile reports names that editors and tools write beside the files
// they save: hidden files (.x.swp, .#lock, .DS_Store), backups (x~), vim's
// write test (4913) and temporary files (x.tmp, x.swp).
func editorFile(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") || name == "4913" ||
		strings.HasSuffix(name, ".tmp") || strings.HasSuffix(name, ".swp") || strings.HasSuffix(name, ".swx")
}

// rel is the slash-separated path of p relative to the site folder.
func (w *watcher) rel(p string) string {
	r, err := filepath.Rel(w.root, p)
	if err != nil {
		return p
	}
	return filepath.ToSlash(r)
}
