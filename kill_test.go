package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"clustersite/generator/corpus"
)

var (
	killRuns     = flag.Int("kill.runs", 24, "builds TestKilledBuildLeavesACompleteSite kills")
	killClusters = flag.Int("kill.clusters", 400, "clusters of the site TestKilledBuildLeavesACompleteSite builds")
	killSeed     = flag.Uint64("kill.seed", 1, "seed of the kill moments")
)

// Two inputs: the same site judged on two dates, so that every label
// status, and with it most pages, differs between them.
const (
	todayA = "2026-11-28"
	todayB = "2027-03-01"
)

// TestKilledBuildLeavesACompleteSite starts the clustersite binary on a
// large site again and again and kills it with SIGKILL at a random moment
// (seeded, uniform over the time of one build), alternating between two
// inputs. After each kill --dest must be one of the two complete sites:
// the previous one, or the new one if the kill came after the swap. A
// staging folder left by a killed build must be gone once the next build
// has started writing. A last build, not killed, leaves no staging folder.
// Flags: -kill.runs, -kill.clusters, -kill.seed.
func TestKilledBuildLeavesACompleteSite(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a large site dozens of times")
	}
	bin := clustersiteBinary(t)
	root := t.TempDir()
	site := filepath.Join(root, "site")
	if _, err := corpus.Write(site, corpus.Options{Clusters: *killClusters, Seed: 1, ProfileShare: corpus.DefaultProfileShare}); err != nil {
		t.Fatal(err)
	}
	work := filepath.Join(root, "work")
	dest := filepath.Join(work, "public")
	build := func(today string) *exec.Cmd {
		return exec.Command(bin, "build", "--site", site, "--dest", dest, "--today", today)
	}
	mustRun := func(cmd *exec.Cmd) time.Duration {
		t.Helper()
		start := time.Now()
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%v: %v\n%s", cmd.Args, err, out)
		}
		return time.Since(start)
	}
	// The reference sites, and the time of one build that replaces a site
	// (the case of every killed build).
	mustRun(build(todayA))
	hashA := hashTree(t, dest)
	took := mustRun(build(todayB))
	hashB := hashTree(t, dest)
	took = (took + mustRun(build(todayA))) / 2
	if hashTree(t, dest) != hashA || hashA == hashB {
		t.Fatal("the two inputs do not give two different, reproducible sites")
	}
	want := map[string]string{todayA: hashA, todayB: hashB}

	rng := rand.New(rand.NewPCG(*killSeed, 0))
	previous := todayA
	var killedBefore, killedAfter, finished, staleSeen int
	for i := range *killRuns {
		next := map[string]string{todayA: todayB, todayB: todayA}[previous]
		stale := stagingFolders(t, work)
		staleSeen += len(stale)
		at := time.Duration(rng.Int64N(int64(took)))
		cmd := build(next)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		exited := make(chan error, 1)
		go func() { exited <- cmd.Wait() }()
		killed := false
		select {
		case err := <-exited:
			if err != nil {
				t.Fatalf("run %d: build failed: %v", i, err)
			}
		case <-time.After(at):
			cmd.Process.Signal(syscall.SIGKILL)
			killed = <-exited != nil
		}
		outcome := ""
		switch got := hashTree(t, dest); {
		case !killed:
			finished++
			previous, outcome = next, "finished before the kill: the new site"
			if got != want[next] {
				t.Fatalf("run %d: a finished build left another site", i)
			}
		case got == want[previous]:
			killedBefore++
			outcome = "killed before the swap: the previous site"
		case got == want[next]:
			killedAfter++
			previous, outcome = next, "killed after the swap: the new site"
		default:
			t.Fatalf("run %d: killed after %v, --dest is neither the previous nor the new complete site", i, at)
		}
		// Once this build made its own staging folder (or committed), it
		// had removed the stale ones.
		now := stagingFolders(t, work)
		if previous == next || slices.ContainsFunc(now, func(s string) bool { return !slices.Contains(stale, s) }) {
			for _, s := range stale {
				if slices.Contains(now, s) {
					t.Errorf("run %d: the staging folder %s of a killed build survived the next build", i, s)
				}
			}
		}
		t.Logf("run %2d: kill at %6v of %v: %s; staging folders before %d, after %d",
			i, at.Round(time.Millisecond), took.Round(time.Millisecond), outcome, len(stale), len(now))
	}
	mustRun(build(previous))
	if left := stagingFolders(t, work); len(left) > 0 {
		t.Errorf("a complete build left staging folders: %v", left)
	}
	if staleSeen == 0 {
		t.Error("no killed build left a staging folder: the kills came too early or too late to test the clean-up")
	}
	t.Logf("%d builds of %d clusters (one takes %v): %d killed before the swap, %d after it, %d finished; every time --dest was a complete site",
		*killRuns, *killClusters, took.Round(time.Millisecond), killedBefore, killedAfter, finished)
}

