package serve

import (
	"context"
	"os"
	"os/exec"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// browser starts headless Chromium for the test. Without Chromium the test
// is skipped, except in CI (CI=true), where .ci/run installs it.
func browser(t *testing.T) context.Context {
	t.Helper()
	var exe string
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			exe = p
			break
		}
	}
	if exe == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("no Chromium found, and CI must run the browser tests: .ci/run installs the chromium package")
		}
		t.Skip("no Chromium found: install the chromium package to run the browser tests")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	return ctx
}

// TestReloadScriptReloadsTheBrowser opens a page in Chromium and checks
// that reload.js, not the test, brings each change to the screen: an
// edit, the error page for broken content, and the recovery.
func TestReloadScriptReloadsTheBrowser(t *testing.T) {
	ctx := browser(t)
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"config.toml": "today = 2026-11-28\n",
		alphaFile:     alpha("Alpha", "bronze"),
	})
	srv := start(t, Options{Site: dir})

	if err := chromedp.Do(ctx, chromedp.Navigate(srv.url+"clusters/alpha/")); err != nil {
		t.Fatal(err)
	}
	if h1, err := chromedp.Run(ctx, chromedp.Text("h1")); err != nil || h1 != "Alpha" {
		t.Fatalf("h1 = %q, %v", h1, err)
	}
	// A change before the script has connected is no race: the hello
	// event then carries a version other than the page's.

	// shows makes the change, then waits for page loads until expr is
	// true in the page.
	shows := func(what, expr string, change func()) {
		t.Helper()
		wait, cancel := context.WithTimeout(ctx, waitLimit)
		defer cancel()
		loads := chromedp.Events(wait, page.LoadEventFired) // subscribed before the change
		change()
		for _, err := range loads {
			if err != nil {
				t.Fatalf("the browser did not show %s within %s: %v", what, waitLimit, err)
			}
			if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr)); err == nil && ok {
				return
			}
		}
	}
	edit := func(name, label string) func() {
		return func() { writeFiles(t, dir, map[string]string{alphaFile: alpha(name, label)}) }
	}
	shows("the edit", `document.querySelector("h1")?.textContent === "Alpha Renamed"`, edit("Alpha Renamed", "bronze"))
	shows("the error page", `document.getElementById("clustersite-errors")?.textContent.includes("assessment.label") === true`,
		edit("Alpha Renamed", "platinum"))
	shows("the recovery", `document.querySelector("h1")?.textContent === "Alpha Fixed"`, edit("Alpha Fixed", "bronze"))

	// A hidden tab lets go of its stream; shown again, it catches up.
	setVisibility := func(state string) {
		t.Helper()
		js := `Object.defineProperty(document, "visibilityState", {value: "` + state + `", configurable: true});
			document.dispatchEvent(new Event("visibilitychange")); true`
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js)); err != nil {
			t.Fatal(err)
		}
	}
	setVisibility("hidden")
	shows("the change made while hidden", `document.querySelector("h1")?.textContent === "Alpha Shown"`, func() {
		edit("Alpha Shown", "bronze")()
		setVisibility("visible")
	})
}
