package site

import (
	"clustersite/generator/label"
	"clustersite/generator/model"
	"clustersite/generator/stats"
)

// Report is the public view of one assessment. For an assessment published
// as "profile" only the label and its dates are filled: Full is false and
// every report field below stays empty, so no template can leak them.
type Report struct {
	Cluster *Cluster
	// Date of the interview.
	Date model.Date
	// Label awarded and the period it earned.
	Label      model.Label
	ValidUntil model.Date
	Renewal    bool
	// Full is true when the whole report is published.
	Full bool
	// URL of the report page, site-relative; "" when not published in full.
	URL string

	// Published only when Full:
	ReportID        string
	Expert          string
	Score           float64 // Gold only
	Methodology     string  // title
	MethodologyID   string
	Summary         string // Markdown
	Recommendations string // Markdown
	// Reported and Total count the indicators with a value and all of
	// them.
	Reported, Total int

	// site and a give Areas what it needs; a is nil unless Full.
	site *Site
	a    *model.Assessment
}

// Areas returns the indicator rows of a full report, area by area, in the
// methodology's order; nil for a profile report. The rows are worked out
// on each call rather than kept: they are most of a report's memory, and
// each page needs them once.
func (r *Report) Areas() []*AreaRows {
	if r.a == nil {
		return nil
	}
	// The areas, the rows and the pointers to them are three allocations
	// per report rather than one per row: a build works out 500,000 rows.
	areas := make([]*AreaRows, len(r.a.Methodology.Areas))
	areaRows := make([]AreaRows, len(r.a.Methodology.Areas))
	rows := make([]IndicatorRow, r.Total)
	ptrs := make([]*IndicatorRow, r.Total)
	i := 0
	for a, area := range r.a.Methodology.Areas {
		ar := &areaRows[a]
		ar.ID, ar.Title = area.ID, area.Title
		ar.Rows = ptrs[i : i : i+len(area.Indicators)]
		for _, ind := range area.Indicators {
			newIndicatorRow(&rows[i], r.site, r.Cluster.Portfolio, ind, r.a.Values)
			ar.Rows = append(ar.Rows, &rows[i])
			i++
		}
		areas[a] = ar
	}
	return areas
}

// AreaRows are one area's indicators in a report.
type AreaRows struct {
	ID    string
	Title string
	Rows  []*IndicatorRow
}

// Wide reports whether the row's value is text (a choice, a list of
// choices, free text) that has no comparison and no chart, so the value
// may take the width of those columns.
func (r *IndicatorRow) Wide() bool {
	switch r.Kind {
	case model.KindChoice, model.KindMultichoice, model.KindText:
		return true
	}
	return false
}

// Compared reports whether any row of the area has a published
// comparison, so that the area has distribution figures to show.
func (a *AreaRows) Compared() bool {
	for _, r := range a.Rows {
		if r.All.Shown || r.Portfolio.Shown {
			return true
		}
	}
	return false
}

// IndicatorRow is one indicator of a report with its value and where it
// stands in the comparison groups.
type IndicatorRow struct {
	ID    string
	Title string
	Kind  model.Kind
	Unit  string
	Help  string
	// Reported is false for "not reported".
	Reported bool
	// Value is the formatted value, unit included; for bool indicators
	// "yes" or "no", which templates translate.
	Value string
	// Raw is the value as open data gives it: numbers unformatted
	// ("1250000", "78.5"), bools "true" or "false", multichoice lists joined
	// with " | ".
	Raw string
	// Num is the numeric value (numeric kinds only).
	Num float64
	// All and Portfolio compare Num with all clusters and with the
	// cluster's comparative portfolio.
	All, Portfolio Comparison
}

// Comparison is where a value stands in one group.
type Comparison struct {
	// Shown is false when the group is too small to publish or the
	// indicator is not numeric.
	Shown   bool
	Summary stats.Summary
	// Position is the quarter of the distribution the value falls in.
	Position stats.Position
	// Min, Q1, Median, Q3 and Max of Summary formatted for the
	// indicator's kind, without unit.
	Min, Q1, Median, Q3, Max string
	// Group is the same for every row compared with one group of the site
	// and differs between groups; nil when not Shown, or rarely for a
	// group the site did not format in advance. Text worked out from a
	// group's figures (the median phrase of 13,000 reports' rows) can be
	// remembered by it, which is quicker than by the figures themselves.
	Group *ComparisonGroup

	// What Percentile needs: the default theme does not show it, and
	// working it out for every row (a binary search in up to 10,000
	// values per group) took 2 % of a build.
	stats                *stats.Stats
	portfolio, indicator string
	value                float64
}

// Percentile returns the share (0 to 100) of the group at or below the
// value; 0 when the group is not shown.
func (c Comparison) Percentile() float64 {
	if !c.Shown || c.stats == nil {
		return 0
	}
	var pct float64
	if c.portfolio == "" {
		pct, _ = c.stats.PercentileAll(c.indicator, c.value)
	} else {
		pct, _ = c.stats.PercentilePortfolio(c.portfolio, c.indicator, c.value)
	}
	return pct
}

