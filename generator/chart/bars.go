package chart

import (
	"math"
	"strconv"
)

// Series is one layer of stacked bars, e.g. the Gold labels.
type Series struct {
	// Name is shown in the legend and in each segment's tooltip.
	Name string
	// Class names the series for stylesheets ("bronze"); Fill is its
	// colour.
	Class, Fill string
}

// Bar is one category: a country, a year.
type Bar struct {
	Label string
	// Values, one per series, in the series' order.
	Values []float64
}

// Stacked is a stacked bar chart: one bar per category, one segment per
// series, the bar's total at its end.
type Stacked struct {
	Series []Series
	Bars   []Bar
	// Alt is the text alternative, in the site language.
	Alt string
	// Format writes totals and axis numbers; nil writes plain digits.
	Format func(float64) string
}

// Layout of stacked charts, in viewBox units. The width is that of the
// narrowest common phone screen's column (375 px less the margins): there
// a chart shows whole at its text's own size, 12 px, and still at 10 px on
// a 320 px screen; wider screens cap its width (assets/style.css), so its
// text stays about the size of the page's small print.
const (
	barWidth  = 340
	barFont   = 12
	maxLabelW = 120 // longer category labels end in "…"; the full one is in the bar's title and the table
	legendH   = 24
	rowH      = 20
	rowBar    = 13
	totalRoom = 44
)

func (c Stacked) format(v float64) string {
	if c.Format != nil {
		return c.Format(v)
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

func total(values []float64) float64 {
	t := 0.0
	for _, v := range values {
		t += v
	}
	return t
}

func (c Stacked) maxTotal() float64 {
	m := 0.0
	for _, b := range c.Bars {
		m = math.Max(m, total(b.Values))
	}
	return m
}

// legend draws the series' swatches and names in one line at the top.
func (c Stacked) legend(s *svg, x float64) {
	for _, se := range c.Series {
		s.raw(`<rect x="%s" y="5" width="12" height="12" fill="%s" class="bar-%s"/>`, num(x), se.Fill, esc(se.Class))
		s.text(x+17, 15.5, barFont, "start", Ink, "legend", se.Name)
		x += 17 + textWidth(se.Name, barFont) + 18
	}
}

// segment draws one part of a bar with a tooltip naming it.
func (s *svg) segment(x, y, w, h float64, se Series, tip string) {
	s.raw(`<rect x="%s" y="%s" width="%s" height="%s" fill="%s" class="bar-%s"><title>%s</title></rect>`,
		num(x), num(y), num(w), num(h), se.Fill, esc(se.Class), esc(tip))
}

// HBars draws the chart with horizontal bars, one row per category, the
// category's label on the left: for many categories with long names.
func (c Stacked) HBars() []byte {
	labelW := 0.0
	for _, b := range c.Bars {
		labelW = math.Max(labelW, textWidth(b.Label, barFont))
	}
	labelW = math.Min(labelW, maxLabelW) + 10
	plotW := barWidth - labelW - totalRoom
	max := math.Max(c.maxTotal(), 1)
	h := float64(legendH + len(c.Bars)*rowH + 4)
	var s svg
	s.open("hbars", barWidth, h, c.Alt, "")
	c.legend(&s, labelW)
	s.raw(`<line x1="%s" y1="%d" x2="%s" y2="%s" stroke="%s"/>`, num(labelW), legendH, num(labelW), num(h-2), Muted)
	for i, b := range c.Bars {
		y := float64(legendH + i*rowH)
		s.text(labelW-6, y+rowH/2+4, barFont, "end", Ink, "label", shorten(b.Label, labelW-10, barFont))
		x := labelW
		for j, v := range b.Values {
			if v <= 0 || j >= len(c.Series) {
				continue
			}
			w := v / max * plotW
			s.segment(x, y+(rowH-rowBar)/2, math.Max(w-1, 0.5), rowBar, c.Series[j], b.Label+": "+c.Series[j].Name+" "+c.format(v))
			x += w
		}
		s.text(x+5, y+rowH/2+4, barFont, "start", Muted, "total", c.format(total(b.Values)))
	}
	return s.close()
}

// Columns draws the chart with vertical bars, one column per category
// from left to right, with a horizontal grid: for a time line of years.
func (c Stacked) Columns() []byte {
	const plotH, axisW, labelH = 160.0, 34.0, 20.0
	h := legendH + 8 + plotH + labelH
	max := c.maxTotal()
	step := niceStep(max, 4)
	top := math.Max(math.Ceil(max/step)*step, step)
	y := func(v float64) float64 { return legendH + 8 + plotH - v/top*plotH }
	var s svg
	s.open("columns", barWidth, h, c.Alt, "")
	c.legend(&s, axisW)
	for v := 0.0; v <= top+1e-9; v += step {
		s.raw(`<line x1="%s" y1="%s" x2="%d" y2="%s" stroke="%s"/>`, num(axisW), num(y(v)), barWidth, num(y(v)), Line)
		s.text(axisW-5, y(v)+4, barFont-1, "end", Muted, "axis", c.format(v))
	}
	band := (barWidth - axisW) / math.Max(float64(len(c.Bars)), 1)
	every := int(math.Ceil(textWidth("0000", barFont) * 1.3 / band)) // label every n-th column when narrow
	for i, b := range c.Bars {
		x := axisW + float64(i)*band
		bw := math.Min(band*0.72, 48)
		bx := x + (band-bw)/2
		v0 := 0.0
		for j, v := range b.Values {
			if v <= 0 || j >= len(c.Series) {
				continue
			}
			s.segment(bx, y(v0+v), bw, math.Max(y(v0)-y(v0+v)-1, 0.5), c.Series[j], b.Label+": "+c.Series[j].Name+" "+c.format(v))
			v0 += v
		}
		if v0 > 0 && band >= 16 {
			s.text(x+band/2, y(v0)-4, barFont-1, "middle", Muted, "total", c.format(v0))
		}
		if every <= 1 || i%every == 0 {
			s.text(x+band/2, h-5, barFont, "middle", Ink, "label", b.Label)
		}
	}
	return s.close()
}
