package content

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"clustersite/generator/config"
	"clustersite/generator/methodology"
	"clustersite/generator/model"
)

// fullFile is a valid assessment that uses every key of the format.
const fullFile = `# Qoot, first benchmarking
[cluster]
id = "qoot-cluster"
name = "Qoot Cluster"
native_name = "عنقود قوت"
country = "JO"
region = "Amman"
website = "https://qoot.org"
portfolio = "Food industry"
sectors = ["Agri-food", "Food processing"]
founded = 2016
description = """
Qoot brings together **food** companies.
"""

[assessment]
date = 2019-07-25
label = "gold"
valid_until = 2021-07-25
score = 93
report_id = "JOR001201907C190001"
expert = "Jane Expert"
methodology = "ecei-bronze"
publish = "full"
draft = false
summary = "Strong governance."
recommendations = '''
- Grow the membership.
'''

[indicators]
participants = 54
companies = 40
sme_share = 78.5
research_orgs = 6
other_participants = 8
participant_growth = -2.5
regional_share = 90
international_participants = 3
cluster_founded = 2016
management_founded = 2016
legal_form = "association"
staff = 4
staff_fte = 3.5
staff_experience = 50
governance_body = true
strategy = true
action_plan = false
satisfaction_survey = true
budget = 350000
public_share = 40
fees_share = 35
services_share = 25
funding_horizon = 3
service_portfolio = ["matchmaking", "training and qualification"]
events_per_year = 12
service_users_share = 60
collaborative_projects = 5
internationalisation_activities = 4
contact_frequency = "monthly"
personal_contact_share = 80
channels = ["website", "newsletter"]
joint_projects = 7
cluster_cooperations = 2
press_articles = 15
success_stories = 3
recognition = "Best regional cluster 2018"
`

func TestFullAssessmentRoundTrips(t *testing.T) {
	dir := expectProblems(t, one(fullFile))
	if len(dir.Clusters) != 1 || len(dir.Clusters[0].Assessments) != 1 {
		t.Fatalf("clusters = %+v, want one with one assessment", dir.Clusters)
	}
	c := dir.Clusters[0]
	a := c.Assessments[0]
	if a.Cluster != c {
		t.Error("assessment does not point back to its cluster")
	}
	if a.Methodology != dir.Methodologies[methodology.DefaultID] || a.Methodology == nil {
		t.Errorf("methodology = %v, want the built-in one", a.Methodology)
	}
	gotC := *c
	gotC.Assessments = nil
	wantC := model.Cluster{
		ID: "qoot-cluster", Name: "Qoot Cluster", NativeName: "عنقود قوت", Country: "JO", Region: "Amman",
		Website: "https://qoot.org", Portfolio: "Food industry", Sectors: []string{"Agri-food", "Food processing"},
		Founded: 2016, Description: "Qoot brings together **food** companies.\n",
	}
	if !reflect.DeepEqual(gotC, wantC) {
		t.Errorf("cluster =\n%+v\nwant\n%+v", gotC, wantC)
	}
	gotA := *a
	gotA.Cluster, gotA.Methodology, gotA.Values = nil, nil, model.Values{}
	wantA := model.Assessment{
		Path: qoot, Date: model.NewDate(2019, 7, 25), Label: model.Gold, ValidUntil: model.NewDate(2021, 7, 25),
		Score: 93, ReportID: "JOR001201907C190001", Expert: "Jane Expert", Publish: model.PublishFull,
		Summary: "Strong governance.", Recommendations: "- Grow the membership.\n",
	}
	if !reflect.DeepEqual(gotA, wantA) {
		t.Errorf("assessment =\n%+v\nwant\n%+v", gotA, wantA)
	}
	if a.Values.Len() != 36 {
		t.Errorf("values = %d, want 36", a.Values.Len())
	}
	for id, want := range map[string]model.Value{
		"participants":       {Num: 54},
		"sme_share":          {Num: 78.5},
		"participant_growth": {Num: -2.5},
		"governance_body":    {Bool: true},
		"action_plan":        {},
		"legal_form":         {Text: "association"},
		"service_portfolio":  {List: []string{"matchmaking", "training and qualification"}},
		"recognition":        {Text: "Best regional cluster 2018"},
	} {
		if got, _ := a.Values.Get(id); !reflect.DeepEqual(got, want) {
			t.Errorf("%s = %+v, want %+v", id, got, want)
		}
	}
}

func TestPublishProfileIsKept(t *testing.T) {
	src := strings.Replace(fullFile, `publish = "full"`, `publish = "profile"`, 1)
	dir := expectProblems(t, one(src))
	a := dir.Clusters[0].Assessments[0]
	if v, _ := a.Values.Get("participants"); a.Publish != model.PublishProfile || a.Full() || v.Num != 54 {
		t.Errorf("assessment = publish %q, participants %v; want profile with its values", a.Publish, v)
	}
}

