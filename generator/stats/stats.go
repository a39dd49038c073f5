// Package stats computes the portfolio statistics that set a cluster's
// indicator values against the other benchmarked clusters. It is pure: no
// I/O, no mutation of its input.
//
// What is counted:
//
//   - Only the latest assessment of each cluster (the last of
//     Cluster.Assessments), and only the indicators it reports; an older
//     assessment's value never stands in for a missing one.
//   - Only assessments published in full: a cluster whose latest
//     assessment is published as profile only counts in no group. Its
//     values would otherwise be published: the minimum and maximum of a
//     group are values of single clusters, and so are the quartiles of a
//     group of five (type 7 interpolation hits x[1], x[2] and x[3]), where
//     subtracting the four published values gives the fifth.
//   - Only indicators whose kind, looked up in the assessment's own
//     Methodology, is numeric (model.Kind.Numeric). Values of unknown
//     indicators, of assessments without a methodology and non-finite
//     values (NaN, ±Inf) are ignored.
//
// Every indicator is summarised over all clusters and within each
// comparative portfolio (Cluster.Portfolio); clusters without a portfolio
// count only in the group of all clusters.
//
// A Summary gives n, minimum, lower quartile, median, upper quartile and
// maximum. Quartiles use linear interpolation between closest ranks
// (Hyndman and Fan's type 7, the default of R's quantile and NumPy's
// percentile): for n sorted values x[0..n-1] and p in {0.25, 0.5, 0.75},
// h = (n-1)p and Q = x[⌊h⌋] + (h-⌊h⌋)(x[⌊h⌋+1]-x[⌊h⌋]).
//
// No statistic is published for a group smaller than the minimum group size
// (config.Statistics.MinGroupSize, five by default): All, Portfolio and the
// percentiles report ok = false for it, and Suppressed lists it so that
// check can warn.
//
// Compute sorts the values of each portfolio once and merges the sorted
// portfolios into the group of all clusters: O(n log n) in the number of
// values. Update gives the statistics of a set of clusters that differs
// from the last by a few, editing only the groups those count in.
package stats

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"clustersite/generator/model"
)

// Summary is the distribution of one indicator in one group.
type Summary struct {
	N                        int
	Min, Q1, Median, Q3, Max float64
}

// Stats holds the summaries for every numeric indicator, for all clusters
// and per portfolio. The zero or nil *Stats holds no data.
type Stats struct {
	minGroup int
	groups   map[groupKey]*group
}

// groupKey names a group; portfolio "" is all clusters.
type groupKey struct{ portfolio, indicator string }

// Group names one distribution: an indicator among all clusters (Portfolio
// "") or within one portfolio, with its number of values.
type Group struct {
	Portfolio, Indicator string
	N                    int
}

// group is the data of one distribution.
type group struct {
	sorted  []float64 // ascending
	summary Summary
}

// Compute summarises, for every indicator of a numeric kind, the values of
// the latest assessment of every cluster, over all clusters and over each
// portfolio. Groups with fewer than minGroup values are kept but reported
// as suppressed.
func Compute(clusters []*model.Cluster, minGroup int) *Stats {
	c := newCollector()
	for _, cl := range clusters {
		c.addLatestOf(cl)
	}
	return c.stats(minGroup)
}

// collector gathers the values for Compute. It resolves a cluster's
// portfolio once per cluster and the numeric indicators once per
// methodology, so that adding a value costs one map lookup.
type collector struct {
	// columns by indicator ID.
	columns map[string]*column
	// numeric holds, for each methodology seen, its numeric indicators'
	// columns by indicator ID.
	numeric map[*model.Methodology]map[string]*column
	// portfolios numbers the portfolios seen: the index into
	// portfolioNames and column.byPortfolio.
	portfolios     map[string]int
	portfolioNames []string
}

// column holds the values of one indicator, unsorted until stats.
type column struct {
	byPortfolio      [][]float64 // by collector.portfolios index
	withoutPortfolio []float64
}

func newCollector() *collector {
	return &collector{
		columns:    make(map[string]*column),
		numeric:    make(map[*model.Methodology]map[string]*column),
		portfolios: make(map[string]int),
	}
}

// addLatestOf adds the usable values of cl's latest assessment.
func (c *collector) addLatestOf(cl *model.Cluster) {
	a := cl.Latest()
	if a == nil || a.Methodology == nil || !a.Full() {
		return
	}
	numeric := c.numericColumnsOf(a.Methodology)
	portfolio := c.portfolioIndex(cl.Portfolio)
	for id, v := range a.Values.All() {
		if col := numeric[id]; col != nil && finite(v.Num) {
			col.add(portfolio, value(v.Num))
		}
	}
}

