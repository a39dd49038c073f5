package serve

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"clustersite/generator/build"
	"clustersite/generator/model"
)

// loaded returns a server whose current generation is a small site,
// without listening or watching.
func loaded(t *testing.T) *Server {
	t.Helper()
	siteDir := fstest.MapFS{
		"config.toml": {Data: []byte("today = 2026-11-28\n")},
		alphaFile:     {Data: []byte(alpha("Alpha", "bronze"))},
	}
	s := New(Options{})
	g := load(build.NewLoader(), siteDir, theme, build.Options{BaseURL: "http://127.0.0.1:1313/"}, "v1", nil)
	if g.failure != nil {
		t.Fatalf("load: %+v", g.failure)
	}
	s.gen.Store(g)
	return s
}

func serveRequest(s *Server, method, target string) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	s.ServeHTTP(w, httptest.NewRequest(method, target, nil))
	return w
}

func TestHandlerServesOnlyTheBuiltSite(t *testing.T) {
	s := loaded(t)
	for _, tc := range []struct {
		target string
		status int
		want   string // in the body, or the Location for redirects
	}{
		{"/", 200, "<h1>"},
		{"/clusters/alpha/", 200, "<h1>Alpha</h1>"},
		{"/clusters/alpha/index.html", 200, "<h1>Alpha</h1>"},
		{"/clusters/alpha", 301, "/clusters/alpha/"},
		{"/clusters/alpha?x=1", 301, "/clusters/alpha/?x=1"},
		{"/clusters.json", 200, `"id": "alpha"`},
		{"/robots.txt", 200, "User-agent"},
		{"/feed.xml", 200, "<feed"},
		{"/clusters.csv", 200, "alpha"},
		{"/_clustersite/reload.js", 200, "EventSource"},
		{"/nope/", 404, "Page not found"},
		{"/config.toml", 404, "Page not found"},
		{"/content/clusters/alpha/2025-01-10.toml", 404, "Page not found"},
		// paths outside the canonical form never reach a lookup
		{"/clusters/../config.toml", 404, "Page not found"},
		{"/clusters/alpha/../alpha/", 404, "Page not found"},
		{"/%2e%2e/config.toml", 404, "Page not found"},
		{"/clusters/%2E%2E/%2e%2e/config.toml", 404, "Page not found"},
		{"/clusters%2falpha/", 404, "Page not found"},
		{"/clusters%2Falpha/", 404, "Page not found"},
		{"/clusters%5calpha/", 404, "Page not found"},
		{`/clusters\alpha/`, 404, "Page not found"},
		{"/clusters//alpha/", 404, "Page not found"},
		{"/./", 404, "Page not found"},
		{"/clusters/alpha/%00", 404, "Page not found"},
	} {
		w := serveRequest(s, "GET", tc.target)
		got := w.Body.String()
		if w.Code == http.StatusMovedPermanently {
			got = w.Header().Get("Location")
		}
		if w.Code != tc.status || !strings.Contains(got, tc.want) {
			t.Errorf("GET %s: %d %.80q, want %d with %q", tc.target, w.Code, got, tc.status, tc.want)
		}
	}
}

func TestHandlerAllowsOnlyGetAndHead(t *testing.T) {
	s := loaded(t)
	for _, m := range []string{"POST", "PUT", "DELETE", "PATCH", "OPTIONS"} {
		w := serveRequest(s, m, "/")
		if w.Code != http.StatusMethodNotAllowed || w.Header().Get("Allow") != "GET, HEAD" {
			t.Errorf("%s /: %d, Allow %q", m, w.Code, w.Header().Get("Allow"))
		}
	}
	get := serveRequest(s, "GET", "/clusters/alpha/")
	head := serveRequest(s, "HEAD", "/clusters/alpha/")
	if head.Code != 200 || head.Body.Len() != 0 || head.Header().Get("Content-Length") != get.Header().Get("Content-Length") {
		t.Errorf("HEAD: %d, %d bytes, length %q; GET length %q", head.Code, head.Body.Len(),
			head.Header().Get("Content-Length"), get.Header().Get("Content-Length"))
	}
}

