package corpus

import (
	"bytes"
	"maps"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/BurntSushi/toml"

	"clustersite/generator/config"
	"clustersite/generator/methodology"
	"clustersite/generator/model"
)

// The corpora the tests share, generated once.
var (
	corpusOnce sync.Map // Options → func() map[string][]byte
)

func corpusFiles(t testing.TB, opts Options) map[string][]byte {
	t.Helper()
	f, _ := corpusOnce.LoadOrStore(opts, sync.OnceValue(func() map[string][]byte { return Files(opts) }))
	return f.(func() map[string][]byte)()
}

var issueOptions = func(n int) Options {
	return Options{Clusters: n, Seed: 1, ProfileShare: DefaultProfileShare}
}

// assessment is one decoded file.
type assessment struct {
	path    string
	cluster map[string]any
	assess  map[string]any
	inds    map[string]any
	date    time.Time
}

func decodeAll(t *testing.T, files map[string][]byte) map[string][]assessment {
	t.Helper()
	byID := map[string][]assessment{}
	for _, p := range slices.Sorted(maps.Keys(files)) {
		if p == "config.toml" {
			continue
		}
		var doc map[string]any
		if _, err := toml.Decode(string(files[p]), &doc); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		a := assessment{path: p}
		var ok bool
		if a.cluster, ok = doc["cluster"].(map[string]any); !ok {
			t.Fatalf("%s: no [cluster] table", p)
		}
		if a.assess, ok = doc["assessment"].(map[string]any); !ok {
			t.Fatalf("%s: no [assessment] table", p)
		}
		if a.inds, ok = doc["indicators"].(map[string]any); !ok {
			t.Fatalf("%s: no [indicators] table", p)
		}
		if len(doc) != 3 {
			t.Errorf("%s: %d top-level tables, want 3", p, len(doc))
		}
		if a.date, ok = a.assess["date"].(time.Time); !ok || a.date.Location().String() != "date-local" {
			t.Fatalf("%s: assessment.date = %#v, want a TOML local date", p, a.assess["date"])
		}
		id, _ := a.cluster["id"].(string)
		byID[id] = append(byID[id], a)
	}
	return byID
}

func TestDeterministic(t *testing.T) {
	opts := issueOptions(300)
	a, b := Files(opts), Files(opts)
	if !maps.EqualFunc(a, b, bytes.Equal) {
		t.Fatal("two corpora with the same options differ")
	}
	c := Files(Options{Clusters: 300, Seed: 2, ProfileShare: DefaultProfileShare})
	if maps.EqualFunc(a, c, bytes.Equal) {
		t.Fatal("seeds 1 and 2 give the same corpus")
	}
	// The corpus of n clusters is a prefix of the corpus of more clusters.
	big := Files(issueOptions(400))
	for p, data := range a {
		if p != "config.toml" && !bytes.Equal(big[p], data) {
			t.Fatalf("%s differs between 300 and 400 clusters", p)
		}
	}
}

func TestEmpty(t *testing.T) {
	files := Files(Options{})
	if len(files) != 1 || files["config.toml"] == nil {
		t.Fatalf("Files(Options{}) = %d files, want only config.toml", len(files))
	}
}

func TestInvalidOptions(t *testing.T) {
	for _, opts := range []Options{{Clusters: -1}, {ProfileShare: 1.5}, {ProfileShare: -0.1}} {
		if _, err := Write(t.TempDir(), opts); err == nil {
			t.Errorf("Write(%+v) succeeded", opts)
		}
	}
}

// sameButCase reports whether two names differ at most in case, also in
// Turkish ("İzmir", "izmir"; "Gıda", "GIDA").
func sameButCase(a, b string) bool {
	fold := strings.NewReplacer("i\u0307", "i", "ı", "i").Replace
	a, b = strings.ToLower(a), strings.ToLower(b)
	return strings.EqualFold(a, b) || fold(a) == fold(b)
}

var idRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
var reportRE = regexp.MustCompile(`^[A-Z]{3}\d{3}(\d{4})(\d{2})C(\d{2})\d{4}$`)

