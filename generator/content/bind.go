package content

import (
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"clustersite/generator/model"
)

// maxString is the longest string value accepted, in bytes.
const maxString = 100_000

// keepNoSource: BurntSushi/toml returns strings without escapes as slices
// of the source text, so one kept name would keep its whole file in
// memory (127 MB of sources at 10,000 clusters). Every string that goes
// into the model is therefore copied, or taken from the methodology.

// bindTable copies the values of a decoded TOML table into the struct that
// dst points to, matching keys to the fields' `toml` tags. Unlike decoding
// into the struct directly, it goes on after a mistake: every value of the
// wrong type and every key without a field is reported. It returns the keys
// that have a field: true when the value was bound, false when it was
// wrong.
func bindTable(r *report, table string, src map[string]any, dst any) map[string]bool {
	v := reflect.ValueOf(dst).Elem()
	fields := fieldsOf(v.Type())
	bound := make(map[string]bool, len(src))
	for k, val := range src {
		key := []string{table, k}
		f, ok := fields[k]
		if !ok {
			r.keyErrorf(key, "unknown key%s", suggest(k, fields))
			continue
		}
		msg := setField(v.Field(f.index), val, f.line)
		if msg != "" {
			r.keyErrorf(key, "%s", msg)
		}
		bound[k] = msg == ""
	}
	return bound
}

// fieldInfo is what bindTable needs of one struct field.
type fieldInfo struct {
	index int
	line  bool // single-line text: no control characters
}

var fieldCache sync.Map // reflect.Type → map[string]fieldInfo

func fieldsOf(t reflect.Type) map[string]fieldInfo {
	if m, ok := fieldCache.Load(t); ok {
		return m.(map[string]fieldInfo)
	}
	m := map[string]fieldInfo{}
	for i := range t.NumField() {
		name, opts, _ := strings.Cut(t.Field(i).Tag.Get("toml"), ",")
		if name != "" {
			m[name] = fieldInfo{index: i, line: opts == "line"}
		}
	}
	fieldCache.Store(t, m)
	return m
}

var (
	dateType    = reflect.TypeFor[model.Date]()
	stringsType = reflect.TypeFor[[]string]()
)

// setField stores val in fv if it has the field's type and returns "", or
// returns what is wrong.
func setField(fv reflect.Value, val any, line bool) string {
	switch fv.Type() {
	case dateType:
		d, msg := toDate(val)
		if msg == "" {
			fv.Set(reflect.ValueOf(d))
		}
		return msg
	case stringsType:
		list, msg := toStrings(val, line)
		if msg == "" {
			fv.Set(reflect.ValueOf(list))
		}
		return msg
	}
	switch fv.Kind() {
	case reflect.String:
		s, ok := val.(string)
		if !ok {
			return "must be a string, got " + describe(val)
		}
		if msg := checkText(s, line); msg != "" {
			return msg
		}
		fv.SetString(strings.Clone(s)) // see keepNoSource
	case reflect.Int:
		n, ok := val.(int64)
		if !ok {
			return "must be a whole number, got " + describe(val)
		}
		fv.SetInt(n)
	case reflect.Float64:
		f, ok := toNumber(val)
		if !ok {
			return "must be a number, got " + describe(val)
		}
		fv.SetFloat(f)
	case reflect.Bool:
		b, ok := val.(bool)
		if !ok {
			return "must be true or false, got " + describe(val)
		}
		fv.SetBool(b)
	default:
		panic("content: bindTable cannot fill a field of type " + fv.Type().String())
	}
	return ""
}

// toDate accepts only TOML local dates, which BurntSushi/toml decodes as
// times in its "date-local" location.
func toDate(val any) (model.Date, string) {
	t, ok := val.(time.Time)
	if !ok || t.Location().String() != "date-local" {
		return model.Date{}, "must be a date such as 2019-07-25 (a TOML local date, without quotes or time), got " + describe(val)
	}
	return model.DateOf(t), ""
}

