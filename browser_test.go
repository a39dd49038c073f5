package main

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"clustersite/internal/browsertest"
)

// browser is the one Chromium of this package's browser tests.
var browser browsertest.Browser

func TestMain(m *testing.M) {
	// The decoded-file caches of the builds these tests run go to a
	// folder of their own, not into the user's cache folder.
	cache, err := os.MkdirTemp("", "clustersite-test-cache-")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_CACHE_HOME", cache)
	code := m.Run()
	os.RemoveAll(cache)
	browser.Close()
	sample.remove()
	searchSite.remove()
	if variants.dir != "" {
		os.RemoveAll(variants.dir)
	}
	os.Exit(code)
}

// sample is the bundled sample site, built once for every browser test.
var sample builtSite

type builtSite struct {
	once sync.Once
	dir  string
	err  error
}

func (s *builtSite) remove() {
	if s.dir != "" {
		os.RemoveAll(s.dir)
	}
}

// serveSample builds the sample site (once per test run) and serves it
// for the test.
func serveSample(t *testing.T) *httptest.Server {
	t.Helper()
	return serveDir(t, sampleDir(t))
}

// sampleDir builds the sample site once per test run and returns the
// output folder; tests must not change it.
func sampleDir(t *testing.T) string {
	t.Helper()
	sample.once.Do(func() {
		sample.dir, sample.err = os.MkdirTemp("", "clustersite-sample-")
		if sample.err == nil {
			sample.err = buildInto(filepath.Join(sample.dir, "public"), "--site", ".")
		}
	})
	if sample.err != nil {
		t.Fatal(sample.err)
	}
	return filepath.Join(sample.dir, "public")
}

func serveDir(t *testing.T, dir string) *httptest.Server {
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	t.Cleanup(srv.Close)
	return srv
}

// open opens path of the server in a new tab, waits until the search has
// loaded both files of its index and returns the tab.
func open(t *testing.T, srv *httptest.Server, path string) context.Context {
	t.Helper()
	ctx := browser.Tab(t, srv.URL)
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	t.Cleanup(cancel)
	do(t, ctx, chromedp.Navigate(srv.URL+path), chromedp.Poll[chromedp.Void](`document.querySelector('.finder').dataset.complete === 'true'`))
	return ctx
}

func do(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}

// buildInto runs the build command into dest with the given flags.
func buildInto(dest string, flags ...string) error {
	var stdout, stderr bytes.Buffer
	args := append([]string{"build", "--dest", dest}, flags...)
	if code := run(context.Background(), args, &stdout, &stderr); code != 0 {
		return fmt.Errorf("build exit %d\nstdout:\n%s\nstderr:\n%s", code, &stdout, &stderr)
	}
	return nil
}
