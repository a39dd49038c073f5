package render

import (
	"errors"
	"fmt"
	"io/fs"

	"github.com/BurntSushi/toml"

	"clustersite/generator/model"
	"clustersite/generator/site"
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
// Placeholders follow fmt: {{t "Page %d of %d" .Page .Pages}}; a
// translation may reorder them with explicit indexes (%[2]s).
//
// Text chosen by the site package (page titles, descriptions) arrives as
// site.Text and is shown with {{tx .Title}}. Names of labels, statuses and
// positions come from the model in English and are translated by value:
// {{t .Label.Title}}.

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

// text shows a site.Text in the site language.
func (r *Renderer) text(t site.Text) string {
	args := make([]any, len(t.Args))
	for i, a := range t.Args {
		args[i] = r.arg(a)
	}
	return r.cat.translate(t.Key, args...)
}

// arg shows a Text argument in the site language: dates for reading,
// label and status names translated, nested Text in turn.
func (r *Renderer) arg(a any) any {
	switch v := a.(type) {
	case model.Date:
		return formatDate(r.lang, v)
	case model.Label:
		return r.cat.translate(v.Title())
	case model.Status:
		return r.cat.translate(v.Title())
	case site.Text:
		return r.text(v)
	}
	return a
}
