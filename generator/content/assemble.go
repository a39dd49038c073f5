package content

import (
	"slices"

	"clustersite/generator/model"
)

// assemble groups the decoded files into clusters, reporting ids shared by
// different clusters and clusters assessed twice on one date, and returns
// the clusters by id with the problems of every file. entries are in path
// order; so is every group, which makes the reports deterministic.
// assemble works on the entries themselves; a Cache assembles clones
// (assembly).
func assemble(entries []*entry, drafts bool) ([]*model.Cluster, model.Problems) {
	groups, loose := group(entries)
	var problems model.Problems
	for _, e := range loose {
		problems = append(problems, e.rep.problems...)
	}
	var clusters []*model.Cluster
	for _, id := range sortedKeys(groups) {
		a := assembleCluster(id, groups[id], drafts, false)
		problems = append(problems, a.problems...)
		if a.cluster != nil {
			clusters = append(clusters, a.cluster)
		}
	}
	return clusters, problems
}

// group returns the entries that name a cluster, by cluster id, and the
// loose ones, which cannot be part of a cluster (their problems say why).
func group(entries []*entry) (groups map[string][]*entry, loose []*entry) {
	groups = map[string][]*entry{}
	for _, e := range entries {
		if inCluster(e) {
			groups[e.id] = append(groups[e.id], e)
		} else {
			loose = append(loose, e)
		}
	}
	return groups, loose
}

// inCluster reports whether e is an assessment of a cluster.
func inCluster(e *entry) bool { return e.id != "" && e.profile != nil && e.a != nil }

// assembled is the result of assembling the entries of one cluster id.
type assembled struct {
	// entries of the id, in path order, as assembleCluster got them.
	entries []*entry
	// cluster is nil when no assessment is left (drafts only).
	cluster *model.Cluster
	// problems of the entries, from decoding and assembling.
	problems model.Problems
}

// assembleCluster assembles the entries of one cluster id, or clones of
// them when clone is set.
func assembleCluster(id string, group []*entry, drafts, clone bool) *assembled {
	a := &assembled{entries: group}
	work := group
	if clone {
		work = make([]*entry, len(group))
		for i, e := range group {
			work[i] = e.clone()
		}
	}
	members := sameCluster(id, work)
	checkDates(id, members)
	a.cluster = buildCluster(id, members, drafts)
	for _, e := range work {
		a.problems = append(a.problems, e.rep.problems...)
	}
	return a
}

// sameCluster returns the entries of the cluster the first entry with a
// valid country describes; an entry with another country is a different
// cluster that claims the same id, which is reported.
func sameCluster(id string, group []*entry) []*entry {
	var ref *entry
	for _, e := range group {
		if e.countryOK {
			ref = e
			break
		}
	}
	if ref == nil {
		return group
	}
	var members []*entry
	for _, e := range group {
		if e.countryOK && e.profile.Country != ref.profile.Country {
			e.rep.errorf(e.idField, "cluster id %s is also used by %s for a different cluster", id, ref.rep.path)
			continue
		}
		members = append(members, e)
	}
	return members
}

// checkDates reports every assessment on the date of an earlier one (in
// path order) of the same cluster.
func checkDates(id string, members []*entry) {
	first := map[model.Date]*entry{}
	for _, e := range members {
		if e.a.Date.IsZero() {
			continue
		}
		if other, dup := first[e.a.Date]; dup {
			e.rep.errorf("assessment.date", "cluster %s already has an assessment on %s in %s", id, e.a.Date, other.rep.path)
			continue
		}
		first[e.a.Date] = e
	}
}

// buildCluster returns the cluster with its assessments sorted by date and
// the profile of the newest one; drafts count only when drafts is set. It
// returns nil when no assessment is left.
func buildCluster(id string, members []*entry, drafts bool) *model.Cluster {
	var kept []*entry
	for _, e := range members {
		if !e.a.Draft || drafts {
			kept = append(kept, e)
		}
	}
	if len(kept) == 0 {
		return nil
	}
	slices.SortStableFunc(kept, func(x, y *entry) int { return x.a.Date.Compare(y.a.Date) })
	c := new(model.Cluster)
	*c = *kept[len(kept)-1].profile
	c.ID = id
	for _, e := range kept {
		e.a.Cluster = c
		c.Assessments = append(c.Assessments, e.a)
	}
	return c
}
