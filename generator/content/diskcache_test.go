package content

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"clustersite/generator/config"
	"clustersite/generator/model"
)

// loadWithDiskCache loads site with the decoded-file cache in dir, fails
// unless it gives exactly what a load without a cache gives, and returns
// how many files were decoded rather than taken from the cache.
func loadWithDiskCache(t *testing.T, site fs.FS, cfg config.Config, dir string) (*model.Directory, model.Problems, int) {
	t.Helper()
	var p Progress
	got, gotPs := Load(site, cfg, Options{CacheDir: dir, Progress: &p})
	want, wantPs := Load(site, cfg, Options{})
	if g, w := strings.Join(render(gotPs), "\n"), strings.Join(render(wantPs), "\n"); g != w {
		t.Fatalf("problems with the cache:\n%s\nwithout:\n%s", g, w)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("the load with the cache differs from the one without:\n%s\nwant\n%s", describeDir(got), describeDir(want))
	}
	return got, gotPs, int(p.Decoded.Load())
}

// sampleSite is the sample site of the repository, with its config.
func sampleSite(t testing.TB) (fs.FS, config.Config) {
	t.Helper()
	site := os.DirFS("../..")
	cfg, err := config.Load(site)
	if err != nil {
		t.Fatal(err)
	}
	return site, cfg
}

func TestDiskCacheGivesWhatDecodingGives(t *testing.T) {
	site, cfg := sampleSite(t)
	dir := t.TempDir()
	files := len(findFiles(site).files.assessments)
	_, ps, n := loadWithDiskCache(t, site, cfg, dir)
	if files < 10 || n != files {
		t.Fatalf("first load decoded %d of %d files", n, files)
	}
	// Files with problems are decoded every time (see record.go).
	withProblems := map[string]bool{}
	for _, p := range ps {
		withProblems[p.Path] = true
	}
	if _, _, n := loadWithDiskCache(t, site, cfg, dir); n != len(withProblems) || n > files/4 {
		t.Errorf("second load decoded %d of %d files, want the %d with problems", n, files, len(withProblems))
	}
}

// countRecords returns how many records the cache in dir holds for the
// decoding environment of site.
func countRecords(t *testing.T, site fs.FS, cfg config.Config, dir string) int {
	t.Helper()
	_, _, digest := loadMethodologies(site, findFiles(site).files.methodologies)
	return len(openDiskCache(dir, decodingEnv(cfg.Portfolios, digest)).records)
}

func TestDiskCacheDecodesOnlyChangedFiles(t *testing.T) {
	other := strings.Replace(minimal, "Qoot Cluster", "Other Cluster", 1)
	site := siteFS(map[string]string{qoot: minimal, "content/other.toml": other})
	cfg, dir := config.Default(), t.TempDir()
	if _, _, n := loadWithDiskCache(t, site, cfg, dir); n != 2 {
		t.Errorf("first load decoded %d files, want 2", n)
	}
	if _, _, n := loadWithDiskCache(t, site, cfg, dir); n != 0 {
		t.Errorf("load without change decoded %d files, want 0", n)
	}
	site[qoot].Data = []byte(strings.Replace(minimal, "Qoot Cluster", "Qoot Clustex", 1))
	got, _, n := loadWithDiskCache(t, site, cfg, dir)
	if n != 1 || got.Clusters[1].Name != "Qoot Clustex" {
		t.Errorf("after one edit: %d decoded, name %q", n, got.Clusters[1].Name)
	}
	// A file moved keeps its bytes but not its path, which is in the key.
	site["content/moved.toml"] = site["content/other.toml"]
	delete(site, "content/other.toml")
	if _, _, n := loadWithDiskCache(t, site, cfg, dir); n != 1 {
		t.Errorf("after a move: %d decoded, want 1", n)
	}
	delete(site, "content/moved.toml")
	loadWithDiskCache(t, site, cfg, dir)
	if n := countRecords(t, site, cfg, dir); n != 1 {
		t.Errorf("the cache holds %d records after a file was removed, want 1", n)
	}
}

