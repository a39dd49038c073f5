package main

// The quality gates over the whole built site (internal/sitecheck): no
// broken link or orphan page, headings that form an outline, tables with
// headers, text alternatives, valid HTML and CSS (W3C Nu HTML Checker),
// no WCAG 2.1 A/AA violation (axe-core), nothing scrolling sideways; and
// screenshots of the main pages to look at.
//
// The validator and axe-core come from tools/ (npm ci --ignore-scripts
// --prefix tools); without them, or without Chromium, these tests skip,
// except with CI=true.

import (
	"context"
	"flag"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"clustersite/generator/chart"
	"clustersite/internal/sitecheck"
)

var screenshots = flag.String("screenshots", "", "write screenshots of the main pages into this folder (default: a temporary folder, removed after the test)")

// toolsDir holds the pinned npm packages of the checkers.
const toolsDir = "tools"

// variants is the sample site built three ways, each in a folder of
// variants.dir: en as configured (relative links, no feed), de and fr with
// a base URL (canonical links, feed, JSON-LD).
var variants struct {
	once sync.Once
	dir  string
	err  error
}

// sampleVariants builds the variants once per test run and returns their
// parent folder.
func sampleVariants(t *testing.T) string {
	t.Helper()
	variants.once.Do(func() {
		variants.dir, variants.err = os.MkdirTemp("", "clustersite-variants-")
		if variants.err != nil {
			return
		}
		variants.err = buildInto(filepath.Join(variants.dir, "en"), "--site", ".")
	})
	if variants.err != nil {
		t.Fatal(variants.err)
	}
	for _, lang := range []string{"de", "fr"} {
		dest := filepath.Join(variants.dir, lang)
		if _, err := os.Stat(dest); err == nil {
			continue
		}
		src := buildSampleDirIn(t, lang, "--base-url", testBaseURL)
		if err := os.Rename(src, dest); err != nil {
			t.Fatal(err)
		}
	}
	return variants.dir
}

// eachVariant runs check over every variant and fails the test on each
// finding; it returns the number of pages checked.
func eachVariant(t *testing.T, checks ...func(string) ([]sitecheck.Finding, error)) int {
	t.Helper()
	dir := sampleVariants(t)
	pages := 0
	for _, lang := range []string{"en", "de", "fr"} {
		names, err := sitecheck.Pages(filepath.Join(dir, lang))
		if err != nil {
			t.Fatal(err)
		}
		pages += len(names)
		for _, check := range checks {
			findings, err := check(filepath.Join(dir, lang))
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range findings {
				t.Errorf("%s/%s", lang, f)
			}
		}
	}
	if pages < 3*80 {
		t.Errorf("checked only %d pages", pages)
	}
	return pages
}

// TestSampleHasNoBrokenLinkOrOrphan follows every reference of every page
// and stylesheet (href, src, srcset, CSS url(), fragments) and every link
// from the home page: each names a file and an id, and every page can be
// reached.
func TestSampleHasNoBrokenLinkOrOrphan(t *testing.T) {
	n := eachVariant(t, sitecheck.Links, sitecheck.Orphans)
	t.Logf("%d pages checked", n)
}

func TestSampleHeadingsTablesAndImagesAreAccessible(t *testing.T) {
	n := eachVariant(t, sitecheck.Outline, sitecheck.Tables, sitecheck.Alternatives)
	t.Logf("%d pages checked", n)
}

