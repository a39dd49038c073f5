package serve

import (
	"bytes"
	_ "embed"
	"html/template"

	"clustersite/generator/model"
)

// The two paths the preview adds to the site. "_clustersite" cannot clash
// with a page: site URLs are slugs of [a-z0-9-].
const (
	eventsPath = "_clustersite/events"
	scriptPath = "_clustersite/reload.js"
)

//go:embed reload.js
var reloadJS []byte

//go:embed error.html
var errorHTML string

var errorTemplate = template.Must(template.New("error").Parse(errorHTML))

// scriptTag loads the reload script and tells it which version the page
// was rendered from.
func scriptTag(version string) []byte {
	var b bytes.Buffer
	b.WriteString(`<script src="/` + scriptPath + `" data-version="`)
	template.HTMLEscape(&b, []byte(version))
	b.WriteString(`"></script>`)
	return b.Bytes()
}

// injectScript inserts the reload script before the last </body>, or at
// the end of a page without one.
func injectScript(page []byte, version string) []byte {
	tag := scriptTag(version)
	i := bytes.LastIndex(bytes.ToLower(page), []byte("</body>"))
	if i < 0 {
		i = len(page)
	}
	out := make([]byte, 0, len(page)+len(tag)+1)
	out = append(out, page[:i]...)
	out = append(out, tag...)
	out = append(out, '\n')
	return append(out, page[i:]...)
}

// errorPage is the page shown instead of every page while the site
// cannot be built.
func errorPage(f *failure, version string) []byte {
	data := struct {
		Problems model.Problems
		Err      string
		Script   template.HTML
	}{Problems: f.Problems, Script: template.HTML(scriptTag(version))}
	if f.Err != nil {
		data.Err = f.Err.Error()
	}
	var b bytes.Buffer
	if err := errorTemplate.Execute(&b, data); err != nil {
		panic(err) // a fixed template on plain data: a bug
	}
	return b.Bytes()
}