func TestFilesAreValidAssessments(t *testing.T) {
	byID := decodeAll(t, corpusFiles(t, issueOptions(1000)))
	if len(byID) != 1000 {
		t.Fatalf("%d cluster ids, want 1000", len(byID))
	}
	m := methodology.Default()
	names := map[string]string{}
	counts := map[int]int{}
	labels := map[string]int{}
	profiles, assessments := 0, 0
	portfolios := map[string]bool{}
	for id, as := range byID {
		if !idRE.MatchString(id) {
			t.Errorf("id %q is not a slug", id)
		}
		counts[len(as)]++
		slices.SortFunc(as, func(a, b assessment) int { return a.date.Compare(b.date) })
		newest := as[len(as)-1]
		name := newest.cluster["name"].(string)
		if other, dup := names[name]; dup {
			t.Errorf("name %q used by %s and %s", name, other, id)
		}
		names[name] = id
		portfolios[newest.cluster["portfolio"].(string)] = true
		for k, a := range as {
			assessments++
			checkAssessment(t, m, id, a)
			if a.assess["publish"] == "profile" {
				profiles++
			}
			labels[a.assess["label"].(string)]++
			if want := ContentDir + "/" + id + "/" + a.date.Format(time.DateOnly) + ".toml"; a.path != want {
				t.Errorf("%s: want path %s", a.path, want)
			}
			if k > 0 {
				prev := as[k-1]
				if !a.date.After(prev.date) {
					t.Errorf("%s: dates not strictly increasing", id)
				}
				if days := a.date.Sub(prev.date).Hours() / 24; days < 540 || days > 1100 {
					t.Errorf("%s: %v days between assessments, want 1.5 to 3 years", a.path, days)
				}
				for _, key := range []string{"country", "region", "website", "portfolio", "founded"} {
					if a.cluster[key] != prev.cluster[key] {
						t.Errorf("%s: cluster.%s changed between assessments", a.path, key)
					}
				}
				if !sameButCase(a.cluster["name"].(string), prev.cluster["name"].(string)) {
					t.Errorf("%s: name %q differs from %q by more than case", a.path, a.cluster["name"], prev.cluster["name"])
				}
			}
		}
	}
	for n := 1; n <= 3; n++ {
		if counts[n] < 100 {
			t.Errorf("%d clusters with %d assessments, want about %d", counts[n], n, []int{0, 400, 400, 200}[n])
		}
	}
	if len(counts) != 3 {
		t.Errorf("assessments per cluster: %v, want only 1, 2 and 3", counts)
	}
	if share := float64(profiles) / float64(assessments); share < 0.20 || share > 0.30 {
		t.Errorf("profile share %.3f, want 0.25 ± 0.05", share)
	}
	if gold := float64(labels["gold"]) / float64(assessments); gold < 0.02 || gold > 0.08 {
		t.Errorf("gold share %.3f, want about 0.05", gold)
	}
	if labels["silver"] == 0 || labels["bronze"] < assessments/2 {
		t.Errorf("labels %v, want mostly bronze and some silver", labels)
	}
	for _, p := range config.DefaultPortfolios {
		if !portfolios[p] {
			t.Errorf("portfolio %q missing at 1,000 clusters", p)
		}
	}
}

