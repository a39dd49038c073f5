package sitecheck

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// load serves the fixture folder dir and opens its index page in a new
// tab of width × 800 px.
func loadFixture(t *testing.T, dir string, width int64) context.Context {
	t.Helper()
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	t.Cleanup(srv.Close)
	ctx := browser.Tab(t, srv.URL)
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 800), chromedp.Navigate(srv.URL+"/")); err != nil {
		t.Fatal(err)
	}
	return ctx
}

func TestAxeFindsMissingAltLowContrastAndUnlabelledControls(t *testing.T) {
	axe := NeedAxe(t, toolsDir)
	ctx := loadFixture(t, "testdata/axe", 1280)
	findings, err := Axe(ctx, axe, "index.html", WCAG21AA)
	got := strings.Join(strs(t, findings, err), "\n")
	for _, want := range []string{
		"index.html: axe: image-alt (critical): Images must have alternative text: #photo",
		"index.html: axe: color-contrast (serious): Elements must meet minimum color contrast ratio thresholds: #faint",
		"index.html: axe: label (critical): Form elements must have labels: #unlabelled",
		"index.html: axe: link-name (serious): Links must have discernible text: #empty-link",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("no finding %s in:\n%s", want, got)
		}
	}
}

func TestAxePassesACleanPage(t *testing.T) {
	axe := NeedAxe(t, toolsDir)
	ctx := loadFixture(t, "testdata/clean", 1280)
	findings, err := Axe(ctx, axe, "index.html", WCAG21AA)
	same(t, "findings", strs(t, findings, err), []string{})
}

func TestOverflowFindsAPageWiderThanTheWindow(t *testing.T) {
	ctx := loadFixture(t, "testdata/overflow", 375)
	findings, err := Overflow(ctx, "index.html")
	same(t, "at 375 px", strs(t, findings, err), []string{
		"index.html: overflow: the page is 608 px wide in a 375 px window: it scrolls sideways; sticking out: div#banner.wide ends at 608 px",
	})
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 800)); err != nil {
		t.Fatal(err)
	}
	findings, err = Overflow(ctx, "index.html")
	same(t, "at 1280 px", strs(t, findings, err), []string{})
}

func TestOverflowLeavesBoxesThatScrollThemselves(t *testing.T) {
	ctx := loadFixture(t, "testdata/clean", 320)
	findings, err := Overflow(ctx, "index.html")
	same(t, "findings", strs(t, findings, err), []string{})
}

func TestCutOffFindsBoxesWiderThanTheirContent(t *testing.T) {
	ctx := loadFixture(t, "testdata/overflow", 375)
	findings, err := CutOff(ctx, "index.html", "")
	same(t, "at 375 px", strs(t, findings, err), []string{
		"index.html: cut-off: div.box (div.inner) shows 359 of 900 px: the rest is cut off at the right edge",
	})
	findings, err = CutOff(ctx, "index.html", ".box")
	same(t, "allowing .box", strs(t, findings, err), []string{})
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 800)); err != nil {
		t.Fatal(err)
	}
	findings, err = CutOff(ctx, "index.html", "")
	same(t, "at 1280 px", strs(t, findings, err), []string{})
}
