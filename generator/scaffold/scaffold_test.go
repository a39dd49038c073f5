package scaffold

import (
	"bytes"
	"errors"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"clustersite/generator/config"
	"clustersite/generator/content"
	"clustersite/generator/methodology"
	"clustersite/generator/model"
)

var update = flag.Bool("update", false, "rewrite golden files")

var day = model.NewDate(2026, 11, 28)

// site writes a small site folder: one cluster, qoot-cluster, whose
// profile has every key, some of them hostile.
func site(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"config.toml": "today = 2026-11-28\n",
		"content/clusters/qoot-cluster/2019-07-25.toml": `[cluster]
id = "qoot-cluster"
name = "Qoot Cluster"
native_name = "عنقود قوت"
country = "JO"
region = "Amman"
website = "https://qoot.org"
portfolio = "Maritime technologies, water resources"
sectors = ["Agri-food", "Say \"cheese\"", "back\\slash"]
founded = 2016
description = """
Line one with "quotes", a backslash \\ and three quotes \"\"\" inside.
	A tab, and unicode: Ærø – “curly”.
"""

[assessment]
date = 2019-07-25
label = "bronze"
`,
	}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestNewClusterGolden(t *testing.T) {
	dir := site(t)
	f, err := Create(dir, Request{Name: "Nordic Ocean Tech – Cluster", Country: "NO", Date: day})
	if err != nil {
		t.Fatal(err)
	}
	if f.Path != "content/clusters/nordic-ocean-tech-cluster/2026-11-28.toml" {
		t.Errorf("path = %s", f.Path)
	}
	written, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f.Path)))
	if err != nil || !bytes.Equal(written, f.Data) {
		t.Fatalf("file on disk differs from the plan: %v", err)
	}
	golden := filepath.Join("testdata", "new-cluster.toml")
	if *update {
		os.WriteFile(golden, f.Data, 0o644)
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(f.Data, want) {
		t.Errorf("scaffold differs from %s; rerun with -update if intended:\n%s", golden, f.Data)
	}
}

// TestScaffoldPassesCheckWithOnlyMissingValueWarnings loads every
// scaffold, of each label, as a part of the site it was written into.
func TestScaffoldPassesCheckWithOnlyMissingValueWarnings(t *testing.T) {
	dir := site(t)
	for i, label := range model.Labels {
		req := Request{Name: "Cluster " + string(label), Country: "DE", Date: day.AddDays(-i), Label: label}
		if _, err := Create(dir, req); err != nil {
			t.Fatalf("%s: %v", label, err)
		}
	}
	fsys := os.DirFS(dir)
	cfg, _ := config.Load(fsys)
	d, problems := content.Load(fsys, cfg, content.Options{})
	if len(d.Clusters) != 4 {
		t.Errorf("%d clusters, want 4", len(d.Clusters))
	}
	for _, p := range problems {
		switch {
		case p.Severity == model.Warning && p.Field == "indicators" && strings.Contains(p.Message, "36 of 36 indicators not reported"):
		case p.Severity == model.Warning && p.Field == "assessment.score" && strings.Contains(p.Path, "cluster-gold"):
		default:
			t.Errorf("unexpected problem: %v", p)
		}
	}
}

func TestNewAssessmentOfAClusterCopiesItsProfile(t *testing.T) {
	dir := site(t)
	f, err := Create(dir, Request{Cluster: "qoot-cluster", Date: day, Label: model.Silver})
	if err != nil {
		t.Fatal(err)
	}
	if f.Path != "content/clusters/qoot-cluster/2026-11-28.toml" {
		t.Errorf("path = %s", f.Path)
	}
	fsys := os.DirFS(dir)
	cfg, _ := config.Load(fsys)
	d, problems := content.Load(fsys, cfg, content.Options{})
	if errs := problems.Errors(); len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	c := d.Clusters[0]
	if len(c.Assessments) != 2 || c.Latest().Path != f.Path || c.Latest().Label != model.Silver {
		t.Fatalf("assessments: %+v", c.Assessments)
	}
	old, _ := content.Load(os.DirFS(site(t)), cfg, content.Options{})
	want, got := *old.Clusters[0], *c
	want.Assessments, got.Assessments = nil, nil
	if !equalProfiles(&got, &want) {
		t.Errorf("profile not copied:\n got %+v\nwant %+v", got, want)
	}
}

func equalProfiles(a, b *model.Cluster) bool {
	return a.ID == b.ID && a.Name == b.Name && a.NativeName == b.NativeName && a.Country == b.Country &&
		a.Region == b.Region && a.Website == b.Website && a.Portfolio == b.Portfolio &&
		slices.Equal(a.Sectors, b.Sectors) && a.Founded == b.Founded && a.Description == b.Description
}

