package content

import (
	"strings"
	"testing"
	"testing/fstest"

	"clustersite/generator/config"
	"clustersite/generator/model"
)

// qoot is the path most tests put their one assessment file at.
const qoot = "content/clusters/qoot-cluster/2019-07-25.toml"

// minimal is a valid assessment with only the required keys; publish =
// "profile" keeps the missing-indicators warning out of tests about other
// things. Lines: 1 [cluster], 2 name, 3 country, 5 [assessment], 6 date,
// 7 label, 8 publish.
const minimal = `[cluster]
name = "Qoot Cluster"
country = "JO"

[assessment]
date = 2019-07-25
label = "bronze"
publish = "profile"
`

// siteFS builds a site folder from path → content.
func siteFS(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for p, data := range files {
		fsys[p] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys
}

func loadFiles(t *testing.T, files map[string]string, opts Options) (*model.Directory, model.Problems) {
	t.Helper()
	dir, ps := Load(siteFS(files), config.Default(), opts)
	if dir == nil {
		t.Fatal("Load returned a nil directory")
	}
	return dir, ps
}

// render formats problems as path:line:col: field: message, with
// " (warning)" after warnings.
func render(ps model.Problems) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.String()
		if p.Severity == model.Warning {
			out[i] += " (warning)"
		}
	}
	return out
}

// expectProblems loads files and compares every problem with want, in
// order.
func expectProblems(t *testing.T, files map[string]string, want ...string) *model.Directory {
	t.Helper()
	dir, ps := loadFiles(t, files, Options{})
	got := render(ps)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
	return dir
}

// one returns a site with a single assessment file at qoot.
func one(src string) map[string]string { return map[string]string{qoot: src} }

// edit returns minimal with old replaced by new (old must occur).
func edit(t *testing.T, old, new string) string {
	t.Helper()
	if !strings.Contains(minimal, old) {
		t.Fatalf("minimal has no %q", old)
	}
	return strings.Replace(minimal, old, new, 1)
}

func clusterIDs(dir *model.Directory) []string {
	var ids []string
	for _, c := range dir.Clusters {
		ids = append(ids, c.ID)
	}
	return ids
}
