package render_test

import (
	"bytes"
	"os"
	"testing"
	"testing/fstest"

	"clustersite/generator/build"
	"clustersite/generator/render"
	"clustersite/generator/site"
)

// TestFoldedTemplatesWriteWhatTheTemplatesWrite renders every page of the
// sample site in every language of the theme with and without folded
// translations (fold.go): the pages must be the same, byte for byte.
func TestFoldedTemplatesWriteWhatTheTemplatesWrite(t *testing.T) {
	theme := os.DirFS("../..")
	s, problems, err := build.Load(theme, build.Options{})
	if err != nil || len(problems.Errors()) > 0 {
		t.Fatalf("load the sample: %v %v", err, problems.Errors())
	}
	pages := s.Pages()
	for _, lang := range []string{"en", "de", "fr"} {
		folded, err := render.New(theme, theme, lang)
		if err != nil {
			t.Fatal(err)
		}
		plain, err := render.NewUnfolded(theme, theme, lang)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range pages {
			if got, want := renderPage(t, folded, p), renderPage(t, plain, p); !bytes.Equal(got, want) {
				t.Errorf("%s %s: folded templates write\n%s\nwant\n%s", lang, p.Path, got, want)
			}
		}
	}
}

// TestOnlyTextAndAttributeTranslationsAreFolded puts {{t}} in every kind
// of place: only the element text and the quoted attribute are folded,
// and the page is what the templates write.
func TestOnlyTextAndAttributeTranslationsAreFolded(t *testing.T) {
	theme := fstest.MapFS{
		"templates/base.html": {Data: []byte(`<!DOCTYPE html><title>{{t "Directory"}}</title>` +
			`<p aria-label="{{t "Main"}}">{{t "Directory"}} {{t "%s label" "Gold"}}</p>` +
			`<a href="/{{t "Open data"}}/">x</a><p class={{t "Main"}}>y</p>` +
			`<script>var s = {{t "Directory"}};</script><style>p { content: "{{t "Main"}}" }</style>`)},
		"templates/list.html":    {Data: []byte(`{{define "main"}}{{end}}`)},
		"templates/i18n/de.toml": {Data: []byte("\"Directory\" = \"Verzeichnis <&>\"\n\"Main\" = \"Haupt \\\"+'\"\n\"Open data\" = \"Offene Daten\"\n")},
	}
	for _, lang := range []string{"en", "de"} {
		folded, err := render.New(theme, fstest.MapFS{}, lang)
		if err != nil {
			t.Fatal(err)
		}
		plain, err := render.NewUnfolded(theme, fstest.MapFS{}, lang)
		if err != nil {
			t.Fatal(err)
		}
		p := site.Page{Path: "x/index.html", Template: "list"}
		got, want := renderPage(t, folded, p), renderPage(t, plain, p)
		if !bytes.Equal(got, want) {
			t.Errorf("%s: folded\n%s\nwant\n%s", lang, got, want)
		}
		if n := render.Folded(folded, "list"); n != 2 {
			t.Errorf("%s: %d actions folded, want 2 (the paragraph's text and its aria-label)", lang, n)
		}
	}
}

func renderPage(t *testing.T, r *render.Renderer, p site.Page) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := r.Render(&b, p); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
