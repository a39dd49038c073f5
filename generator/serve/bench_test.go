package serve

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"clustersite/generator/corpus"
)

// BenchmarkPreviewEdit10000 measures what an editor waits for in serve with
// a 10,000-cluster directory: from writing a changed assessment file to
// the reload event the open pages get (reload-ms), to the changed page
// served (served-ms), and, after that, to the home page served (home-ms),
// which needs the page list and the search index of the new site. All
// include the debouncer's quiet period of 20 ms.
//
//	go test -run '^$' -bench PreviewEdit -benchtime 5x ./generator/serve/
func BenchmarkPreviewEdit10000(b *testing.B) { benchmarkPreviewEdit(b, 10_000) }

// BenchmarkPreviewEdit1000 is the same with 1,000 clusters.
func BenchmarkPreviewEdit1000(b *testing.B) { benchmarkPreviewEdit(b, 1_000) }

func benchmarkPreviewEdit(b *testing.B, clusters int) {
	dir := b.TempDir()
	if _, err := corpus.Write(dir, corpus.Options{Clusters: clusters, Seed: 1, ProfileShare: corpus.DefaultProfileShare}); err != nil {
		b.Fatal(err)
	}
	file, id := newestAssessment(b, dir)
	src, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	nameLine := regexp.MustCompile(`(?m)^name = "([^"]*)"$`)
	name := nameLine.FindSubmatch(src)[1]
	srv := start(b, Options{Site: dir})
	stream := openEvents(b, srv.url)
	stream.limit = 5 * time.Minute // a loaded machine is slow, not broken
	stream.next(b, "hello")
	page := srv.url + "clusters/" + id + "/"

	var reload, served, home time.Duration
	for i := 0; b.Loop(); i++ {
		newName := fmt.Sprintf("%s %d", name, i)
		edited := nameLine.ReplaceAll(src, []byte(`name = "`+newName+`"`))
		begin := time.Now()
		if err := os.WriteFile(file, edited, 0o644); err != nil {
			b.Fatal(err)
		}
		stream.next(b, "reload")
		reload += time.Since(begin)
		status, body := get(b, page)
		served += time.Since(begin)
		if status != 200 || !strings.Contains(body, "<h1>"+newName+"</h1>") {
			b.Fatalf("after the reload %s answers %d without the new name %q", page, status, newName)
		}
		if status, _ := get(b, srv.url); status != 200 {
			b.Fatalf("after the reload the home page answers %d", status)
		}
		home += time.Since(begin)
	}
	b.ReportMetric(float64(reload.Milliseconds())/float64(b.N), "reload-ms")
	b.ReportMetric(float64(served.Milliseconds())/float64(b.N), "served-ms")
	b.ReportMetric(float64(home.Milliseconds())/float64(b.N), "home-ms")
}

// newestAssessment returns the file of the first cluster's newest
// assessment, whose [cluster] table is the cluster's profile, and the
// cluster's id (its folder).
func newestAssessment(b *testing.B, dir string) (file, id string) {
	clusters, err := os.ReadDir(filepath.Join(dir, filepath.FromSlash(corpus.ContentDir)))
	if err != nil || len(clusters) == 0 {
		b.Fatalf("no clusters: %v", err)
	}
	id = clusters[0].Name()
	files, err := filepath.Glob(filepath.Join(dir, filepath.FromSlash(corpus.ContentDir), id, "*.toml"))
	if err != nil || len(files) == 0 {
		b.Fatalf("no assessments of %s", id)
	}
	slices.SortFunc(files, func(x, y string) int { return strings.Compare(path.Base(x), path.Base(y)) })
	return files[len(files)-1], id
}
