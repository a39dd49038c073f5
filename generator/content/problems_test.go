package content

import (
	"fmt"
	"strings"
	"testing"
)

// One test per kind of mistake; each asserts the exact problems,
// path:line:col: field: message.

func TestMinimalFileHasNoProblems(t *testing.T) {
	dir := expectProblems(t, one(minimal))
	if ids := clusterIDs(dir); len(ids) != 1 || ids[0] != "qoot-cluster" {
		t.Errorf("clusters = %v, want [qoot-cluster]", ids)
	}
}

func TestSyntaxError(t *testing.T) {
	expectProblems(t, one(edit(t, `country = "JO"`, `country = JO`)),
		qoot+`:3:11: cluster.country: expected value but found "JO" instead`)
}

func TestSyntaxErrorAtEndOfLine(t *testing.T) {
	expectProblems(t, one(edit(t, "[cluster]", "[cluster")),
		qoot+`:1:9: expected '.' or ']' to end table name, but got '\n' instead`)
}

func TestDuplicateKeyIsSyntaxError(t *testing.T) {
	expectProblems(t, one(edit(t, `label = "bronze"`, "label = \"bronze\"\nlabel = \"gold\"")),
		qoot+`:8:1: assessment.label: Key 'assessment.label' has already been defined.`)
}

func TestImpossibleDateIsSyntaxErrorOnItsLine(t *testing.T) {
	expectProblems(t, one(edit(t, "date = 2019-07-25", "date = 2021-02-30")),
		qoot+`:6:8: assessment.date: invalid datetime: "2021-02-30"`)
}

func TestUnknownKeys(t *testing.T) {
	src := `title = "Qoot"
[cluster]
name = "Qoot Cluster"
country = "JO"
  colour = "red"
"odd key" = 1

[assessment]
date = 2019-07-25
label = "bronze"
publish = "profile"
validUntil = 2021-07-25

[extra]
x = 1
`
	expectProblems(t, one(src),
		qoot+`:1:1: title: unknown key; an assessment file has only the tables [cluster], [assessment] and [indicators]`,
		qoot+`:5:3: cluster.colour: unknown key`,
		qoot+`:6:1: cluster."odd key": unknown key`,
		qoot+`:12:1: assessment.validUntil: unknown key; did you mean valid_until?`,
		qoot+`:14:1: extra: unknown key; an assessment file has only the tables [cluster], [assessment] and [indicators]`,
	)
}

func TestWrongTypes(t *testing.T) {
	src := `[cluster]
name = 5
country = "JO"
founded = "2016"
sectors = ["ICT", 3]
website = ["https://qoot.org"]

[assessment]
date = "2019-07-25"
label = "gold"
valid_until = 2021-07-25T00:00:00
score = "93"
draft = "no"
publish = "profile"
`
	expectProblems(t, one(src),
		qoot+`:2:1: cluster.name: must be a string, got 5`,
		qoot+`:4:1: cluster.founded: must be a whole number, got "2016"`,
		qoot+`:5:1: cluster.sectors: must be an array of strings, but element 2 is 3`,
		qoot+`:6:1: cluster.website: must be a string, got ["https://qoot.org"]`,
		qoot+`:9:1: assessment.date: must be a date such as 2019-07-25 (a TOML local date, without quotes or time), got "2019-07-25"`,
		qoot+`:11:1: assessment.valid_until: must be a date such as 2019-07-25 (a TOML local date, without quotes or time), got a date with time 2021-07-25T00:00:00`,
		qoot+`:12:1: assessment.score: must be a number, got "93"`,
		qoot+`:13:1: assessment.draft: must be true or false, got "no"`,
	)
}

func TestNotANumber(t *testing.T) {
	src := edit(t, `label = "bronze"`, "label = \"gold\"\nscore = nan")
	expectProblems(t, one(src), qoot+`:8:1: assessment.score: must be a number, got nan`)
}

func TestMissingRequiredKeysPointAtTheTable(t *testing.T) {
	src := `[cluster]
region = "Amman"

[assessment]
publish = "profile"
`
	expectProblems(t, one(src),
		qoot+`:1:1: cluster.country: is required`,
		qoot+`:1:1: cluster.name: is required`,
		qoot+`:4:1: assessment.date: is required`,
		qoot+`:4:1: assessment.label: is required`,
	)
}

func TestBlankName(t *testing.T) {
	expectProblems(t, one(edit(t, `name = "Qoot Cluster"`, `name = "  "`)),
		qoot+`:2:1: cluster.name: must not be blank`)
}

