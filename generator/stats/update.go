package stats

import (
	"maps"
	"slices"

	"clustersite/generator/model"
)

// Update returns the statistics of a changed set of clusters: the set s
// was computed from (by Compute or Update) without removed and with added;
// a cluster that changed is removed as it was and added as it is. It
// gives exactly what Compute over the new set gives, but edits only the
// groups the changed clusters count in, so that the dev server's reload
// after one edit does not sort every group again. s is not changed; the
// result shares the groups the change does not touch.
func (s *Stats) Update(removed, added []*model.Cluster) *Stats {
	edits := map[groupKey]*edit{}
	at := func(key groupKey) *edit {
		e := edits[key]
		if e == nil {
			e = &edit{}
			edits[key] = e
		}
		return e
	}
	for _, cl := range removed {
		latestValues(cl, func(key groupKey, v float64) { at(key).drop = append(at(key).drop, v) })
	}
	for _, cl := range added {
		latestValues(cl, func(key groupKey, v float64) { at(key).put = append(at(key).put, v) })
	}
	out := &Stats{minGroup: s.minGroup, groups: maps.Clone(s.groups)}
	for key, e := range edits {
		var sorted []float64
		if g := s.groups[key]; g != nil {
			sorted = g.sorted
		}
		delete(out.groups, key)
		out.keep(key, e.apply(sorted))
	}
	return out
}

// latestValues calls f with every value of cl that Compute counts, once
// for each group it counts in: the values of numeric indicators of the
// latest assessment, if published in full (see collector.addLatestOf).
func latestValues(cl *model.Cluster, f func(key groupKey, v float64)) {
	a := cl.Latest()
	if a == nil || a.Methodology == nil || !a.Full() {
		return
	}
	numeric := map[string]bool{}
	for _, ind := range a.Methodology.Indicators() {
		if ind.Kind.Numeric() {
			numeric[ind.ID] = true
		}
	}
	for id, v := range a.Values.All() {
		if !numeric[id] || !finite(v.Num) {
			continue
		}
		f(groupKey{indicator: id}, value(v.Num))
		if cl.Portfolio != "" {
			f(groupKey{cl.Portfolio, id}, value(v.Num))
		}
	}
}

// edit is the change of one group: values to drop (one occurrence each)
// and values to put in.
type edit struct{ drop, put []float64 }

// apply returns the ascending values of sorted with the edit made, in a
// new slice. Every value to drop must be in sorted.
func (e *edit) apply(sorted []float64) []float64 {
	slices.Sort(e.drop)
	slices.Sort(e.put)
	drop, put := e.drop, e.put
	out := make([]float64, 0, max(0, len(sorted)-len(drop))+len(put))
	for _, v := range sorted {
		for len(drop) > 0 && drop[0] < v { // not there: cannot happen
			drop = drop[1:]
		}
		if len(drop) > 0 && drop[0] == v {
			drop = drop[1:]
			continue
		}
		for len(put) > 0 && put[0] < v {
			out, put = append(out, put[0]), put[1:]
		}
		out = append(out, v)
	}
	return append(out, put...)
}