func toStrings(val any, line bool) ([]string, string) {
	arr, ok := val.([]any)
	if !ok {
		return nil, "must be an array of strings, got " + describe(val)
	}
	list := make([]string, len(arr))
	for i, v := range arr {
		s, ok := v.(string)
		if !ok {
			return nil, fmt.Sprintf("must be an array of strings, but element %d is %s", i+1, describe(v))
		}
		if msg := checkText(s, line); msg != "" {
			return nil, fmt.Sprintf("element %d %s", i+1, msg)
		}
		list[i] = strings.Clone(s)
	}
	return list, ""
}

// toNumber accepts integers and finite floats.
func toNumber(val any) (float64, bool) {
	switch n := val.(type) {
	case int64:
		return float64(n), true
	case float64:
		return n, !math.IsNaN(n) && !math.IsInf(n, 0)
	}
	return 0, false
}

// checkText returns what is wrong with a string value, or "". No text may
// hold control characters but tab and line breaks: NUL and the others mean
// nothing in a page, XML cannot carry them and CSV readers stop at them.
// Single-line text holds none at all, and no bidirectional embedding,
// override or isolate either: shown inline, in a title or a list, such a
// character would reorder the text that follows it.
func checkText(s string, line bool) string {
	if len(s) > maxString {
		return fmt.Sprintf("is longer than %d bytes", maxString)
	}
	if line {
		if strings.ContainsFunc(s, unicode.IsControl) {
			return "must be a single line of text (no control characters)"
		}
		if i := strings.IndexFunc(s, isBidiControl); i >= 0 {
			r, _ := utf8.DecodeRuneInString(s[i:])
			return fmt.Sprintf("must not contain the bidirectional control character U+%04X, which reorders the text around it", r)
		}
		return ""
	}
	if i := strings.IndexFunc(s, isForbiddenControl); i >= 0 {
		r, _ := utf8.DecodeRuneInString(s[i:])
		return fmt.Sprintf("must not contain control characters other than tab and line breaks, got U+%04X", r)
	}
	return ""
}

func isForbiddenControl(r rune) bool {
	return unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r'
}

// isBidiControl reports the explicit directional embeddings, overrides
// and isolates (U+202A–U+202E, U+2066–U+2069); the marks U+200E, U+200F
// and U+061C change no text but their own and are allowed.
func isBidiControl(r rune) bool {
	return r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069
}

// describe shows a decoded TOML value in a message: the value itself when
// short, otherwise its type.
func describe(val any) string {
	switch v := val.(type) {
	case string:
		return strconv.Quote(truncate(v, 40))
	case int64:
		return strconv.FormatInt(v, 10)
	case float64:
		return describeFloat(v)
	case bool:
		return strconv.FormatBool(v)
	case time.Time:
		return describeTime(v)
	case []any:
		return describeArray(v)
	case []map[string]any:
		return "an array of tables"
	case map[string]any:
		return "a table"
	}
	return fmt.Sprintf("%T", val)
}

func describeFloat(f float64) string {
	switch {
	case math.IsNaN(f):
		return "nan"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	}
	s := strconv.FormatFloat(f, 'g', -1, 64)
	if !strings.ContainsAny(s, ".eEn") {
		s += ".0"
	}
	return s
}

func describeTime(t time.Time) string {
	switch t.Location().String() {
	case "date-local":
		return t.Format(time.DateOnly)
	case "time-local":
		return "a time of day " + t.Format(time.TimeOnly)
	case "datetime-local":
		return "a date with time " + t.Format("2006-01-02T15:04:05")
	}
	return "a date with time and offset " + t.Format(time.RFC3339)
}

func describeArray(arr []any) string {
	parts := make([]string, 0, len(arr))
	n := 0
	for _, v := range arr {
		s := describe(v)
		n += len(s)
		if n > 60 {
			parts = append(parts, "…")
			break
		}
		parts = append(parts, s)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

// suggest returns "; did you mean x?" when exactly one known key matches k
// ignoring case, '_', '-' and spaces, and "" otherwise.
func suggest[V any](k string, known map[string]V) string {
	var match string
	for name := range known {
		if looseKey(name) == looseKey(k) {
			if match != "" {
				return ""
			}
			match = name
		}
	}
	if match == "" {
		return ""
	}
	return "; did you mean " + match + "?"
}

func looseKey(k string) string {
	return strings.Map(func(r rune) rune {
		if r == '_' || r == '-' || unicode.IsSpace(r) {
			return -1
		}
		return unicode.ToLower(r)
	}, k)
}