func TestMissingTables(t *testing.T) {
	expectProblems(t, one("[indicators]\nparticipants = 5\n"),
		qoot+`:0:0: assessment: missing [assessment] table`,
		qoot+`:0:0: cluster: missing [cluster] table`,
	)
}

func TestTableThatIsNotATable(t *testing.T) {
	src := strings.Replace(minimal, "[cluster]\nname = \"Qoot Cluster\"\ncountry = \"JO\"\n", "cluster = \"Qoot\"\n", 1)
	expectProblems(t, one(src), qoot+`:1:1: cluster: must be a table [cluster], got "Qoot"`)
}

func TestDottedAndInlineKeysArePlaced(t *testing.T) {
	src := `cluster.name = 5
cluster.country = "JO"
assessment = { date = 2019-07-25, label = "copper", publish = "profile" }
`
	expectProblems(t, one(src),
		qoot+`:1:1: cluster.name: must be a string, got 5`,
		qoot+`:3:35: assessment.label: must be "bronze", "silver" or "gold", got "copper"`,
	)
}

func TestCountry(t *testing.T) {
	for _, tc := range []struct{ code, msg string }{
		{"jo", `must be upper case: "JO"`},
		{"UK", `"UK" is not an ISO 3166-1 alpha-2 country code; did you mean GB?`},
		{"ZZ", `"ZZ" is not an ISO 3166-1 alpha-2 country code`},
		{"EU", `"EU" is not an ISO 3166-1 alpha-2 country code`},
		{"XK", `"XK" is not an ISO 3166-1 alpha-2 country code`},
		{"400", `"400" is not an ISO 3166-1 alpha-2 country code; did you mean JO?`},
		{"JOR", `"JOR" is not an ISO 3166-1 alpha-2 country code; did you mean JO?`},
		{"YU", `"YU" is not an ISO 3166-1 alpha-2 country code`},
		{"DD", `"DD" is not an ISO 3166-1 alpha-2 country code; did you mean DE?`},
		{"", `"" is not an ISO 3166-1 alpha-2 country code`},
	} {
		t.Run(tc.code, func(t *testing.T) {
			expectProblems(t, one(edit(t, `country = "JO"`, fmt.Sprintf("country = %q", tc.code))),
				qoot+":3:1: cluster.country: "+tc.msg)
		})
	}
}

func TestLabel(t *testing.T) {
	expectProblems(t, one(edit(t, `label = "bronze"`, `label = "Silver"`)),
		qoot+`:7:1: assessment.label: must be lower case: "silver"`)
	expectProblems(t, one(edit(t, `label = "bronze"`, `label = "platinum"`)),
		qoot+`:7:1: assessment.label: must be "bronze", "silver" or "gold", got "platinum"`)
}

func TestPublish(t *testing.T) {
	expectProblems(t, one(edit(t, `publish = "profile"`, `publish = "public"`)),
		qoot+`:8:1: assessment.publish: must be "full" or "profile", got "public"`)
}

func TestPortfolio(t *testing.T) {
	expectProblems(t, one(edit(t, `country = "JO"`, "country = \"JO\"\nportfolio = \"food  INDUSTRY\"")),
		qoot+`:4:1: cluster.portfolio: unknown portfolio "food  INDUSTRY"; did you mean "Food industry"?`)
	expectProblems(t, one(edit(t, `country = "JO"`, "country = \"JO\"\nportfolio = \"Agri-food\"")),
		qoot+`:4:1: cluster.portfolio: unknown portfolio "Agri-food"; use one of the portfolios in config.toml: `+
			`"Aviation and space", "Biotechnology", "Construction", "Creative industries", "Energy and environment", `+
			`"Food industry", "Health and medical science", "ICT", "Maritime technologies, water resources", `+
			`"Micro, nano and optical technologies", "New materials and chemistry", "Production and engineering", `+
			`"Sports, Leisure and Tourism", "Transportation and mobility"`)
	expectProblems(t, one(edit(t, `country = "JO"`, "country = \"JO\"\nportfolio = \"\"")))
	expectProblems(t, one(edit(t, `country = "JO"`, "country = \"JO\"\nportfolio = \"Maritime technologies, water resources\"")))
}

func TestWebsite(t *testing.T) {
	for _, bad := range []string{"javascript:alert(1)", "data:text/html,<b>x</b>", "ftp://qoot.org", "/about", "qoot.org",
		"https://", "http:qoot.org", "https://:443/", "https://qoot .org"} {
		t.Run(bad, func(t *testing.T) {
			expectProblems(t, one(edit(t, `country = "JO"`, fmt.Sprintf("country = \"JO\"\nwebsite = %q", bad))),
				fmt.Sprintf("%s:4:1: cluster.website: must be an absolute http or https URL such as https://example.org, got %q", qoot, bad))
		})
	}
	for _, good := range []string{"https://qoot.org", "http://qoot.org/en/?a=1#x", "HTTPS://QOOT.ORG", "https://xn--qot-1na.org:8443/"} {
		expectProblems(t, one(edit(t, `country = "JO"`, fmt.Sprintf("country = \"JO\"\nwebsite = %q", good))))
	}
}

