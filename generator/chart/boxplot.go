package chart

import (
	"bytes"
	"math"
	"strconv"

	"clustersite/generator/memo"
)

// Box is a five-number summary of one comparison group.
type Box struct {
	Min, Q1, Median, Q3, Max float64
	// Class names the group for stylesheets: "all", "portfolio".
	Class string
}

// BoxPlot shows where one value stands in one or two groups: a row per
// group with a whisker from minimum to maximum, a box from the lower to the
// upper quartile and a bar at the median, all on one shared scale, and the
// value as a line with a dot across every row.
type BoxPlot struct {
	// Boxes, drawn top to bottom; rows without boxes draw nothing.
	Boxes []Box
	// Value is the cluster's value, marked when HasValue.
	Value    float64
	HasValue bool
	// Alt is the text alternative, in the site language.
	Alt string
	// ID, when set, is the id of the chart's <title> (unique in the page),
	// which then names the chart through aria-labelledby.
	ID string
}

// Box plot geometry, in viewBox units.
const (
	bpWidth = 240
	bpPad   = 7 // room for the value's dot at the ends
	bpRowH  = 12
	bpGap   = 5
	bpTop   = 3
)

// Box colours: all clusters neutral, the portfolio in the accent's tint.
var boxFill = map[string][2]string{
	"all":       {"#e6e9ed", "#6b7682"},
	"portfolio": {"#d5e3f1", Accent},
}

// SVG draws the box plot; nil when there is no box.
func (p BoxPlot) SVG() []byte { return p.AppendSVG(nil, nil) }

// AppendSVG appends the box plot to dst, as SVG does, taking the boxes
// from memo when it has them drawn (memo may be nil).
func (p BoxPlot) AppendSVG(dst []byte, memo *BoxMemo) []byte {
	if len(p.Boxes) == 0 {
		return dst
	}
	lo, hi := p.domain()
	x := func(v float64) float64 { return bpPad + (v-lo)/(hi-lo)*(bpWidth-2*bpPad) }
	h := float64(2*bpTop + len(p.Boxes)*bpRowH + (len(p.Boxes)-1)*bpGap)
	s := svg{b: *bytes.NewBuffer(dst)}
	s.open("boxplot", bpWidth, h, p.Alt, p.ID)
	for i, b := range p.Boxes {
		y := float64(bpTop + i*(bpRowH+bpGap))
		memo.draw(&s, b, lo, hi, y, func(s *svg) { p.drawBox(s, b, x, y) })
	}
	if p.HasValue {
		vx := num(x(p.Value))
		s.str(`<g class="value" fill="`, Accent, `" stroke="`, Accent, `">`)
		s.str(`<path d="M`, vx, ` 1V`, num(h-1), `" stroke-width="1.5"/>`)
		for i := range p.Boxes {
			y := float64(bpTop+i*(bpRowH+bpGap)) + bpRowH/2
			s.str(`<circle cx="`, vx, `" cy="`, num(y), `" r="4" stroke="#fff" stroke-width="1.5"/>`)
		}
		s.str(`</g>`)
	}
	return s.close()
}

// BoxMemo remembers drawn boxes. Every report of a portfolio draws the
// same groups' boxes on the same scale, so a build that draws each box once
// saves most of the work of its box plots. A box is remembered by the
// numbers it is drawn from, so a memo never gives a box drawn from other
// numbers, however long it lives. It is safe for concurrent use; the zero
// value is ready to use.
type BoxMemo struct {
	boxes memo.Map[boxKey, []byte]
}

type boxKey struct {
	box       Box
	lo, hi, y float64
}

// draw writes the box drawn on the scale lo..hi at y, from the memo or
// by calling drawn.
func (m *BoxMemo) draw(s *svg, b Box, lo, hi, y float64, drawn func(*svg)) {
	if m == nil {
		drawn(s)
		return
	}
	key := boxKey{b, lo, hi, y}
	if got, ok := m.boxes.Load(key); ok {
		s.b.Write(got)
		return
	}
	start := s.b.Len()
	drawn(s)
	m.boxes.Store(key, bytes.Clone(s.b.Bytes()[start:]))
}

// drawBox draws one group's row: the whisker with its end caps as one
// path, the box, and the median bar.
func (p BoxPlot) drawBox(s *svg, b Box, x func(float64) float64, y float64) {
	colours, ok := boxFill[b.Class]
	if !ok {
		colours = boxFill["all"]
	}
	lo, hi, mid, top, cap := num(x(b.Min)), num(x(b.Max)), num(y+bpRowH/2), num(y), num(y+3)
	rowH := strconv.Itoa(bpRowH)
	s.str(`<g class="box box-`, esc(b.Class), `" stroke="`, colours[1], `" fill="`, colours[0], `">`)
	s.str(`<path d="M`, lo, ` `, mid, `H`, hi, `M`, lo, ` `, cap, `v6M`, hi, ` `, cap, `v6"/>`)
	w := math.Max(x(b.Q3)-x(b.Q1), 1)
	s.str(`<rect x="`, num(x(b.Q1)), `" y="`, top, `" width="`, num(w), `" height="`, rowH, `"/>`)
	s.str(`<path d="M`, num(x(b.Median)), ` `, top, `v`, rowH, `" stroke="`, Ink, `" stroke-width="2.5"/>`)
	s.str(`</g>`)
}

// domain is the shared scale: every group's range and the value. A
// degenerate range (all values equal) is widened so the marks sit in the
// middle.
func (p BoxPlot) domain() (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, b := range p.Boxes {
		lo, hi = math.Min(lo, b.Min), math.Max(hi, b.Max)
	}
	if p.HasValue {
		lo, hi = math.Min(lo, p.Value), math.Max(hi, p.Value)
	}
	if hi-lo < 1e-9 {
		pad := math.Max(math.Abs(lo)*0.1, 1)
		lo, hi = lo-pad, hi+pad
	}
	return lo, hi
}

// Icon draws a small decorative key symbol for a legend written in HTML
// beside it: "all" and "portfolio" (a box of that group), "value" (the
// value's mark), "median", "middle" (the box alone) and "range" (the
// whisker alone). It is aria-hidden: the legend's text says it all.
func Icon(kind string) []byte {
	var s svg
	s.raw(`<svg class="chart-icon" viewBox="0 0 28 14" width="28" height="14" aria-hidden="true" focusable="false">`)
	x := func(v float64) float64 { return 2 + v*0.24 }
	switch kind {
	case "all", "portfolio":
		BoxPlot{}.drawBox(&s, Box{Min: 0, Q1: 25, Median: 50, Q3: 75, Max: 100, Class: kind}, x, 1)
	case "value":
		s.raw(`<g class="value" fill="%s" stroke="%s"><path d="M14 0V14" stroke-width="1.5"/><circle cx="14" cy="7" r="4" stroke="#fff" stroke-width="1.5"/></g>`, Accent, Accent)
	case "median":
		s.raw(`<path d="M14 1V13" stroke="%s" stroke-width="2.5"/>`, Ink)
	case "middle":
		s.raw(`<rect x="6" y="1" width="16" height="12" fill="%s" stroke="%s"/>`, boxFill["all"][0], boxFill["all"][1])
	case "range":
		s.raw(`<path d="M2 7H26M2 4v6M26 4v6" stroke="%s"/>`, boxFill["all"][1])
	}
	return s.close()
}