func TestDrafts(t *testing.T) {
	files := map[string]string{
		"content/qoot/2019.toml":  minimal,
		"content/qoot/2021.toml":  strings.NewReplacer("2019-07-25", "2021-07-25", "Qoot Cluster", "QOOT Cluster", `publish = "profile"`, "draft = true\npublish = \"profile\"").Replace(minimal),
		"content/other/2020.toml": strings.NewReplacer("Qoot", "Other", `publish = "profile"`, "draft = true\npublish = \"profile\"").Replace(minimal),
	}
	dir, ps := loadFiles(t, files, Options{})
	if len(ps) != 0 {
		t.Fatalf("problems: %v", ps)
	}
	if ids := clusterIDs(dir); fmt.Sprint(ids) != "[qoot-cluster]" {
		t.Errorf("without drafts: clusters = %v, want [qoot-cluster]", ids)
	}
	if c := dir.Clusters[0]; len(c.Assessments) != 1 || c.Name != "Qoot Cluster" {
		t.Errorf("without drafts: %d assessments, name %q; want 1, the published profile", len(c.Assessments), c.Name)
	}
	dir, _ = loadFiles(t, files, Options{Drafts: true})
	if ids := clusterIDs(dir); fmt.Sprint(ids) != "[other-cluster qoot-cluster]" {
		t.Errorf("with drafts: clusters = %v, want [other-cluster qoot-cluster]", ids)
	}
	if c := dir.Clusters[1]; len(c.Assessments) != 2 || c.Name != "QOOT Cluster" || !c.Latest().Draft {
		t.Errorf("with drafts: %d assessments, name %q; want 2 and the draft's profile", len(c.Assessments), c.Name)
	}
}

func TestDraftsAreValidated(t *testing.T) {
	src := edit(t, `label = "bronze"`, "label = \"bronze\"\ndraft = true\nscore = 5")
	expectProblems(t, one(src), qoot+`:9:1: assessment.score: only gold assessments have a score`)
}

func TestClusterProfileComesFromTheNewestAssessment(t *testing.T) {
	newer := strings.NewReplacer("2019-07-25", "2021-09-30", "Qoot Cluster", "QOOT  cluster", `country = "JO"`, "country = \"JO\"\nregion = \"Irbid\"").Replace(minimal)
	accented := strings.NewReplacer("2019-07-25", "2020-01-10", "Qoot Cluster", "Qoöt Clüster").Replace(minimal)
	dir := expectProblems(t, map[string]string{
		"content/a/2021.toml": newer, // path order differs from date order
		"content/b/2019.toml": minimal,
		"content/c/2020.toml": accented,
	})
	if len(dir.Clusters) != 1 {
		t.Fatalf("clusters = %v, want one", clusterIDs(dir))
	}
	c := dir.Clusters[0]
	var dates []string
	for _, a := range c.Assessments {
		dates = append(dates, a.Date.String()+" "+a.Path)
	}
	want := "[2019-07-25 content/b/2019.toml 2020-01-10 content/c/2020.toml 2021-09-30 content/a/2021.toml]"
	if fmt.Sprint(dates) != want {
		t.Errorf("assessments = %v, want %s", dates, want)
	}
	if c.ID != "qoot-cluster" || c.Name != "QOOT  cluster" || c.Region != "Irbid" {
		t.Errorf("profile = %q %q %q, want the 2021 one", c.ID, c.Name, c.Region)
	}
}

func TestExplicitIDJoinsDifferentNames(t *testing.T) {
	renamed := strings.NewReplacer("2019-07-25", "2022-03-01", `name = "Qoot Cluster"`, "id = \"qoot-cluster\"\nname = \"Qoot Food Innovation Cluster\"").Replace(minimal)
	dir := expectProblems(t, map[string]string{"content/a.toml": minimal, "content/b.toml": renamed})
	if len(dir.Clusters) != 1 || len(dir.Clusters[0].Assessments) != 2 || dir.Clusters[0].Name != "Qoot Food Innovation Cluster" {
		t.Errorf("clusters = %v, want qoot-cluster with both assessments", clusterIDs(dir))
	}
}

