package serve

import (
	"context"
	"fmt"
	"maps"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"clustersite/generator/build"
	"clustersite/generator/corpus"
	"clustersite/generator/output"
)

// TestServedSiteAfterEditsIsAFreshBuild runs serve on a synthetic site,
// edits it on disk step by step as editors do, and checks after each step
// that, once the reload events have come, every file serves exactly the
// bytes of a fresh build of the folder (HTML pages less the reload
// script): reports with their statistics, cluster pages, listings, browse
// pages, the search index, clusters.json, the feed, the assets; and that
// the pages a step removed answer 404. The reloads see only the paths the watcher
// names, so this shows that nothing they skip can leave a page stale.
func TestServedSiteAfterEditsIsAFreshBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the site a dozen times")
	}
	dir := t.TempDir()
	if _, err := corpus.Write(dir, corpus.Options{Clusters: 40, Seed: 5, ProfileShare: corpus.DefaultProfileShare}); err != nil {
		t.Fatal(err)
	}
	ed := &diskEditor{t: t, dir: dir}
	ids := ed.clusters()
	full := ed.newestFull()
	steps := []struct {
		name string
		edit func()
	}{
		{"an indicator value that moves the statistics", func() {
			ed.replace(full, `(?m)^participants = .*$`, "participants = 999999")
		}},
		{"a cluster renamed", func() { ed.replace(ed.newest(ids[1]), `(?m)^name = .*$`, `name = "Aaaa Renamed"`) }},
		{"a label changed", func() { ed.replace(ed.newest(ids[2]), `(?m)^label = .*$`, `label = "silver"`) }},
		{"an assessment added", func() {
			src := ed.newest(ids[3])
			ed.write(path.Join(path.Dir(src), "2026-06-01.toml"),
				regexp.MustCompile(`(?m)^date = .*$`).ReplaceAllString(ed.read(src), "date = 2026-06-01"))
		}},
		{"an assessment deleted", func() { ed.remove(ed.files(ids[4])[0]) }},
		{"the edited assessment published as profile only", func() {
			ed.replace(full, `(?m)^publish = .*$`, `publish = "profile"`)
		}},
		{"a cluster's folder renamed", func() {
			old := path.Dir(ed.newest(ids[5]))
			must(t, os.Rename(ed.abs(old), ed.abs(old+"-moved")))
		}},
		{"an edit in the renamed folder", func() {
			ed.replace(ed.newest(ids[5]+"-moved"), `(?m)^name = .*$`, `name = "Moved And Renamed"`)
		}},
		{"a new cluster in a new folder", func() {
			src := regexp.MustCompile(`(?m)^id = .*$`).ReplaceAllString(ed.read(ed.newest(ids[6])), `id = "brand-new"`)
			ed.write("content/clusters/brand-new/2025-01-01.toml", src)
		}},
		{"a cluster's folder deleted", func() { must(t, os.RemoveAll(ed.abs(path.Dir(ed.newest(ids[7]))))) }},
		{"the site's own stylesheet", func() { ed.write("assets/style.css", "body { color: #123456 }\n") }},
		{"an edit after it", func() { ed.replace(ed.newest(ids[9]), `(?m)^label = .*$`, `label = "gold"`) }},
	}

	srv := start(t, Options{Site: dir})
	stream := openEvents(t, srv.url)
	stream.next(t, "hello")
	opts := build.Options{BaseURL: srv.url}
	last := servesFreshBuild(t, "the first load", srv.url, dir, opts, nil, nil)
	for _, step := range steps {
		stream.drain()
		step.edit()
		stream.next(t, "reload")
		last = servesFreshBuild(t, step.name, srv.url, dir, opts, stream, last)
	}

	// A broken file: every page shows the problem; fixed, the site is
	// again what a fresh build gives.
	broken := ed.newest(ids[8])
	src := ed.read(broken)
	ed.write(broken, src+"\n[[[ broken\n")
	stream.reloadUntil(t, srv.url, func(status int, body string) bool {
		return status == http.StatusInternalServerError && strings.Contains(body, broken)
	})
	stream.drain()
	ed.write(broken, src)
	stream.next(t, "reload")
	servesFreshBuild(t, "the broken file fixed", srv.url, dir, opts, stream, last)
}

