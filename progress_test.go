package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"clustersite/generator/build"
)

func TestBuildShowsNoProgressWhenStderrIsNotATerminal(t *testing.T) {
	f, err := os.Create(filepath.Join(t.TempDir(), "stderr"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	for _, out := range []io.Writer{f, w, new(bytes.Buffer)} {
		if showProgress(out, new(build.Progress), 0) != nil {
			t.Errorf("progress shown on %T", out)
		}
	}
}

func TestQuietBuildPrintsNothing(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"build", "--quiet", "--site", ".", "--dest", dest}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, &stderr)
	}
	if stdout.Len()+stderr.Len() > 0 {
		t.Errorf("quiet build printed %q and %q", stdout.String(), stderr.String())
	}
	if _, err := os.Stat(filepath.Join(dest, "index.html")); err != nil {
		t.Error("quiet build wrote no site:", err)
	}
}

func TestProgressLineRedrawsOneLineAndClearsIt(t *testing.T) {
	var out syncBuffer
	line := startProgress(&out, new(build.Progress), 0)
	for !strings.Contains(out.String(), "starting") {
		time.Sleep(time.Millisecond) // until the first draw
	}
	line.stop()
	if text := out.String(); !strings.HasPrefix(text, "\r\033[Kclustersite build: starting") || !strings.HasSuffix(text, "\r\033[K") {
		t.Errorf("progress output %q does not redraw one line and clear it", text)
	}
}

func TestProgressLineIsNotDrawnForAQuickBuild(t *testing.T) {
	var out syncBuffer
	startProgress(&out, new(build.Progress), time.Hour).stop()
	if out.String() != "" {
		t.Errorf("a build that ended before the delay drew %q", out.String())
	}
}

func TestProgressText(t *testing.T) {
	for _, c := range []struct {
		phase       build.Phase
		done, total int
		want        string
	}{
		{build.Starting, 0, 0, "starting"},
		{build.Loading, 120, 18142, "loading content 120/18142"},
		{build.Rendering, 5, 23901, "writing pages 5/23901"},
		{build.WritingData, 0, 0, "writing data files"},
	} {
		if got := progressText(c.phase, c.done, c.total); got != c.want {
			t.Errorf("progressText(%v, %d, %d) = %q, want %q", c.phase, c.done, c.total, got, c.want)
		}
	}
}

// syncBuffer is a bytes.Buffer that the progress goroutine and the test
// may use at once.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
