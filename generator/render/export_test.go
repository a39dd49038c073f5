package render

import "io/fs"

// NewUnfolded is New without folded translations, for the tests that
// compare both.
func NewUnfolded(theme, siteDir fs.FS, lang string) (*Renderer, error) {
	return newRenderer(theme, siteDir, lang, false)
}

// Folded is the number of translations folded into a page kind's
// templates.
func Folded(r *Renderer, kind string) int { return r.folded[kind] }
