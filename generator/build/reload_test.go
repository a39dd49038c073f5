package build_test

import (
	"bytes"
	"context"
	"maps"
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"clustersite/generator/build"
	"clustersite/generator/corpus"
	"clustersite/generator/model"
	"clustersite/generator/output"
	"clustersite/generator/render"
)

// TestLoaderAfterEditsBuildsWhatAFreshBuildBuilds edits a synthetic site
// step by step as editors do, tells a Loader which paths changed, as serve
// does, and checks after every step that the site it loads writes exactly
// the files of a fresh build of the same folder, byte for byte: every page
// (reports with their statistics, cluster pages, listings, browse pages),
// the data files, the search index and the feed; or, while the content is
// broken, the same problems.
func TestLoaderAfterEditsBuildsWhatAFreshBuildBuilds(t *testing.T) {
	fsys := corpusFS(60)
	ed := &siteEditor{t: t, fsys: fsys}
	ids := ed.clusters()
	full := ed.newestFull()
	steps := []struct {
		name string
		edit func() []string
	}{
		{"an indicator value that moves the statistics", func() []string {
			return ed.replace(full, `(?m)^participants = .*$`, "participants = 999999")
		}},
		{"a cluster renamed", func() []string {
			return ed.replace(ed.newest(ids[1]), `(?m)^name = .*$`, `name = "Aaaa Renamed Cluster"`)
		}},
		{"a cluster's id changed in all its files", func() []string {
			var told []string
			for _, f := range ed.files(ids[2]) {
				told = append(told, ed.replace(f, `(?m)^id = .*$`, `id = "a-new-id"`)...)
			}
			return told
		}},
		{"a label changed", func() []string {
			return ed.replace(ed.newest(ids[3]), `(?m)^label = .*$`, `label = "silver"`)
		}},
		{"an assessment added", func() []string {
			src := ed.newest(ids[4])
			dst := path.Join(path.Dir(src), "2026-06-01.toml")
			ed.put(dst, regexp.MustCompile(`(?m)^date = .*$`).ReplaceAllString(ed.read(src), "date = 2026-06-01"))
			return []string{dst}
		}},
		{"an assessment deleted", func() []string {
			for _, id := range ids[20:40] {
				if fs := ed.files(id); len(fs) > 1 {
					delete(fsys, fs[0])
					return []string{fs[0]}
				}
			}
			t.Fatal("no cluster with two assessments")
			return nil
		}},
		{"a cluster's only assessment deleted", func() []string {
			for _, id := range ids[20:40] {
				if fs := ed.files(id); len(fs) == 1 {
					delete(fsys, fs[0])
					return []string{fs[0]}
				}
			}
			t.Fatal("no cluster with one assessment")
			return nil
		}},
		{"a file made invalid", func() []string {
			ed.put(ed.newest(ids[7]), ed.read(ed.newest(ids[7]))+"\n[[[ broken\n")
			return []string{ed.newest(ids[7])}
		}},
		{"the file fixed", func() []string {
			return ed.replace(ed.newest(ids[7]), `\n\[\[\[ broken\n$`, "")
		}},
		{"the edited assessment published as profile only", func() []string {
			return ed.replace(full, `(?m)^publish = .*$`, `publish = "profile"`)
		}},
		{"a cluster's folder renamed", func() []string {
			old := path.Dir(ed.newest(ids[8]))
			for _, f := range ed.files(ids[8]) {
				fsys[path.Join(old+"-moved", path.Base(f))] = fsys[f]
				delete(fsys, f)
			}
			return []string{old, old + "-moved"}
		}},
		{"a new cluster in a new folder", func() []string {
			src := ed.read(ed.newest(ids[9]))
			src = regexp.MustCompile(`(?m)^id = .*$`).ReplaceAllString(src, `id = "brand-new"`)
			src = regexp.MustCompile(`(?m)^name = .*$`).ReplaceAllString(src, `name = "Brand New Cluster"`)
			ed.put("content/clusters/brand-new/2025-01-01.toml", src)
			return []string{"content/clusters/brand-new"}
		}},
		{"a file saved with the same bytes", func() []string {
			ed.put(ed.newest(ids[10]), ed.read(ed.newest(ids[10])))
			return []string{ed.newest(ids[10])}
		}},
		{"config.toml changed", func() []string {
			ed.put("config.toml", ed.read("config.toml")+"page_size = 7\n")
			return []string{"config.toml"}
		}},
		{"an edit after the config change", func() []string {
			return ed.replace(ed.newest(ids[11]), `(?m)^name = .*$`, `name = "Zzzz Last Edit"`)
		}},
	}
	opts := build.Options{BaseURL: "https://clusters.example.org/"} // with the feed
	loader := build.NewLoader()
	sameBuild(t, "the first load", fsys, opts, loader)
	for _, step := range steps {
		loader.Changed(step.edit())
		sameBuild(t, step.name, fsys, opts, loader)
	}
}

