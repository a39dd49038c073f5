package site

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"strings"

	"clustersite/generator/model"
)

// File is an output file whose bytes the site computes itself (data files,
// not templates).
type File struct {
	Path string
	Data []byte
}

// ClustersJSON is the open-data form of the directory, clusters.json.
// The schema is documented in README.md; change both together.
type ClustersJSON struct {
	Title    string        `json:"title"`
	DataAsOf model.Date    `json:"data_as_of"`
	Licence  string        `json:"licence"`
	Clusters []ClusterJSON `json:"clusters"`
}

// ClusterJSON is one cluster in clusters.json.
type ClusterJSON struct {
	ID          string           `json:"id"`
	Name        string           `json:"name"`
	NativeName  string           `json:"native_name,omitempty"`
	Country     string           `json:"country"`
	CountryName string           `json:"country_name"`
	Region      string           `json:"region,omitempty"`
	Website     string           `json:"website,omitempty"`
	Portfolio   string           `json:"portfolio,omitempty"`
	Sectors     []string         `json:"sectors"`
	Founded     int              `json:"founded,omitempty"`
	Label       model.Label      `json:"label"`
	ValidUntil  model.Date       `json:"valid_until"`
	Status      model.Status     `json:"status"`
	URL         string           `json:"url"`
	Assessments []AssessmentJSON `json:"assessments"`
}

// AssessmentJSON is one assessment of a cluster in clusters.json.
type AssessmentJSON struct {
	Date       model.Date  `json:"date"`
	Label      model.Label `json:"label"`
	ValidUntil model.Date  `json:"valid_until"`
	Score      float64     `json:"score,omitempty"`
	ReportID   string      `json:"report_id,omitempty"`
	// URL of the report page; empty when only the profile is published.
	URL string `json:"url,omitempty"`
}

// absURL turns a site-relative URL into the published one: absolute with
// base_url, else relative to the site root.
func (s *Site) absURL(rel string) string { return s.Config.BaseURL + rel }

// DataFiles returns clusters.json, clusters.csv, assessments.csv,
// sitemap.xml, robots.txt and the search index. (The feed is written by the
// renderer, which knows the language.)
func (s *Site) DataFiles(pages []Page) []File {
	return []File{
		{Path: ClustersJSONPath, Data: s.clustersJSON()},
		{Path: ClustersCSVPath, Data: s.clustersCSV()},
		{Path: AssessmentsCSVPath, Data: s.assessmentsCSV()},
		{Path: sitemapPath, Data: s.sitemap(pages)},
		{Path: robotsPath, Data: s.robots()},
		s.search().Index,
		s.search().Sectors,
	}
}

const (
	sitemapPath = "sitemap.xml"
	robotsPath  = "robots.txt"
)

// DataFile returns the file of DataFiles(s.Pages()) at path p, making that
// file only: the dev server answers a request for a path that is not a page
// (a browser's /favicon.ico) without making megabytes of open data.
func (s *Site) DataFile(p string) (File, bool) {
	var data []byte
	switch p {
	case ClustersJSONPath:
		data = s.clustersJSON()
	case ClustersCSVPath:
		data = s.clustersCSV()
	case AssessmentsCSVPath:
		data = s.assessmentsCSV()
	case sitemapPath:
		data = s.sitemap(s.Pages())
	case robotsPath:
		data = s.robots()
	default:
		if !strings.HasPrefix(p, "search/") {
			return File{}, false
		}
		for _, f := range []File{s.search().Index, s.search().Sectors} {
			if f.Path == p {
				return f, true
			}
		}
		return File{}, false
	}
	return File{Path: p, Data: data}, true
}

func (s *Site) clustersJSON() []byte {
	doc := ClustersJSON{Title: s.Config.Title, DataAsOf: s.Today, Licence: s.Config.Licence, Clusters: []ClusterJSON{}}
	for _, c := range s.Clusters {
		cj := ClusterJSON{
			ID: c.ID, Name: c.Name, NativeName: c.NativeName, Country: c.Country, CountryName: c.CountryName,
			Region: c.Region, Website: c.Website, Portfolio: c.Portfolio, Sectors: c.Sectors, Founded: c.Founded,
			Label: c.Label, ValidUntil: c.ValidUntil, Status: c.Status, URL: s.absURL(c.URL),
		}
		if cj.Sectors == nil {
			cj.Sectors = []string{}
		}
		for _, r := range c.Reports {
			aj := AssessmentJSON{Date: r.Date, Label: r.Label, ValidUntil: r.ValidUntil}
			if r.Full {
				aj.URL, aj.Score, aj.ReportID = s.absURL(r.URL), r.Score, r.ReportID
			}
			cj.Assessments = append(cj.Assessments, aj)
		}
		doc.Clusters = append(doc.Clusters, cj)
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", " ")
	if err := enc.Encode(doc); err != nil {
		panic(err) // only plain types: cannot fail
	}
	return b.Bytes()
}

type sitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

type urlset struct {
	XMLName xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []sitemapURL `xml:"url"`
}

// sitemap lists every page but 404.html. Locations are absolute with
// base_url; without it they are relative to the site root, which crawlers
// resolve against the sitemap's own URL.
func (s *Site) sitemap(pages []Page) []byte {
	var set urlset
	for _, p := range pages {
		if p.Template == "404" {
			continue
		}
		url := strings.TrimSuffix(p.Path, "index.html")
		set.URLs = append(set.URLs, sitemapURL{Loc: s.absURL(url), LastMod: s.lastMod(p).String()})
	}
	out, err := xml.MarshalIndent(set, "", " ")
	if err != nil {
		panic(err)
	}
	return append(append([]byte(xml.Header), out...), '\n')
}

// lastMod is the date a page's content last changed: the newest assessment
// for cluster and report pages, the build date for listings.
func (s *Site) lastMod(p Page) model.Date {
	switch d := p.Data.(type) {
	case *ClusterPage:
		return d.Cluster.Latest().Date
	case *ReportPage:
		return d.Report.Date
	}
	return s.Today
}

func (s *Site) robots() []byte {
	var b strings.Builder
	b.WriteString("User-agent: *\nAllow: /\n")
	if s.Config.BaseURL != "" {
		fmt.Fprintf(&b, "Sitemap: %ssitemap.xml\n", s.Config.BaseURL)
	}
	return []byte(b.String())
}
