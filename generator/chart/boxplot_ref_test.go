package chart

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"sync"
	"testing"
)

// fmtBoxPlot is BoxPlot.SVG as first written, with fmt: the reference
// the faster writer must match byte for byte.
func fmtBoxPlot(p BoxPlot) []byte {
	if len(p.Boxes) == 0 {
		return nil
	}
	lo, hi := p.domain()
	x := func(v float64) float64 { return bpPad + (v-lo)/(hi-lo)*(bpWidth-2*bpPad) }
	h := float64(2*bpTop + len(p.Boxes)*bpRowH + (len(p.Boxes)-1)*bpGap)
	var b bytes.Buffer
	fmt.Fprintf(&b, `<svg class="chart %s" viewBox="0 0 %s %s" role="img"`, esc("boxplot"), num(bpWidth), num(h))
	if p.ID != "" {
		fmt.Fprintf(&b, ` aria-labelledby="%s"><title id="%s">%s</title>`, esc(p.ID), esc(p.ID), esc(p.Alt))
	} else {
		fmt.Fprintf(&b, ` aria-label="%s"><title>%s</title>`, esc(p.Alt), esc(p.Alt))
	}
	for i, bx := range p.Boxes {
		y := float64(bpTop + i*(bpRowH+bpGap))
		colours, ok := boxFill[bx.Class]
		if !ok {
			colours = boxFill["all"]
		}
		lo, hi, mid := num(x(bx.Min)), num(x(bx.Max)), num(y+bpRowH/2)
		fmt.Fprintf(&b, `<g class="box box-%s" stroke="%s" fill="%s">`, esc(bx.Class), colours[1], colours[0])
		fmt.Fprintf(&b, `<path d="M%s %sH%sM%s %sv6M%s %sv6"/>`, lo, mid, hi, lo, num(y+3), hi, num(y+3))
		w := math.Max(x(bx.Q3)-x(bx.Q1), 1)
		fmt.Fprintf(&b, `<rect x="%s" y="%s" width="%s" height="%d"/>`, num(x(bx.Q1)), num(y), num(w), bpRowH)
		fmt.Fprintf(&b, `<path d="M%s %sv%d" stroke="%s" stroke-width="2.5"/>`, num(x(bx.Median)), num(y), bpRowH, Ink)
		b.WriteString(`</g>`)
	}
	if p.HasValue {
		vx := x(p.Value)
		fmt.Fprintf(&b, `<g class="value" fill="%s" stroke="%s">`, Accent, Accent)
		fmt.Fprintf(&b, `<path d="M%s 1V%s" stroke-width="1.5"/>`, num(vx), num(h-1))
		for i := range p.Boxes {
			y := float64(bpTop+i*(bpRowH+bpGap)) + bpRowH/2
			fmt.Fprintf(&b, `<circle cx="%s" cy="%s" r="4" stroke="#fff" stroke-width="1.5"/>`, num(vx), num(y))
		}
		b.WriteString(`</g>`)
	}
	b.WriteString("</svg>")
	return b.Bytes()
}

func TestBoxPlotWritesWhatFmtWrote(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	classes := []string{"all", "portfolio", `"><x>`, ""}
	for i := range 2000 {
		p := BoxPlot{Alt: `alt & "quotes" <b>`, HasValue: i%3 != 0, Value: r.NormFloat64() * 100}
		if i%2 == 0 {
			p.ID = fmt.Sprintf("chart-%d", i)
		}
		for range 1 + i%2 {
			v := []float64{r.Float64() * 1000, r.Float64() * 1000, r.Float64() * 1000, r.Float64() * 1000, r.Float64() * 1000}
			if i%7 == 0 {
				v = []float64{5, 5, 5, 5, 5}
			}
			sortFloats(v)
			p.Boxes = append(p.Boxes, Box{Min: v[0], Q1: v[1], Median: v[2], Q3: v[3], Max: v[4], Class: classes[r.IntN(len(classes))]})
		}
		if got, want := p.SVG(), fmtBoxPlot(p); !bytes.Equal(got, want) {
			t.Fatalf("box plot %+v:\n%s\nwant:\n%s", p, got, want)
		}
	}
}

func sortFloats(v []float64) {
	for i := 1; i < len(v); i++ {
		for j := i; j > 0 && v[j] < v[j-1]; j-- {
			v[j], v[j-1] = v[j-1], v[j]
		}
	}
}

// TestBoxMemoDrawsWhatSVGDraws marks many values on a few groups' boxes,
// inside and outside their range (which changes the scale), through one
// memo shared by concurrent callers: every chart must be what SVG draws
// without the memo, and a prefix given to AppendSVG must stay as it was.
func TestBoxMemoDrawsWhatSVGDraws(t *testing.T) {
	groups := [][]Box{
		{{Min: 1, Q1: 50, Median: 130, Q3: 210, Max: 5000, Class: "all"}},
		{{Min: 1, Q1: 50, Median: 130, Q3: 210, Max: 5000, Class: "all"}, {Min: 20, Q1: 60, Median: 90, Q3: 300, Max: 900, Class: "portfolio"}},
		{{Min: 1, Q1: 50, Median: 130, Q3: 210, Max: 5000, Class: "all"}, {Min: 5, Q1: 5, Median: 5, Q3: 5, Max: 5, Class: "portfolio"}},
	}
	var memo BoxMemo
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			r := rand.New(rand.NewPCG(uint64(w), 3))
			for i := range 500 {
				p := BoxPlot{Boxes: groups[i%len(groups)], Value: r.Float64()*7000 - 1000, HasValue: i%5 != 0, Alt: "alt", ID: "chart-x"}
				want := append([]byte("prefix"), p.SVG()...)
				if got := p.AppendSVG([]byte("prefix"), &memo); !bytes.Equal(got, want) {
					t.Errorf("value %v: with the memo\n%s\nwant\n%s", p.Value, got, want)
					return
				}
			}
		})
	}
	wg.Wait()
	if memo.boxes.Len() == 0 {
		t.Error("the memo kept no box")
	}
}
