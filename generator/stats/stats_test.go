package stats

import (
	"fmt"
	"maps"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"clustersite/generator/config"
	"clustersite/generator/model"
)

// newMethodology returns an indexed methodology with one area holding an
// indicator per id, of the given kind.
func newMethodology(id string, kinds map[string]model.Kind) *model.Methodology {
	area := &model.Area{ID: "area"}
	for _, ind := range slices.Sorted(maps.Keys(kinds)) {
		area.Indicators = append(area.Indicators, &model.Indicator{ID: ind, Kind: kinds[ind]})
	}
	m := &model.Methodology{ID: id, Areas: []*model.Area{area}}
	m.Index()
	return m
}

// testMethodology has one indicator of every kind, named after the kind.
var testMethodology = newMethodology("test", map[string]model.Kind{
	"count": model.KindCount, "percent": model.KindPercent, "money": model.KindMoney,
	"year": model.KindYear, "number": model.KindNumber, "bool": model.KindBool,
	"choice": model.KindChoice, "multichoice": model.KindMultichoice, "text": model.KindText,
})

// assessed returns a full assessment of testMethodology reporting the
// given numeric values.
func assessed(values map[string]float64) *model.Assessment {
	a := &model.Assessment{Methodology: testMethodology, Publish: model.PublishFull}
	for id, v := range values {
		a.Values.Put(testMethodology, id, model.Value{Num: v})
	}
	return a
}

func cluster(id, portfolio string, assessments ...*model.Assessment) *model.Cluster {
	c := &model.Cluster{ID: id, Portfolio: portfolio, Assessments: assessments}
	for _, a := range assessments {
		a.Cluster = c
	}
	return c
}

// clustersReporting returns one cluster per value, each in portfolio,
// reporting the value for indicator "count".
func clustersReporting(portfolio string, values ...float64) []*model.Cluster {
	cs := make([]*model.Cluster, len(values))
	for i, v := range values {
		cs[i] = cluster(fmt.Sprintf("%s-%d", portfolio, i), portfolio, assessed(map[string]float64{"count": v}))
	}
	return cs
}

func TestComputeQuartilesAreType7(t *testing.T) {
	tests := []struct {
		name   string
		values []float64
		want   Summary
	}{
		{"n=1", []float64{7}, Summary{N: 1, Min: 7, Q1: 7, Median: 7, Q3: 7, Max: 7}},
		{"n=2", []float64{20, 10}, Summary{N: 2, Min: 10, Q1: 12.5, Median: 15, Q3: 17.5, Max: 20}},
		{"n=3 all equal", []float64{-5, -5, -5}, Summary{N: 3, Min: -5, Q1: -5, Median: -5, Q3: -5, Max: -5}},
		{"n=4", []float64{4, 1, 3, 2}, Summary{N: 4, Min: 1, Q1: 1.75, Median: 2.5, Q3: 3.25, Max: 4}},
		{"n=5 odd, quartiles on ranks", []float64{30, 4, 2, 5, 4}, Summary{N: 5, Min: 2, Q1: 4, Median: 4, Q3: 5, Max: 30}},
		{"n=6 even", []float64{6, 5, 4, 3, 2, 1}, Summary{N: 6, Min: 1, Q1: 2.25, Median: 3.5, Q3: 4.75, Max: 6}},
		{"n=7 odd, quartiles between ranks", []float64{70, 10, 60, 20, 50, 30, 40}, Summary{N: 7, Min: 10, Q1: 25, Median: 40, Q3: 55, Max: 70}},
		{"n=8 even, uneven gaps", []float64{128, 1, 64, 2, 32, 4, 16, 8}, Summary{N: 8, Min: 1, Q1: 3.5, Median: 12, Q3: 40, Max: 128}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Compute(clustersReporting("ICT", tt.values...), 1)
			if got, ok := s.All("count"); !ok || got != tt.want {
				t.Errorf("All = %+v, %t; want %+v, true", got, ok, tt.want)
			}
			if got, ok := s.Portfolio("ICT", "count"); !ok || got != tt.want {
				t.Errorf("Portfolio = %+v, %t; want %+v, true", got, ok, tt.want)
			}
		})
	}
}