func TestNewRefusesWhatItCannotDo(t *testing.T) {
	dir := site(t)
	if _, err := Create(dir, Request{Name: "Twice", Country: "DE", Date: day}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		req  Request
		flag string // of the *RequestError, or "exists"
	}{
		{"same file again", Request{Name: "Twice", Country: "DE", Date: day, Cluster: "twice"}, "--date"},
		{"existing cluster by name", Request{Name: "Qoot Cluster", Country: "JO", Date: day}, "--cluster"},
		{"unknown country", Request{Name: "Nowhere", Country: "XX", Date: day}, "--country"},
		{"lower-case country", Request{Name: "Nowhere", Country: "de", Date: day}, "--country"},
		{"no country", Request{Name: "Nowhere", Date: day}, "--country"},
		{"no name", Request{Country: "DE", Date: day}, "name"},
		{"name without letters", Request{Name: "¿?", Country: "DE", Date: day}, "name"},
		{"unknown label", Request{Name: "Nowhere", Country: "DE", Date: day, Label: "platinum"}, "--label"},
		{"unknown methodology", Request{Name: "Nowhere", Country: "DE", Date: day, Methodology: "nope"}, "--methodology"},
		{"unknown cluster", Request{Cluster: "nope", Date: day}, "--cluster"},
		{"no date", Request{Name: "Nowhere", Country: "DE"}, "--date"},
	} {
		_, err := Create(dir, tc.req)
		var re *RequestError
		if !errors.As(err, &re) || re.Flag != tc.flag {
			t.Errorf("%s: error %v, want one about %s", tc.name, err, tc.flag)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "content", "clusters", "nowhere")); err == nil {
		t.Error("a refused request left a folder behind")
	}
}

func TestWriteNeverReplacesAFile(t *testing.T) {
	dir := t.TempDir()
	f := File{Path: "content/clusters/x/2026-11-28.toml", Data: []byte("new")}
	target := filepath.Join(dir, filepath.FromSlash(f.Path))
	os.MkdirAll(filepath.Dir(target), 0o755)
	os.WriteFile(target, []byte("the editor's work"), 0o644)
	err := Write(dir, f)
	if !errors.Is(err, fs.ErrExist) {
		t.Errorf("Write over a file: %v, want fs.ErrExist", err)
	}
	if data, _ := os.ReadFile(target); string(data) != "the editor's work" {
		t.Errorf("file replaced: %q", data)
	}
	entries, _ := os.ReadDir(filepath.Dir(target))
	if len(entries) != 1 {
		t.Errorf("temporary file left behind: %v", entries)
	}
}

// FuzzTOMLStrings checks that every string the scaffold writes decodes
// back to itself, in both quotings, and that comments stay comments.
func FuzzTOMLStrings(f *testing.F) {
	for _, s := range []string{"", "plain", `"""`, `a""""b`, "ends with quote\"", "back\\slash\\", "line\nbreak\r\n", "tab\there",
		"\x00\x01\x7f", "ünïcödé “quotes” – dash", "\u2028\u2029", "'''", "x\"\"\"\n\"\"\"y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			t.Skip("TOML strings are UTF-8")
		}
		for _, quote := range []func(string) string{tomlString, tomlText} {
			var doc struct{ V string }
			src := "v = " + quote(s) + "\n# " + oneLine(s) + "\n"
			if _, err := toml.Decode(src, &doc); err != nil {
				t.Fatalf("%q does not decode: %v\n%s", s, err, src)
			}
			if doc.V != s {
				t.Fatalf("%q decodes to %q", s, doc.V)
			}
		}
	})
}

func TestRenderListsEveryIndicatorCommentedOut(t *testing.T) {
	m := methodology.Default()
	data := Render(&model.Cluster{ID: "x", Name: "X", Country: "DE"}, Head{Date: day, Label: model.Bronze}, m, nil)
	for _, ind := range m.Indicators() {
		if !bytes.Contains(data, []byte("\n# "+ind.ID+" =\n")) {
			t.Errorf("no line for %s", ind.ID)
		}
		if !bytes.Contains(data, []byte("# "+ind.Title+": "+string(ind.Kind))) {
			t.Errorf("no title and kind for %s", ind.ID)
		}
		for _, c := range ind.Choices {
			if !bytes.Contains(data, []byte(`"`+c+`"`)) {
				t.Errorf("choice %q of %s not listed", c, ind.ID)
			}
		}
		if ind.Unit != "" && ind.Unit != "%" && !bytes.Contains(data, []byte("unit: "+ind.Unit)) {
			t.Errorf("unit of %s not given", ind.ID)
		}
	}
}
