package check

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"testing/fstest"

	"clustersite/generator/build"
	"clustersite/generator/model"
)

func TestGitHubFormatEscapesAsTheActionsToolkit(t *testing.T) {
	ps := model.Problems{
		{Path: "content/a,b:c%.toml", Line: 3, Col: 7, Field: "indicators.\"x,y:z\"", Severity: model.Error,
			Message: "100% wrong:\r\nsecond line, with comma"},
		{Path: "config.toml", Field: "", Severity: model.Warning, Message: "no line: no position"},
		{Path: "content/x.toml", Line: 2, Severity: model.Warning, Message: "line without column"},
	}
	var b bytes.Buffer
	if err := Write(&b, ps, GitHub, "site"); err != nil {
		t.Fatal(err)
	}
	want := "::error file=site/content/a%2Cb%3Ac%25.toml,line=3,col=7,title=indicators.\"x%2Cy%3Az\"::100%25 wrong:%0D%0Asecond line, with comma\n" +
		"::warning file=site/config.toml::no line: no position\n" +
		"::warning file=site/content/x.toml,line=2::line without column\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

func TestTextAndJSONFormats(t *testing.T) {
	ps := model.Problems{
		{Path: "content/x.toml", Line: 3, Col: 7, Field: "cluster.name", Severity: model.Error, Message: `must not be "<b>"`},
		{Path: "content/y.toml", Severity: model.Warning, Message: "no field"},
	}
	var text, js bytes.Buffer
	Write(&text, ps, Text, ".")
	Write(&js, ps, JSON, "")
	wantText := "content/x.toml:3:7: error: cluster.name: must not be \"<b>\"\ncontent/y.toml:0:0: warning: no field\n"
	if text.String() != wantText {
		t.Errorf("text:\n%s\nwant\n%s", &text, wantText)
	}
	lines := strings.Split(strings.TrimSuffix(js.String(), "\n"), "\n")
	if len(lines) != 2 {
		t.Fatalf("json: %d lines, want one per problem:\n%s", len(lines), &js)
	}
	if lines[0] != `{"path":"content/x.toml","line":3,"column":7,"severity":"error","field":"cluster.name","message":"must not be \"<b>\""}` {
		t.Errorf("json line = %s", lines[0])
	}
	var second map[string]any
	if err := json.Unmarshal([]byte(lines[1]), &second); err != nil || len(second) != 6 || second["field"] != "" {
		t.Errorf("json line 2 = %s (%v): every key must be there", lines[1], err)
	}
}

func TestParseWithin(t *testing.T) {
	for _, tc := range []struct {
		in   string
		days int
		ok   bool
	}{
		{"90d", 90, true},
		{"0d", 0, true},
		{"12w", 84, true},
		{"2160h", 90, true},
		{"36h", 1, true},
		{"1h30m", 0, true},
		{" 30d ", 30, true},
		{"3660d", 3660, true},
		{"3661d", 0, false},
		{"600w", 0, false},
		{"99999999999999999999d", 0, false},
		{"", 0, false},
		{"d", 0, false},
		{"-5d", 0, false},
		{"+5d", 0, false},
		{"5 d", 0, false},
		{"5", 0, false},
		{"5y", 0, false},
		{"-1h", 0, false},
		{"1.5d", 0, false},
	} {
		days, err := ParseWithin(tc.in)
		if (err == nil) != tc.ok || days != tc.days {
			t.Errorf("ParseWithin(%q) = %d, %v; want %d, ok %v", tc.in, days, err, tc.days, tc.ok)
		}
	}
}

// fixture is a site that builds, with one of each site-wide warning.
var fixture = fstest.MapFS{
	"config.toml": {Data: []byte("today = 2026-11-28\n\n[statistics]\nmin_group_size = 2\n")},
	// expiring in 48 days, by its certificate; plain http
	"content/clusters/soon/2025-01-15.toml": {Data: []byte(`[cluster]
name = "Soon Cluster"
country = "DE"
website = "http://soon.example.org"
portfolio = "ICT"

[assessment]
date = 2025-01-15
label = "bronze"
valid_until = 2027-01-15
publish = "profile"
`)},
	// expiring in 10 days by the rules (2024-12-08 + 2 years)
	"content/clusters/sooner/2024-12-08.toml": {Data: []byte(`[cluster]
name = "Sooner Cluster"
country = "FR"
website = "https://sooner.example.org"
portfolio = "ICT"

[assessment]
date = 2024-12-08
label = "silver"
publish = "profile"
`)},
	// valid for long; its old assessment had an http website, which is
	// history and not warned about; its portfolio has one cluster
	"content/clusters/later/2020-05-05.toml": {Data: []byte(`[cluster]
name = "Later Cluster"
country = "IT"
website = "http://later.example.org"

[assessment]
date = 2020-05-05
label = "bronze"
publish = "profile"
`)},
	"content/clusters/later/2026-05-05.toml": {Data: []byte(`[cluster]
name = "Later Cluster"
country = "IT"
website = "https://later.example.org"
portfolio = "Biotechnology"

[assessment]
date = 2026-05-05
label = "bronze"

[indicators]
participants = 40
`)},
}

func TestWarningsOfTheLoadedSite(t *testing.T) {
	l, problems, err := build.LoadModel(fixture, build.Options{})
	if err != nil || l == nil {
		t.Fatalf("load: %v %v", err, problems)
	}
	var got []string
	for _, p := range Warnings(fixture, l.Directory, l.Site) {
		got = append(got, p.String())
	}
	want := []string{
		`config.toml:4:1: statistics.min_group_size: all clusters: no statistics published for 1 indicator, reported by at most 1 cluster; the minimum is 2`,
		`config.toml:4:1: statistics.min_group_size: portfolio "Biotechnology": no statistics published for 1 indicator, reported by at most 1 cluster; the minimum is 2`,
		`content/clusters/soon/2025-01-15.toml:4:1: cluster.website: "http://soon.example.org" is not https: visitors' browsers warn about plain http; use the https address if the site has one`,
		`content/clusters/soon/2025-01-15.toml:10:1: assessment.valid_until: the bronze label of Soon Cluster ends on 2027-01-15, in 48 days (within the expiring window of 90 days): plan the renewal`,
		`content/clusters/sooner/2024-12-08.toml:8:1: assessment.date: the silver label of Sooner Cluster ends on 2026-12-08, in 10 days (within the expiring window of 90 days): plan the renewal`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestExpiringListsSoonestFirst(t *testing.T) {
	l, _, err := build.LoadModel(fixture, build.Options{})
	if err != nil || l == nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		days int
		want string
	}{
		{9, ""},
		{10, "sooner-cluster"},
		{90, "sooner-cluster soon-cluster"},
		{365 * 2, "sooner-cluster soon-cluster later-cluster"},
	} {
		var ids []string
		for _, d := range Expiring(l.Site, tc.days) {
			ids = append(ids, d.ID)
		}
		if got := strings.Join(ids, " "); got != tc.want {
			t.Errorf("within %d days: %q, want %q", tc.days, got, tc.want)
		}
	}
	var b bytes.Buffer
	WriteDue(&b, Expiring(l.Site, 90), Text)
	want := "ID              NAME            LABEL   VALID UNTIL  DAYS LEFT\n" +
		"sooner-cluster  Sooner Cluster  silver  2026-12-08   10\n" +
		"soon-cluster    Soon Cluster    bronze  2027-01-15   48\n"
	if b.String() != want {
		t.Errorf("table:\n%s\nwant\n%s", &b, want)
	}
	b.Reset()
	WriteDue(&b, Expiring(l.Site, 10), JSON)
	if want := `{"id":"sooner-cluster","name":"Sooner Cluster","label":"silver","valid_until":"2026-12-08","days_left":10}` + "\n"; b.String() != want {
		t.Errorf("json: %s", &b)
	}
	if err := WriteDue(&b, nil, GitHub); err == nil {
		t.Error("github format of a to-do list accepted")
	}
}
