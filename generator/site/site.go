// Package site derives the public site from the validated model: which
// clusters and assessments are published, their label standing on the build
// date, where each indicator stands against the portfolio statistics, and
// the list of pages and data files to write.
//
// It is the only place that decides what is public. Everything a template or
// data file can reach goes through the view types here (Cluster, Report,
// IndicatorRow), which copy from the model only what may be published:
// an assessment published as "profile" becomes a Report with its label and
// dates but no values, summary, recommendations or expert; drafts never
// reach the model unless the build asked for them.
//
// The open data (clusters.json, clusters.csv, assessments.csv), the sitemap
// and the choice of the feed's entries (Newest) are made here from the same
// views; the renderer writes the feed, because its text is in the site
// language. Page titles and descriptions are Text for the same reason.
//
// URLs in views are site-relative paths ending in "/" ("clusters/qoot/"),
// joined with a page's Root ("../../") by templates, so the output folder
// works from any path on any host.
//
// The dev server derives the site again after every change: Next gives
// what New gives, reusing the views of the clusters that did not change,
// and Page finds one page without listing them all.
package site

import (
	"cmp"
	"slices"
	"sync"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"clustersite/generator/config"
	"clustersite/generator/label"
	"clustersite/generator/model"
	"clustersite/generator/stats"
)

// Site is the derived, publishable directory.
type Site struct {
	// Config of the build, with base_url and today already resolved.
	Config config.Config
	// Today is the date statuses are judged on ("data as of").
	Today model.Date
	// Clusters that have at least one published assessment, sorted by name
	// in the site language's collation, then by ID.
	Clusters []*Cluster
	// Stats are the portfolio statistics (over the latest assessment of
	// each cluster, if published in full; see package stats), shown only
	// through Comparison.
	Stats *stats.Stats
	// Countries, Labels, Portfolios and StatusCounts group the clusters
	// for browse pages and facet counts.
	Countries    []*Group
	Labels       []*Group
	Portfolios   []*Group
	StatusCounts []*Group
	// Assessments is the number of published assessments.
	Assessments int
	// LabelsByCountry and LabelsByYear are the numbers of the directory's
	// charts: clusters by country and current label, labels awarded by
	// year.
	LabelsByCountry []*LabelCount
	LabelsByYear    []*LabelCount
	// DataColumns are the indicator columns of assessments.csv.
	DataColumns []*DataColumn
	// Lang is the interface language.
	Lang language.Tag

	format Formatter
	// summaries holds the formatted numbers of each published comparison
	// group, made in New and only read after.
	summaries map[groupKey]Comparison
	// search returns the search index, made once on first use.
	search func() SearchFiles
}

// Group is a set of clusters sharing a country, label, portfolio or status.
type Group struct {
	// Key is the code or value: "DE", "gold", "Food industry", "valid".
	Key string
	// Name is the display name: "Germany", "Gold", "Food industry".
	Name string
	// URL of the group's browse page ("" for statuses).
	URL string
	// Clusters in directory order.
	Clusters []*Cluster
}

// New derives the site from a loaded directory. today must be set.
func New(dir *model.Directory, cfg config.Config, today model.Date) *Site {
	lang := languageTag(cfg.Language)
	s := &Site{Config: cfg, Today: today, Lang: lang, format: NewFormatter(lang)}
	s.Stats = stats.Compute(dir.Clusters, cfg.Statistics.MinGroupSize)
	for _, mc := range dir.Clusters {
		if len(mc.Assessments) > 0 {
			s.Clusters = append(s.Clusters, s.newCluster(mc))
		}
	}
	sortByName(s.Clusters, lang)
	s.derive(dir, nil)
	return s
}

// newCluster derives the view of mc with its label standing.
func (s *Site) newCluster(mc *model.Cluster) *Cluster {
	return newCluster(s, mc, label.Evaluate(mc.Assessments, s.Config.Labels, s.Today))
}

// derive works out what depends on every cluster, once s.Clusters and
// s.Stats are there; last, when not nil, is the site Next derives s from.
func (s *Site) derive(dir *model.Directory, last *Site) {
	for i, c := range s.Clusters {
		c.Rank = i
		s.Assessments += len(c.Reports)
	}
	s.group()
	s.formatSummaries(dir.Methodologies, last)
	s.LabelsByCountry = labelsByCountry(s.Countries)
	s.LabelsByYear = labelsByYear(s.Clusters)
	s.DataColumns = dataColumns(s.Clusters)
	s.search = sync.OnceValue(s.SearchIndex)
}

// sortByName orders clusters as a reader of the language expects
// ("Ærø" with the A's in Danish, accents ignored at first level in English),
// with the ID as the final tie-break so the order never depends on input
// order.
func sortByName(cs []*Cluster, lang language.Tag) {
	col := collate.New(lang, collate.IgnoreCase, collate.Loose)
	var buf collate.Buffer
	for _, c := range cs {
		if c.sortKey == nil {
			c.sortKey = slices.Clone(col.KeyFromString(&buf, c.Name))
			buf.Reset()
		}
	}
	slices.SortFunc(cs, byName)
}

// byName is the order of sortByName, once the keys are there.
func byName(a, b *Cluster) int {
	return cmp.Or(slices.Compare(a.sortKey, b.sortKey), cmp.Compare(a.ID, b.ID))
}
