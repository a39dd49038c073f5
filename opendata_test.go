package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"clustersite/generator/build"
	"clustersite/generator/site"
)

const testBaseURL = "https://labels.example.org/"

// loadSample derives the sample site as the build does, for comparing
// output files with the model.
func loadSample(t *testing.T, opts build.Options) *site.Site {
	t.Helper()
	s, ps, err := build.Load(os.DirFS("."), opts)
	if err != nil || s == nil {
		t.Fatalf("load: %v %v", err, ps.Errors())
	}
	return s
}

// readCSV parses an RFC 4180 file strictly: every record as long as the
// header, no byte-order mark, CRLF line ends.
func readCSV(t *testing.T, name string, data []byte) (header []string, rows []map[string]string) {
	t.Helper()
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		t.Errorf("%s starts with a byte-order mark", name)
	}
	if !bytes.HasSuffix(data, []byte("\r\n")) || bytes.Count(data, []byte("\n")) != bytes.Count(data, []byte("\r\n")) {
		t.Errorf("%s: lines must end in CRLF (RFC 4180)", name)
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = 0 // every record as long as the first
	records, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	header = records[0]
	for _, rec := range records[1:] {
		row := map[string]string{}
		for i, h := range header {
			row[h] = rec[i]
		}
		rows = append(rows, row)
	}
	return header, rows
}

type clusterJSON struct {
	ID          string   `json:"id"`
	Name        string   `json:"name"`
	NativeName  string   `json:"native_name"`
	Country     string   `json:"country"`
	CountryName string   `json:"country_name"`
	Region      string   `json:"region"`
	Website     string   `json:"website"`
	Portfolio   string   `json:"portfolio"`
	Sectors     []string `json:"sectors"`
	Founded     int      `json:"founded"`
	Label       string   `json:"label"`
	ValidUntil  string   `json:"valid_until"`
	Status      string   `json:"status"`
	URL         string   `json:"url"`
	Assessments []struct {
		Date string `json:"date"`
	} `json:"assessments"`
}

// TestClustersCSVMatchesJSONAndModel parses clusters.csv and clusters.json
// and checks both against the derived site: one row per published cluster
// in directory order, the same fields, lists joined with " | " (so a
// portfolio with a comma stays one value).
func TestClustersCSVMatchesJSONAndModel(t *testing.T) {
	files := readTree(t, buildSample(t, "--base-url", testBaseURL))
	s := loadSample(t, build.Options{BaseURL: testBaseURL})
	header, rows := readCSV(t, "clusters.csv", files["clusters.csv"])
	if !slices.Equal(header, site.ClustersCSVHeader) {
		t.Errorf("header = %q", header)
	}
	var doc struct {
		Clusters []clusterJSON `json:"clusters"`
	}
	if err := json.Unmarshal(files["clusters.json"], &doc); err != nil {
		t.Fatal(err)
	}
	// The CSV has every JSON field of a cluster, under the same name.
	var js map[string]any
	json.Unmarshal(mustJSONObject(t, files["clusters.json"]), &js)
	for field := range js {
		if !slices.Contains(header, field) {
			t.Errorf("clusters.json field %q has no column in clusters.csv", field)
		}
	}
	if len(rows) != len(s.Clusters) || len(doc.Clusters) != len(s.Clusters) {
		t.Fatalf("%d csv rows, %d json clusters, %d published clusters", len(rows), len(doc.Clusters), len(s.Clusters))
	}
	commaPortfolio := false
	for i, c := range s.Clusters {
		row, j := rows[i], doc.Clusters[i]
		var dates []string
		for _, r := range c.Reports {
			dates = append(dates, r.Date.String())
		}
		founded := ""
		if c.Founded != 0 {
			founded = strconv.Itoa(c.Founded)
		}
		want := map[string]string{
			"id": c.ID, "name": c.Name, "native_name": c.NativeName, "country": c.Country, "country_name": c.CountryName,
			"region": c.Region, "website": c.Website, "portfolio": c.Portfolio, "sectors": strings.Join(c.Sectors, " | "),
			"founded": founded, "label": string(c.Label), "valid_until": c.ValidUntil.String(), "status": string(c.Status),
			"url": testBaseURL + c.URL, "assessments": strings.Join(dates, " | "),
		}
		for k, v := range want {
			if row[k] != v {
				t.Errorf("clusters.csv row %d (%s) %s = %q, want %q", i+1, c.ID, k, row[k], v)
			}
		}
		var jdates []string
		for _, a := range j.Assessments {
			jdates = append(jdates, a.Date)
		}
		fromJSON := map[string]string{
			"id": j.ID, "name": j.Name, "native_name": j.NativeName, "country": j.Country, "country_name": j.CountryName,
			"region": j.Region, "website": j.Website, "portfolio": j.Portfolio, "sectors": strings.Join(j.Sectors, " | "),
			"label": j.Label, "valid_until": j.ValidUntil, "status": j.Status, "url": j.URL, "assessments": strings.Join(jdates, " | "),
		}
		if j.Founded != 0 {
			fromJSON["founded"] = strconv.Itoa(j.Founded)
		} else {
			fromJSON["founded"] = ""
		}
		for k, v := range fromJSON {
			if row[k] != v {
				t.Errorf("%s: clusters.csv %s = %q, clusters.json says %q", c.ID, k, row[k], v)
			}
		}
		if strings.Contains(c.Portfolio, ",") {
			commaPortfolio = true
		}
	}
	if !commaPortfolio {
		t.Error("the sample has no portfolio with a comma: the test no longer shows it survives")
	}
}

