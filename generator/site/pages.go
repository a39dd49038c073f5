package site

import (
	"fmt"
	"strings"

	"clustersite/generator/model"
	"clustersite/generator/slug"
)

// Page is one HTML file to render.
type Page struct {
	// Path of the output file, slash-separated: "clusters/qoot/index.html".
	Path string
	// Template is the page kind: "directory", "cluster", "report", "list",
	// "groups" or "404".
	Template string
	// Data is the page's typed data: one of the *Page types below.
	Data any
}

// Frame is what every page knows about itself and the site; page data types
// embed it so templates reach .Root, .Title and .Site on any page.
type Frame struct {
	Site *Site
	// Title of the page, without the site title.
	Title Text
	// Description for search engines and link previews; every page has
	// one.
	Description Text
	// OGType is the Open Graph type: "website", or "article" for reports.
	OGType string
	// URL of the page, site-relative: "" for the home page,
	// "clusters/qoot/" for a cluster.
	URL string
	// Root leads from the page to the site root: "", "../", "../../"; the
	// 404 page, served at any depth, uses base_url or "/".
	Root string
	// Section highlights the navigation entry: "directory", "countries",
	// "labels", "portfolios".
	Section string
}

// Canonical returns the page's absolute URL, or "" without base_url.
func (f *Frame) Canonical() string {
	if f.Site.Config.BaseURL == "" {
		return ""
	}
	return f.Site.Config.BaseURL + f.URL
}

// Abs returns the absolute URL of a site-relative one, or "" without
// base_url: for print, where a relative link means nothing.
func (f *Frame) Abs(rel string) string {
	if f.Site.Config.BaseURL == "" {
		return ""
	}
	return f.Site.Config.BaseURL + rel
}

// FeedURL returns the absolute URL of the Atom feed, or "" when there is
// none (without base_url).
func (f *Frame) FeedURL() string {
	if f.Site.Config.BaseURL == "" {
		return ""
	}
	return f.Site.Config.BaseURL + FeedPath
}

// Nav is what the site's navigation shows of a page: the way to the
// root, the section to highlight and whether the page is that section's
// own first page. Pages alike in these have the same navigation, so
// templates may render it once for all of them ({{cached "nav" .Nav}}).
type Nav struct {
	Root    string
	Section string
	// Index is set on the directory's home page and on the first page of
	// countries, labels, portfolios and open data.
	Index bool
}

// sectionIndex is the URL of each section's first page.
var sectionIndex = map[string]string{"directory": "", "countries": "countries/", "labels": "labels/", "portfolios": "portfolios/", "data": DataURL}

// Nav returns the page's Nav.
func (f *Frame) Nav() Nav {
	index, ok := sectionIndex[f.Section]
	return Nav{Root: f.Root, Section: f.Section, Index: ok && f.URL == index}
}

func (s *Site) frame(url string, title Text, section string) Frame {
	return Frame{Site: s, Title: title, URL: url, Root: strings.Repeat("../", strings.Count(url, "/")), Section: section, OGType: "website"}
}

// Listing is one page of a paginated list of clusters.
type Listing struct {
	Clusters []*Cluster
	// Total clusters in the whole list; First is the 1-based number of the
	// first one on this page.
	Total, First int
	// Page is 1-based; Pages the number of pages.
	Page, Pages int
	// PageURLs are the site-relative URLs of every page of the list.
	PageURLs []string
}

// Prev and Next return the URLs of the neighbouring pages, or "".
func (l *Listing) Prev() string { return l.pageURL(l.Page - 1) }
func (l *Listing) Next() string { return l.pageURL(l.Page + 1) }

func (l *Listing) pageURL(n int) string {
	if n < 1 || n > l.Pages {
		return ""
	}
	return l.PageURLs[n-1]
}

// DirectoryPage is the home page and its continuation pages.
type DirectoryPage struct {
	Frame
	Listing
	// SearchIndex and SearchSectors are the site-relative paths of the
	// two files of the search index that the home page's script loads.
	SearchIndex, SearchSectors string
	// Facets of the search form, in display order.
	Facets []*Facet
}

// Facet is a filter of the directory search: one URL query parameter
// that may be repeated, shown as a fieldset of checkboxes.
type Facet struct {
	// Param is the query parameter: "country", "label", "portfolio" or
	// "status".
	Param string
	// Legend is the English title, translated by the template.
	Legend string
	Values []FacetValue
}

// FacetValue is one checkbox of a facet.
type FacetValue struct {
	// Value in the URL: "DE", "gold", "food-industry", "valid".
	Value string
	// Name shown: "Germany", "Gold", "Food industry", "Valid".
	Name string
	// Count of clusters in the whole directory; the script updates it.
	Count int
}

