package site

import (
	"bytes"
	"cmp"
	"encoding/csv"
	"maps"
	"slices"
	"strconv"
	"strings"

	"clustersite/generator/model"
)

// Paths of the open data files and pages, site-relative.
const (
	ClustersJSONPath   = "clusters.json"
	ClustersCSVPath    = "clusters.csv"
	AssessmentsCSVPath = "assessments.csv"
	FeedPath           = "feed.xml"
	DataURL            = "data/"
	// FeedSize is the number of entries in feed.xml.
	FeedSize = 50
	// listSeparator joins lists in a CSV field. Never ", ": portfolio and
	// sector names contain commas.
	listSeparator = " | "
)

// ClustersCSVHeader are the columns of clusters.csv: the fields of a
// cluster in clusters.json, in the same order, with the list of
// assessments given as their dates.
var ClustersCSVHeader = []string{"id", "name", "native_name", "country", "country_name", "region", "website",
	"portfolio", "sectors", "founded", "label", "valid_until", "status", "url", "assessments"}

// AssessmentsCSVFixed are the first columns of assessments.csv; one column
// per indicator (DataColumns) follows.
var AssessmentsCSVFixed = []string{"cluster_id", "date", "label", "valid_until", "publish", "report_id", "score",
	"url", "methodology"}

// DataFile is one downloadable file listed on the data page.
type DataFile struct {
	Path string
	// Format: "csv", "json" or "atom".
	Format string
	// Rows is the number of records: clusters, assessments or feed
	// entries.
	Rows int
}

// DataColumn is an indicator column of assessments.csv.
type DataColumn struct {
	// ID is the indicator's id and the column's name.
	ID, Title string
	Kind      model.Kind
	Unit      string
	Area      string
	// Methodologies that have the indicator, by id.
	Methodologies []string
}

// dataFiles lists the files the data page offers.
func (s *Site) dataFiles() []DataFile {
	files := []DataFile{
		{Path: ClustersCSVPath, Format: "csv", Rows: len(s.Clusters)},
		{Path: AssessmentsCSVPath, Format: "csv", Rows: s.Assessments},
		{Path: ClustersJSONPath, Format: "json", Rows: len(s.Clusters)},
	}
	if s.Config.BaseURL != "" {
		files = append(files, DataFile{Path: FeedPath, Format: "atom", Rows: len(s.Newest(FeedSize))})
	}
	return files
}

// dataColumns lists every indicator of every methodology used by a report
// published in full: methodologies by id, indicators in methodology order,
// an id shared by two methodologies once.
func dataColumns(clusters []*Cluster) []*DataColumn {
	byMethodology := map[string]*Report{}
	for _, c := range clusters {
		for _, r := range c.Reports {
			if r.Full && byMethodology[r.MethodologyID] == nil {
				byMethodology[r.MethodologyID] = r
			}
		}
	}
	var cols []*DataColumn
	index := map[string]*DataColumn{}
	for _, id := range slices.Sorted(maps.Keys(byMethodology)) {
		for _, area := range byMethodology[id].Areas() {
			for _, row := range area.Rows {
				if col := index[row.ID]; col != nil {
					col.Methodologies = append(col.Methodologies, id)
					continue
				}
				col := &DataColumn{ID: row.ID, Title: row.Title, Kind: row.Kind, Unit: row.Unit, Area: area.Title, Methodologies: []string{id}}
				index[row.ID] = col
				cols = append(cols, col)
			}
		}
	}
	return cols
}

// rawValue is a value as open data gives it: unformatted and
// language-neutral.
func rawValue(k model.Kind, v model.Value) string {
	switch {
	case k.Numeric():
		return strconv.FormatFloat(v.Num, 'f', -1, 64) // shortest exact form, no grouping
	case k == model.KindBool:
		return strconv.FormatBool(v.Bool)
	case k == model.KindMultichoice:
		return strings.Join(v.List, listSeparator)
	}
	return v.Text
}

// writeCSV encodes records as RFC 4180: comma-separated, fields quoted
// when needed, CRLF line ends, UTF-8 without byte-order mark.
func writeCSV(records [][]string) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	if err := w.WriteAll(records); err != nil {
		panic(err) // writing to a bytes.Buffer cannot fail
	}
	return b.Bytes()
}

// clustersCSV is clusters.csv: one row per published cluster, in
// directory order, the fields of clusters.json.
func (s *Site) clustersCSV() []byte {
	records := [][]string{ClustersCSVHeader}
	for _, c := range s.Clusters {
		dates := make([]string, len(c.Reports))
		for i, r := range c.Reports {
			dates[i] = r.Date.String()
		}
		founded := ""
		if c.Founded != 0 {
			founded = strconv.Itoa(c.Founded)
		}
		records = append(records, []string{c.ID, c.Name, c.NativeName, c.Country, c.CountryName, c.Region, c.Website,
			c.Portfolio, strings.Join(c.Sectors, listSeparator), founded, string(c.Label), c.ValidUntil.String(),
			string(c.Status), s.absURL(c.URL), strings.Join(dates, listSeparator)})
	}
	return writeCSV(records)
}

// assessmentsCSV is assessments.csv: one row per published assessment, by
// cluster id then date. A profile assessment fills only the columns whose
// values are public (cluster, date, label, validity, publish); its other
// columns stay empty.
func (s *Site) assessmentsCSV() []byte {
	header := slices.Clone(AssessmentsCSVFixed)
	col := map[string]int{}
	for _, c := range s.DataColumns {
		col[c.ID] = len(header)
		header = append(header, c.ID)
	}
	records := [][]string{header}
	clusters := slices.Clone(s.Clusters)
	slices.SortFunc(clusters, func(a, b *Cluster) int { return cmp.Compare(a.ID, b.ID) })
	for _, c := range clusters {
		for _, r := range c.Reports {
			rec := make([]string, len(header))
			public := []string{c.ID, r.Date.String(), string(r.Label), r.ValidUntil.String()}
			if !r.Full {
				copy(rec, append(public, string(model.PublishProfile)))
			} else {
				score := ""
				if r.Score != 0 {
					score = strconv.FormatFloat(r.Score, 'f', -1, 64)
				}
				copy(rec, append(public, string(model.PublishFull), r.ReportID, score, s.absURL(r.URL), r.MethodologyID))
				// The raw values only: working out whole indicator rows
				// (formatted values, comparisons) for 20,000 assessments
				// took a second of a 10,000-cluster build.
				for id, v := range r.a.Values.All() {
					if ind := r.a.Methodology.Indicator(id); ind != nil {
						rec[col[id]] = rawValue(ind.Kind, v)
					}
				}
			}
			records = append(records, rec)
		}
	}
	return writeCSV(records)
}

// Newest returns up to n published assessments, newest first (ties by
// cluster id): the entries of the feed.
func (s *Site) Newest(n int) []*Report {
	var all []*Report
	for _, c := range s.Clusters {
		all = append(all, c.Reports...)
	}
	slices.SortFunc(all, func(a, b *Report) int {
		return cmp.Or(b.Date.Compare(a.Date), cmp.Compare(a.Cluster.ID, b.Cluster.ID))
	})
	return all[:min(n, len(all))]
}