func TestClusterIDUsedByADifferentCluster(t *testing.T) {
	german := strings.NewReplacer(`country = "JO"`, `country = "DE"`, "2019-07-25", "2020-05-05").Replace(minimal)
	explicit := strings.NewReplacer(`name = "Qoot Cluster"`, "name = \"Qoot Sweden\"\nid = \"qoot-cluster\"", `country = "JO"`, `country = "SE"`).Replace(minimal)
	dir := expectProblems(t, map[string]string{"content/a.toml": minimal, "content/b.toml": german, "content/c.toml": explicit},
		`content/b.toml:2:1: cluster.name: cluster id qoot-cluster is also used by content/a.toml for a different cluster`,
		`content/c.toml:3:1: cluster.id: cluster id qoot-cluster is also used by content/a.toml for a different cluster`,
	)
	if len(dir.Clusters) != 1 || len(dir.Clusters[0].Assessments) != 1 || dir.Clusters[0].Country != "JO" {
		t.Errorf("clusters = %+v, want only the Jordanian one", dir.Clusters)
	}
}

func TestDuplicateDates(t *testing.T) {
	again := strings.Replace(minimal, "Qoot Cluster", "Qoot cluster", 1)
	expectProblems(t, map[string]string{"content/a.toml": minimal, "content/b.toml": again, "content/c.toml": again},
		`content/b.toml:6:1: assessment.date: cluster qoot-cluster already has an assessment on 2019-07-25 in content/a.toml`,
		`content/c.toml:6:1: assessment.date: cluster qoot-cluster already has an assessment on 2019-07-25 in content/a.toml`,
	)
	// Different clusters on one date are fine.
	other := strings.Replace(minimal, "Qoot", "Other", 1)
	expectProblems(t, map[string]string{"content/a.toml": minimal, "content/b.toml": other})
}

const siteBronze = `id = "ecei-bronze"
title = "Site Bronze"
[[areas]]
id = "members"
title = "Members"
[[areas.indicators]]
id = "members"
title = "Members"
kind = "count"
`

func TestSiteMethodologyOverridesTheBuiltIn(t *testing.T) {
	src := strings.Replace(minimal, "publish = \"profile\"\n", "", 1) + "[indicators]\nmembers = 12\nparticipants = 54\n"
	dir := expectProblems(t, map[string]string{qoot: src, "content/methodologies/bronze.toml": siteBronze},
		qoot+`:10:1: indicators.participants: unknown indicator for methodology ecei-bronze`)
	m := dir.Methodologies[methodology.DefaultID]
	if m.Title != "Site Bronze" || len(m.Indicators()) != 1 {
		t.Errorf("methodology = %q with %d indicators, want the site's", m.Title, len(m.Indicators()))
	}
	a := dir.Clusters[0].Assessments[0]
	if members, _ := a.Values.Get("members"); a.Methodology != m || members.Num != 12 {
		t.Errorf("assessment uses %v, members = %v", a.Methodology.Title, members)
	}
}

func TestSiteMethodologies(t *testing.T) {
	dir := expectProblems(t, map[string]string{
		"content/methodologies/kinds.toml":      kindsMethodology,
		"content/methodologies/again.toml":      kindsMethodology,
		"content/methodologies/bad.toml":        "id = \"Bad\"\ncolour = 1\n[[areas]]\nid = \"a\"\ntitle = \"A\"\n",
		"content/methodologies/broken.toml":     "id = \n",
		"content/methodologies/README.md":       "not a methodology",
		"content/methodologies/old/v1.toml":     "not read at all",
		"content/clusters/qoot/2019-07-25.toml": minimal,
	},
		`content/methodologies/bad.toml:1:1: id: must be lower-case letters, digits, '-' or '_', got "Bad"`,
		`content/methodologies/bad.toml:2:1: colour: unknown key`,
		`content/methodologies/broken.toml:1:6: id: expected value but found '\n' instead`,
		`content/methodologies/kinds.toml:1:1: id: methodology kinds is also defined in content/methodologies/again.toml`,
	)
	if got := sortedKeys(dir.Methodologies); fmt.Sprint(got) != "[ecei-bronze kinds]" {
		t.Errorf("methodologies = %v", got)
	}
}

func TestEveryProblemOfEveryFileIsReportedInOrder(t *testing.T) {
	files := map[string]string{
		"content/z.toml": strings.NewReplacer(`"bronze"`, `"wood"`, "Qoot", "Zed").Replace(minimal),
		"content/a.toml": strings.NewReplacer(`country = "JO"`, `country = "jo"`, "date = 2019-07-25", `date = "2019-07-25"`, "[cluster]", "[cluster]\ncolour = 1").Replace(minimal),
		"content/m.toml": "[cluster\n",
		"content/b.toml": strings.Replace(fullFile, "participants = 54", "participants = -54\nfoo = 1", 1),
	}
	expectProblems(t, files,
		`content/a.toml:2:1: cluster.colour: unknown key`,
		`content/a.toml:4:1: cluster.country: must be upper case: "JO"`,
		`content/a.toml:7:1: assessment.date: must be a date such as 2019-07-25 (a TOML local date, without quotes or time), got "2019-07-25"`,
		`content/b.toml:31:1: indicators: 1 of 36 indicators not reported: participants (warning)`,
		`content/b.toml:32:1: indicators.participants: must be a count: a whole number >= 0, got -54`,
		`content/b.toml:33:1: indicators.foo: unknown indicator for methodology ecei-bronze`,
		`content/m.toml:1:9: expected '.' or ']' to end table name, but got '\n' instead`,
		`content/z.toml:7:1: assessment.label: must be "bronze", "silver" or "gold", got "wood"`,
	)
}

