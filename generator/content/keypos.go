package content

import (
	"sort"
	"strconv"
	"strings"
)

// position is a 1-based line and byte column in a source file; the zero
// position means "unknown".
type position struct{ line, col int }

// keyPositions maps a dotted key, spelled as fieldName spells it, to where
// it is first defined: the start of the key in `key = value`, or the '[' of
// a table header. BurntSushi/toml keeps no key positions in its MetaData, so
// scanKeys finds them in the source.
type keyPositions map[string]position

// at returns the position of key or, when the key is not in the file (a
// missing key), of its nearest enclosing table; the zero position when
// neither is.
func (kp keyPositions) at(key []string) position {
	for i := len(key); i > 0; i-- {
		if p, ok := kp[fieldName(key[:i])]; ok {
			return p
		}
	}
	return position{}
}

// fieldName joins key segments with '.', quoting segments that are not bare
// TOML keys, as in `cluster."odd key"`.
func fieldName(key []string) string {
	parts := make([]string, len(key))
	for i, k := range key {
		parts[i] = quoteSegment(k)
	}
	return strings.Join(parts, ".")
}

func quoteSegment(k string) string {
	if isBareKey(k) {
		return k
	}
	return strconv.Quote(k)
}

// scope is a key prefix: its fieldName and its number of segments.
type scope struct {
	name string
	n    int
}

func (sc scope) child(seg string) scope {
	if sc.name == "" {
		return scope{quoteSegment(seg), 1}
	}
	return scope{sc.name + "." + quoteSegment(seg), sc.n + 1}
}

func isBareKey(k string) bool {
	if k == "" {
		return false
	}
	for _, c := range []byte(k) {
		if !isBareByte(c) {
			return false
		}
	}
	return true
}

func isBareByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// maxNesting is the deepest nesting of arrays and inline tables, and the
// longest dotted key, that a content file may use. BurntSushi/toml takes
// time quadratic in the depth of inline tables and dotted keys (50 s for
// 20,000 levels), so deeper files are rejected before decoding.
const maxNesting = 16

// scanKeys records where each key and table header of src starts. On TOML
// that BurntSushi/toml accepts the result is exact; on anything else it is
// incomplete, never a panic. When src nests deeper than maxNesting, the
// scan stops and deep is where it does; otherwise deep is zero.
func scanKeys(src string) (kp keyPositions, deep position) {
	s := &keyScanner{src: src, starts: lineStarts(src), keys: make(keyPositions, 64), deep: -1}
	s.run()
	if s.deep >= 0 {
		deep = s.position(s.deep)
	}
	return s.keys, deep
}

// checkNesting is scanKeys without recording keys: it returns where src
// nests deeper than maxNesting, or the zero position. Every file is checked
// before it is decoded; key positions are only needed for files with
// problems.
func checkNesting(src string) position {
	s := &keyScanner{src: src, deep: -1}
	s.run()
	if s.deep < 0 {
		return position{}
	}
	s.starts = lineStarts(src)
	return s.position(s.deep)
}