// ComparisonGroup identifies one published comparison group of a site: an indicator
// among all clusters or in one portfolio, with its figures. A site keeps
// the ComparisonGroup of the site it was derived from when the group's figures did
// not change.
type ComparisonGroup struct {
	key groupKey // only the pointer's identity is used; this says which group it is when debugging
}

func newReport(s *Site, c *Cluster, a *model.Assessment, p label.Period) *Report {
	r := &Report{
		Cluster:    c,
		Date:       a.Date,
		Label:      a.Label,
		ValidUntil: p.End,
		Renewal:    p.Renewal,
		Full:       a.Full(),
	}
	if !r.Full {
		return r
	}
	r.URL = c.URL + a.Date.String() + "/"
	r.ReportID = a.ReportID
	r.Expert = a.Expert
	r.Score = a.Score
	r.Summary = a.Summary
	r.Recommendations = a.Recommendations
	r.Methodology = a.Methodology.Title
	r.MethodologyID = a.Methodology.ID
	r.site, r.a = s, a
	for _, area := range a.Methodology.Areas {
		r.Total += len(area.Indicators)
	}
	r.Reported = a.Values.Len() // the content package keeps only the methodology's indicators
	return r
}

func newIndicatorRow(row *IndicatorRow, s *Site, portfolio string, ind *model.Indicator, values model.Values) {
	*row = IndicatorRow{ID: ind.ID, Title: ind.Title, Kind: ind.Kind, Unit: ind.Unit, Help: ind.Help}
	v, ok := values.Of(ind)
	if !ok {
		return
	}
	row.Reported = true
	row.Value = s.format.value(ind, v)
	row.Raw = rawValue(ind.Kind, v)
	if !ind.Kind.Numeric() {
		return
	}
	row.Num = v.Num
	if sum, ok := s.Stats.All(ind.ID); ok {
		row.All = s.comparison(ind, "", sum, v.Num)
	}
	if portfolio == "" {
		return
	}
	if sum, ok := s.Stats.Portfolio(portfolio, ind.ID); ok {
		row.Portfolio = s.comparison(ind, portfolio, sum, v.Num)
	}
}

func (s *Site) comparison(ind *model.Indicator, portfolio string, sum stats.Summary, v float64) Comparison {
	c := s.summaryText(ind, portfolio, sum)
	c.Shown, c.Summary, c.Position = true, sum, sum.Position(v)
	c.stats, c.portfolio, c.indicator, c.value = s.Stats, portfolio, ind.ID, v
	return c
}

// groupKey names one comparison group: an indicator among all clusters
// (portfolio "") or in one portfolio. The kind is part of it because two
// methodologies may give one indicator id different kinds.
type groupKey struct {
	portfolio, indicator string
	kind                 model.Kind
}

// formatSummaries formats the five numbers of every published group
// once, in New: every report of the group shows the same ones, formatting
// numbers for a language is not cheap, and report rows are worked out
// while pages render, concurrently, so the map is only read after New.
// The text of a group whose numbers are those it had in last (nil, or the
// site Next derives s from) is taken from last.
func (s *Site) formatSummaries(methodologies map[string]*model.Methodology, last *Site) {
	s.summaries = map[groupKey]Comparison{}
	put := func(key groupKey, ind *model.Indicator, sum stats.Summary) {
		if c, ok := last.cachedSummary(key); ok && last.summaryOf(key) == sum {
			s.summaries[key] = c
			return
		}
		c := s.formatSummary(ind, sum)
		c.Group = &ComparisonGroup{key}
		s.summaries[key] = c
	}
	for _, m := range methodologies {
		for _, ind := range m.Indicators() {
			if !ind.Kind.Numeric() {
				continue
			}
			if sum, ok := s.Stats.All(ind.ID); ok {
				put(groupKey{"", ind.ID, ind.Kind}, ind, sum)
			}
			for _, g := range s.Portfolios {
				if sum, ok := s.Stats.Portfolio(g.Key, ind.ID); ok {
					put(groupKey{g.Key, ind.ID, ind.Kind}, ind, sum)
				}
			}
		}
	}
}

// cachedSummary returns the formatted numbers of a group, if s is not nil
// and published it.
func (s *Site) cachedSummary(key groupKey) (Comparison, bool) {
	if s == nil {
		return Comparison{}, false
	}
	c, ok := s.summaries[key]
	return c, ok
}

// summaryOf returns the summary of a comparison group.
func (s *Site) summaryOf(key groupKey) stats.Summary {
	if key.portfolio == "" {
		sum, _ := s.Stats.All(key.indicator)
		return sum
	}
	sum, _ := s.Stats.Portfolio(key.portfolio, key.indicator)
	return sum
}

// summaryText returns the group's five numbers formatted.
func (s *Site) summaryText(ind *model.Indicator, portfolio string, sum stats.Summary) Comparison {
	if c, ok := s.summaries[groupKey{portfolio, ind.ID, ind.Kind}]; ok {
		return c
	}
	return s.formatSummary(ind, sum)
}

func (s *Site) formatSummary(ind *model.Indicator, sum stats.Summary) Comparison {
	f := func(n float64) string { return s.format.kindNumber(ind.Kind, n) }
	return Comparison{Min: f(sum.Min), Q1: f(sum.Q1), Median: f(sum.Median), Q3: f(sum.Q3), Max: f(sum.Max)}
}
