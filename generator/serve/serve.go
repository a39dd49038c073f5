// Package serve is the editors' live preview (`clustersite serve`): it
// serves the site from memory on a local address, watches the site folder
// and makes every open page reload by itself when a file changes.
//
// # Pipeline
//
// Each stage is a goroutine joined to the next by a channel:
//
//	watch.go     fsnotify on what a build reads (build.Inputs: config.toml,
//	             content/, templates/, assets/), recursively, adding folders
//	             created later; drops chmod-only events, hidden files and
//	             folders (.git, .#lock, .x.swp), editor backups and temp
//	             files (x~, 4913, x.tmp) and the --dest folder; sends "."
//	             (the whole folder) when events may have been lost
//	debounce.go  gathers changed paths into one batch until the events stop
//	             for a quiet period (20 ms), or at most 500 ms after the
//	             first one, and keeps gathering while a reload runs
//	serve.go     reloads: tells a build.Loader the paths of the batch,
//	             which reads those files only and derives the site from the
//	             last one, working out again what the changed clusters
//	             change; makes a renderer when the batch holds more than
//	             content; that is a generation. Pages are found and rendered
//	             on request, so a reload after one edit costs milliseconds
//	             at 10,000 clusters, not a whole site render
//	broker.go    one goroutine that tells every open page the new
//	             generation's version over Server-Sent Events
//	reload.js    the page side: an EventSource that reloads the page when
//	             the version differs from the one the page was rendered from
//
// A reload happens on every batch, and bumps the version even when the
// reload fails, so open pages show the errors and, once fixed, the content.
//
// # What is served
//
// Only GET and HEAD (405 otherwise), only what the build would write:
// "/x/" serves x/index.html, "/x" redirects to "/x/" when that is a page,
// everything else is 404 with the site's 404.html. A path with "." or ".."
// segments, empty segments, backslashes, NUL or an encoded slash or
// backslash is 404 before any lookup. Every HTML page gets a script tag
// before </body> that loads /_clustersite/reload.js; the live-reload
// stream is /_clustersite/events. Neither exists in `build` output.
//
// While the site cannot be loaded (config, content or template errors), or
// a page fails to render, every request except those two gets an error
// page listing the problems as path:line:column: field: message, with
// status 500; it reloads by itself when the problems are fixed.
//
// The site folder is opened with build.OpenSite: a symbolic link that
// leads out of it is an error (shown on the error page), never a file
// served.
//
// The base URL is the server's own, so canonical links and the 404 page
// point to the preview. Nothing is written to disk unless Options.Dest is
// set: then every successful reload also writes the whole site there,
// atomically (output.Create, Commit), in the background, newest first.
//
// Serve returns when its context is cancelled (Ctrl-C), after
// http.Server.Shutdown, with the watcher closed and every goroutine it
// started ended.
package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"clustersite/generator/build"
	"clustersite/generator/output"
	"clustersite/generator/render"
)

// Options configure a Server.
type Options struct {
	// Site is the site folder.
	Site string
	// Theme is the default theme: templates/ and assets/.
	Theme fs.FS
	// Build options: today, drafts. BaseURL, if set, replaces the
	// server's own URL.
	Build build.Options
	// Dest, if not "", is a folder to write the site to after every
	// successful reload.
	Dest string
	// Log receives a line for every reload, with its problems, and the
	// address served; nil discards them.
	Log io.Writer
	// Quiet and MaxWait tune the debouncer; zero means 20 ms and 500 ms.
	Quiet, MaxWait time.Duration
}

// Server is a live preview of one site folder. Create it with New and run
// it once with Serve.
type Server struct {
	opts Options
	// site is the site folder, opened by Serve (build.OpenSite).
	site   fs.FS
	loader *build.Loader
	broker *broker
	// gen is the generation requests are served from.
	gen atomic.Pointer[generation]
	// epoch makes versions unique across restarts of the server, so a page
	// left open while serve restarted reloads too.
	epoch string
	loads int
	log   *logger
	// dest holds the newest generation waiting to be written to Dest.
	dest chan *generation
}

