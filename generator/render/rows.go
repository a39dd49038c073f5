package render

import (
	"html/template"
	"strconv"
	"sync"

	"clustersite/generator/model"
	"clustersite/generator/site"
	"clustersite/generator/stats"
)

// The indicator table of a report is most of a build's HTML: 36 rows, 72
// comparison cells and 36 box plots on each of 13,600 report pages at
// 10,000 clusters. Written as template actions, every value costs a
// reflective call of html/template's escaper (and of t), and those calls
// were the largest part of a build's time. So the default theme writes an
// area's rows with one call, {{indicatorRows .Rows $c.Portfolio}}; a theme
// that wants other markup can still write its own rows from the same
// IndicatorRow fields, or call {{indicatorRow . $c.Portfolio}} for one.
// The rows translate as t does and escape as html/template does;
// TestIndicatorRowMatchesItsTemplate pins them to the template they
// replace.
//
// The rows are appended to one buffer per area, which is what lets a
// report allocate a few strings rather than hundreds: the garbage of
// rendering, not the rendering, was most of the time the rows took.

// rowBuffers are the buffers rows are written in (pooledHTML).
var rowBuffers = sync.Pool{New: func() any { b := make([]byte, 0, 32<<10); return &b }}

// pooledHTML returns what write appends to an empty pooled buffer, as
// HTML: a template function's rows cost one string, not a growing buffer.
func pooledHTML(write func(b []byte) []byte) template.HTML {
	buf := rowBuffers.Get().(*[]byte)
	b := write((*buf)[:0])
	html := template.HTML(b)
	*buf = b
	rowBuffers.Put(buf)
	return html
}

// indicatorRows writes the rows of one area of a report's indicator
// table, each on its own line as the template's range wrote them.
func (r *Renderer) indicatorRows(rows []*site.IndicatorRow, portfolio string) template.HTML {
	return pooledHTML(func(b []byte) []byte {
		for _, row := range rows {
			b = append(b, "\n   "...)
			b = r.appendRow(b, row, portfolio)
		}
		return b
	})
}

// indicatorRow writes one row of a report's indicator table, indented as
// in templates/report.html: the indicator, its value, where it stands
// among all clusters and in the portfolio, and its box plot; or, for a
// reported text value, the value across the row.
func (r *Renderer) indicatorRow(row *site.IndicatorRow, portfolio string) template.HTML {
	return template.HTML(r.appendRow(make([]byte, 0, 2048), row, portfolio))
}

func (r *Renderer) appendRow(b []byte, row *site.IndicatorRow, portfolio string) []byte {
	b = append(b, `<tr id="ind-`...)
	b = appendHTML(b, row.ID)
	b = append(b, "\">\n    <th scope=\"row\">"...)
	b = appendHTML(b, row.Title)
	b = append(b, "</th>"...)
	if row.Wide() && row.Reported {
		b = append(b, "\n    <td class=\"value value-text\" colspan=\"4\">"...)
		b = appendHTML(b, row.Value)
		return append(b, "</td>\n   </tr>"...)
	}
	b = append(b, "\n    <td class=\"value\">"...)
	switch {
	case !row.Reported:
		b = append(b, `<span class="missing">`...)
		b = appendHTML(b, r.cat.translate("not reported"))
		b = append(b, `</span>`...)
	case row.Kind == model.KindBool:
		b = appendHTML(b, r.cat.translate(row.Value))
	default:
		b = appendHTML(b, row.Value)
	}
	b = append(b, "</td>\n    <td data-label=\""...)
	b = appendHTML(b, r.cat.translate("All clusters"))
	b = append(b, "\">"...)
	b = r.appendComparison(b, row.All)
	b = append(b, "</td>\n    <td data-label=\""...)
	b = appendHTML(b, r.cat.translate("Portfolio"))
	b = append(b, "\">"...)
	b = r.appendComparison(b, row.Portfolio)
	b = append(b, "</td>\n    <td class=\"chart-cell\">"...)
	b = r.appendBoxPlot(b, row, portfolio) // the chart package escapes its text
	return append(b, "</td>\n   </tr>"...)
}

// appendComparison writes where a value stands in one group:
// <span class="cmp cmp-2">third quarter</span> <span class="median">median
// 130, n = 10000</span>, or <span class="na">–</span> when the group is
// not shown.
func (r *Renderer) appendComparison(b []byte, c site.Comparison) []byte {
	if !c.Shown {
		return append(b, `<span class="na">–</span>`...)
	}
	b = append(b, `<span class="cmp cmp-`...)
	b = strconv.AppendInt(b, int64(c.Position), 10)
	b = append(b, `">`...)
	b = appendHTML(b, r.cat.translate(c.Position.String()))
	b = append(b, `</span> <span class="median">`...)
	b = appendHTML(b, r.medianPhrase(c))
	return append(b, `</span>`...)
}

// The phrases memo (Renderer.phrases) holds translated phrases with
// numbers in them: rows say the same few (a group's median and size, the
// text alternative's sentence about a group) thousands of times. Keys hold
// everything that goes into a phrase, so it can never give a stale one: a
// group's figures are keyed by its site.ComparisonGroup, which a site gives
// no other figures, and which the memo keeps alive, so that no other group
// can get its address. A build of 10,000 clusters stores about 20,000
// phrases; the dev server keeps its renderer while sites derived anew (a
// new day, an edited config) bring new groups, which the memo's bound
// takes care of.

// medianPhrase is "median 130, n = 10000" for a group.
func (r *Renderer) medianPhrase(c site.Comparison) string {
	format := func() string { return r.cat.translate("median %s, n = %d", c.Median, c.Summary.N) }
	type key struct{ group *site.ComparisonGroup }
	return r.perGroup(c, key{c.Group}, format)
}

// perGroup returns format(), remembered under key, which must hold
// c.Group, when c has a group: a comparison without one has no identity to
// key its figures by.
func (r *Renderer) perGroup(c site.Comparison, key any, format func() string) string {
	if c.Group == nil {
		return format()
	}
	return r.phrases.Get(key, format)
}

// groupPhrase is the box plot's text alternative about one group, "all"
// clusters or the "portfolio": "All clusters (n = 7531, median 131): top
// quarter."
func (r *Renderer) groupPhrase(group, portfolio string, c site.Comparison) string {
	format := func() string {
		name := r.cat.translate("All clusters")
		if group == "portfolio" {
			name = r.cat.translate("%s portfolio", portfolio)
		}
		return r.cat.translate("%s (n = %d, median %s): %s.", name, c.Summary.N, c.Median, r.cat.translate(c.Position.String()))
	}
	type key struct {
		group           *site.ComparisonGroup
		kind, portfolio string
		position        stats.Position
	}
	return r.perGroup(c, key{c.Group, group, portfolio, c.Position}, format)
}

// appendHTML escapes text for HTML elements and quoted attributes exactly
// as html/template does (which, unlike template.HTMLEscapeString, also
// escapes '+').
func appendHTML(b []byte, s string) []byte {
	last := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case 0:
			esc = "\uFFFD"
		case '"':
			esc = "&#34;"
		case '&':
			esc = "&amp;"
		case '\'':
			esc = "&#39;"
		case '+':
			esc = "&#43;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		default:
			continue
		}
		b = append(b, s[last:i]...)
		b = append(b, esc...)
		last = i + 1
	}
	return append(b, s[last:]...)
}
