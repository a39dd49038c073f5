package blobs

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

var env = sha256.Sum256([]byte("test environment"))

func key(s string) Key { return sha256.Sum256([]byte(s)) }

func storePath(t *testing.T) string { return filepath.Join(t.TempDir(), "cache", "blobs.bin") }

// get fails the test unless s holds want under key.
func get(t *testing.T, s *Store, k string, want string) {
	t.Helper()
	got, ok := s.Get(key(k))
	if !ok || got != want {
		t.Fatalf("Get(%q) = %q, %v; want %q, true", k, got, ok, want)
	}
}

func missing(t *testing.T, s *Store, k string) {
	t.Helper()
	if got, ok := s.Get(key(k)); ok {
		t.Fatalf("Get(%q) = %q; want no record", k, got)
	}
}

func TestValuesSurviveReopening(t *testing.T) {
	path := storePath(t)
	s := Open(path, env)
	if s == nil {
		t.Fatal("Open returned no store")
	}
	missing(t, s, "a")
	s.Put(key("a"), "<p>alpha</p>")
	s.Put(key("b"), "")
	s.Put(key("a"), "<p>second value, ignored</p>")
	get(t, s, "a", "<p>alpha</p>")
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s = Open(path, env)
	defer s.Close()
	get(t, s, "a", "<p>alpha</p>")
	get(t, s, "b", "")
	missing(t, s, "c")
}

func TestAnotherEnvironmentFindsNothing(t *testing.T) {
	path := storePath(t)
	s := Open(path, env)
	s.Put(key("a"), "old program's HTML")
	s.Close()

	other := Open(path, sha256.Sum256([]byte("another program")))
	missing(t, other, "a")
	other.Put(key("b"), "new")
	other.Close()

	// The file now belongs to the other environment: the first one
	// finds nothing either, not even its old record.
	s = Open(path, env)
	defer s.Close()
	missing(t, s, "a")
	missing(t, s, "b")
}

func TestNoStoreWithoutAnEnvironmentOrAFile(t *testing.T) {
	if s := Open(storePath(t), [sha256.Size]byte{}); s != nil {
		t.Error("Open with a zero environment gave a store")
	}
	// A folder where the file should be.
	path := storePath(t)
	if err := os.MkdirAll(path, 0o700); err != nil {
		t.Fatal(err)
	}
	if s := Open(path, env); s != nil {
		t.Error("Open of a folder gave a store")
	}
	// A nil store does nothing, without failing.
	var s *Store
	s.Put(key("a"), "x")
	missing(t, s, "a")
	if s.Close() != nil || s.PruneAndClose() != nil {
		t.Error("a nil store failed to close")
	}
}

func TestDamagedRecordsAreNotFound(t *testing.T) {
	path := storePath(t)
	s := Open(path, env)
	s.Put(key("a"), "first value")
	s.Put(key("b"), "second value")
	s.Put(key("c"), "third value")
	s.Close()

	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.Index(data, []byte("second"))
	data[i] = 'S'
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	s = Open(path, env)
	get(t, s, "a", "first value")
	missing(t, s, "b")
	get(t, s, "c", "third value")
	s.Put(key("b"), "second value, rendered again")
	get(t, s, "b", "second value, rendered again")
	// A damaged record makes PruneAndClose rewrite the file without it.
	if err := s.PruneAndClose(); err != nil {
		t.Fatal(err)
	}
	after, _ := os.ReadFile(path)
	if bytes.Contains(after, []byte("Second")) {
		t.Error("PruneAndClose kept the damaged record")
	}
	s = Open(path, env)
	defer s.Close()
	get(t, s, "b", "second value, rendered again")
	get(t, s, "c", "third value")
}

func TestATornRecordLosesOnlyItself(t *testing.T) {
	path := storePath(t)
	s := Open(path, env)
	s.Put(key("a"), "whole")
	s.Put(key("b"), strings.Repeat("cut short ", 100))
	s.Close()
	whole, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// A write killed half way: the file ends inside b's data, or inside
	// its head.
	for _, cut := range []int{400, 990, 1000 + recordHead - 3} {
		t.Run(fmt.Sprint("cut=", cut), func(t *testing.T) {
			if err := os.WriteFile(path, whole[:len(whole)-cut], 0o600); err != nil {
				t.Fatal(err)
			}
			s := Open(path, env)
			get(t, s, "a", "whole")
			missing(t, s, "b")
			// What is appended after the tear is found by the next
			// store, even one closed without pruning, as after a failed
			// build.
			s.Put(key("c"), "after the tear")
			get(t, s, "c", "after the tear")
			s.Close()
			s = Open(path, env)
			defer s.Close()
			get(t, s, "a", "whole")
			get(t, s, "c", "after the tear")
			missing(t, s, "b")
		})
	}
}