func TestComputeSuppressesGroupsBelowMinGroup(t *testing.T) {
	const minGroup = 5
	tests := []struct {
		name      string
		n         int
		published bool
	}{
		{"minGroup-1 values are suppressed", minGroup - 1, false},
		{"minGroup values are published", minGroup, true},
		{"minGroup+1 values are published", minGroup + 1, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			values := make([]float64, tt.n)
			for i := range values {
				values[i] = float64(i)
			}
			s := Compute(clustersReporting("ICT", values...), minGroup)
			_, allOK := s.All("count")
			_, portfolioOK := s.Portfolio("ICT", "count")
			_, pAllOK := s.PercentileAll("count", 1)
			_, pPortfolioOK := s.PercentilePortfolio("ICT", "count", 1)
			for what, ok := range map[string]bool{"All": allOK, "Portfolio": portfolioOK, "PercentileAll": pAllOK, "PercentilePortfolio": pPortfolioOK} {
				if ok != tt.published {
					t.Errorf("%s ok = %t, want %t", what, ok, tt.published)
				}
			}
			var want []Group
			if !tt.published {
				want = []Group{{Portfolio: "", Indicator: "count", N: tt.n}, {Portfolio: "ICT", Indicator: "count", N: tt.n}}
			}
			if got := s.Suppressed(); !slices.Equal(got, want) {
				t.Errorf("Suppressed = %v, want %v", got, want)
			}
		})
	}
}

func TestSuppressedIsSortedByPortfolioThenIndicator(t *testing.T) {
	var clusters []*model.Cluster
	clusters = append(clusters, cluster("a", "ICT", assessed(map[string]float64{"percent": 1, "count": 2})))
	clusters = append(clusters, cluster("b", "Food industry", assessed(map[string]float64{"year": 2001})))
	clusters = append(clusters, cluster("c", "", assessed(map[string]float64{"count": 3})))
	got := Compute(clusters, 5).Suppressed()
	want := []Group{
		{"", "count", 2}, {"", "percent", 1}, {"", "year", 1},
		{"Food industry", "year", 1},
		{"ICT", "count", 1}, {"ICT", "percent", 1},
	}
	if !slices.Equal(got, want) {
		t.Errorf("Suppressed = %v\nwant          %v", got, want)
	}
}

// TestComputeLeavesOutProfileAssessments: the maximum would be the
// profile-only cluster's value.
func TestComputeLeavesOutProfileAssessments(t *testing.T) {
	clusters := clustersReporting("ICT", 1, 2, 3)
	profile := assessed(map[string]float64{"count": 1000})
	profile.Publish = model.PublishProfile
	clusters = append(clusters, cluster("profile-only", "ICT", profile))
	// A profile assessment after a full one: the cluster counts nowhere,
	// as the older values never stand in for the latest.
	renewed := assessed(map[string]float64{"count": 2000})
	renewed.Publish = model.PublishProfile
	clusters = append(clusters, cluster("renewed", "ICT", assessed(map[string]float64{"count": 5}), renewed))
	s := Compute(clusters, 3)
	want := Summary{N: 3, Min: 1, Q1: 1.5, Median: 2, Q3: 2.5, Max: 3}
	if got, ok := s.Portfolio("ICT", "count"); !ok || got != want {
		t.Errorf("Portfolio = %+v, %t; want %+v, true", got, ok, want)
	}
}

func TestComputeCountsOnlyTheLatestAssessment(t *testing.T) {
	clusters := []*model.Cluster{
		cluster("renewed", "ICT",
			assessed(map[string]float64{"count": 1000, "money": 5000}),
			assessed(map[string]float64{"count": 1})),
		cluster("other", "ICT", assessed(map[string]float64{"count": 3})),
	}
	s := Compute(clusters, 1)
	want := Summary{N: 2, Min: 1, Q1: 1.5, Median: 2, Q3: 2.5, Max: 3}
	if got, ok := s.All("count"); !ok || got != want {
		t.Errorf("All(count) = %+v, %t; want %+v, true", got, ok, want)
	}
	// The older assessment's money value never stands in for the missing one.
	if got, ok := s.All("money"); ok {
		t.Errorf("All(money) = %+v, true; want no data", got)
	}
}

