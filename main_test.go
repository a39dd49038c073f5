package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
)

var update = flag.Bool("update", false, "rewrite golden files")

// buildSample builds the bundled sample site (this repository's content/)
// into a fresh folder and returns it.
func buildSample(t *testing.T, extra ...string) string {
	t.Helper()
	dest := filepath.Join(t.TempDir(), "public")
	args := append([]string{"build", "--site", ".", "--dest", dest}, extra...)
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), args, &stdout, &stderr); code != 0 {
		t.Fatalf("build exit %d\nstdout:\n%s\nstderr:\n%s", code, &stdout, &stderr)
	}
	return dest
}

// readTree returns every file under dir by slash path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func treeHash(t *testing.T, dir string) string {
	t.Helper()
	files := readTree(t, dir)
	h := sha256.New()
	for _, name := range slices.Sorted(maps.Keys(files)) {
		h.Write([]byte(name + "\x00"))
		h.Write(files[name])
	}
	return hex.EncodeToString(h.Sum(nil))
}

func doc(t *testing.T, files map[string][]byte, name string) *goquery.Document {
	t.Helper()
	data, ok := files[name]
	if !ok {
		t.Fatalf("no file %s in output", name)
	}
	d, err := goquery.NewDocumentFromReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestBuildSampleWritesEveryKindOfPage(t *testing.T) {
	files := readTree(t, buildSample(t))
	for _, name := range []string{
		"index.html", "404.html", "sitemap.xml", "robots.txt", "clusters.json",
		"clusters/qoot-cluster/index.html", "clusters/qoot-cluster/2019-07-25/index.html",
		"countries/index.html", "countries/jo/index.html",
		"labels/index.html", "labels/bronze/index.html", "labels/silver/index.html", "labels/gold/index.html",
		"portfolios/index.html", "portfolios/food-industry/index.html",
	} {
		if _, ok := files[name]; !ok {
			t.Errorf("missing %s", name)
		}
	}
	d := doc(t, files, "clusters/qoot-cluster/2019-07-25/index.html")
	if got := d.Find("h1").Text(); got != "Qoot Cluster" {
		t.Errorf("report h1 = %q", got)
	}
	if got := d.Find(".report-id").First().Text(); got != "JOR001201907C190001" {
		t.Errorf("report id = %q", got)
	}
	if got := d.Find(".report-facts time").Eq(1).AttrOr("datetime", ""); got != "2021-07-25" {
		t.Errorf("valid until = %q, want 2021-07-25", got)
	}
	if n := d.Find("table.indicators tbody tr").Length(); n != 36 {
		t.Errorf("indicator rows = %d, want 36", n)
	}
	if got := doc(t, files, "countries/jo/index.html").Find("h1").Text(); got != "Jordan" {
		t.Errorf("country page h1 = %q, want Jordan", got)
	}
}

func TestClustersJSONDescribesEveryPublishedCluster(t *testing.T) {
	files := readTree(t, buildSample(t))
	var data struct {
		DataAsOf string `json:"data_as_of"`
		Clusters []struct {
			ID, Name, Country, Portfolio, Label, Status, URL string
			ValidUntil                                       string `json:"valid_until"`
			Assessments                                      []struct {
				Date, Label, URL string
				ValidUntil       string `json:"valid_until"`
			}
		}
	}
	if err := json.Unmarshal(files["clusters.json"], &data); err != nil {
		t.Fatal(err)
	}
	if data.DataAsOf != "2026-11-28" {
		t.Errorf("data_as_of = %q", data.DataAsOf)
	}
	if len(data.Clusters) < 15 {
		t.Errorf("clusters = %d, want at least 15", len(data.Clusters))
	}
	found := false
	for _, c := range data.Clusters {
		if c.ID != "qoot-cluster" {
			continue
		}
		found = true
		if c.Country != "JO" || c.Label != "bronze" || c.ValidUntil != "2021-07-25" || c.Status != "lapsed" || c.URL != "clusters/qoot-cluster/" {
			t.Errorf("qoot = %+v", c)
		}
		if len(c.Assessments) != 1 || c.Assessments[0].Date != "2019-07-25" || c.Assessments[0].URL != "clusters/qoot-cluster/2019-07-25/" {
			t.Errorf("qoot assessments = %+v", c.Assessments)
		}
	}
	if !found {
		t.Error("qoot-cluster missing from clusters.json")
	}
	for _, c := range data.Clusters {
		if _, ok := files[c.URL+"index.html"]; !ok {
			t.Errorf("%s: url %s has no page", c.ID, c.URL)
		}
	}
}

func TestRebuildIsByteIdentical(t *testing.T) {
	a, b := buildSample(t), buildSample(t)
	if ha, hb := treeHash(t, a), treeHash(t, b); ha != hb {
		t.Errorf("two builds differ: %s vs %s", ha, hb)
	}
}

// TestBuildFromTheCacheIsByteIdentical builds the sample without the
// cache of decoded files, then with it twice (the first fills it, the
// second takes every file without problems from it): all three must be
// the same, and the cache must lie in the user's cache folder.
func TestBuildFromTheCacheIsByteIdentical(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	cache := siteCacheDir(".", "")
	if base, _ := os.UserCacheDir(); !strings.HasPrefix(cache, base+string(filepath.Separator)) {
		t.Fatalf("the cache %s is not in the user's cache folder %s", cache, base)
	}
	none := buildSample(t, "--no-cache")
	if _, err := os.Stat(cache); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("--no-cache made the cache: %v", err)
	}
	filling := buildSample(t)
	file := filepath.Join(cache, "decoded.bin")
	info, err := os.Stat(file)
	if err != nil {
		t.Fatal("the build left no cache:", err)
	}
	markdown := filepath.Join(cache, "markdown.bin")
	mdInfo, err := os.Stat(markdown)
	if err != nil {
		t.Fatal("the build left no store of rendered Markdown:", err)
	}
	filled := buildSample(t)
	if again, err := os.Stat(file); err != nil || !os.SameFile(info, again) {
		t.Error("the cache was written again though no file changed")
	}
	// Markdown the store lacked would have been rendered and appended.
	if again, err := os.Stat(markdown); err != nil || !os.SameFile(mdInfo, again) || again.Size() != mdInfo.Size() {
		t.Error("the store of rendered Markdown was written again though no file changed")
	}
	want := treeHash(t, none)
	if treeHash(t, filling) != want || treeHash(t, filled) != want {
		t.Error("the builds with the cache differ from the one without")
	}
}

