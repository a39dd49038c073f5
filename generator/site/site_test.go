package site

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"clustersite/generator/config"
	"clustersite/generator/content"
	"clustersite/generator/model"
)

const fullFile = `[cluster]
id = "alpha"
name = "Älpha Cluster"
country = "DE"
portfolio = "ICT"
[assessment]
date = 2024-03-01
label = "bronze"
expert = "Secret Expert"
summary = "Secret summary"
publish = "%s"
[indicators]
participants = 120
cluster_founded = 2016
`

func load(t *testing.T, files map[string]string) *Site {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	dir, ps := content.Load(fsys, config.Default(), content.Options{})
	if len(ps.Errors()) > 0 {
		t.Fatal(ps.Errors())
	}
	return New(dir, config.Default(), model.NewDate(2025, 1, 1))
}

func TestProfileAssessmentPublishesOnlyLabelAndDates(t *testing.T) {
	s := load(t, map[string]string{"content/a.toml": strings.Replace(fullFile, "%s", "profile", 1)})
	r := s.Clusters[0].Reports[0]
	if r.Full || r.URL != "" || r.Expert != "" || r.Summary != "" || r.Areas() != nil || r.ReportID != "" {
		t.Errorf("profile report exposes %+v", r)
	}
	if r.Label != model.Bronze || r.ValidUntil != model.NewDate(2026, 3, 1) {
		t.Errorf("label %s until %s", r.Label, r.ValidUntil)
	}
	for _, p := range s.Pages() {
		if p.Template == "report" {
			t.Errorf("a report page %s exists for a profile assessment", p.Path)
		}
	}
}

func TestFullAssessmentHasEveryIndicatorRow(t *testing.T) {
	s := load(t, map[string]string{"content/a.toml": strings.Replace(fullFile, "%s", "full", 1)})
	r := s.Clusters[0].Reports[0]
	if !r.Full || r.URL != "clusters/alpha/2024-03-01/" || r.Total != 36 || r.Reported != 2 {
		t.Fatalf("report = %+v", r)
	}
	row := r.Areas()[0].Rows[0]
	if row.ID != "participants" || row.Value != "120 participants" || row.All.Shown {
		t.Errorf("row = %+v (a group of 1 must not be shown)", row)
	}
	if got := r.Areas()[0].Rows[8].Value; got != "2016" {
		t.Errorf("year value = %q, want 2016 without grouping", got)
	}
}

func TestPagesAreListedOncePerPath(t *testing.T) {
	s := load(t, map[string]string{"content/a.toml": strings.Replace(fullFile, "%s", "full", 1)})
	seen := map[string]bool{}
	for _, p := range s.Pages() {
		if seen[p.Path] {
			t.Errorf("page %s listed twice", p.Path)
		}
		seen[p.Path] = true
	}
	for _, want := range []string{"index.html", "clusters/alpha/index.html", "clusters/alpha/2024-03-01/index.html",
		"countries/de/index.html", "labels/bronze/index.html", "labels/gold/index.html", "portfolios/ict/index.html", "404.html"} {
		if !seen[want] {
			t.Errorf("no page %s", want)
		}
	}
}

func TestListingIsPaginated(t *testing.T) {
	s := &Site{Config: config.Default()}
	s.Config.PageSize = 10
	cs := make([]*Cluster, 25)
	for i := range cs {
		cs[i] = &Cluster{}
	}
	pages := s.listing("labels/gold/", "list", Verbatim("Gold"), "labels", cs, func(f Frame, l Listing) any { return &l })
	if len(pages) != 3 || pages[0].Path != "labels/gold/index.html" || pages[2].Path != "labels/gold/page/3/index.html" {
		t.Fatalf("pages = %+v", pages)
	}
	last := pages[2].Data.(*Listing)
	if len(last.Clusters) != 5 || last.First != 21 || last.Next() != "" || last.Prev() != "labels/gold/page/2/" {
		t.Errorf("last page = %+v", last)
	}
}

func TestCountryNamesAreInTheSiteLanguage(t *testing.T) {
	for _, tc := range []struct{ code, lang, want string }{
		{"JO", "en", "Jordan"}, {"DE", "de", "Deutschland"}, {"DE", "fr", "Allemagne"}, {"CZ", "en", "Czechia"},
	} {
		if got := CountryName(tc.code, languageTag(tc.lang)); got != tc.want {
			t.Errorf("CountryName(%s, %s) = %q, want %q", tc.code, tc.lang, got, tc.want)
		}
	}
}

// TestPageAndDataFileGiveWhatPagesAndDataFilesList checks that the dev
// server's lookups of one page (Page) and one data file (DataFile) give
// exactly what the lists of a build hold, and nothing else.
func TestPageAndDataFileGiveWhatPagesAndDataFilesList(t *testing.T) {
	files := map[string]string{}
	for i, name := range []string{"Alpha", "Beta", "Gamma", "Delta", "Epsilon"} {
		src := strings.NewReplacer(`"alpha"`, `"`+strings.ToLower(name)+`"`, "Älpha Cluster", name).Replace(fullFile)
		if i%2 == 1 {
			src = strings.Replace(src, "%s", "profile", 1)
		}
		files["content/"+name+".toml"] = strings.Replace(src, "%s", "full", 1)
	}
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	cfg := config.Default()
	cfg.PageSize = 2 // listings of several pages
	cfg.BaseURL = "https://example.org/"
	dir, ps := content.Load(fsys, cfg, content.Options{})
	if len(ps.Errors()) > 0 {
		t.Fatal(ps.Errors())
	}
	s := New(dir, cfg, model.NewDate(2025, 1, 1))
	pages := s.Pages()
	for _, want := range pages {
		got, ok := s.Page(want.Path)
		if !ok || got.Template != want.Template || !reflect.DeepEqual(got.Data, want.Data) {
			t.Errorf("Page(%s) = %v, %+v; Pages has %+v", want.Path, ok, got, want)
		}
	}
	for _, p := range []string{"", "index", "page/9/index.html", "clusters/index.html", "clusters/nope/index.html",
		"clusters/beta/2024-03-01/index.html", "clusters/alpha/2099-01-01/index.html", "countries/xx/index.html",
		"data/other.html", "favicon.ico"} {
		if _, ok := s.Page(p); ok {
			t.Errorf("Page(%q) finds a page Pages does not list", p)
		}
	}
	for _, want := range s.DataFiles(pages) {
		if got, ok := s.DataFile(want.Path); !ok || !bytes.Equal(got.Data, want.Data) {
			t.Errorf("DataFile(%s) differs from DataFiles'", want.Path)
		}
	}
	for _, p := range []string{"favicon.ico", "search/index.json", "feed.xml", "index.html"} {
		if _, ok := s.DataFile(p); ok {
			t.Errorf("DataFile(%q) finds a file DataFiles does not list", p)
		}
	}
}

