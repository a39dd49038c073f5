package render

import (
	"html/template"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"clustersite/generator/model"
	"clustersite/generator/site"
)

// clusterRowsTemplate is the rows of the cluster-table partial of
// templates/_partials.html as template actions, before clusterRows
// replaced them.
const clusterRowsTemplate = `{{define "badge"}}<span class="badge badge-{{.}}">{{t .Title}}</span>{{end}}` +
	`{{define "status"}}<span class="status status-{{.}}">{{t .Title}}</span>{{end}}` +
	`{{define "rows"}}{{$root := .Root}}{{$valid := t "Valid until"}}<tbody>
 {{- range .Clusters}}
 <tr>
  <th scope="row"><a href="{{$root}}{{.URL}}">{{.Name}}</a>{{with .Region}}<span class="region">{{.}}</span>{{end}}</th>
  <td>{{.CountryName}}</td>
  <td>{{.Portfolio}}</td>
  <td>{{template "badge" .Label}}</td>
  <td class="valid" data-label="{{$valid}}"><time datetime="{{.ValidUntil}}">{{date .ValidUntil}}</time></td>
  <td>{{template "status" .Status}}</td>
 </tr>
 {{- end}}
 </tbody>{{end}}`

func TestClusterRowsMatchTheirTemplate(t *testing.T) {
	odd := "<b> & \"q\" 'a' +1 \x00 \xff é %41 ?x=1#f"
	clusters := []*site.Cluster{
		{Name: "Qoot Cluster", URL: "clusters/qoot/", CountryName: "Jordan", Region: "Amman", Portfolio: "Food industry",
			Label: model.Gold, ValidUntil: model.NewDate(2027, 7, 25), Status: model.StatusValid},
		{Name: "Älpha", URL: "clusters/älpha cluster/", CountryName: "Deutschland", Label: model.Bronze,
			ValidUntil: model.NewDate(2020, 1, 31), Status: model.StatusExpired},
		{Name: odd, URL: odd, CountryName: odd, Region: odd, Portfolio: odd, Label: model.Label(odd),
			ValidUntil: model.NewDate(2026, 12, 1), Status: model.Status(odd)},
		{Name: "Scheme", URL: "javascript:alert(1)", Label: model.Silver, Status: model.StatusExpiring},
	}
	theme := os.DirFS("../..")
	for _, lang := range []string{"en", "de", "fr"} {
		r, err := New(theme, fstest.MapFS{}, lang)
		if err != nil {
			t.Fatal(err)
		}
		tmpl := template.Must(template.New("t").Funcs(newFuncs(r)).Parse(clusterRowsTemplate))
		for _, root := range []string{"", "../", "../../", "https://example.org/dir/", "javascript:alert(1)//", "JavaScript:x", "mailto:a@b", "a b/", odd} {
			var want strings.Builder
			if err := tmpl.ExecuteTemplate(&want, "rows", map[string]any{"Root": root, "Clusters": clusters}); err != nil {
				t.Fatal(err)
			}
			if got := "<tbody>" + string(r.clusterRows(clusters, root)) + "\n </tbody>"; got != want.String() {
				t.Errorf("%s, root %q:\n%s\nwant:\n%s", lang, root, got, want.String())
			}
		}
	}
}

func FuzzNormalizeURLAsHTMLTemplate(f *testing.F) {
	f.Add("../", "clusters/qoot/")
	f.Add("javascript:x", "a b%zz\x00é")
	urlTemplate := template.Must(template.New("").Parse(`<a href="{{.Root}}{{.URL}}">`))
	f.Fuzz(func(t *testing.T, root, url string) {
		var want strings.Builder
		if err := urlTemplate.Execute(&want, map[string]string{"Root": root, "URL": url}); err != nil {
			t.Fatal(err)
		}
		got := `<a href="` + string(appendHTML(appendHTML(nil, normalizeURL(filterURL(root))), normalizeURL(filterURL(url)))) + `">`
		if got != want.String() {
			t.Errorf("root %q, url %q:\n%s\nwant\n%s", root, url, got, want.String())
		}
	})
}