// TestSampleIsValidHTMLAndCSS runs the W3C Nu HTML Checker once over every
// page and stylesheet of the three variants.
func TestSampleIsValidHTMLAndCSS(t *testing.T) {
	v := sitecheck.NeedValidator(t, toolsDir)
	dir := sampleVariants(t)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	findings, err := v.Validate(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range findings {
		t.Error(f)
	}
}

// searchState is the directory with a search and a facet active: the
// script shows the results.
const searchState = "/?q=digital&country=DE"

// samplePages returns every HTML page of the built sample as a URL path.
func samplePages(t *testing.T) []string {
	t.Helper()
	names, err := sitecheck.Pages(sampleDir(t))
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, name := range names {
		paths = append(paths, "/"+strings.TrimSuffix(name, "index.html"))
	}
	return paths
}

// visit loads path in the tab and waits until the page is complete: on the
// directory, until the search has loaded its index (and, with a query, shown
// results).
func visit(t *testing.T, ctx context.Context, base, path string) {
	t.Helper()
	do(t, ctx, chromedp.Navigate(base+path))
	if path == "/" || strings.HasPrefix(path, "/?") {
		waitFor(t, ctx, `document.querySelector('.finder').dataset.complete === 'true'`)
	}
	if strings.HasPrefix(path, "/?") {
		waitFor(t, ctx, `document.querySelectorAll('.finder-results tbody tr').length > 0`)
	}
}

// waitFor waits until the JavaScript expression is true in the page, for
// 30 seconds at most. (chromedp.Poll may evaluate in the execution context
// of the page before the last navigation, and fail.)
func waitFor(t *testing.T, ctx context.Context, expr string) {
	t.Helper()
	js := fmt.Sprintf(`new Promise((resolve, reject) => {
		const end = performance.now() + 30000;
		const check = () => (%s) ? resolve(true) :
			performance.now() > end ? reject(new Error("timed out waiting for: " + %q)) : setTimeout(check, 10);
		check();
	})`, expr, expr)
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js, chromedp.EvalAwaitPromise)); err != nil {
		t.Fatal(err)
	}
}

// TestSamplePassesAxe runs axe-core with the WCAG 2.0 and 2.1 A and AA
// rules on every page of the sample and on the directory with a search and
// a facet active, at 1280 px, and on the main pages at 375 px, where tables
// stack; every details element open, so that what it hides is checked too.
func TestSamplePassesAxe(t *testing.T) {
	axe := sitecheck.NeedAxe(t, toolsDir)
	srv := serveSample(t)
	ctx := browser.Tab(t, srv.URL)
	ctx, cancel := context.WithTimeout(ctx, 10*time.Minute)
	defer cancel()
	for _, width := range []int64{1280, 375} {
		paths := slices.Sorted(maps.Values(mainPages))
		if width == 1280 {
			paths = append(samplePages(t), searchState)
		}
		do(t, ctx, chromedp.EmulateViewport(width, 900))
		for _, path := range paths {
			visit(t, ctx, srv.URL, path)
			if path == searchState {
				checked := eval[[]string](t, ctx, `[...document.querySelectorAll('.facet input:checked')].map(i => i.value)`)
				if strings.Join(checked, ",") != "DE" {
					t.Errorf("%s: facets checked %q, want DE", path, checked)
				}
			}
			openDetails(t, ctx)
			findings, err := sitecheck.Axe(ctx, axe, path, sitecheck.WCAG21AA)
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			for _, f := range findings {
				t.Errorf("at %d px: %s", width, f)
			}
		}
	}
}

// mayScroll are the boxes that may scroll sideways on a small screen:
// tables of numbers, whose columns cannot stack (the report's distribution
// figures, the numbers of the directory's charts), each in a named region
// that takes the keyboard focus, so that keys scroll it too.
const mayScroll = `.table-scroll[tabindex="0"][role=region]:is([aria-label], [aria-labelledby]):has(> table.figures-table, > table.numbers)`

// openDetails opens every details element of the page, so that checks see
// what they hide.
func openDetails(t *testing.T, ctx context.Context) {
	t.Helper()
	eval[chromedp.Void](t, ctx, `document.querySelectorAll("details").forEach(d => d.open = true)`)
}

