package render

import (
	"html/template"
	"strconv"
	"strings"

	"clustersite/generator/model"
	"clustersite/generator/site"
)

// The indicator table of a report is most of a build's HTML: 36 rows, 72
// comparison cells and 36 box plots on each of 13,600 report pages at
// 10,000 clusters. Written as template actions, every value costs a
// reflective call of html/template's escaper (and of t), and those calls
// were the largest part of a build's time. So the default theme writes a
// row with one call, {{indicatorRow . $c.Portfolio}}; a theme that wants
// other markup can still write its own rows from the same IndicatorRow
// fields. indicatorRow translates as t does and escapes as html/template
// does; TestIndicatorRowMatchesItsTemplate pins it to the template it
// replaces.

// indicatorRow writes one row of a report's indicator table, indented as
// in templates/report.html: the indicator, its value, where it stands
// among all clusters and in the portfolio, and its box plot; or, for a
// reported text value, the value across the row.
func (r *Renderer) indicatorRow(row *site.IndicatorRow, portfolio string) template.HTML {
	var b strings.Builder
	b.Grow(2048)
	b.WriteString(`<tr id="ind-`)
	htmlText.WriteString(&b, row.ID)
	b.WriteString("\">\n    <th scope=\"row\">")
	htmlText.WriteString(&b, row.Title)
	b.WriteString("</th>")
	if row.Wide() && row.Reported {
		b.WriteString("\n    <td class=\"value value-text\" colspan=\"4\">")
		htmlText.WriteString(&b, row.Value)
		b.WriteString("</td>\n   </tr>")
		return template.HTML(b.String())
	}
	b.WriteString("\n    <td class=\"value\">")
	switch {
	case !row.Reported:
		b.WriteString(`<span class="missing">`)
		htmlText.WriteString(&b, r.cat.translate("not reported"))
		b.WriteString(`</span>`)
	case row.Kind == model.KindBool:
		htmlText.WriteString(&b, r.cat.translate(row.Value))
	default:
		htmlText.WriteString(&b, row.Value)
	}
	b.WriteString("</td>\n    <td data-label=\"")
	htmlText.WriteString(&b, r.cat.translate("All clusters"))
	b.WriteString("\">")
	r.writeComparison(&b, row.All)
	b.WriteString("</td>\n    <td data-label=\"")
	htmlText.WriteString(&b, r.cat.translate("Portfolio"))
	b.WriteString("\">")
	r.writeComparison(&b, row.Portfolio)
	b.WriteString("</td>\n    <td class=\"chart-cell\">")
	b.WriteString(string(r.boxPlot(row, portfolio))) // the chart package escapes its text
	b.WriteString("</td>\n   </tr>")
	return template.HTML(b.String())
}

// writeComparison writes where a value stands in one group:
// <span class="cmp cmp-2">third quarter</span> <span class="median">median
// 130, n = 10000</span>, or <span class="na">–</span> when the group is
// not shown.
func (r *Renderer) writeComparison(b *strings.Builder, c site.Comparison) {
	if !c.Shown {
		b.WriteString(`<span class="na">–</span>`)
		return
	}
	b.WriteString(`<span class="cmp cmp-`)
	b.WriteString(strconv.Itoa(int(c.Position)))
	b.WriteString(`">`)
	htmlText.WriteString(b, r.cat.translate(c.Position.String()))
	b.WriteString(`</span> <span class="median">`)
	htmlText.WriteString(b, r.cat.translate("median %s, n = %d", c.Median, c.Summary.N))
	b.WriteString(`</span>`)
}

// htmlText escapes text for HTML elements and quoted attributes exactly
// as html/template does (which, unlike template.HTMLEscapeString, also
// escapes '+').
var htmlText = strings.NewReplacer(
	"\x00", "\uFFFD",
	`"`, "&#34;",
	"&", "&amp;",
	"'", "&#39;",
	"+", "&#43;",
	"<", "&lt;",
	">", "&gt;",
)