func TestValidUntilMustBeAfterDate(t *testing.T) {
	expectProblems(t, one(edit(t, "date = 2019-07-25", "date = 2019-07-25\nvalid_until = 2019-07-25")),
		qoot+`:7:1: assessment.valid_until: must be after the assessment date 2019-07-25, got 2019-07-25`)
	expectProblems(t, one(edit(t, "date = 2019-07-25", "date = 2019-07-25\nvalid_until = 2019-07-26")))
}

func TestFounded(t *testing.T) {
	for year, want := range map[int]string{
		1799: qoot + `:4:1: cluster.founded: must be a year from 1800 to 2020 (the year after the assessment), got 1799`,
		2021: qoot + `:4:1: cluster.founded: must be a year from 1800 to 2020 (the year after the assessment), got 2021`,
		2020: "",
		1800: "",
	} {
		var wants []string
		if want != "" {
			wants = append(wants, want)
		}
		expectProblems(t, one(edit(t, `country = "JO"`, fmt.Sprintf("country = \"JO\"\nfounded = %d", year))), wants...)
	}
}

func TestScore(t *testing.T) {
	withLabel := func(label, score string) map[string]string {
		return one(edit(t, `label = "bronze"`, fmt.Sprintf("label = %q\n%s", label, score)))
	}
	expectProblems(t, withLabel("bronze", "score = 80"), qoot+`:8:1: assessment.score: only gold assessments have a score`)
	expectProblems(t, withLabel("silver", "score = 80"), qoot+`:8:1: assessment.score: only gold assessments have a score`)
	expectProblems(t, withLabel("gold", "score = 0"), qoot+`:8:1: assessment.score: must be more than 0 and at most 100 (percent), got 0`)
	expectProblems(t, withLabel("gold", "score = 100.5"), qoot+`:8:1: assessment.score: must be more than 0 and at most 100 (percent), got 100.5`)
	expectProblems(t, withLabel("gold", "score = 100"))
	expectProblems(t, withLabel("gold", "score = 93.5"))
	expectProblems(t, withLabel("gold", ""), qoot+`:5:1: assessment.score: gold assessment without score (warning)`)
}

func TestUnknownMethodology(t *testing.T) {
	expectProblems(t, one(edit(t, `label = "bronze"`, "label = \"bronze\"\nmethodology = \"ecei-gold\"\n[indicators]\nparticipants = 5")),
		qoot+`:8:1: assessment.methodology: unknown methodology "ecei-gold"; known: ecei-bronze`)
}

func TestUnknownIndicator(t *testing.T) {
	src := minimal + "\n[indicators]\nparticipants = 54\nSME_share = 78.5\n\"no such\" = 1\n"
	expectProblems(t, one(src),
		qoot+`:12:1: indicators.SME_share: unknown indicator for methodology ecei-bronze; did you mean sme_share?`,
		qoot+`:13:1: indicators."no such": unknown indicator for methodology ecei-bronze`,
	)
}

// kindsMethodology has one indicator of every kind.
const kindsMethodology = `id = "kinds"
[[areas]]
id = "all"
title = "All kinds"
[[areas.indicators]]
id = "count"
title = "Count"
kind = "count"
[[areas.indicators]]
id = "percent"
title = "Percent"
kind = "percent"
[[areas.indicators]]
id = "money"
title = "Money"
kind = "money"
[[areas.indicators]]
id = "year"
title = "Year"
kind = "year"
[[areas.indicators]]
id = "number"
title = "Number"
kind = "number"
[[areas.indicators]]
id = "bool"
title = "Bool"
kind = "bool"
[[areas.indicators]]
id = "choice"
title = "Choice"
kind = "choice"
choices = ["weekly", "monthly"]
[[areas.indicators]]
id = "multichoice"
title = "Multichoice"
kind = "multichoice"
choices = ["web", "events"]
[[areas.indicators]]
id = "text"
title = "Text"
kind = "text"
`

