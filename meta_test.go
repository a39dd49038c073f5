package main

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"clustersite/generator/build"
	"clustersite/generator/output"
)

// atom is the part of RFC 4287 the tests check.
type atom struct {
	XMLName xml.Name   `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string     `xml:"id"`
	Title   string     `xml:"title"`
	Updated string     `xml:"updated"`
	Author  []atomName `xml:"author"`
	Links   []atomHref `xml:"link"`
	Entries []struct {
		ID        string     `xml:"id"`
		Title     string     `xml:"title"`
		Updated   string     `xml:"updated"`
		Published string     `xml:"published"`
		Author    []atomName `xml:"author"`
		Links     []atomHref `xml:"link"`
		Summary   struct {
			Type string `xml:"type,attr"`
			Body string `xml:",chardata"`
		} `xml:"summary"`
		Category struct {
			Term string `xml:"term,attr"`
		} `xml:"category"`
	} `xml:"entry"`
}

type atomName struct {
	Name string `xml:"name"`
}

type atomHref struct {
	Rel  string `xml:"rel,attr"`
	Href string `xml:"href,attr"`
}

func absoluteIRI(s string) bool {
	u, err := url.Parse(s)
	return err == nil && u.IsAbs() && u.Host != ""
}

func rfc3339(s string) bool {
	_, err := time.Parse(time.RFC3339, s)
	return err == nil
}

// TestFeedIsValidAtom parses feed.xml and checks what RFC 4287 requires:
// feed id, title, updated and an author (for the feed, so every entry has
// one); entry id, title, updated and an alternate link; dates in RFC 3339;
// ids and links absolute IRIs under base_url; at most 50 entries, newest
// first; each links to a page of the site.
func TestFeedIsValidAtom(t *testing.T) {
	files := readTree(t, buildSample(t, "--base-url", testBaseURL))
	var f atom
	if err := xml.Unmarshal(files["feed.xml"], &f); err != nil {
		t.Fatalf("feed.xml: %v", err)
	}
	if !absoluteIRI(f.ID) || f.Title == "" || !rfc3339(f.Updated) || len(f.Author) == 0 || f.Author[0].Name == "" {
		t.Errorf("feed head: id %q title %q updated %q author %v", f.ID, f.Title, f.Updated, f.Author)
	}
	rels := map[string]string{}
	for _, l := range f.Links {
		rels[l.Rel] = l.Href
	}
	if rels["self"] != testBaseURL+"feed.xml" || rels["alternate"] != testBaseURL {
		t.Errorf("feed links = %v", rels)
	}
	s := loadSample(t, build.Options{BaseURL: testBaseURL})
	if want := min(50, s.Assessments); len(f.Entries) != want {
		t.Errorf("%d entries, want %d", len(f.Entries), want)
	}
	ids := map[string]bool{}
	prev := "9999"
	for _, e := range f.Entries {
		if !absoluteIRI(e.ID) || ids[e.ID] || e.Title == "" || !rfc3339(e.Updated) || !rfc3339(e.Published) {
			t.Errorf("entry %q: title %q updated %q published %q (or id repeated)", e.ID, e.Title, e.Updated, e.Published)
		}
		ids[e.ID] = true
		if e.Updated > prev {
			t.Errorf("entry %s is newer than the one before it", e.ID)
		}
		prev = e.Updated
		if len(e.Links) != 1 || e.Links[0].Rel != "alternate" || !strings.HasPrefix(e.Links[0].Href, testBaseURL) {
			t.Errorf("entry %s links %v", e.ID, e.Links)
			continue
		}
		page := strings.TrimPrefix(e.Links[0].Href, testBaseURL) + "index.html"
		if _, ok := files[page]; !ok {
			t.Errorf("entry %s links to %s, which is not a page", e.ID, page)
		}
		if e.Summary.Type != "html" || e.Category.Term == "" {
			t.Errorf("entry %s: summary type %q, category %q", e.ID, e.Summary.Type, e.Category.Term)
		}
	}
	if f.Updated != f.Entries[0].Updated {
		t.Errorf("feed updated %s, newest entry %s", f.Updated, f.Entries[0].Updated)
	}
	// A profile assessment: linked to its cluster page, summary only the label and dates.
	for _, e := range f.Entries {
		if strings.Contains(e.ID, "baerekraftig-reiseliv-lofoten/2025-09-11") {
			if e.Links[0].Href != testBaseURL+"clusters/baerekraftig-reiseliv-lofoten/" || strings.Count(e.Summary.Body, "<p>") != 1 || strings.Contains(e.Summary.Body, "Report") {
				t.Errorf("profile entry: link %s summary %q", e.Links[0].Href, e.Summary.Body)
			}
		}
	}
}

// TestFeedIsSkippedWithWarningWithoutBaseURL: no base_url, no feed.xml,
// no alternate link, and a warning about config.toml's base_url in the
// build's summary.
func TestFeedIsSkippedWithWarningWithoutBaseURL(t *testing.T) {
	mem := &output.Memory{}
	sum, err := build.Run(context.Background(), os.DirFS("."), themeFS, build.Options{}, mem)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := mem.Files["feed.xml"]; ok {
		t.Error("feed.xml written without base_url")
	}
	found := false
	for _, w := range sum.Warnings {
		if w.Path == "config.toml" && w.Field == "base_url" && strings.Contains(w.Message, "feed.xml") {
			found = true
		}
	}
	if !found {
		t.Errorf("no base_url warning in %v", sum.Warnings)
	}
	if bytes.Contains(mem.Files["index.html"], []byte("application/atom+xml")) {
		t.Error("pages link to a feed that does not exist")
	}
	with := readTree(t, buildSample(t, "--base-url", testBaseURL))
	for name := range with {
		if strings.HasSuffix(name, ".html") && doc(t, with, name).Find(`head link[rel=alternate][type="application/atom+xml"][href="`+testBaseURL+`feed.xml"]`).Length() != 1 {
			t.Errorf("%s: no alternate link to the feed", name)
		}
	}
}

// TestSitemapHasLastmodForEveryPage parses sitemap.xml: every page but
// 404.html, absolute locations with base_url, lastmod a W3C date.
func TestSitemapHasLastmodForEveryPage(t *testing.T) {
	files := readTree(t, buildSample(t, "--base-url", testBaseURL))
	var set struct {
		XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
		URLs    []struct {
			Loc     string `xml:"loc"`
			LastMod string `xml:"lastmod"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(files["sitemap.xml"], &set); err != nil {
		t.Fatal(err)
	}
	pages := 0
	for name := range files {
		if strings.HasSuffix(name, ".html") && name != "404.html" {
			pages++
		}
	}
	if len(set.URLs) != pages {
		t.Errorf("sitemap lists %d URLs, the site has %d pages", len(set.URLs), pages)
	}
	for _, u := range set.URLs {
		if _, err := time.Parse(time.DateOnly, u.LastMod); err != nil || !strings.HasPrefix(u.Loc, testBaseURL) {
			t.Errorf("url %q lastmod %q", u.Loc, u.LastMod)
		}
		if _, ok := files[strings.TrimPrefix(u.Loc, testBaseURL)+"index.html"]; !ok {
			t.Errorf("sitemap lists %s, which is not a page", u.Loc)
		}
	}
}