// New returns a server for opts; it reads nothing until Serve.
func New(opts Options) *Server {
	if opts.Quiet <= 0 {
		// An editor's save is a burst of events within a millisecond or
		// two (vim: backup, write, chmod); 20 ms joins them and adds
		// little to a reload that takes tens of milliseconds.
		opts.Quiet = 20 * time.Millisecond
	}
	if opts.MaxWait <= 0 {
		opts.MaxWait = 500 * time.Millisecond
	}
	return &Server{
		opts:   opts,
		loader: build.NewLoader(),
		broker: newBroker(),
		epoch:  fmt.Sprintf("%x", time.Now().UnixNano()),
		log:    &logger{w: opts.Log},
		dest:   make(chan *generation, 1),
	}
}

// Serve loads the site, serves it on ln and reloads it on every change
// until ctx is cancelled. It returns nil after a clean shutdown.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	root, err := filepath.Abs(s.opts.Site)
	if err != nil {
		return err
	}
	site, closer, err := build.OpenSite(root)
	if err != nil {
		return err
	}
	defer closer.Close()
	s.site = site
	w, err := newWatcher(root, s.ignored(root), s.log)
	if err != nil {
		return err
	}
	url := baseURL(ln.Addr())
	if s.opts.Build.BaseURL == "" {
		s.opts.Build.BaseURL = url
	}
	s.gen.Store(s.load(nil))

	var wg sync.WaitGroup
	changes, batches := make(chan string), make(chan []string)
	wg.Go(func() { w.run(ctx, changes) })
	wg.Go(func() { debounce(ctx, changes, batches, s.opts.Quiet, s.opts.MaxWait) })
	wg.Go(func() { s.reloads(batches) })
	wg.Go(func() { s.broker.run(ctx, s.gen.Load().version) })
	if s.opts.Dest != "" {
		wg.Go(func() { s.writeDest(ctx) })
	}
	srv := &http.Server{
		Handler:           s,
		BaseContext:       func(net.Listener) context.Context { return ctx },
		ReadHeaderTimeout: 10 * time.Second,
		// "OPTIONS *" too goes to ServeHTTP, which allows GET and HEAD
		// only, instead of net/http's own 200.
		DisableGeneralOptionsHandler: true,
		ErrorLog:                     s.log.std(),
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	s.log.printf("serving %s at %s (Ctrl-C to stop)", s.opts.Site, url)

	select {
	case <-ctx.Done():
	case err = <-served:
		cancel()
		wg.Wait()
		return err
	}
	shutdown, stop := context.WithTimeout(context.Background(), 5*time.Second)
	defer stop()
	err = srv.Shutdown(shutdown) // stream handlers end with ctx
	if serr := <-served; !errors.Is(serr, http.ErrServerClosed) {
		err = errors.Join(err, serr)
	}
	wg.Wait()
	return err
}

// baseURL is the URL of the listener: "http://127.0.0.1:1313/". A
// wildcard address is shown as localhost.
func baseURL(addr net.Addr) string {
	host, port, err := net.SplitHostPort(addr.String())
	if err != nil {
		return "http://" + addr.String() + "/"
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, port) + "/"
}

// ignored returns the folders the watcher must skip besides hidden ones:
// the output folder, when it lies inside the site folder.
func (s *Server) ignored(root string) []string {
	if s.opts.Dest == "" {
		return nil
	}
	dest, err := filepath.Abs(s.opts.Dest)
	if err != nil {
		return nil
	}
	if rel, err := filepath.Rel(root, dest); err == nil && filepath.IsLocal(rel) {
		return []string{filepath.ToSlash(rel)}
	}
	return nil
}