func checkAssessment(t *testing.T, m *model.Methodology, id string, a assessment) {
	t.Helper()
	c, as := a.cluster, a.assess
	str := func(table map[string]any, key string) string {
		s, ok := table[key].(string)
		if !ok || strings.TrimSpace(s) == "" {
			t.Errorf("%s: %s is not a non-empty string: %#v", a.path, key, table[key])
		}
		return s
	}
	for _, key := range []string{"id", "name", "country", "region", "website", "portfolio", "description"} {
		str(c, key)
	}
	if c["id"] != id {
		t.Errorf("%s: id %v", a.path, c["id"])
	}
	if country := str(c, "country"); len(country) != 2 || strings.ToUpper(country) != country {
		t.Errorf("%s: country %q", a.path, country)
	}
	if web := str(c, "website"); web != "https://"+strings.TrimPrefix(web, "https://") || !strings.HasSuffix(web, ".example.org") {
		t.Errorf("%s: website %q", a.path, web)
	}
	if !slices.Contains(config.DefaultPortfolios, str(c, "portfolio")) {
		t.Errorf("%s: portfolio %q", a.path, c["portfolio"])
	}
	if s, ok := c["sectors"].([]any); !ok || len(s) < 1 || len(s) > 3 {
		t.Errorf("%s: sectors %#v", a.path, c["sectors"])
	}
	if f, ok := c["founded"].(int64); !ok || f < 1990 || int(f) > a.date.Year() {
		t.Errorf("%s: founded %#v", a.path, c["founded"])
	}
	if len(c) != 9 {
		t.Errorf("%s: [cluster] has %d keys, want 9", a.path, len(c))
	}

	label := str(as, "label")
	if !model.Label(label).Valid() {
		t.Errorf("%s: label %q", a.path, label)
	}
	score, hasScore := as["score"].(int64)
	if hasScore != (label == "gold") || hasScore && (score < 80 || score > 100) {
		t.Errorf("%s: label %s with score %#v", a.path, label, as["score"])
	}
	rid := reportRE.FindStringSubmatch(str(as, "report_id"))
	if rid == nil || rid[1] != a.date.Format("2006") || rid[2] != a.date.Format("01") || rid[3] != a.date.Format("06") {
		t.Errorf("%s: report_id %q", a.path, as["report_id"])
	}
	str(as, "expert")
	if p := str(as, "publish"); p != "full" && p != "profile" {
		t.Errorf("%s: publish %q", a.path, p)
	}
	if a.date.Year() < 2011 || a.date.Format(time.DateOnly) > Today {
		t.Errorf("%s: date %s", a.path, a.date)
	}
	if wd := a.date.Weekday(); wd == time.Saturday || wd == time.Sunday {
		t.Errorf("%s: interview on a %s", a.path, wd)
	}
	if v, ok := as["valid_until"].(time.Time); ok && !v.After(a.date) {
		t.Errorf("%s: valid_until %s", a.path, v)
	}
	words := 0
	for _, key := range []string{"summary", "recommendations"} {
		text := str(as, key)
		words += len(strings.Fields(text))
		if !strings.HasPrefix(text, "### ") || !strings.Contains(text, "\n- ") || !strings.Contains(text, "](https://example.org/") {
			t.Errorf("%s: %s lacks a heading, a list or a link:\n%s", a.path, key, text)
		}
	}
	if words < 200 || words > 400 {
		t.Errorf("%s: summary and recommendations have %d words, want 200 to 400", a.path, words)
	}

	for k := range a.inds {
		if m.Indicator(k) == nil {
			t.Errorf("%s: unknown indicator %s", a.path, k)
		}
	}
	for _, ind := range m.Indicators() {
		v, ok := a.inds[ind.ID]
		if !ok {
			t.Errorf("%s: indicator %s missing", a.path, ind.ID)
			continue
		}
		if msg := checkValue(ind, v); msg != "" {
			t.Errorf("%s: indicators.%s = %#v: %s", a.path, ind.ID, v, msg)
		}
	}
}

