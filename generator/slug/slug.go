// Package slug turns names into URL path segments: cluster ids and
// portfolio pages. One function, so every URL of the site is made the same
// way.
package slug

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// maxSlug is the longest id Slug returns, in bytes.
const maxSlug = 80

// specialLetters are the Latin letters that compatibility decomposition
// does not reduce to ASCII (they are letters of their own, not a base letter
// with a mark). Their lower-case forms suffice: Slug lowercases first.
var specialLetters = map[rune]string{
	'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'ł': "l", 'đ': "d",
	'ð': "d", 'þ': "th", 'ı': "i", 'ħ': "h",
}

// Make turns a name into an id: ASCII, lowercase, words of [a-z0-9]
// joined by single '-'. Accents are folded ("Tèxtils" → "textils",
// "thüringen" → "thuringen"), compatibility characters are reduced ("³" →
// "3", "ﬁ" → "fi"), a few Latin letters are spelled out ("ß" → "ss"),
// joiners such as the Catalan middle dot are dropped ("col·laboració" →
// "collaboracio"), and every other character separates words. An id longer
// than 80 bytes is cut at a '-'. Letters of other scripts are dropped, so
// the result may be empty.
func Make(name string) string {
	folded := name
	if !isASCII(name) {
		t := transform.Chain(norm.NFKD, runes.Remove(runes.In(unicode.Mn)))
		if s, _, err := transform.String(t, name); err == nil {
			folded = s
		}
	}
	var b strings.Builder
	gap := false
	for _, r := range folded {
		r = unicode.ToLower(r)
		word := specialLetters[r]
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			word = string(r)
		case word != "":
		case isJoiner(r):
			continue
		default:
			gap = true
			continue
		}
		if gap && b.Len() > 0 {
			b.WriteByte('-')
		}
		gap = false
		b.WriteString(word)
	}
	return cutSlug(b.String())
}

func isASCII(s string) bool {
	for i := range len(s) {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// isJoiner reports whether r joins the letters around it rather than
// separating words: the middle dot (Catalan "l·l") and invisible format
// characters such as the soft hyphen and zero-width joiners.
func isJoiner(r rune) bool {
	return r == '·' || unicode.Is(unicode.Cf, r)
}

// cutSlug shortens s to at most maxSlug bytes, at a '-' when there is one.
func cutSlug(s string) string {
	if len(s) <= maxSlug {
		return s
	}
	if i := strings.LastIndexByte(s[:maxSlug+1], '-'); i > 0 {
		return s[:i]
	}
	return s[:maxSlug]
}
