package serve

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"
)

func fsnotifyWrite(name string) fsnotify.Event {
	return fsnotify.Event{Name: name, Op: fsnotify.Write}
}

func fsnotifyChmod(name string) fsnotify.Event {
	return fsnotify.Event{Name: name, Op: fsnotify.Chmod}
}

func receive[T any](t *testing.T, c <-chan T) (T, bool) {
	t.Helper()
	select {
	case v, open := <-c:
		return v, open
	case <-time.After(waitLimit):
		t.Fatalf("nothing received within %s", waitLimit)
		var zero T
		return zero, false
	}
}

func TestDebounceMakesOneBatchOfABurst(t *testing.T) {
	in, out := make(chan string), make(chan []string)
	go debounce(t.Context(), in, out, 50*time.Millisecond, time.Hour)
	for _, p := range []string{"b", "a", "b", "c", "a"} {
		in <- p
	}
	batch, _ := receive(t, out)
	if want := []string{"a", "b", "c"}; !slices.Equal(batch, want) {
		t.Errorf("batch = %q, want %q", batch, want)
	}
	close(in)
	if _, open := receive(t, out); open {
		t.Error("out not closed after in")
	}
}

// TestDebounceSendsBeforeTheEventsStop feeds a path every 5 ms for as long
// as it takes: with a quiet period of 1 h only the cap of 100 ms can
// release a batch.
func TestDebounceSendsBeforeTheEventsStop(t *testing.T) {
	in, out := make(chan string), make(chan []string)
	go debounce(t.Context(), in, out, time.Hour, 100*time.Millisecond)
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	deadline := time.After(waitLimit)
	for {
		select {
		case <-tick.C:
			in <- "content/x.toml"
		case batch := <-out:
			if !slices.Equal(batch, []string{"content/x.toml"}) {
				t.Errorf("batch = %q", batch)
			}
			return
		case <-deadline:
			t.Fatal("no batch while events keep coming: the cap does not work")
		}
	}
}

// TestDebounceGathersWhileTheReceiverIsBusy checks that paths arriving
// while a reload runs join one next batch.
func TestDebounceGathersWhileTheReceiverIsBusy(t *testing.T) {
	in, out := make(chan string), make(chan []string)
	go debounce(t.Context(), in, out, time.Millisecond, time.Millisecond)
	in <- "a"
	// out is not read: the batch {a} is ready but waits
	in <- "b"
	in <- "c"
	batch, _ := receive(t, out)
	if !slices.Equal(batch, []string{"a", "b", "c"}) {
		t.Errorf("batch = %q, want a, b and c together", batch)
	}
}

func TestBrokerGreetsBroadcastsAndDropsSlowClients(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	b := newBroker()
	ended := make(chan struct{})
	go func() { b.run(ctx, "v1"); close(ended) }()

	fast, slow := make(chan event, clientBuffer), make(chan event, clientBuffer)
	b.subscribe <- fast
	b.subscribe <- slow
	for _, c := range []chan event{fast, slow} {
		if ev, _ := receive(t, c); ev != (event{"hello", "v1"}) {
			t.Errorf("first event = %+v, want hello v1", ev)
		}
	}
	for i := range clientBuffer + 1 {
		v := string(rune('a' + i))
		b.publish(v)
		if ev, _ := receive(t, fast); ev != (event{"reload", v}) {
			t.Errorf("fast client got %+v, want reload %s", ev, v)
		}
	}
	for range clientBuffer {
		receive(t, slow) // what fitted in its buffer
	}
	if _, open := receive(t, slow); open {
		t.Error("a client that fell behind was not dropped")
	}
	b.unsubscribe <- slow // a dropped client's handler still unsubscribes
	cancel()
	receive(t, ended)
	if _, open := receive(t, fast); open {
		t.Error("clients not closed when the broker stops")
	}
	b.publish("late") // must not block once the broker has stopped
}