// checkValue checks an indicator value against its kind and the ranges
// the corpus promises.
func checkValue(ind *model.Indicator, v any) string {
	switch ind.Kind {
	case model.KindCount:
		if n, ok := v.(int64); !ok || n < 0 {
			return "want a count"
		}
	case model.KindYear:
		if n, ok := v.(int64); !ok || n < 1990 || n > 2026 {
			return "want a year from 1990"
		}
	case model.KindPercent:
		if f, ok := v.(float64); !ok || f < 0 || f > 100 || math.Abs(f*10-math.Round(f*10)) > 1e-9 {
			return "want a percent with one decimal"
		}
	case model.KindMoney:
		if n, ok := v.(int64); !ok || n < 100000 || n > 3000000 {
			return "want an amount from 100,000 to 3,000,000"
		}
	case model.KindNumber:
		if _, ok := v.(float64); !ok {
			return "want a number with one decimal"
		}
	case model.KindBool:
		if _, ok := v.(bool); !ok {
			return "want a bool"
		}
	case model.KindChoice:
		if s, ok := v.(string); !ok || !slices.Contains(ind.Choices, s) {
			return "want a choice"
		}
	case model.KindMultichoice:
		list, ok := v.([]any)
		if !ok || len(list) < 1 || len(list) > 4 {
			return "want 1 to 4 choices"
		}
		seen := map[any]bool{}
		for _, e := range list {
			if s, ok := e.(string); !ok || !slices.Contains(ind.Choices, s) || seen[e] {
				return "want distinct choices"
			}
			seen[e] = true
		}
	case model.KindText:
		if s, ok := v.(string); !ok || len(strings.Fields(s)) < 3 {
			return "want a sentence"
		}
	default:
		return "unknown kind " + string(ind.Kind)
	}
	return ""
}

// TestChoicesMatchMethodology keeps the choice lists of the generator in
// step with ecei-bronze.toml.
func TestChoicesMatchMethodology(t *testing.T) {
	m := methodology.Default()
	for id, list := range map[string][]string{
		"legal_form": legalForms, "service_portfolio": servicePortfolio,
		"contact_frequency": contactFreqs, "channels": channelChoices,
	} {
		if ind := m.Indicator(id); ind == nil || !slices.Equal(ind.Choices, list) {
			t.Errorf("choices of %s differ from the methodology", id)
		}
	}
}

func TestFirstAssessmentText(t *testing.T) {
	if !strings.HasPrefix(summarySentences[sinceLastBenchmarking], "Since the last benchmarking") {
		t.Fatal("sinceLastBenchmarking does not point at its sentence")
	}
	for id, as := range decodeAll(t, corpusFiles(t, issueOptions(300))) {
		slices.SortFunc(as, func(a, b assessment) int { return a.date.Compare(b.date) })
		summary := as[0].assess["summary"].(string)
		if strings.Contains(summary, "Since the last benchmarking") {
			t.Errorf("%s: the first assessment refers to a last benchmarking", id)
		}
		if strings.Contains(summary, "\n ") {
			t.Errorf("%s: a line of the summary starts with a space", id)
		}
	}
}

func TestCountries(t *testing.T) {
	distinct := func(n int) int {
		set := map[string]bool{}
		for p, data := range corpusFiles(t, issueOptions(n)) {
			if p == "config.toml" {
				continue
			}
			_, rest, _ := bytes.Cut(data, []byte("\ncountry = \""))
			code, _, _ := bytes.Cut(rest, []byte(`"`))
			set[string(code)] = true
		}
		return len(set)
	}
	if n := distinct(100); n < 20 {
		t.Errorf("%d countries at 100 clusters, want at least 20", n)
	}
	if testing.Short() {
		return
	}
	if n := distinct(10000); n < 40 {
		t.Errorf("%d countries at 10,000 clusters, want at least 40", n)
	}
	codes := map[string]bool{}
	for _, c := range countries {
		if len(c.code) != 2 || len(c.alpha3) != 3 || codes[c.code] {
			t.Errorf("country %+v", c)
		}
		codes[c.code] = true
	}
}

