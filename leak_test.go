package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"html"
	"html/template"
	"io"
	"maps"
	"net"
	"net/http"
	"net/url"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"clustersite/generator/serve"
	"clustersite/generator/slug"
)

// The leak site: full clusters, a cluster published as profile only, a
// cluster whose older assessment is profile only, a cluster with only a
// draft, and a full cluster with a newer draft. Every field of the profile
// assessments and of the drafts holds a unique marker ("zqx" and a code),
// every numeric indicator an unusual number; none may reach any output.

// leakMarkers are the texts of profile assessments and drafts.
var leakMarkers = []string{
	// Cluster profile-only: its [assessment] and [indicators].
	"zqxp01", "zqxp02", "zqxp03", "Skärvø<&>'\"zqxp03b", "zqxp04", "zqxp05",
	// Cluster renewed-after-profile: its older, profile-only assessment.
	"zqxq01", "zqxq02", "zqxq03", "zqxq04", "zqxq05",
	// Cluster draft-only: everything.
	"zqxd00", "zqxd01", "zqxd02", "zqxd03", "zqxd04", "zqxd05", "zqxd06", "zqxd07", "zqxd08", "zqxd09", "zqxd10", "zqxd11",
	// Cluster full-1's newer draft: its profile and assessment.
	"zqxe01", "zqxe02", "zqxe03", "zqxe04", "zqxe05", "zqxe06", "zqxe07", "zqxe08", "zqxe09", "zqxe10",
	// The draft's date.
	"2026-10-13", "13 October 2026",
}

// leakNumbers are the indicator values of profile assessments and drafts;
// each is searched in every way a page or data file could write it.
var leakNumbers = []string{"987653", "987654.321", "98765.4321", "1811", "876543", "876542.987",
	"583961", "583962.417", "58396.4173", "1803", "694827", "694826.531", "77.77"}

// leakMinGroup is the smallest published group; the Biotechnology
// portfolio has two clusters, whose portfolio median 16,666.98 (of 11111.37
// and 22222.59) must never be published.
const leakMinGroup = 5

var smallGroupStatistics = []string{"16666.98", "16,666.98", "16.666,98", "13889.18", "13,889.18", "19444.79", "19,444.79"}

func leakFile(cluster, assessment, indicators string) string {
	return "[cluster]\n" + cluster + "\n\n[assessment]\n" + assessment + "\n\n[indicators]\n" + indicators + "\n"
}

// fullIndicators are ordinary values of a published assessment.
func fullIndicators(i int) string {
	return fmt.Sprintf("participants = %d\nbudget = %d.5\nstaff_fte = %d.25\ncluster_founded = %d\nsme_share = %d\n"+
		"recognition = \"Public recognition %d\"\nlegal_form = \"association\"\n", 40+i, 100000+1000*i, 2+i, 2000+i, 60+i, i)
}

// secretIndicators are a profile or draft assessment's values: the marker
// numbers, the text marker, and public choices.
func secretIndicators(count, money, number, year, text string) string {
	return fmt.Sprintf("participants = %s\nbudget = %s\nstaff_fte = %s\ncluster_founded = %s\nsme_share = 50\nrecognition = %q\nlegal_form = \"association\"\n",
		count, money, number, year, text)
}