// sameBuild fails unless loading fsys with loader writes the files a fresh
// build writes, or fails with the same problems.
func sameBuild(t *testing.T, step string, fsys fstest.MapFS, opts build.Options, loader *build.Loader) {
	t.Helper()
	want := &output.Memory{}
	_, wantErr := build.Run(context.Background(), fsys, theme, opts, want)
	s, problems, err := loader.Load(fsys, opts)
	if err != nil {
		t.Fatalf("%s: %v", step, err)
	}
	if s == nil || wantErr != nil {
		if s != nil || !slices.Equal(problemLines(problems.Errors()), problemLines(wantErr.(model.Problems))) {
			t.Fatalf("%s: the loader gives the problems %q, a fresh build %v", step, problemLines(problems.Errors()), wantErr)
		}
		return
	}
	r, err := render.New(theme, fsys, s.Config.Language)
	if err != nil {
		t.Fatal(err)
	}
	got := &output.Memory{}
	if _, _, err := build.Write(context.Background(), s, r, got, 0); err != nil {
		t.Fatal(err)
	}
	if g, w := slices.Sorted(maps.Keys(got.Files)), slices.Sorted(maps.Keys(want.Files)); !slices.Equal(g, w) {
		t.Fatalf("%s: the loader's site has the files\n%q\na fresh build\n%q", step, g, w)
	}
	for p, data := range want.Files {
		if !bytes.Equal(got.Files[p], data) {
			t.Errorf("%s: %s differs from a fresh build's", step, p)
		}
	}
}

func problemLines(ps model.Problems) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.String())
	}
	return out
}

// siteEditor edits the assessment files of a site in memory.
type siteEditor struct {
	t    *testing.T
	fsys fstest.MapFS
}

func (e *siteEditor) read(p string) string {
	f, ok := e.fsys[p]
	if !ok {
		e.t.Fatalf("no file %s", p)
	}
	return string(f.Data)
}

func (e *siteEditor) put(p, data string) { e.fsys[p] = &fstest.MapFile{Data: []byte(data)} }

// replace replaces what the regular expression matches in the file at p
// and returns the path changed.
func (e *siteEditor) replace(p, expr, with string) []string {
	src := e.read(p)
	out := regexp.MustCompile(expr).ReplaceAllString(src, with)
	if out == src {
		e.t.Fatalf("%s: nothing matches %s", p, expr)
	}
	e.put(p, out)
	return []string{p}
}

// clusters returns the cluster folders' names, sorted.
func (e *siteEditor) clusters() []string {
	seen := map[string]bool{}
	for p := range e.fsys {
		if rest, ok := strings.CutPrefix(p, corpus.ContentDir+"/"); ok {
			seen[strings.Split(rest, "/")[0]] = true
		}
	}
	return slices.Sorted(maps.Keys(seen))
}

// files returns the assessment files of a cluster folder, oldest first.
func (e *siteEditor) files(id string) []string {
	var out []string
	for p := range e.fsys {
		if path.Dir(p) == corpus.ContentDir+"/"+id {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return out
}

func (e *siteEditor) newest(id string) string {
	fs := e.files(id)
	return fs[len(fs)-1]
}

// newestFull returns the newest assessment, published in full, of the
// last cluster whose newest assessment is: it counts in the statistics.
func (e *siteEditor) newestFull() string {
	ids := e.clusters()
	for i := len(ids) - 1; i >= 0; i-- {
		if f := e.newest(ids[i]); strings.Contains(e.read(f), `publish = "full"`) {
			return f
		}
	}
	e.t.Fatal("no cluster's newest assessment is published in full")
	return ""
}
