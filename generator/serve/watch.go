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
	"clustersite/generator/content"
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
	// partial is set once a folder could not be watched: its changes
	// come with no event, so every change is then reported with "." too,
	// which makes the reload look at the whole site folder.
	partial bool
	// created are the last folders created (or moved in) and watched;
	// see rewatch.
	created []string
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
	if errors.Is(err, fs.ErrNotExist) {
		return // gone already: nothing to watch
	}
	w.partial = true
	if errors.Is(err, syscall.ENOSPC) {
		if !w.full {
			w.full = true
			w.log.printf("cannot watch %s and maybe more folders: the system's limit of watches is reached; "+
				"raise it (sysctl fs.inotify.max_user_watches) and restart serve", w.rel(p))
		}
		return
	}
	w.log.printf("cannot watch %s: %v", w.rel(p), err)
}

// run sends the site-relative path of every relevant change on out until
// ctx ends; then it closes the fsnotify watcher and out. The reload reads
// again only the paths it is sent (build.Loader.Changed), so when events
// may have been lost (the kernel's queue overflowed, a folder could not be
// watched) run sends ".", the whole site folder.
func (w *watcher) run(ctx context.Context, out chan<- string) {
	defer close(out)
	defer w.fs.Close()
	send := func(rel string) bool {
		select {
		case out <- rel:
			return true
		case <-ctx.Done():
			return false
		}
	}
	for {
		select {
		case <-ctx.Done():
			return
		case err, open := <-w.fs.Errors:
			if !open {
				return
			}
			w.log.printf("watching: %v; reading the whole site folder again", err)
			if !send(".") {
				return
			}
		case ev, open := <-w.fs.Events:
			if !open {
				return
			}
			if ev.Has(fsnotify.Rename) {
				w.rewatch()
			}
			rel := w.rel(ev.Name)
			if !w.relevant(ev, rel) {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if fi, err := os.Lstat(ev.Name); err == nil && fi.IsDir() {
					w.addTree(ev.Name) // files already in it are read by the reload
					w.created = append(w.created, ev.Name)
					w.created = w.created[max(0, len(w.created)-maxCreated):]
				}
			}
			if !send(rel) || w.partial && !send(".") {
				return
			}
		}
	}
}

// maxCreated is how many created folders rewatch remembers: the event it
// waits for comes right after the folder's creation.
const maxCreated = 8

// rewatch watches the folders created last again. A folder moved within
// the site folder (a cluster's folder renamed) is still the same folder,
// with one inotify watch: watching it under its new name, when its
// creation event arrives, can come before fsnotify handles the move's
// last event (IN_MOVE_SELF, sent as a rename of the old name) by removing
// that watch. Once that rename event is here, watching the folder again
// sticks; without it, edits in the moved folder would go unseen.
func (w *watcher) rewatch() {
	for _, dir := range w.created {
		w.addTree(dir)
	}
	w.created = w.created[:0]
}

// relevant reports whether an event can change the site.
func (w *watcher) relevant(ev fsnotify.Event, rel string) bool {
	if ev.Op&^fsnotify.Chmod == 0 { // chmod only: touch, indexers, backups
		return false
	}
	return build.IsInput(rel) && !w.ignored(rel)
}

// ignored reports whether a site-relative path is hidden, an editor's
// temporary file or inside a skipped folder. The names skipped are those
// content.Load never reads (content.SkipName), at any depth, so that no
// file it reads goes unwatched.
func (w *watcher) ignored(rel string) bool {
	for _, s := range w.skip {
		if rel == s || strings.HasPrefix(rel, s+"/") {
			return true
		}
	}
	for seg := range strings.SplitSeq(rel, "/") {
		if content.SkipName(seg) {
			return true
		}
	}
	return false
}

// rel is the slash-separated path of p relative to the site folder.
func (w *watcher) rel(p string) string {
	r, err := filepath.Rel(w.root, p)
	if err != nil {
		return p
	}
	return filepath.ToSlash(r)
}
