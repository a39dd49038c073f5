package build_test

import (
	"bytes"
	"context"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/fstest"

	"clustersite/generator/build"
	"clustersite/generator/corpus"
	"clustersite/generator/output"
	"clustersite/generator/site"
)

// corpusFS is a synthetic site of n clusters in memory.
func corpusFS(n int) fstest.MapFS {
	return corpus.FS(corpus.Options{Clusters: n, Seed: 3, ProfileShare: corpus.DefaultProfileShare})
}

// buildInMemory builds fsys with opts and returns every output file.
func buildInMemory(t *testing.T, fsys fstest.MapFS, opts build.Options) map[string][]byte {
	t.Helper()
	w := &output.Memory{}
	if _, err := build.Run(context.Background(), fsys, theme, opts, w); err != nil {
		t.Fatal(err)
	}
	return w.Files
}

func TestParallelBuildIsByteIdenticalToOneWorker(t *testing.T) {
	fsys := corpusFS(300)
	one := buildInMemory(t, fsys, build.Options{Workers: 1})
	for _, workers := range []int{2, 8} {
		many := buildInMemory(t, fsys, build.Options{Workers: workers})
		if !slices.Equal(slices.Sorted(maps.Keys(one)), slices.Sorted(maps.Keys(many))) {
			t.Fatalf("%d workers write other files than one worker", workers)
		}
		for p, data := range one {
			if !bytes.Equal(data, many[p]) {
				t.Errorf("%s differs between 1 and %d workers", p, workers)
			}
		}
	}
}

// progressWriter records what Progress says while pages are written.
type progressWriter struct {
	output.Memory
	p    *build.Progress
	mu   sync.Mutex
	seen []build.Phase
	max  int
}

func (w *progressWriter) WriteFile(p string, data []byte) error {
	phase, done, total := w.p.Read()
	w.mu.Lock()
	w.seen = append(w.seen, phase)
	if phase == build.Rendering && (done < 0 || done > total) {
		w.max = -1
	} else if phase == build.Rendering {
		w.max = max(w.max, total)
	}
	w.mu.Unlock()
	return w.Memory.WriteFile(p, data)
}

func TestProgressFollowsTheBuild(t *testing.T) {
	p := new(build.Progress)
	w := &progressWriter{p: p}
	sum, err := build.Run(context.Background(), corpusFS(50), theme, build.Options{Progress: p}, w)
	if err != nil {
		t.Fatal(err)
	}
	if w.seen[0] != build.WritingData || w.seen[len(w.seen)-1] != build.Rendering {
		t.Errorf("phases while writing: first %s, last %s", w.seen[0], w.seen[len(w.seen)-1])
	}
	if w.max != sum.Pages {
		t.Errorf("pages to write shown as %d, the build wrote %d", w.max, sum.Pages)
	}
	p = new(build.Progress)
	build.Load(corpusFS(50), build.Options{Progress: p})
	if phase, done, total := p.Read(); phase != build.Loading || done != total || total == 0 {
		t.Errorf("after loading: %s %d/%d", phase, done, total)
	}
}

func TestLoaderGivesWhatLoadGives(t *testing.T) {
	dir := t.TempDir()
	if _, err := corpus.Write(dir, corpus.Options{Clusters: 60, Seed: 5, ProfileShare: corpus.DefaultProfileShare}); err != nil {
		t.Fatal(err)
	}
	fsys := os.DirFS(dir)
	var loader build.Loader
	same := func(when string) {
		t.Helper()
		s, ps, err := loader.Load(fsys, build.Options{})
		want, wantPs, wantErr := build.Load(fsys, build.Options{})
		if err != nil || wantErr != nil {
			t.Fatalf("%s: %v, %v", when, err, wantErr)
		}
		if ps.Error() != wantPs.Error() {
			t.Errorf("%s: problems\n%v\nwant\n%v", when, ps, wantPs)
		}
		if (s == nil) != (want == nil) {
			t.Fatalf("%s: site %v, want %v", when, s != nil, want != nil)
		}
		if s == nil {
			return
		}
		got, wantFiles := s.DataFiles(s.Pages()), want.DataFiles(want.Pages())
		for i := range got {
			if !bytes.Equal(got[i].Data, wantFiles[i].Data) {
				t.Errorf("%s: %s differs", when, got[i].Path)
			}
		}
	}
	same("first load")
	files, _ := filepath.Glob(filepath.Join(dir, "content", "clusters", "*", "*.toml"))
	data, _ := os.ReadFile(files[0])
	os.WriteFile(files[0], bytes.Replace(data, []byte(`label = "`), []byte(`label = "gold`), 1), 0o644)
	same("after making a label invalid") // gold-bronze is not a label
	os.WriteFile(files[0], data, 0o644)
	same("after putting it back")
	os.Remove(files[1])
	same("after removing a file")
}

// failingWriter fails to write one path and counts the pages written
// after that.
type failingWriter struct {
	output.Memory
	path   string
	failed atomic.Bool
	after  atomic.Int32
}

func (w *failingWriter) WriteFile(p string, data []byte) error {
	if p == w.path {
		w.failed.Store(true)
		return errors.New("disk full")
	}
	if w.failed.Load() {
		w.after.Add(1)
	}
	return w.Memory.WriteFile(p, data)
}

// TestFailedWriteFailsTheBuild fails the write of a data file and of a
// page: the build reports it, and stops rather than writing every other
// page first.
func TestFailedWriteFailsTheBuild(t *testing.T) {
	fsys := corpusFS(300)
	for _, p := range []string{site.ClustersJSONPath, "index.html"} {
		w := &failingWriter{path: p}
		_, err := build.Run(context.Background(), fsys, theme, build.Options{Workers: 1}, w)
		if err == nil || !strings.Contains(err.Error(), "disk full") {
			t.Errorf("%s failed to write: build error %v", p, err)
		}
		if n := w.after.Load(); n > 20 { // a page or two in flight, not 700 pages
			t.Errorf("%s failed to write: %d files written after", p, n)
		}
	}
}