func TestComputeIgnoresNonNumericKinds(t *testing.T) {
	a := assessed(map[string]float64{"count": 1, "percent": 50, "money": 1e6, "year": 2010, "number": 2.5})
	a.Values.Put(testMethodology, "bool", model.Value{Bool: true})
	a.Values.Put(testMethodology, "choice", model.Value{Text: "monthly"})
	a.Values.Put(testMethodology, "multichoice", model.Value{List: []string{"events"}})
	a.Values.Put(testMethodology, "text", model.Value{Text: "award"})
	if a.Values.Put(testMethodology, "unknown", model.Value{Num: 7}) {
		t.Fatal("an indicator the methodology lacks was kept")
	}
	s := Compute([]*model.Cluster{cluster("a", "ICT", a)}, 1)
	for _, id := range []string{"count", "percent", "money", "year", "number"} {
		if _, ok := s.All(id); !ok {
			t.Errorf("All(%s): no data, want a summary", id)
		}
	}
	for _, id := range []string{"bool", "choice", "multichoice", "text", "unknown"} {
		if got, ok := s.All(id); ok {
			t.Errorf("All(%s) = %+v, want no data", id, got)
		}
	}
}

func TestComputeLooksUpTheKindInTheAssessmentsMethodology(t *testing.T) {
	// In "revised", indicator "count" is free text: its values do not count.
	revised := newMethodology("revised", map[string]model.Kind{"count": model.KindText})
	other := assessed(map[string]float64{"count": 99})
	other.Methodology = revised
	noMethodology := assessed(map[string]float64{"count": 98})
	noMethodology.Methodology = nil
	clusters := append(clustersReporting("ICT", 1, 2, 3),
		cluster("revised", "ICT", other), cluster("none", "ICT", noMethodology))
	want := Summary{N: 3, Min: 1, Q1: 1.5, Median: 2, Q3: 2.5, Max: 3}
	if got, ok := Compute(clusters, 1).All("count"); !ok || got != want {
		t.Errorf("All = %+v, %t; want %+v, true", got, ok, want)
	}
}

func TestComputeSkipsEmptyPortfolio(t *testing.T) {
	clusters := append(clustersReporting("ICT", 1, 2), clustersReporting("", 3, 4)...)
	s := Compute(clusters, 1)
	if got, ok := s.All("count"); !ok || got.N != 4 {
		t.Errorf("All = %+v, %t; want N 4", got, ok)
	}
	if got, ok := s.Portfolio("ICT", "count"); !ok || got.N != 2 {
		t.Errorf("Portfolio(ICT) = %+v, %t; want N 2", got, ok)
	}
	if got, ok := s.Portfolio("", "count"); ok {
		t.Errorf("Portfolio(\"\") = %+v, true; want no data", got)
	}
	if got, ok := s.PercentilePortfolio("", "count", 3); ok {
		t.Errorf("PercentilePortfolio(\"\") = %v, true; want no data", got)
	}
}

func TestComputeSkipsClustersWithoutUsableValues(t *testing.T) {
	clusters := append(clustersReporting("ICT", 1, 2),
		cluster("never-assessed", "ICT"),
		cluster("nan", "ICT", assessed(map[string]float64{"count": math.NaN()})),
		cluster("inf", "ICT", assessed(map[string]float64{"count": math.Inf(1)})),
		cluster("no-values", "ICT", &model.Assessment{Methodology: testMethodology}),
	)
	want := Summary{N: 2, Min: 1, Q1: 1.25, Median: 1.5, Q3: 1.75, Max: 2}
	if got, ok := Compute(clusters, 1).Portfolio("ICT", "count"); !ok || got != want {
		t.Errorf("Portfolio = %+v, %t; want %+v, true", got, ok, want)
	}
}

func TestComputeLeavesNothingForNoClusters(t *testing.T) {
	s := Compute(nil, 5)
	if _, ok := s.All("count"); ok {
		t.Error("All: data from no clusters")
	}
	if got := s.Suppressed(); got != nil {
		t.Errorf("Suppressed = %v, want nil", got)
	}
}