func TestHandlerShowsTheErrorPageWhileBroken(t *testing.T) {
	s := New(Options{})
	s.gen.Store(&generation{version: "v2", failure: &failure{Problems: model.Problems{{
		Path: "content/x.toml", Line: 3, Col: 9, Field: "cluster.name", Severity: model.Error,
		Message: `must not be "<script>alert(1)</script>"`,
	}}}})
	for _, target := range []string{"/", "/clusters/alpha/", "/assets/style.css", "/../x"} {
		w := serveRequest(s, "GET", target)
		body := w.Body.String()
		if w.Code != 500 || !strings.Contains(body, "content/x.toml:3:9") ||
			!strings.Contains(body, `<span class="field">cluster.name</span>: <span class="message">must not be &#34;&lt;script&gt;alert(1)&lt;/script&gt;&#34;`) {
			t.Errorf("GET %s: %d\n%s", target, w.Code, body)
		}
		if strings.Contains(body, "<script>alert") {
			t.Errorf("GET %s: message not escaped", target)
		}
		if !strings.Contains(body, `data-version="v2"`) {
			t.Errorf("GET %s: the error page does not reload by itself", target)
		}
	}
	if w := serveRequest(s, "GET", "/_clustersite/reload.js"); w.Code != 200 {
		t.Errorf("reload.js while broken: %d", w.Code)
	}
}

func TestInjectScriptGoesBeforeTheLastBodyEnd(t *testing.T) {
	tag := string(scriptTag("v9"))
	for _, tc := range []struct{ page, want string }{
		{"<p></body></html>", "<p>" + tag + "\n</body></html>"},
		{"<p>a </body> in text</BODY>", "<p>a </body> in text" + tag + "\n</BODY>"},
		{"<p>no body end", "<p>no body end" + tag + "\n"},
	} {
		if got := string(injectScript([]byte(tc.page), "v9")); got != tc.want {
			t.Errorf("inject(%q) = %q, want %q", tc.page, got, tc.want)
		}
	}
	if got := string(scriptTag(`"><script>`)); strings.Contains(got, `"><script>`) {
		t.Errorf("version not escaped: %s", got)
	}
}

func TestEditorFilesAndChmodAreIgnored(t *testing.T) {
	w := &watcher{root: "/site", skip: []string{"content/out"}}
	for rel, want := range map[string]bool{
		"content/clusters/x/2025-01-01.toml":        true,
		"content/clusters/x":                        true,
		"config.toml":                               true,
		"templates/report.html":                     true,
		"assets/style.css":                          true,
		"content/clusters/x/.2025-01-01.toml.swp":   false,
		"content/clusters/x/2025-01-01.toml~":       false,
		"content/clusters/x/.#2025-01-01.toml":      false,
		"content/clusters/x/4913":                   false,
		"content/clusters/x/sed.tmp":                false,
		"content/.git/index":                        false,
		"content/out/index.html":                    false,
		"public/index.html":                         false,
		".git/HEAD":                                 false,
		"generator/serve/serve.go":                  false,
		"README.md":                                 false,
		"content/clusters/x/2025-01-01.toml.swp":    false,
		"templates/.report.html.swx":                false,
		"content/clusters/.hidden/2025-01-01.toml":  false,
		"content/clusters/x/2025-01-01.toml.backup": true, // the loader ignores it; a reload is harmless
	} {
		if got := w.relevant(fsnotifyWrite(rel), rel); got != want {
			t.Errorf("relevant(%s) = %v, want %v", rel, got, want)
		}
	}
	if w.relevant(fsnotifyChmod("content/clusters/x/2025-01-01.toml"), "content/clusters/x/2025-01-01.toml") {
		t.Error("a chmod-only event counts as a change")
	}
}

// FuzzSitePath checks that every path sitePath accepts is clean and stays
// inside the site: what path.Clean makes of it is itself, and it has no
// dot segments, backslashes or NUL. (A doubly encoded "%252e%252e" passes as
// the name "%2e%2e", which is never decoded again: lookups are exact.)
func FuzzSitePath(f *testing.F) {
	for _, s := range []string{"/", "/clusters/x/", "/a/../b", "/%2e%2e/x", "/a%2fb", "//x", "/a\\b", "/./", "/%252e%252e/", "/clusters/x/index.html"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, target string) {
		u, err := url.ParseRequestURI(target)
		if err != nil {
			return
		}
		rel, ok := sitePath(&http.Request{URL: u})
		if !ok {
			return
		}
		trimmed := strings.TrimSuffix(rel, "/")
		if rel != "" && path.Clean(trimmed) != trimmed || strings.HasPrefix(rel, "/") {
			t.Fatalf("%q accepted as %q, which is not clean", target, rel)
		}
		if strings.ContainsAny(rel, "\\\x00") || rel != "" && !filepath.IsLocal(trimmed) {
			t.Fatalf("%q accepted as %q, which may leave the site", target, rel)
		}
		for seg := range strings.SplitSeq(rel, "/") {
			if seg == "." || seg == ".." {
				t.Fatalf("%q accepted with a dot segment: %q", target, rel)
			}
		}
	})
}
