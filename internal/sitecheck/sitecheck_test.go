package sitecheck

import (
	"os"
	"slices"
	"strings"
	"testing"

	"clustersite/internal/browsertest"
)

var browser browsertest.Browser

func TestMain(m *testing.M) {
	code := m.Run()
	browser.Close()
	os.Exit(code)
}

// toolsDir is the project's tools folder seen from this package.
const toolsDir = "../../tools"

func strs(t *testing.T, findings []Finding, err error) []string {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
	out := []string{}
	for _, f := range findings {
		out = append(out, f.String())
	}
	return out
}

func same(t *testing.T, what string, got, want []string) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Errorf("%s:\ngot:\n  %s\nwant:\n  %s", what, strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

func TestCleanSitePassesEveryFileCheck(t *testing.T) {
	for name, check := range map[string]func(string) ([]Finding, error){
		"Links": Links, "Orphans": Orphans, "Outline": Outline, "Tables": Tables, "Alternatives": Alternatives,
	} {
		findings, err := check("testdata/clean")
		same(t, name, strs(t, findings, err), []string{})
	}
}

func TestLinksFindEveryKindOfBrokenReference(t *testing.T) {
	findings, err := Links("testdata/broken")
	same(t, "findings", strs(t, findings, err), []string{
		`index.html: link: "assets/gone.js": no file assets/gone.js`,
		`index.html: link: "assets/hero.jpg": no file assets/hero.jpg`,
		`index.html: link: "missing/": no file missing/index.html`,
		`index.html: fragment: "page.html#nowhere": no id "nowhere" in page.html`,
		`index.html: fragment: "#nor-here": no id "nor-here" in index.html`,
		`index.html: folder-link: "sub" names the folder sub without the closing slash: its own links would resolve against the parent`,
		`index.html: link: "assets/missing.png": no file assets/missing.png`,
		`index.html: link: "assets/dot@2x.svg": no file assets/dot@2x.svg`,
		`index.html: link: "assets/paper.png": no file assets/paper.png`,
		`index.html: link: "search/": no file search/index.html`,
		`assets/style.css: link: "base.css": no file assets/base.css`,
		`assets/style.css: link: "paper.png": no file assets/paper.png`,
		`assets/style.css: link: "fonts/x.woff2": no file assets/fonts/x.woff2`,
	})
}

func TestOrphansFindsPagesNoLinkLeadsTo(t *testing.T) {
	findings, err := Orphans("testdata/broken")
	same(t, "findings", strs(t, findings, err), []string{
		`orphan.html: orphan: no link leads here from index.html`,
	})
}

func TestOutlineFindsSkippedLevelsAndMisplacedH1(t *testing.T) {
	findings, err := Outline("testdata/outline")
	same(t, "findings", strs(t, findings, err), []string{
		`empty.html: heading: empty <h2>`,
		`first-not-h1.html: heading: the first heading is h2 "Before", not h1`,
		`none.html: heading: no heading`,
		`skip.html: heading: h4 "Four" follows h2 "Two": level 3 skipped`,
		`two-h1.html: heading: 2 h1 headings, want one`,
	})
}

func TestTablesNeedHeaderCells(t *testing.T) {
	findings, err := Tables("testdata/tables")
	same(t, "findings", strs(t, findings, err), []string{
		`index.html: table: <table id="bare"> has no header cell (th)`,
		`index.html: table: empty header cell in <table id="blank">`,
		`index.html: table: <table id="inner"> has no header cell (th)`,
	})
}

func TestAlternativesNeedTextForImagesAndCharts(t *testing.T) {
	findings, err := Alternatives("testdata/alternatives")
	same(t, "findings", strs(t, findings, err), []string{
		`index.html: alt: <img id="noalt" src="b.png"> has no alt attribute`,
		`index.html: alt: <svg id="norole"> is neither aria-hidden="true" nor role="img"`,
		`index.html: alt: <svg id="noname"> has no text alternative (aria-label, aria-labelledby or title)`,
		`index.html: alt: <svg id="badref"> has no text alternative (aria-label, aria-labelledby or title)`,
	})
}

func TestResolve(t *testing.T) {
	for _, tc := range []struct {
		from, ref, file, frag string
		internal              bool
	}{
		{"index.html", "", "index.html", "", true},
		{"index.html", "#x", "index.html", "x", true},
		{"a/b/index.html", "../../", "index.html", "", true},
		{"a/b/index.html", "../c/#d", "a/c/index.html", "d", true},
		{"a/index.html", "/assets/s.css", "assets/s.css", "", true},
		{"a/index.html", "./?q=1", "a/index.html", "", true},
		{"a/index.html", "caf%C3%A9/", "a/café/index.html", "", true},
		{"index.html", "https://example.org/x", "", "", false},
		{"index.html", "//example.org/x", "", "", false},
		{"index.html", "mailto:a@b", "", "", false},
		{"index.html", "data:image/png;base64,AA", "", "", false},
	} {
		file, frag, internal := resolve(tc.from, tc.ref)
		if file != tc.file || frag != tc.frag || internal != tc.internal {
			t.Errorf("resolve(%q, %q) = %q, %q, %v; want %q, %q, %v", tc.from, tc.ref, file, frag, internal, tc.file, tc.frag, tc.internal)
		}
	}
}
