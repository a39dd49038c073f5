package serve

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// soakWrites is the number of writes of each burst; soakEdits the number
// of edits of the second round that each wait for their reload.
const (
	soakWrites = 1000
	soakEdits  = 200
)

// TestServeSoak drives a running preview through what editors and tools do
// to a site folder, in bounded rounds, and checks after each that the
// server shows the final state: a burst of 1,000 writes of one file, a
// save by writing a temporary file and renaming it over the original, a
// vim-style save (original renamed to a backup, new file written, backup
// deleted), the content folder deleted and created again, and a content
// error in the middle of edits. A second burst then shows that memory
// stays flat: the heap in use after a collection, and the number of
// goroutines, are compared before and after it (run with -v for the
// figures).
func TestServeSoak(t *testing.T) {
	if testing.Short() {
		t.Skip("thousands of writes")
	}
	dir := t.TempDir()
	beta := "content/clusters/beta/2024-03-01.toml"
	writeFiles(t, dir, map[string]string{
		"config.toml": "today = 2026-11-28\n",
		alphaFile:     alpha("Alpha", "bronze"),
		beta:          "[cluster]\nid = \"beta\"\nname = \"Beta\"\ncountry = \"FR\"\n\n[assessment]\ndate = 2024-03-01\nlabel = \"silver\"\n",
	})
	srv := start(t, Options{Site: dir})
	stream := openEvents(t, srv.url)
	stream.next(t, "hello")
	page := srv.url + "clusters/alpha/"
	shows := func(what, h1 string) {
		t.Helper()
		stream.reloadUntil(t, page, func(status int, body string) bool {
			return status == 200 && strings.Contains(body, "<h1>"+h1+"</h1>")
		})
	}
	path := filepath.Join(dir, filepath.FromSlash(alphaFile))

	burst := func(round int) int {
		t.Helper()
		for i := range soakWrites {
			if err := os.WriteFile(path, []byte(alpha(fmt.Sprintf("Alpha %d.%d", round, i), "bronze")), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		reloads := 0
		stream.reloadUntil(t, page, func(status int, body string) bool {
			reloads++
			return status == 200 && strings.Contains(body, fmt.Sprintf("<h1>Alpha %d.%d</h1>", round, soakWrites-1))
		})
		return reloads
	}
	reloads := burst(1)
	t.Logf("%d writes in quick succession: %d reloads until the last one showed", soakWrites, reloads)

	t.Run("save by rename", func(t *testing.T) {
		tmp := path + ".tmp"
		must(t, os.WriteFile(tmp, []byte(alpha("Alpha Renamed", "bronze")), 0o644))
		must(t, os.Rename(tmp, path))
		shows("a save by rename", "Alpha Renamed")
	})

	t.Run("vim save", func(t *testing.T) {
		backup := path + "~"
		must(t, os.Rename(path, backup))
		must(t, os.WriteFile(path, []byte(alpha("Alpha Vim", "bronze")), 0o644))
		must(t, os.Remove(backup))
		shows("a vim-style save", "Alpha Vim")
	})

	t.Run("content folder deleted and created again", func(t *testing.T) {
		must(t, os.RemoveAll(filepath.Join(dir, "content")))
		stream.reloadUntil(t, page, func(status int, body string) bool { return status == http.StatusNotFound })
		writeFiles(t, dir, map[string]string{alphaFile: alpha("Alpha Back", "bronze")})
		shows("the re-created content", "Alpha Back")
		// The new folders are watched: an edit in them shows too.
		writeFiles(t, dir, map[string]string{alphaFile: alpha("Alpha Edited Again", "bronze")})
		shows("an edit in the re-created folder", "Alpha Edited Again")
	})

	t.Run("content error in the middle", func(t *testing.T) {
		for i := range 50 {
			label := "bronze"
			if i == 25 {
				label = "platinum"
			}
			writeFiles(t, dir, map[string]string{alphaFile: alpha(fmt.Sprintf("Alpha Error %d", i), label)})
		}
		writeFiles(t, dir, map[string]string{alphaFile: alpha("Alpha Broken", "platinum")})
		stream.reloadUntil(t, page, func(status int, body string) bool {
			return status == http.StatusInternalServerError && strings.Contains(body, "assessment.label")
		})
		writeFiles(t, dir, map[string]string{alphaFile: alpha("Alpha Recovered", "bronze")})
		shows("the recovery", "Alpha Recovered")
	})

	// The second round: another burst, then edits that each wait for
	// their reload, so that the server makes a new generation every time.
	heapBefore, goroutinesBefore := heapInUse(), runtime.NumGoroutine()
	burst(2)
	for i := range soakEdits {
		writeFiles(t, dir, map[string]string{alphaFile: alpha(fmt.Sprintf("Alpha Edit %d", i), "bronze")})
		shows("an edit", fmt.Sprintf("Alpha Edit %d", i))
	}
	heapAfter, goroutinesAfter := heapInUse(), runtime.NumGoroutine()
	t.Logf("second round (%d writes, then %d edits each shown): heap in use after GC %.1f MiB before, %.1f MiB after; goroutines %d before, %d after",
		soakWrites, soakEdits, float64(heapBefore)/(1<<20), float64(heapAfter)/(1<<20), goroutinesBefore, goroutinesAfter)
	// A generation of this site is well under a megabyte; growth by more
	// than 8 MiB would be a leak of tens of kilobytes per reload.
	if heapAfter > heapBefore+8<<20 {
		t.Errorf("heap grew from %d to %d bytes over the second round", heapBefore, heapAfter)
	}
	if goroutinesAfter > goroutinesBefore+2 {
		t.Errorf("goroutines grew from %d to %d", goroutinesBefore, goroutinesAfter)
	}
}

// heapInUse returns the bytes of heap spans in use after a collection.
func heapInUse() uint64 {
	http.DefaultClient.CloseIdleConnections()
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
