// Package build runs the whole pipeline: load config and content from the
// site folder, derive the site, render every page and write the output
// atomically. main and the dev server call it; it prints nothing.
package build

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"clustersite/generator/blobs"
	"clustersite/generator/config"
	"clustersite/generator/content"
	"clustersite/generator/model"
	"clustersite/generator/program"
	"clustersite/generator/render"
	"clustersite/generator/site"
)

// Options control a build. The zero value builds with the config's
// settings and the clock's date.
type Options struct {
	// Today overrides the build date (--today); zero: config, then clock.
	Today model.Date
	// BaseURL overrides config's base_url (--base-url) when not empty.
	BaseURL string
	// Drafts includes draft assessments.
	Drafts bool
	// Workers renders with this many goroutines; 0 means GOMAXPROCS.
	Workers int
	// Clock returns the current time; nil means time.Now.
	Clock func() time.Time
	// Progress, when set, follows the build as it goes.
	Progress *Progress
	// CacheDir, when set, is a folder outside the site folder where the
	// decoded content files are kept for the next build of the same site,
	// which then decodes only the files that changed (content.Options.
	// CacheDir). A Loader keeps them in memory and uses the folder only
	// when it has none there: at its first load, and when the portfolios
	// or methodology files changed. Run also keeps there the HTML rendered
	// from editors' Markdown, by the SHA-256 of its source, and renders
	// only Markdown it has not rendered before. The folder is trusted as
	// the site folder is: what it holds goes into the pages.
	CacheDir string
}

// Writer receives the output files. output.Dir implements it. Pages are
// written by several goroutines at once, so WriteFile must be safe for
// concurrent use.
type Writer interface {
	WriteFile(path string, data []byte) error
}

// Summary describes a finished build.
type Summary struct {
	Clusters, Assessments, Pages, Files int
	// Warnings found in the content (errors fail the build instead).
	Warnings model.Problems
	Duration time.Duration
}

// Inputs are the entries of the site folder a build reads: config.toml and
// the folders content/, templates/ and assets/. Nothing else in the folder
// (public/, .git/, a README) changes the output.
func Inputs() []string { return []string{config.FileName, "content", "templates", "assets"} }

// IsInput reports whether the slash-separated path, relative to the site
// folder, is or lies inside one of Inputs.
func IsInput(rel string) bool {
	for _, in := range Inputs() {
		if rel == in || strings.HasPrefix(rel, in+"/") {
			return true
		}
	}
	return false
}

// Loaded is the result of LoadModel: the content as loaded and the site
// derived from it.
type Loaded struct {
	// Directory is the validated content.
	Directory *model.Directory
	// Site is the public site derived from Directory.
	Site *site.Site
}

// Load reads config and content and derives the site. Content problems are
// returned as model.Problems (errors only fail; warnings come with a
// non-nil site).
func Load(siteDir fs.FS, opts Options) (*site.Site, model.Problems, error) {
	l, problems, err := LoadModel(siteDir, opts)
	if l == nil {
		return nil, problems, err
	}
	return l.Site, problems, nil
}

// LoadModel is Load that also returns the content directory, for checks
// that need the source files behind the site. It returns a nil *Loaded when
// the problems hold errors.
func LoadModel(siteDir fs.FS, opts Options) (*Loaded, model.Problems, error) {
	return loadModel(siteDir, opts, nil)
}

// newSite derives the site from dir: from the last one when there is a
// Loader.
func (l *Loader) newSite(dir *model.Directory, cfg config.Config, today model.Date) *site.Site {
	if l == nil {
		return site.New(dir, cfg, today)
	}
	return site.Next(l.last, dir, cfg, today)
}

// contentCache is the content cache of l, nil without a Loader.
func (l *Loader) contentCache() *content.Cache {
	if l == nil {
		return nil
	}
	return &l.cache
}