func TestPruneDropsWhatNoBuildAskedFor(t *testing.T) {
	path := storePath(t)
	big := strings.Repeat("x", 100<<10)
	s := Open(path, env)
	for i := range 40 {
		s.Put(key(fmt.Sprint(i)), big)
	}
	s.PruneAndClose() // all asked for: nothing to drop
	size := fileSize(t, path)
	if want := int64(headerSize + 40*(recordHead+len(big))); size != want {
		t.Fatalf("file of %d bytes; want %d", size, want)
	}

	// A build that asks for half of the values and one new one: the
	// others are under the threshold, the file is kept as it is.
	s = Open(path, env)
	for i := range 20 {
		get(t, s, fmt.Sprint(i), big)
	}
	s.Put(key("new"), big)
	s.PruneAndClose()
	if got := fileSize(t, path); got != size+int64(recordHead+len(big)) {
		t.Fatalf("file of %d bytes after a build that asked for half; want %d", got, size+int64(recordHead+len(big)))
	}

	// A build that asks for five: the other 36 take more room, so
	// they go.
	s = Open(path, env)
	for i := range 5 {
		get(t, s, fmt.Sprint(i), big)
	}
	s.PruneAndClose()
	if got, want := fileSize(t, path), int64(headerSize+5*(recordHead+len(big))); got != want {
		t.Fatalf("file of %d bytes after pruning; want %d", got, want)
	}
	s = Open(path, env)
	defer s.Close()
	for i := range 5 {
		get(t, s, fmt.Sprint(i), big)
	}
	missing(t, s, "5")
	missing(t, s, "new")

	// Close never drops a record.
	s.Close()
	s = Open(path, env)
	s.Close()
	if got, want := fileSize(t, path), int64(headerSize+5*(recordHead+len(big))); got != want {
		t.Fatalf("file of %d bytes after Close; want %d", got, want)
	}
}

func fileSize(t *testing.T, path string) int64 {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return info.Size()
}

// A value put again, without a Get, as another worker may, is one a build
// asked for: PruneAndClose keeps it.
func TestPutOfAKeptValueCountsAsAsked(t *testing.T) {
	path := storePath(t)
	big := strings.Repeat("x", 1<<20)
	s := Open(path, env)
	s.Put(key("kept"), "small")
	s.Put(key("dropped"), big)
	s.Put(key("dropped too"), big)
	s.Close()
	s = Open(path, env)
	s.Put(key("kept"), "small")
	s.PruneAndClose()
	s = Open(path, env)
	defer s.Close()
	get(t, s, "kept", "small")
	missing(t, s, "dropped")
}

// Workers asking for one value at once count its record once: counted
// twice, the records no build asks for would seem fewer than they are.
func TestConcurrentGetsCountARecordOnce(t *testing.T) {
	path := storePath(t)
	s := Open(path, env)
	s.Put(key("a"), "shared summary")
	s.Close()
	s = Open(path, env)
	defer s.Close()
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 100 {
				s.Get(key("a"))
			}
		})
	}
	wg.Wait()
	if want := int64(recordHead + len("shared summary")); s.live != want {
		t.Errorf("live = %d bytes; want %d", s.live, want)
	}
}