// facets returns the search facets with their counts in the whole
// directory.
func (s *Site) facets() []*Facet {
	values := func(groups []*Group, value func(*Group) string) []FacetValue {
		vs := make([]FacetValue, len(groups))
		for i, g := range groups {
			vs[i] = FacetValue{Value: value(g), Name: g.Name, Count: len(g.Clusters)}
		}
		return vs
	}
	key := func(g *Group) string { return g.Key }
	return []*Facet{
		{Param: "country", Legend: "Country", Values: values(s.Countries, key)},
		{Param: "label", Legend: "Label", Values: values(s.Labels, key)},
		{Param: "portfolio", Legend: "Portfolio", Values: values(s.Portfolios, func(g *Group) string { return slug.Make(g.Key) })},
		{Param: "status", Legend: "Status", Values: values(s.StatusCounts, key)},
	}
}

// ListPage is a browse page of one country, label or portfolio.
type ListPage struct {
	Frame
	Listing
	Group *Group
	// GroupKind is "country", "label" or "portfolio".
	GroupKind string
	// Parent is the title of the page listing every group of the kind.
	Parent Text
}

// GroupsPage lists every country, label or portfolio.
type GroupsPage struct {
	Frame
	Groups []*Group
	// GroupKind is "country", "label" or "portfolio".
	GroupKind string
}

// ClusterPage is a cluster's page.
type ClusterPage struct {
	Frame
	Cluster *Cluster
	// Latest is the newest report published in full, or nil.
	Latest *Report
}

// ReportPage is the report of one assessment.
type ReportPage struct {
	Frame
	Cluster *Cluster
	Report  *Report
}

// DataPage documents the open data files: data/.
type DataPage struct {
	Frame
	// Files are the data files written, in the order the page lists them.
	Files []DataFile
	// Columns are the indicator columns of assessments.csv.
	Columns []*DataColumn
}

// NotFoundPage is 404.html.
type NotFoundPage struct {
	Frame
}

// Pages lists every HTML page of the site in a fixed order.
func (s *Site) Pages() []Page {
	pages := s.directoryPages()
	for _, c := range s.Clusters {
		pages = append(pages, s.clusterPages(c)...)
	}
	for _, kind := range browseKinds {
		pages = append(pages, s.browsePages(kind)...)
	}
	return append(pages, s.dataPage(), s.notFoundPage())
}

// Page returns the page of Pages at the output path p, making only the
// pages of its part of the site (its first path segment): the dev server
// renders the page asked for right after a reload, and listing every page
// takes tens of milliseconds at 10,000 clusters. Each part is made by the
// very function Pages uses for it, so both give the same pages.
func (s *Site) Page(p string) (Page, bool) {
	first, rest, _ := strings.Cut(p, "/")
	var part []Page
	switch first {
	case "clusters":
		id, _, _ := strings.Cut(rest, "/")
		if c := s.clusterByID(id); c != nil {
			part = s.clusterPages(c)
		}
	case "data":
		part = []Page{s.dataPage()}
	case "404.html":
		part = []Page{s.notFoundPage()}
	default:
		part = s.directoryPages()
		for _, kind := range browseKinds {
			if first == strings.TrimSuffix(kind.base, "/") {
				part = s.browsePages(kind)
			}
		}
	}
	for _, page := range part {
		if page.Path == p {
			return page, true
		}
	}
	return Page{}, false
}

// clusterByID finds a cluster by a scan of the ids: tens of microseconds
// at 10,000 clusters.
func (s *Site) clusterByID(id string) *Cluster {
	for _, c := range s.Clusters {
		if c.ID == id {
			return c
		}
	}
	return nil
}

// directoryPages are the home page and its continuation pages.
func (s *Site) directoryPages() []Page {
	index, facets := s.search(), s.facets()
	return s.listing("", "directory", Verbatim(s.Config.Title), "directory", s.Clusters, func(f Frame, l Listing) any {
		return &DirectoryPage{Frame: f, Listing: l, SearchIndex: index.Index.Path, SearchSectors: index.Sectors.Path, Facets: facets}
	})
}

// clusterPages are the page of c and those of its reports published in
// full.
func (s *Site) clusterPages(c *Cluster) []Page {
	pages := []Page{s.clusterPage(c)}
	for _, r := range c.Reports {
		if r.Full {
			pages = append(pages, s.reportPage(r))
		}
	}
	return pages
}

// browseKind is one kind of browse pages.
type browseKind struct {
	base               string
	title, description Text
	kind, section      string
	groups             func(*Site) []*Group
}

