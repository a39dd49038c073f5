package content

import (
	"io/fs"
	"path"
	"strings"
	"testing"
	"testing/fstest"

	"clustersite/generator/config"
	"clustersite/generator/model"
)

// assessment returns a valid assessment file of the cluster named name,
// in country, on date (YYYY-MM-DD).
func assessment(name, country, date string) string {
	return strings.NewReplacer("Qoot Cluster", name, `"JO"`, `"`+country+`"`, "2019-07-25", date).Replace(minimal)
}

// TestCacheToldOfChangesLoadsWhatAFullLoadLoads edits a site folder step
// by step, tells the cache which paths changed, as serve's watcher does,
// and checks after every step that a load with the cache gives what a
// load without it gives, problems included; that it decodes no more than
// the files told of; and that a cluster none of whose files changed is
// the same *model.Cluster as before.
func TestCacheToldOfChangesLoadsWhatAFullLoadLoads(t *testing.T) {
	const (
		a1 = "content/clusters/alpha/2019-01-10.toml"
		a2 = "content/clusters/alpha/2021-01-10.toml"
		b1 = "content/clusters/beta/2020-05-05.toml"
		c1 = "content/clusters/gamma/2018-03-03.toml"
	)
	fsys := siteFS(map[string]string{
		a1:                  assessment("Alpha", "DE", "2019-01-10"),
		a2:                  assessment("Alpha", "DE", "2021-01-10"),
		b1:                  assessment("Beta", "FR", "2020-05-05"),
		c1:                  assessment("Gamma", "IT", "2018-03-03"),
		"content/README.md": "not content",
	})
	put := func(p, data string) { fsys[p] = &fstest.MapFile{Data: []byte(data)} }
	removeAll := func(dir string) {
		for p := range fsys {
			if p == dir || strings.HasPrefix(p, dir+"/") {
				delete(fsys, p)
			}
		}
	}
	steps := []struct {
		name string
		do   func() []string
		// decoded is the most files the step may decode.
		decoded int
	}{
		{"rename a cluster in its newest file", func() []string {
			put(a2, assessment("Alpha Renamed", "DE", "2021-01-10"))
			return []string{a2}
		}, 1},
		{"add an assessment", func() []string {
			put("content/clusters/beta/2023-05-05.toml", assessment("Beta", "FR", "2023-05-05"))
			return []string{"content/clusters/beta/2023-05-05.toml"}
		}, 1},
		{"delete a cluster's only file", func() []string {
			delete(fsys, c1)
			return []string{c1}
		}, 0},
		{"a new folder with two files, told of the folder only", func() []string {
			put("content/clusters/delta/2020-01-01.toml", assessment("Delta", "ES", "2020-01-01"))
			put("content/clusters/delta/2022-01-01.toml", assessment("Delta", "ES", "2022-01-01"))
			return []string{"content/clusters/delta"}
		}, 2},
		{"a file made invalid", func() []string {
			put(b1, "[cluster\nname = ")
			return []string{b1}
		}, 1},
		{"the file fixed", func() []string {
			put(b1, assessment("Beta", "FR", "2020-05-05"))
			return []string{b1}
		}, 1},
		{"an id taken by a cluster of another country", func() []string {
			put("content/clusters/delta/2024-01-01.toml", assessment("Delta", "PT", "2024-01-01"))
			return []string{"content/clusters/delta/2024-01-01.toml"}
		}, 1},
		{"two assessments on one date", func() []string {
			put("content/clusters/delta/2024-01-01.toml", assessment("Delta", "ES", "2022-01-01"))
			return []string{"content/clusters/delta/2024-01-01.toml"}
		}, 1},
		{"a folder renamed", func() []string {
			for _, d := range []string{"2020-01-01", "2022-01-01", "2024-01-01"} {
				fsys["content/clusters/delta-2/"+d+".toml"] = fsys["content/clusters/delta/"+d+".toml"]
			}
			removeAll("content/clusters/delta")
			return []string{"content/clusters/delta", "content/clusters/delta-2"}
		}, 3},
		{"a folder removed, told of the folder only", func() []string {
			removeAll("content/clusters/delta-2")
			return []string{"content/clusters/delta-2"}
		}, 0},
		{"a symbolic link", func() []string {
			fsys["content/clusters/link.toml"] = &fstest.MapFile{Data: []byte(b1), Mode: fs.ModeSymlink}
			return []string{"content/clusters/link.toml"}
		}, 0},
		{"the link removed", func() []string {
			delete(fsys, "content/clusters/link.toml")
			return []string{"content/clusters/link.toml"}
		}, 0},
		{"files Load never reads", func() []string {
			put("content/clusters/.hidden/2020-01-01.toml", assessment("Hidden", "DE", "2020-01-01"))
			put("content/clusters/alpha/.2021-01-10.toml.swp", "x")
			put("content/methodologies/sub/x.toml", assessment("Sub", "DE", "2020-01-01"))
			put("content/clusters/epsilon.tmp/2020-01-01.toml", assessment("Tmp", "DE", "2020-01-01"))
			return []string{"content/clusters/.hidden", "content/clusters/alpha/.2021-01-10.toml.swp",
				"content/methodologies/sub", "content/clusters/epsilon.tmp"}
		}, 0},
		{"paths outside content/", func() []string {
			put("config.toml", "title = \"x\"\n")
			return []string{"config.toml", "templates/base.html"}
		}, 0},
		{"a file in content/ itself", func() []string {
			put("content/zeta.toml", assessment("Zeta", "NL", "2019-09-09"))
			return []string{"content/zeta.toml"}
		}, 1},
		{"the whole folder, after lost events", func() []string {
			put(a1, assessment("Alpha Old", "DE", "2019-01-10"))
			return []string{"."}
		}, 1},
		{"content/ removed", func() []string {
			removeAll("content")
			return []string{"content"}
		}, 0},
		{"content/ back", func() []string {
			put(a1, assessment("Alpha", "DE", "2019-01-10"))
			return []string{"content"}
		}, 1},
	}
	var cache Cache
	cache.Changed(nil) // from now on, told of every change
	dir, _, _ := loadBoth(t, fsys, config.Default(), &cache)
	for _, step := range steps {
		before := byID(dir)
		told := step.do()
		cache.Changed(told)
		var n int
		dir, _, n = loadBoth(t, fsys, config.Default(), &cache)
		if n > step.decoded {
			t.Errorf("%s: %d files decoded, want at most %d", step.name, n, step.decoded)
		}
		for id, c := range byID(dir) {
			if old := before[id]; old != nil && old != c && !toldOf(told, old) {
				t.Errorf("%s: cluster %s is a new *model.Cluster, though none of its files changed", step.name, id)
			}
		}
	}
}