// leakSite returns the files of the leak site.
func leakSite() map[string]string {
	files := map[string]string{"config.toml": fmt.Sprintf("today = 2026-11-28\n[statistics]\nmin_group_size = %d\n", leakMinGroup)}
	full := func(id string, i int, portfolio, date string) {
		files["content/clusters/"+id+"/"+date+".toml"] = leakFile(
			fmt.Sprintf("id = %q\nname = \"Full %s\"\ncountry = \"DE\"\nregion = \"Bavaria\"\nportfolio = %q\nsectors = [\"Software\"]\ndescription = \"Public description.\"", id, id, portfolio),
			fmt.Sprintf("date = %s\nlabel = \"bronze\"\nreport_id = \"PUB-%s\"\nexpert = \"Public Expert\"\nsummary = \"Public summary.\"", date, id),
			fullIndicators(i))
	}
	for i := 1; i <= 6; i++ {
		full(fmt.Sprintf("full-%d", i), i, "ICT", fmt.Sprintf("2025-0%d-10", i))
	}
	files["content/clusters/biotech-1/2025-03-03.toml"] = leakFile("id = \"biotech-1\"\nname = \"Biotech One\"\ncountry = \"FR\"\nportfolio = \"Biotechnology\"",
		"date = 2025-03-03\nlabel = \"silver\"", "budget = 11111.37\nparticipants = 20")
	files["content/clusters/biotech-2/2025-03-04.toml"] = leakFile("id = \"biotech-2\"\nname = \"Biotech Two\"\ncountry = \"FR\"\nportfolio = \"Biotechnology\"",
		"date = 2025-03-04\nlabel = \"silver\"", "budget = 22222.59\nparticipants = 30")

	files["content/clusters/profile-only/2025-05-05.toml"] = leakFile(
		"id = \"profile-only\"\nname = \"Profile Only Cluster\"\ncountry = \"DE\"\nportfolio = \"ICT\"",
		"date = 2025-05-05\nlabel = \"bronze\"\npublish = \"profile\"\nreport_id = \"RID-zqxp01\"\nexpert = \"Expert zqxp02\"\n"+
			"summary = \"Summary zqxp03 and Skärvø<&>'\\\"zqxp03b\"\nrecommendations = \"Recommendations zqxp04\"",
		secretIndicators("987653", "987654.321", "98765.4321", "1811", "Recognition zqxp05"))

	files["content/clusters/renewed/2023-03-03.toml"] = leakFile(
		"id = \"renewed\"\nname = \"Renewed Cluster\"\ncountry = \"DE\"\nportfolio = \"ICT\"",
		"date = 2023-03-03\nlabel = \"bronze\"\npublish = \"profile\"\nreport_id = \"RID-zqxq01\"\nexpert = \"Expert zqxq02\"\n"+
			"summary = \"Summary zqxq03\"\nrecommendations = \"Recommendations zqxq04\"",
		secretIndicators("876543", "876542.987", "12345.6789", "1803", "Recognition zqxq05"))
	files["content/clusters/renewed/2025-04-04.toml"] = leakFile(
		"id = \"renewed\"\nname = \"Renewed Cluster\"\ncountry = \"DE\"\nportfolio = \"ICT\"",
		"date = 2025-04-04\nlabel = \"silver\"\nreport_id = \"PUB-renewed\"", fullIndicators(7))

	files["content/clusters/draft/2026-10-13.toml"] = leakFile(
		"id = \"zqxd00-draft\"\nname = \"Draft zqxd01 Cluster\"\nnative_name = \"Entwurf zqxd02\"\ncountry = \"AT\"\nregion = \"Region zqxd03\"\n"+
			"website = \"https://zqxd04.example/\"\nportfolio = \"ICT\"\nsectors = [\"Sector zqxd05\"]\nfounded = 1802\ndescription = \"Description zqxd06\"",
		"date = 2026-10-13\nlabel = \"gold\"\nscore = 77.77\ndraft = true\nreport_id = \"RID-zqxd07\"\nexpert = \"Expert zqxd08\"\n"+
			"summary = \"Summary zqxd09\"\nrecommendations = \"Recommendations zqxd10\"",
		secretIndicators("583961", "583962.417", "58396.4173", "1803", "Recognition zqxd11"))

	files["content/clusters/full-1/2026-10-13.toml"] = leakFile(
		"id = \"full-1\"\nname = \"Full full-1 zqxe01\"\ncountry = \"DE\"\nregion = \"Region zqxe02\"\nportfolio = \"ICT\"\n"+
			"website = \"https://zqxe04.example/\"\nsectors = [\"Sector zqxe05\"]\ndescription = \"Description zqxe03\"",
		"date = 2026-10-13\nlabel = \"silver\"\ndraft = true\nreport_id = \"RID-zqxe06\"\nexpert = \"Expert zqxe07\"\n"+
			"summary = \"Summary zqxe08\"\nrecommendations = \"Recommendations zqxe09\"",
		secretIndicators("694827", "694826.531", "58396.4173", "1803", "Recognition zqxe10"))
	return files
}