func TestSiteCacheIsNeverInsideTheSiteOrItsOutput(t *testing.T) {
	root := t.TempDir()
	site, dest := filepath.Join(root, "site"), filepath.Join(root, "out")
	for _, tc := range []struct {
		cacheHome string
		ok        bool
	}{
		{filepath.Join(root, "cache"), true},
		{filepath.Join(site, ".cache"), false},
		{site, false},
		{filepath.Join(dest, "cache"), false},
		{root, true}, // the site lies inside the cache folder, not the other way round
	} {
		t.Setenv("XDG_CACHE_HOME", tc.cacheHome)
		if got := siteCacheDir(site, dest); (got != "") != tc.ok {
			t.Errorf("XDG_CACHE_HOME=%s: cache folder %q", tc.cacheHome, got)
		}
	}
}

// TestRebuildWithNothingChangedRewritesNoFile builds the sample twice
// into the same folder: the second build must link every file from the
// first (same inode, same modification time), so deploy tools that sync by
// time or checksum upload nothing, while still swapping the folder
// atomically (the folder itself is new).
func TestRebuildWithNothingChangedRewritesNoFile(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	build := func() {
		var stdout, stderr bytes.Buffer
		if code := run(context.Background(), []string{"build", "--site", ".", "--dest", dest}, &stdout, &stderr); code != 0 {
			t.Fatalf("build exit %d: %s", code, &stderr)
		}
	}
	build()
	old := time.Now().Add(-time.Hour).Truncate(time.Second)
	before := fileIdentities(t, dest, old)
	build()
	after := fileIdentities(t, dest, time.Time{})
	if len(after) != len(before) {
		t.Fatalf("%d files after the rebuild, %d before", len(after), len(before))
	}
	for name, id := range before {
		if after[name] != id {
			t.Errorf("%s was rewritten: %+v, was %+v", name, after[name], id)
		}
	}
}

// fileIdentity is what shows that a file was rewritten.
type fileIdentity struct {
	Inode   uint64
	ModTime time.Time
}

