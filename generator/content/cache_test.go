package content

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"clustersite/generator/config"
	"clustersite/generator/model"
)

// loadBoth loads fsys with the cache and without, fails when they differ,
// and returns what the cached load gave and how many files it decoded.
func loadBoth(t *testing.T, fsys fstest.MapFS, cfg config.Config, cache *Cache) (*model.Directory, model.Problems, int) {
	t.Helper()
	before := cache.decoded
	dir, ps := Load(fsys, cfg, Options{Cache: cache})
	wantDir, wantPs := Load(fsys, cfg, Options{})
	if got, want := strings.Join(render(ps), "\n"), strings.Join(render(wantPs), "\n"); got != want {
		t.Fatalf("cached load problems:\n%s\nwant:\n%s", got, want)
	}
	if got, want := describeDir(dir), describeDir(wantDir); got != want {
		t.Fatalf("cached load gives\n%s\nwant\n%s", got, want)
	}
	return dir, ps, cache.decoded - before
}

// describeDir shows what a directory holds, for comparisons.
func describeDir(d *model.Directory) string {
	var b strings.Builder
	for _, c := range d.Clusters {
		b.WriteString(c.ID + " " + c.Name + " " + c.Country + "\n")
		for _, a := range c.Assessments {
			if a.Cluster != c {
				b.WriteString("  (assessment of another cluster)\n")
			}
			b.WriteString("  " + a.Path + " " + a.Date.String() + " " + string(a.Label) + " " + a.Summary + " " + a.Methodology.ID + "\n")
			for _, id := range slices.Sorted(func(yield func(string) bool) {
				for id := range a.Values.All() {
					if !yield(id) {
						return
					}
				}
			}) {
				b.WriteString("    " + id + "\n")
			}
		}
	}
	return b.String()
}

func TestCacheDecodesOnlyChangedFiles(t *testing.T) {
	other := strings.Replace(minimal, "Qoot Cluster", "Other Cluster", 1)
	fsys := siteFS(map[string]string{qoot: minimal, "content/other.toml": other})
	var cache Cache
	if _, _, n := loadBoth(t, fsys, config.Default(), &cache); n != 2 {
		t.Errorf("first load decoded %d files, want 2", n)
	}
	if _, _, n := loadBoth(t, fsys, config.Default(), &cache); n != 0 {
		t.Errorf("load without change decoded %d files, want 0", n)
	}
	// Same size, no times in a MapFS: only the bytes show the change.
	fsys[qoot].Data = []byte(strings.Replace(minimal, "Qoot Cluster", "Qoot Clustex", 1))
	dir, _, n := loadBoth(t, fsys, config.Default(), &cache)
	if n != 1 {
		t.Errorf("load after one edit decoded %d files, want 1", n)
	}
	if dir.Clusters[1].Name != "Qoot Clustex" {
		t.Errorf("the edit is not seen: %q", dir.Clusters[1].Name)
	}
	delete(fsys, "content/other.toml")
	if dir, _, _ := loadBoth(t, fsys, config.Default(), &cache); len(dir.Clusters) != 1 {
		t.Errorf("a removed file's cluster is still there")
	}
	if len(cache.files) != 1 {
		t.Errorf("the cache keeps %d files, want 1", len(cache.files))
	}
}

func TestCacheKeepsProblemsOfEachLoadApart(t *testing.T) {
	// Duplicate dates are reported while assembling, on copies of the
	// cached files: a second load must not see the first one's problems.
	fsys := siteFS(map[string]string{"content/a.toml": minimal, "content/b.toml": minimal})
	var cache Cache
	_, first, _ := loadBoth(t, fsys, config.Default(), &cache)
	_, second, _ := loadBoth(t, fsys, config.Default(), &cache)
	if len(first) != 1 || len(second) != 1 {
		t.Errorf("problems: first load %v, second %v; want one each", first, second)
	}
}

func TestCacheStartsAgainWhenPortfoliosOrMethodologiesChange(t *testing.T) {
	src := edit(t, `country = "JO"`, "country = \"JO\"\nportfolio = \"Quantum\"")
	fsys := siteFS(map[string]string{qoot: src})
	cfg := config.Default()
	var cache Cache
	if _, ps, _ := loadBoth(t, fsys, cfg, &cache); len(ps.Errors()) != 1 {
		t.Fatalf("unknown portfolio not reported: %v", ps)
	}
	cfg.Portfolios = append(slices.Clone(cfg.Portfolios), "Quantum")
	if _, ps, n := loadBoth(t, fsys, cfg, &cache); len(ps) != 0 || n != 1 {
		t.Errorf("after adding the portfolio: %d decoded, problems %v", n, ps)
	}

	withMethodology := siteFS(map[string]string{
		qoot:                              edit(t, `publish = "profile"`, "publish = \"profile\"\nmethodology = \"mini\"\n[indicators]\nsize = 3"),
		"content/methodologies/mini.toml": miniMethodology("count"),
	})
	cache = Cache{}
	if _, ps, _ := loadBoth(t, withMethodology, config.Default(), &cache); len(ps) != 0 {
		t.Fatalf("problems: %v", ps)
	}
	withMethodology["content/methodologies/mini.toml"].Data = []byte(miniMethodology("bool"))
	if _, ps, n := loadBoth(t, withMethodology, config.Default(), &cache); len(ps.Errors()) != 1 || n != 1 {
		t.Errorf("after changing the indicator's kind: %d decoded, problems %v", n, ps)
	}
}

func miniMethodology(kind string) string {
	return `id = "mini"
title = "Mini"
[[areas]]
id = "a"
title = "A"
[[areas.indicators]]
id = "size"
title = "Size"
kind = "` + kind + `"
`
}

func TestCacheSeesChangesThatKeepSizeAndModificationTime(t *testing.T) {
	root := t.TempDir()
	file := filepath.Join(root, filepath.FromSlash(qoot))
	must(t, os.MkdirAll(filepath.Dir(file), 0o755))
	must(t, os.WriteFile(file, []byte(minimal), 0o644))
	long := time.Now().Add(-time.Hour).Truncate(time.Second)
	must(t, os.Chtimes(file, long, long))
	fsys := os.DirFS(root)
	var cache Cache
	Load(fsys, config.Default(), Options{Cache: &cache})
	if dir, _ := Load(fsys, config.Default(), Options{Cache: &cache}); cache.decoded != 1 || dir.Clusters[0].Name != "Qoot Cluster" {
		t.Fatalf("a file unchanged for an hour was decoded %d times", cache.decoded)
	}
	// An edit that keeps the size, with the modification time put back.
	must(t, os.WriteFile(file, []byte(strings.Replace(minimal, "Qoot", "Quux", 1)), 0o644))
	must(t, os.Chtimes(file, long, long))
	dir, _ := Load(fsys, config.Default(), Options{Cache: &cache})
	if dir.Clusters[0].Name != "Quux Cluster" {
		t.Errorf("the edit is not seen: %q", dir.Clusters[0].Name)
	}
}
