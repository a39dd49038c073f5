package sitecheck

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Contrast returns the WCAG 2 contrast ratio of two colours written as
// #rgb or #rrggbb: from 1 (the same) to 21 (black on white). Text needs
// 4.5 (AA), large text and the graphical parts of a chart 3.
func Contrast(a, b string) (float64, error) {
	la, err := luminance(a)
	if err != nil {
		return 0, err
	}
	lb, err := luminance(b)
	if err != nil {
		return 0, err
	}
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05), nil
}

// luminance is the relative luminance of an sRGB colour.
func luminance(hex string) (float64, error) {
	h := strings.TrimPrefix(hex, "#")
	if len(h) == 3 {
		h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
	}
	v, err := strconv.ParseUint(h, 16, 32)
	if len(h) != 6 || err != nil {
		return 0, fmt.Errorf("colour %q: want #rgb or #rrggbb", hex)
	}
	channel := func(shift uint) float64 {
		c := float64(v>>shift&0xff) / 255
		if c <= 0.04045 {
			return c / 12.92
		}
		return math.Pow((c+0.055)/1.055, 2.4)
	}
	return 0.2126*channel(16) + 0.7152*channel(8) + 0.0722*channel(0), nil
}
