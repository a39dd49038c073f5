// Package render turns the site's page data into HTML, writes the Atom
// feed and prepares the static assets: everything that depends on the
// interface language (translated text, dates, numbers) happens here.
//
// Templates and assets come from two fs.FS trees with the same layout,
// templates/ and assets/: the default theme embedded in the binary and the
// site folder. A site file with the same name as a default one replaces it;
// other site files are added. Each page kind ("directory", "cluster", …)
// is its own template set made of base.html, every partial whose name
// starts with "_", and <kind>.html, which defines "main". Templates
// receive the typed page data of the site package.
//
// Charts are inline SVG drawn by the chart package through template
// functions (charts.go); the feed (feed.go) and the JSON-LD of cluster
// pages (jsonld.go) are built with encoding/xml and encoding/json, never
// by pasting strings.
//
// Asset names carry a hash of their content ("assets/style.1a2b3c4d.css")
// so hosts can cache them for ever; templates ask for them by their plain
// name with {{asset "style.css"}}.
package render

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"

	"golang.org/x/text/language"

	"clustersite/generator/chart"
	"clustersite/generator/memo"
	"clustersite/generator/site"
)

// Renderer renders pages; build it once per build with New. It is safe for
// concurrent use.
type Renderer struct {
	pages map[string]*template.Template
	// shared holds the templates of base.html and the _*.html files
	// alone, from which cached executes partials (cached.go).
	shared   *template.Template
	partials memo.Map[partialKey, template.HTML]
	assets   []site.File
	hashed   map[string]string // "style.css" → "assets/style.1a2b3c4d.css"
	markdown *Markdown
	// lang is the interface language; cat its catalogue of interface
	// text; format its number formatter.
	lang   string
	cat    catalog
	format site.Formatter
	// boxes and phrases remember what every report draws and says
	// alike; see rows.go.
	boxes   chart.BoxMemo
	phrases memo.Map[any, string]
	icons   map[string]template.HTML // iconKinds drawn; read only after New
	// folded counts the translations folded into each page kind's
	// templates (fold.go).
	folded map[string]int
}

// New parses the templates and hashes the assets of the theme, with files of
// the site folder taking precedence.
func New(theme, siteDir fs.FS, lang string) (*Renderer, error) {
	return newRenderer(theme, siteDir, lang, true)
}

// newRenderer is New; fold is false only in tests that compare the
// templates with and without folded translations (fold.go).
func newRenderer(theme, siteDir fs.FS, lang string, fold bool) (*Renderer, error) {
	files := overlay{siteDir, theme}
	r := &Renderer{pages: map[string]*template.Template{}, hashed: map[string]string{}, folded: map[string]int{}, markdown: NewMarkdown(),
		lang: lang, format: site.NewFormatter(language.Make(lang))}
	r.partials.Max = maxPartials
	if err := r.loadAssets(files); err != nil {
		return nil, err
	}
	cat, err := loadCatalog(files, lang)
	if err != nil {
		return nil, err
	}
	r.cat = cat
	r.icons = map[string]template.HTML{}
	for _, kind := range iconKinds {
		r.icons[kind] = template.HTML(chart.Icon(kind))
	}
	if err := r.loadTemplates(files, newFuncs(r), fold); err != nil {
		return nil, err
	}
	return r, nil
}

// Render writes the page's HTML to w.
func (r *Renderer) Render(w io.Writer, p site.Page) error {
	t := r.pages[p.Template]
	if t == nil {
		return fmt.Errorf("render %s: no template for page kind %q", p.Path, p.Template)
	}
	if err := t.ExecuteTemplate(w, "base.html", p.Data); err != nil {
		return fmt.Errorf("render %s: %w", p.Path, err)
	}
	return nil
}

// KeepMarkdownIn makes r read the HTML of editors' Markdown from store,
// and put there what it renders anew (Markdown.KeepMarkdownIn). It must be
// called before r renders anything.
func (r *Renderer) KeepMarkdownIn(store MarkdownStore) { r.markdown.KeepMarkdownIn(store) }

// Assets returns the asset files under their hashed names.
func (r *Renderer) Assets() []site.File { return r.assets }

// AssetURL returns the hashed, site-relative path of an asset.
func (r *Renderer) AssetURL(name string) (string, bool) {
	u, ok := r.hashed[name]
	return u, ok
}

func (r *Renderer) loadAssets(files overlay) error {
	names, err := files.list("assets")
	if err != nil {
		return err
	}
	for _, name := range names {
		data, err := files.read("assets/" + name)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		ext := path.Ext(name)
		hashed := "assets/" + strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:4]) + ext
		r.hashed[name] = hashed
		r.assets = append(r.assets, site.File{Path: hashed, Data: data})
	}
	return nil
}

func (r *Renderer) loadTemplates(files overlay, funcs template.FuncMap, fold bool) error {
	names, err := files.list("templates")
	if err != nil {
		return err
	}
	var shared, kinds []string
	for _, n := range names {
		switch {
		case path.Ext(n) != ".html":
		case n == "base.html" || strings.HasPrefix(n, "_"):
			shared = append(shared, n)
		default:
			kinds = append(kinds, n)
		}
	}
	if !slices.Contains(shared, "base.html") {
		return errors.New("templates: no base.html")
	}
	// The shared set alone, for cached partials. It is not folded: cached
	// runs each partial a few times only, and folding escapes base.html,
	// which needs "main".
	set, err := parseTemplates("page:", funcs, files, shared)
	if err != nil {
		return err
	}
	r.shared = set
	for _, k := range kinds {
		t, err := parseTemplates("page:"+k, funcs, files, slices.Concat(shared, []string{k}))
		if err != nil {
			return err
		}
		kind := strings.TrimSuffix(k, ".html")
		if fold {
			n, err := foldTranslations(t, r.cat)
			if err != nil {
				return fmt.Errorf("templates: %w", err)
			}
			r.folded[kind] = n
		}
		r.pages[kind] = t
	}
	return nil
}

// parseTemplates parses the files of templates/ with these names into one
// set under a root named root. The root must not be named like one of the
// files: parsing a file into a template of the root's own name drops the
// functions.
func parseTemplates(root string, funcs template.FuncMap, files overlay, names []string) (*template.Template, error) {
	t := template.New(root).Funcs(funcs)
	for _, n := range names {
		src, err := files.read("templates/" + n)
		if err != nil {
			return nil, err
		}
		if _, err := t.New(n).Parse(string(src)); err != nil {
			return nil, fmt.Errorf("templates: %w", err)
		}
	}
	return t, nil
}

// overlay reads a file from the first tree that has it.
type overlay []fs.FS

func (o overlay) read(name string) ([]byte, error) {
	for _, fsys := range o {
		data, err := fs.ReadFile(fsys, name)
		if err == nil {
			return data, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	return nil, fmt.Errorf("%s: %w", name, fs.ErrNotExist)
}

// list returns the sorted union of regular file names (relative, slash
// separated, recursive) under dir in every tree.
func (o overlay) list(dir string) ([]string, error) {
	seen := map[string]bool{}
	for _, fsys := range o {
		err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if errors.Is(err, fs.ErrNotExist) && p == dir {
					return fs.SkipDir
				}
				return err
			}
			if d.Type().IsRegular() && !strings.HasPrefix(d.Name(), ".") {
				seen[strings.TrimPrefix(p, dir+"/")] = true
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	names := make([]string, 0, len(seen))
	for n := range seen {
		names = append(names, n)
	}
	slices.Sort(names)
	return names, nil
}
