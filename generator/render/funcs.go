package render

import (
	"fmt"
	"html/template"
	"strings"

	"clustersite/generator/model"
)

// newFuncs returns the functions templates may call.
func newFuncs(r *Renderer) template.FuncMap {
	return template.FuncMap{
		// t translates interface text: {{t "Valid until"}}; see i18n.go.
		"t": r.cat.translate,
		// tx shows a site.Text (page titles, descriptions) in the site
		// language.
		"tx": r.text,
		// asset returns the hashed path of an asset: {{.Root}}{{asset "style.css"}}.
		"asset": func(name string) (string, error) {
			u, ok := r.hashed[name]
			if !ok {
				return "", fmt.Errorf("no asset %q", name)
			}
			return u, nil
		},
		// markdown renders editors' Markdown safely.
		"markdown": r.markdown.HTML,
		// date formats a date for reading in the site language: "25 July
		// 2019", "25. Juli 2019", "25 juillet 2019".
		"date": func(d model.Date) string { return formatDate(r.lang, d) },
		// dateStyle is how date writes dates, for a script: month names
		// and pattern, or null for ISO 8601.
		"dateStyle": func() *dateStyle {
			if st, ok := dateStyles[r.lang]; ok {
				return &st
			}
			return nil
		},
		// num formats a number with the language's digit grouping and at
		// most two decimals.
		"num": r.format.Number,
		// count formats a whole number the same way.
		"count": func(n int) string { return r.format.Number(float64(n)) },
		// boxplot draws where an indicator's value stands in its
		// comparison groups; boxIcon a symbol of its legend.
		"boxplot": r.boxPlot,
		// indicatorRow writes a report's indicator table row; see rows.go.
		"indicatorRow": r.indicatorRow,
		// indicatorRows writes the rows of an area, one per line.
		"indicatorRows": r.indicatorRows,
		// clusterRows writes the rows of a table of clusters, one per line.
		"clusterRows": r.clusterRows,
		// cached executes a partial once per distinct dot (cached.go).
		"cached": r.cached,
		// figures is the table of the numbers behind an area's box plots.
		"figures": r.figures,
		"boxIcon": r.boxIcon,
		// countryChart and yearChart draw the directory's charts.
		"countryChart": r.countryChart,
		"yearChart":    r.yearChart,
		// organization is the schema.org JSON-LD of a cluster page; put it
		// in a <script type="application/ld+json"> as it is, html/template
		// encodes it as JSON safe for a script element.
		"organization": r.organization,
		// add sums integers, for 1-based numbering.
		"add": func(n ...int) int {
			sum := 0
			for _, v := range n {
				sum += v
			}
			return sum
		},
		// labelOf turns a group key into a label, for badges.
		"labelOf": func(key string) model.Label { return model.Label(key) },
		// lower lower-cases a string, for country codes in URLs.
		"lower": strings.ToLower,
		// abs returns the absolute value of an int (days left or ago).
		"abs": func(n int) int { return max(n, -n) },
	}
}
