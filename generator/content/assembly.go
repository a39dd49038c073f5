package content

import (
	"maps"
	"slices"
	"strings"

	"clustersite/generator/model"
)

// assembly is how a Cache's last load assembled the clusters, kept so that
// the next load assembles again only the clusters whose files changed: a
// cluster none of whose entries changed is the same *model.Cluster, with
// the same problems, which tells package site that nothing of it changed.
// The assembly works on clones of the cached entries, which stay as they
// were decoded, and never changes a cluster or list it gave out.
type assembly struct {
	// drafts is Options.Drafts of that load.
	drafts bool
	byID   map[string]*assembled
	// clusters by id, as Load returns them.
	clusters []*model.Cluster
	// loose are the problems of the files that are part of no cluster, by
	// path; troubled the ids whose files have problems.
	loose    map[string]model.Problems
	troubled map[string]bool
}

// change is what a load found at a changed path: the entry at the last
// load and the entry now; nil when there was or is none.
type change struct{ was, is *entry }

// rebuild assembles the clusters of entries, which are in path order,
// taking from the last assembly those whose entries are the same.
func (m *assembly) rebuild(entries []*entry, drafts bool) {
	groups, loose := group(entries)
	last := m.byID
	if m.drafts != drafts {
		last = nil
	}
	*m = assembly{drafts: drafts, byID: make(map[string]*assembled, len(groups)),
		loose: map[string]model.Problems{}, troubled: map[string]bool{}}
	for _, e := range loose {
		m.setLoose(e.rep.path, e)
	}
	for _, id := range sortedKeys(groups) {
		a := last[id]
		if a == nil || !slices.Equal(a.entries, groups[id]) {
			a = assembleCluster(id, groups[id], drafts, true)
		}
		m.set(id, a)
		if a.cluster != nil {
			m.clusters = append(m.clusters, a.cluster)
		}
	}
}

// update assembles again the clusters that the changed paths belong to,
// or belonged to, with the same drafts setting as the last load.
func (m *assembly) update(changes map[string]change) {
	dirty := map[string]bool{}
	for p, ch := range changes {
		delete(m.loose, p)
		for _, e := range []*entry{ch.was, ch.is} {
			if e != nil && inCluster(e) {
				dirty[e.id] = true
			}
		}
		if ch.is != nil && !inCluster(ch.is) {
			m.setLoose(p, ch.is)
		}
	}
	clusters := slices.Clone(m.clusters)
	for _, id := range slices.Sorted(maps.Keys(dirty)) {
		last := m.byID[id]
		var members []*entry
		if last != nil {
			for _, e := range last.entries {
				if _, changed := changes[e.rep.path]; !changed {
					members = append(members, e)
				}
			}
		}
		for _, ch := range changes {
			if ch.is != nil && inCluster(ch.is) && ch.is.id == id {
				members = append(members, ch.is)
			}
		}
		slices.SortFunc(members, func(x, y *entry) int { return comparePaths(x.rep.path, y.rep.path) })
		a := last
		switch {
		case len(members) == 0:
			a = nil
		case last == nil || !slices.Equal(last.entries, members):
			a = assembleCluster(id, members, m.drafts, true)
		}
		clusters = replaceCluster(clusters, id, a)
		m.set(id, a)
	}
	m.clusters = clusters
}

// replaceCluster puts the cluster of a (none when a or its cluster is nil)
// in the place of the cluster id in clusters, which are sorted by id.
func replaceCluster(clusters []*model.Cluster, id string, a *assembled) []*model.Cluster {
	i, found := slices.BinarySearchFunc(clusters, id, func(c *model.Cluster, id string) int { return strings.Compare(c.ID, id) })
	if found {
		clusters = slices.Delete(clusters, i, i+1)
	}
	if a != nil && a.cluster != nil {
		clusters = slices.Insert(clusters, i, a.cluster)
	}
	return clusters
}

// set records the assembly of id; a nil a removes it.
func (m *assembly) set(id string, a *assembled) {
	if a == nil {
		delete(m.byID, id)
		delete(m.troubled, id)
		return
	}
	m.byID[id] = a
	if len(a.problems) > 0 {
		m.troubled[id] = true
	} else {
		delete(m.troubled, id)
	}
}

// setLoose records the problems of a file that is part of no cluster.
func (m *assembly) setLoose(p string, e *entry) {
	if len(e.rep.problems) > 0 {
		m.loose[p] = e.rep.problems
	}
}

// problems returns the problems of every file, unsorted.
func (m *assembly) problems() model.Problems {
	var ps model.Problems
	for _, p := range m.loose {
		ps = append(ps, p...)
	}
	for id := range m.troubled {
		ps = append(ps, m.byID[id].problems...)
	}
	return ps
}
