package content

import "testing"

func TestLocateFindsKeysAndFallsBackToTheirTable(t *testing.T) {
	src := []byte(bom + "[cluster]\nname = \"Qoot\"\n  website = \"http://qoot.org\"\n\n[assessment]\ndate = 2019-07-25\n")
	for _, tc := range []struct {
		field     string
		line, col int
	}{
		{"cluster.website", 3, 3},
		{"assessment.date", 6, 1},
		{"assessment.valid_until", 5, 1}, // absent: its table
		{"indicators.participants", 0, 0},
		{"", 0, 0},
	} {
		line, col := Locate(src, tc.field)
		if line != tc.line || col != tc.col {
			t.Errorf("Locate(%q) = %d:%d, want %d:%d", tc.field, line, col, tc.line, tc.col)
		}
	}
}
