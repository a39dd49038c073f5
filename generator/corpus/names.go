package corpus

import (
	"math/rand/v2"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// folder makes ids from names. It holds a transformer, which has state, so
// each generator has its own.
type folder struct {
	t transform.Transformer
	b []byte
}

func newFolder() *folder {
	return &folder{t: transform.Chain(norm.NFKD, runes.Remove(runes.In(unicode.Mn)))}
}

// specialLetters are Latin letters that decomposition does not reduce to
// ASCII; their lower-case forms suffice.
var specialLetters = map[rune]string{
	'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'ł': "l", 'đ': "d",
	'ð': "d", 'þ': "th", 'ı': "i", 'ħ': "h",
}

// slug folds a name to an id: accents removed ("Tèxtils" → "textils"),
// compatibility characters reduced ("³" → "3"), lower case, words of
// [a-z0-9] joined by single '-'. The Catalan middle dot and invisible
// format characters join rather than separate.
func (f *folder) slug(name string) string {
	folded, _, err := transform.String(f.t, name)
	if err != nil {
		folded = name
	}
	b := f.b[:0]
	gap := false
	for _, r := range folded {
		var word string
		switch {
		case r < utf8.RuneSelf:
			if r >= 'A' && r <= 'Z' {
				r += 'a' - 'A'
			}
			if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
				gap = true
				continue
			}
		case r == '·' || unicode.Is(unicode.Cf, r):
			continue
		default:
			r = unicode.ToLower(r)
			if word = specialLetters[r]; word == "" {
				gap = true
				continue
			}
		}
		if gap && len(b) > 0 {
			b = append(b, '-')
		}
		gap = false
		if word != "" {
			b = append(b, word...)
		} else {
			b = append(b, byte(r))
		}
	}
	f.b = b
	return string(b)
}

// nameParts are what a name pattern is filled with.
type nameParts struct {
	topic, english, region, place string
}

// expandName fills a name pattern (see language.patterns).
func expandName(b []byte, pattern string, p *nameParts) []byte {
	for i := 0; i < len(pattern); i++ {
		c := pattern[i]
		if c != '{' || i+2 >= len(pattern) || pattern[i+2] != '}' {
			b = append(b, c)
			continue
		}
		var s string
		lower := false
		switch pattern[i+1] {
		case 'T':
			s = p.topic
		case 't':
			s, lower = p.topic, true
		case 'E':
			s = p.english
		case 'e':
			s, lower = p.english, true
		case 'R':
			s = p.region
		case 'L':
			s = p.place
		case 'l':
			b = append(b, strings.ToLower(p.place)...)
			i += 2
			continue
		case 'G':
			b = append(b, p.region...)
			if !strings.HasSuffix(p.region, "s") {
				b = append(b, 's')
			}
			i += 2
			continue
		}
		i += 2
		acronym := isAcronym(s)
		if lower && !acronym {
			s = strings.ToLower(s)
		}
		b = append(b, s...)
		// A compound after an acronym takes a hyphen: "IT-klyngen".
		if acronym && i+1 < len(pattern) && pattern[i+1] >= 'a' && pattern[i+1] <= 'z' {
			b = append(b, '-')
		}
	}
	return b
}

// isAcronym reports whether s is written in capitals only ("ICT", "IKT").
func isAcronym(s string) bool {
	return len(s) > 1 && strings.ToUpper(s) == s
}

// stopWords are left out of acronyms.
var stopWords = map[string]bool{
	"and": true, "und": true, "et": true, "de": true, "del": true, "della": true, "dei": true,
	"delle": true, "dello": true, "der": true, "des": true, "du": true, "la": true, "le": true,
	"the": true, "for": true, "für": true, "och": true, "og": true, "of": true, "van": true,
	"voor": true, "do": true, "da": true, "das": true, "dos": true, "di": true, "e": true,
	"y": true, "i": true, "ve": true, "al": true,
}

// appendAcronym appends the initials of the words of s (at most five) and
// returns false when there are fewer than two.
func appendAcronym(b []byte, s string, r *rand.Rand) ([]byte, bool) {
	start := len(b)
	n := 0
	for w := range strings.FieldsFuncSeq(s, func(r rune) bool { return r == ' ' || r == '-' || r == '–' || r == '’' }) {
		if stopWords[strings.ToLower(w)] || n == 5 {
			continue
		}
		first, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(first) && !unicode.IsDigit(first) {
			continue
		}
		b = utf8.AppendRune(b, unicode.ToUpper(first))
		n++
	}
	if n < 2 {
		return b[:start], false
	}
	if n <= 3 && r.IntN(6) == 0 {
		b = append(b, "³"...) // as in "BM³"
	}
	return b, true
}

// romans are the suffixes for a name that is taken.
var romans = []string{"II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"}

// numberSuffix is " II", " III", ... for k = 2, 3, ... and " 11", " 12",
// ... after X.
func numberSuffix(k int) string {
	if k-2 < len(romans) {
		return " " + romans[k-2]
	}
	return " " + itoa(k)
}

// caseVariant spells a name differently, as an older assessment of the
// same cluster sometimes does.
func caseVariant(name string, r *rand.Rand) string {
	up := strings.ToUpper(name)
	if up == name {
		return strings.ToLower(name)
	}
	firstWord, _, _ := strings.Cut(name, " ")
	first, size := utf8.DecodeRuneInString(name)
	if r.IntN(2) == 0 || !unicode.IsUpper(first) || isAcronym(firstWord) {
		return up
	}
	return string(unicode.ToLower(first)) + name[size:]
}
