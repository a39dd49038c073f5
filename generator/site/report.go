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
	Summary         string  // Markdown
	Recommendations string  // Markdown
	Areas           []*AreaRows
	// Reported and Total count the indicators with a value and all of
	// them.
	Reported, Total int
}

// AreaRows are one area's indicators in a report.
type AreaRows struct {
	ID    string
	Title string
	Rows  []*IndicatorRow
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
	// Value is the formatted value, unit included.
	Value string
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
	// Percentile is the share of the group at or below the value.
	Percentile float64
	// Median formatted for the indicator's kind.
	Median string
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
	for _, area := range a.Methodology.Areas {
		ar := &AreaRows{ID: area.ID, Title: area.Title}
		for _, ind := range area.Indicators {
			row := newIndicatorRow(s, c.Portfolio, ind, a.Values)
			if row.Reported {
				r.Reported++
			}
			r.Total++
			ar.Rows = append(ar.Rows, row)
		}
		r.Areas = append(r.Areas, ar)
	}
	return r
}

func newIndicatorRow(s *Site, portfolio string, ind *model.Indicator, values map[string]model.Value) *IndicatorRow {
	row := &IndicatorRow{ID: ind.ID, Title: ind.Title, Kind: ind.Kind, Unit: ind.Unit, Help: ind.Help}
	v, ok := values[ind.ID]
	if !ok {
		return row
	}
	row.Reported = true
	row.Value = s.format.value(ind, v)
	if !ind.Kind.Numeric() {
		return row
	}
	row.Num = v.Num
	if sum, ok := s.Stats.All(ind.ID); ok {
		pct, _ := s.Stats.PercentileAll(ind.ID, v.Num)
		row.All = s.comparison(ind, sum, v.Num, pct)
	}
	if portfolio == "" {
		return row
	}
	if sum, ok := s.Stats.Portfolio(portfolio, ind.ID); ok {
		pct, _ := s.Stats.PercentilePortfolio(portfolio, ind.ID, v.Num)
		row.Portfolio = s.comparison(ind, sum, v.Num, pct)
	}
	return row
}

func (s *Site) comparison(ind *model.Indicator, sum stats.Summary, v, pct float64) Comparison {
	return Comparison{Shown: true, Summary: sum, Position: sum.Position(v), Percentile: pct, Median: s.format.kindNumber(ind.Kind, sum.Median)}
}
