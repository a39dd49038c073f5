package build_test

import (
	"io"
	"runtime"
	"testing"

	"clustersite/generator/site"
)

// BenchmarkRenderReports renders the report pages of 10,000 clusters on
// one goroutine, with allocations: the cost of the page kind that is
// most of a build's work, without the noise of two workers sharing two
// cores with the collector.
//
//	go test -run '^$' -bench RenderReports -benchtime 1x -count 3 ./generator/build/
func BenchmarkRenderReports(b *testing.B) {
	s, r := loadedSite(b, 10000)
	var reports []site.Page
	for _, p := range s.Pages() {
		if p.Template == "report" {
			reports = append(reports, p)
		}
	}
	b.Run("clusters=10000", func(b *testing.B) {
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		b.ReportAllocs()
		var cpu cpuMeter
		for b.Loop() {
			cpu.start()
			for _, p := range reports {
				if err := r.Render(io.Discard, p); err != nil {
					b.Fatal(err)
				}
			}
			cpu.stop()
		}
		cpu.report(b)
		b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(reports)), "µs/report")
	})
}