// lineStarts returns the offsets at which the lines of src start.
func lineStarts(src string) []int {
	starts := make([]int, 1, strings.Count(src, "\n")+1)
	for i := range len(src) {
		if src[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// keyScanner is a minimal TOML lexer: it follows table headers, keys,
// strings (including multi-line ones), arrays and inline tables, and skips
// everything else.
type keyScanner struct {
	src    string
	i      int
	starts []int // offsets of the starts of lines
	table  scope
	keys   keyPositions // nil: only check the nesting
	depth  int          // of arrays and inline tables around s.i
	deep   int          // offset where nesting passed maxNesting, or -1
	path   []string     // the segments of the last key read, reused
}

// position returns the line and column of a byte offset.
func (s *keyScanner) position(off int) position {
	line := sort.SearchInts(s.starts, off+1) // lines that start at or before off
	return position{line: line, col: off - s.starts[line-1] + 1}
}

// tooDeep reports whether n levels are too many; if so it ends the scan.
func (s *keyScanner) tooDeep(n, at int) bool {
	if n <= maxNesting {
		return false
	}
	s.deep, s.i = at, len(s.src)
	return true
}

func (s *keyScanner) run() {
	for s.i < len(s.src) {
		start := s.i
		s.skipBlank(true)
		if s.i >= len(s.src) {
			return
		}
		if s.src[s.i] == '[' {
			s.header()
		} else {
			s.keyValue(s.table)
		}
		s.skipLine()
		if s.i == start {
			s.i++
		}
	}
}

// header reads [table] or [[array.of.tables]].
func (s *keyScanner) header() {
	at := s.i
	s.i++
	if s.peek('[') {
		s.i++
	}
	path := s.key()
	if len(path) > 0 && !s.tooDeep(len(path), at) {
		s.table = s.record(scope{}, path, at)
	}
}

// keyValue reads `key = value` and records the key under prefix.
func (s *keyScanner) keyValue(prefix scope) {
	at := s.i
	path := s.key()
	if len(path) == 0 || s.tooDeep(prefix.n+len(path), at) {
		return
	}
	full := s.record(prefix, path, at)
	s.skipBlank(false)
	if !s.peek('=') {
		return
	}
	s.i++
	s.skipBlank(false)
	s.value(full)
}

// record notes the offset of prefix+path and of each key between them,
// unless already known: the first definition wins. It returns the scope of
// prefix+path.
func (s *keyScanner) record(prefix scope, path []string, at int) scope {
	if s.keys == nil {
		return scope{n: prefix.n + len(path)}
	}
	sc := prefix
	for _, seg := range path {
		sc = sc.child(seg)
		if _, ok := s.keys[sc.name]; !ok {
			s.keys[sc.name] = s.position(at)
		}
	}
	return sc
}

// key reads a possibly dotted, possibly quoted key; empty if there is
// none. The segments are valid until the next call: every file is scanned
// before it is decoded, and a slice per key was most of the scan's
// allocations.
func (s *keyScanner) key() []string {
	path := s.path[:0]
	for {
		s.skipBlank(false)
		seg, ok := s.keySegment()
		if !ok {
			break
		}
		path = append(path, seg)
		s.skipBlank(false)
		if !s.peek('.') {
			break
		}
		s.i++
	}
	s.path = path
	return path
}

func (s *keyScanner) keySegment() (string, bool) {
	if s.i >= len(s.src) {
		return "", false
	}
	switch s.src[s.i] {
	case '"':
		start := s.i
		s.str()
		raw := s.src[start:s.i]
		if k, err := strconv.Unquote(raw); err == nil {
			return k, true
		}
		return strings.Trim(raw, `"`), true
	case '\'':
		start := s.i
		s.str()
		return strings.Trim(s.src[start:s.i], "'"), true
	}
	start := s.i
	for s.i < len(s.src) && (isBareByte(s.src[s.i]) || s.src[s.i] >= 0x80) {
		s.i++
	}
	return s.src[start:s.i], s.i > start
}

// value skips one value; keys of inline tables are recorded under path.
func (s *keyScanner) value(path scope) {
	if s.i >= len(s.src) {
		return
	}
	switch s.src[s.i] {
	case '"', '\'':
		s.str()
	case '[', '{':
		if s.tooDeep(s.depth+1, s.i) {
			return
		}
		s.depth++
		if s.src[s.i] == '[' {
			s.array(path)
		} else {
			s.inlineTable(path)
		}
		s.depth--
	default:
		for s.i < len(s.src) && !strings.ContainsRune(" \t\r\n,]}#", rune(s.src[s.i])) {
			s.i++
		}
	}
}

// array skips an array value, scanning each element for inline tables.
func (s *keyScanner) array(path scope) { s.items(']', func() { s.value(path) }) }

// inlineTable scans the key/value pairs of an inline table.
func (s *keyScanner) inlineTable(path scope) { s.items('}', func() { s.keyValue(path) }) }

// items walks the comma-separated items of an array or inline table,
// starting at its opening bracket and ending after close; item scans one
// item at s.i. An item that consumes nothing is skipped by one byte, so the
// scanner always moves on, whatever the input.
func (s *keyScanner) items(close byte, item func()) {
	s.i++
	for s.i < len(s.src) {
		s.skipBlank(true)
		if s.i >= len(s.src) {
			return
		}
		switch s.src[s.i] {
		case close:
			s.i++
			return
		case ',':
			s.i++
			continue
		}
		before := s.i
		item()
		if s.i == before {
			s.i++
		}
	}
}

// str skips a basic, literal or multi-line string starting at s.i.
func (s *keyScanner) str() {
	q := s.src[s.i]
	triple := strings.Repeat(string(q), 3)
	if strings.HasPrefix(s.src[s.i:], triple) {
		s.multiline(q, triple)
		return
	}
	s.i++
	for s.i < len(s.src) {
		c := s.src[s.i]
		if c == '\n' {
			return
		}
		s.i++
		if c == '\\' && q == '"' {
			s.i++
		} else if c == q {
			break
		}
	}
	s.i = min(s.i, len(s.src))
}

func (s *keyScanner) multiline(q byte, triple string) {
	s.i += 3
	for s.i < len(s.src) {
		if q == '"' && s.src[s.i] == '\\' {
			s.i += 2
			continue
		}
		if strings.HasPrefix(s.src[s.i:], triple) {
			s.i += 3
			// Up to two more quotes belong to the content.
			for k := 0; k < 2 && s.peek(q); k++ {
				s.i++
			}
			return
		}
		s.i++
	}
	s.i = min(s.i, len(s.src))
}

// skipBlank skips spaces, tabs and comments, and newlines if asked to.
func (s *keyScanner) skipBlank(newlines bool) {
	for s.i < len(s.src) {
		switch s.src[s.i] {
		case ' ', '\t', '\r':
			s.i++
		case '\n':
			if !newlines {
				return
			}
			s.i++
		case '#':
			for s.i < len(s.src) && s.src[s.i] != '\n' {
				s.i++
			}
		default:
			return
		}
	}
}

func (s *keyScanner) skipLine() {
	for s.i < len(s.src) && s.src[s.i] != '\n' {
		s.i++
	}
	if s.i < len(s.src) {
		s.i++
	}
}

func (s *keyScanner) peek(c byte) bool { return s.i < len(s.src) && s.src[s.i] == c }
