// Package memo remembers values worked out from keys, for the parts of a
// build that work out the same few things thousands of times: formatted
// numbers, translated phrases, drawn boxes, cached partials.
package memo

import (
	"sync"
	"sync/atomic"
)

// DefaultMax is the number of entries a Map keeps when Max is zero.
const DefaultMax = 100_000

// Map remembers values by key. It is safe for concurrent use, and its
// zero value is ready to use.
//
// A value must depend on its key alone: then an entry can never be stale.
// A Map is bounded because it may live long (the dev server keeps its
// renderer across edits, and each edit may bring new keys): when it holds
// Max entries it forgets them all and fills again with what is asked for
// now.
type Map[K comparable, V any] struct {
	// Max is the number of entries kept before starting again; zero
	// means DefaultMax. Set it before the first use.
	Max int

	m sync.Map     // K → V
	n atomic.Int64 // entries stored since the last start
}

// Get returns the value remembered for key or, when there is none, work's
// value, which it remembers. Two goroutines may work out one key at once;
// either value is kept.
func (m *Map[K, V]) Get(key K, work func() V) V {
	if v, ok := m.Load(key); ok {
		return v
	}
	v := work()
	m.Store(key, v)
	return v
}

// Load returns the value remembered for key, if any.
func (m *Map[K, V]) Load(key K) (V, bool) {
	v, ok := m.m.Load(key)
	if !ok {
		var zero V
		return zero, false
	}
	return v.(V), true
}

// Store remembers v for key.
func (m *Map[K, V]) Store(key K, v V) {
	limit := int64(m.Max)
	if limit <= 0 {
		limit = DefaultMax
	}
	if m.n.Add(1) > limit {
		m.m.Clear()
		m.n.Store(1)
	}
	m.m.Store(key, v)
}

// Len returns the number of entries stored since the Map last started
// again (a value stored twice for one key counts twice).
func (m *Map[K, V]) Len() int { return int(m.n.Load()) }
