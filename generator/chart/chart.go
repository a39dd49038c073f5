// Package chart draws the site's charts as SVG at build time: pure
// functions from numbers and labels to SVG bytes, with no JavaScript, no
// external resources and no state.
//
// Every chart:
//
//   - is one <svg> element for inline use in HTML (no namespace
//     declaration: the HTML parser supplies it), with role="img" and a
//     <title> holding the text alternative the caller gives, which also
//     names the chart (aria-labelledby when the caller gives an element
//     id, else aria-label); the caller writes it in the site language and
//     puts the numbers in a table as well;
//   - escapes every text it draws, so it can be inserted into HTML as it is;
//   - scales with its container (a viewBox, no fixed size), and its text
//     takes the page's font;
//   - draws with fill and stroke attributes in the default theme's colours
//     and also carries class names, so a site's stylesheet can restyle it;
//   - is deterministic: coordinates are rounded to one decimal.
//
// Text widths are estimated from character classes (no font metrics at
// build time), so labels get generous room and are shortened with "…"
// only when far too long; the full text stays in the <title> of the bar.
package chart

import (
	"bytes"
	"fmt"
	"html"
	"math"
	"strconv"
)

// Colours of the default theme (assets/style.css). Label fills are the
// badge edge colours, darkened where needed to keep 3:1 contrast against
// white, which WCAG asks of the graphical parts of a chart.
const (
	Ink    = "#1b1f24"
	Muted  = "#4d5560"
	Line   = "#d8dde3"
	Accent = "#0b4f8a"
	Bronze = "#9c5a24"
	Silver = "#6b7682"
	Gold   = "#a07c08"
)

// svg collects the elements of one chart.
type svg struct {
	b bytes.Buffer
}

// open writes the root element with its text alternative: named by its
// <title> through aria-labelledby when id is given, else by aria-label.
func (s *svg) open(class string, w, h float64, alt, id string) {
	s.str(`<svg class="chart `, esc(class), `" viewBox="0 0 `, num(w), ` `, num(h), `" role="img"`)
	if id != "" {
		s.str(` aria-labelledby="`, esc(id), `"><title id="`, esc(id), `">`, esc(alt), `</title>`)
		return
	}
	s.str(` aria-label="`, esc(alt), `"><title>`, esc(alt), `</title>`)
}

func (s *svg) close() []byte {
	s.b.WriteString("</svg>")
	return s.b.Bytes()
}

func (s *svg) raw(format string, args ...any) { fmt.Fprintf(&s.b, format, args...) }

// str writes parts one after the other: what raw does, without fmt, for
// the box plots drawn in every indicator row of every report.
func (s *svg) str(parts ...string) {
	for _, p := range parts {
		s.b.WriteString(p)
	}
}

// text writes a text element; anchor is "start", "middle" or "end".
func (s *svg) text(x, y float64, size float64, anchor, fill, class, content string) {
	fmt.Fprintf(&s.b, `<text x="%s" y="%s" font-size="%s" text-anchor="%s" fill="%s" class="%s">%s</text>`,
		num(x), num(y), num(size), anchor, fill, class, esc(content))
}

// esc escapes text for SVG inside HTML: element content and quoted
// attribute values alike.
func esc(s string) string { return html.EscapeString(s) }

// num formats a coordinate with at most one decimal, "12" rather than
// "12.0", so output is short and stable.
func num(f float64) string {
	r := math.Round(f*10) / 10
	if r == 0 {
		r = 0 // no "-0"
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}

// textWidth estimates the width of s in a sans-serif font of the size,
// on the wide side (DejaVu Sans, the widest common fallback): good enough
// to lay out labels, never exact.
func textWidth(s string, size float64) float64 {
	w := 0.0
	for _, r := range s {
		switch {
		case r == ' ':
			w += 0.32
		case r == 'i' || r == 'l' || r == 'j' || r == 't' || r == 'f' || r == 'I' || r == '.' || r == ',' || r == ':' || r == ';' || r == '\'' || r == '|' || r == '!':
			w += 0.32
		case r == 'm' || r == 'w' || r == 'M' || r == 'W' || r == '@' || r == '%':
			w += 0.9
		case r >= 'A' && r <= 'Z':
			w += 0.72
		case r >= '0' && r <= '9':
			w += 0.64
		default:
			w += 0.62
		}
	}
	return w * size
}

// shorten cuts s to fit width, ending it with "…".
func shorten(s string, width, size float64) string {
	if textWidth(s, size) <= width {
		return s
	}
	runes := []rune(s)
	for n := len(runes) - 1; n > 0; n-- {
		t := string(runes[:n]) + "…"
		if textWidth(t, size) <= width {
			return t
		}
	}
	return "…"
}

// niceStep returns a round step (1, 2 or 5 times a power of ten) that cuts
// 0..max into about n intervals; at least 1, as the charts count things.
func niceStep(max float64, n int) float64 {
	if max <= 0 || n < 1 {
		return 1
	}
	raw := max / float64(n)
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := mag * 10
	for _, m := range []float64{1, 2, 5} {
		if raw <= m*mag {
			step = m * mag
			break
		}
	}
	return math.Max(step, 1)
}