func TestIndicatorValuesOfTheWrongKind(t *testing.T) {
	for _, tc := range []struct{ id, value, msg string }{
		{"count", "-1", "must be a count: a whole number >= 0, got -1"},
		{"count", "5.5", "must be a count: a whole number >= 0, got 5.5"},
		{"count", `"5"`, `must be a count: a whole number >= 0, got "5"`},
		{"percent", "100.1", "must be a percent: a number from 0 to 100, got 100.1"},
		{"percent", "-0.5", "must be a percent: a number from 0 to 100, got -0.5"},
		{"percent", "nan", "must be a percent: a number from 0 to 100, got nan"},
		{"money", "-1", "must be money: a number >= 0, got -1"},
		{"money", "inf", "must be money: a number >= 0, got inf"},
		{"year", "1799", "must be a year: a whole number from 1800 to 2100, got 1799"},
		{"year", "2016.0", "must be a year: a whole number from 1800 to 2100, got 2016.0"},
		{"number", "true", "must be a number, got true"},
		{"number", "-inf", "must be a number, got -inf"},
		{"bool", `"yes"`, `must be a bool: true or false, got "yes"`},
		{"choice", `"daily"`, `must be a choice: one of "weekly", "monthly", got "daily"`},
		{"choice", `["weekly"]`, `must be a choice: one of "weekly", "monthly", got ["weekly"]`},
		{"multichoice", `"web"`, `must be a multichoice: an array of distinct values from "web", "events", got "web"`},
		{"multichoice", `["web", "web"]`, `must be a multichoice: an array of distinct values from "web", "events", got ["web", "web"]`},
		{"multichoice", `["web", "radio"]`, `must be a multichoice: an array of distinct values from "web", "events", got ["web", "radio"]`},
		{"text", "42", "must be text: a string, got 42"},
		{"text", "{ a = 1 }", "must be text: a string, got a table"},
	} {
		t.Run(tc.id+"="+tc.value, func(t *testing.T) {
			src := edit(t, `label = "bronze"`, "label = \"bronze\"\nmethodology = \"kinds\"") +
				fmt.Sprintf("[indicators]\n%s = %s\n", tc.id, tc.value)
			expectProblems(t, map[string]string{qoot: src, "content/methodologies/kinds.toml": kindsMethodology},
				fmt.Sprintf("%s:11:1: indicators.%s: %s", qoot, tc.id, tc.msg))
		})
	}
}

func TestIndicatorValuesOfEveryKind(t *testing.T) {
	src := strings.Replace(minimal, `publish = "profile"`, `methodology = "kinds"`, 1) + `[indicators]
count = 0
percent = 100
money = 1250000.50
year = 2016
number = -3.5
bool = false
choice = "monthly"
multichoice = []
text = """Best cluster
of the year"""
`
	dir := expectProblems(t, map[string]string{qoot: src, "content/methodologies/kinds.toml": kindsMethodology})
	a := dir.Clusters[0].Assessments[0]
	got := fmt.Sprint(a.Values)
	want := "[count={0 false  []} percent={100 false  []} money={1.2500005e+06 false  []} year={2016 false  []} " +
		"number={-3.5 false  []} bool={0 false  []} choice={0 false monthly []} multichoice={0 false  []} " +
		"text={0 false Best cluster\nof the year []}]" // in the methodology's order
	if got != want {
		t.Errorf("values = %s\nwant     %s", got, want)
	}
}

func TestMissingIndicatorsWarning(t *testing.T) {
	full := strings.Replace(minimal, "publish = \"profile\"\n", "", 1) + "\n[indicators]\nparticipants = 54\nsme_share = 78.5\n"
	expectProblems(t, one(full),
		qoot+`:9:1: indicators: 34 of 36 indicators not reported: companies, research_orgs, other_participants, participant_growth, regional_share… (warning)`)
	noTable := strings.Replace(minimal, "publish = \"profile\"\n", "", 1)
	expectProblems(t, one(noTable),
		qoot+`:0:0: indicators: 36 of 36 indicators not reported: participants, companies, sme_share, research_orgs, other_participants… (warning)`)
	expectProblems(t, one(strings.Replace(full, "[indicators]", "draft = true\n[indicators]", 1)))
	expectProblems(t, one(strings.Replace(full, "[indicators]", "publish = \"profile\"\n[indicators]", 1)))
}

func TestExplicitClusterID(t *testing.T) {
	for _, bad := range []string{"../x", "a/b", "Qoot", "qoot--cluster", "-qoot", "qoot_cluster", "", "qoöt"} {
		t.Run(bad, func(t *testing.T) {
			expectProblems(t, one(edit(t, "[cluster]", fmt.Sprintf("[cluster]\nid = %q", bad))),
				fmt.Sprintf(`%s:2:1: cluster.id: must be lower-case letters and digits joined by single '-', such as "qoot-cluster", got %q`, qoot, bad))
		})
	}
	dir := expectProblems(t, one(edit(t, "[cluster]", "[cluster]\nid = \"jo-qoot-2\"")))
	if ids := clusterIDs(dir); fmt.Sprint(ids) != "[jo-qoot-2]" {
		t.Errorf("ids = %v, want [jo-qoot-2]", ids)
	}
}

