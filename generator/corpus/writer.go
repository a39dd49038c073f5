package corpus

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"sync"
)

// writer writes files on a few goroutines while the generator goes on.
type writer struct {
	dir   string
	jobs  chan job
	wg    sync.WaitGroup
	mu    sync.Mutex
	errs  []error
	mkErr error
}

type job struct {
	path string
	data []byte
}

func newWriter(dir string) *writer {
	w := &writer{dir: dir, jobs: make(chan job, 256)}
	for range min(8, runtime.GOMAXPROCS(0)) {
		w.wg.Go(func() {
			for j := range w.jobs {
				if err := os.WriteFile(filepath.Join(w.dir, filepath.FromSlash(j.path)), j.data, 0o644); err != nil {
					w.mu.Lock()
					if len(w.errs) < 10 {
						w.errs = append(w.errs, err)
					}
					w.mu.Unlock()
				}
			}
		})
	}
	return w
}

// clusterDir creates the folder of a cluster before its files are queued.
func (w *writer) clusterDir(id string) {
	if err := os.Mkdir(filepath.Join(w.dir, filepath.FromSlash(ContentDir), id), 0o755); err != nil && w.mkErr == nil {
		w.mkErr = err
	}
}

func (w *writer) file(path string, data []byte) {
	w.jobs <- job{path, data}
}

// close waits for the writes and returns the first errors.
func (w *writer) close() error {
	close(w.jobs)
	w.wg.Wait()
	return errors.Join(append([]error{w.mkErr}, w.errs...)...)
}