// TestSampleFitsEveryWidth loads every page at 320, 375 and 1280 px, and
// the German and French builds, whose words are longer, at 320 px: none
// scrolls sideways (scrollWidth <= innerWidth) and no box is cut off at
// its right edge, with every details element open.
func TestSampleFitsEveryWidth(t *testing.T) {
	fits(t, sampleDir(t), []int64{320, 375, 1280}, nil)
	for _, lang := range []string{"de", "fr"} {
		// Built with a base URL, their 404 page loads the stylesheet from
		// that host: it is left out.
		t.Run(lang, func(t *testing.T) {
			fits(t, filepath.Join(sampleVariants(t), lang), []int64{320}, []string{"404.html"})
		})
	}
}

// fits serves the site in dir and checks every page but those in skip at
// each width.
func fits(t *testing.T, dir string, widths []int64, skip []string) {
	srv := serveDir(t, dir)
	ctx := browser.Tab(t, srv.URL)
	ctx, cancel := context.WithTimeout(ctx, 10*time.Minute)
	defer cancel()
	names, err := sitecheck.Pages(dir)
	if err != nil {
		t.Fatal(err)
	}
	paths := []string{searchState}
	for _, name := range names {
		if !slices.Contains(skip, name) {
			paths = append(paths, "/"+strings.TrimSuffix(name, "index.html"))
		}
	}
	for _, width := range widths {
		do(t, ctx, chromedp.EmulateViewport(width, 800))
		for _, path := range paths {
			visit(t, ctx, srv.URL, path)
			openDetails(t, ctx)
			findings, err := sitecheck.Overflow(ctx, path)
			if err != nil {
				t.Fatalf("%s at %d px: %v", path, width, err)
			}
			cut, err := sitecheck.CutOff(ctx, path, mayScroll)
			if err != nil {
				t.Fatalf("%s at %d px: %v", path, width, err)
			}
			for _, f := range append(findings, cut...) {
				t.Errorf("at %d px: %s", width, f)
			}
		}
	}
}

// mainPages are the pages of the screenshots, by file name.
var mainPages = map[string]string{
	"directory":  "/",
	"search":     searchState,
	"cluster":    "/clusters/pohjola-health-technology-cluster/",
	"report":     "/clusters/pohjola-health-technology-cluster/2025-05-27/",
	"countries":  "/countries/",
	"country":    "/countries/de/",
	"labels":     "/labels/",
	"label":      "/labels/gold/",
	"portfolios": "/portfolios/",
	"portfolio":  "/portfolios/food-industry/",
	"data":       "/data/",
	"not-found":  "/404.html",
}