// TestEveryPageHasDescriptionAndOpenGraph checks the meta of every page.
func TestEveryPageHasDescriptionAndOpenGraph(t *testing.T) {
	files := readTree(t, buildSample(t, "--base-url", testBaseURL))
	for name := range files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		d := doc(t, files, name)
		meta := func(sel string) string { return strings.TrimSpace(d.Find(sel).AttrOr("content", "")) }
		for _, sel := range []string{`meta[name=description]`, `meta[property="og:title"]`, `meta[property="og:description"]`,
			`meta[property="og:type"]`, `meta[property="og:site_name"]`, `meta[property="og:url"]`} {
			if meta(sel) == "" {
				t.Errorf("%s: no %s", name, sel)
			}
		}
		if got := meta(`meta[property="og:locale"]`); got != "en_GB" {
			t.Errorf("%s: og:locale = %q", name, got)
		}
		if og, canon := meta(`meta[property="og:url"]`), d.Find(`link[rel=canonical]`).AttrOr("href", ""); og != canon || !strings.HasPrefix(og, testBaseURL) {
			t.Errorf("%s: og:url %q, canonical %q", name, og, canon)
		}
	}
	d := doc(t, files, "clusters/qoot-cluster/2019-07-25/index.html")
	if got := d.Find(`meta[property="og:type"]`).AttrOr("content", ""); got != "article" {
		t.Errorf("report og:type = %q, want article", got)
	}
	if got := d.Find(`meta[name=description]`).AttrOr("content", ""); got != "Benchmarking report of Qoot Cluster, interview on 25 July 2019, Bronze label." {
		t.Errorf("report description = %q", got)
	}
}

