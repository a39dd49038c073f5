package render

import (
	"bytes"
	"fmt"
	"html/template"
	"math"
	"reflect"
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
// and the interface language only (no function that reads anything else).
// dot must be a plain value: a string, number or bool, or a struct or
// array of them. A pointer would be remembered by its address and keep
// what it points to alive; a float NaN would never be found again.
func (r *Renderer) cached(name string, dot any) (template.HTML, error) {
	if !plainValue(reflect.ValueOf(dot)) {
		return "", fmt.Errorf("cached %q: dot must be a string, number or bool, or a struct or array of them, not %T", name, dot)
	}
	key := partialKey{name, dot}
	if html, ok := r.partials.Load(key); ok {
		return html, nil
	}
	var b bytes.Buffer
	if err := r.shared.ExecuteTemplate(&b, name, dot); err != nil {
		return "", fmt.Errorf("cached: %w", err)
	}
	html := template.HTML(b.String())
	r.partials.Store(key, html)
	return html, nil
}

// plainValue reports whether v holds only strings, numbers (no NaN) and
// bools, directly or in struct fields and array elements.
func plainValue(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.String, reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return true
	case reflect.Float32, reflect.Float64:
		return !math.IsNaN(v.Float())
	case reflect.Struct:
		for i := range v.NumField() {
			if !plainValue(v.Field(i)) {
				return false
			}
		}
		return true
	case reflect.Array:
		for i := range v.Len() {
			if !plainValue(v.Index(i)) {
				return false
			}
		}
		return true
	}
	return false
}

// partialKey names an output of cached. A theme that caches a partial by
// a dot that differs on every page fills the memo (Renderer.partials)
// only up to maxPartials before it starts again.
type partialKey struct {
	name string
	dot  any
}

const maxPartials = 10_000
