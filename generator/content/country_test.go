package content

import (
	"slices"
	"testing"

	"golang.org/x/text/language"
)

func TestCountryListAgreesWithXText(t *testing.T) {
	if len(isoCountries) != 249 {
		t.Errorf("%d codes, want the 249 of ISO 3166-1", len(isoCountries))
	}
	if !slices.IsSorted(isoCountries) {
		t.Error("isoCountries is not sorted; isCountry searches it")
	}
	for _, code := range isoCountries {
		r, err := language.ParseRegion(code)
		if err != nil || !r.IsCountry() || r.String() != code {
			t.Errorf("x/text does not know %s as a country (%v, %v)", code, r, err)
		}
	}
	for _, code := range []string{"UK", "EU", "ZZ", "XK", "AA", "QO", "UN", "EZ", "SU", "AC", "de", "DEU", "276", " DE"} {
		if isCountry(code) {
			t.Errorf("isCountry(%q) = true", code)
		}
	}
}