// leakForms returns the ways an output file could hold s: as is, escaped
// for HTML, XML, JSON (with and without HTML-safe escapes, and with every
// non-ASCII character as \u), URL-encoded, as a slug and lower-cased.
func leakForms(s string) []string {
	forms := []string{s, html.EscapeString(s), template.HTMLEscapeString(s), template.JSEscapeString(s),
		url.PathEscape(s), url.QueryEscape(s), strings.ToLower(s)}
	var x bytes.Buffer
	xml.EscapeText(&x, []byte(s))
	forms = append(forms, x.String())
	for _, escapeHTML := range []bool{true, false} {
		var j bytes.Buffer
		enc := json.NewEncoder(&j)
		enc.SetEscapeHTML(escapeHTML)
		enc.Encode(s)
		forms = append(forms, strings.TrimSuffix(strings.TrimSuffix(j.String(), "\n"), `"`)[1:])
	}
	var ascii strings.Builder
	for _, r := range s {
		if r < 0x80 {
			ascii.WriteRune(r)
		} else {
			fmt.Fprintf(&ascii, `\u%04x`, r)
		}
	}
	forms = append(forms, ascii.String(), strings.ToUpper(ascii.String()))
	if sl := slug.Make(s); len(sl) >= 6 {
		forms = append(forms, sl)
	}
	return slices.Compact(slices.Sorted(slices.Values(forms)))
}

// numberForms returns the ways a page or data file could write the number
// n: its integer part with and without digit grouping, and its shortest
// decimal form.
func numberForms(n string) []string {
	whole, frac, _ := strings.Cut(n, ".")
	forms := []string{n, whole}
	if frac != "" {
		forms = append(forms, strings.ReplaceAll(n, ".", ","))
	}
	if len(whole) > 3 {
		for _, sep := range []string{",", ".", " ", "\u00a0", "\u202f", "'"} {
			forms = append(forms, whole[:len(whole)-3]+sep+whole[len(whole)-3:])
		}
	}
	return forms
}

// leakSearch returns every output file (path → bytes) that holds a marker,
// a marker number or a small group's statistic, in any of their forms,
// searching gzip files after decompressing them as well.
func leakSearch(files map[string][]byte) []string {
	var needles []string
	for _, m := range leakMarkers {
		needles = append(needles, leakForms(m)...)
	}
	for _, n := range leakNumbers {
		needles = append(needles, numberForms(n)...)
	}
	needles = append(needles, smallGroupStatistics...)
	var found []string
	for _, name := range slices.Sorted(maps.Keys(files)) {
		data := files[name]
		if bytes.HasPrefix(data, []byte{0x1f, 0x8b}) {
			if r, err := gzip.NewReader(bytes.NewReader(data)); err == nil {
				if plain, err := io.ReadAll(r); err == nil {
					data = append(data, plain...)
				}
			}
		}
		for _, n := range needles {
			if bytes.Contains(data, []byte(n)) {
				found = append(found, fmt.Sprintf("%s holds %q", name, n))
			}
		}
	}
	return found
}

