package content

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync"
	"testing"
	"time"

	"clustersite/generator/config"
	"clustersite/generator/model"
)

// maxPeakHeap bounds the heap a single hostile file may make Load use:
// the issue allows "a few hundred MB"; every case below stays far under.
const maxPeakHeap = 256 << 20

// TestHostileFilesAreBounded loads, from disk, one file at a time that is
// too big, too deep, too long or not text, and checks each gives the
// expected problem (or loads) without a crash, with the heap in use at
// most maxPeakHeap above where it started. Run with -v for the figures:
// peak heap above the start, bytes allocated and time of each case.
func TestHostileFilesAreBounded(t *testing.T) {
	valid := "[cluster]\nname = \"Qoot Cluster\"\ncountry = \"JO\"\n\n[assessment]\ndate = 2019-07-25\nlabel = \"bronze\"\npublish = \"profile\"\n"
	withCluster := func(lines string) string {
		return strings.Replace(valid, "country = \"JO\"\n", "country = \"JO\"\n"+lines+"\n", 1)
	}
	random := make([]byte, 1<<20)
	for i := range random {
		random[i] = byte(rand.N(256))
	}
	for _, tc := range []struct {
		name string
		data func() []byte
		want string // a problem that must be reported; "" for none
	}{
		{"64 MiB file", func() []byte { return []byte(valid + "# " + strings.Repeat("x", 64<<20) + "\n") }, "file is larger than 1 MiB"},
		{"10 MB string", func() []byte { return []byte(withCluster("description = \"" + strings.Repeat("é", 5_000_000) + "\"")) }, "file is larger than 1 MiB"},
		{"1 MB string", func() []byte { return []byte(withCluster("description = \"" + strings.Repeat("x", 1_000_000) + "\"")) }, "cluster.description: is longer than 100000 bytes"},
		{"100,000 sectors", func() []byte {
			return []byte(withCluster("sectors = [" + strings.Repeat(`"Agri-food", `, 100_000)[:1<<20-400] + `"x"]`))
		}, "sectors"},
		{"100,000 short sectors", func() []byte { return []byte(withCluster("sectors = [" + strings.Repeat(`"a",`, 100_000) + "]")) }, "cluster.sectors: has 100000 sectors, more than 1000"},
		{"200,000 nested inline tables", func() []byte {
			return []byte("x = " + strings.Repeat("{b=", 200_000) + "1" + strings.Repeat("}", 200_000))
		}, "nested deeper than 16 levels"},
		{"500,000 nested arrays", func() []byte { return []byte("x = " + strings.Repeat("[", 500_000) + strings.Repeat("]", 500_000)) }, "nested deeper than 16 levels"},
		{"dotted key of 300,000 parts", func() []byte { return []byte(valid + "[indicators]\n" + strings.Repeat("a.", 300_000) + "b = 1\n") }, "nested deeper than 16 levels"},
		{"90,000 unknown keys", func() []byte { return []byte(withCluster(repeatf(90_000, "k%d = 1\n"))) }, "89900 more problems in this file are not listed"},
		{"90,000 unknown indicators", func() []byte { return []byte(valid + "[indicators]\n" + repeatf(90_000, "x%d = 1\n")) }, "89900 more problems in this file are not listed"},
		{"100,000 tables", func() []byte { return []byte(valid + repeatf(100_000, "[t%d]\n")) }, "99900 more problems in this file are not listed"},
		{"100,000 array tables", func() []byte { return []byte(valid + strings.Repeat("[[x]]\n", 100_000)) }, "x: unknown key"},
		{"one line of 1 MiB", func() []byte { return bytes.Repeat([]byte("a"), 1<<20) }, "1:1048576: unexpected EOF"},
		{"1 MiB of random bytes", func() []byte { return random }, ""},
		{"invalid UTF-8 in a name", func() []byte { return []byte(strings.Replace(valid, "Qoot Cluster", "Qoot \xff\xfe Cluster", 1)) }, "invalid UTF-8"},
		{"UTF-16 with its byte order mark", func() []byte { return utf16LE("\ufeff" + valid) }, ""},
		{"UTF-8 byte order mark", func() []byte { return []byte("\ufeff" + valid) }, "-"},
		{"two byte order marks", func() []byte { return []byte("\ufeff\ufeff" + valid) }, "-"},
		{"100,000 combining marks in a name", func() []byte {
			return []byte(strings.Replace(valid, "Qoot Cluster", "Q"+strings.Repeat("\u0301", 49_999), 1))
		}, "-"},
		{"1 MiB of \\u escapes", func() []byte {
			return []byte(withCluster("description = \"" + strings.Repeat(`\u00e9`, 170_000) + "\""))
		}, "is longer than 100000 bytes"},
		{"100,000 multichoice elements", func() []byte {
			return []byte(valid + "[indicators]\nchannels = [" + strings.Repeat(`"website", `, 90_000) + "]\n")
		}, "indicators.channels: must be a multichoice"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			data := tc.data()
			writeCopies(t, dir, data, 1)
			size := len(data)
			data = nil
			var ps model.Problems
			peak, allocated, took := measure(func() {
				_, ps = Load(os.DirFS(dir), config.Default(), Options{})
			})
			got := ps.Error()
			switch {
			case tc.want == "-" && len(ps.Errors()) > 0:
				t.Errorf("problems:\n%s\nwant none", got)
			case tc.want != "" && tc.want != "-" && !strings.Contains(got, tc.want):
				t.Errorf("problems:\n%.600s\nwant one with %q", got, tc.want)
			case tc.want == "" && len(ps.Errors()) == 0:
				t.Errorf("no error for %s", tc.name)
			}
			if peak > maxPeakHeap {
				t.Errorf("peak heap %d MiB above the start, more than %d MiB", peak>>20, maxPeakHeap>>20)
			}
			t.Logf("%-34s file %8d B  problems %6d  peak heap +%6.1f MiB  allocated %7.1f MiB  %v",
				tc.name, size, len(ps), float64(peak)/(1<<20), float64(allocated)/(1<<20), took.Round(time.Millisecond))
		})
	}
}

