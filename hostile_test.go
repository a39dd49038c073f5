package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"maps"
	"net/http"
	"net/http/httptest"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"golang.org/x/net/html"
	htmlatom "golang.org/x/net/html/atom"
)

// TestHostilePagesHaveNoActiveContent parses every page of the hostile
// site as a browser would and checks that no payload became markup: the
// only scripts are the JSON-LD data blocks (valid JSON), no element has an
// event-handler attribute, no link, source or form target has a scheme
// other than http, https or mailto, and none of the elements a payload
// could smuggle in (iframe, object, img, style, base, meta refresh, input,
// math) exists. Inline SVG is well-formed XML. It needs no browser; the
// Chromium test below shows the same in a real one.
func TestHostilePagesHaveNoActiveContent(t *testing.T) {
	dest, _ := buildHostile(t)
	files := readTree(t, dest)
	pages := 0
	for _, name := range slices.Sorted(maps.Keys(files)) {
		if path.Ext(name) != ".html" {
			continue
		}
		pages++
		doc, err := html.Parse(bytes.NewReader(files[name]))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, p := range activeContent(doc) {
			t.Errorf("%s: %s", name, p)
		}
		for _, p := range malformedSVG(files[name]) {
			t.Errorf("%s: %s", name, p)
		}
	}
	if pages < 2*len(hostilePayloads) {
		t.Errorf("only %d pages checked", pages)
	}
}

// forbiddenElements are elements that no page of the default theme has
// and that a payload would need.
var forbiddenElements = map[htmlatom.Atom]bool{
	htmlatom.Iframe: true, htmlatom.Object: true, htmlatom.Embed: true, htmlatom.Img: true, htmlatom.Style: true, htmlatom.Base: true,
	htmlatom.Math: true, htmlatom.Frame: true, htmlatom.Frameset: true, htmlatom.Template: true, htmlatom.Audio: true,
	htmlatom.Video: true, htmlatom.Source: true, htmlatom.Applet: true, htmlatom.Textarea: true,
}

// urlAttributes hold URLs a browser follows or loads.
var urlAttributes = map[string]bool{"href": true, "src": true, "action": true, "formaction": true, "xlink:href": true,
	"data": true, "poster": true, "srcset": true, "background": true, "ping": true, "codebase": true, "cite": true}

// activeContent lists what in the parsed document could run or load
// something an editor put there.
func activeContent(doc *html.Node) []string {
	var problems []string
	bad := func(n *html.Node, format string, args ...any) {
		problems = append(problems, fmt.Sprintf("<%s>: %s", n.Data, fmt.Sprintf(format, args...)))
	}
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		switch {
		case forbiddenElements[n.DataAtom]:
			bad(n, "element not in the theme")
		case n.DataAtom == htmlatom.Meta && attr(n, "http-equiv") != "":
			bad(n, "meta http-equiv")
		case n.DataAtom == htmlatom.Link && !slices.Contains([]string{"stylesheet", "canonical", "alternate"}, attr(n, "rel")):
			bad(n, "link rel=%q", attr(n, "rel"))
		case n.Data == "script":
			if problem := checkScript(n); problem != "" {
				bad(n, "%s", problem)
			}
		}
		for _, a := range n.Attr {
			key := strings.ToLower(a.Key)
			if a.Namespace != "" {
				key = a.Namespace + ":" + key
			}
			switch {
			case strings.HasPrefix(key, "on"):
				bad(n, "event handler %s=%q", a.Key, a.Val)
			case key == "srcdoc" || key == "style" && strings.Contains(strings.ToLower(a.Val), "url("):
				bad(n, "%s=%q", a.Key, a.Val)
			case urlAttributes[key] || strings.HasSuffix(key, ":href"):
				if !inertURL(a.Val) {
					bad(n, "%s=%q has a scheme other than http, https or mailto", a.Key, a.Val)
				}
			}
		}
	}
	return problems
}

// checkScript accepts only data blocks (JSON-LD, the search's interface
// text) holding valid JSON, and scripts loaded from the site's own hashed
// assets.
func checkScript(n *html.Node) string {
	if src := attr(n, "src"); src != "" {
		if regexp.MustCompile(`^(\.\./)*assets/[a-z0-9-]+\.[0-9a-f]{8}\.js$`).MatchString(src) {
			return ""
		}
		return "script src=" + src
	}
	if typ := attr(n, "type"); typ != "application/ld+json" && typ != "application/json" {
		return "inline script"
	}
	var body strings.Builder
	for c := range n.ChildNodes() {
		body.WriteString(c.Data)
	}
	if !json.Valid([]byte(body.String())) {
		return "JSON-LD is not valid JSON: " + body.String()
	}
	return ""
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

var schemePattern = regexp.MustCompile(`^([a-zA-Z][a-zA-Z0-9+.-]*):`)

// inertURL reports whether a browser following u stays on http, https or
// mailto. It reads u as the URL standard does: tabs and newlines anywhere
// are dropped, and leading and trailing controls and spaces.
func inertURL(u string) bool {
	u = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, u)
	u = strings.TrimFunc(u, func(r rune) bool { return r <= ' ' })
	m := schemePattern.FindStringSubmatch(u)
	if m == nil {
		return true // relative
	}
	return slices.Contains([]string{"http", "https", "mailto"}, strings.ToLower(m[1]))
}

