package memo

import (
	"strconv"
	"sync"
	"testing"
)

func TestMapWorksOutEachKeyOnceAndGivesItsValue(t *testing.T) {
	var m Map[int, string]
	calls := map[int]int{}
	for range 3 {
		for k := range 10 {
			if got := m.Get(k, func() string { calls[k]++; return strconv.Itoa(k) }); got != strconv.Itoa(k) {
				t.Fatalf("Get(%d) = %q", k, got)
			}
		}
	}
	for k, n := range calls {
		if n != 1 {
			t.Errorf("key %d worked out %d times", k, n)
		}
	}
	if m.Len() != 10 {
		t.Errorf("Len = %d, want 10", m.Len())
	}
}

// TestFullMapStartsAgain: past Max entries the Map forgets what it held
// and keeps remembering, and every answer stays the key's own value.
func TestFullMapStartsAgain(t *testing.T) {
	m := Map[int, int]{Max: 100}
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for i := range 1000 {
				k := (i*7 + w) % 350
				if got := m.Get(k, func() int { return k * k }); got != k*k {
					t.Errorf("Get(%d) = %d", k, got)
					return
				}
			}
		})
	}
	wg.Wait()
	if n := m.Len(); n < 1 || n > 100 {
		t.Errorf("Len = %d, want 1 to 100", n)
	}
	calls := 0
	m.Get(-1, func() int { calls++; return 0 })
	m.Get(-1, func() int { calls++; return 0 })
	if calls != 1 {
		t.Errorf("after starting again, a new key was worked out %d times, want once", calls)
	}
}