func TestNilStatsHoldsNoData(t *testing.T) {
	var s *Stats
	if _, ok := s.All("count"); ok {
		t.Error("All ok on nil Stats")
	}
	if _, ok := s.Portfolio("ICT", "count"); ok {
		t.Error("Portfolio ok on nil Stats")
	}
	if _, ok := s.PercentileAll("count", 1); ok {
		t.Error("PercentileAll ok on nil Stats")
	}
	if s.Suppressed() != nil {
		t.Error("Suppressed not nil on nil Stats")
	}
}

func TestPercentileIsTheShareOfValuesAtMostV(t *testing.T) {
	clusters := append(clustersReporting("ICT", 5, 1, 4, 2, 3), clustersReporting("Food industry", 2, 2, 8, 8, 8)...)
	s := Compute(clusters, 5)
	tests := []struct {
		portfolio string
		v         float64
		want      float64
	}{
		{"ICT", 0, 0},
		{"ICT", 1, 20},
		{"ICT", 2.5, 40},
		{"ICT", 3, 60},
		{"ICT", 5, 100},
		{"ICT", 9, 100},
		{"Food industry", 2, 40},
		{"Food industry", 7.9, 40},
		{"Food industry", 8, 100},
		{"", 2, 40}, // all clusters: 1 2 2 2 3 4 5 8 8 8
		{"", 4, 60},
	}
	for _, tt := range tests {
		var got float64
		var ok bool
		if tt.portfolio == "" {
			got, ok = s.PercentileAll("count", tt.v)
		} else {
			got, ok = s.PercentilePortfolio(tt.portfolio, "count", tt.v)
		}
		if !ok || got != tt.want {
			t.Errorf("percentile of %v in %q = %v, %t; want %v, true", tt.v, tt.portfolio, got, ok, tt.want)
		}
	}
	if _, ok := s.PercentileAll("count", math.NaN()); ok {
		t.Error("PercentileAll(NaN) ok, want false")
	}
	if _, ok := s.PercentileAll("money", 1); ok {
		t.Error("PercentileAll of an indicator without data ok, want false")
	}
}

func TestSummaryPosition(t *testing.T) {
	spread := Summary{N: 5, Min: 1, Q1: 2, Median: 3, Q3: 4, Max: 5}
	flat := Summary{N: 5, Min: 1, Q1: 5, Median: 5, Q3: 5, Max: 9}
	tests := []struct {
		sum  Summary
		v    float64
		want Position
	}{
		{spread, 1, BelowQ1},
		{spread, 1.99, BelowQ1},
		{spread, 2, Q1ToMedian},
		{spread, 2.99, Q1ToMedian},
		{spread, 3, MedianToQ3},
		{spread, 4, MedianToQ3},
		{spread, 4.01, AboveQ3},
		{flat, 4, BelowQ1},
		{flat, 5, MedianToQ3},
		{flat, 6, AboveQ3},
	}
	for _, tt := range tests {
		if got := tt.sum.Position(tt.v); got != tt.want {
			t.Errorf("%+v.Position(%v) = %v, want %v", tt.sum, tt.v, got, tt.want)
		}
	}
}

func TestPositionString(t *testing.T) {
	want := map[Position]string{
		BelowQ1:    "lowest quarter",
		Q1ToMedian: "second quarter",
		MedianToQ3: "third quarter",
		AboveQ3:    "top quarter",
		7:          "Position(7)",
	}
	for p, w := range want {
		if got := p.String(); got != w {
			t.Errorf("Position(%d).String() = %q, want %q", int(p), got, w)
		}
	}
}

func TestMergeSorted(t *testing.T) {
	tests := []struct {
		name string
		runs [][]float64
		want []float64
	}{
		{"no runs", nil, nil},
		{"one run", [][]float64{{1, 2}}, []float64{1, 2}},
		{"empty runs", [][]float64{nil, {}, {3}}, []float64{3}},
		{"interleaved with ties", [][]float64{{1, 4, 4}, {2, 4}, {0, 5}}, []float64{0, 1, 2, 4, 4, 4, 5}},
	}
	for _, tt := range tests {
		if got := mergeSorted(tt.runs); !slices.Equal(got, tt.want) {
			t.Errorf("%s: mergeSorted(%v) = %v, want %v", tt.name, tt.runs, got, tt.want)
		}
	}
}

