package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// buildSampleIn builds a copy of the sample site whose config.toml sets
// language to lang, and returns the output.
func buildSampleIn(t *testing.T, lang string, extra ...string) map[string][]byte {
	t.Helper()
	return readTree(t, buildSampleDirIn(t, lang, extra...))
}

// buildSampleDirIn is buildSampleIn returning the output folder.
func buildSampleDirIn(t *testing.T, lang string, extra ...string) string {
	t.Helper()
	siteDir := t.TempDir()
	if err := os.CopyFS(filepath.Join(siteDir, "content"), os.DirFS("content")); err != nil {
		t.Fatal(err)
	}
	cfg, err := os.ReadFile("config.toml")
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`(?m)^language = "en"`)
	if !re.Match(cfg) {
		t.Fatal(`config.toml has no line language = "en" to change`)
	}
	cfg = re.ReplaceAll(cfg, []byte(`language = "`+lang+`"`))
	os.WriteFile(filepath.Join(siteDir, "config.toml"), cfg, 0o644)
	var out, errs bytes.Buffer
	args := append([]string{"build", "--site", siteDir}, extra...)
	if code := run(context.Background(), args, &out, &errs); code != 0 {
		t.Fatalf("exit %d: %s", code, &errs)
	}
	return filepath.Join(siteDir, "public")
}

// TestGermanBuildShowsGermanNamesDatesAndInterface builds the sample with
// language = "de": country names from CLDR, dates with German month names,
// numbers with a decimal comma, and the interface from de.toml.
func TestGermanBuildShowsGermanNamesDatesAndInterface(t *testing.T) {
	files := buildSampleIn(t, "de", "--base-url", testBaseURL)
	jo := doc(t, files, "countries/jo/index.html")
	if got := jo.Find("h1").Text(); got != "Jordanien" {
		t.Errorf("country page h1 = %q, want Jordanien", got)
	}
	report := doc(t, files, "clusters/qoot-cluster/2019-07-25/index.html")
	if got := report.Find(".report-facts time").First().Text(); got != "25. Juli 2019" {
		t.Errorf("interview date = %q, want 25. Juli 2019", got)
	}
	if got := report.Find("html").AttrOr("lang", ""); got != "de" {
		t.Errorf("lang = %q", got)
	}
	for sel, want := range map[string]string{
		"#indicators-h": "Indikatoren",
		`nav[aria-label="Hauptnavigation"] a[href="../../../countries/"]`: "Länder",
		"#ind-sme_share .value":     "78,5 %",
		"#ind-strategy .value":      "ja",
		"#ind-participants td .cmp": "unterstes Viertel",
		".report-facts .status":     "Erloschen",
		".print-ref":                "Qoot Cluster · Bronze-Label · Bericht JOR001201907C190001" + testBaseURL + "clusters/qoot-cluster/2019-07-25/",
	} {
		if got := strings.TrimSpace(report.Find(sel).First().Text()); got != want {
			t.Errorf("%s = %q, want %q", sel, got, want)
		}
	}
	if got := report.Find(`meta[property="og:locale"]`).AttrOr("content", ""); got != "de_DE" {
		t.Errorf("og:locale = %q", got)
	}
	if got := report.Find("title").Text(); !strings.HasPrefix(got, "Qoot Cluster: Bericht vom 25. Juli 2019 · ") {
		t.Errorf("title = %q", got)
	}
	silver := doc(t, files, "labels/silver/index.html")
	if got := silver.Find("h1").Text(); !strings.Contains(got, "Silber-Label") {
		t.Errorf("label page h1 = %q", got)
	}
	if !bytes.Contains(files["clusters.csv"], []byte(",JO,Jordanien,")) {
		t.Error("clusters.csv lacks the German country name")
	}
	if !bytes.Contains(files["feed.xml"], []byte(`xml:lang="de"`)) || !bytes.Contains(files["feed.xml"], []byte("Bronze-Label nach dem Interview vom 25. Juli 2019")) {
		t.Error("feed.xml is not in German")
	}
	// Raw data stays language-neutral.
	if !bytes.Contains(files["assessments.csv"], []byte(",78.5,")) {
		t.Error("assessments.csv does not keep raw numbers with a decimal point")
	}
}

// TestFrenchBuildShowsFrenchDates checks the other shipped language,
// including "1er" for the first day of a month.
func TestFrenchBuildShowsFrenchDates(t *testing.T) {
	files := buildSampleIn(t, "fr")
	d := doc(t, files, "index.html")
	if got := d.Find(".status-counts time").Text(); got != "28 novembre 2026" {
		t.Errorf("date = %q, want 28 novembre 2026", got)
	}
	if got := doc(t, files, "countries/de/index.html").Find("h1").Text(); got != "Allemagne" {
		t.Errorf("country = %q, want Allemagne", got)
	}
	if got := d.Find("#figures-h").Text(); got != "Les labels en chiffres" {
		t.Errorf("figures heading = %q", got)
	}
}
