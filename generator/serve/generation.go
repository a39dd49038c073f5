package serve

import (
	"bytes"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"sync"

	"clustersite/generator/build"
	"clustersite/generator/model"
	"clustersite/generator/render"
	"clustersite/generator/site"
)

// generation is one load of the site folder and everything needed to
// answer requests from it. It is never changed after load returns, but for
// the data files made on request, under their lock, so requests read it
// without locks.
type generation struct {
	// version names the generation in the pages rendered from it.
	version string
	// failure is set when the site cannot be loaded; the fields below
	// are then zero.
	failure *failure
	// warnings of the content, for the log.
	warnings int

	site     *site.Site
	renderer *render.Renderer
	// assets by hashed path: "assets/style.1a2b3c4d.css".
	assets map[string][]byte
	// data holds the data files (clusters.json, sitemap.xml, feed.xml,
	// ...) asked for so far: each is made on the first request for it,
	// as most reloads never need them, and some take a second to make at
	// 10,000 clusters.
	data struct {
		sync.Mutex
		files map[string][]byte
	}
}

// failure is why a generation has no site.
type failure struct {
	// Problems are content or config errors.
	Problems model.Problems
	// Err is any other error: templates, I/O.
	Err error
}

// load reads the site folder once. It never fails: a site that cannot be
// loaded gives a generation with a failure, served as the error page. r,
// when not nil, is the renderer of the last generation, to use again: the
// templates, assets and language have not changed.
//
// Pages are found and rendered on request (site.Page), and each data file
// made on the first request for it, so that a reload costs a model load
// and no more.
func load(loader *build.Loader, siteDir, theme fs.FS, opts build.Options, version string, r *render.Renderer) *generation {
	g := &generation{version: version}
	s, problems, err := loader.Load(siteDir, opts)
	switch {
	case err != nil:
		g.failure = &failure{Err: err}
		return g
	case s == nil:
		g.failure = &failure{Problems: problems.Errors()}
		return g
	}
	if r == nil {
		if r, err = render.New(theme, siteDir, s.Config.Language); err != nil {
			g.failure = &failure{Err: err}
			return g
		}
	}
	g.warnings = len(problems.Warnings())
	g.site, g.renderer = s, r
	g.assets = map[string][]byte{}
	for _, f := range r.Assets() {
		g.assets[f.Path] = f.Data
	}
	return g
}

// serve answers a request for the site-relative path rel; ok is false for
// a path sitePath refused.
func (g *generation) serve(w http.ResponseWriter, r *http.Request, rel string, ok bool) {
	if g.failure != nil {
		g.writeFailure(w, r, g.failure)
		return
	}
	if !ok {
		g.notFound(w, r)
		return
	}
	if p, found := g.page(rel); found {
		g.writePage(w, r, http.StatusOK, p)
		return
	}
	if _, found := g.site.Page(rel + "/index.html"); found && rel != "" {
		target := "/" + rel + "/"
		if r.URL.RawQuery != "" {
			target += "?" + r.URL.RawQuery
		}
		http.Redirect(w, r, target, http.StatusMovedPermanently)
		return
	}
	if data, found := g.assets[rel]; found {
		writeBody(w, r, http.StatusOK, contentType(rel), data)
		return
	}
	if data, found := g.dataFile(rel); found {
		writeBody(w, r, http.StatusOK, contentType(rel), data)
		return
	}
	g.notFound(w, r)
}

// dataFile returns the data file at rel, made on the first request.
func (g *generation) dataFile(rel string) ([]byte, bool) {
	g.data.Lock()
	defer g.data.Unlock()
	if data, ok := g.data.files[rel]; ok {
		return data, true
	}
	var data []byte
	if rel == site.FeedPath {
		data = g.renderer.Feed(g.site) // nil without base_url
	} else if f, ok := g.site.DataFile(rel); ok {
		data = f.Data
	}
	if data == nil {
		return nil, false
	}
	if g.data.files == nil {
		g.data.files = map[string][]byte{}
	}
	g.data.files[rel] = data
	return data, true
}

// page finds the page at rel: "" and "x/" mean their index.html.
func (g *generation) page(rel string) (site.Page, bool) {
	if rel == "" || rel[len(rel)-1] == '/' {
		rel += "index.html"
	}
	return g.site.Page(rel)
}

// notFound serves the site's 404 page with status 404.
func (g *generation) notFound(w http.ResponseWriter, r *http.Request) {
	p, ok := g.site.Page("404.html")
	if !ok {
		http.NotFound(w, r)
		return
	}
	g.writePage(w, r, http.StatusNotFound, p)
}

// writePage renders p into a buffer, so that a template error becomes the
// error page rather than half a page, and adds the reload script.
func (g *generation) writePage(w http.ResponseWriter, r *http.Request, status int, p site.Page) {
	var buf bytes.Buffer
	if err := g.renderer.Render(&buf, p); err != nil {
		g.writeFailure(w, r, &failure{Err: err})
		return
	}
	writeBody(w, r, status, "text/html; charset=utf-8", injectScript(buf.Bytes(), g.version))
}

// writeFailure serves the error page with status 500.
func (g *generation) writeFailure(w http.ResponseWriter, r *http.Request, f *failure) {
	writeBody(w, r, http.StatusInternalServerError, "text/html; charset=utf-8", errorPage(f, g.version))
}

// contentType is the media type of an output file by its extension.
func contentType(name string) string {
	switch path.Ext(name) {
	case ".html":
		return "text/html; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".js", ".mjs":
		return "text/javascript; charset=utf-8"
	case ".json":
		return "application/json"
	case ".xml":
		return "application/xml"
	case ".txt":
		return "text/plain; charset=utf-8"
	case ".csv":
		return "text/csv; charset=utf-8"
	}
	if t := mime.TypeByExtension(path.Ext(name)); t != "" {
		return t
	}
	return "application/octet-stream"
}
