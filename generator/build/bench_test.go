package build_test

// Benchmarks of whole builds on synthetic corpora (package corpus, seed 1,
// a quarter of the assessments published as profile only). Run them, one
// heavy job at a time, with the command in README.md:
//
//	go test -run '^$' -bench . -benchtime 1x -count 6 -timeout 90m ./generator/build/ | tee new.txt; benchstat new.txt
//
// Corpora, Hugo sites and outputs are written to a temporary folder, never
// into the repository.
//
// The comparisons the targets are about (clustersite against the floor,
// against Hugo) run both sides in every iteration, one after the other,
// and report each side's seconds and their ratio: on a shared machine the
// load changes from minute to minute, and only a paired measurement
// compares like with like. benchstat gives the median and spread of each.
//
// Metrics: ns/op is the wall-clock time of the whole operation;
// cpu-s/op the processor time (user and system) it used, which a busy
// machine inflates less; user-s/op the user part alone, which the disk's
// state (file creation is system time) moves least; peak-heap-MB the largest size of the heap's
// objects during a build in this process (runtime/metrics, sampled every
// millisecond, less what was live before); maxrss-MB the maximum resident
// set size of a child process (clustersite build, hugo) as the kernel
// counts it.

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"clustersite/generator/build"
	"clustersite/generator/corpus"
	"clustersite/generator/corpus/hugosite"
	"clustersite/generator/model"
	"clustersite/generator/output"
	"clustersite/generator/render"
	"clustersite/generator/site"
)

// theme is the default theme: templates/ and assets/ of the repository.
var theme = os.DirFS("../..")

// fixtures holds what the benchmarks of one test process share: corpora,
// Hugo sites and the clustersite binary, all under one temporary folder
// that TestMain removes.
var fixtures struct {
	sync.Mutex
	root    string
	made    map[string]string
	outputs int
}

func TestMain(m *testing.M) {
	code := m.Run()
	if fixtures.root != "" {
		os.RemoveAll(fixtures.root)
	}
	os.Exit(code)
}

// fixture returns the folder named name under the fixtures root, calling
// make to fill it the first time.
func fixture(tb testing.TB, name string, make func(dir string) error) string {
	tb.Helper()
	fixtures.Lock()
	defer fixtures.Unlock()
	if dir, ok := fixtures.made[name]; ok {
		return dir
	}
	if fixtures.root == "" {
		root, err := os.MkdirTemp("", "clustersite-bench-")
		if err != nil {
			tb.Fatal(err)
		}
		fixtures.root, fixtures.made = root, map[string]string{}
	}
	dir := filepath.Join(fixtures.root, name)
	if err := make(dir); err != nil {
		tb.Fatalf("%s: %v", name, err)
	}
	fixtures.made[name] = dir
	return dir
}

// outputDir returns a new, empty output folder under the fixtures root.
// Outputs are removed only when the process ends: deleting 1.1 GB between
// two runs makes the next one slower on a disk that discards freed blocks
// (ext4 mounted with discard), so the runs would not be alike.
func outputDir(tb testing.TB) string {
	tb.Helper()
	fixtures.Lock()
	fixtures.outputs++
	name := fmt.Sprintf("output-%d", fixtures.outputs)
	fixtures.Unlock()
	return filepath.Join(fixture(tb, name, func(dir string) error { return os.MkdirAll(dir, 0o755) }), "public")
}

// corpusDir returns a site folder with n synthetic clusters.
func corpusDir(tb testing.TB, n int) string {
	return fixture(tb, fmt.Sprintf("corpus-%d", n), func(dir string) error {
		_, err := corpus.Write(dir, corpus.Options{Clusters: n, Seed: 1, ProfileShare: corpus.DefaultProfileShare})
		return err
	})
}

// hugoDir returns the Hugo site folder with the clusters of corpusDir(n).
func hugoDir(tb testing.TB, n int) string {
	src := corpusDir(tb, n)
	return fixture(tb, fmt.Sprintf("hugo-%d", n), func(dir string) error {
		s, problems, err := build.Load(os.DirFS(src), build.Options{})
		if err != nil || s == nil {
			return fmt.Errorf("load: %v %v", err, problems.Errors())
		}
		_, err = hugosite.Write(dir, s)
		return err
	})
}

