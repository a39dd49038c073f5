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
// answer requests from it. It is never changed after load returns, so
// requests read it without locks.
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
	// pages by output path: "index.html", "clusters/x/index.html".
	pages map[string]site.Page
	// assets by hashed path: "assets/style.1a2b3c4d.css".
	assets map[string][]byte
	// data returns the data files (clusters.json, sitemap.xml, feed.xml,
	// ...) by path, computed on the first request for one: most reloads
	// never need them.
	data func() map[string][]byte
}

// failure is why a generation has no site.
type failure struct {
	// Problems are content or config errors.
	Problems model.Problems
	// Err is any other error: templates, I/O.
	Err error
}

// load reads the site folder once. It never fails: a site that cannot be
// loaded gives a generation with a failure, served as the error page.
func load(loader *build.Loader, siteDir, theme fs.FS, opts build.Options, version string) *generation {
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
	r, err := render.New(theme, siteDir, s.Config.Language)
	if err != nil {
		g.failure = &failure{Err: err}
		return g
	}
	g.warnings = len(problems.Warnings())
	g.site, g.renderer = s, r
	pages := s.Pages()
	g.pages = make(map[string]site.Page, len(pages))
	for _, p := range pages {
		g.pages[p.Path] = p
	}
	g.assets = map[string][]byte{}
	for _, f := range r.Assets() {
		g.assets[f.Path] = f.Data
	}
	g.data = sync.OnceValue(func() map[string][]byte {
		files := map[string][]byte{}
		for _, f := range s.DataFiles(pages) {
			files[f.Path] = f.Data
		}
		if feed := r.Feed(s); feed != nil {
			files[site.FeedPath] = feed
		}
		return files
	})
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
	if _, found := g.pages[rel+"/index.html"]; found && rel != "" {
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
	if data, found := g.data()[rel]; found {
		writeBody(w, r, http.StatusOK, contentType(rel), data)
		return
	}
	g.notFound(w, r)
}

// page finds the page at rel: "" and "x/" mean their index.html.
func (g *generation) page(rel string) (site.Page, bool) {
	if rel == "" || rel[len(rel)-1] == '/' {
		rel += "index.html"
	}
	p, ok := g.pages[rel]
	return p, ok
}

// notFound serves the site's 404 page with status 404.
func (g *generation) notFound(w http.ResponseWriter, r *http.Request) {
	p, ok := g.pages["404.html"]
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
