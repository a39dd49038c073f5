package serve

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// theme is the default theme of the repository, as main embeds it.
var theme = os.DirFS("../..")

// waitLimit bounds every wait for an event; reaching it fails the test.
const waitLimit = 15 * time.Second

const alphaFile = "content/clusters/alpha/2025-01-10.toml"

func alpha(name, label string) string {
	return "[cluster]\nid = \"alpha\"\nname = \"" + name + "\"\ncountry = \"DE\"\n\n" +
		"[assessment]\ndate = 2025-01-10\nlabel = \"" + label + "\"\n"
}

// writeSite writes files (slash paths) into dir.
func writeFiles(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// running is a Server serving on a free loopback port.
type running struct {
	url    string
	cancel context.CancelFunc
	done   chan error
}

func start(t testing.TB, opts Options) *running {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	if opts.Theme == nil {
		opts.Theme = theme
	}
	ctx, cancel := context.WithCancel(context.Background())
	r := &running{url: "http://" + ln.Addr().String() + "/", cancel: cancel, done: make(chan error, 1)}
	go func() { r.done <- New(opts).Serve(ctx, ln) }()
	t.Cleanup(func() { r.stop(t) })
	return r
}

// stop cancels the server and waits for Serve to return.
func (r *running) stop(t testing.TB) error {
	t.Helper()
	r.cancel()
	select {
	case err := <-r.done:
		r.done <- err // for a second stop
		return err
	case <-time.After(waitLimit):
		t.Fatal("Serve did not return after its context was cancelled")
		return nil
	}
}

// events reads a Server-Sent Events stream.
type events struct {
	c    chan event
	body io.Closer
	// limit bounds each wait; waitLimit unless a benchmark sets more.
	limit time.Duration
}

func openEvents(t testing.TB, base string) *events {
	t.Helper()
	resp, err := http.Get(base + "_clustersite/events")
	if err != nil {
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); resp.StatusCode != 200 || ct != "text/event-stream" {
		t.Fatalf("events: status %d, content type %q", resp.StatusCode, ct)
	}
	e := &events{c: make(chan event, 64), body: resp.Body, limit: waitLimit}
	go func() {
		defer close(e.c)
		sc := bufio.NewScanner(resp.Body)
		var ev event
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				ev.Name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				ev.Data = strings.TrimPrefix(line, "data: ")
			case line == "" && ev.Name != "":
				e.c <- ev
				ev = event{}
			}
		}
	}()
	t.Cleanup(func() { resp.Body.Close() })
	return e
}

// next returns the next event named name, skipping others.
func (e *events) next(t testing.TB, name string) event {
	t.Helper()
	deadline := time.After(e.limit)
	for {
		select {
		case ev, open := <-e.c:
			if !open {
				t.Fatalf("event stream ended while waiting for %q", name)
			}
			if ev.Name == name {
				return ev
			}
		case <-deadline:
			t.Fatalf("no %q event within %s", name, e.limit)
		}
	}
}

func get(t testing.TB, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(body)
}

// reloadUntil waits for reload events until url answers as want says. An
// editor's save can arrive as more than one batch, so the first reload
// after a change may show an intermediate state.
func (e *events) reloadUntil(t testing.TB, url string, want func(status int, body string) bool) (event, string) {
	t.Helper()
	for {
		ev := e.next(t, "reload")
		if status, body := get(t, url); want(status, body) {
			return ev, body
		} else if testing.Verbose() {
			t.Logf("after reload %s: %s answers %d", ev.Data, url, status)
		}
	}
}

