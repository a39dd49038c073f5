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

// clusterRowsTemplate returns the rows clusterRows stands for, as template
// actions: they are the comment of the cluster-table partial in
// templates/_partials.html, which this test so keeps true. It defines
// "rows" beside the partials' own "badge" and "status".
func clusterRowsTemplate(t *testing.T) string {
	t.Helper()
	src, err := os.ReadFile("../../templates/_partials.html")
	if err != nil {
		t.Fatal(err)
	}
	_, rows, ok := strings.Cut(string(src), "as this would write them:\n")
	rows, _, ok2 := strings.Cut(rows, "\n     A theme that wants other rows")
	if !ok || !ok2 {
		t.Fatal("templates/_partials.html: the cluster-table comment no longer shows the rows")
	}
	return string(src) + `{{define "rows"}}<tbody>` + strings.TrimLeft(rows, " ") + "\n </tbody>{{end}}"
}

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
		tmpl := template.Must(template.New("t").Funcs(newFuncs(r)).Parse(clusterRowsTemplate(t)))
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
