package build

import (
	"testing"
	"testing/fstest"
)

func TestIsInputNamesWhatABuildReads(t *testing.T) {
	for rel, want := range map[string]bool{
		"config.toml":                        true,
		"content":                            true,
		"content/clusters/x/2025-01-01.toml": true,
		"templates/base.html":                true,
		"assets/style.css":                   true,
		"config.toml~":                       false,
		"contents/x.toml":                    false,
		"public/index.html":                  false,
		".git/HEAD":                          false,
		"README.md":                          false,
		"generator/build/build.go":           false,
	} {
		if got := IsInput(rel); got != want {
			t.Errorf("IsInput(%q) = %v, want %v", rel, got, want)
		}
	}
}

func TestLoadModelKeepsTheDirectoryBehindTheSite(t *testing.T) {
	siteDir := fstest.MapFS{
		"config.toml": {Data: []byte("today = 2026-11-28\n")},
		"content/clusters/a/2025-01-10.toml": {Data: []byte("[cluster]\nname = \"A\"\ncountry = \"DE\"\n" +
			"[assessment]\ndate = 2025-01-10\nlabel = \"bronze\"\npublish = \"profile\"\n")},
	}
	l, problems, err := LoadModel(siteDir, Options{})
	if err != nil || l == nil || len(problems.Errors()) != 0 {
		t.Fatalf("LoadModel: %v, %v", err, problems)
	}
	if len(l.Directory.Clusters) != 1 || l.Directory.Clusters[0].Latest().Path != "content/clusters/a/2025-01-10.toml" || len(l.Site.Clusters) != 1 {
		t.Errorf("directory %+v, site %d clusters", l.Directory.Clusters, len(l.Site.Clusters))
	}
	siteDir["content/clusters/a/2025-01-10.toml"].Data = []byte("[cluster]\n")
	if l, problems, err := LoadModel(siteDir, Options{}); l != nil || err != nil || len(problems.Errors()) == 0 {
		t.Errorf("broken content: %v, %v, %v", l, problems, err)
	}
}