// TestFailedBuildWritesNothing makes a build fail halfway in three ways and
// checks each time that the previous site is untouched and no staging
// folder is left: a template error on one report page in the middle of the
// site, a write error (the file size limit of the process, reached by
// clusters.json after every page was written) and a read-only parent of
// --dest; and a build stopped by SIGINT.
func TestFailedBuildWritesNothing(t *testing.T) {
	bin := clustersiteBinary(t)
	root := t.TempDir()
	site := filepath.Join(root, "site")
	if _, err := corpus.Write(site, corpus.Options{Clusters: 300, Seed: 2, ProfileShare: corpus.DefaultProfileShare}); err != nil {
		t.Fatal(err)
	}
	work := filepath.Join(root, "work")
	dest := filepath.Join(work, "public")
	if code, stderr := buildSite(t, site, dest, "--today", todayA); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	before := hashTree(t, dest)
	unchanged := func(what string) {
		t.Helper()
		if hashTree(t, dest) != before {
			t.Errorf("%s changed --dest", what)
		}
		if left := stagingFolders(t, work); len(left) > 0 {
			t.Errorf("%s left staging folders %v", what, left)
		}
	}

	t.Run("template error", func(t *testing.T) {
		report, err := os.ReadFile("templates/report.html")
		if err != nil {
			t.Fatal(err)
		}
		middle := middleCluster(t, site)
		broken := strings.Replace(string(report), `{{define "main"}}`,
			`{{define "main"}}{{if eq .Cluster.ID "`+middle+`"}}{{index .Cluster.Sectors 99}}{{end}}`, 1)
		writeSiteFiles(t, site, map[string]string{"templates/report.html": broken})
		defer os.RemoveAll(filepath.Join(site, "templates"))
		code, stderr := buildSite(t, site, dest, "--today", todayB)
		if code != exitUsage || !strings.Contains(stderr, "clusters/"+middle+"/") || !strings.Contains(stderr, "index out of range") {
			t.Errorf("exit %d: %s", code, stderr)
		}
		unchanged("a template error")
	})

	t.Run("write error", func(t *testing.T) {
		bash, err := exec.LookPath("bash")
		if err != nil {
			t.Skip("no bash to set the file size limit with")
		}
		// A limit that every page fits but clusters.json, written after
		// the pages, does not.
		var page, data int64
		for name, b := range readTree(t, dest) {
			if strings.HasSuffix(name, ".html") {
				page = max(page, int64(len(b)))
			} else {
				data = max(data, int64(len(b)))
			}
		}
		limit := page/1024 + 2
		if data <= limit*1024 {
			t.Fatalf("no data file larger than the largest page (%d bytes)", page)
		}
		cmd := exec.Command(bash, "-c", `ulimit -f `+strconv.FormatInt(limit, 10)+` && exec "$0" "$@"`,
			bin, "build", "--site", site, "--dest", dest, "--today", todayB)
		out, err := cmd.CombinedOutput()
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != exitUsage || !strings.Contains(string(out), "file too large") {
			t.Errorf("%v: %s", err, out)
		}
		unchanged("a write error")
	})

	t.Run("read-only parent", func(t *testing.T) {
		if !makeReadOnly(t, work) {
			t.Skip("cannot make a folder read-only for this user here (root ignores permissions, and chattr +i failed)")
		}
		code, stderr := buildSite(t, site, dest, "--today", todayB)
		if code != exitUsage || !strings.Contains(stderr, "output: ") {
			t.Errorf("exit %d: %s", code, stderr)
		}
		unchanged("a read-only parent")
	})

	t.Run("interrupt", func(t *testing.T) {
		cmd := exec.Command(bin, "build", "--site", site, "--dest", dest, "--today", todayB)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Wait until the build writes, then interrupt it as Ctrl-C does.
		for deadline := time.Now().Add(30 * time.Second); len(stagingFolders(t, work)) == 0 && time.Now().Before(deadline); {
			time.Sleep(time.Millisecond)
		}
		cmd.Process.Signal(os.Interrupt)
		err := cmd.Wait()
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != exitUsage {
			t.Errorf("%v: %s", err, &stderr)
		}
		unchanged("an interrupted build")
	})
}

// makeReadOnly makes dir refuse new entries even for root, and undoes it
// when the test ends; false if it cannot.
func makeReadOnly(t *testing.T, dir string) bool {
	t.Helper()
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	probe := filepath.Join(dir, ".probe")
	if err := os.Mkdir(probe, 0o755); err != nil {
		return true // permissions hold
	}
	os.Remove(probe)
	if out, err := exec.Command("chattr", "+i", dir).CombinedOutput(); err != nil {
		t.Logf("chattr +i: %v %s", err, out)
		return false
	}
	t.Cleanup(func() { exec.Command("chattr", "-i", dir).Run() })
	return true
}

// middleCluster returns the id of a cluster in the middle of the site's
// content folder.
func middleCluster(t *testing.T, site string) string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join(site, "content", "clusters"))
	if err != nil || len(entries) == 0 {
		t.Fatal("no clusters", err)
	}
	return entries[len(entries)/2].Name()
}

// clustersiteBinary builds the command into a temporary folder of the
// test.
func clustersiteBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "clustersite")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// stagingFolders lists the staging folders of public/ in dir.
func stagingFolders(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".public.tmp-") {
			out = append(out, e.Name())
		}
	}
	return out
}

// hashTree hashes every path and file of dir, in order, reading files one
// at a time.
func hashTree(t *testing.T, dir string) string {
	t.Helper()
	h := sha256.New()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		io.WriteString(h, filepath.ToSlash(rel)+"\x00"+d.Type().String()+"\x00")
		if !d.Type().IsRegular() {
			return nil
		}
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		_, err = io.Copy(h, f)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(h.Sum(nil))
}
