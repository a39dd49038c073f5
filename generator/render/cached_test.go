package render

import (
	"bytes"
	"math"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"unsafe"

	"clustersite/generator/site"
)

// cachedTheme uses cached in a page: a partial of _partials.html, a
// partial given a slice (not comparable), a partial of a page kind's own
// file (not shared).
var cachedTheme = fstest.MapFS{
	"templates/base.html": {Data: []byte(`{{template "main" .}}`)},
	"templates/_partials.html": {Data: []byte(`{{define "greet"}}<p title="{{.Root}}">{{t "Directory"}}: {{.Root}}{{if .Index}} (index){{end}}</p>{{end}}` +
		`{{define "list"}}{{range .}}{{.}}{{end}}{{end}}`)},
	"templates/list.html":    {Data: []byte(`{{define "main"}}{{cached "greet" .Nav}}{{end}}`)},
	"templates/bad.html":     {Data: []byte(`{{define "main"}}{{cached "list" .Sectors}}{{end}}`)},
	"templates/own.html":     {Data: []byte(`{{define "main"}}{{cached "mine" .Nav}}{{end}}{{define "mine"}}x{{end}}`)},
	"templates/i18n/de.toml": {Data: []byte(`"Directory" = "Verzeichnis"` + "\n")},
}

type navPage struct {
	Nav     site.Nav
	Sectors []string
}

func TestCachedRendersAPartialOncePerDot(t *testing.T) {
	r, err := New(cachedTheme, fstest.MapFS{}, "de")
	if err != nil {
		t.Fatal(err)
	}
	render := func(tmpl string, data any) (string, error) {
		var b bytes.Buffer
		err := r.Render(&b, site.Page{Path: "x", Template: tmpl, Data: data})
		return b.String(), err
	}
	for _, tc := range []struct {
		nav  site.Nav
		want string
	}{
		{site.Nav{Root: "../", Section: "countries"}, `<p title="../">Verzeichnis: ../</p>`},
		{site.Nav{Root: "../", Section: "countries", Index: true}, `<p title="../">Verzeichnis: ../ (index)</p>`},
		{site.Nav{Root: `"><script>`}, `<p title="&#34;&gt;&lt;script&gt;">Verzeichnis: &#34;&gt;&lt;script&gt;</p>`},
		{site.Nav{Root: "../", Section: "countries"}, `<p title="../">Verzeichnis: ../</p>`},
	} {
		got, err := render("list", navPage{Nav: tc.nav})
		if err != nil || got != tc.want {
			t.Errorf("%+v: %q, %v; want %q", tc.nav, got, err, tc.want)
		}
	}
	// Three distinct dots, three entries; the fourth page was the first's.
	if n := r.partials.Len(); n != 3 {
		t.Errorf("%d partials rendered, want 3", n)
	}
	a, _ := r.cached("greet", site.Nav{Root: "../", Section: "countries"})
	b, _ := r.cached("greet", site.Nav{Root: "../", Section: "countries"})
	if unsafe.StringData(string(a)) != unsafe.StringData(string(b)) {
		t.Error("the same dot was rendered again")
	}
	if _, err := render("bad", navPage{Sectors: []string{"a"}}); err == nil || !strings.Contains(err.Error(), "dot must be") {
		t.Errorf("a slice as dot: %v, want an error saying what dot must be", err)
	}
	type withPointer struct {
		Root string
		Site *site.Site
	}
	for _, dot := range []any{nil, &site.Nav{}, withPointer{}, math.NaN(), struct{ X [2]float64 }{[2]float64{1, math.NaN()}}, any([]int(nil))} {
		if _, err := r.cached("greet", dot); err == nil {
			t.Errorf("cached with dot %#v: no error", dot)
		}
	}
	for _, dot := range []any{"a", 1, 2.5, true, site.Nav{}, struct {
		A [2]int
		B struct{ C string }
	}{}} {
		if !plainValue(reflect.ValueOf(dot)) {
			t.Errorf("%#v is refused as dot", dot)
		}
	}
	if _, err := render("own", navPage{}); err == nil {
		t.Error("a partial of a page kind's own file was found; cached runs shared partials only")
	}
}
