package site

import (
	"cmp"
	"slices"
	"strings"

	"golang.org/x/text/collate"

	"clustersite/generator/model"
	"clustersite/generator/slug"
)

// PortfolioURL is the browse page of a portfolio: "portfolios/food-industry/".
func PortfolioURL(portfolio string) string { return "portfolios/" + slug.Make(portfolio) + "/" }

// CountryURL is the browse page of a country: "countries/jo/".
func CountryURL(code string) string { return "countries/" + strings.ToLower(code) + "/" }

// LabelURL is the browse page of a label level: "labels/gold/".
func LabelURL(l model.Label) string { return "labels/" + string(l) + "/" }

// group fills the browse groups. Clusters keep directory order inside each
// group because s.Clusters is already sorted.
func (s *Site) group() {
	byCountry := map[string]*Group{}
	byPortfolio := map[string]*Group{}
	byLabel := map[model.Label]*Group{}
	for _, l := range model.Labels {
		g := &Group{Key: string(l), Name: l.Title(), URL: LabelURL(l)}
		byLabel[l] = g
		s.Labels = append(s.Labels, g)
	}
	byStatus := map[model.Status]*Group{}
	for _, st := range model.Statuses {
		g := &Group{Key: string(st), Name: st.Title()}
		byStatus[st] = g
		s.StatusCounts = append(s.StatusCounts, g)
	}
	for _, c := range s.Clusters {
		add(byCountry, &s.Countries, c.Country, c.CountryName, CountryURL, c)
		if c.Portfolio != "" {
			add(byPortfolio, &s.Portfolios, c.Portfolio, c.Portfolio, PortfolioURL, c)
		}
		if g := byLabel[c.Label]; g != nil {
			g.Clusters = append(g.Clusters, c)
		}
		if g := byStatus[c.Status]; g != nil {
			g.Clusters = append(g.Clusters, c)
		}
	}
	col := collate.New(s.Lang, collate.IgnoreCase, collate.Loose)
	byName := func(a, b *Group) int {
		return cmp.Or(col.CompareString(a.Name, b.Name), cmp.Compare(a.Key, b.Key))
	}
	slices.SortFunc(s.Countries, byName)
	slices.SortFunc(s.Portfolios, byName)
}

// add adds c to the group of key, making the group, with the URL of key,
// if it is the first.
func add(index map[string]*Group, list *[]*Group, key, name string, url func(string) string, c *Cluster) {
	g := index[key]
	if g == nil {
		g = &Group{Key: key, Name: name, URL: url(key)}
		index[key] = g
		*list = append(*list, g)
	}
	g.Clusters = append(g.Clusters, c)
}
