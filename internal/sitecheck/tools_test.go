package sitecheck

import (
	"context"
	"strings"
	"testing"
)

func TestValidateFindsInvalidHTMLAndCSS(t *testing.T) {
	v := NeedValidator(t, toolsDir)
	findings, err := v.Validate(context.Background(), "testdata/invalid")
	got := strings.Join(strs(t, findings, err), "\n")
	for _, want := range []string{
		`index.html: html: 4:26: error: Element “div” not allowed as child of element “span”`,
		`index.html: html: 5:22: error: Duplicate ID “twice”.`,
		`index.html: html: 5:1: warning: The first occurrence of ID “twice” was here.`,
		`index.html: html: 6:5: error: Element “p” not allowed as child of element “ul”`,
		`style.css: css: 1:16: error: CSS: “colr”: Property “colr” doesn't exist.`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("no finding %s in:\n%s", want, got)
		}
	}
}

func TestValidatePassesACleanSite(t *testing.T) {
	v := NeedValidator(t, toolsDir)
	findings, err := v.Validate(context.Background(), "testdata/clean")
	same(t, "findings", strs(t, findings, err), []string{})
}