// mustJSONObject returns the first cluster object of clusters.json.
func mustJSONObject(t *testing.T, data []byte) []byte {
	t.Helper()
	var doc struct {
		Clusters []json.RawMessage `json:"clusters"`
	}
	if err := json.Unmarshal(data, &doc); err != nil || len(doc.Clusters) == 0 {
		t.Fatalf("clusters.json: %v", err)
	}
	return doc.Clusters[0]
}

// TestAssessmentsCSVHasEveryPublishedAssessment checks the columns
// (fixed ones, then every indicator of the methodology in order) and
// every row against the model: raw values for full reports, only the
// public columns for profile ones.
func TestAssessmentsCSVHasEveryPublishedAssessment(t *testing.T) {
	files := readTree(t, buildSample(t, "--base-url", testBaseURL))
	s := loadSample(t, build.Options{BaseURL: testBaseURL})
	header, rows := readCSV(t, "assessments.csv", files["assessments.csv"])
	var indicators []string
	for _, col := range s.DataColumns {
		indicators = append(indicators, col.ID)
	}
	if len(indicators) != 36 || indicators[0] != "participants" || indicators[35] != "recognition" {
		t.Errorf("indicator columns = %q, want the 36 of the default methodology in order", indicators)
	}
	if want := append(slices.Clone(site.AssessmentsCSVFixed), indicators...); !slices.Equal(header, want) {
		t.Errorf("header = %q\nwant %q", header, want)
	}
	if len(rows) != s.Assessments {
		t.Fatalf("%d rows, want %d published assessments", len(rows), s.Assessments)
	}
	byKey := map[string]map[string]string{}
	for _, row := range rows {
		byKey[row["cluster_id"]+"/"+row["date"]] = row
	}
	profiles := 0
	for _, c := range s.Clusters {
		for _, r := range c.Reports {
			row := byKey[c.ID+"/"+r.Date.String()]
			if row == nil {
				t.Errorf("no row for %s %s", c.ID, r.Date)
				continue
			}
			if row["label"] != string(r.Label) || row["valid_until"] != r.ValidUntil.String() {
				t.Errorf("%s %s: label %q until %q", c.ID, r.Date, row["label"], row["valid_until"])
			}
			if !r.Full {
				profiles++
				for _, h := range header[5:] {
					if row[h] != "" {
						t.Errorf("profile assessment %s %s publishes %s = %q", c.ID, r.Date, h, row[h])
					}
				}
				if row["publish"] != "profile" {
					t.Errorf("%s %s: publish = %q", c.ID, r.Date, row["publish"])
				}
				continue
			}
			if row["publish"] != "full" || row["report_id"] != r.ReportID || row["url"] != testBaseURL+r.URL || row["methodology"] != r.MethodologyID {
				t.Errorf("%s %s: %v", c.ID, r.Date, row)
			}
			for _, a := range r.Areas() {
				for _, ind := range a.Rows {
					if row[ind.ID] != ind.Raw {
						t.Errorf("%s %s: %s = %q, want %q", c.ID, r.Date, ind.ID, row[ind.ID], ind.Raw)
					}
				}
			}
		}
	}
	if profiles == 0 {
		t.Error("the sample has no profile assessment: the test no longer shows their rows stay empty")
	}
	qoot := byKey["qoot-cluster/2019-07-25"]
	for col, want := range map[string]string{"participants": "54", "sme_share": "78.5", "budget": "180000", "strategy": "true", "staff_fte": "2.5"} {
		if qoot[col] != want {
			t.Errorf("qoot %s = %q, want raw %q", col, qoot[col], want)
		}
	}
}

