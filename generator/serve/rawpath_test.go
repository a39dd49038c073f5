package serve

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestRawRequestsReachOnlyTheBuiltSite sends request lines over a real TCP
// connection, as a hostile client writes them (Go's client would clean
// the paths first), to a server whose site folder holds a config.toml, a
// content file and a stray secret, next to a secret outside the folder.
// Dot segments, encoded dots, slashes and backslashes, empty segments and
// absolute forms get 404 (or 400 from net/http for what is not HTTP) and
// never a byte of those files; methods other than GET and HEAD get 405.
func TestRawRequestsReachOnlyTheBuiltSite(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "site")
	writeFiles(t, root, map[string]string{
		"secret-outside.txt":   "OUTSIDE-SECRET",
		"site/config.toml":     "today = 2026-11-28 # CONFIG-SECRET\n",
		"site/" + alphaFile:    alpha("Alpha", "bronze") + "# CONTENT-SECRET\n",
		"site/secret.txt":      "SITE-SECRET",
		"site/public/old.html": "PUBLIC-SECRET",
		"site/.git/config":     "GIT-SECRET",
	})
	srv := start(t, Options{Site: dir, Dest: filepath.Join(dir, "public")})
	addr := strings.TrimSuffix(strings.TrimPrefix(srv.url, "http://"), "/")
	secrets := []string{"OUTSIDE-SECRET", "CONFIG-SECRET", "CONTENT-SECRET", "SITE-SECRET", "PUBLIC-SECRET", "GIT-SECRET", "root:x:0:0"}

	for _, tc := range []struct {
		line   string
		status int // 0: 400 or 404
	}{
		{"GET /../../etc/passwd HTTP/1.1", 0},
		{"GET /../secret-outside.txt HTTP/1.1", 0},
		{"GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1", 0},
		{"GET /%2E%2E/secret-outside.txt HTTP/1.1", 0},
		{"GET /.%2e/secret-outside.txt HTTP/1.1", 0},
		{"GET /..%2f..%2fetc/passwd HTTP/1.1", 0},
		{"GET /..%2F..%2Fsecret-outside.txt HTTP/1.1", 0},
		{"GET /clusters/..%5c..%5cconfig.toml HTTP/1.1", 0},
		{`GET /..\..\config.toml HTTP/1.1`, 0},
		{"GET /%c0%ae%c0%ae/config.toml HTTP/1.1", 0},
		{"GET /%252e%252e/config.toml HTTP/1.1", 0},
		{"GET //etc/passwd HTTP/1.1", 0},
		{"GET ///secret-outside.txt HTTP/1.1", 0},
		{"GET /clusters/alpha/../../config.toml HTTP/1.1", 0},
		{"GET /clusters/alpha/;/../../config.toml HTTP/1.1", 0},
		{"GET /_clustersite/../config.toml HTTP/1.1", 0},
		{"GET /config.toml HTTP/1.1", 404},
		{"GET /secret.txt HTTP/1.1", 404},
		{"GET /content/clusters/alpha/2025-01-10.toml HTTP/1.1", 404},
		{"GET /public/old.html HTTP/1.1", 404},
		{"GET /.git/config HTTP/1.1", 404},
		{"GET /%00 HTTP/1.1", 0},
		{"GET /config.toml%00.html HTTP/1.1", 0},
		{"GET http://evil.example/../config.toml HTTP/1.1", 0},
		{"GET http://evil.example//etc/passwd HTTP/1.1", 0},
		{`GET \..\config.toml HTTP/1.1`, 0},
		{"GET * HTTP/1.1", 0},
		{"GET ../config.toml HTTP/1.1", 0},
		{"HEAD /../config.toml HTTP/1.1", 0},
		{"POST /config.toml HTTP/1.1", 405},
		{"PUT /config.toml HTTP/1.1", 405},
		{"DELETE / HTTP/1.1", 405},
		{"OPTIONS * HTTP/1.1", 405},
		{"TRACE / HTTP/1.1", 405},
		{"PROPFIND / HTTP/1.1", 405},
		{"CONNECT evil.example:443 HTTP/1.1", 405},
		// Allowed: the site itself, also in absolute form.
		{"GET http://evil.example/ HTTP/1.1", 200},
		{"GET /clusters/alpha/ HTTP/1.1", 200},
		{"HEAD /clusters/alpha/ HTTP/1.1", 200},
	} {
		status, body := rawRequest(t, addr, tc.line)
		want := tc.status
		if want == 0 && (status == 400 || status == 404) {
			want = status
		}
		if status != want {
			t.Errorf("%s: status %d, want %d", tc.line, status, tc.status)
		}
		for _, s := range secrets {
			if strings.Contains(body, s) {
				t.Errorf("%s: the response holds %s", tc.line, s)
			}
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "config.toml")); err != nil {
		t.Error(err)
	}
}

// rawRequest writes line, a Host header and an empty body on a new
// connection and returns the response's status and body.
func rawRequest(t *testing.T, addr, line string) (int, string) {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(waitLimit))
	if _, err := io.WriteString(c, line+"\r\nHost: "+addr+"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	method, _, _ := strings.Cut(line, " ")
	resp, err := http.ReadResponse(bufio.NewReader(c), &http.Request{Method: method})
	if err != nil {
		t.Fatalf("%s: %v", line, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// TestServeRefusesLinksOutOfTheSite: an assets folder that is a symbolic
// link to another folder gives the error page, not that folder's files.
func TestServeRefusesLinksOutOfTheSite(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "site")
	writeFiles(t, root, map[string]string{
		"outside/secret.txt": "OUTSIDE-SECRET",
		"site/config.toml":   "today = 2026-11-28\n",
		"site/" + alphaFile:  alpha("Alpha", "bronze"),
	})
	if err := os.Symlink("../outside", filepath.Join(dir, "assets")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	srv := start(t, Options{Site: dir})
	status, body := get(t, srv.url)
	if status != http.StatusInternalServerError || !strings.Contains(body, "path escapes from parent") || strings.Contains(body, "OUTSIDE-SECRET") {
		t.Errorf("GET /: %d\n%s", status, body)
	}
}