// binary returns the clustersite command, built from this checkout.
func binary(tb testing.TB) string {
	dir := fixture(tb, "bin", func(dir string) error {
		out, err := exec.Command("go", "build", "-o", filepath.Join(dir, "clustersite"), "clustersite").CombinedOutput()
		if err != nil {
			return fmt.Errorf("go build: %v\n%s", err, out)
		}
		return nil
	})
	return filepath.Join(dir, "clustersite")
}

var sizes = []int{1000, 10000}

// BenchmarkBuild builds a whole corpus into an empty folder in this
// process: load, validate, statistics, render, write, swap.
//
// The variant cache=none decodes every content file and renders all
// Markdown; cache=warm builds with a cache folder (Options.CacheDir) that
// a build of the same corpus filled before the timer started, as a
// rebuild after a change to the theme or a file does.
func BenchmarkBuild(b *testing.B) {
	for _, n := range sizes {
		for _, cached := range []bool{false, true} {
			b.Run(fmt.Sprintf("clusters=%d/cache=%s", n, cacheName(cached)), func(b *testing.B) {
				fsys := os.DirFS(corpusDir(b, n))
				opts := cacheOptions(b, fsys, cached)
				peak := watchMemory(b)
				var cpu cpuMeter
				for b.Loop() {
					dest := outputDir(b)
					peak.start()
					cpu.start()
					buildInto(b, fsys, dest, opts)
					cpu.stop()
					peak.stop()
				}
				peak.report()
				cpu.report(b)
			})
		}
	}
}

func cacheName(cached bool) string {
	if cached {
		return "warm"
	}
	return "none"
}

// cacheOptions returns the options of a build of fsys without a cache
// folder or, when cached is set, with one that a build of fsys has
// filled: decoded files and rendered Markdown.
func cacheOptions(b *testing.B, fsys fs.FS, cached bool) build.Options {
	if !cached {
		return build.Options{}
	}
	opts := build.Options{CacheDir: b.TempDir()}
	buildInto(b, fsys, outputDir(b), opts)
	return opts
}

// BenchmarkFloor is the least any generator can do with a corpus: read and
// decode every assessment file with BurntSushi/toml, and write the files
// of a real build with the same bytes, on all cores. The bytes are
// computed before the timer starts.
func BenchmarkFloor(b *testing.B) {
	for _, n := range sizes {
		b.Run(fmt.Sprintf("clusters=%d", n), func(b *testing.B) {
			dir := corpusDir(b, n)
			out := builtFiles(b, dir)
			var cpu cpuMeter
			for b.Loop() {
				dest := outputDir(b)
				cpu.start()
				if err := floor(dir, out, dest); err != nil {
					b.Fatal(err)
				}
				cpu.stop()
			}
			cpu.report(b)
		})
	}
}

// BenchmarkBuildVsFloor runs the floor, a build of 10,000 clusters and a
// build with a warm cache (decoded files, rendered Markdown) in every
// iteration and reports the three times, build/floor, the figure of the
// target "at most 1.5 times the floor", and cached-build/floor.
func BenchmarkBuildVsFloor(b *testing.B) {
	dir := corpusDir(b, 10000)
	fsys := os.DirFS(dir)
	out := builtFiles(b, dir)
	b.Run("clusters=10000", func(b *testing.B) {
		warm := cacheOptions(b, fsys, true)
		var floorTime, buildTime, cachedTime time.Duration
		for b.Loop() {
			start := time.Now()
			if err := floor(dir, out, outputDir(b)); err != nil {
				b.Fatal(err)
			}
			floorTime += time.Since(start)
			start = time.Now()
			buildInto(b, fsys, outputDir(b), build.Options{})
			buildTime += time.Since(start)
			start = time.Now()
			buildInto(b, fsys, outputDir(b), warm)
			cachedTime += time.Since(start)
		}
		b.ReportMetric(floorTime.Seconds()/float64(b.N), "floor-s/op")
		b.ReportMetric(buildTime.Seconds()/float64(b.N), "build-s/op")
		b.ReportMetric(cachedTime.Seconds()/float64(b.N), "cached-build-s/op")
		b.ReportMetric(buildTime.Seconds()/floorTime.Seconds(), "build/floor")
		b.ReportMetric(cachedTime.Seconds()/floorTime.Seconds(), "cached-build/floor")
	})
}

// BenchmarkRebuild builds 10,000 clusters over the output of the same
// build: nothing changed, so every file is linked from the previous site,
// none is written.
func BenchmarkRebuild(b *testing.B) {
	fsys := os.DirFS(corpusDir(b, 10000))
	dest := outputDir(b)
	buildInto(b, fsys, dest, build.Options{})
	b.Run("clusters=10000/unchanged", func(b *testing.B) {
		var cpu cpuMeter
		for b.Loop() {
			cpu.start()
			buildInto(b, fsys, dest, build.Options{})
			cpu.stop()
		}
		cpu.report(b)
	})
}