// TestNoProfileOrDraftValueInAnyOutput searches every output file, the
// open data and the feed above all, for text and values that only a
// profile assessment (Skarvheia…, budget 487321) or a draft (Medvednica…,
// budget 231777) holds.
func TestNoProfileOrDraftValueInAnyOutput(t *testing.T) {
	secrets := []string{"Skarvheia", "Skarvheim-Lunde", "487321", "487,321", "487.321", "487 321",
		"Medvednica", "Kovačević-Holt", "231777", "231,777", "231.777", "231 777"}
	files := readTree(t, buildSample(t, "--base-url", testBaseURL))
	for _, name := range []string{"clusters.csv", "assessments.csv", "clusters.json", "feed.xml", "sitemap.xml"} {
		if len(files[name]) == 0 {
			t.Errorf("no %s to check", name)
		}
	}
	for name, data := range files {
		for _, s := range secrets {
			if bytes.Contains(data, []byte(s)) {
				t.Errorf("%s contains %q from a profile or draft assessment", name, s)
			}
		}
	}
	// The check can fail: with --drafts the draft is published.
	withDrafts := readTree(t, buildSample(t, "--base-url", testBaseURL, "--drafts"))
	if !bytes.Contains(withDrafts["assessments.csv"], []byte("231777")) {
		t.Error("--drafts build lacks the draft's budget: the leak check proves nothing")
	}
}

// TestDataPageDocumentsEveryColumn checks /data/: a download link for each
// file, the licence and data date, and a documented row for every column
// of the CSV files.
func TestDataPageDocumentsEveryColumn(t *testing.T) {
	files := readTree(t, buildSample(t, "--base-url", testBaseURL))
	d := doc(t, files, "data/index.html")
	for _, f := range []string{"clusters.csv", "assessments.csv", "clusters.json", "feed.xml"} {
		if d.Find(`a[href="../`+f+`"]`).Length() != 1 {
			t.Errorf("no download link to %s", f)
		}
	}
	if got := d.Find(".licence").Text(); got != "CC BY 4.0" {
		t.Errorf("licence = %q", got)
	}
	if d.Find(`time[datetime="2026-11-28"]`).Length() == 0 {
		t.Error("no data-as-of date")
	}
	documented := map[string]bool{}
	d.Find("table.fields th[scope=row] code").Each(func(_ int, s *goquery.Selection) { documented[s.Text()] = true })
	for _, name := range []string{"clusters.csv", "assessments.csv"} {
		header, _ := readCSV(t, name, files[name])
		for _, h := range header {
			if !documented[h] {
				t.Errorf("column %s of %s is not documented on the data page", h, name)
			}
		}
	}
	if !strings.Contains(d.Text(), "without byte-order mark") {
		t.Error("the data page does not say the CSV files have no byte-order mark")
	}
}
