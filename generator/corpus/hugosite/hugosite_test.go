package hugosite

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"clustersite/generator/build"
	"clustersite/generator/corpus"
)

func TestWriteGivesAHugoSiteOfTheSameClusters(t *testing.T) {
	fsys := corpus.FS(corpus.Options{Clusters: 40, Seed: 2, ProfileShare: corpus.DefaultProfileShare})
	s, problems, err := build.Load(fsys, build.Options{})
	if err != nil || s == nil {
		t.Fatal(err, problems.Errors())
	}
	dir := filepath.Join(t.TempDir(), "hugo")
	n, err := Write(dir, s)
	if err != nil {
		t.Fatal(err)
	}
	if n != len(s.Clusters) {
		t.Errorf("%d pages for %d clusters", n, len(s.Clusters))
	}
	c := s.Clusters[0]
	data, err := os.ReadFile(filepath.Join(dir, "content", "clusters", c.ID+".md"))
	if err != nil {
		t.Fatal(err)
	}
	front, _, ok := strings.Cut(strings.TrimPrefix(string(data), "+++\n"), "+++\n")
	if !ok {
		t.Fatalf("no front matter in %s", data)
	}
	var fm struct {
		Title      string
		Countries  []string
		History    []map[string]any
		Indicators []map[string]any
	}
	if _, err := toml.Decode(front, &fm); err != nil {
		t.Fatalf("front matter: %v\n%s", err, front)
	}
	if fm.Title != c.Name || fm.Countries[0] != c.CountryName || len(fm.History) != len(c.Reports) {
		t.Errorf("front matter %+v does not describe %s", fm, c.ID)
	}
	if latest := c.LatestFull(); latest != nil && len(fm.Indicators) != latest.Total {
		t.Errorf("%d indicators, want %d", len(fm.Indicators), latest.Total)
	}

	hugo, err := exec.LookPath("hugo")
	if err != nil {
		t.Skip("hugo is not installed; the site was not built")
	}
	out := filepath.Join(t.TempDir(), "public")
	if msg, err := exec.Command(hugo, "--quiet", "-s", dir, "-d", out).CombinedOutput(); err != nil {
		t.Fatalf("hugo: %v\n%s", err, msg)
	}
	page, err := os.ReadFile(filepath.Join(out, "clusters", strings.ToLower(c.ID), "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), "Label history") {
		t.Errorf("the cluster page has no label history:\n%s", page)
	}
}