func TestServeReloadsShowsErrorsAndRecovers(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"config.toml": "title = \"Preview test\"\ntoday = 2026-11-28\n",
		alphaFile:     alpha("Alpha", "bronze"),
		"content/clusters/beta/2024-03-01.toml": "[cluster]\nname = \"Beta\"\ncountry = \"FR\"\n\n" +
			"[assessment]\ndate = 2024-03-01\nlabel = \"silver\"\n",
	})
	srv := start(t, Options{Site: dir, Log: testLog{t}})
	page := srv.url + "clusters/alpha/"
	stream := openEvents(t, srv.url)
	hello := stream.next(t, "hello")

	status, body := get(t, page)
	if status != 200 || !strings.Contains(body, "<h1>Alpha</h1>") {
		t.Fatalf("first page: %d\n%s", status, body)
	}
	if !strings.Contains(body, `<script src="/_clustersite/reload.js" data-version="`+hello.Data+`"></script>`+"\n</body>") {
		t.Errorf("page lacks the reload script of version %s before </body>", hello.Data)
	}

	t.Run("edit", func(t *testing.T) {
		writeFiles(t, dir, map[string]string{alphaFile: alpha("Alpha Renamed", "bronze")})
		ev, body := stream.reloadUntil(t, page, func(status int, body string) bool {
			return status == 200 && strings.Contains(body, "<h1>Alpha Renamed</h1>")
		})
		if ev.Data == hello.Data || !strings.Contains(body, `data-version="`+ev.Data+`"`) {
			t.Errorf("reload version %q (hello %q) is not the page's", ev.Data, hello.Data)
		}
	})

	t.Run("break content", func(t *testing.T) {
		writeFiles(t, dir, map[string]string{alphaFile: alpha("Alpha Renamed", "<b>platinum</b>")})
		_, body := stream.reloadUntil(t, page, func(status int, body string) bool { return status == 500 })
		for _, want := range []string{
			`<title>Build failed`,
			alphaFile + `:8:1</code>`,
			`assessment.label</span>: <span class="message">must be &#34;bronze&#34;, &#34;silver&#34; or &#34;gold&#34;, got &#34;&lt;b&gt;platinum&lt;/b&gt;&#34;`,
			`<script src="/_clustersite/reload.js" data-version="`,
		} {
			if !strings.Contains(body, want) {
				t.Errorf("error page lacks %q:\n%s", want, body)
			}
		}
		if strings.Contains(body, "<b>platinum") {
			t.Error("error page does not escape the message")
		}
		if status, other := get(t, srv.url+"no/such/page/"); status != 500 || !strings.Contains(other, alphaFile) {
			t.Errorf("another address while broken: %d, want the error page", status)
		}
	})

	t.Run("fix", func(t *testing.T) {
		writeFiles(t, dir, map[string]string{alphaFile: alpha("Alpha Fixed", "bronze")})
		stream.reloadUntil(t, page, func(status int, body string) bool {
			return status == 200 && strings.Contains(body, "<h1>Alpha Fixed</h1>")
		})
	})

	t.Run("new folder", func(t *testing.T) {
		gamma := "content/clusters/gamma/2026-01-05.toml"
		if err := os.Mkdir(filepath.Join(dir, "content", "clusters", "gamma"), 0o755); err != nil {
			t.Fatal(err)
		}
		writeFiles(t, dir, map[string]string{gamma: "[cluster]\nid = \"gamma\"\nname = \"Gamma\"\ncountry = \"IT\"\n\n[assessment]\ndate = 2026-01-05\nlabel = \"gold\"\nscore = 91\n"})
		stream.reloadUntil(t, srv.url+"clusters/gamma/", func(status int, body string) bool {
			return status == 200 && strings.Contains(body, "<h1>Gamma</h1>")
		})
		// and a change inside the new folder, which must be watched now
		writeFiles(t, dir, map[string]string{gamma: "[cluster]\nid = \"gamma\"\nname = \"Gamma Two\"\ncountry = \"IT\"\n\n[assessment]\ndate = 2026-01-05\nlabel = \"gold\"\nscore = 91\n"})
		stream.reloadUntil(t, srv.url+"clusters/gamma/", func(status int, body string) bool {
			return status == 200 && strings.Contains(body, "<h1>Gamma Two</h1>")
		})
	})

	t.Run("template error in a folder created later", func(t *testing.T) {
		writeFiles(t, dir, map[string]string{"templates/cluster.html": `{{define "main"}}<h1>{{.Cluster.Name}</h1>{{end}}`})
		_, body := stream.reloadUntil(t, page, func(status int, body string) bool { return status == 500 })
		if !strings.Contains(body, "templates:") || !strings.Contains(body, "cluster.html") {
			t.Errorf("error page does not name the template:\n%s", body)
		}
		writeFiles(t, dir, map[string]string{"templates/cluster.html": `{{define "main"}}<h1 class="own">{{.Cluster.Name}}</h1>{{end}}`})
		stream.reloadUntil(t, page, func(status int, body string) bool {
			return status == 200 && strings.Contains(body, `<h1 class="own">Alpha Fixed</h1>`)
		})
	})

	t.Run("config error", func(t *testing.T) {
		writeFiles(t, dir, map[string]string{"config.toml": "title = \"Preview test\"\ntoday = 2026-11-28\npage_size = 3\n"})
		_, body := stream.reloadUntil(t, page, func(status int, body string) bool { return status == 500 })
		if !strings.Contains(body, "config.toml:") || !strings.Contains(body, "page_size") {
			t.Errorf("error page does not name the config problem:\n%s", body)
		}
	})

	if err := srv.stop(t); err != nil {
		t.Errorf("Serve returned %v after Ctrl-C, want nil", err)
	}
	http.DefaultClient.CloseIdleConnections()
	if leaked := goroutinesIn("clustersite/generator/serve.", "fsnotify"); leaked != "" {
		t.Errorf("goroutines left after Serve returned:\n%s", leaked)
	}
}