// Loader loads one site folder again and again, as the dev server does
// after every change: it gives what Load and LoadModel give, but keeps the
// decoded content files in memory between loads, so that a reload decodes
// only the files whose bytes changed (see content.Cache for why that can
// never give stale data), and derives the site from the last one
// (site.Next), so that a reload works out again only what the changed
// clusters change. The zero Loader is ready; it is safe for concurrent use.
type Loader struct {
	cache content.Cache
	mu    sync.Mutex
	// last is the site of the last successful load.
	last *site.Site
}

// NewLoader returns an empty Loader.
func NewLoader() *Loader { return new(Loader) }

// Changed tells l which paths of the site folder (site-relative,
// slash-separated; a folder stands for everything below it, "." for the
// whole folder) changed since the last load, as a file watcher reports
// them. Once told, l reads again only the content files at or below the
// paths it was told of, and takes every other one as it was without
// looking at it: at 10,000 clusters, looking at every file is most of a
// reload. So tell it every change, or never; after changes may have been
// missed, tell it ".".
func (l *Loader) Changed(paths []string) { l.cache.Changed(paths) }

// Load is Load with the cache of l. Use one Loader per site folder.
func (l *Loader) Load(siteDir fs.FS, opts Options) (*site.Site, model.Problems, error) {
	m, problems, err := l.LoadModel(siteDir, opts)
	if m == nil {
		return nil, problems, err
	}
	return m.Site, problems, nil
}

// LoadModel is LoadModel with the cache of l.
func (l *Loader) LoadModel(siteDir fs.FS, opts Options) (*Loaded, model.Problems, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	m, problems, err := loadModel(siteDir, opts, l)
	if m != nil {
		l.last = m.Site
	}
	return m, problems, err
}

// loadModel loads with the Loader l, or without one when l is nil.
func loadModel(siteDir fs.FS, opts Options, l *Loader) (*Loaded, model.Problems, error) {
	cfg, err := config.Load(siteDir)
	if err != nil {
		var ps model.Problems
		if errors.As(err, &ps) {
			return nil, ps, nil
		}
		return nil, nil, err
	}
	if opts.BaseURL != "" {
		c, err := config.Parse([]byte(fmt.Sprintf("base_url = %q", opts.BaseURL)))
		if err != nil {
			return nil, nil, fmt.Errorf("--base-url: %w", err)
		}
		cfg.BaseURL = c.BaseURL
	}
	today := opts.Today
	if today.IsZero() {
		today = cfg.TodayDate()
	}
	if today.IsZero() {
		clock := opts.Clock
		if clock == nil {
			clock = time.Now
		}
		today = model.DateOf(clock())
	}
	opts.Progress.enter(Loading)
	dir, problems := content.Load(siteDir, cfg, content.Options{
		Drafts: opts.Drafts, Cache: l.contentCache(), CacheDir: opts.CacheDir, Progress: opts.Progress.contentProgress(),
	})
	if len(problems.Errors()) > 0 {
		return nil, problems, nil
	}
	if cfg.BaseURL == "" {
		problems = append(problems, noFeedWarning())
	}
	return &Loaded{Directory: dir, Site: l.newSite(dir, cfg, today)}, problems, nil
}

// noFeedWarning says that a site without base_url gets no feed.xml: Atom
// requires absolute links and permanent ids.
func noFeedWarning() model.Problem {
	return model.Problem{Path: config.FileName, Field: "base_url", Severity: model.Warning,
		Message: "not set, so feed.xml is not written (an Atom feed needs absolute links); set it or pass --base-url"}
}

// Run builds the site from siteDir with the default theme and writes every
// file to w: pages, data files, assets, and feed.xml when base_url is set.
// It returns content problems as a model.Problems error.
func Run(ctx context.Context, siteDir, theme fs.FS, opts Options, w Writer) (Summary, error) {
	start := time.Now()
	s, problems, err := Load(siteDir, opts)
	if err != nil {
		return Summary{}, err
	}
	if s == nil {
		return Summary{Warnings: problems.Warnings()}, problems.Errors()
	}
	r, err := render.New(theme, siteDir, s.Config.Language)
	if err != nil {
		return Summary{}, err
	}
	markdown := openMarkdownStore(opts.CacheDir)
	// A store that cannot be written is no store: its errors are not the
	// build's, which has its pages either way. Close after PruneAndClose
	// does nothing.
	defer markdown.Close()
	if markdown != nil {
		r.KeepMarkdownIn(markdown)
	}
	pages, files, err := write(ctx, s, r, w, opts.Workers, opts.Progress)
	if err != nil {
		return Summary{}, err
	}
	// Every page asked for its Markdown: what no page asked for can go.
	markdown.PruneAndClose()
	return Summary{
		Clusters:    len(s.Clusters),
		Assessments: s.Assessments,
		Pages:       pages,
		Files:       files,
		Warnings:    problems.Warnings(),
		Duration:    time.Since(start),
	}, nil
}

