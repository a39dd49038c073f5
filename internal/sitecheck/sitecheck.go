// Package sitecheck checks a built site folder the way a careful reviewer
// would, and returns what is wrong as findings; the tests of the project
// run it over the built sample site and fail on any finding.
//
// Checks of the files alone, each taking the output folder:
//
//   - Links: every internal reference of every page (href, src, srcset,
//     poster, action, formaction, object data, SVG use) and every CSS url()
//     and @import, in stylesheets, style elements and style attributes,
//     names a file of the folder; a fragment names an id of its HTML page.
//     A link to a folder must end in a slash; the folder must hold
//     index.html. External references (with a scheme, or starting with
//     //) are not followed. A path starting with / is resolved against the
//     folder: the 404 page is served at any depth and uses them.
//   - Orphans: every HTML page can be reached from index.html by following
//     references; 404.html is exempt, the server shows it.
//   - Outline: the headings of a page form an outline: one h1, first; no
//     level skipped on the way down; none empty.
//   - Tables: every table has header cells, none of them empty.
//   - Alternatives: every img has an alt attribute; every svg is either
//     hidden from assistive technology (aria-hidden="true") or an image
//     (role="img") with a name (aria-label, aria-labelledby naming
//     elements with text, or a title child).
//
// Checks that need other programs: Validator.Validate runs the W3C Nu
// HTML Checker (vnu.jar, with Java) over every HTML and CSS file of the
// folder in one run; in a browser tab (chromedp), Axe runs axe-core,
// Overflow measures whether the page scrolls sideways and CutOff names the
// boxes whose content is cut off at their right edge. FindValidator and
// FindAxe look the programs up; NeedValidator and NeedAxe skip a test
// without them, or fail it when CI=true.
//
// Contrast computes the WCAG contrast ratio of two colours.
//
// Pages are parsed as a browser without scripting would parse them, so
// links inside noscript count.
package sitecheck

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// Finding is one thing wrong with one file of the site.
type Finding struct {
	// Page is the slash path of the file within the folder
	// ("clusters/x/index.html", "assets/style.css").
	Page string
	// Check names the rule: link, fragment, folder-link, orphan, heading,
	// table, alt, html, css, axe, overflow.
	Check string
	// Message says what is wrong, quoting the reference or element.
	Message string
}

func (f Finding) String() string { return f.Page + ": " + f.Check + ": " + f.Message }

// site is a folder read into memory: every file's name, and the parsed
// HTML pages.
type site struct {
	files map[string]bool
	pages map[string]*goquery.Document
	css   map[string][]byte // stylesheets by name
}

// load reads every file name of dir and parses its HTML pages.
func load(dir string) (*site, error) {
	s := &site{files: map[string]bool{}, pages: map[string]*goquery.Document{}, css: map[string][]byte{}}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		name := filepath.ToSlash(rel)
		s.files[name] = true
		switch path.Ext(name) {
		case ".html":
			doc, err := parse(p)
			if err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			s.pages[name] = doc
		case ".css":
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			s.css[name] = data
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("sitecheck: %w", err)
	}
	if len(s.pages) == 0 {
		return nil, fmt.Errorf("sitecheck: no HTML page in %s", dir)
	}
	return s, nil
}

// parse reads an HTML file as a browser without scripting does: the
// contents of noscript are elements, not text.
func parse(file string) (*goquery.Document, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	root, err := html.ParseWithOptions(bytes.NewReader(data), html.ParseOptionEnableScripting(false))
	if err != nil {
		return nil, err
	}
	return goquery.NewDocumentFromNode(root), nil
}

// pageNames returns the HTML pages in order.
func (s *site) pageNames() []string { return sortedKeys(s.pages) }

// perPage loads dir and runs check on every page, in name order.
func perPage(dir string, check func(name string, doc *goquery.Document) []Finding) ([]Finding, error) {
	s, err := load(dir)
	if err != nil {
		return nil, err
	}
	var out []Finding
	for _, name := range s.pageNames() {
		out = append(out, check(name, s.pages[name])...)
	}
	return out, nil
}

// describe shows an element briefly in a message: <tag id class>.
func describe(sel *goquery.Selection) string {
	var b strings.Builder
	b.WriteString("<" + goquery.NodeName(sel))
	for _, attr := range []string{"id", "class", "href", "src"} {
		if v, ok := sel.Attr(attr); ok {
			fmt.Fprintf(&b, " %s=%q", attr, v)
		}
	}
	b.WriteString(">")
	return b.String()
}

// text is the element's text with white space collapsed.
func text(sel *goquery.Selection) string {
	return strings.Join(strings.Fields(sel.Text()), " ")
}

// sortedKeys returns the keys of m in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// Pages returns the HTML pages of dir by slash path, in order.
func Pages(dir string) ([]string, error) {
	s, err := load(dir)
	if err != nil {
		return nil, err
	}
	return s.pageNames(), nil
}
