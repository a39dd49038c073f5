package browsertest

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

var browser Browser

func TestMain(m *testing.M) {
	code := m.Run()
	browser.Close()
	os.Exit(code)
}

// recorder is a test whose errors and cleanups the test below inspects.
type recorder struct {
	testing.TB
	errors   []string
	cleanups []func()
}

func (r *recorder) Error(args ...any) { r.errors = append(r.errors, fmt.Sprint(args...)) }
func (r *recorder) Cleanup(f func())  { r.cleanups = append(r.cleanups, f) }
func (r *recorder) Errorf(f string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(f, args...))
}

const badPage = `<!DOCTYPE html><title>bad</title><script>
console.error("boom");
fetch("http://192.0.2.1/tracker.js").catch(() => {});
setTimeout(() => { throw new Error("oops"); }, 0);
setTimeout(() => { alert("hi"); document.title = "done"; }, 10);
</script>`

func TestTabReportsWhatThePageDidWrong(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" {
			http.NotFound(w, r)
			return
		}
		fmt.Fprint(w, badPage)
	}))
	defer srv.Close()
	rec := &recorder{TB: t}
	ctx := browser.Tab(rec, srv.URL)
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL), chromedp.Poll[chromedp.Void](`document.title === "done"`)); err != nil {
		t.Fatal(err)
	}
	for _, f := range rec.cleanups {
		f()
	}
	got := strings.Join(rec.errors, "\n")
	for _, want := range []string{"console.error: ", "boom", "request to another host: http://192.0.2.1/tracker.js", "uncaught exception", "oops", `JavaScript alert dialog: "hi"`} {
		if !strings.Contains(got, want) {
			t.Errorf("problems do not mention %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "favicon") {
		t.Errorf("the browser's own favicon request counts as a problem:\n%s", got)
	}
}
