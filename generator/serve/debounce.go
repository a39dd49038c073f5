package serve

import (
	"context"
	"slices"
	"time"
)

// debounce gathers the paths arriving on in into batches and sends each on
// out once no path has arrived for quiet, or maxWait after the first path
// of the batch, whichever comes first: an editor's save is a burst of
// events (write, rename, chmod, backup file) and must cause one reload,
// while a steady stream of changes must not hold reloads back for ever.
// While out is not ready (a reload is running) paths keep joining the
// pending batch. Batches hold each path once, sorted. debounce closes out
// when in is closed (after sending what it holds) or ctx ends.
func debounce(ctx context.Context, in <-chan string, out chan<- []string, quiet, maxWait time.Duration) {
	defer close(out)
	pending := map[string]bool{}
	var ready bool // the batch may be sent
	var first time.Time
	timer := time.NewTimer(quiet)
	timer.Stop()
	for {
		var send chan<- []string // nil, which blocks, until the batch is ready
		var batch []string
		if ready {
			send, batch = out, sorted(pending)
		}
		select {
		case <-ctx.Done():
			return
		case p, open := <-in:
			if !open {
				if len(pending) > 0 {
					select {
					case out <- sorted(pending):
					case <-ctx.Done():
					}
				}
				return
			}
			if len(pending) == 0 {
				first = time.Now()
			}
			pending[p] = true
			if !ready {
				// wait for quiet, but no longer than maxWait since first
				timer.Reset(min(quiet, max(0, maxWait-time.Since(first))))
			}
		case <-timer.C:
			ready = true
		case send <- batch:
			clear(pending)
			ready = false
		}
	}
}

func sorted(set map[string]bool) []string {
	list := make([]string, 0, len(set))
	for p := range set {
		list = append(list, p)
	}
	slices.Sort(list)
	return list
}