// buildInto builds fsys into dest as `clustersite build` does.
func buildInto(b *testing.B, fsys fs.FS, dest string, opts build.Options) {
	out, err := output.Create(dest)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := build.Run(context.Background(), fsys, theme, opts, out); err != nil {
		out.Abort()
		b.Fatal(err)
	}
	if err := out.Commit(); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkCommand runs `clustersite build` and `hugo` as processes on
// the same clusters, each into an empty folder, one after the other in
// every iteration; skipped without hugo. It reports the times, their
// ratio and each one's maximum resident set size. clustersite runs twice:
// with --no-cache, decoding every file and rendering all Markdown, and
// with the cache that its first run (before the timer) filled, as it is
// by default.
func BenchmarkCommand(b *testing.B) {
	hugo, err := exec.LookPath("hugo")
	if err != nil {
		b.Skip("hugo is not installed (apt-get install -y hugo)")
	}
	cs := binary(b)
	for _, n := range sizes {
		b.Run(fmt.Sprintf("clusters=%d", n), func(b *testing.B) {
			dir, hdir := corpusDir(b, n), hugoDir(b, n)
			xdg := "XDG_CACHE_HOME=" + b.TempDir()
			fill := exec.Command(cs, "build", "--quiet", "--site", dir, "--dest", outputDir(b))
			fill.Env = append(os.Environ(), xdg)
			if out, err := fill.CombinedOutput(); err != nil {
				b.Fatalf("%v\n%s", err, out)
			}
			var csRun, cachedRun, hugoRun commandRun
			for b.Loop() {
				csRun.run(b, exec.Command(cs, "build", "--quiet", "--no-cache", "--site", dir, "--dest", outputDir(b)))
				cached := exec.Command(cs, "build", "--quiet", "--site", dir, "--dest", outputDir(b))
				cached.Env = append(os.Environ(), xdg)
				cachedRun.run(b, cached)
				hugoRun.run(b, exec.Command(hugo, "--quiet", "-s", hdir, "-d", outputDir(b)))
			}
			csRun.report(b, "clustersite")
			cachedRun.report(b, "clustersite-cached")
			hugoRun.report(b, "hugo")
			b.ReportMetric(hugoRun.wall.Seconds()/csRun.wall.Seconds(), "hugo/clustersite")
			b.ReportMetric(hugoRun.wall.Seconds()/cachedRun.wall.Seconds(), "hugo/clustersite-cached")
		})
	}
}

// commandRun adds up the runs of one command.
type commandRun struct {
	n               int
	wall, cpu, user time.Duration
	maxRSS          int64 // KiB
}

func (r *commandRun) run(b *testing.B, c *exec.Cmd) {
	var out bytes.Buffer
	c.Stdout, c.Stderr = &out, &out
	start := time.Now()
	if err := c.Start(); err != nil {
		b.Fatal(err)
	}
	hwm := watchRSS(c.Process.Pid)
	err := c.Wait()
	r.wall += time.Since(start)
	if err != nil {
		b.Fatalf("%s: %v\n%s", strings.Join(c.Args, " "), err, &out)
	}
	r.cpu += c.ProcessState.UserTime() + c.ProcessState.SystemTime()
	r.user += c.ProcessState.UserTime()
	r.maxRSS = max(r.maxRSS, hwm())
	r.n++
}

// watchRSS follows the peak resident set size (VmHWM) of a running
// process, read from /proc every 5 ms; the returned function stops and
// gives the last value, in KiB. (The kernel's rusage of a child started by
// this large test process counts the parent's memory at exec, so it
// cannot be used.)
func watchRSS(pid int) func() int64 {
	done := make(chan struct{})
	var peak int64
	var wg sync.WaitGroup
	wg.Go(func() {
		status := fmt.Sprintf("/proc/%d/status", pid)
		for {
			if data, err := os.ReadFile(status); err == nil {
				for line := range strings.Lines(string(data)) {
					if kb, ok := strings.CutPrefix(line, "VmHWM:"); ok {
						var n int64
						fmt.Sscan(strings.TrimSuffix(strings.TrimSpace(kb), " kB"), &n)
						peak = max(peak, n)
					}
				}
			}
			select {
			case <-done:
				return
			case <-time.After(5 * time.Millisecond):
			}
		}
	})
	return func() int64 {
		close(done)
		wg.Wait()
		return peak
	}
}

func (r *commandRun) report(b *testing.B, name string) {
	b.ReportMetric(r.wall.Seconds()/float64(r.n), name+"-s/op")
	b.ReportMetric(r.cpu.Seconds()/float64(r.n), name+"-cpu-s/op")
	b.ReportMetric(r.user.Seconds()/float64(r.n), name+"-user-s/op")
	b.ReportMetric(float64(r.maxRSS)*1024/1e6, name+"-maxrss-MB")
}

// memoryWatch samples the bytes of heap objects, live or not yet
// collected.
type memoryWatch struct {
	b        *testing.B
	base     uint64
	peak     uint64
	done     chan struct{}
	finished sync.WaitGroup
	max      uint64
}

func watchMemory(b *testing.B) *memoryWatch { return &memoryWatch{b: b} }

// start begins sampling, measuring from the objects live now.
func (w *memoryWatch) start() {
	w.b.StopTimer()
	runtime.GC()
	w.base, w.peak = heapObjects(), 0
	w.done = make(chan struct{})
	w.finished.Go(func() {
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			w.peak = max(w.peak, heapObjects())
			select {
			case <-w.done:
				return
			case <-t.C:
			}
		}
	})
	w.b.StartTimer()
}

