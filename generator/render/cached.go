package render

import (
	"bytes"
	"fmt"
	"html/template"
	"reflect"
	"sync"
	"sync/atomic"
)

// cached executes the partial template name, defined in base.html or a
// _*.html file, with dot once for each distinct dot, and gives the same
// HTML for that dot afterwards:
//
//	{{cached "nav" .Nav}}
//
// The navigation is the same on every page of a section at one depth,
// yet its 25 actions cost 50 µs on each of 24,000 pages at 10,000
// clusters. A partial may be cached so when its output depends on its dot
// and the interface language only (no function that reads anything else),
// and dot must be comparable: a struct of strings, numbers and bools.
func (r *Renderer) cached(name string, dot any) (template.HTML, error) {
	if dot != nil && !reflect.ValueOf(dot).Comparable() {
		return "", fmt.Errorf("cached %q: %T is not comparable", name, dot)
	}
	key := partialKey{name, dot}
	if html, ok := r.partials.m.Load(key); ok {
		return html.(template.HTML), nil
	}
	var b bytes.Buffer
	if err := r.shared.ExecuteTemplate(&b, name, dot); err != nil {
		return "", fmt.Errorf("cached: %w", err)
	}
	html := template.HTML(b.String())
	if r.partials.n.Add(1) <= maxPartials {
		r.partials.m.Store(key, html)
	}
	return html, nil
}

// partials are the outputs of cached; a theme that caches a partial by a
// dot that differs on every page gets no more than maxPartials of them
// kept.
type partials struct {
	m sync.Map // partialKey → template.HTML
	n atomic.Int64
}

type partialKey struct {
	name string
	dot  any
}

const maxPartials = 10_000