// malformedSVG checks that each inline <svg> of a page parses as XML.
func malformedSVG(page []byte) []string {
	var problems []string
	rest := page
	for {
		i := bytes.Index(rest, []byte("<svg"))
		if i < 0 {
			return problems
		}
		j := bytes.Index(rest[i:], []byte("</svg>"))
		if j < 0 {
			return append(problems, "an <svg> without </svg>")
		}
		svg := rest[i : i+j+len("</svg>")]
		d := xml.NewDecoder(bytes.NewReader(svg))
		for {
			_, err := d.Token()
			if err != nil {
				if err.Error() != "EOF" {
					problems = append(problems, fmt.Sprintf("inline SVG is not well-formed XML: %v", err))
				}
				break
			}
		}
		rest = rest[i+j:]
	}
}

// TestHostileTextIsShownLiterally checks the text of the hostile pages as
// parsed: every single-line field shows its payload character for
// character, every Markdown field shows the text of its links and their
// tokens, and the page title holds the cluster's name.
func TestHostileTextIsShownLiterally(t *testing.T) {
	dest, clusters := buildHostile(t)
	files := readTree(t, dest)
	for name, want := range hostileExpectations(clusters) {
		d := doc(t, files, name)
		text := normalizeSpace(d.Find("body").Text())
		for _, w := range want {
			if !strings.Contains(text, normalizeSpace(w)) {
				t.Errorf("%s does not show %q", name, shorten(w))
			}
		}
	}
	for _, c := range clusters {
		title := doc(t, files, "clusters/"+c.id+"/index.html").Find("title").Text()
		if want := c.name + " · " + hostileConfig.title; title != want {
			t.Errorf("title = %q, want %q", shorten(title), shorten(want))
		}
	}
}

// hostileExpectations returns, by page, the texts the page must show.
func hostileExpectations(clusters []hostileCluster) map[string][]string {
	want := map[string][]string{
		"index.html":            {hostileConfig.title},
		"data/index.html":       {hostileConfig.licence, "Members " + hostilePayloads[0].text},
		"portfolios/index.html": hostileConfig.portfolios,
	}
	for _, c := range clusters {
		want["clusters/"+c.id+"/index.html"] = c.page
		want["clusters/"+c.id+"/"+c.date+"/index.html"] = c.report
		want["index.html"] = append(want["index.html"], c.name)
	}
	return want
}

func normalizeSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

func shorten(s string) string {
	if len(s) > 120 {
		return s[:60] + "…" + s[len(s)-60:]
	}
	return s
}

