package content

import (
	"fmt"
	"testing"
)

// TestControlCharactersInAnyText: TOML lets an editor write NUL and the
// other control characters as \u escapes; no text field may hold them but
// tab and line breaks, whatever the field.
func TestControlCharactersInAnyText(t *testing.T) {
	for _, tc := range []struct{ key, value, want string }{
		{"description", `"a\u0000b"`, "cluster.description: must not contain control characters other than tab and line breaks, got U+0000"},
		{"description", `"bell\u0007"`, "cluster.description: must not contain control characters other than tab and line breaks, got U+0007"},
		{"description", `"del\u007F"`, "cluster.description: must not contain control characters other than tab and line breaks, got U+007F"},
		{"description", `"c1\u0085"`, "cluster.description: must not contain control characters other than tab and line breaks, got U+0085"},
		{"description", "\"\"\"\nTwo\r\nlines\tand a tab\n\"\"\"", ""},
		{"description", `"Arabic mark \u200F and \u061C allowed in Markdown: \u202E too"`, ""},
		{"region", `"Amman\u0000"`, "cluster.region: must be a single line of text (no control characters)"},
	} {
		t.Run(tc.key+tc.value, func(t *testing.T) {
			var want []string
			if tc.want != "" {
				want = append(want, qoot+":4:1: "+tc.want)
			}
			expectProblems(t, one(edit(t, `country = "JO"`, fmt.Sprintf("country = \"JO\"\n%s = %s", tc.key, tc.value))), want...)
		})
	}
	summary := edit(t, `publish = "profile"`, "publish = \"profile\"\nsummary = \"x\\u0000\"")
	expectProblems(t, one(summary), qoot+":9:1: assessment.summary: must not contain control characters other than tab and line breaks, got U+0000")
	text := edit(t, `publish = "profile"`, "publish = \"profile\"\n[indicators]\nrecognition = \"x\\u0000\"")
	expectProblems(t, one(text), qoot+":10:1: indicators.recognition: must not contain control characters other than tab and line breaks, got U+0000")
}

// TestBidiControlsInSingleLineFields: an override in a name would reverse
// the interface text after it wherever the name is shown inline.
func TestBidiControlsInSingleLineFields(t *testing.T) {
	for _, r := range []rune{0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069} {
		src := edit(t, `name = "Qoot Cluster"`, fmt.Sprintf("name = \"Qoot \\u%04X Cluster\"", r))
		expectProblems(t, one(src),
			fmt.Sprintf("%s:2:1: cluster.name: must not contain the bidirectional control character U+%04X, which reorders the text around it", qoot, r))
	}
	for _, key := range []string{"region", "expert", "report_id"} {
		table := "cluster"
		anchor := `country = "JO"`
		line := 4
		if key != "region" {
			table, anchor, line = "assessment", `publish = "profile"`, 9
		}
		expectProblems(t, one(edit(t, anchor, anchor+"\n"+key+" = \"\\u202Egnp.exe\"")),
			fmt.Sprintf("%s:%d:1: %s.%s: must not contain the bidirectional control character U+202E, which reorders the text around it", qoot, line, table, key))
	}
	// Marks that change no other text stay allowed, for names in
	// right-to-left scripts.
	expectProblems(t, one(edit(t, `country = "JO"`, "country = \"JO\"\nnative_name = \"\\u200Fقوت\\u200E\"")))
}