// browseKinds are the browse pages in the order Pages lists them.
var browseKinds = []browseKind{
	{"countries/", msg("Countries"), msg("Labelled clusters by country."), "country", "countries", func(s *Site) []*Group { return s.Countries }},
	{"labels/", msg("Labels"), msg("Labelled clusters by label level."), "label", "labels", func(s *Site) []*Group { return s.Labels }},
	{"portfolios/", msg("Portfolios"), msg("Labelled clusters by comparative portfolio."), "portfolio", "portfolios", func(s *Site) []*Group { return s.Portfolios }},
}

func (s *Site) browsePages(k browseKind) []Page {
	return s.browse(k.base, k.title, k.description, k.kind, k.section, k.groups(s))
}

// dataPage documents the open data files.
func (s *Site) dataPage() Page {
	df := s.frame(DataURL, msg("Open data"), "data")
	df.Description = msg("The directory as open data: clusters.csv, clusters.json and assessments.csv, licence %s.", s.Config.Licence)
	return Page{Path: DataURL + "index.html", Template: "data", Data: &DataPage{Frame: df, Files: s.dataFiles(), Columns: s.DataColumns}}
}

// notFoundPage is 404.html.
func (s *Site) notFoundPage() Page {
	nf := s.frame("404.html", msg("Page not found"), "")
	nf.Description = msg("There is no page at this address.")
	nf.Root = s.Config.BaseURL
	if nf.Root == "" {
		nf.Root = "/"
	}
	return Page{Path: "404.html", Template: "404", Data: &NotFoundPage{Frame: nf}}
}

// clusterPage is the page of c.
func (s *Site) clusterPage(c *Cluster) Page {
	f := s.frame(c.URL, Verbatim(c.Name), "directory")
	f.Description = msg("%s (%s): %s label, %s.", c.Name, c.CountryName, c.Label, statusPhrase(c))
	return Page{Path: c.URL + "index.html", Template: "cluster", Data: &ClusterPage{Frame: f, Cluster: c, Latest: c.LatestFull()}}
}

// reportPage is the page of r, a report published in full.
func (s *Site) reportPage(r *Report) Page {
	c := r.Cluster
	f := s.frame(r.URL, msg("%s: report of %s", c.Name, r.Date), "directory")
	f.Description = msg("Benchmarking report of %s, interview on %s, %s label.", c.Name, r.Date, r.Label)
	f.OGType = "article"
	return Page{Path: r.URL + "index.html", Template: "report", Data: &ReportPage{Frame: f, Cluster: c, Report: r}}
}

func statusPhrase(c *Cluster) Text {
	if c.Status.InForce() {
		return msg("valid until %s", c.ValidUntil)
	}
	return msg("ended on %s", c.ValidUntil)
}

// browse returns the index page of a kind of group and a listing per group.
func (s *Site) browse(base string, title, description Text, kind, section string, groups []*Group) []Page {
	f := s.frame(base, title, section)
	f.Description = description
	pages := []Page{{Path: base + "index.html", Template: "groups", Data: &GroupsPage{Frame: f, Groups: groups, GroupKind: kind}}}
	for _, g := range groups {
		name := Verbatim(g.Name)
		if kind == "label" {
			name = msg("%s label", model.Label(g.Key))
		}
		pages = append(pages, s.listing(g.URL, "list", name, section, g.Clusters, func(f Frame, l Listing) any {
			return &ListPage{Frame: f, Listing: l, Group: g, GroupKind: kind, Parent: title}
		})...)
	}
	return pages
}

// listing cuts clusters into pages of Config.PageSize: the first at base,
// the others at base + "page/<n>/".
func (s *Site) listing(base, template string, title Text, section string, clusters []*Cluster, data func(Frame, Listing) any) []Page {
	size := s.Config.PageSize
	n := max(1, (len(clusters)+size-1)/size)
	urls := make([]string, n)
	for i := range urls {
		urls[i] = base
		if i > 0 {
			urls[i] = fmt.Sprintf("%spage/%d/", base, i+1)
		}
	}
	pages := make([]Page, n)
	for i := range pages {
		lo, hi := i*size, min(len(clusters), (i+1)*size)
		t := title
		if i > 0 {
			t = msg("%s, page %d of %d", title, i+1, n)
		}
		f := s.frame(urls[i], t, section)
		f.Description = msg("%s – labelled clusters: %d.", title, len(clusters))
		l := Listing{Clusters: clusters[lo:hi], Total: len(clusters), First: lo + 1, Page: i + 1, Pages: n, PageURLs: urls}
		pages[i] = Page{Path: urls[i] + "index.html", Template: template, Data: data(f, l)}
	}
	return pages
}
