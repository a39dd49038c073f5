package site

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"slices"
	"strings"
	"testing"

	"clustersite/generator/model"
)

// twoClusters is a site with a gap year, a profile assessment and a
// portfolio with a comma.
func twoClusters(t *testing.T) *Site {
	return load(t, map[string]string{
		"content/a1.toml": `[cluster]
id = "alpha"
name = "Alpha, Inc."
country = "DE"
portfolio = "Maritime technologies, water resources"
sectors = ["Ports, logistics", "Water"]
[assessment]
date = 2019-03-01
label = "bronze"
publish = "profile"
[indicators]
participants = 487321
`,
		"content/a2.toml": `[cluster]
id = "alpha"
name = "Alpha, Inc."
country = "DE"
portfolio = "Maritime technologies, water resources"
sectors = ["Ports, logistics", "Water"]
[assessment]
date = 2022-03-01
label = "silver"
[indicators]
participants = 120
sme_share = 78.5
strategy = true
service_portfolio = ["matchmaking", "training and qualification"]
`,
		"content/b.toml": `[cluster]
id = "beta"
name = "Beta"
country = "FR"
[assessment]
date = 2022-06-01
label = "gold"
score = 93
`,
	})
}

func TestLabelsByCountryAndYear(t *testing.T) {
	s := twoClusters(t)
	var got []string
	for _, lc := range s.LabelsByCountry {
		got = append(got, fmt.Sprintf("%s %v", lc.Key, lc.Counts))
	}
	if want := []string{"FR [0 0 1]", "DE [0 1 0]"}; !slices.Equal(got, want) {
		t.Errorf("by country = %q, want %q (equal totals in name order)", got, want)
	}
	got = nil
	for _, lc := range s.LabelsByYear {
		got = append(got, fmt.Sprintf("%s %v", lc.Key, lc.Counts))
	}
	if want := []string{"2019 [1 0 0]", "2020 [0 0 0]", "2021 [0 0 0]", "2022 [0 1 1]"}; !slices.Equal(got, want) {
		t.Errorf("by year = %q, want %q", got, want)
	}
}

func TestNewestAssessmentsComeFirst(t *testing.T) {
	s := twoClusters(t)
	var got []string
	for _, r := range s.Newest(2) {
		got = append(got, r.Cluster.ID+" "+r.Date.String())
	}
	if want := []string{"beta 2022-06-01", "alpha 2022-03-01"}; !slices.Equal(got, want) {
		t.Errorf("Newest(2) = %q, want %q", got, want)
	}
	if n := len(s.Newest(50)); n != 3 {
		t.Errorf("Newest(50) = %d reports, want all 3", n)
	}
}

func TestOpenDataCSVKeepsListsAndHidesProfileValues(t *testing.T) {
	s := twoClusters(t)
	clusters, err := csv.NewReader(bytes.NewReader(s.clustersCSV())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	alpha := clusters[1]
	if alpha[0] != "alpha" || alpha[1] != "Alpha, Inc." || alpha[7] != "Maritime technologies, water resources" ||
		alpha[8] != "Ports, logistics | Water" || alpha[14] != "2019-03-01 | 2022-03-01" {
		t.Errorf("alpha row = %q", alpha)
	}
	rows, err := csv.NewReader(bytes.NewReader(s.assessmentsCSV())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := func(name string) int { return slices.Index(rows[0], name) }
	profile, full, gold := rows[1], rows[2], rows[3]
	if profile[col("publish")] != "profile" || profile[col("participants")] != "" || strings.Contains(strings.Join(profile, ","), "487321") {
		t.Errorf("profile row = %q", profile)
	}
	for name, want := range map[string]string{"participants": "120", "sme_share": "78.5", "strategy": "true",
		"service_portfolio": "matchmaking | training and qualification", "label": string(model.Silver)} {
		if got := full[col(name)]; got != want {
			t.Errorf("full row %s = %q, want %q", name, got, want)
		}
	}
	if gold[col("score")] != "93" || gold[col("url")] != "clusters/beta/2022-06-01/" {
		t.Errorf("gold row = %q", gold)
	}
}