// TestCacheToldOfChangesReadsNothingElse shows what Changed promises: a
// file changed without telling the cache is not read, until the cache is
// told of it.
func TestCacheToldOfChangesReadsNothingElse(t *testing.T) {
	fsys := siteFS(one(minimal))
	var cache Cache
	cache.Changed(nil)
	Load(fsys, config.Default(), Options{Cache: &cache})
	fsys[qoot].Data = []byte(edit(t, "Qoot Cluster", "Qoot Quiet"))
	if dir, _ := Load(fsys, config.Default(), Options{Cache: &cache}); dir.Clusters[0].Name != "Qoot Cluster" {
		t.Errorf("a file the cache was not told of was read: %q", dir.Clusters[0].Name)
	}
	cache.Changed([]string{qoot})
	if dir, _ := Load(fsys, config.Default(), Options{Cache: &cache}); dir.Clusters[0].Name != "Qoot Quiet" {
		t.Errorf("a file the cache was told of was not read: %q", dir.Clusters[0].Name)
	}
}

func byID(dir *model.Directory) map[string]*model.Cluster {
	m := map[string]*model.Cluster{}
	for _, c := range dir.Clusters {
		m[c.ID] = c
	}
	return m
}

// toldOf reports whether a path told of is in one of the folders of c's
// files, or is one of those folders or above it.
func toldOf(told []string, c *model.Cluster) bool {
	for _, a := range c.Assessments {
		dir := path.Dir(a.Path)
		for _, p := range told {
			if p == "." || within(dir, p) || within(p, dir) {
				return true
			}
		}
	}
	return false
}