// TestNamesAndIDs checks at 10,000 clusters that names and ids are unique
// and that the names show the variety of real directories.
func TestNamesAndIDs(t *testing.T) {
	if testing.Short() {
		t.Skip("10,000 clusters")
	}
	files := corpusFiles(t, issueOptions(10000))
	ids := map[string]string{}
	names := map[string]bool{}
	var nonASCII, comma, cube, endash, apostrophe, lower, upper int
	for p, data := range files {
		if p == "config.toml" {
			continue
		}
		id := strings.Split(p, "/")[2]
		if !idRE.MatchString(id) {
			t.Errorf("id %q", id)
		}
		s := string(data)
		if !strings.Contains(s, "\nid = \""+id+"\"\n") {
			t.Errorf("%s: cluster.id does not match the folder", p)
		}
		name := s[strings.Index(s, "\nname = \"")+9:]
		name = name[:strings.Index(name, "\"\n")]
		if other, ok := ids[id]; ok && !sameButCase(other, name) {
			t.Errorf("id %s used by %q and %q", id, other, name)
		}
		ids[id] = name
		if names[name] {
			continue
		}
		names[name] = true
		switch {
		case strings.ContainsFunc(name, func(r rune) bool { return r > 0x7f && r != '–' && r != '’' && r != '³' }):
			nonASCII++
		}
		if strings.Contains(name, ",") {
			comma++
		}
		if strings.Contains(name, "³") {
			cube++
		}
		if strings.Contains(name, "–") {
			endash++
		}
		if strings.Contains(name, "’") {
			apostrophe++
		}
		if name[0] >= 'a' && name[0] <= 'z' {
			lower++
		}
		if strings.ToUpper(name) == name {
			upper++
		}
	}
	if len(ids) != 10000 {
		t.Errorf("%d distinct ids, want 10000", len(ids))
	}
	for what, n := range map[string]int{
		"non-ASCII letters": nonASCII, "commas": comma, "³": cube, "en dashes": endash,
		"curly apostrophes": apostrophe, "a lower-case start": lower, "capitals only": upper,
	} {
		if n < 20 {
			t.Errorf("only %d names with %s", n, what)
		}
	}
}

func TestFileSizes(t *testing.T) {
	files := corpusFiles(t, issueOptions(1000))
	total := 0
	for p, data := range files {
		if p == "config.toml" {
			continue
		}
		total += len(data)
		if len(data) < 3000 || len(data) > 7000 {
			t.Errorf("%s: %d bytes", p, len(data))
		}
	}
	if avg := total / (len(files) - 1); avg < 4000 || avg > 6000 {
		t.Errorf("average file size %d bytes, want 4 to 6 KB", avg)
	}
}

func TestWrite(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	opts := issueOptions(50)
	n, err := Write(dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	want := Files(opts)
	if n != len(want)-1 {
		t.Errorf("Write returned %d files, want %d", n, len(want)-1)
	}
	got := 0
	err = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if !bytes.Equal(data, want[filepath.ToSlash(rel)]) {
			t.Errorf("%s differs from Files", rel)
		}
		got++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if got != len(want) {
		t.Errorf("%d files on disk, want %d", got, len(want))
	}
	cfg, err := config.Parse(want["config.toml"])
	if err != nil {
		t.Fatalf("config.toml: %v", err)
	}
	if cfg.TodayDate().String() != Today || cfg.Title == "" {
		t.Errorf("config: today %s, title %q", cfg.TodayDate(), cfg.Title)
	}
	if _, err := Write(dir, opts); err == nil {
		t.Error("Write into a folder that is not empty succeeded")
	}
}

func TestSlug(t *testing.T) {
	f := newFolder()
	for name, want := range map[string]string{
		"Agrupació d’Empreses Innovadores Tèxtils": "agrupacio-d-empreses-innovadores-textils",
		"BM³ Digitalcluster Bodensee":              "bm3-digitalcluster-bodensee",
		"automotive thüringen e. V.":               "automotive-thuringen-e-v",
		"TREC – Transylvania Energy Cluster":       "trec-transylvania-energy-cluster",
		"Łódzki Klaster Spożywczy":                 "lodzki-klaster-spozywczy",
		"Ørestad Straße Col·laboració":             "orestad-strasse-collaboracio",
		"  --  ":                                   "",
	} {
		if got := f.slug(name); got != want {
			t.Errorf("slug(%q) = %q, want %q", name, got, want)
		}
	}
}

func BenchmarkFiles10k(b *testing.B) {
	for b.Loop() {
		Files(issueOptions(10000))
	}
}