// TestComputeAgreesWithSortingEachGroup cross-checks the merged group of all
// clusters and every portfolio against a plain sort of its values.
func TestComputeAgreesWithSortingEachGroup(t *testing.T) {
	clusters := syntheticDirectory(500, 3)
	for i := 0; i < len(clusters); i += 7 {
		clusters[i].Portfolio = ""
	}
	want := map[groupKey][]float64{}
	for _, c := range clusters {
		for id, v := range c.Latest().Values.All() {
			if ind := c.Latest().Methodology.Indicator(id); ind == nil || !ind.Kind.Numeric() {
				continue
			}
			want[groupKey{"", id}] = append(want[groupKey{"", id}], v.Num)
			if c.Portfolio != "" {
				want[groupKey{c.Portfolio, id}] = append(want[groupKey{c.Portfolio, id}], v.Num)
			}
		}
	}
	s := Compute(clusters, 1)
	for key, values := range want {
		slices.Sort(values)
		var got Summary
		var ok bool
		if key.portfolio == "" {
			got, ok = s.All(key.indicator)
		} else {
			got, ok = s.Portfolio(key.portfolio, key.indicator)
		}
		if w := summarise(values); !ok || got != w {
			t.Errorf("%v: summary %+v, %t; want %+v", key, got, ok, w)
		}
	}
	if len(s.groups) != len(want) {
		t.Errorf("%d groups, want %d", len(s.groups), len(want))
	}
}

// syntheticDirectory returns n clusters spread over the default portfolios,
// each with a latest assessment reporting indicators numeric values (every
// third cluster also has an older assessment).
func syntheticDirectory(n, indicators int) []*model.Cluster {
	kinds := map[string]model.Kind{"legal_form": model.KindChoice, "strategy": model.KindBool}
	for i := range indicators {
		kinds[fmt.Sprintf("indicator_%02d", i)] = model.KindCount
	}
	m := newMethodology("synthetic", kinds)
	rng := rand.New(rand.NewPCG(1, 2))
	newAssessment := func() *model.Assessment {
		a := &model.Assessment{Methodology: m}
		for id, kind := range kinds {
			if kind.Numeric() {
				a.Values.Put(m, id, model.Value{Num: math.Round(rng.ExpFloat64() * 100)})
			} else {
				a.Values.Put(m, id, model.Value{Text: "x", Bool: true})
			}
		}
		return a
	}
	clusters := make([]*model.Cluster, n)
	for i := range clusters {
		var as []*model.Assessment
		if i%3 == 0 {
			as = append(as, newAssessment())
		}
		as = append(as, newAssessment())
		clusters[i] = cluster(fmt.Sprintf("c%05d", i), config.DefaultPortfolios[i%len(config.DefaultPortfolios)], as...)
	}
	return clusters
}

func BenchmarkCompute10000Clusters30Indicators(b *testing.B) {
	clusters := syntheticDirectory(10_000, 30)
	b.ReportAllocs()
	for b.Loop() {
		Compute(clusters, 5)
	}
}

// TestComputeIsFastAtScale guards the O(n log n) promise loosely: a
// quadratic Compute would take minutes at this size.
// TestComputeAtScaleGroupsEveryCluster checks the group sizes on a large
// input; speed is measured by BenchmarkCompute10000Clusters30Indicators.
func TestComputeAtScaleGroupsEveryCluster(t *testing.T) {
	if testing.Short() {
		t.Skip("large input")
	}
	s := Compute(syntheticDirectory(10_000, 30), 5)
	if sum, ok := s.All("indicator_00"); !ok || sum.N != 10_000 {
		t.Errorf("All(indicator_00) = %+v, %t; want N 10000", sum, ok)
	}
	if sum, ok := s.Portfolio("ICT", "indicator_29"); !ok || sum.N != 714 {
		t.Errorf("Portfolio(ICT, indicator_29) = %+v, %t; want N 714", sum, ok)
	}
}
