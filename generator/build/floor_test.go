package build_test

import (
	"context"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/BurntSushi/toml"

	"clustersite/generator/build"
	"clustersite/generator/output"
)

// siteFiles are the output files of a build, held in one block of memory.
type siteFiles struct {
	paths []string // slash-separated, sorted
	ends  []int    // data of paths[i] is data[ends[i-1]:ends[i]]
	data  []byte
}

func (s *siteFiles) file(i int) []byte {
	lo := 0
	if i > 0 {
		lo = s.ends[i-1]
	}
	return s.data[lo:s.ends[i]]
}

// builtFiles builds the site folder dir in memory.
func builtFiles(tb testing.TB, dir string) *siteFiles {
	tb.Helper()
	w := &output.Memory{}
	if _, err := build.Run(context.Background(), os.DirFS(dir), os.DirFS("../.."), build.Options{}, w); err != nil {
		tb.Fatal(err)
	}
	s := &siteFiles{}
	for _, p := range slices.Sorted(func(yield func(string) bool) {
		for p := range w.Files {
			if !yield(p) {
				return
			}
		}
	}) {
		s.paths = append(s.paths, p)
		s.data = append(s.data, w.Files[p]...)
		s.ends = append(s.ends, len(s.data))

	}
	return s
}

// floor reads and decodes every assessment file under dir/content and
// writes out into dest, on GOMAXPROCS goroutines.
func floor(dir string, out *siteFiles, dest string) error {
	var inputs []string
	err := filepath.WalkDir(filepath.Join(dir, "content"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && filepath.Ext(p) == ".toml" {
			inputs = append(inputs, p)
		}
		return err
	})
	if err != nil {
		return err
	}
	if err := parallel(len(inputs), func(i int) error {
		data, err := os.ReadFile(inputs[i])
		if err != nil {
			return err
		}
		var doc map[string]any
		_, err = toml.Decode(string(data), &doc)
		return err
	}); err != nil {
		return err
	}
	if err := os.MkdirAll(dest, 0o755); err != nil {
		return err
	}
	// Each folder is made just before the first file in it, as a build
	// does: on ext4, making every folder first and filling them later was
	// slower than the build itself, which is no floor.
	var made sync.Map
	var mkdir func(dir string) error
	mkdir = func(dir string) error {
		if _, ok := made.Load(dir); ok || dir == "." {
			return nil
		}
		if err := mkdir(path.Dir(dir)); err != nil {
			return err
		}
		if err := os.Mkdir(filepath.Join(dest, filepath.FromSlash(dir)), 0o755); err != nil && !os.IsExist(err) {
			return err
		}
		made.Store(dir, true)
		return nil
	}
	return parallel(len(out.paths), func(i int) error {
		if err := mkdir(path.Dir(out.paths[i])); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dest, filepath.FromSlash(out.paths[i])), out.file(i), 0o644)
	})
}

// parallel calls work(0..n-1) on GOMAXPROCS goroutines and returns the
// first error.
func parallel(n int, work func(i int) error) error {
	var next atomic.Int64
	var wg sync.WaitGroup
	var first atomic.Value
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				if err := work(i); err != nil {
					first.CompareAndSwap(nil, err)
					return
				}
			}
		})
	}
	wg.Wait()
	if err, ok := first.Load().(error); ok {
		return err
	}
	return nil
}