// TestManyHostileFilesAreBounded: a site of eight files, each with 100,000
// tables that are not allowed. Each file reports its first 100 problems
// and a count of the rest, so the problems of many such files cannot add
// up (without the limit: 800,015 problems, 444 MiB). What remains is the
// decoding of the files that load at once, one per core: with two, as in
// CI, the heap stays under 384 MiB however many files there are.
func TestManyHostileFilesAreBounded(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	valid := "[cluster]\nname = \"Qoot Cluster\"\ncountry = \"JO\"\n\n[assessment]\ndate = 2019-07-25\nlabel = \"bronze\"\n"
	dir := t.TempDir()
	const files = 8
	writeCopies(t, dir, []byte(valid+repeatf(100_000, "[t%d]\n")), files)
	var ps model.Problems
	peak, allocated, took := measure(func() {
		_, ps = Load(os.DirFS(dir), config.Default(), Options{})
	})
	perFile := map[string]int{}
	for _, p := range ps {
		perFile[p.Path]++
	}
	for path, n := range perFile {
		if n > maxProblemsPerFile+2 { // the limit, its note, a duplicate date
			t.Errorf("%s: %d problems", path, n)
		}
	}
	if len(perFile) != files || !strings.Contains(ps.Error(), "99901 more problems in this file are not listed") {
		t.Errorf("problems of %d files, want %d", len(perFile), files)
	}
	if peak > 384<<20 {
		t.Errorf("peak heap %d MiB above the start, more than 384 MiB", peak>>20)
	}
	t.Logf("%d files of 100,000 tables: problems %d  peak heap +%.1f MiB  allocated %.1f MiB  %v",
		files, len(ps), float64(peak)/(1<<20), float64(allocated)/(1<<20), took.Round(time.Millisecond))
}

// writeCopies writes data as the assessment file qoot and n-1 more files
// beside it.
func writeCopies(t *testing.T, dir string, data []byte, n int) {
	t.Helper()
	for i := range n {
		p := filepath.Join(dir, filepath.FromSlash(qoot))
		if i > 0 {
			p = filepath.Join(dir, "content", "clusters", fmt.Sprintf("copy-%d", i), "2019-07-25.toml")
		}
		must(t, os.MkdirAll(filepath.Dir(p), 0o755))
		must(t, os.WriteFile(p, data, 0o644))
	}
}

func repeatf(n int, format string) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, format, i)
	}
	return b.String()
}

func utf16LE(s string) []byte {
	var b []byte
	for _, r := range s {
		b = append(b, byte(r), byte(r>>8))
	}
	return b
}

// measure runs f and returns the highest heap in use (objects, live or
// not yet swept: what the process holds) above the level before f,
// sampled every 100 µs, the bytes f allocated in all, and its time.
func measure(f func()) (peak, allocated uint64, took time.Duration) {
	samples := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/gc/heap/allocs:bytes"}}
	read := func() (inUse, allocs uint64) {
		metrics.Read(samples)
		return samples[0].Value.Uint64(), samples[1].Value.Uint64()
	}
	runtime.GC()
	base, allocs0 := read()
	var (
		mu   sync.Mutex
		high = base
		stop = make(chan struct{})
		done = make(chan struct{})
	)
	go func() {
		defer close(done)
		tick := time.NewTicker(100 * time.Microsecond)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
				if v, _ := read(); v > high {
					mu.Lock()
					high = v
					mu.Unlock()
				}
			}
		}
	}()
	start := time.Now()
	f()
	took = time.Since(start)
	end, allocs1 := read()
	close(stop)
	<-done
	mu.Lock()
	defer mu.Unlock()
	high = max(high, end)
	return high - base, allocs1 - allocs0, took
}
