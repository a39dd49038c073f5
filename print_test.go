package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// findChromium returns the path of a Chromium or Chrome binary. Without
// one the test skips, except in CI (CI=true), where .ci/run installs it.
func findChromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{os.Getenv("CHROMIUM"), "chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if name == "" {
			continue
		}
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("no Chromium found (chromium, chromium-browser, google-chrome or $CHROMIUM), and CI=true: .ci/run must install it")
	}
	t.Skip("no Chromium found (chromium, chromium-browser, google-chrome or $CHROMIUM); skipping the print test")
	return ""
}

// printToPDF prints a page of the output with headless Chromium, as a
// reader would with the browser's print dialog (no browser header or
// footer: the stylesheet's @page rules number the pages).
func printToPDF(t *testing.T, chromium, page string) []byte {
	t.Helper()
	out := filepath.Join(t.TempDir(), "out.pdf")
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
		"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir="+t.TempDir(), "--no-pdf-header-footer", "--print-to-pdf="+out, "file://"+page)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, msg)
	}
	pdf, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return pdf
}

var (
	pageObject = regexp.MustCompile(`/Type\s*/Page[^s]`)
	mediaBox   = regexp.MustCompile(`/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]`)
)

// pdfPages counts the page objects of a PDF ("/Type /Page", not the
// "/Type /Pages" tree nodes) and checks each is A4 (595 × 842 points).
func pdfPages(t *testing.T, pdf []byte) int {
	t.Helper()
	for _, m := range mediaBox.FindAllSubmatch(pdf, -1) {
		w, _ := strconv.ParseFloat(string(m[1]), 64)
		h, _ := strconv.ParseFloat(string(m[2]), 64)
		if w < 594 || w > 596 || h < 841 || h > 843 {
			t.Errorf("page size %s × %s points, want A4 (595 × 842)", m[1], m[2])
		}
	}
	return len(pageObject.FindAll(pdf, -1))
}

// longestReport returns the report page with the most text.
func longestReport(t *testing.T, files map[string][]byte) string {
	t.Helper()
	best, most := "", 0
	for name := range files {
		if !regexp.MustCompile(`^clusters/[^/]+/\d{4}-\d\d-\d\d/index\.html$`).MatchString(name) {
			continue
		}
		if n := len(doc(t, files, name).Find("main").Text()); n > most || n == most && name < best {
			best, most = name, n
		}
	}
	return best
}

// TestReportAndClusterPagesPrintOnA4 prints the sample's Qoot report, its
// longest report and the Qoot cluster page to PDF with headless Chromium
// and checks they print as a short A4 document: the page counts stay
// within bounds (a broken print stylesheet that prints the navigation,
// breaks every table onto its own page or cuts the charts shows up here),
// and the print header with cluster name, label and report ID is in the
// page.
func TestReportAndClusterPagesPrintOnA4(t *testing.T) {
	chromium := findChromium(t)
	dest := buildSample(t, "--base-url", testBaseURL)
	files := readTree(t, dest)
	qoot := "clusters/qoot-cluster/2019-07-25/index.html"
	ref := doc(t, files, qoot).Find(".print-header").Text()
	for _, want := range []string{"Qoot Cluster", "Bronze label", "JOR001201907C190001"} {
		if !strings.Contains(ref, want) {
			t.Errorf("print header %q lacks %q", ref, want)
		}
	}
	for _, tc := range []struct {
		page     string
		min, max int
	}{
		{qoot, 2, 4},
		{longestReport(t, files), 2, 4},
		{"clusters/qoot-cluster/index.html", 1, 2},
	} {
		pdf := printToPDF(t, chromium, filepath.Join(dest, tc.page))
		n := pdfPages(t, pdf)
		t.Logf("%s: %d A4 pages", tc.page, n)
		if n < tc.min || n > tc.max {
			t.Errorf("%s prints on %d pages, want %d to %d", tc.page, n, tc.min, tc.max)
		}
	}
}

// TestPrintStylesheetHidesNavigation checks the print rules a reader
// relies on are in the stylesheet: A4 pages, no navigation, forms or
// disclosure widgets, whole tables and charts, the website's address
// printed.
func TestPrintStylesheetHidesNavigation(t *testing.T) {
	css, err := os.ReadFile("assets/style.css")
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.Index(css, []byte("@media print"))
	if i < 0 {
		t.Fatal("no @media print in assets/style.css")
	}
	print := string(css[i:])
	for _, want := range []string{"size: A4", ".site-header", "nav", "form", "details", "break-inside: avoid", `.prose a[href^="http"]::after`, "counter(page)", ".print-header { display: flex"} {
		if !strings.Contains(print, want) {
			t.Errorf("print stylesheet lacks %q", want)
		}
	}
}