// TestScreenshotsOfMainPages writes a full-page PNG of each main page at
// 375 and 1280 px wide, to look at: go test -run Screenshots -screenshots DIR .
func TestScreenshotsOfMainPages(t *testing.T) {
	dir := *screenshots
	if dir == "" {
		dir = t.TempDir()
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	srv := serveSample(t)
	ctx := browser.Tab(t, srv.URL)
	ctx, cancel := context.WithTimeout(ctx, 5*time.Minute)
	defer cancel()
	for _, width := range []int64{375, 1280} {
		do(t, ctx, chromedp.EmulateViewport(width, 800))
		for name, path := range mainPages {
			visit(t, ctx, srv.URL, path)
			png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
			if err != nil {
				t.Fatal(err)
			}
			file := filepath.Join(dir, fmt.Sprintf("%s-%d.png", name, width))
			if err := os.WriteFile(file, png, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	t.Logf("screenshots in %s", dir)
}

// TestLabelColoursAreTheSameEverywhere pins one colour per label: the
// badges' dots and edges and the cards' rules (assets/style.css) use the
// chart bars' colours (generator/chart).
func TestLabelColoursAreTheSameEverywhere(t *testing.T) {
	css, err := os.ReadFile("assets/style.css")
	if err != nil {
		t.Fatal(err)
	}
	for name, fill := range map[string]string{"bronze": chart.Bronze, "silver": chart.Silver, "gold": chart.Gold} {
		want := "--" + name + "-edge: " + fill + ";"
		if !strings.Contains(string(css), want) {
			t.Errorf("assets/style.css has no %q: badges and charts differ in colour", want)
		}
	}
}

// TestDirectoryChartsShowWholeAndReadable measures the two charts of the
// directory in the browser: each fits its column (nothing cut off at the
// right edge) and its 12-unit text shows between 10 and 16 px.
func TestDirectoryChartsShowWholeAndReadable(t *testing.T) {
	srv := serveSample(t)
	ctx := browser.Tab(t, srv.URL)
	for _, width := range []int64{320, 375, 1280} {
		do(t, ctx, chromedp.EmulateViewport(width, 800))
		visit(t, ctx, srv.URL, "/")
		charts := eval[[]struct {
			Class             string
			Right, Column, PX float64
		}](t, ctx, `[...document.querySelectorAll('.figures-section svg.chart')].map(svg => ({
			class: svg.getAttribute('class'),
			right: svg.getBoundingClientRect().right,
			column: svg.closest('figure').getBoundingClientRect().right,
			px: 12 * svg.getBoundingClientRect().width / svg.viewBox.baseVal.width}))`)
		if len(charts) != 2 {
			t.Fatalf("at %d px: %d charts, want 2", width, len(charts))
		}
		for _, c := range charts {
			if c.Right > c.Column+0.5 {
				t.Errorf("at %d px: %s ends at %.0f px, past its column at %.0f px", width, c.Class, c.Right, c.Column)
			}
			if c.PX < 10 || c.PX > 16 {
				t.Errorf("at %d px: %s shows its text at %.1f px, want 10 to 16", width, c.Class, c.PX)
			}
		}
	}
}

// TestPaletteContrast checks the colours of the theme against WCAG 2.1 AA
// where axe-core cannot see them all at once: text on its background 4.5:1
// (badge ink on badge, status colours, links, muted text on tints), chart
// bars and the label colours' rules and dots 3:1 against white (1.4.11).
func TestPaletteContrast(t *testing.T) {
	css, err := os.ReadFile("assets/style.css")
	if err != nil {
		t.Fatal(err)
	}
	vars := map[string]string{}
	for _, m := range regexp.MustCompile(`--([a-z-]+):\s*(#[0-9a-fA-F]{3,6})\b`).FindAllStringSubmatch(string(css), -1) {
		if _, seen := vars[m[1]]; !seen { // the first, in :root
			vars[m[1]] = m[2]
		}
	}
	color := func(name string) string {
		if strings.HasPrefix(name, "#") {
			return name
		}
		c, ok := vars[name]
		if !ok {
			t.Fatalf("no --%s in assets/style.css", name)
		}
		return c
	}
	for _, tc := range []struct {
		fg, bg string
		min    float64
	}{
		{"ink", "paper", 4.5}, {"muted", "paper", 4.5}, {"muted", "tint", 4.5}, {"accent", "paper", 4.5}, {"accent-ink", "accent", 4.5},
		{"bronze-ink", "bronze-bg", 4.5}, {"silver-ink", "silver-bg", 4.5}, {"gold-ink", "gold-bg", 4.5},
		{"valid", "paper", 4.5}, {"expiring", "paper", 4.5}, {"expired", "paper", 4.5}, {"lapsed", "paper", 4.5},
		{"bronze-edge", "paper", 3}, {"silver-edge", "paper", 3}, {"gold-edge", "paper", 3},
		{chart.Bronze, "paper", 3}, {chart.Silver, "paper", 3}, {chart.Gold, "paper", 3},
		{chart.Ink, "paper", 4.5}, {chart.Muted, "paper", 4.5}, {chart.Accent, "paper", 3},
	} {
		ratio, err := sitecheck.Contrast(color(tc.fg), color(tc.bg))
		if err != nil {
			t.Fatal(err)
		}
		if ratio < tc.min {
			t.Errorf("%s on %s: contrast %.2f:1, want at least %g:1", tc.fg, tc.bg, ratio, tc.min)
		}
	}
}