// TestComparisonGroupsStandForTheirFigures checks what the renderer's
// phrase memo relies on: rows compared with one group share its
// ComparisonGroup, other groups have others, and the next site keeps a
// group's ComparisonGroup only while its figures stay the same.
func TestComparisonGroupsStandForTheirFigures(t *testing.T) {
	files := func(participants int) fstest.MapFS {
		fsys := fstest.MapFS{}
		for i := range 6 {
			src := strings.NewReplacer(`id = "alpha"`, fmt.Sprintf(`id = "c%d"`, i), `"%s"`, `"full"`,
				"participants = 120", fmt.Sprintf("participants = %d", 100+i+participants*(i/5))).Replace(fullFile)
			fsys[fmt.Sprintf("content/c%d.toml", i)] = &fstest.MapFile{Data: []byte(src)}
		}
		return fsys
	}
	cfg := config.Default()
	cfg.Statistics.MinGroupSize = 3
	today := model.NewDate(2025, 1, 1)
	cache := new(content.Cache)
	siteOf := func(prev *Site, participants int) *Site {
		cache.Changed([]string{"content/c5.toml"})
		dir, ps := content.Load(files(participants), cfg, content.Options{Cache: cache})
		if len(ps.Errors()) > 0 {
			t.Fatal(ps.Errors())
		}
		return Next(prev, dir, cfg, today)
	}
	rowsOf := func(s *Site, cluster int) map[string]*IndicatorRow {
		rows := map[string]*IndicatorRow{}
		for _, a := range s.Clusters[cluster].Reports[0].Areas() {
			for _, r := range a.Rows {
				rows[r.ID] = r
			}
		}
		return rows
	}
	first := siteOf(nil, 0)
	a, b := rowsOf(first, 0), rowsOf(first, 1)
	for _, id := range []string{"participants", "cluster_founded"} {
		if !a[id].All.Shown || !a[id].Portfolio.Shown {
			t.Fatalf("%s: groups not shown: %+v", id, a[id])
		}
		if a[id].All.Group == nil || a[id].All.Group != b[id].All.Group || a[id].Portfolio.Group != b[id].Portfolio.Group {
			t.Errorf("%s: two reports compared with one group have different ComparisonGroups", id)
		}
		if a[id].All.Group == a[id].Portfolio.Group {
			t.Errorf("%s: all clusters and the portfolio share a ComparisonGroup", id)
		}
	}
	if a["participants"].All.Group == a["cluster_founded"].All.Group {
		t.Error("two indicators share a ComparisonGroup")
	}
	// Cluster "c0" reports 100 participants, the least of the six.
	if got, got2 := a["participants"].All.Percentile(), a["participants"].Portfolio.Percentile(); got != 100.0/6 || got2 != 100.0/6 {
		t.Errorf("percentiles of the least of six values: %v among all, %v in the portfolio; want %v", got, got2, 100.0/6)
	}
	if got := (Comparison{}).Percentile(); got != 0 {
		t.Errorf("percentile of a group not shown = %v", got)
	}
	// The last cluster's participants change; founding years do not.
	next := rowsOf(siteOf(first, 50), 0)
	if next["participants"].All.Group == a["participants"].All.Group {
		t.Error("participants: the next site kept the ComparisonGroup of figures that changed")
	}
	if next["cluster_founded"].All.Group != a["cluster_founded"].All.Group {
		t.Error("cluster_founded: the next site made a new ComparisonGroup for figures that stayed the same")
	}
}

// TestNavMarksEachSectionsFirstPage: Nav.Index is set on the directory's
// home page and the first pages of countries, labels, portfolios and open
// data, and on no other page, which is what the navigation marks as the
// current page.
func TestNavMarksEachSectionsFirstPage(t *testing.T) {
	s := load(t, map[string]string{"content/a.toml": strings.Replace(fullFile, "%s", "full", 1)})
	index := map[string]bool{}
	for _, p := range s.Pages() {
		f := p.Data.(interface{ Nav() Nav }) // every page's data has a Frame
		nav := f.Nav()
		if nav.Index {
			index[p.Path] = true
		}
		if p.Path == "404.html" && (nav.Index || nav.Section != "") {
			t.Errorf("404 page: %+v", nav)
		}
	}
	want := map[string]bool{"index.html": true, "countries/index.html": true, "labels/index.html": true, "portfolios/index.html": true, "data/index.html": true}
	if !reflect.DeepEqual(index, want) {
		t.Errorf("pages with Nav.Index: %v, want %v", index, want)
	}
}
