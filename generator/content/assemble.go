package content

import (
	"slices"

	"clustersite/generator/model"
)

// assemble groups the decoded files into clusters, reporting ids shared by
// different clusters and clusters assessed twice on one date. entries are in
// path order; so is every group, which makes the reports deterministic.
func assemble(entries []*entry, opts Options) []*model.Cluster {
	groups := map[string][]*entry{}
	for _, e := range entries {
		if e.id != "" && e.profile != nil && e.a != nil {
			groups[e.id] = append(groups[e.id], e)
		}
	}
	var clusters []*model.Cluster
	for _, id := range sortedKeys(groups) {
		members := sameCluster(id, groups[id])
		checkDates(id, members)
		if c := buildCluster(id, members, opts); c != nil {
			clusters = append(clusters, c)
		}
	}
	return clusters
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
// the profile of the newest one; drafts count only when opts.Drafts is set.
// It returns nil when no assessment is left.
func buildCluster(id string, members []*entry, opts Options) *model.Cluster {
	var kept []*entry
	for _, e := range members {
		if !e.a.Draft || opts.Drafts {
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
