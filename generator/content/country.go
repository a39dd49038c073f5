package content

import (
	"fmt"
	"slices"
	"strings"

	"golang.org/x/text/language"
)

// isoCountries are the 249 officially assigned ISO 3166-1 alpha-2 codes,
// sorted.
//
// The list is kept here because golang.org/x/text has no clean "is an ISO
// country" test: language.Region.IsCountry also accepts CLDR's extra regions
// and reserved or withdrawn codes (UK, EZ, UN, XK, AC, IC, DD, YU, SU and
// more, 285 in all). x/text is used to suggest the right code for such
// mistakes (UK → GB, DEU → DE), and TestCountryListAgreesWithXText checks
// the list against it.
var isoCountries = strings.Fields(`
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE
BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD
CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM
DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF
GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU
ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN
KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME
MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA
NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM
PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI
SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK
TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI
VN VU WF WS YE YT ZA ZM ZW
`)

// isCountry reports whether code is an ISO 3166-1 alpha-2 code in upper
// case.
func isCountry(code string) bool {
	_, found := slices.BinarySearch(isoCountries, code)
	return found
}

// checkCountry returns what is wrong with a country code, or "".
func checkCountry(code string) string {
	if isCountry(code) {
		return ""
	}
	if up := strings.ToUpper(code); isCountry(up) {
		return fmt.Sprintf("must be upper case: %q", up)
	}
	msg := fmt.Sprintf("%q is not an ISO 3166-1 alpha-2 country code", code)
	if s := suggestCountry(code); s != "" {
		msg += fmt.Sprintf("; did you mean %s?", s)
	}
	return msg
}

// suggestCountry maps a region code x/text understands (alpha-3, numeric,
// deprecated, "UK") to the current alpha-2 code, or returns "".
func suggestCountry(code string) string {
	r, err := language.ParseRegion(strings.TrimSpace(code))
	if err != nil {
		return ""
	}
	if s := r.Canonicalize().String(); isCountry(s) {
		return s
	}
	return ""
}
