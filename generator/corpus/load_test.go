package corpus

import (
	"reflect"
	"testing"

	"clustersite/generator/config"
	"clustersite/generator/content"
	"clustersite/generator/model"
)

// TestLoad loads a corpus with the content loader: it must have no errors;
// warnings (such as unreported indicators) are fine.
func TestLoad(t *testing.T) {
	opts := Options{Clusters: 300, Seed: 1, ProfileShare: DefaultProfileShare}
	fsys := FS(opts)
	cfg, err := config.Load(fsys)
	if err != nil {
		t.Fatalf("config.toml: %v", err)
	}
	dir, problems := content.Load(fsys, cfg, content.Options{})
	for _, p := range problems.Errors() {
		t.Errorf("%s", p)
	}
	for _, p := range problems.Warnings() {
		t.Logf("warning: %s", p)
	}
	if len(dir.Clusters) != opts.Clusters {
		t.Fatalf("%d clusters loaded, want %d", len(dir.Clusters), opts.Clusters)
	}
	files := 0
	for _, c := range dir.Clusters {
		files += len(c.Assessments)
		latest := c.Latest()
		if latest.Values.Len() != len(latest.Methodology.Indicators()) {
			t.Errorf("%s: %d indicator values, want %d", latest.Path, latest.Values.Len(), len(latest.Methodology.Indicators()))
		}
	}
	if want := len(fsys) - 1; files != want {
		t.Errorf("%d assessments loaded, want %d", files, want)
	}

	// The zero ProfileShare means what it says: no profile assessments.
	dir, problems = content.Load(FS(Options{Clusters: 50, Seed: 7}), config.Default(), content.Options{})
	for _, p := range problems.Errors() {
		t.Errorf("%s", p)
	}
	for _, c := range dir.Clusters {
		for _, a := range c.Assessments {
			if a.Publish != model.PublishFull {
				t.Errorf("%s: publish %q with ProfileShare 0", a.Path, a.Publish)
			}
		}
	}
}

// TestLoadFromDiskCache loads a corpus three times, without a cache of
// decoded files, filling one and from it: all three must give the same
// directory, and the last must decode only the files with warnings.
func TestLoadFromDiskCache(t *testing.T) {
	fsys := FS(Options{Clusters: 300, Seed: 2, ProfileShare: DefaultProfileShare})
	cfg, err := config.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	want, wantPs := content.Load(fsys, cfg, content.Options{})
	cache := t.TempDir()
	for _, run := range []string{"filling the cache", "from the cache"} {
		var p content.Progress
		got, ps := content.Load(fsys, cfg, content.Options{CacheDir: cache, Progress: &p})
		if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(ps, wantPs) {
			t.Fatalf("%s: the directory or the problems differ from a load without cache", run)
		}
		warned := map[string]bool{}
		for _, p := range ps {
			warned[p.Path] = true
		}
		if run == "from the cache" && p.Decoded.Load() != int64(len(warned)) {
			t.Errorf("%s: %d of %d files decoded, want the %d with warnings", run, p.Decoded.Load(), p.Files.Load(), len(warned))
		}
	}
}

func BenchmarkLoad10k(b *testing.B) {
	fsys := FS(Options{Clusters: 10000, Seed: 1, ProfileShare: DefaultProfileShare})
	cfg := config.Default()
	b.ResetTimer()
	for b.Loop() {
		if _, ps := content.Load(fsys, cfg, content.Options{}); len(ps.Errors()) > 0 {
			b.Fatal(ps.Errors()[0])
		}
	}
}