// reloads turns every batch of changes into a new generation and tells
// the open pages.
func (s *Server) reloads(batches <-chan []string) {
	for batch := range batches {
		s.reload(batch)
	}
}

// reload serves a new generation and announces it to the open pages.
func (s *Server) reload(changed []string) {
	g := s.load(changed)
	s.gen.Store(g)
	s.broker.publish(g.version)
}

// load loads the next generation, logs it and queues it for Dest. changed
// are the paths that changed since the last load; nil for the first load.
func (s *Server) load(changed []string) *generation {
	start := time.Now()
	s.loads++
	var r *render.Renderer
	if changed != nil {
		s.loader.Changed(changed)
		if last := s.gen.Load(); last != nil && contentOnly(changed) {
			r = last.renderer // nil when the last load failed
		}
	}
	g := load(s.loader, s.site, s.opts.Theme, s.opts.Build, fmt.Sprintf("%s.%d", s.epoch, s.loads), r)
	s.log.generation(g, changed, time.Since(start))
	if s.opts.Dest != "" && g.failure == nil {
		s.queueDest(g)
	}
	return g
}

// contentOnly reports whether every path lies inside content/: the
// renderer, made from templates/, assets/ and the language of
// config.toml, is then the same.
func contentOnly(paths []string) bool {
	for _, p := range paths {
		if !strings.HasPrefix(p, "content/") {
			return false
		}
	}
	return true
}

// queueDest leaves g for writeDest, replacing a generation not yet
// written: only the newest one matters.
func (s *Server) queueDest(g *generation) {
	for {
		select {
		case s.dest <- g:
			return
		default:
			select {
			case <-s.dest:
			default:
			}
		}
	}
}

// writeDest writes queued generations to Dest until ctx ends.
func (s *Server) writeDest(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case g := <-s.dest:
			start := time.Now()
			if err := writeSite(ctx, g, s.opts.Dest); err != nil {
				s.log.printf("writing %s: %v", s.opts.Dest, err)
				continue
			}
			s.log.printf("wrote the site to %s in %s", s.opts.Dest, time.Since(start).Round(time.Millisecond))
		}
	}
}

func writeSite(ctx context.Context, g *generation, dest string) error {
	out, err := output.Create(dest)
	if err != nil {
		return err
	}
	if _, _, err := build.Write(ctx, g.site, g.renderer, out, 0); err != nil {
		out.Abort()
		return err
	}
	return out.Commit()
}

// ServeHTTP serves the current generation, the reload script and the event
// stream.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed: the preview serves GET and HEAD only", http.StatusMethodNotAllowed)
		return
	}
	rel, ok := sitePath(r)
	switch {
	case ok && rel == eventsPath:
		s.broker.ServeHTTP(w, r)
	case ok && rel == scriptPath:
		writeBody(w, r, http.StatusOK, "text/javascript; charset=utf-8", reloadJS)
	default:
		s.gen.Load().serve(w, r, rel, ok)
	}
}

// sitePath returns the request's path relative to the site root ("" for
// the home page), and false for a path that is not the canonical form of
// a file of a site: dot segments, empty segments, backslashes, NUL, or an
// encoded slash or backslash, which could reach outside the site if
// decoded again anywhere.
func sitePath(r *http.Request) (string, bool) {
	raw := strings.ToLower(r.URL.EscapedPath())
	if strings.Contains(raw, "%2f") || strings.Contains(raw, "%5c") {
		return "", false
	}
	p := r.URL.Path
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") {
		return "", false
	}
	rel := p[1:]
	segments := strings.Split(rel, "/")
	for i, seg := range segments {
		if seg == "." || seg == ".." || seg == "" && i < len(segments)-1 {
			return "", false
		}
	}
	return rel, true
}

// writeBody writes a complete response; HEAD gets the headers only.
func writeBody(w http.ResponseWriter, r *http.Request, status int, contentType string, body []byte) {
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Content-Length", fmt.Sprint(len(body)))
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}
