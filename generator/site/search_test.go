package site

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"clustersite/generator/config"
	"clustersite/generator/content"
	"clustersite/generator/corpus"
	"clustersite/generator/fold"
	"clustersite/generator/model"
)

// searchCluster is one cluster as a browser reads it from the index.
type searchCluster struct {
	Name, NativeName, ID, Country, Region, Portfolio string
	Sectors                                          []string
	Label                                            model.Label
	Status                                           model.Status
	ValidUntil, Newest                               int
}

// decodeColumn reads a column the way assets/search.js does.
func decodeColumn(c searchColumn, n int) []int {
	out := make([]int, n)
	for k := range c.Width {
		for i := range out {
			out[i] = out[i]*64 + strings.IndexByte(digits64, c.Data[k*n+i])
		}
	}
	for i := range out {
		out[i] += c.Base
	}
	return out
}

// decodeIndex reads the index files the way assets/search.js does.
func decodeIndex(t *testing.T, files SearchFiles) []searchCluster {
	t.Helper()
	var ix searchIndex
	var sx searchSectors
	if err := json.Unmarshal(files.Index.Data, &ix); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(files.Sectors.Data, &sx); err != nil {
		t.Fatal(err)
	}
	col := func(name string) []int { return decodeColumn(ix.Columns[name], ix.Clusters) }
	place, portfolio, label, status, newest, valid := col("place"), col("portfolio"), col("label"), col("status"), col("newest"), col("valid")
	sectorSet := decodeColumn(sx.Column, sx.Clusters)
	var out []searchCluster
	var prev []uint16
	for i, line := range strings.Split(ix.Names, "\n") {
		if ix.Clusters == 0 {
			break
		}
		k := strings.IndexByte(digits64, line[0])
		name := append(slices.Clone(prev[:k]), utf16.Encode([]rune(line[1:]))...)
		prev = name
		c := searchCluster{Name: string(utf16.Decode(name)), NativeName: ix.NativeNames[strconv.Itoa(i)]}
		c.ID = ix.IDs[strconv.Itoa(i)]
		if c.ID == "" {
			c.ID = strings.Join(strings.FieldsFunc(fold.String(c.Name), func(r rune) bool { return r == ' ' || r == '\'' }), "-")
		}
		p := ix.Places[place[i]]
		c.Country = ix.Countries[int(p[0].(float64))].Code
		c.Region = p[1].(string)
		if portfolio[i] >= 0 {
			c.Portfolio = ix.Portfolios[portfolio[i]].Name
		}
		for _, s := range sx.SectorSets[sectorSet[i]] {
			c.Sectors = append(c.Sectors, sx.Sectors[s])
		}
		c.Label, c.Status = ix.Labels[label[i]], ix.Statuses[status[i]]
		c.Newest, c.ValidUntil = newest[i], newest[i]+valid[i]
		out = append(out, c)
	}
	return out
}

const searchFile = `[cluster]
id = %q
name = %q
country = %q
region = %q
portfolio = %q
sectors = [%s]
[assessment]
date = %s
label = "bronze"
expert = "Secret Expert"
report_id = "SECRET0001"
summary = "Secret summary"
publish = %q
[indicators]
participants = 4711
`

func searchFixture(t *testing.T) *Site {
	files := map[string]string{}
	for i, c := range []struct{ id, name, country, region, portfolio, sectors, date, publish string }{
		{"aragon", "Clúster Aragonés de Alimentación", "ES", "Aragón", "Food industry", `"Agri-food"`, "2025-03-01", "full"},
		{"bm3-digitalcluster-bodensee", "BM³ Digitalcluster Bodensee", "DE", "Baden-Württemberg", "ICT", `"Software", "Agri-food"`, "2024-12-20", "profile"},
		{"aei", "Agrupació d’Empreses Innovadores Tèxtils", "ES", "Catalunya", "", ``, "2019-07-25", "full"},
		{"script", "</script><script>alert(1)</script>", "FR", "<b>Région</b>", "ICT", `"Software"`, "2024-06-01", "profile"},
		{"rocket", "🚀🚀 Space 🚀 Cluster", "FR", "", "Aviation and space", ``, "2025-01-15", "full"},
		{"rocket-2", "🚀🚀 Space 🚁 Cluster", "FR", "", "Aviation and space", ``, "2025-01-16", "full"},
		{"japan-cluster", "日本クラスター", "JP", "Tokyo", "ICT", ``, "2025-01-17", "full"},
	} {
		files[fmt.Sprintf("content/%d.toml", i)] = fmt.Sprintf(searchFile, c.id, c.name, c.country, c.region, c.portfolio, c.sectors, c.date, c.publish)
	}
	return load(t, files)
}

