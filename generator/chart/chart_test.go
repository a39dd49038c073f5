package chart

import (
	"bytes"
	"encoding/xml"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		os.MkdirAll("testdata", 0o755)
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs; rerun with -update if intended.\ngot:  %s\nwant: %s", path, got, want)
	}
}

// wellFormed parses b as XML and returns its elements by name.
func wellFormed(t *testing.T, b []byte) map[string][]xml.StartElement {
	t.Helper()
	els := map[string][]xml.StartElement{}
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return els
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v\n%s", err, b)
		}
		if se, ok := tok.(xml.StartElement); ok {
			els[se.Name.Local] = append(els[se.Name.Local], se.Copy())
		}
	}
}

func attr(se xml.StartElement, name string) string {
	for _, a := range se.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

var qoot = BoxPlot{
	Boxes: []Box{
		{Min: 12, Q1: 40, Median: 79.5, Q3: 120, Max: 310, Class: "all"},
		{Min: 30, Q1: 54, Median: 72, Q3: 95, Max: 140, Class: "portfolio"},
	},
	Value: 54, HasValue: true,
	Alt: "Committed cluster participants: 54. All clusters (n = 20): minimum 12, median 79.5, maximum 310.",
	ID:  "chart-participants",
}

// TestBoxPlotGolden pins the bytes of one box plot. Rerun with
// go test ./generator/chart -run Golden -update after an intended change,
// and look at testdata/*.svg in a browser.
func TestBoxPlotGolden(t *testing.T) {
	golden(t, "boxplot.svg", qoot.SVG())
}

func TestStackedBarsGolden(t *testing.T) {
	golden(t, "hbars.svg", countries.HBars())
	golden(t, "columns.svg", years.Columns())
}

var series = []Series{{"Bronze", "bronze", Bronze}, {"Silver", "silver", Silver}, {"Gold", "gold", Gold}}

var countries = Stacked{
	Series: series,
	Bars: []Bar{
		{"Germany", []float64{1, 1, 2}}, {"Spain", []float64{2, 0, 1}}, {"Bosnia and Herzegovina", []float64{1, 0, 0}},
	},
	Alt: "Clusters by country and current label.",
}

var years = Stacked{
	Series: series,
	Bars: []Bar{
		{"2016", []float64{1, 0, 0}}, {"2017", nil}, {"2018", []float64{1, 1, 0}}, {"2019", []float64{0, 0, 3}},
	},
	Alt: "Labels awarded per year.",
}

// TestChartsHaveATextAlternative: role=img, a <title>, and a name by
// aria-labelledby pointing at it or by aria-label.
func TestChartsHaveATextAlternative(t *testing.T) {
	for name, b := range map[string][]byte{"boxplot": qoot.SVG(), "hbars": countries.HBars(), "columns": years.Columns()} {
		els := wellFormed(t, b)
		root := els["svg"][0]
		named := attr(root, "aria-label") != "" || attr(root, "aria-labelledby") != "" && attr(root, "aria-labelledby") == attr(els["title"][0], "id")
		if attr(root, "role") != "img" || !named || len(els["title"]) == 0 {
			t.Errorf("%s: root %v lacks role=img, a name or a title", name, root.Attr)
		}
		if attr(root, "viewBox") == "" {
			t.Errorf("%s: no viewBox, the chart would not scale", name)
		}
	}
}

func TestChartTextIsEscaped(t *testing.T) {
	evil := `</svg><script>alert(1)</script> & "q" <!--`
	c := Stacked{Series: []Series{{evil, "x", Gold}}, Bars: []Bar{{evil, []float64{3}}}, Alt: evil}
	p := BoxPlot{Boxes: []Box{{Max: 1, Class: `"><script>`}}, Alt: evil}
	for name, b := range map[string][]byte{"hbars": c.HBars(), "columns": c.Columns(), "boxplot": p.SVG()} {
		if bytes.Contains(b, []byte("<script")) || bytes.Contains(b, []byte("</svg><")) || bytes.Contains(b, []byte("<!--")) {
			t.Errorf("%s: unescaped text in %s", name, b)
		}
		els := wellFormed(t, b)
		if got := attr(els["svg"][0], "aria-label"); got != evil {
			t.Errorf("%s: aria-label = %q, want the text back", name, got)
		}
	}
}

// TestBoxPlotMarksTheValueOnTheSharedScale checks the geometry: the value
// line sits where the value falls between the smallest minimum and the
// largest maximum of the groups.
func TestBoxPlotMarksTheValueOnTheSharedScale(t *testing.T) {
	for _, tc := range []struct {
		value float64
		want  string
	}{{0, "7"}, {100, "233"}, {50, "120"}, {-100, "7"}} {
		p := BoxPlot{Boxes: []Box{{Min: 0, Q1: 25, Median: 50, Q3: 75, Max: 100}}, Value: tc.value, HasValue: true}
		els := wellFormed(t, p.SVG())
		var x string
		for _, l := range els["path"] {
			if d := attr(l, "d"); strings.HasSuffix(d, " 1V17") { // the value's line, top to bottom
				x = strings.TrimSuffix(strings.TrimPrefix(d, "M"), " 1V17")
			}
		}
		if x != tc.want {
			t.Errorf("value %g: mark at x = %s, want %s", tc.value, x, tc.want)
		}
	}
	if got := (BoxPlot{}).SVG(); got != nil {
		t.Errorf("no boxes: %s, want nothing", got)
	}
	flat := BoxPlot{Boxes: []Box{{Min: 5, Q1: 5, Median: 5, Q3: 5, Max: 5}}, Value: 5, HasValue: true}
	if b := flat.SVG(); bytes.Contains(b, []byte("NaN")) || bytes.Contains(b, []byte("Inf")) {
		t.Errorf("equal values give %s", b)
	}
}

func TestHBarsShortenOnlyVeryLongLabels(t *testing.T) {
	long := strings.Repeat("Very long country name ", 10)
	c := Stacked{Series: series, Bars: []Bar{{"Jordan", []float64{1}}, {long, []float64{1}}}}
	b := string(c.HBars())
	if !strings.Contains(b, ">Jordan<") || !strings.Contains(b, "…<") {
		t.Errorf("labels: %s", b)
	}
	if !strings.Contains(b, "<title>"+long+": Bronze 1</title>") {
		t.Error("the full label is not kept in the segment's tooltip")
	}
}

func TestNiceStep(t *testing.T) {
	for _, tc := range []struct {
		max  float64
		want float64
	}{{0, 1}, {3, 1}, {9, 5}, {8, 2}, {40, 10}, {130, 50}, {1500, 500}} {
		if got := niceStep(tc.max, 4); got != tc.want {
			t.Errorf("niceStep(%g) = %g, want %g", tc.max, got, tc.want)
		}
	}
}