func TestIgnoredFiles(t *testing.T) {
	garbage := "this is = not [toml"
	dir := expectProblems(t, map[string]string{
		qoot:                              minimal,
		"content/README.md":               garbage,
		"content/clusters/notes.txt":      garbage,
		"content/.git/config.toml":        garbage,
		"content/clusters/.draft.toml":    garbage,
		"content/clusters/a.toml~":        garbage,
		"content/clusters/b.toml.swp":     garbage,
		"content/clusters/.b.toml.swp":    garbage,
		"content/clusters/old~/x.toml":    garbage,
		"templates/cluster.toml":          garbage,
		"config.toml":                     garbage,
		"content/clusters/dir.toml/.keep": "",
	})
	if len(dir.Clusters) != 1 {
		t.Errorf("clusters = %v", clusterIDs(dir))
	}
}

func TestNoContentFolder(t *testing.T) {
	dir := expectProblems(t, map[string]string{"config.toml": ""})
	if len(dir.Clusters) != 0 || dir.Methodologies[methodology.DefaultID] == nil {
		t.Errorf("directory = %+v, want no clusters and the built-in methodology", dir)
	}
}

func TestSymbolicLinksAreErrors(t *testing.T) {
	fsys := siteFS(one(minimal))
	fsys["content/clusters/link.toml"] = &fstest.MapFile{Mode: fs.ModeSymlink, Data: []byte("qoot-cluster/2019-07-25.toml")}
	fsys["content/linked-dir"] = &fstest.MapFile{Mode: fs.ModeSymlink, Data: []byte("clusters")}
	fsys["content/.hidden-link"] = &fstest.MapFile{Mode: fs.ModeSymlink, Data: []byte("clusters")}
	_, ps := Load(fsys, config.Default(), Options{})
	want := "content/clusters/link.toml:0:0: symbolic links are not allowed in content/\n" +
		"content/linked-dir:0:0: symbolic links are not allowed in content/"
	if got := ps.Error(); got != want {
		t.Errorf("problems:\n%s\nwant:\n%s", got, want)
	}
}

func TestSymbolicLinksOnDisk(t *testing.T) {
	root := t.TempDir()
	outside := filepath.Join(root, "outside.toml")
	must(t, os.WriteFile(outside, []byte(minimal), 0o644))
	must(t, os.MkdirAll(filepath.Join(root, "site", "content"), 0o755))
	if err := os.Symlink(outside, filepath.Join(root, "site", "content", "x.toml")); err != nil {
		t.Skip("no symlinks here:", err)
	}
	dir, ps := Load(os.DirFS(filepath.Join(root, "site")), config.Default(), Options{})
	if ps.Error() != "content/x.toml:0:0: symbolic links are not allowed in content/" || len(dir.Clusters) != 0 {
		t.Errorf("problems = %v, clusters = %v", ps, clusterIDs(dir))
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestLoadIsDeterministic(t *testing.T) {
	files := map[string]string{}
	for i := range 300 {
		src := strings.NewReplacer("Qoot", fmt.Sprintf("Cluster %d", i%120), "2019-07-25", fmt.Sprintf("20%02d-01-0%d", 10+i%13, 1+i%3)).Replace(minimal)
		if i%7 == 0 {
			src = strings.Replace(src, `"bronze"`, `"wood"`, 1)
		}
		files[fmt.Sprintf("content/f%03d.toml", i)] = src
	}
	dir1, ps1 := loadFiles(t, files, Options{})
	dir2, ps2 := loadFiles(t, files, Options{})
	if ps1.Error() != ps2.Error() || fmt.Sprint(clusterIDs(dir1)) != fmt.Sprint(clusterIDs(dir2)) {
		t.Error("two loads of the same content differ")
	}
	if len(ps1.Errors()) == 0 || len(dir1.Clusters) != 120 {
		t.Errorf("%d errors, %d clusters; want some errors and 120 clusters", len(ps1.Errors()), len(dir1.Clusters))
	}
	for _, c := range dir1.Clusters {
		for i, a := range c.Assessments {
			if i > 0 && !c.Assessments[i-1].Date.Before(a.Date) {
				t.Fatalf("%s: assessments not sorted by date", c.ID)
			}
		}
	}
}
