// Package fold defines how the directory search compares text: the rule
// that makes "aragones" find "Aragonés", "thuringen" find "thüringen",
// "bm3" find "BM³" and "d'empreses" find "d’Empreses".
//
// Text is folded to words:
//
//   - compatibility decomposition (NFKD) reduces "³" to "3" and "ﬁ" to
//     "fi" and splits accented letters into a base letter and marks;
//   - nonspacing marks (Unicode category Mn) are removed: "é" → "e";
//   - every letter is lower-cased; a few Latin letters that are letters of
//     their own, not a base letter with a mark, are spelled out: "ß" → "ss",
//     "æ" → "ae", "ø" → "o", "ł" → "l", and the final sigma "ς" becomes "σ";
//   - the curly apostrophes ’ ‘ ʼ become the straight one ', which stays
//     inside a word ("d'empreses") but not at either end, and a run of
//     apostrophes becomes one;
//   - the Catalan middle dot and invisible format characters (Cf, such as
//     the soft hyphen) join the letters around them: "col·laboració" →
//     "collaboracio";
//   - every character that is not a letter, a number or an apostrophe
//     separates words.
//
// The browser folds the query and the index text with assets/search.js,
// which implements the same rule; the build uses this package to know what
// the browser will make of a name (see site.SearchIndex).
// testdata/fold.json is the table both implementations must satisfy:
// TestFoldTable checks this package against it and the browser test of the
// search page checks the JavaScript against it.
//
// The script then splits folded text into the words a query word may match
// the start of: a word with apostrophes counts as its parts and as the
// parts written together, so "d'empreses" is found by "d", "empreses",
// "d'emp" and "dempreses". The query itself is split at spaces and
// apostrophes.
package fold

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// special spells out the lower-case letters that decomposition leaves
// alone.
var special = map[rune]string{
	'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'ł': "l", 'đ': "d",
	'ð': "d", 'þ': "th", 'ı': "i", 'ħ': "h", 'ς': "σ",
}

// String folds s: lower-case words of letters and numbers, separated by
// single spaces, without leading or trailing space. A word may hold single
// straight apostrophes between its letters ("d'empreses"); apostrophes at
// either end of a word are dropped and runs of them become one. The result
// is empty when s has no letter or number.
func String(s string) string {
	t := transform.Chain(norm.NFKD, runes.Remove(runes.In(unicode.Mn)))
	decomposed, _, err := transform.String(t, s)
	if err != nil {
		decomposed = s
	}
	var mapped strings.Builder
	for _, r := range decomposed {
		r = unicode.ToLower(r)
		switch {
		case special[r] != "":
			mapped.WriteString(special[r])
		case r == '’' || r == '‘' || r == 'ʼ':
			mapped.WriteByte('\'')
		case r == '·' || unicode.Is(unicode.Cf, r):
		default:
			mapped.WriteRune(r)
		}
	}
	words := strings.FieldsFunc(mapped.String(), isSeparator)
	out := words[:0]
	for _, w := range words {
		for strings.Contains(w, "''") {
			w = strings.ReplaceAll(w, "''", "'")
		}
		if w = strings.Trim(w, "'"); w != "" {
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}

// isSeparator reports whether r separates words: anything but a letter, a
// number or an apostrophe.
func isSeparator(r rune) bool {
	return !(unicode.IsLetter(r) || unicode.IsNumber(r) || r == '\'')
}
