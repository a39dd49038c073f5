package output

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func write(t *testing.T, d *Dir, files map[string]string) {
	t.Helper()
	for name, data := range files {
		if err := d.WriteFile(name, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
}

func TestCommitReplacesDestination(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	d, _ := Create(dest)
	write(t, d, map[string]string{"index.html": "one", "old.html": "gone soon"})
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	d, _ = Create(dest)
	write(t, d, map[string]string{"index.html": "two", "a/b/c.html": "deep"})
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(dest, "index.html")); string(b) != "two" {
		t.Errorf("index.html = %q, want two", b)
	}
	if _, err := os.Stat(filepath.Join(dest, "old.html")); !os.IsNotExist(err) {
		t.Error("a file of the previous build survived")
	}
	assertNoStaging(t, filepath.Dir(dest))
}

func TestAbortLeavesDestinationAlone(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	d, _ := Create(dest)
	write(t, d, map[string]string{"index.html": "one"})
	d.Commit()
	d, _ = Create(dest)
	write(t, d, map[string]string{"index.html": "half-built"})
	d.Abort()
	if b, _ := os.ReadFile(filepath.Join(dest, "index.html")); string(b) != "one" {
		t.Errorf("index.html = %q after abort, want one", b)
	}
	assertNoStaging(t, filepath.Dir(dest))
}

func TestCreateRemovesStaleStagingFolders(t *testing.T) {
	parent := t.TempDir()
	stale := filepath.Join(parent, ".public.tmp-123")
	os.MkdirAll(filepath.Join(stale, "x"), 0o755)
	d, err := Create(filepath.Join(parent, "public"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Error("stale staging folder was not removed")
	}
}

func TestUnchangedFilesKeepTheirModificationTime(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	d, _ := Create(dest)
	write(t, d, map[string]string{"same.html": "same", "changed.html": "v1"})
	d.Commit()
	old := time.Now().Add(-time.Hour).Truncate(time.Second)
	for _, n := range []string{"same.html", "changed.html"} {
		os.Chtimes(filepath.Join(dest, n), old, old)
	}
	d, _ = Create(dest)
	write(t, d, map[string]string{"same.html": "same", "changed.html": "v2"})
	d.Commit()
	if fi, _ := os.Stat(filepath.Join(dest, "same.html")); !fi.ModTime().Equal(old) {
		t.Errorf("unchanged file got a new time %v", fi.ModTime())
	}
	if fi, _ := os.Stat(filepath.Join(dest, "changed.html")); fi.ModTime().Equal(old) {
		t.Error("changed file kept its old time")
	}
}

func TestWriteFileRefusesPathsOutsideTheSite(t *testing.T) {
	d, _ := Create(filepath.Join(t.TempDir(), "public"))
	defer d.Abort()
	for _, p := range []string{"../x", "/etc/x", "a/../../x", ""} {
		if err := d.WriteFile(p, []byte("x")); err == nil {
			t.Errorf("WriteFile(%q) succeeded", p)
		}
	}
}

func TestCommitRefusesAFileAsDestination(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	os.WriteFile(dest, []byte("not a folder"), 0o644)
	d, _ := Create(dest)
	write(t, d, map[string]string{"index.html": "x"})
	if err := d.Commit(); err == nil {
		t.Error("Commit over a file succeeded")
	}
}

func assertNoStaging(t *testing.T, parent string) {
	t.Helper()
	entries, _ := os.ReadDir(parent)
	for _, e := range entries {
		if e.Name() != "public" {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}
