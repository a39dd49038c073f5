package render

import (
	"fmt"
	"html/template"
	"strings"

	"golang.org/x/text/language"

	"clustersite/generator/model"
	"clustersite/generator/site"
)

// newFuncs returns the functions templates may call.
func newFuncs(r *Renderer, lang string, cat catalog) template.FuncMap {
	f := site.NewFormatter(language.Make(lang))
	return template.FuncMap{
		// t translates interface text: {{t "Valid until"}}; see i18n.go.
		"t": cat.translate,
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
		// date formats a date for reading: "25 July 2019".
		"date": func(d model.Date) string {
			if d.IsZero() {
				return ""
			}
			return fmt.Sprintf("%d %s %d", d.Day, d.Month, d.Year)
		},
		// num formats a number with digit grouping and at most two decimals.
		"num": f.Number,
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
