package corpus

import (
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