// PruneAndClose leaves alone a file another process replaced since Open.
func TestPruneKeepsAFileReplacedSinceOpen(t *testing.T) {
	path := storePath(t)
	big := strings.Repeat("x", 2<<20)
	s := Open(path, env)
	s.Put(key("old"), big)
	s.Close()

	s = Open(path, env) // asks for nothing: all of it could go
	other := Open(path, env)
	other.Put(key("other"), "appended by another process")
	// The other process rewrites the file (its record "old" damaged).
	data, _ := os.ReadFile(path)
	data[headerSize+recordHead] ^= 1
	os.WriteFile(path+".new", data, 0o600)
	os.Rename(path+".new", path)
	other.Close()

	if err := s.PruneAndClose(); err != nil {
		t.Fatal(err)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(after, data) {
		t.Error("PruneAndClose replaced a file it did not open")
	}
}

// Two stores on one file, as two processes: what each appends is whole,
// and a store opened afterwards finds both.
func TestTwoStoresOnOneFile(t *testing.T) {
	path := storePath(t)
	a, b := Open(path, env), Open(path, env)
	var wg sync.WaitGroup
	for i, s := range []*Store{a, b} {
		wg.Go(func() {
			for j := range 200 {
				k := fmt.Sprint(i, "-", j)
				s.Put(key(k), strings.Repeat(k, j))
				if got, ok := s.Get(key(k)); !ok || got != strings.Repeat(k, j) {
					t.Errorf("store %d: Get(%q) = %q, %v", i, k, got, ok)
				}
			}
		})
	}
	wg.Wait()
	a.Close()
	b.Close()
	s := Open(path, env)
	defer s.Close()
	for i := range 2 {
		for j := range 200 {
			k := fmt.Sprint(i, "-", j)
			get(t, s, k, strings.Repeat(k, j))
		}
	}
}

func TestConcurrentUse(t *testing.T) {
	s := Open(storePath(t), env)
	defer s.Close()
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for j := range 300 {
				k := fmt.Sprint(j % 50)
				if v, ok := s.Get(key(k)); ok {
					if v != "value "+k {
						t.Errorf("worker %d: Get(%q) = %q", w, k, v)
					}
					continue
				}
				s.Put(key(k), "value "+k)
			}
		})
	}
	wg.Wait()
}

func TestStaleTemporaryFilesAreRemoved(t *testing.T) {
	path := storePath(t)
	dir := filepath.Dir(path)
	os.MkdirAll(dir, 0o700)
	old, fresh := filepath.Join(dir, "blobs-1.tmp"), filepath.Join(dir, "blobs-2.tmp")
	for _, f := range []string{old, fresh} {
		os.WriteFile(f, []byte("left by a killed rewrite"), 0o600)
	}
	long := time.Now().Add(-2 * time.Hour)
	os.Chtimes(old, long, long)
	Open(path, env).Close()
	if _, err := os.Stat(old); !os.IsNotExist(err) {
		t.Error("an old temporary file was kept")
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Error("a fresh temporary file, maybe another process's, was removed")
	}
}

// FuzzOpen opens files of any content after a valid header, as a damaged
// disk or a torn write may leave them, seeded with files of known records:
// a store must not fail, must find no known key with another value than
// its own, and must leave a file the next store reads the same way.
func FuzzOpen(f *testing.F) {
	known := map[string]string{"a": "<p>a</p>", "b": strings.Repeat("b", 300), "c": ""}
	path := filepath.Join(f.TempDir(), "seed.bin")
	s := Open(path, env)
	for k, v := range known {
		s.Put(key(k), v)
	}
	s.Close()
	seed, _ := os.ReadFile(path)
	f.Add(seed[headerSize:])
	f.Add(seed[headerSize : len(seed)-5])
	f.Add([]byte{})
	f.Add(bytes.Repeat([]byte{0xff}, 100))
	f.Fuzz(func(t *testing.T, body []byte) {
		path := filepath.Join(t.TempDir(), "blobs.bin")
		if err := os.WriteFile(path, append(append([]byte(magic), env[:]...), body...), 0o600); err != nil {
			t.Fatal(err)
		}
		for round := range 2 {
			s := Open(path, env)
			if s == nil {
				t.Fatal("no store")
			}
			size := fileSize(t, path)
			for k, p := range s.index {
				if p.off+int64(p.n) > size {
					t.Fatalf("a record of %d bytes at %d in a file of %d", p.n, p.off, size)
				}
				s.Get(k)
			}
			for k, want := range known {
				if v, ok := s.Get(key(k)); ok && v != want {
					t.Fatalf("round %d: Get(%q) = %q; want %q", round, k, v, want)
				}
			}
			s.Put(key("new"), "new value")
			get(t, s, "new", "new value")
			if err := s.PruneAndClose(); err != nil {
				t.Fatal(err)
			}
		}
	})
}
