// Package corpus generates synthetic site folders for benchmarks and tests:
// thousands of clusters with realistic multilingual names, one to three
// assessments each, every indicator of the default methodology filled in,
// in the content format of PRODUCT.md.
//
// The output depends only on Options: the same options give the same bytes
// on every machine and Go version that keeps math/rand/v2's PCG stable.
// Cluster i depends only on the seed, i and the names of clusters 0..i-1,
// so the corpus of n clusters is a prefix of the corpus of n+1 clusters
// with the same seed and share.
//
//	fsys := corpus.FS(corpus.Options{Clusters: 1000, Seed: 1, ProfileShare: corpus.DefaultProfileShare})
//	dir, problems := content.Load(fsys, config.Default(), content.Options{})
//
// From the command line: go run ./generator/corpus/cmd/gencorpus -n 10000 -seed 1 -out /tmp/corpus10k
package corpus

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"testing/fstest"
	"time"
)

// Options for a corpus.
type Options struct {
	// Clusters is the number of clusters; each has one to three
	// assessments (40 % one, 40 % two, 20 % three).
	Clusters int
	// Seed selects the corpus: the same seed gives the same bytes.
	Seed int64
	// ProfileShare is the share of assessments, from 0 to 1, written with
	// publish = "profile" (the rest are "full"). It means what it says:
	// the zero value gives no profile assessments at all. The corpus the
	// performance issue asks for uses DefaultProfileShare.
	ProfileShare float64
}

// DefaultProfileShare is the share of profile-only assessments of the
// corpus described in the performance issue.
const DefaultProfileShare = 0.25

// Today is the build date written to config.toml; every assessment date
// is on or before it.
const Today = "2026-11-28"

// ContentDir is where the assessment files go, relative to the site folder.
const ContentDir = "content/clusters"

// Write writes a complete site folder into dir: config.toml (title and
// today = 2026-11-28) and content/clusters/<id>/<date>.toml, one file per
// assessment. dir must be empty or not exist, so that no file of an older
// corpus survives. It returns the number of assessment files written.
func Write(dir string, opts Options) (files int, err error) {
	if err := checkOptions(opts); err != nil {
		return 0, err
	}
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
	case err != nil:
		return 0, err
	case len(entries) > 0:
		return 0, fmt.Errorf("corpus: %s is not empty; remove it or choose another folder", dir)
	}
	if err := os.MkdirAll(filepath.Join(dir, filepath.FromSlash(ContentDir)), 0o755); err != nil {
		return 0, err
	}
	if err := os.WriteFile(filepath.Join(dir, "config.toml"), configFile(opts), 0o644); err != nil {
		return 0, err
	}
	w := newWriter(dir)
	n := generate(opts, w.clusterDir, w.file)
	if err := w.close(); err != nil {
		return 0, err
	}
	return n, nil
}

// Files returns the same corpus as Write, as a map from slash-separated
// path (relative to the site folder) to content. It panics on invalid
// options (a negative count or a share outside 0..1).
func Files(opts Options) map[string][]byte {
	if err := checkOptions(opts); err != nil {
		panic(err)
	}
	m := make(map[string][]byte, opts.Clusters*2+1)
	m["config.toml"] = configFile(opts)
	generate(opts, func(string) {}, func(path string, data []byte) { m[path] = data })
	return m
}

// FS returns Files as an fstest.MapFS, ready for content.Load.
func FS(opts Options) fstest.MapFS {
	files := Files(opts)
	fsys := make(fstest.MapFS, len(files))
	for p, data := range files {
		fsys[p] = &fstest.MapFile{Data: data, Mode: 0o644}
	}
	return fsys
}

func checkOptions(opts Options) error {
	if opts.Clusters < 0 {
		return fmt.Errorf("corpus: Clusters must not be negative, got %d", opts.Clusters)
	}
	if !(opts.ProfileShare >= 0 && opts.ProfileShare <= 1) {
		return fmt.Errorf("corpus: ProfileShare must be from 0 to 1, got %v", opts.ProfileShare)
	}
	return nil
}

func configFile(opts Options) []byte {
	n := strconv.Itoa(opts.Clusters)
	s := strconv.FormatInt(opts.Seed, 10)
	return []byte("# A synthetic corpus written by clustersite/generator/corpus: " + n +
		" clusters, seed " + s + ", profile share " + strconv.FormatFloat(opts.ProfileShare, 'g', -1, 64) + ".\n" +
		"title = \"Synthetic Cluster Directory (" + n + " clusters, seed " + s + ")\"\n" +
		"today = " + Today + "\n")
}

// Dates, as days since 1970-01-01.
var (
	firstDay = dayOf(2012, 1, 4)
	todayDay = dayOf(2026, 11, 28)
)

func dayOf(y int, m time.Month, d int) int {
	return int(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

func dateOf(day int) time.Time { return time.Unix(int64(day)*86400, 0).UTC() }

// appendDate appends YYYY-MM-DD.
func appendDate(b []byte, t time.Time) []byte {
	y, m, d := t.Date()
	return append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+int(m)/10), byte('0'+int(m)%10), '-', byte('0'+d/10), byte('0'+d%10))
}

// splitmix64 decorrelates the per-cluster seeds.
func splitmix64(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ x>>30) * 0xbf58476d1ce4e5b9
	x = (x ^ x>>27) * 0x94d049bb133111eb
	return x ^ x>>31
}

// pick returns an index into weights, drawn with probability proportional
// to the weight.
func pick(r *rand.Rand, weights []int, total int) int {
	n := r.IntN(total)
	for i, w := range weights {
		if n < w {
			return i
		}
		n -= w
	}
	return len(weights) - 1
}

func oneOf(r *rand.Rand, list []string) string { return list[r.IntN(len(list))] }

// rangeInt returns a number from lo to hi inclusive.
func rangeInt(r *rand.Rand, lo, hi int) int { return lo + r.IntN(hi-lo+1) }