// organizationLD is the JSON-LD of a cluster page.
type organizationLD struct {
	Context       string   `json:"@context"`
	Type          string   `json:"@type"`
	Name          string   `json:"name"`
	AlternateName string   `json:"alternateName"`
	URL           string   `json:"url"`
	SameAs        []string `json:"sameAs"`
	FoundingDate  string   `json:"foundingDate"`
	Award         string   `json:"award"`
	Address       struct {
		Type    string `json:"@type"`
		Country string `json:"addressCountry"`
		Region  string `json:"addressRegion"`
	} `json:"address"`
}

func jsonLD(t *testing.T, d *goquery.Document) organizationLD {
	t.Helper()
	scripts := d.Find(`script[type="application/ld+json"]`)
	if scripts.Length() != 1 {
		t.Fatalf("%d JSON-LD scripts, want 1", scripts.Length())
	}
	var o organizationLD
	if err := json.Unmarshal([]byte(scripts.Text()), &o); err != nil {
		t.Fatalf("JSON-LD %q: %v", scripts.Text(), err)
	}
	return o
}

// TestClusterPageJSONLDIsAnOrganization parses the JSON-LD of every
// cluster page with encoding/json.
func TestClusterPageJSONLDIsAnOrganization(t *testing.T) {
	files := readTree(t, buildSample(t))
	s := loadSample(t, build.Options{})
	for _, c := range s.Clusters {
		o := jsonLD(t, doc(t, files, c.URL+"index.html"))
		if o.Context != "https://schema.org" || o.Type != "Organization" || o.Name != c.Name || o.Address.Type != "PostalAddress" ||
			o.Address.Country != c.Country || o.Address.Region != c.Region || o.URL != c.Website || o.AlternateName != c.NativeName {
			t.Errorf("%s: %+v", c.ID, o)
		}
		if !strings.HasPrefix(o.Award, c.Label.Title()+" label: "+c.Label.Motto()) {
			t.Errorf("%s: award %q", c.ID, o.Award)
		}
	}
	q := jsonLD(t, doc(t, files, "clusters/qoot-cluster/index.html"))
	if q.FoundingDate != "2016" || q.Award != "Bronze label: Striving for Cluster Excellence, ended on 25 July 2021" || len(q.SameAs) != 1 || q.SameAs[0] != "https://qoot.org" {
		t.Errorf("qoot: %+v", q)
	}
}

// TestJSONLDCannotBreakOutOfItsScript builds a cluster whose fields try to
// end the script element or open a comment, and checks the page has still
// exactly one script, whose JSON holds the text unchanged.
func TestJSONLDCannotBreakOutOfItsScript(t *testing.T) {
	evil := `Evil </script><script>alert(1)</script> <!-- & "q" \u2028`
	siteDir := t.TempDir()
	file := filepath.Join(siteDir, "content", "clusters", "evil", "2025-01-10.toml")
	os.MkdirAll(filepath.Dir(file), 0o755)
	src := "[cluster]\nid = \"evil\"\nname = '''" + evil + "'''\nnative_name = '''</SCRIPT ><!--'''\ncountry = \"DE\"\nregion = '''<!-- </script'''\n" +
		"[assessment]\ndate = 2025-01-10\nlabel = \"bronze\"\n"
	os.WriteFile(file, []byte(src), 0o644)
	os.WriteFile(filepath.Join(siteDir, "config.toml"), []byte("today = 2026-11-28\n"), 0o644)
	var out, errs bytes.Buffer
	if code := run(context.Background(), []string{"build", "--site", siteDir}, &out, &errs); code != 0 {
		t.Fatalf("exit %d: %s", code, &errs)
	}
	page := readTree(t, filepath.Join(siteDir, "public"))["clusters/evil/index.html"]
	d, _ := goquery.NewDocumentFromReader(bytes.NewReader(page))
	if n := d.Find("script").Length(); n != 1 {
		t.Fatalf("%d script elements, want 1:\n%s", n, page)
	}
	o := jsonLD(t, d)
	if o.Name != evil || o.AlternateName != "</SCRIPT ><!--" || o.Address.Region != "<!-- </script" {
		t.Errorf("JSON-LD changed the text: %+v", o)
	}
	lower := strings.ToLower(string(page))
	for bad, want := range map[string]int{"<script": 1, "</script": 1, "<!--": 0} {
		if n := strings.Count(lower, bad); n != want {
			t.Errorf("page contains %q %d times, want %d", bad, n, want)
		}
	}
}
