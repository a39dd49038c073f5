package site

import (
	"math"
	"testing"
	"unsafe"

	"golang.org/x/text/language"
)

func TestNumberGroupsDigitsAndKeepsTwoDecimals(t *testing.T) {
	for _, tc := range []struct {
		lang string
		n    float64
		want string
	}{
		{"en", 1250000, "1,250,000"},
		{"en", 78.5, "78.5"},
		{"en", 2.125, "2.12"},
		{"en", -1234.567, "-1,234.57"},
		{"en", 0, "0"},
		{"de", 1250000, "1.250.000"},
		{"de", 78.5, "78,5"},
		{"fr", 1250000, "1\u00a0250\u00a0000"},
		{"fr", 78.25, "78,25"},
	} {
		f := NewFormatter(language.Make(tc.lang))
		for range 2 { // formatted, then remembered
			if got := f.Number(tc.n); got != tc.want {
				t.Errorf("%s: Number(%v) = %q, want %q", tc.lang, tc.n, got, tc.want)
			}
		}
	}
}

// TestNumberMemoGivesWhatFormattingGives formats many numbers, most of them
// more than once and more of them than the memo keeps, and checks each
// against formatting without the memo; a number asked for again is the
// very string remembered.
func TestNumberMemoGivesWhatFormattingGives(t *testing.T) {
	for _, lang := range []string{"en", "de", "fr"} {
		f := NewFormatter(language.Make(lang))
		plain := Formatter{p: f.p}
		for i := range maxNumbers + 5000 {
			n := float64(i%(maxNumbers+1000)) / 4 // repeats after maxNumbers+1000
			if i%3 == 0 {
				n = -n * 1000
			}
			if got, want := f.Number(n), plain.Number(n); got != want {
				t.Fatalf("%s: Number(%v) = %q, formatted %q", lang, n, got, want)
			}
		}
		if got := f.Number(math.NaN()); got != plain.Number(math.NaN()) {
			t.Errorf("%s: Number(NaN) = %q", lang, got)
		}
		f = NewFormatter(language.Make(lang)) // the memo above is full
		a, b := f.Number(1234.5), f.Number(1234.5)
		if unsafe.StringData(a) != unsafe.StringData(b) {
			t.Errorf("%s: Number(1234.5) is formatted each time, not remembered", lang)
		}
	}
}