func TestDiskCacheStartsAgainInAnotherEnvironment(t *testing.T) {
	site := siteFS(map[string]string{
		qoot:                              edit(t, `publish = "profile"`, "publish = \"profile\"\nmethodology = \"mini\"\n[indicators]\nsize = 3"),
		"content/other.toml":              strings.Replace(minimal, "Qoot Cluster", "Other Cluster", 1),
		"content/methodologies/mini.toml": miniMethodology("count"),
	})
	cfg, dir := config.Default(), t.TempDir()
	loadWithDiskCache(t, site, cfg, dir)

	cfg.Portfolios = append(slices.Clone(cfg.Portfolios), "Quantum")
	if _, _, n := loadWithDiskCache(t, site, cfg, dir); n != 2 {
		t.Errorf("after adding a portfolio: %d decoded, want 2", n)
	}
	site["content/methodologies/mini.toml"].Data = []byte(miniMethodology("bool"))
	if _, ps, n := loadWithDiskCache(t, site, cfg, dir); n != 2 || len(ps.Errors()) != 1 {
		t.Errorf("after changing an indicator's kind: %d decoded, want 2; problems %v", n, ps)
	}
	if _, _, n := loadWithDiskCache(t, site, cfg, dir); n != 1 {
		t.Errorf("again: %d decoded, want 1 (the file with an error is never kept)", n)
	}

	was := programID
	t.Cleanup(func() { programID = was })
	programID = func() [sha256.Size]byte { return sha256.Sum256([]byte("another program")) }
	if _, _, n := loadWithDiskCache(t, site, cfg, dir); n != 2 {
		t.Errorf("with another program: %d decoded, want 2", n)
	}
	programID = func() [sha256.Size]byte { return [sha256.Size]byte{} }
	if _, _, n := loadWithDiskCache(t, site, cfg, dir); n != 2 {
		t.Errorf("without a program id: %d decoded, want 2", n)
	}
}

func TestDiskCacheKeepsNoFileWithProblems(t *testing.T) {
	bad := edit(t, `label = "bronze"`, `label = "platinum"`)
	warned := edit(t, `publish = "profile"`, `publish = "full"`) // no indicators: a warning
	site := siteFS(map[string]string{qoot: bad, "content/warned.toml": strings.Replace(warned, "Qoot", "Warned", 1)})
	cfg, dir := config.Default(), t.TempDir()
	_, ps, _ := loadWithDiskCache(t, site, cfg, dir)
	if len(ps.Errors()) != 1 || len(ps.Warnings()) == 0 {
		t.Fatalf("want one error and a warning, got %v", ps)
	}
	// loadWithDiskCache compared the problems, lines and all, with those
	// of a load without the cache.
	if _, _, n := loadWithDiskCache(t, site, cfg, dir); n != 2 {
		t.Errorf("second load decoded %d files, want both again", n)
	}
	if n := countRecords(t, site, cfg, dir); n != 0 {
		t.Errorf("the cache holds %d records, want none", n)
	}
}

func TestDiskCacheWritesNothingWhenNothingChanged(t *testing.T) {
	site, cfg := sampleSite(t)
	dir := t.TempDir()
	file := filepath.Join(dir, diskCacheFile)
	loadWithDiskCache(t, site, cfg, dir)
	before, err := os.Stat(file)
	if err != nil {
		t.Fatal(err)
	}
	loadWithDiskCache(t, site, cfg, dir)
	after, err := os.Stat(file)
	if err != nil {
		t.Fatal(err)
	}
	if !os.SameFile(before, after) || !after.ModTime().Equal(before.ModTime()) {
		t.Error("the cache's file was written again")
	}
	if tmp, _ := filepath.Glob(filepath.Join(dir, "*.tmp")); len(tmp) != 0 {
		t.Errorf("temporary files left: %v", tmp)
	}
}