// goroutinesIn returns the stacks of goroutines running code of any of
// the packages, other than the test's own.
func goroutinesIn(pkgs ...string) string {
	buf := make([]byte, 1<<20)
	buf = buf[:runtime.Stack(buf, true)]
	var leaked []string
	for g := range strings.SplitSeq(string(buf), "\n\n") {
		if strings.Contains(g, "testing.tRunner") || strings.Contains(g, "_test.go") {
			continue
		}
		for _, p := range pkgs {
			if strings.Contains(g, p) {
				leaked = append(leaked, g)
				break
			}
		}
	}
	return strings.Join(leaked, "\n\n")
}

// testLog shows the server's log in the test's output.
type testLog struct{ t testing.TB }

func (l testLog) Write(p []byte) (int, error) {
	l.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

// logLines sends every line the server logs to a channel.
type logLines chan string

func (c logLines) Write(p []byte) (int, error) {
	for line := range strings.SplitSeq(strings.TrimRight(string(p), "\n"), "\n") {
		select {
		case c <- line:
		default: // the test reads only what it waits for
		}
	}
	return len(p), nil
}

func (c logLines) waitFor(t *testing.T, prefix string) {
	t.Helper()
	deadline := time.After(waitLimit)
	for {
		select {
		case line := <-c:
			if strings.HasPrefix(line, prefix) {
				return
			}
		case <-deadline:
			t.Fatalf("the server did not log %q within %s", prefix, waitLimit)
		}
	}
}

// TestServeWritesDestAfterEachReload checks --dest: the site is written
// there on start and after a change, as build writes it, without the
// reload script.
func TestServeWritesDestAfterEachReload(t *testing.T) {
	dir, dest := t.TempDir(), filepath.Join(t.TempDir(), "out")
	writeFiles(t, dir, map[string]string{"config.toml": "today = 2026-11-28\n", alphaFile: alpha("Alpha", "bronze")})
	lines := make(logLines, 64)
	start(t, Options{Site: dir, Dest: dest, Log: lines})
	lines.waitFor(t, "wrote the site to "+dest)
	page := filepath.Join(dest, "clusters", "alpha", "index.html")
	if data, err := os.ReadFile(page); err != nil || !strings.Contains(string(data), "<h1>Alpha</h1>") {
		t.Fatalf("%s: %v\n%s", page, err, data)
	}
	writeFiles(t, dir, map[string]string{alphaFile: alpha("Alpha Written", "bronze")})
	lines.waitFor(t, "wrote the site to "+dest)
	data, err := os.ReadFile(page)
	if err != nil || !strings.Contains(string(data), "<h1>Alpha Written</h1>") {
		t.Fatalf("after the change %s: %v\n%s", page, err, data)
	}
	if strings.Contains(string(data), "_clustersite") {
		t.Error("the reload script was written to --dest")
	}
}
