package sitecheck

import (
	"math"
	"testing"
)

func TestContrast(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want float64
	}{
		{"#000", "#fff", 21},
		{"#ffffff", "#000000", 21},
		{"#777", "#fff", 4.48},
		{"#767676", "#ffffff", 4.54},
		{"#0b4f8a", "#0b4f8a", 1},
	} {
		got, err := Contrast(tc.a, tc.b)
		if err != nil || math.Abs(got-tc.want) > 0.01 {
			t.Errorf("Contrast(%s, %s) = %.2f, %v; want %.2f", tc.a, tc.b, got, err, tc.want)
		}
	}
	for _, bad := range []string{"", "#12", "#12345", "red", "#ggg"} {
		if _, err := Contrast(bad, "#fff"); err == nil {
			t.Errorf("Contrast(%q) gave no error", bad)
		}
	}
}
