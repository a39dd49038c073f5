package site

import (
	"cmp"
	"slices"
	"strconv"

	"clustersite/generator/model"
)

// LabelCount counts labels by level for one country or one year: the
// numbers behind the directory's charts.
type LabelCount struct {
	// Key is the country code or the year; Name the country's name in the
	// site language or the year.
	Key, Name string
	// URL of the country's browse page; "" for years.
	URL string
	// Counts by level, in the order of model.Labels (bronze, silver, gold).
	Counts []int
}

// Total is the sum of Counts.
func (lc *LabelCount) Total() int {
	t := 0
	for _, n := range lc.Counts {
		t += n
	}
	return t
}

func labelIndex(l model.Label) int { return slices.Index(model.Labels, l) }

// labelsByCountry counts the clusters of each country by their current
// label, the countries with most clusters first, then in name order.
func labelsByCountry(countries []*Group) []*LabelCount {
	out := make([]*LabelCount, 0, len(countries))
	for _, g := range countries {
		lc := &LabelCount{Key: g.Key, Name: g.Name, URL: g.URL, Counts: make([]int, len(model.Labels))}
		for _, c := range g.Clusters {
			if i := labelIndex(c.Label); i >= 0 {
				lc.Counts[i]++
			}
		}
		out = append(out, lc)
	}
	// Stable: countries are already in name order.
	slices.SortStableFunc(out, func(a, b *LabelCount) int { return cmp.Compare(b.Total(), a.Total()) })
	return out
}

// labelsByYear counts the published assessments (labels awarded, profile
// ones included: their label and date are public) by year of the
// interview, for every year from the first to the last, so that years
// without labels show as gaps.
func labelsByYear(clusters []*Cluster) []*LabelCount {
	first, last := 0, 0
	for _, c := range clusters {
		for _, r := range c.Reports {
			if y := r.Date.Year; first == 0 || y < first {
				first = y
			}
			last = max(last, r.Date.Year)
		}
	}
	if first == 0 {
		return nil
	}
	out := make([]*LabelCount, last-first+1)
	for i := range out {
		y := strconv.Itoa(first + i)
		out[i] = &LabelCount{Key: y, Name: y, Counts: make([]int, len(model.Labels))}
	}
	for _, c := range clusters {
		for _, r := range c.Reports {
			if i := labelIndex(r.Label); i >= 0 {
				out[r.Date.Year-first].Counts[i]++
			}
		}
	}
	return out
}
