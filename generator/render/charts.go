package render

import (
	"html"
	"html/template"
	"strconv"

	"clustersite/generator/chart"
	"clustersite/generator/model"
	"clustersite/generator/site"
)

// boxPlot draws where a report's indicator value stands among all
// clusters and in the cluster's portfolio, on one scale; "" when neither
// group is published (the group is too small, or the indicator is not
// numeric or not reported). Its text alternative gives the value and, per
// group, its size, median and the quarter the value falls in; minimum,
// quartiles and maximum are in the area's table of distribution figures.
func (r *Renderer) boxPlot(row *site.IndicatorRow, portfolio string) template.HTML {
	return template.HTML(r.appendBoxPlot(nil, row, portfolio))
}

func (r *Renderer) appendBoxPlot(b []byte, row *site.IndicatorRow, portfolio string) []byte {
	p := chart.BoxPlot{ID: "chart-" + row.ID}
	var boxes [2]chart.Box
	alt := r.cat.translate("%s: %s.", row.Title, row.Value)
	for _, g := range []struct {
		cmp   site.Comparison
		class string
	}{{row.All, "all"}, {row.Portfolio, "portfolio"}} {
		if !g.cmp.Shown {
			continue
		}
		sum := g.cmp.Summary
		p.Boxes = append(boxes[:len(p.Boxes)], chart.Box{Min: sum.Min, Q1: sum.Q1, Median: sum.Median, Q3: sum.Q3, Max: sum.Max, Class: g.class})
		alt += " " + r.groupPhrase(g.class, portfolio, g.cmp)
	}
	if len(p.Boxes) == 0 {
		return b
	}
	p.Value, p.HasValue = row.Num, row.Reported
	p.Alt = alt
	return p.AppendSVG(b, &r.boxes) // chart escapes all text
}

// iconKinds are the symbols of the box plots' legend, drawn once per
// renderer rather than six times on every report page.
var iconKinds = []string{"all", "portfolio", "value", "median", "middle", "range"}

// boxIcon is a symbol of the box plots' legend (chart.Icon).
func (r *Renderer) boxIcon(kind string) template.HTML {
	if icon, ok := r.icons[kind]; ok {
		return icon
	}
	return template.HTML(chart.Icon(kind))
}

// figures is the table of the numbers behind an area's box plots: for
// each indicator and published group, n, minimum, quartiles, median and
// maximum. It is written here rather than in the template because it has
// hundreds of cells per report, and each template action costs a reflective
// call (this halves the time to render a report page). Every report of a
// portfolio has the same rows, so each row is remembered once written.
func (r *Renderer) figures(area *site.AreaRows) template.HTML {
	return pooledHTML(func(b []byte) []byte {
		b = append(b, r.figuresHead()...)
		for _, row := range area.Rows {
			for group, c := range []site.Comparison{row.All, row.Portfolio} {
				if c.Shown {
					b = append(b, r.figuresRow(row.Title, group, c)...)
				}
			}
		}
		return append(b, `</tbody></table>`...)
	})
}

func (r *Renderer) figuresHead() string {
	return r.phrases.Get("figures head", func() string {
		b := []byte(`<table class="figures-table"><thead><tr>`)
		for _, h := range []string{r.cat.translate("Indicator"), r.cat.translate("Group"), "n", r.cat.translate("Minimum"),
			r.cat.translate("Lower quartile"), r.cat.translate("Median"), r.cat.translate("Upper quartile"), r.cat.translate("Maximum")} {
			b = append(b, `<th scope="col">`...)
			b = append(append(b, html.EscapeString(h)...), `</th>`...)
		}
		return string(append(b, "</tr></thead><tbody>\n"...))
	})
}

// figuresRow is one row of the figures: an indicator's group 0 (all
// clusters) or 1 (portfolio).
func (r *Renderer) figuresRow(title string, group int, c site.Comparison) string {
	format := func() string {
		name := r.cat.translate("All clusters")
		if group == 1 {
			name = r.cat.translate("Portfolio")
		}
		b := append([]byte(`<tr><th scope="row">`), html.EscapeString(title)...)
		b = append(append(append(b, `</th><td>`...), html.EscapeString(name)...), `</td>`...)
		for _, v := range []string{strconv.Itoa(c.Summary.N), c.Min, c.Q1, c.Median, c.Q3, c.Max} {
			b = append(append(append(b, `<td>`...), html.EscapeString(v)...), `</td>`...)
		}
		return string(append(b, "</tr>\n"...))
	}
	// The title is the row's: two methodologies may give one indicator
	// (one group) different titles.
	type key struct {
		group *site.ComparisonGroup
		title string
		which int
	}
	return r.perGroup(c, key{c.Group, title, group}, format)
}

// labelSeries are the layers of the directory's charts, in the label
// colours.
func (r *Renderer) labelSeries() []chart.Series {
	fills := map[model.Label]string{model.Bronze: chart.Bronze, model.Silver: chart.Silver, model.Gold: chart.Gold}
	var out []chart.Series
	for _, l := range model.Labels {
		out = append(out, chart.Series{Name: r.cat.translate(l.Title()), Class: string(l), Fill: fills[l]})
	}
	return out
}

func (r *Renderer) stacked(counts []*site.LabelCount, alt string) chart.Stacked {
	c := chart.Stacked{Series: r.labelSeries(), Alt: alt, Format: r.format.Number}
	for _, lc := range counts {
		values := make([]float64, len(lc.Counts))
		for i, n := range lc.Counts {
			values[i] = float64(n)
		}
		c.Bars = append(c.Bars, chart.Bar{Label: lc.Name, Values: values})
	}
	return c
}

// countryChart draws the clusters of each country by current label.
func (r *Renderer) countryChart(s *site.Site) template.HTML {
	if len(s.LabelsByCountry) == 0 {
		return ""
	}
	alt := r.cat.translate("Bar chart of the clusters in each country by current label. The numbers are in the table that follows.")
	return template.HTML(r.stacked(s.LabelsByCountry, alt).HBars())
}

// yearChart draws the labels awarded in each year by level.
func (r *Renderer) yearChart(s *site.Site) template.HTML {
	years := s.LabelsByYear
	if len(years) == 0 {
		return ""
	}
	alt := r.cat.translate("Column chart of the labels awarded each year from %s to %s, by level. The numbers are in the table that follows.",
		years[0].Name, years[len(years)-1].Name)
	return template.HTML(r.stacked(years, alt).Columns())
}
