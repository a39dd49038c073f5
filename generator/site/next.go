package site

import (
	"reflect"

	"clustersite/generator/config"
	"clustersite/generator/model"
)

// Next derives the site from dir exactly as New does, reusing what prev
// worked out for the clusters that did not change. prev is the site New or
// Next derived from an earlier load of the same site folder; it is not
// changed, and pages can go on being rendered from it.
//
// This is what makes the dev server's reload after one edit cheap at
// 10,000 clusters. content.Load with a Cache returns the very same
// *model.Cluster for a cluster none of whose files changed, and a model
// cluster is never changed once loaded, so a cluster view that prev
// derived from it is still right: Next copies it (its reports point to
// their site) instead of deriving it again, keeps prev's name order and
// sort keys, and updates the statistics with the clusters that changed
// (stats.Update) instead of computing them again. What depends on every
// cluster at once and is cheap (groups, chart counts, data columns) is
// worked out again; what is costly and needed by few pages (the page list,
// the search index) is made on first use, as New does.
//
// A different configuration or date changes every cluster's view, and so
// does a change of methodologies (the content cache then loads every
// cluster anew): Next then derives everything as New does.
func Next(prev *Site, dir *model.Directory, cfg config.Config, today model.Date) *Site {
	if prev == nil || prev.Today != today || !reflect.DeepEqual(prev.Config, cfg) {
		return New(dir, cfg, today)
	}
	was := make(map[*model.Cluster]bool, len(prev.Clusters))
	for _, c := range prev.Clusters {
		was[c.src] = true
	}
	is := make(map[*model.Cluster]bool, len(dir.Clusters))
	var added, removed []*model.Cluster
	for _, mc := range dir.Clusters {
		if len(mc.Assessments) == 0 {
			continue
		}
		is[mc] = true
		if !was[mc] {
			added = append(added, mc)
		}
	}
	for _, c := range prev.Clusters {
		if !is[c.src] {
			removed = append(removed, c.src)
		}
	}
	if len(added)+len(removed) > len(dir.Clusters)/2 {
		return New(dir, cfg, today) // as fast, and simpler
	}
	s := &Site{Config: cfg, Today: today, Lang: prev.Lang, format: prev.format}
	s.Stats = prev.Stats.Update(removed, added)
	kept := make([]*Cluster, 0, len(prev.Clusters))
	for _, c := range prev.Clusters {
		if is[c.src] {
			kept = append(kept, c)
		}
	}
	kept = copyFor(s, kept)
	fresh := make([]*Cluster, len(added))
	for i, mc := range added {
		fresh[i] = s.newCluster(mc)
	}
	sortByName(fresh, s.Lang)
	s.Clusters = mergeByName(kept, fresh)
	s.derive(dir, prev)
	return s
}

// mergeByName merges two lists in name order (byName) into one.
func mergeByName(a, b []*Cluster) []*Cluster {
	out := make([]*Cluster, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if byName(b[0], a[0]) < 0 {
			out, b = append(out, b[0]), b[1:]
		} else {
			out, a = append(out, a[0]), a[1:]
		}
	}
	return append(append(out, a...), b...)
}