// fileIdentities returns the identity of every file under dir, first
// setting each file's modification time to setTime unless it is zero (so
// a rewrite cannot go unseen within the clock's resolution).
func fileIdentities(t *testing.T, dir string, setTime time.Time) map[string]fileIdentity {
	t.Helper()
	ids := map[string]fileIdentity{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if !setTime.IsZero() {
			if err := os.Chtimes(p, setTime, setTime); err != nil {
				return err
			}
		}
		fi, err := os.Stat(p)
		if err != nil {
			return err
		}
		ino, ok := inode(fi)
		if !ok {
			t.Skip("no inode numbers on this system")
		}
		rel, _ := filepath.Rel(dir, p)
		ids[filepath.ToSlash(rel)] = fileIdentity{Inode: ino, ModTime: fi.ModTime()}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(ids) == 0 {
		t.Fatal("no files")
	}
	return ids
}

// TestReportPageGolden pins the whole HTML of one report page. Run
// go test -run TestReportPageGolden -update after an intended change.
func TestReportPageGolden(t *testing.T) {
	files := readTree(t, buildSample(t))
	got := files["clusters/qoot-cluster/2019-07-25/index.html"]
	// The asset hash changes with every style edit; the golden file
	// pins the page, not the stylesheet.
	got = stripAssetHashes(got)
	golden := filepath.Join("testdata", "golden", "qoot-report.html")
	if *update {
		os.MkdirAll(filepath.Dir(golden), 0o755)
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("report page differs from %s; rerun with -update if intended.\n%s", golden, firstDiff(got, want))
	}
}

func stripAssetHashes(b []byte) []byte {
	var out []string
	for _, line := range strings.SplitAfter(string(b), "\n") {
		if i := strings.Index(line, "assets/"); i >= 0 {
			if j := strings.IndexAny(line[i:], "\""); j > 0 {
				name := line[i : i+j]
				ext := path.Ext(name)
				base := strings.TrimSuffix(name, ext)
				if k := strings.LastIndexByte(base, '.'); k > 0 {
					line = strings.Replace(line, name, base[:k]+ext, 1)
				}
			}
		}
		out = append(out, line)
	}
	return []byte(strings.Join(out, ""))
}

func firstDiff(a, b []byte) string {
	al, bl := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			return "line " + strconv.Itoa(i+1) + ":\n got: " + al[i] + "\nwant: " + bl[i]
		}
	}
	return "lengths differ"
}

// TestFailedBuildLeavesPreviousOutput breaks a copy of the sample and checks
// that the build fails with exit 1, names the problem, and leaves the
// previous public/ byte for byte as it was.
func TestFailedBuildLeavesPreviousOutput(t *testing.T) {
	siteDir := t.TempDir()
	if err := os.CopyFS(siteDir, os.DirFS(".")); err != nil {
		t.Fatal(err)
	}
	os.RemoveAll(filepath.Join(siteDir, "public"))
	dest := filepath.Join(siteDir, "public")
	var out, errs bytes.Buffer
	if code := run(context.Background(), []string{"build", "--site", siteDir}, &out, &errs); code != 0 {
		t.Fatalf("first build: exit %d: %s", code, &errs)
	}
	before := treeHash(t, dest)
	bad := filepath.Join(siteDir, "content", "clusters", "broken", "2024-01-01.toml")
	os.MkdirAll(filepath.Dir(bad), 0o755)
	os.WriteFile(bad, []byte("[cluster]\nname = \"Broken\"\ncountry = \"XX\"\n[assessment]\ndate = 2024-01-01\nlabel = \"platinum\"\n"), 0o644)
	errs.Reset()
	if code := run(context.Background(), []string{"build", "--site", siteDir}, &out, &errs); code != 1 {
		t.Fatalf("broken build: exit %d, want 1: %s", code, &errs)
	}
	for _, want := range []string{
		"content/clusters/broken/2024-01-01.toml:3:",
		"content/clusters/broken/2024-01-01.toml:6:",
	} {
		if !strings.Contains(errs.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, &errs)
		}
	}
	if after := treeHash(t, dest); after != before {
		t.Error("a failed build changed the previous output")
	}
	entries, _ := os.ReadDir(siteDir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("staging folder %s left behind", e.Name())
		}
	}
}

func TestUsageErrorsExit2(t *testing.T) {
	for _, args := range [][]string{{}, {"frobnicate"}, {"build", "--today", "2021-02-30"}, {"build", "--no-such-flag"}} {
		var out, errs bytes.Buffer
		if code := run(context.Background(), args, &out, &errs); code != 2 {
			t.Errorf("%q: exit %d, want 2", args, code)
		}
	}
}
