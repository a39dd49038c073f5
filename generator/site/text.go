package site

// Text is interface text that the renderer shows in the site language:
// Key is the English text as the catalogues (templates/i18n/<lang>.toml)
// index it, a fmt format; Args are formatted into the translation. The
// renderer shows an argument of type model.Date, model.Label,
// model.Status or Text in the site language too, and anything else with
// fmt.
//
// Page titles and descriptions are Text because the site package decides
// what a page is about, while only the renderer knows the language.
type Text struct {
	Key  string
	Args []any
}

// msg makes a Text. Every call must pass a string literal as key: a test
// collects them to check the catalogues are complete.
func msg(key string, args ...any) Text { return Text{Key: key, Args: args} }

// Verbatim is text shown as it is in every language: a name, a title from
// config.
func Verbatim(s string) Text { return Text{Key: "%s", Args: []any{s}} }
