package render

import (
	"fmt"
	"html/template"
	"strings"

	"clustersite/generator/site"
)

// clusterRows writes the rows of a table of clusters (the cluster-table
// partial of the directory and of every browse page), each on its own
// line as the template's range wrote them: 200 rows of ten actions each
// on 240 pages made a tenth of the pages' rendering time at 10,000
// clusters. TestClusterRowsMatchTheirTemplate pins the rows, their
// translation and their escaping to the template they replace.
func (r *Renderer) clusterRows(clusters []*site.Cluster, root string) template.HTML {
	valid := r.cat.translate("Valid until")
	// As html/template does with each action in a URL attribute, the root
	// and the cluster's URL are each filtered (no javascript: scheme) and
	// normalised; the root once for all rows.
	rootURL := normalizeURL(filterURL(root))
	return pooledHTML(func(b []byte) []byte {
		for _, c := range clusters {
			b = append(b, "\n <tr>\n  <th scope=\"row\"><a href=\""...)
			b = appendHTML(b, rootURL)
			b = appendHTML(b, normalizeURL(filterURL(c.URL)))
			b = append(b, "\">"...)
			b = appendHTML(b, c.Name)
			b = append(b, "</a>"...)
			if c.Region != "" {
				b = append(b, `<span class="region">`...)
				b = appendHTML(b, c.Region)
				b = append(b, "</span>"...)
			}
			b = append(b, "</th>\n  <td>"...)
			b = appendHTML(b, c.CountryName)
			b = append(b, "</td>\n  <td>"...)
			b = appendHTML(b, c.Portfolio)
			b = append(b, "</td>\n  <td><span class=\"badge badge-"...)
			b = appendHTML(b, string(c.Label))
			b = append(b, "\">"...)
			b = appendHTML(b, r.cat.translate(c.Label.Title()))
			b = append(b, "</span></td>\n  <td class=\"valid\" data-label=\""...)
			b = appendHTML(b, valid)
			b = append(b, "\"><time datetime=\""...)
			b = appendHTML(b, c.ValidUntil.String())
			b = append(b, "\">"...)
			b = appendHTML(b, formatDate(r.lang, c.ValidUntil))
			b = append(b, "</time></td>\n  <td><span class=\"status status-"...)
			b = appendHTML(b, string(c.Status))
			b = append(b, "\">"...)
			b = appendHTML(b, r.cat.translate(c.Status.Title()))
			b = append(b, "</span></td>\n </tr>"...)
		}
		return b
	})
}

// filterURL is html/template's filter of the first value in a URL
// attribute: a URL with a scheme other than http, https or mailto becomes
// "#ZgotmplZ".
func filterURL(s string) string {
	if scheme, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(scheme, "/") {
		if !strings.EqualFold(scheme, "http") && !strings.EqualFold(scheme, "https") && !strings.EqualFold(scheme, "mailto") {
			return "#ZgotmplZ"
		}
	}
	return s
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// normalizeURL is html/template's normaliser of values in a URL attribute:
// bytes that may not appear in a URL are percent-encoded; reserved
// characters and existing escapes are kept.
func normalizeURL(s string) string {
	var b strings.Builder
	written := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			strings.IndexByte("!#$&*+,/:;=?@[]-._~", c) >= 0:
			continue
		case c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]): // an escape already
			continue
		}
		if written == 0 {
			b.Grow(len(s) + 16)
		}
		b.WriteString(s[written:i])
		fmt.Fprintf(&b, "%%%02x", c)
		written = i + 1
	}
	if written == 0 {
		return s
	}
	b.WriteString(s[written:])
	return b.String()
}
