package render

import (
	"testing"

	"clustersite/generator/model"
	"clustersite/generator/site"
)

func TestDatesReadInTheSiteLanguage(t *testing.T) {
	for _, tc := range []struct {
		lang string
		date model.Date
		want string
	}{
		{"en", model.NewDate(2019, 7, 25), "25 July 2019"},
		{"de", model.NewDate(2019, 7, 25), "25. Juli 2019"},
		{"de", model.NewDate(2026, 3, 1), "1. März 2026"},
		{"fr", model.NewDate(2019, 7, 25), "25 juillet 2019"},
		{"fr", model.NewDate(2021, 8, 1), "1er août 2021"},
		{"it", model.NewDate(2019, 7, 25), "2019-07-25"}, // no style: ISO 8601
		{"en", model.Date{}, ""},
	} {
		if got := formatDate(tc.lang, tc.date); got != tc.want {
			t.Errorf("formatDate(%s, %s) = %q, want %q", tc.lang, tc.date, got, tc.want)
		}
	}
}

// TestTextShowsItsArgumentsInTheLanguage checks site.Text: the key is
// translated, and so are the dates, labels, statuses and nested texts in
// its arguments.
func TestTextShowsItsArgumentsInTheLanguage(t *testing.T) {
	r := &Renderer{lang: "de", cat: catalog{
		"%s (%s): %s label, %s.": "%s (%s): %s-Label, %s.",
		"valid until %s":         "gültig bis %s",
		"Silver":                 "Silber",
		"%s: report of %s":       "%[2]s: Bericht über %[1]s",
	}}
	got := r.text(site.Text{Key: "%s (%s): %s label, %s.", Args: []any{"Alpha", "Deutschland", model.Silver,
		site.Text{Key: "valid until %s", Args: []any{model.NewDate(2027, 3, 1)}}}})
	if want := "Alpha (Deutschland): Silber-Label, gültig bis 1. März 2027."; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := r.text(site.Text{Key: "%s: report of %s", Args: []any{"Alpha", model.NewDate(2019, 7, 25)}}); got != "25. Juli 2019: Bericht über Alpha" {
		t.Errorf("reordered placeholders: %q", got)
	}
	if got := r.text(site.Verbatim("100 % Cluster %d")); got != "100 % Cluster %d" {
		t.Errorf("Verbatim = %q, want the text as it is", got)
	}
}
