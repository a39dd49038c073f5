package build_test

import (
	"io"
	"runtime"
	"slices"
	"testing"

	"clustersite/generator/site"
)

// BenchmarkRenderPages renders the pages of 10,000 clusters on one
// goroutine, with allocations, one sub-benchmark per template: the cost
// of each page kind without the noise of two workers sharing two cores
// with the collector. The report pages are most of a build's work.
//
//	go test -run '^$' -bench RenderPages -benchtime 1x -count 3 ./generator/build/
func BenchmarkRenderPages(b *testing.B) {
	s, r := loadedSite(b, 10000)
	byTemplate := map[string][]site.Page{}
	for _, p := range s.Pages() {
		byTemplate[p.Template] = append(byTemplate[p.Template], p)
	}
	for _, tmpl := range slices.Sorted(func(yield func(string) bool) {
		for t := range byTemplate {
			if !yield(t) {
				return
			}
		}
	}) {
		pages := byTemplate[tmpl]
		b.Run("clusters=10000/template="+tmpl, func(b *testing.B) {
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			b.ReportAllocs()
			var cpu cpuMeter
			for b.Loop() {
				cpu.start()
				for _, p := range pages {
					if err := r.Render(io.Discard, p); err != nil {
						b.Fatal(err)
					}
				}
				cpu.stop()
			}
			cpu.report(b)
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(pages)), "µs/page")
			b.ReportMetric(float64(len(pages)), "pages")
		})
	}
}
