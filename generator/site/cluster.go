package site

import (
	"strings"

	"clustersite/generator/label"
	"clustersite/generator/model"
)

// Cluster is the public view of a cluster: its profile, its label standing
// and its published reports.
type Cluster struct {
	ID          string
	Name        string
	NativeName  string
	Country     string // ISO alpha-2
	CountryName string // in the site language
	Region      string
	Website     string
	Portfolio   string
	Sectors     []string
	Founded     int
	Description string // Markdown
	// URL of the cluster page, site-relative: "clusters/<id>/".
	URL string
	// PortfolioURL of the portfolio browse page, "" without a portfolio.
	PortfolioURL string
	// Label, ValidUntil and Status of the newest assessment on the build
	// date.
	Label      model.Label
	ValidUntil model.Date
	Status     model.Status
	DaysLeft   int
	// Reports, one per published assessment, oldest first.
	Reports []*Report
	// Rank is the position in the directory's name order.
	Rank int

	// src is the cluster c was derived from, by which Next finds it.
	src *model.Cluster
	// sortKey is the collation key of Name in the site language.
	sortKey []byte
	// derivedID is derivedID(Name), for the search index: folding names is
	// most of its cost, and Next keeps it for the clusters it copies.
	derivedID string
}

// Latest returns the newest report.
func (c *Cluster) Latest() *Report { return c.Reports[len(c.Reports)-1] }

// LatestFull returns the newest report published in full, or nil.
func (c *Cluster) LatestFull() *Report {
	for i := len(c.Reports) - 1; i >= 0; i-- {
		if c.Reports[i].Full {
			return c.Reports[i]
		}
	}
	return nil
}

// History returns the reports newest first, as a label history reads.
func (c *Cluster) History() []*Report {
	h := make([]*Report, len(c.Reports))
	for i, r := range c.Reports {
		h[len(h)-1-i] = r
	}
	return h
}

func newCluster(s *Site, mc *model.Cluster, st label.Standing) *Cluster {
	c := &Cluster{
		ID:          mc.ID,
		Name:        mc.Name,
		NativeName:  mc.NativeName,
		Country:     mc.Country,
		CountryName: CountryName(mc.Country, s.Lang),
		Region:      mc.Region,
		Website:     mc.Website,
		Portfolio:   mc.Portfolio,
		Sectors:     mc.Sectors,
		Founded:     mc.Founded,
		Description: mc.Description,
		URL:         "clusters/" + mc.ID + "/",
		Label:       st.Label,
		ValidUntil:  st.ValidUntil,
		Status:      st.Status,
		DaysLeft:    st.DaysLeft,
		src:         mc,
		derivedID:   derivedID(mc.Name),
	}
	if mc.Portfolio != "" {
		c.PortfolioURL = PortfolioURL(mc.Portfolio)
	}
	for i, a := range mc.Assessments {
		c.Reports = append(c.Reports, newReport(s, c, a, st.Periods[i]))
	}
	return c
}

// SectorList joins sectors for display. Never split it again: sector and
// portfolio names may contain commas.
func (c *Cluster) SectorList() string { return strings.Join(c.Sectors, " · ") }

// copyFor returns copies of clusters, reports included, that belong to s:
// the views of unchanged clusters in the next site, which must leave the
// site they belong to as it is. The copies are made in two allocations,
// not one per view: at 10,000 clusters the difference shows in a reload.
func copyFor(s *Site, clusters []*Cluster) []*Cluster {
	n := 0
	for _, c := range clusters {
		n += len(c.Reports)
	}
	views, reports, ptrs := make([]Cluster, len(clusters)), make([]Report, n), make([]*Report, n)
	out := make([]*Cluster, len(clusters))
	for i, c := range clusters {
		v := &views[i]
		*v = *c
		v.Reports, ptrs = ptrs[:len(c.Reports):len(c.Reports)], ptrs[len(c.Reports):]
		for j, r := range c.Reports {
			m := &reports[0]
			reports = reports[1:]
			*m = *r
			m.Cluster = v
			if m.site != nil {
				m.site = s
			}
			v.Reports[j] = m
		}
		out[i] = v
	}
	return out
}
