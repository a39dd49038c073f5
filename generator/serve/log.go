package serve

import (
	"fmt"
	"io"
	"log"
	"slices"
	"strings"
	"sync"
	"time"
)

// logger writes the server's report lines to the writer the caller gave
// (main gives the terminal); nil discards them.
type logger struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *logger) printf(format string, args ...any) {
	if l.w == nil {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	fmt.Fprintf(l.w, format+"\n", args...)
}

// std adapts the logger for http.Server's errors.
func (l *logger) std() *log.Logger {
	return log.New(writerFunc(func(p []byte) (int, error) {
		l.printf("%s", strings.TrimRight(string(p), "\n"))
		return len(p), nil
	}), "", 0)
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

// generation reports a load: what changed, how long it took and what came
// of it, with every problem of a failed load as path:line:column.
func (l *logger) generation(g *generation, changed []string, took time.Duration) {
	what := "loaded"
	if slices.Contains(changed, ".") {
		what = "read the whole site folder again: reloaded"
	} else if len(changed) > 0 {
		what = "changed " + changed[0]
		if n := len(changed) - 1; n > 0 {
			what += fmt.Sprintf(" and %d more", n)
		}
		what += ": reloaded"
	}
	took = took.Round(time.Millisecond)
	if f := g.failure; f != nil {
		if f.Err != nil {
			l.printf("%s in %s: the site cannot be built: %v", what, took, f.Err)
			return
		}
		l.printf("%s in %s: the site cannot be built, %s (shown in the browser):", what, took, count(len(f.Problems), "error"))
		for _, p := range f.Problems {
			l.printf("  %s:%d:%d: %s", p.Path, p.Line, p.Col, fieldMessage(p.Field, p.Message))
		}
		return
	}
	warn := ""
	if g.warnings > 0 {
		warn = fmt.Sprintf(", %s (clustersite check lists them)", count(g.warnings, "warning"))
	}
	l.printf("%s %d clusters, %d assessments in %s%s", what, len(g.site.Clusters), g.site.Assessments, took, warn)
}

func fieldMessage(field, msg string) string {
	if field == "" {
		return msg
	}
	return field + ": " + msg
}

// count is "1 error", "2 errors".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