// stop ends sampling and keeps the largest peak so far.
func (w *memoryWatch) stop() {
	close(w.done)
	w.finished.Wait()
	if w.peak > w.base {
		w.max = max(w.max, w.peak-w.base)
	}
}

func (w *memoryWatch) report() { w.b.ReportMetric(float64(w.max)/1e6, "peak-heap-MB") }

// heapObjects is the size of the heap's objects, live or unswept.
func heapObjects() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// BenchmarkPreview edits one assessment of 10,000 clusters and measures
// what `serve` does before it can answer with the changed page: reload the
// site folder and render the report page of the edited assessment. The
// variant watched reloads as serve does, with a build.Loader told which
// file changed (Loader.Changed), which reads that file only and derives
// the site from the last one; cached reloads with a Loader not told, which
// looks at every file to find the changed one; full loads everything with
// build.Load.
func BenchmarkPreview(b *testing.B) {
	dir := b.TempDir()
	if _, err := corpus.Write(dir, corpus.Options{Clusters: 10000, Seed: 1, ProfileShare: corpus.DefaultProfileShare}); err != nil {
		b.Fatal(err)
	}
	fsys := os.DirFS(dir)
	ed := newEditor(b, dir)
	loaders := map[string]func() (*site.Site, error){
		"full": func() (*site.Site, error) {
			s, ps, err := build.Load(fsys, build.Options{})
			return checked(s, ps.Errors(), err)
		},
	}
	for _, name := range []string{"watched", "cached"} {
		loader := build.NewLoader()
		loaders[name] = func() (*site.Site, error) {
			if name == "watched" {
				loader.Changed([]string{ed.rel})
			}
			s, ps, err := loader.Load(fsys, build.Options{})
			return checked(s, ps.Errors(), err)
		}
		if _, err := loaders[name](); err != nil { // fill the cache
			b.Fatal(err)
		}
	}
	for _, name := range []string{"watched", "cached", "full"} {
		b.Run("clusters=10000/"+name, func(b *testing.B) {
			var cpu cpuMeter
			for b.Loop() {
				want := ed.edit()
				cpu.start()
				s, err := loaders[name]()
				if err != nil {
					b.Fatal(err)
				}
				page := ed.render(s)
				cpu.stop()
				if !bytes.Contains(page, []byte(want)) {
					b.Fatalf("the page does not show the edit %q", want)
				}
			}
			cpu.report(b)
		})
	}
}

// checked turns content errors into an error.
func checked(s *site.Site, errs model.Problems, err error) (*site.Site, error) {
	if err != nil {
		return nil, err
	}
	if s == nil {
		return nil, errs
	}
	return s, nil
}

// editor changes the summary of one full assessment of a corpus, a new
// text each time, and renders its report page. It puts the file back when
// the benchmark ends.
type editor struct {
	b    *testing.B
	file string // on disk
	rel  string // file, relative to the site folder
	page string // output path of its report page
	orig []byte
	n    int
	r    *render.Renderer
}