// markdownStoreFile is the file in Options.CacheDir that keeps the HTML
// rendered from editors' Markdown.
const markdownStoreFile = "markdown.bin"

// openMarkdownStore opens the store of rendered Markdown in cacheDir; nil,
// no store, when cacheDir is "" or the program cannot be identified. What
// Markdown renders to depends on its source, which is the key, and on the
// program alone.
func openMarkdownStore(cacheDir string) *blobs.Store {
	if cacheDir == "" {
		return nil // and no need to hash the executable
	}
	prog := program.ID()
	if prog == ([sha256.Size]byte{}) {
		return nil
	}
	env := sha256.Sum256(append([]byte("clustersite rendered Markdown\n"), prog[:]...))
	return blobs.Open(filepath.Join(cacheDir, markdownStoreFile), env)
}

// Write renders every page of a loaded site with r and writes the pages,
// the data files, the assets and feed.xml (when base_url is set) to w,
// with workers goroutines (0 means GOMAXPROCS). It returns the number of
// pages and of files written.
func Write(ctx context.Context, s *site.Site, r *render.Renderer, w Writer, workers int) (pages, files int, err error) {
	return write(ctx, s, r, w, workers, nil)
}

// write is Write that reports to progress, which may be nil.
func write(ctx context.Context, s *site.Site, r *render.Renderer, w Writer, workers int, progress *Progress) (pages, files int, err error) {
	all := s.Pages()
	// The data files first: they are megabytes at 10,000 clusters, and
	// once written they need not stay in memory while pages render.
	progress.enter(WritingData)
	other, err := writeData(s, r, all, w)
	if err != nil {
		return 0, 0, err
	}
	progress.pagesToWrite(len(all))
	progress.enter(Rendering)
	if err := renderAll(ctx, r, all, w, workers, progress); err != nil {
		return 0, 0, err
	}
	return len(all), len(all) + other, nil
}

// writeData checks that no two output files of the site share a path,
// then writes the data files, the assets and the feed; it returns how
// many.
func writeData(s *site.Site, r *render.Renderer, pages []site.Page, w Writer) (int, error) {
	files := append(s.DataFiles(pages), r.Assets()...)
	if feed := r.Feed(s); feed != nil {
		files = append(files, site.File{Path: site.FeedPath, Data: feed})
	}
	if err := checkPaths(pages, files); err != nil {
		return 0, err
	}
	for _, f := range files {
		if err := w.WriteFile(f.Path, f.Data); err != nil {
			return 0, err
		}
	}
	return len(files), nil
}

// renderAll renders pages on a bounded pool of workers and writes each as
// soon as it is done, so memory holds a few pages, not the site.
func renderAll(ctx context.Context, r *render.Renderer, pages []site.Page, w Writer, workers int, progress *Progress) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	jobs := make(chan site.Page)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			var buf bytes.Buffer
			for p := range jobs {
				buf.Reset()
				err := r.Render(&buf, p)
				if err == nil {
					err = w.WriteFile(p.Path, buf.Bytes())
				}
				progress.pageWritten()
				if err != nil {
					cancel(err)
				}
			}
		})
	}
feed:
	for _, p := range pages {
		select {
		case jobs <- p:
		case <-ctx.Done():
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	if err := context.Cause(ctx); err != nil && !errors.Is(err, context.Canceled) {
		return err
	}
	return ctx.Err()
}