func TestSearchIndexHoldsEveryClusterAsThePagesShowIt(t *testing.T) {
	s := searchFixture(t)
	got := decodeIndex(t, s.SearchIndex())
	if len(got) != len(s.Clusters) {
		t.Fatalf("%d clusters in the index, want %d", len(got), len(s.Clusters))
	}
	for i, c := range s.Clusters {
		want := searchCluster{
			Name: c.Name, NativeName: c.NativeName, ID: c.ID, Country: c.Country, Region: c.Region, Portfolio: c.Portfolio,
			Sectors: c.Sectors, Label: c.Label, Status: c.Status,
			ValidUntil: dayNumber(c.ValidUntil), Newest: dayNumber(c.Latest().Date),
		}
		if fmt.Sprint(got[i]) != fmt.Sprint(want) {
			t.Errorf("cluster %d:\n got %+v\nwant %+v", i, got[i], want)
		}
	}
}

func TestSearchIndexPublishesNoReportField(t *testing.T) {
	files := searchFixture(t).SearchIndex()
	data := string(files.Index.Data) + string(files.Sectors.Data)
	for _, secret := range []string{"Secret", "SECRET", "4711"} {
		if strings.Contains(data, secret) {
			t.Errorf("the search index holds %q", secret)
		}
	}
}

func TestSearchIndexNamesAreContentHashed(t *testing.T) {
	f := searchFixture(t).SearchIndex()
	for _, file := range []File{f.Index, f.Sectors} {
		if !regexp.MustCompile(`^search/(index|sectors)\.[0-9a-f]{8}\.json$`).MatchString(file.Path) {
			t.Errorf("path %q", file.Path)
		}
	}
	if g := searchFixture(t).SearchIndex(); g.Index.Path != f.Index.Path || !bytes.Equal(g.Index.Data, f.Index.Data) ||
		g.Sectors.Path != f.Sectors.Path || !bytes.Equal(g.Sectors.Data, f.Sectors.Data) {
		t.Error("two builds of the same site give different indexes")
	}
}

func TestSearchIndexWritesOnlyIDsTheBrowserCannotDerive(t *testing.T) {
	var ix searchIndex
	if err := json.Unmarshal(searchFixture(t).SearchIndex().Index.Data, &ix); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, id := range ix.IDs {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	// Only bm3-digitalcluster-bodensee is its folded name.
	want := []string{"aei", "aragon", "japan-cluster", "rocket", "rocket-2", "script"}
	if !slices.Equal(ids, want) {
		t.Errorf("ids = %q, want %q", ids, want)
	}
	for _, tc := range []struct{ name, want string }{
		{"Agrupació d’Empreses Innovadores Tèxtils", "agrupacio-d-empreses-innovadores-textils"},
		{"BM³ Digitalcluster Bodensee", "bm3-digitalcluster-bodensee"},
		{"automotive thüringen e. V.", "automotive-thuringen-e-v"},
		{"日本クラスター", ""},
		{"Κλάστερ", ""},
	} {
		if got := derivedID(tc.name); got != tc.want {
			t.Errorf("derivedID(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
}

func corpusSite(tb testing.TB, n int) *Site {
	tb.Helper()
	fsys := corpus.FS(corpus.Options{Clusters: n, Seed: 1, ProfileShare: corpus.DefaultProfileShare})
	cfg, err := config.Load(fsys)
	if err != nil {
		tb.Fatal(err)
	}
	dir, ps := content.Load(fsys, cfg, content.Options{})
	if len(ps.Errors()) > 0 {
		tb.Fatal(ps.Errors())
	}
	return New(dir, cfg, cfg.TodayDate())
}

func TestSearchIndexOfACorpusRoundTrips(t *testing.T) {
	s := corpusSite(t, 500)
	got := decodeIndex(t, s.SearchIndex())
	for i, c := range s.Clusters {
		if got[i].Name != c.Name || got[i].ID != c.ID || got[i].ValidUntil != dayNumber(c.ValidUntil) || got[i].Status != c.Status {
			t.Fatalf("cluster %d: got %+v, want %s %s %s %s", i, got[i], c.Name, c.ID, c.ValidUntil, c.Status)
		}
	}
}

func gzipSize(data []byte) int {
	var b bytes.Buffer
	w, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	w.Write(data)
	w.Close()
	return b.Len()
}

func BenchmarkSearchIndex10k(b *testing.B) {
	s := corpusSite(b, 10000)
	b.ResetTimer()
	var f SearchFiles
	for b.Loop() {
		f = s.SearchIndex()
	}
	b.ReportMetric(float64(len(f.Index.Data)), "index-bytes")
	b.ReportMetric(float64(gzipSize(f.Index.Data)), "index-gzip-bytes")
	b.ReportMetric(float64(len(f.Sectors.Data)), "sectors-bytes")
	b.ReportMetric(float64(gzipSize(f.Sectors.Data)), "sectors-gzip-bytes")
}