// servesFreshBuild builds the site folder dir afresh and waits for more
// reload events (when stream is not nil) until the server serves every
// file of that build with its bytes and answers 404 for the files of the
// last build (gone) that it does not have; it returns the build's files.
// One edit can come as more than one batch of events (a folder renamed:
// its old and new name), so the first reload may show a state between.
func servesFreshBuild(t *testing.T, step, base, dir string, opts build.Options, stream *events, gone map[string][]byte) map[string][]byte {
	t.Helper()
	w := &output.Memory{}
	if _, err := build.Run(context.Background(), os.DirFS(dir), theme, opts, w); err != nil {
		t.Fatalf("%s: a fresh build fails: %v", step, err)
	}
	for {
		diff := servedDiff(t, base, w.Files, gone)
		if diff == "" {
			return w.Files
		}
		if stream == nil {
			t.Fatalf("%s: %s", step, diff)
		}
		if testing.Verbose() {
			t.Logf("%s: not yet: %s", step, diff)
		}
		stream.next(t, "reload") // fails the test when the site stays stale
	}
}

// servedDiff describes the first file served with other bytes than want
// holds, or a file of gone not in want that is served, or returns "".
func servedDiff(t *testing.T, base string, want, gone map[string][]byte) string {
	for _, p := range slices.Sorted(maps.Keys(want)) {
		status, body := get(t, base+p)
		if status != http.StatusOK {
			return fmt.Sprintf("%s answers %d", p, status)
		}
		if strings.HasSuffix(p, ".html") {
			body = reloadScript.ReplaceAllString(body, "")
		}
		if body != string(want[p]) {
			return p + " differs from a fresh build's"
		}
	}
	for p := range gone {
		if _, ok := want[p]; !ok && p != "404.html" {
			if status, _ := get(t, base+p); status != http.StatusNotFound {
				return fmt.Sprintf("%s, gone, answers %d", p, status)
			}
		}
	}
	return ""
}

// drain drops the events received so far.
func (e *events) drain() {
	for {
		select {
		case <-e.c:
		default:
			return
		}
	}
}

// reloadScript is the script tag serve adds to pages, with its line break.
var reloadScript = regexp.MustCompile(`<script src="/_clustersite/reload\.js" data-version="[^"]*"></script>\n`)

// diskEditor edits the files of a site folder on disk; paths are
// slash-separated and relative to the folder.
type diskEditor struct {
	t   *testing.T
	dir string
}

func (e *diskEditor) abs(p string) string { return filepath.Join(e.dir, filepath.FromSlash(p)) }

func (e *diskEditor) read(p string) string {
	data, err := os.ReadFile(e.abs(p))
	must(e.t, err)
	return string(data)
}

func (e *diskEditor) write(p, data string) { writeFiles(e.t, e.dir, map[string]string{p: data}) }

func (e *diskEditor) remove(p string) { must(e.t, os.Remove(e.abs(p))) }

// replace replaces what the regular expression matches in the file at p.
func (e *diskEditor) replace(p, expr, with string) {
	src := e.read(p)
	out := regexp.MustCompile(expr).ReplaceAllString(src, with)
	if out == src {
		e.t.Fatalf("%s: nothing matches %s", p, expr)
	}
	e.write(p, out)
}

// clusters returns the names of the cluster folders, sorted.
func (e *diskEditor) clusters() []string {
	entries, err := os.ReadDir(e.abs(corpus.ContentDir))
	must(e.t, err)
	var ids []string
	for _, d := range entries {
		ids = append(ids, d.Name())
	}
	return ids
}

// files returns the assessment files of a cluster folder, oldest first.
func (e *diskEditor) files(id string) []string {
	entries, err := os.ReadDir(e.abs(corpus.ContentDir + "/" + id))
	must(e.t, err)
	var out []string
	for _, d := range entries {
		out = append(out, corpus.ContentDir+"/"+id+"/"+d.Name())
	}
	return out
}

func (e *diskEditor) newest(id string) string {
	fs := e.files(id)
	return fs[len(fs)-1]
}

// newestFull returns the newest assessment of the last cluster whose
// newest assessment is published in full: it counts in the statistics.
func (e *diskEditor) newestFull() string {
	ids := e.clusters()
	for i := len(ids) - 1; i >= 0; i-- {
		if f := e.newest(ids[i]); strings.Contains(e.read(f), `publish = "full"`) {
			return f
		}
	}
	e.t.Fatal("no cluster's newest assessment is published in full")
	return ""
}
