package render

import (
	"html/template"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"clustersite/generator/chart"
	"clustersite/generator/model"
	"clustersite/generator/site"
	"clustersite/generator/stats"
)

// rowTemplate is the indicator table row of templates/report.html as
// template actions, before indicatorRow replaced it.
const rowTemplate = `{{define "comparison"}}{{if .Shown}}<span class="cmp cmp-{{printf "%d" .Position}}">{{t .Position.String}}</span> <span class="median">{{t "median %s, n = %d" .Median .Summary.N}}</span>{{else}}<span class="na">–</span>{{end}}{{end}}` +
	`{{define "row"}}{{$tNotReported := t "not reported"}}{{$c := .Cluster}}{{with .Row}}<tr id="ind-{{.ID}}">
    <th scope="row">{{.Title}}</th>
    {{- if and .Wide .Reported}}
    <td class="value value-text" colspan="4">{{.Value}}</td>
    {{- else}}
    <td class="value">{{if not .Reported}}<span class="missing">{{$tNotReported}}</span>{{else if eq .Kind "bool"}}{{t .Value}}{{else}}{{.Value}}{{end}}</td>
    <td data-label="{{t "All clusters"}}">{{template "comparison" .All}}</td>
    <td data-label="{{t "Portfolio"}}">{{template "comparison" .Portfolio}}</td>
    <td class="chart-cell">{{boxplot . $c.Portfolio}}</td>
    {{- end}}
   </tr>{{end}}{{end}}`

func TestIndicatorRowMatchesItsTemplate(t *testing.T) {
	odd := "<b> & \"q\" 'a' +1 \x00 \xff é"
	sum := stats.Summary{N: 10000, Min: 1, Q1: 50, Median: 130, Q3: 210, Max: 5000}
	shown := site.Comparison{Shown: true, Position: stats.AboveQ3, Summary: sum, Median: "130"}
	rows := []*site.IndicatorRow{
		{ID: "participants", Title: "Committed cluster participants", Kind: model.KindCount, Reported: true, Value: "203 participants", Num: 203, All: shown, Portfolio: shown},
		{ID: "staff", Title: "Staff", Kind: model.KindCount, All: site.Comparison{}, Portfolio: shown},
		{ID: "board", Title: "Board", Kind: model.KindBool, Reported: true, Value: "yes"},
		{ID: "legal_form", Title: "Legal form", Kind: model.KindChoice, Reported: true, Value: odd},
		{ID: "services", Title: "Services", Kind: model.KindMultichoice},
		{ID: odd, Title: odd, Kind: model.KindNumber, Reported: true, Value: odd, Num: 7,
			All: site.Comparison{Shown: true, Position: stats.BelowQ1, Summary: sum, Median: odd}},
	}
	theme := os.DirFS("../..")
	for _, lang := range []string{"en", "de", "fr"} {
		r, err := New(theme, fstest.MapFS{}, lang)
		if err != nil {
			t.Fatal(err)
		}
		tmpl := template.Must(template.New("t").Funcs(newFuncs(r)).Parse(rowTemplate))
		for _, portfolio := range []string{"", "Food industry", odd} {
			for _, row := range rows {
				var want strings.Builder
				data := map[string]any{"Row": row, "Cluster": &site.Cluster{Portfolio: portfolio}}
				if err := tmpl.ExecuteTemplate(&want, "row", data); err != nil {
					t.Fatal(err)
				}
				// Twice: the second row comes from what the renderer
				// remembers of the first.
				for range 2 {
					if got := string(r.indicatorRow(row, portfolio)); got != want.String() {
						t.Errorf("%s, row %s:\n%s\nwant:\n%s", lang, row.ID, got, want.String())
					}
				}
			}
			// indicatorRows is the rows as the template's range wrote
			// them, each on its own line.
			var want strings.Builder
			for _, row := range rows {
				want.WriteString("\n   " + string(r.indicatorRow(row, portfolio)))
			}
			if got := string(r.indicatorRows(rows, portfolio)); got != want.String() {
				t.Errorf("%s, indicatorRows:\n%s\nwant:\n%s", lang, got, want.String())
			}
		}
	}
}

// appendHTML must escape as html/template does in text and in quoted
// attributes.
func TestAppendHTMLEscapesAsHTMLTemplate(t *testing.T) {
	for _, s := range []string{"", "plain", "<b> & \"q\" 'a' +1 \x00 \xff é", "&&&", "a+b=c", "\x00\x00", "ends with <"} {
		checkAppendHTML(t, s)
	}
}

func FuzzAppendHTML(f *testing.F) {
	f.Add("<b> & \"q\" 'a' +1 \x00 \xff é")
	f.Fuzz(checkAppendHTML)
}

var escapeTemplate = template.Must(template.New("").Parse(`<p title="{{.}}">{{.}}</p>`))

func checkAppendHTML(t *testing.T, s string) {
	var want strings.Builder
	if err := escapeTemplate.Execute(&want, s); err != nil {
		t.Fatal(err)
	}
	esc := string(appendHTML([]byte("x"), s))[1:]
	if got := `<p title="` + esc + `">` + esc + `</p>`; got != want.String() {
		t.Errorf("%q: appendHTML gives\n%s\nhtml/template\n%s", s, got, want.String())
	}
}

// TestBoxIconsAreChartIcons: the legend's symbols, drawn once per
// renderer, are chart.Icon's, and a kind not drawn in advance still is.
func TestBoxIconsAreChartIcons(t *testing.T) {
	r, err := New(os.DirFS("../.."), fstest.MapFS{}, "en")
	if err != nil {
		t.Fatal(err)
	}
	for _, kind := range append(iconKinds, "other", "") {
		if got, want := string(r.boxIcon(kind)), string(chart.Icon(kind)); got != want {
			t.Errorf("boxIcon(%q) = %s, want %s", kind, got, want)
		}
	}
	if len(r.icons) != len(iconKinds) {
		t.Errorf("%d icons drawn in advance, want %d", len(r.icons), len(iconKinds))
	}
}
