package render

import (
	"errors"
	"fmt"
	"io/fs"

	"github.com/BurntSushi/toml"
)

// Interface strings are written in English in templates, wrapped in the
// t function: {{t "Valid until"}}. For another language, the theme holds
// templates/i18n/<lang>.toml, a flat table from the English text to the
// translation:
//
//	"Valid until" = "Gültig bis"
//
// A site may override the file like any template. A missing translation
// falls back to the English text, so a partial catalogue still builds.
// Placeholders follow fmt: {{t "Page %d of %d" .Page .Pages}}.

// catalog maps English interface text to the site language.
type catalog map[string]string

// loadCatalog reads templates/i18n/<lang>.toml; English needs none.
func loadCatalog(files overlay, lang string) (catalog, error) {
	data, err := files.read("templates/i18n/" + lang + ".toml")
	if errors.Is(err, fs.ErrNotExist) {
		return catalog{}, nil
	}
	if err != nil {
		return nil, err
	}
	c := catalog{}
	if _, err := toml.Decode(string(data), &c); err != nil {
		return nil, fmt.Errorf("templates/i18n/%s.toml: %w", lang, err)
	}
	return c, nil
}

// translate returns the text in the site language, formatting args into
// it when given.
func (c catalog) translate(text string, args ...any) string {
	if tr, ok := c[text]; ok && tr != "" {
		text = tr
	}
	if len(args) > 0 {
		return fmt.Sprintf(text, args...)
	}
	return text
}