func newEditor(b *testing.B, dir string) *editor {
	root := filepath.Join(dir, filepath.FromSlash(corpus.ContentDir))
	clusters, err := os.ReadDir(root)
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range clusters {
		files, _ := filepath.Glob(filepath.Join(root, c.Name(), "*.toml"))
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			if !bytes.Contains(data, []byte(`publish = "full"`)) {
				continue
			}
			r, err := render.New(theme, os.DirFS(dir), "en")
			if err != nil {
				b.Fatal(err)
			}
			date := strings.TrimSuffix(filepath.Base(f), ".toml")
			rel := path.Join(corpus.ContentDir, c.Name(), filepath.Base(f))
			e := &editor{b: b, file: f, rel: rel, page: "clusters/" + c.Name() + "/" + date + "/index.html", orig: data, r: r}
			b.Cleanup(func() { os.WriteFile(f, data, 0o644) })
			return e
		}
	}
	b.Fatal("no full assessment in the corpus")
	return nil
}

// edit writes a new version of the file and returns the text that its
// page must now show.
func (e *editor) edit() string {
	e.n++
	text := fmt.Sprintf("Edited for the %dth time.", e.n)
	data := bytes.Replace(e.orig, []byte(`summary = """`), []byte(`summary = """`+text+" "), 1)
	if err := os.WriteFile(e.file, data, 0o644); err != nil {
		e.b.Fatal(err)
	}
	return text
}

// render renders the edited assessment's report page from s, finding it
// the way serve does (site.Page).
func (e *editor) render(s *site.Site) []byte {
	p, ok := s.Page(e.page)
	if !ok {
		e.b.Fatalf("no page %s", e.page)
	}
	var buf bytes.Buffer
	if err := e.r.Render(&buf, p); err != nil {
		e.b.Fatal(err)
	}
	return buf.Bytes()
}

// BenchmarkRender renders every page of 10,000 clusters into memory on
// all cores: the build without loading and writing.
func BenchmarkRender(b *testing.B) {
	s, r := loadedSite(b, 10000)
	pages := s.Pages()
	b.Run("clusters=10000", func(b *testing.B) {
		var cpu cpuMeter
		for b.Loop() {
			cpu.start()
			if err := parallel(len(pages), func(i int) error {
				return r.Render(io.Discard, pages[i])
			}); err != nil {
				b.Fatal(err)
			}
			cpu.stop()
		}
		cpu.report(b)
	})
}

// loadedSite loads the corpus of n clusters and makes its renderer.
func loadedSite(b *testing.B, n int) (*site.Site, *render.Renderer) {
	dir := corpusDir(b, n)
	s, problems, err := build.Load(os.DirFS(dir), build.Options{})
	if _, err := checked(s, problems.Errors(), err); err != nil {
		b.Fatal(err)
	}
	r, err := render.New(theme, os.DirFS(dir), s.Config.Language)
	if err != nil {
		b.Fatal(err)
	}
	return s, r
}

// cpuMeter adds up the processor time of this process between start and
// stop, and the user part of it apart: the system part, mostly file
// creation, swings by seconds with the disk's state, while work such as
// decoding or rendering shows in user time.
type cpuMeter struct {
	total, user, at, atUser time.Duration
	n                       int
}

func (m *cpuMeter) start() { m.at, m.atUser = processorTime() }

func (m *cpuMeter) stop() {
	total, user := processorTime()
	m.total += total - m.at
	m.user += user - m.atUser
	m.n++
}

func (m *cpuMeter) report(b *testing.B) {
	if m.n > 0 {
		b.ReportMetric(m.total.Seconds()/float64(m.n), "cpu-s/op")
		b.ReportMetric(m.user.Seconds()/float64(m.n), "user-s/op")
	}
}

// processorTime is the user and system time of this process so far, and
// the user time alone.
func processorTime() (total, user time.Duration) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), time.Duration(ru.Utime.Nano())
}

// BenchmarkSearchIndex makes the search index files of 10,000 clusters
// (part of every build).
func BenchmarkSearchIndex(b *testing.B) {
	s, problems, err := build.Load(os.DirFS(corpusDir(b, 10000)), build.Options{})
	if _, err := checked(s, problems.Errors(), err); err != nil {
		b.Fatal(err)
	}
	b.Run("clusters=10000", func(b *testing.B) {
		for b.Loop() {
			if files := s.SearchIndex(); len(files.Index.Data) == 0 {
				b.Fatal("empty search index")
			}
		}
	})
}
