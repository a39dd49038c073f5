// Package browsertest runs browser tests in headless Chromium through
// chromedp.
//
// A test package shares one browser between its tests: the zero Browser
// starts Chromium when the first test asks for a tab, and TestMain closes
// it.
//
//	var browser browsertest.Browser
//
//	func TestMain(m *testing.M) {
//		code := m.Run()
//		browser.Close()
//		os.Exit(code)
//	}
//
//	func TestSomething(t *testing.T) {
//		ctx := browser.Tab(t, server.URL)
//		...
//	}
//
// Chromium is looked up as $CHROMIUM, then chromium, chromium-browser,
// google-chrome and headless-shell on $PATH. Without one, Tab skips the
// test with a message saying so, except when the environment variable CI
// is "true": CI installs Chromium (.ci/run), so there a missing browser
// fails the test.
//
// Every tab watches the page: a request to any host but the test server's,
// a console error, an uncaught exception or a JavaScript dialog (alert,
// confirm, prompt) fails the test when the tab closes. Only the browser's
// own request for /favicon.ico may fail.
package browsertest

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Browser is one Chromium process, started on first use; its tabs may be
// used by parallel tests. The zero value is ready to use.
type Browser struct {
	once   sync.Once
	ctx    context.Context // the browser's; tabs derive from it
	cancel func()
	err    error // why there is no browser
}

// launch starts headless Chromium with a fresh profile, or records why it
// could not.
func (b *Browser) launch() {
	path := find()
	if path == "" {
		b.err = errors.New("no Chromium found (set $CHROMIUM or install chromium)")
		return
	}
	dir, err := os.MkdirTemp("", "browsertest-")
	if err != nil {
		b.err = err
		return
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.UserDataDir(dir),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.WindowSize(1280, 900),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelBrowser := chromedp.NewContext(allocCtx)
	b.ctx = ctx
	b.cancel = func() {
		cancelBrowser()
		cancelAlloc()
		os.RemoveAll(dir)
	}
	if err := chromedp.Do(ctx); err != nil { // starts the process
		b.Close()
		b.err = fmt.Errorf("start %s: %w", path, err)
	}
}

// Close ends the browser if it was started.
func (b *Browser) Close() {
	if b.cancel != nil {
		b.cancel()
		b.cancel = nil
	}
}

// find returns the path of a Chromium, or "".
func find() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// Tab opens a new tab for the test and closes it when the test ends. The
// page may load from origin (scheme://host:port) only; see the package
// doc for what else fails the test.
func (b *Browser) Tab(t testing.TB, origin string) context.Context {
	t.Helper()
	b.once.Do(b.launch)
	if b.err != nil {
		msg := "browser test needs Chromium: " + b.err.Error()
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	ctx, cancel := chromedp.NewContext(b.ctx)
	w := &watch{origin: strings.TrimSuffix(origin, "/")}
	if err := chromedp.Listen(ctx, func(ev any) { w.event(ctx, ev) }); err != nil {
		cancel()
		t.Fatalf("open tab: %v", err)
	}
	t.Cleanup(func() {
		cancel()
		for _, p := range w.problems() {
			t.Error(p)
		}
	})
	return ctx
}

// watch collects what the page did wrong.
type watch struct {
	origin string
	mu     sync.Mutex
	list   []string
}

func (w *watch) add(format string, args ...any) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.list = append(w.list, fmt.Sprintf(format, args...))
}

func (w *watch) problems() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]string(nil), w.list...)
}

func (w *watch) event(ctx context.Context, ev any) {
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		if !w.allowed(ev.Request.URL) {
			w.add("request to another host: %s", ev.Request.URL)
		}
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			var args []string
			for _, a := range ev.Args {
				args = append(args, string(a.Value)+a.Description)
			}
			w.add("console.%s: %s", ev.Type, strings.Join(args, " "))
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		msg := d.Text
		if d.Exception != nil {
			msg += " " + d.Exception.Description
		}
		w.add("uncaught exception at %s:%d: %s", d.URL, d.LineNumber+1, msg)
	case *log.EventEntryAdded:
		// The browser asks for /favicon.ico by itself; a site without one
		// is not an error of the page.
		if ev.Entry.Level == log.EntryLevelError && !strings.HasSuffix(ev.Entry.URL, "/favicon.ico") {
			w.add("browser log error: %s %s", ev.Entry.Text, ev.Entry.URL)
		}
	case *page.EventJavascriptDialogOpening:
		w.add("JavaScript %s dialog: %q", ev.Type, ev.Message)
		go func() { // answer it, or the page blocks; not from here (see chromedp.Listen)
			_, _ = chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		}()
	}
}

// allowed reports whether a request stays on the test server. data: and
// blob: URLs never leave the page.
func (w *watch) allowed(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil {
		return false
	}
	switch u.Scheme {
	case "data", "blob", "about":
		return true
	}
	return w.origin != "" && u.Scheme+"://"+u.Host == w.origin
}