func TestDiskCacheIgnoresADamagedFile(t *testing.T) {
	site, cfg := sampleSite(t)
	dir := t.TempDir()
	file := filepath.Join(dir, diskCacheFile)
	loadWithDiskCache(t, site, cfg, dir)
	_, _, undamaged := loadWithDiskCache(t, site, cfg, dir)
	good, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	flip := func(i int) []byte {
		b := slices.Clone(good)
		b[i] ^= 0x20
		return b
	}
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"cut short", good[:len(good)-1]},
		{"cut in the middle", good[:len(good)/2]},
		{"one byte more", append(slices.Clone(good), 0)},
		{"a byte changed in the middle", flip(len(good) / 2)},
		{"a byte of the header changed", flip(3)},
		{"a byte of the trailer changed", flip(len(good) - 1)},
		{"another file", []byte(minimal)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := os.WriteFile(file, tc.data, 0o644); err != nil {
				t.Fatal(err)
			}
			if _, _, n := loadWithDiskCache(t, site, cfg, dir); n <= undamaged {
				t.Error("the damaged file was used")
			}
			if _, _, n := loadWithDiskCache(t, site, cfg, dir); n != undamaged {
				t.Errorf("after a load, %d files are decoded: the file was not made whole again", n)
			}
		})
	}
}

func TestDiskCacheThatCannotBeWrittenIsNoCache(t *testing.T) {
	site, cfg := sampleSite(t)
	notADir := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(notADir, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, n := loadWithDiskCache(t, site, cfg, filepath.Join(notADir, "cache"))
	if _, _, m := loadWithDiskCache(t, site, cfg, filepath.Join(notADir, "cache")); m != n {
		t.Errorf("decoded %d files, then %d", n, m)
	}
}

// TestRecordCoversTheModel fails when the model gains a field that a
// record does not keep: a build from the cache would lose it. Add the
// field to appendRecord and decodeRecord, then here.
func TestRecordCoversTheModel(t *testing.T) {
	for _, tc := range []struct {
		v     any
		known []string
	}{
		{model.Cluster{}, []string{"ID", "Name", "NativeName", "Country", "Region", "Website", "Portfolio", "Sectors", "Founded", "Description",
			"Assessments"}}, // set by assemble
		{model.Assessment{}, []string{"Cluster", "Path", // set by assemble and from the path
			"Date", "Label", "ValidUntil", "Score", "ReportID", "Expert", "Methodology", "Publish", "Draft", "Summary", "Recommendations", "Values"}},
		{model.Value{}, []string{"Num", "Bool", "Text", "List"}},
		{entry{}, []string{"rep", "id", "idField", "profile", "countryOK", "a"}},
	} {
		typ := reflect.TypeOf(tc.v)
		for i := range typ.NumField() {
			if f := typ.Field(i).Name; !slices.Contains(tc.known, f) {
				t.Errorf("%s.%s is not in a record", typ, f)
			}
		}
	}
}

// recordsOf returns the record of every file of the sample site.
func recordsOf(t testing.TB, site fs.FS, cfg config.Config) []string {
	ms, _, _ := loadMethodologies(site, findFiles(site).files.methodologies)
	c := &checker{portfolios: cfg.Portfolios, methodologies: ms}
	var recs []string
	for _, path := range findFiles(site).files.assessments {
		data, err := fs.ReadFile(site, path)
		if err != nil {
			t.Fatal(err)
		}
		if e := c.decode(path, data); cacheable(e) {
			recs = append(recs, string(appendRecord(nil, e)))
		}
	}
	return recs
}

func TestRecordRoundTrip(t *testing.T) {
	site, cfg := sampleSite(t)
	ms, _, _ := loadMethodologies(site, findFiles(site).files.methodologies)
	c := &checker{portfolios: cfg.Portfolios, methodologies: ms}
	kinds := map[string]bool{}
	for _, path := range findFiles(site).files.assessments {
		data, err := fs.ReadFile(site, path)
		if err != nil {
			t.Fatal(err)
		}
		want := c.decode(path, data)
		if !cacheable(want) {
			continue
		}
		got, ok := c.decodeRecord(path, string(appendRecord(nil, want)))
		if !ok {
			t.Fatalf("%s: the record does not decode", path)
		}
		want.rep.source = nil
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: from the record\n%+v\nwant\n%+v", path, got.a, want.a)
		}
		for id := range want.a.Values.All() {
			kinds[string(want.a.Methodology.Indicator(id).Kind)] = true
		}
		// Every record cut short is refused, not half decoded.
		rec := string(appendRecord(nil, want))
		for n := range len(rec) {
			if _, ok := c.decodeRecord(path, rec[:n]); ok {
				t.Fatalf("%s: the record cut to %d of %d bytes decodes", path, n, len(rec))
			}
		}
	}
	for _, k := range []model.Kind{model.KindPercent, model.KindBool, model.KindChoice, model.KindMultichoice, model.KindText} {
		if !kinds[string(k)] {
			t.Errorf("no value of kind %s in the sample site: the round trip does not cover it", k)
		}
	}
}