func TestNameWithoutLatinLettersNeedsAnID(t *testing.T) {
	expectProblems(t, one(edit(t, `name = "Qoot Cluster"`, `name = "日本クラスター"`)),
		qoot+`:2:1: cluster.name: has no Latin letters or digits to make an id from; set cluster.id`)
	expectProblems(t, one(edit(t, `name = "Qoot Cluster"`, "name = \"日本クラスター\"\nid = \"japan-cluster\"")))
}

func TestControlCharactersInSingleLineFields(t *testing.T) {
	expectProblems(t, one(edit(t, `name = "Qoot Cluster"`, `name = "Qoot\nCluster"`)),
		qoot+`:2:1: cluster.name: must be a single line of text (no control characters)`)
	expectProblems(t, one(edit(t, `country = "JO"`, "country = \"JO\"\nsectors = [\"ICT\", \"\\tFood\"]")),
		qoot+`:4:1: cluster.sectors: element 2 must be a single line of text (no control characters)`)
	expectProblems(t, one(edit(t, `country = "JO"`, "country = \"JO\"\nsectors = [\"ICT\", \" \"]")),
		qoot+`:4:1: cluster.sectors: element 2 is blank`)
}

func TestLimits(t *testing.T) {
	big := minimal + "# " + strings.Repeat("x", 1<<20) + "\n"
	expectProblems(t, one(big), qoot+`:0:0: file is larger than 1 MiB`)
	long := edit(t, `country = "JO"`, fmt.Sprintf("country = \"JO\"\ndescription = %q", strings.Repeat("ü", 50_001)))
	expectProblems(t, one(long), qoot+`:4:1: cluster.description: is longer than 100000 bytes`)
	sectors := edit(t, `country = "JO"`, "country = \"JO\"\nsectors = ["+strings.Repeat(`"ICT", `, 1001)+"]")
	expectProblems(t, one(sectors), qoot+`:4:1: cluster.sectors: has 1001 sectors, more than 1000`)
	exact := minimal + "#" + strings.Repeat("x", 1<<20-len(minimal)-1)
	expectProblems(t, one(exact))
}

func TestByteOrderMarkIsIgnored(t *testing.T) {
	expectProblems(t, one("\ufeff"+edit(t, `name = "Qoot Cluster"`, "name = 5")),
		qoot+`:2:1: cluster.name: must be a string, got 5`)
}

func TestDeepNestingIsRejectedBeforeDecoding(t *testing.T) {
	// BurntSushi/toml needs minutes for such files; they must fail at once.
	deepTables := "x = " + strings.Repeat("{b=", 200_000) + "1" + strings.Repeat("}", 200_000)
	expectProblems(t, one(deepTables), qoot+`:1:51: nested deeper than 16 levels (arrays, inline tables or dotted keys)`)
	deepKey := minimal + "\n[indicators]\n" + strings.Repeat("a.", 100_000) + "b = 1\n"
	expectProblems(t, one(deepKey), qoot+`:11:1: nested deeper than 16 levels (arrays, inline tables or dotted keys)`)
	deepArrays := edit(t, `country = "JO"`, "country = \"JO\"\nsectors = "+strings.Repeat("[", 17)+strings.Repeat("]", 17))
	expectProblems(t, one(deepArrays), qoot+`:4:27: nested deeper than 16 levels (arrays, inline tables or dotted keys)`)
	sixteen := edit(t, `country = "JO"`, "country = \"JO\"\nsectors = "+strings.Repeat("[", 16)+strings.Repeat("]", 16))
	expectProblems(t, one(sixteen), qoot+`:4:1: cluster.sectors: must be an array of strings, but element 1 is [[[[[[[[[[[[[[[]]]]]]]]]]]]]]]`)
	deepMethodology := "id = \"deep\"\nx = " + strings.Repeat("[", 40) + strings.Repeat("]", 40)
	expectProblems(t, map[string]string{"content/methodologies/deep.toml": deepMethodology},
		`content/methodologies/deep.toml:2:21: nested deeper than 16 levels (arrays, inline tables or dotted keys)`)
}

func TestInvalidUTF8(t *testing.T) {
	expectProblems(t, one(edit(t, `name = "Qoot Cluster"`, "name = \"Qoot \xff\"")),
		qoot+`:2:9: cluster.name: invalid UTF-8 byte: 0xff`)
}