// TestHostileDataFilesParseAndKeepTheText reads every data file of the
// hostile site with a strict parser of its format and checks that the text
// comes back exactly as written: clusters.json, clusters.csv,
// assessments.csv, feed.xml (whose HTML summaries are checked like pages),
// sitemap.xml and the JSON-LD of every cluster page; the search index
// files parse.
func TestHostileDataFilesParseAndKeepTheText(t *testing.T) {
	dest, clusters := buildHostile(t)
	files := readTree(t, dest)
	byID := map[string]hostileCluster{}
	for _, c := range clusters {
		byID[c.id] = c
	}

	var data struct {
		Title, Licence string
		Clusters       []struct {
			ID, Name, Region, Website, Portfolio string
			NativeName                           string `json:"native_name"`
			Sectors                              []string
			Assessments                          []struct {
				ReportID string `json:"report_id"`
			}
		}
	}
	if err := json.Unmarshal(files["clusters.json"], &data); err != nil {
		t.Fatalf("clusters.json: %v", err)
	}
	if data.Title != hostileConfig.title || data.Licence != hostileConfig.licence || len(data.Clusters) != len(clusters) {
		t.Errorf("clusters.json: title %q, licence %q, %d clusters", data.Title, data.Licence, len(data.Clusters))
	}
	for _, got := range data.Clusters {
		c := byID[got.ID]
		if got.Name != c.name || got.NativeName != c.nativeName || got.Region != c.region || got.Website != c.website ||
			!slices.Equal(got.Sectors, c.sectors) || len(got.Assessments) != 1 || got.Assessments[0].ReportID != c.reportID {
			t.Errorf("clusters.json changed the text of %s: %+v", got.ID, got)
		}
	}

	// Every JSON file, the search index included, parses; the search test
	// in Chromium shows that its names come back as text.
	jsonFiles := 0
	for name, data := range files {
		if path.Ext(name) == ".json" {
			jsonFiles++
			if !json.Valid(data) {
				t.Errorf("%s is not valid JSON", name)
			}
		}
	}
	if jsonFiles < 3 {
		t.Errorf("only %d JSON files", jsonFiles)
	}

	rows := csvRecords(t, files["clusters.csv"])
	for _, row := range rows[1:] {
		c := byID[row[0]]
		if row[1] != c.name || row[2] != c.nativeName || row[5] != c.region || row[6] != c.website || row[8] != strings.Join(c.sectors, " | ") {
			t.Errorf("clusters.csv changed the text of %s: %q", row[0], row)
		}
	}
	if n := len(csvRecords(t, files["assessments.csv"])); n != len(clusters)+1 {
		t.Errorf("assessments.csv has %d records", n)
	}

	var feed atom
	if err := xml.Unmarshal(files["feed.xml"], &feed); err != nil {
		t.Fatalf("feed.xml: %v", err)
	}
	if feed.Title != hostileConfig.title || len(feed.Entries) != len(clusters) {
		t.Errorf("feed.xml: title %q, %d entries", feed.Title, len(feed.Entries))
	}
	for _, e := range feed.Entries {
		c := byID[strings.Split(strings.TrimPrefix(e.ID, hostileBaseURL+"clusters/"), "/")[0]]
		if !strings.HasPrefix(e.Title, c.name+": ") {
			t.Errorf("feed entry %s: title %q", e.ID, shorten(e.Title))
		}
		summary, err := html.Parse(strings.NewReader(e.Summary.Body))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range activeContent(summary) {
			t.Errorf("feed entry %s: summary: %s", e.ID, p)
		}
	}

	var sitemap struct {
		URLs []struct {
			Loc string `xml:"loc"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(files["sitemap.xml"], &sitemap); err != nil {
		t.Fatalf("sitemap.xml: %v", err)
	}
	for _, u := range sitemap.URLs {
		rest, ok := strings.CutPrefix(u.Loc, hostileBaseURL)
		if !ok || !regexp.MustCompile(`^([a-z0-9-]+/)*$`).MatchString(rest) {
			t.Errorf("sitemap location %q is not base_url and slugs", u.Loc)
		}
	}

	for _, c := range clusters {
		o := jsonLD(t, doc(t, files, "clusters/"+c.id+"/index.html"))
		if o.Name != c.name || o.AlternateName != c.nativeName || o.Address.Region != c.region || o.URL != c.website {
			t.Errorf("JSON-LD of %s changed the text: %+v", c.id, o)
		}
	}
}

func csvRecords(t *testing.T, data []byte) [][]string {
	t.Helper()
	records, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return records
}

// TestHostileTextIsInertInChromium opens every page of the hostile site in
// headless Chromium, then searches the directory for every cluster so that
// the search script shows their names. The shared tab (internal/browsertest)
// fails the test on a JavaScript dialog, a request that leaves the test
// server, a console error (an injected <img src=x> would fail to load) and
// an uncaught exception; on top, window.__pwned, which every payload sets,
// must stay unset, and each page must show its payloads as text.
func TestHostileTextIsInertInChromium(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	srv := httptest.NewServer(http.FileServer(http.Dir(dest)))
	defer srv.Close()
	// base_url is the test server's, so that the 404 page, which links its
	// style sheet there, loads it from the server.
	clusters := buildHostileInto(t, dest, "--base-url", srv.URL+"/")
	ctx := browser.Tab(t, srv.URL)

	want := hostileExpectations(clusters)
	want["index.html"] = []string{hostileConfig.title} // the script lists 25 at a time: names are searched below
	var names []string
	for name := range readTree(t, dest) {
		if path.Ext(name) == ".html" {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	for _, name := range names {
		text := openHostile(t, ctx, srv.URL+"/"+strings.TrimSuffix(name, "index.html"), "true")
		for _, s := range want[name] {
			if !strings.Contains(text, normalizeSpace(s)) {
				t.Errorf("%s: the browser does not show %q", name, shorten(s))
			}
		}
	}
	for i, c := range clusters {
		q := fmt.Sprintf("N%02d", i)
		text := openHostile(t, ctx, srv.URL+"/?q="+q, `document.querySelector(".finder-results:not([hidden]) tbody tr") !== null`)
		if !strings.Contains(text, normalizeSpace(c.name)) {
			t.Errorf("search for %s does not show %q", q, shorten(c.name))
		}
	}
	t.Logf("%d pages and %d searches in Chromium", len(names), len(clusters))
}

// openHostile opens u, waits until ready (a JavaScript expression) is true
// and handlers that fire after load (autofocus, ontoggle) had their turn,
// fails the test if a payload ran, and returns the page's visible text,
// spaces normalised.
func openHostile(t *testing.T, ctx context.Context, u, ready string) string {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(u)); err != nil {
		t.Fatalf("%s: %v", u, err)
	}
	js := `(async () => {
		for (let i = 0; i < 200 && !(` + ready + `); i++) await new Promise(r => setTimeout(r, 25));
		await new Promise(r => requestAnimationFrame(() => setTimeout(r, 50)));
		return JSON.stringify({pwned: window.__pwned ?? null, text: document.body.innerText});
	})()`
	res, err := chromedp.Run(ctx, chromedp.Evaluate[string](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s: %v", u, err)
	}
	var got struct {
		Pwned any
		Text  string
	}
	if err := json.Unmarshal([]byte(res), &got); err != nil {
		t.Fatal(err)
	}
	if got.Pwned != nil {
		t.Errorf("%s: a payload ran: window.__pwned = %v", u, got.Pwned)
	}
	return normalizeSpace(got.Text)
}