// FuzzDecodeRecord decodes arbitrary bytes as a record: a damaged cache
// must give a refusal, never a panic.
func FuzzDecodeRecord(f *testing.F) {
	site, cfg := sampleSite(f)
	recs := recordsOf(f, site, cfg)
	for _, rec := range recs[:min(5, len(recs))] {
		f.Add(rec)
	}
	ms, _, _ := loadMethodologies(site, findFiles(site).files.methodologies)
	c := &checker{portfolios: cfg.Portfolios, methodologies: ms}
	f.Fuzz(func(t *testing.T, rec string) {
		if e, ok := c.decodeRecord("content/x.toml", rec); ok && (e.a == nil || e.profile == nil || e.a.Methodology == nil) {
			t.Errorf("a record decoded to an incomplete entry")
		}
	})
}

// TestCacheStartsFromTheDiskCache: the first load of a Cache, as serve
// does at its start, takes the files a build kept on disk.
func TestCacheStartsFromTheDiskCache(t *testing.T) {
	site, cfg := sampleSite(t)
	dir := t.TempDir()
	_, ps, _ := loadWithDiskCache(t, site, cfg, dir)
	withProblems := map[string]bool{}
	for _, p := range ps {
		withProblems[p.Path] = true
	}
	var cache Cache
	var p Progress
	got, gotPs := Load(site, cfg, Options{Cache: &cache, CacheDir: dir, Progress: &p})
	want, wantPs := Load(site, cfg, Options{})
	if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(gotPs, wantPs) {
		t.Fatalf("the Cache's load from disk differs from a load:\n%s\nwant\n%s", describeDir(got), describeDir(want))
	}
	if n := p.Decoded.Load(); n != int64(len(withProblems)) {
		t.Errorf("the Cache decoded %d files, want the %d with problems", n, len(withProblems))
	}
}

// changingFS serves a new version of one file each time it is opened, as
// an editor saving while a load runs does.
type changingFS struct {
	fstest.MapFS
	path     string
	versions []string
	opened   int
}

func (c *changingFS) Open(name string) (fs.File, error) {
	if name == c.path {
		c.MapFS[name] = &fstest.MapFile{Data: []byte(c.versions[min(c.opened, len(c.versions)-1)])}
		c.opened++
	}
	return c.MapFS.Open(name)
}

