package build

import (
	"context"
	"crypto/sha256"
	"os"
	"strings"
	"testing"

	"clustersite/generator/output"
	"clustersite/generator/site"
)

// TestRunTakesMarkdownFromTheStore puts a marked HTML for one report's
// summary in the store of rendered Markdown: a build with the cache
// folder must show it, one without must not.
func TestRunTakesMarkdownFromTheStore(t *testing.T) {
	siteDir, theme := os.DirFS("../.."), os.DirFS("../..")
	s, _, err := Load(siteDir, Options{})
	if err != nil || s == nil {
		t.Fatal(err)
	}
	var report *site.Report
	for _, c := range s.Clusters {
		for _, r := range c.Reports {
			if r.Full && strings.TrimSpace(r.Summary) != "" {
				report = r
			}
		}
	}
	if report == nil {
		t.Fatal("the sample site has no report with a summary")
	}
	cache := t.TempDir()
	store := openMarkdownStore(cache)
	if store == nil {
		t.Fatal("no store of rendered Markdown")
	}
	const marked = "<p>HTML kept in the store</p>"
	store.Put(sha256.Sum256([]byte(report.Summary)), marked)
	if err := store.Close(); err != nil {
		t.Fatal(err)
	}
	page := func(opts Options) string {
		w := &output.Memory{}
		if _, err := Run(context.Background(), siteDir, theme, opts, w); err != nil {
			t.Fatal(err)
		}
		return string(w.Files[report.URL+"index.html"])
	}
	if got := page(Options{CacheDir: cache}); !strings.Contains(got, marked) {
		t.Errorf("the report page built with the store lacks the stored HTML:\n%s", got)
	}
	if got := page(Options{}); strings.Contains(got, marked) || !strings.Contains(got, `<div class="prose">`) {
		t.Errorf("the report page built without the store shows the stored HTML, or no summary")
	}
}