// TestNothingOfProfileOrDraftAssessmentsInAnyFile builds the leak site and
// searches every byte of every output file for the markers of profile
// assessments and drafts in all their encodings. With --drafts the draft
// markers do appear, which shows that the search finds what it looks for.
func TestNothingOfProfileOrDraftAssessmentsInAnyFile(t *testing.T) {
	siteDir := t.TempDir()
	writeSiteFiles(t, siteDir, leakSite())
	dest := filepath.Join(t.TempDir(), "public")
	if code, stderr := buildSite(t, siteDir, dest, "--base-url", testBaseURL); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	files := readTree(t, dest)
	for _, name := range []string{"clusters.json", "clusters.csv", "assessments.csv", "feed.xml", "sitemap.xml", "clusters/profile-only/index.html"} {
		if len(files[name]) == 0 {
			t.Fatalf("no %s to search", name)
		}
	}
	for _, f := range leakSearch(files) {
		t.Error(f)
	}
	t.Logf("searched %d files for %d markers and %d numbers", len(files), len(leakMarkers), len(leakNumbers))

	drafts := filepath.Join(t.TempDir(), "public")
	if code, stderr := buildSite(t, siteDir, drafts, "--base-url", testBaseURL, "--drafts"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	found := strings.Join(leakSearch(readTree(t, drafts)), "\n")
	for _, m := range []string{"zqxd01", "zqxd09", "zqxe01", "583962.417", "2026-10-13"} {
		if !strings.Contains(found, m) {
			t.Errorf("with --drafts, %s is nowhere: the search would not see a leak", m)
		}
	}
}

var groupSize = regexp.MustCompile(`n = (\d+)`)

// TestNoStatisticOfASmallGroup checks every comparison and every row of the
// distribution figures of the leak site: none is of a group smaller than
// min_group_size, and the Biotechnology portfolio (two clusters) has none.
func TestNoStatisticOfASmallGroup(t *testing.T) {
	siteDir := t.TempDir()
	writeSiteFiles(t, siteDir, leakSite())
	dest := filepath.Join(t.TempDir(), "public")
	if code, stderr := buildSite(t, siteDir, dest); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	files := readTree(t, dest)
	shown := 0
	for name, data := range files {
		if path.Ext(name) != ".html" {
			continue
		}
		for _, m := range groupSize.FindAllSubmatch(data, -1) {
			shown++
			if n, _ := strconv.Atoi(string(m[1])); n < leakMinGroup {
				t.Errorf("%s shows a statistic of %s clusters", name, m[0])
			}
		}
		d, _ := goquery.NewDocumentFromReader(bytes.NewReader(data))
		d.Find(".figures-table tbody tr").Each(func(_ int, row *goquery.Selection) {
			if n, _ := strconv.Atoi(row.Find("td").Eq(1).Text()); n < leakMinGroup {
				t.Errorf("%s: figures of a group of %d: %s", name, n, row.Text())
			}
		})
	}
	if shown == 0 {
		t.Error("no statistic shown at all: the check proves nothing")
	}
	report := files["clusters/biotech-1/2025-03-03/index.html"]
	if d, _ := goquery.NewDocumentFromReader(bytes.NewReader(report)); d.Find(`td:contains("Biotechnology")`).Length() > 0 {
		t.Error("the report of a Biotechnology cluster compares it with its two-cluster portfolio")
	}
}

// TestNothingOfProfileOrDraftAssessmentsThroughServe runs the preview
// server on the leak site and requests every page and file a build writes
// and every link the served pages hold, searching each response as above.
func TestNothingOfProfileOrDraftAssessmentsThroughServe(t *testing.T) {
	siteDir := t.TempDir()
	writeSiteFiles(t, siteDir, leakSite())
	built := filepath.Join(t.TempDir(), "public")
	if code, stderr := buildSite(t, siteDir, built); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- serve.New(serve.Options{Site: siteDir, Theme: themeFS}).Serve(ctx, ln) }()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Error(err)
		}
	}()
	base := "http://" + ln.Addr().String() + "/"

	queue := []string{}
	for name := range readTree(t, built) {
		queue = append(queue, strings.TrimSuffix(name, "index.html"))
	}
	seen := map[string]bool{}
	responses := map[string][]byte{}
	client := &http.Client{Timeout: 30 * time.Second}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		if seen[p] {
			continue
		}
		seen[p] = true
		resp, err := client.Get(base + p)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK && p != "404.html" {
			t.Errorf("GET /%s: %s", p, resp.Status)
		}
		responses[p] = body
		for _, link := range sameSiteLinks(base, base+p, body) {
			queue = append(queue, link)
		}
	}
	for _, f := range leakSearch(responses) {
		t.Error("served " + f)
	}
	if !seen["feed.xml"] || len(responses) < len(readTree(t, built)) {
		t.Errorf("crawled %d responses, feed.xml %t", len(responses), seen["feed.xml"])
	}
	t.Logf("searched %d responses of the preview", len(responses))
}

var linkAttr = regexp.MustCompile(`(?:href|src|data-index|data-sectors)="([^"]*)"`)

// sameSiteLinks returns the site-relative paths that page (at pageURL)
// links to on the server at base.
func sameSiteLinks(base, pageURL string, page []byte) []string {
	from, _ := url.Parse(pageURL)
	var out []string
	for _, m := range linkAttr.FindAllSubmatch(page, -1) {
		u, err := from.Parse(html.UnescapeString(string(m[1])))
		if err != nil {
			continue
		}
		u.RawQuery, u.Fragment = "", ""
		if rel, ok := strings.CutPrefix(u.String(), base); ok && !strings.HasPrefix(rel, "_clustersite/") {
			out = append(out, rel)
		}
	}
	return out
}
