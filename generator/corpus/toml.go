package corpus

import (
	"math/rand/v2"
	"strconv"
)

// appendString appends s as a TOML basic string.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c < 0x20 || c == 0x7f:
			b = append(b, `\u00`...)
			b = append(b, "0123456789abcdef"[c>>4], "0123456789abcdef"[c&15])
		default:
			b = append(b, c)
		}
	}
	return append(b, '"')
}

// appendMultiline appends text for a TOML multi-line basic string, with
// '\' and '"' escaped.
func appendMultiline(b []byte, text []byte) []byte {
	for _, c := range text {
		if c == '"' || c == '\\' {
			b = append(b, '\\')
		}
		b = append(b, c)
	}
	return b
}

func appendKey(b []byte, key string) []byte {
	b = append(b, key...)
	return append(b, " = "...)
}

func appendIntKey(b []byte, key string, n int) []byte {
	b = strconv.AppendInt(appendKey(b, key), int64(n), 10)
	return append(b, '\n')
}

// appendTenthsKey writes a number with one decimal from tenths.
func appendTenthsKey(b []byte, key string, tenths int) []byte {
	return append(appendTenths(appendKey(b, key), tenths), '\n')
}

func appendBoolKey(b []byte, key string, v bool) []byte {
	return append(strconv.AppendBool(appendKey(b, key), v), '\n')
}

func appendStringKey(b []byte, key, s string) []byte {
	return append(appendString(appendKey(b, key), s), '\n')
}

// appendChoicesKey writes one to four distinct choices, in the order of
// the list.
func appendChoicesKey(b []byte, r *rand.Rand, key string, choices []string) []byte {
	n := rangeInt(r, 1, 4)
	var chosen uint32
	for k := 0; k < n; {
		i := r.IntN(len(choices))
		if chosen&(1<<i) == 0 {
			chosen |= 1 << i
			k++
		}
	}
	b = append(appendKey(b, key), '[')
	first := true
	for i, c := range choices {
		if chosen&(1<<i) == 0 {
			continue
		}
		if !first {
			b = append(b, ", "...)
		}
		first = false
		b = appendString(b, c)
	}
	return append(b, "]\n"...)
}
