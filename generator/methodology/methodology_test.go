package methodology

import (
	"strings"
	"testing"

	"clustersite/generator/model"
)

func TestDefaultHas36IndicatorsInSixAreas(t *testing.T) {
	m := Default()
	if m.ID != DefaultID {
		t.Errorf("ID = %q, want %q", m.ID, DefaultID)
	}
	if len(m.Areas) != 6 {
		t.Errorf("areas = %d, want 6", len(m.Areas))
	}
	if n := len(m.Indicators()); n != 36 {
		t.Errorf("indicators = %d, want 36", n)
	}
	if ind := m.Indicator("sme_share"); ind == nil || ind.Kind != model.KindPercent || ind.Area.ID != "structure" {
		t.Errorf("sme_share = %+v, want a percent indicator in structure", ind)
	}
}

func TestParseReportsEveryProblem(t *testing.T) {
	src := `id = "Bad Id"
colour = "red"
[[areas]]
id = "a"
title = "A"
[[areas.indicators]]
id = "x"
title = "X"
kind = "weight"
[[areas.indicators]]
id = "x"
title = "X again"
kind = "choice"
`
	_, ps := Parse("m.toml", []byte(src))
	var got []string
	for _, p := range ps {
		got = append(got, p.Field)
	}
	want := "colour id areas[0].indicators[0].kind areas[0].indicators[1].id areas[0].indicators[1].choices"
	if strings.Join(got, " ") != want {
		t.Errorf("fields = %q, want %q\n%v", strings.Join(got, " "), want, ps)
	}
}

func TestParseSyntaxErrorHasPosition(t *testing.T) {
	_, ps := Parse("m.toml", []byte("id = \"x\"\ntitle = \n"))
	if len(ps) != 1 || ps[0].Line != 2 {
		t.Fatalf("problems = %v, want one on line 2", ps)
	}
}