// ReadFile reads through Open, not MapFS.ReadFile, so that every read
// gets the next version.
func (c *changingFS) ReadFile(name string) ([]byte, error) {
	f, err := c.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

// TestDiskCacheKeysTheMethodologyAsParsed saves a methodology file while
// a load runs: what the load decoded against the old version must not be
// kept for the new one. (A hash of the file read again after parsing would
// be of the new version.)
func TestDiskCacheKeysTheMethodologyAsParsed(t *testing.T) {
	files := map[string]string{
		qoot: edit(t, `publish = "profile"`, "publish = \"profile\"\nmethodology = \"mini\"\n[indicators]\nsize = 3"),
	}
	const mini = "content/methodologies/mini.toml"
	cfg, dir := config.Default(), t.TempDir()
	changing := &changingFS{MapFS: siteFS(files), path: mini, versions: []string{miniMethodology("count"), miniMethodology("number")}}
	changing.MapFS[mini] = &fstest.MapFile{}
	if _, ps := Load(changing, cfg, Options{CacheDir: dir}); len(ps) != 0 {
		t.Fatalf("problems: %v", ps)
	}
	files[mini] = miniMethodology("number")
	got, _, n := loadWithDiskCache(t, siteFS(files), cfg, dir)
	if n != 1 {
		t.Errorf("the load of the new version decoded %d files, want 1", n)
	}
	if ind := got.Clusters[0].Latest().Methodology.Indicator("size"); ind.Kind != model.KindNumber {
		t.Errorf("the indicator is of kind %s", ind.Kind)
	}
}

// TestDiskCacheRefusesHugeCounts writes cache files whose trailer is right
// but whose record count or length is far more than the file holds: the
// load must ignore them without trying to make room for that many.
func TestDiskCacheRefusesHugeCounts(t *testing.T) {
	site, cfg := sampleSite(t)
	dir := t.TempDir()
	loadWithDiskCache(t, site, cfg, dir)
	_, _, undamaged := loadWithDiskCache(t, site, cfg, dir)
	file := filepath.Join(dir, diskCacheFile)
	good, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	head := len(diskCacheMagic) + sha256.Size
	_, countLen := binary.Uvarint(good[head:])
	for _, tc := range []struct {
		name string
		body []byte
	}{
		{"count", slices.Concat(good[:head], binary.AppendUvarint(nil, uint64(len(good)/2)), good[head+countLen:len(good)-sha256.Size])},
		{"length", slices.Concat(good[:head+countLen+sha256.Size], binary.AppendUvarint(nil, 1<<50), good[head+countLen+sha256.Size+1:len(good)-sha256.Size])},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sum := sha256.Sum256(tc.body)
			if err := os.WriteFile(file, append(tc.body, sum[:]...), 0o644); err != nil {
				t.Fatal(err)
			}
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			if _, _, n := loadWithDiskCache(t, site, cfg, dir); n <= undamaged {
				t.Error("the file was used")
			}
			runtime.ReadMemStats(&after)
			if grew := after.TotalAlloc - before.TotalAlloc; grew > 1<<30 {
				t.Errorf("the load allocated %d MB", grew>>20)
			}
		})
	}
}

// TestRecordRoundTripOfEveryKind round-trips an assessment with a value of
// every kind, edge values included, which the sample site may not have.
func TestRecordRoundTripOfEveryKind(t *testing.T) {
	methodology := `id = "kinds"
title = "Kinds"
[[areas]]
id = "a"
title = "A"
`
	values := ""
	for _, k := range []struct{ kind, extra, value string }{
		{"count", "", "0"}, {"percent", "", "12.5"}, {"money", "", "1e9"}, {"year", "", "1999"},
		{"number", "", "-0.5"}, {"bool", "", "false"},
		{"choice", `choices = ["x", "y"]`, `"y"`}, {"multichoice", `choices = ["x", "y"]`, `[]`},
		{"text", "", `"a text\nwith a line"`},
	} {
		methodology += fmt.Sprintf("[[areas.indicators]]\nid = %q\ntitle = \"T\"\nkind = %q\n%s\n", k.kind, k.kind, k.extra)
		values += k.kind + " = " + k.value + "\n"
	}
	src := `[cluster]
name = "Kinds Cluster"
native_name = "Klaster"
country = "PL"
sectors = []
founded = 1990
description = "D"

[assessment]
date = 2020-02-29
label = "gold"
score = 88.5
valid_until = 2022-02-28
methodology = "kinds"
summary = "S"
recommendations = "R"

[indicators]
` + values
	site := siteFS(map[string]string{qoot: src, "content/methodologies/kinds.toml": methodology})
	ms, ps, _ := loadMethodologies(site, findFiles(site).files.methodologies)
	if len(ps) != 0 {
		t.Fatal(ps)
	}
	c := &checker{methodologies: ms}
	want := c.decode(qoot, []byte(src))
	if !cacheable(want) {
		t.Fatalf("not cacheable: %v", want.rep.problems)
	}
	got, ok := c.decodeRecord(qoot, string(appendRecord(nil, want)))
	if !ok {
		t.Fatal("the record does not decode")
	}
	want.rep.source = nil
	if !reflect.DeepEqual(got, want) {
		t.Errorf("from the record\n%+v\n%v\nwant\n%+v\n%v", got.a, got.a.Values, want.a, want.a.Values)
	}
	if got.profile.Sectors == nil {
		t.Error("sectors = [] came back as nil")
	}
	if v, _ := got.a.Values.Get("multichoice"); v.List == nil {
		t.Error("an empty multichoice came back as nil")
	}
}
