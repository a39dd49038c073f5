package serve

import (
	"context"
	"fmt"
	"net/http"
)

// clientBuffer is how many events a client may fall behind before the
// broker drops it. Only the newest version matters to a page, and a
// dropped page reconnects and gets it in its hello.
const clientBuffer = 4

// event is one Server-Sent Event: "hello" on connecting, "reload" after a
// reload; Data is the site's version.
type event struct {
	Name, Data string
}

// broker fans versions out to the open pages. One goroutine (run) owns the
// set of clients; everything else talks to it over channels.
type broker struct {
	subscribe   chan chan event
	unsubscribe chan chan event
	versions    chan string
	// done is closed when run returns.
	done chan struct{}
}

func newBroker() *broker {
	return &broker{
		subscribe:   make(chan chan event),
		unsubscribe: make(chan chan event),
		versions:    make(chan string),
		done:        make(chan struct{}),
	}
}

// run serves subscriptions and broadcasts until ctx ends, then closes
// every client's channel. version is the current version, sent to each
// new client as "hello".
func (b *broker) run(ctx context.Context, version string) {
	defer close(b.done)
	clients := map[chan event]bool{}
	defer func() {
		for c := range clients {
			close(c)
		}
	}()
	for {
		select {
		case <-ctx.Done():
			return
		case c := <-b.subscribe:
			clients[c] = true
			c <- event{"hello", version} // a fresh buffer has room
		case c := <-b.unsubscribe:
			if clients[c] {
				delete(clients, c)
				close(c)
			}
		case version = <-b.versions:
			for c := range clients {
				select {
				case c <- event{"reload", version}:
				default: // too slow: drop it; it reconnects
					delete(clients, c)
					close(c)
				}
			}
		}
	}
}

// publish announces a new version to every client.
func (b *broker) publish(version string) {
	select {
	case b.versions <- version:
	case <-b.done:
	}
}

// ServeHTTP streams the events to one page until it leaves, the broker
// drops it or the server stops.
func (b *broker) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	if r.Method == http.MethodHead {
		w.WriteHeader(http.StatusOK)
		return
	}
	c := make(chan event, clientBuffer)
	select {
	case b.subscribe <- c:
	case <-b.done:
		http.Error(w, "the preview is stopping", http.StatusServiceUnavailable)
		return
	case <-r.Context().Done():
		return
	}
	defer func() {
		select {
		case b.unsubscribe <- c:
		case <-b.done:
		}
	}()
	rc := http.NewResponseController(w)
	w.WriteHeader(http.StatusOK)
	fmt.Fprint(w, "retry: 1000\n\n") // reconnect within a second after a restart
	for {
		if err := rc.Flush(); err != nil {
			return
		}
		select {
		case ev, open := <-c:
			if !open {
				return
			}
			fmt.Fprintf(w, "event: %s\ndata: %s\n\n", ev.Name, ev.Data)
		case <-r.Context().Done():
			return
		}
	}
}