// numericColumnsOf returns the columns of m's numeric indicators by ID.
func (c *collector) numericColumnsOf(m *model.Methodology) map[string]*column {
	if cols, ok := c.numeric[m]; ok {
		return cols
	}
	cols := make(map[string]*column)
	for _, ind := range m.Indicators() {
		if ind.Kind.Numeric() {
			cols[ind.ID] = c.column(ind.ID)
		}
	}
	c.numeric[m] = cols
	return cols
}

func (c *collector) column(indicatorID string) *column {
	col := c.columns[indicatorID]
	if col == nil {
		col = &column{}
		c.columns[indicatorID] = col
	}
	return col
}

// portfolioIndex numbers portfolio; -1 for none.
func (c *collector) portfolioIndex(portfolio string) int {
	if portfolio == "" {
		return -1
	}
	i, ok := c.portfolios[portfolio]
	if !ok {
		i = len(c.portfolioNames)
		c.portfolios[portfolio] = i
		c.portfolioNames = append(c.portfolioNames, portfolio)
	}
	return i
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// value is v as a group holds it: -0 as 0. Sorting cannot order the two,
// which compare equal, so a group holding both would give a minimum or
// quartile of either sign depending on the order clusters were added in;
// Update must give what Compute gives.
func value(v float64) float64 {
	if v == 0 {
		return 0
	}
	return v
}

// add adds v within the portfolio of that index, or without a portfolio
// for -1.
func (col *column) add(portfolio int, v float64) {
	if portfolio < 0 {
		col.withoutPortfolio = append(col.withoutPortfolio, v)
		return
	}
	if portfolio >= len(col.byPortfolio) {
		col.byPortfolio = slices.Grow(col.byPortfolio, portfolio+1-len(col.byPortfolio))[:portfolio+1]
	}
	col.byPortfolio[portfolio] = append(col.byPortfolio[portfolio], v)
}

// stats sorts and summarises every group with data. Each portfolio's
// values are sorted once; the group of all clusters merges them with the
// sorted values of clusters without a portfolio.
func (c *collector) stats(minGroup int) *Stats {
	s := &Stats{minGroup: minGroup, groups: make(map[groupKey]*group)}
	for id, col := range c.columns {
		var runs [][]float64
		for i, values := range col.byPortfolio {
			slices.Sort(values)
			s.keep(groupKey{c.portfolioNames[i], id}, values)
			runs = append(runs, values)
		}
		slices.Sort(col.withoutPortfolio)
		s.keep(groupKey{indicator: id}, mergeSorted(append(runs, col.withoutPortfolio)))
	}
	return s
}

// keep stores the group of the ascending values with its summary, unless
// there are none.
func (s *Stats) keep(key groupKey, sorted []float64) {
	if len(sorted) == 0 {
		return
	}
	s.groups[key] = &group{sorted: sorted, summary: summarise(sorted)}
}

// mergeSorted merges ascending runs into one ascending slice, halving
// recursively: O(n log k) for n values in k runs. The runs are not changed;
// a single run is returned as it is.
func mergeSorted(runs [][]float64) []float64 {
	switch len(runs) {
	case 0:
		return nil
	case 1:
		return runs[0]
	}
	half := len(runs) / 2
	return mergeTwo(mergeSorted(runs[:half]), mergeSorted(runs[half:]))
}

// mergeTwo merges two ascending slices into a new one.
func mergeTwo(a, b []float64) []float64 {
	out := make([]float64, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if b[0] < a[0] {
			out, b = append(out, b[0]), b[1:]
		} else {
			out, a = append(out, a[0]), a[1:]
		}
	}
	return append(append(out, a...), b...)
}

// summarise describes sorted, which must be ascending and non-empty.
func summarise(sorted []float64) Summary {
	return Summary{
		N:      len(sorted),
		Min:    sorted[0],
		Q1:     quantile(sorted, 0.25),
		Median: quantile(sorted, 0.5),
		Q3:     quantile(sorted, 0.75),
		Max:    sorted[len(sorted)-1],
	}
}

// quantile is the p-quantile of the ascending, non-empty sorted by linear
// interpolation between closest ranks (Hyndman–Fan type 7).
func quantile(sorted []float64, p float64) float64 {
	h := float64(len(sorted)-1) * p
	lo := int(h)
	if lo+1 >= len(sorted) {
		return sorted[lo]
	}
	return sorted[lo] + (h-float64(lo))*(sorted[lo+1]-sorted[lo])
}

// published returns the group if it has at least minGroup values, or nil.
func (s *Stats) published(portfolio, indicatorID string) *group {
	if s == nil {
		return nil
	}
	g := s.groups[groupKey{portfolio, indicatorID}]
	if g == nil || len(g.sorted) < s.minGroup {
		return nil
	}
	return g
}

// All returns the summary over all clusters; ok is false when there is no
// data or the group is smaller than the minimum group size (never publish
// it then).
func (s *Stats) All(indicatorID string) (sum Summary, ok bool) {
	return s.summaryOf(s.published("", indicatorID))
}

// Portfolio returns the summary within one portfolio, with the same ok rule
// as All. The empty portfolio holds nothing: ok is false.
func (s *Stats) Portfolio(portfolio, indicatorID string) (sum Summary, ok bool) {
	if portfolio == "" {
		return Summary{}, false
	}
	return s.summaryOf(s.published(portfolio, indicatorID))
}

func (s *Stats) summaryOf(g *group) (Summary, bool) {
	if g == nil {
		return Summary{}, false
	}
	return g.summary, true
}

// PercentileAll returns the share (0 to 100) of values among all clusters
// that are less than or equal to v, with the same ok rule as All; ok is also
// false for a NaN v.
func (s *Stats) PercentileAll(indicatorID string, v float64) (float64, bool) {
	return percentileIn(s.published("", indicatorID), v)
}

// PercentilePortfolio returns the share (0 to 100) of values within the
// portfolio that are less than or equal to v, with the same ok rule as
// Portfolio; ok is also false for a NaN v.
func (s *Stats) PercentilePortfolio(portfolio, indicatorID string, v float64) (float64, bool) {
	if portfolio == "" {
		return 0, false
	}
	return percentileIn(s.published(portfolio, indicatorID), v)
}

func percentileIn(g *group, v float64) (float64, bool) {
	if g == nil || math.IsNaN(v) {
		return 0, false
	}
	return 100 * float64(countAtMost(g.sorted, v)) / float64(len(g.sorted)), true
}

// countAtMost returns how many of the ascending sorted are <= v: a binary
// search written out, as every indicator row of every report asks twice.
func countAtMost(sorted []float64, v float64) int {
	lo, hi := 0, len(sorted)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if sorted[mid] <= v {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// Suppressed lists the groups that have data but fewer values than the
// minimum group size, sorted by portfolio (all clusters, "", first), then
// indicator: for check warnings.
func (s *Stats) Suppressed() []Group {
	if s == nil {
		return nil
	}
	var out []Group
	for key, g := range s.groups {
		if n := len(g.sorted); n < s.minGroup {
			out = append(out, Group{Portfolio: key.portfolio, Indicator: key.indicator, N: n})
		}
	}
	slices.SortFunc(out, func(a, b Group) int {
		return cmp.Or(cmp.Compare(a.Portfolio, b.Portfolio), cmp.Compare(a.Indicator, b.Indicator))
	})
	return out
}

// Position says where a value stands in a distribution.
type Position int

// Positions from lowest to highest.
const (
	BelowQ1    Position = iota // v < Q1
	Q1ToMedian                 // Q1 <= v < Median
	MedianToQ3                 // Median <= v <= Q3
	AboveQ3                    // v > Q3
)

// String is short English text: "lowest quarter", "second quarter", "third
// quarter", "top quarter".
func (p Position) String() string {
	switch p {
	case BelowQ1:
		return "lowest quarter"
	case Q1ToMedian:
		return "second quarter"
	case MedianToQ3:
		return "third quarter"
	case AboveQ3:
		return "top quarter"
	}
	return fmt.Sprintf("Position(%d)", int(p))
}

// Position says in which quarter of the distribution v falls. The bounds
// are checked from the bottom, so when quartiles coincide a value equal to
// them lands in the higher quarter the rules allow (v == Q1 == Median is
// MedianToQ3).
func (s Summary) Position(v float64) Position {
	switch {
	case v < s.Q1:
		return BelowQ1
	case v < s.Median:
		return Q1ToMedian
	case v <= s.Q3:
		return MedianToQ3
	default:
		return AboveQ3
	}
}
