package render

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"html/template"
	"net/url"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Markdown renders editors' Markdown (descriptions, summaries,
// recommendations) safely:
//   - raw HTML is dropped (goldmark's default, never switched to unsafe);
//   - links keep only http, https and mailto URLs and relative ones; a link
//     with any other scheme (javascript:, vbscript:, data:, file:, …) becomes
//     its text;
//   - images become their alt text, so no page requests another host;
//   - headings start at level 3 so they sit under the page's own h1 and h2.
type Markdown struct {
	md   goldmark.Markdown
	bufs sync.Pool

	// recent are the last sources rendered and their HTML. A cluster's
	// page shows the summary of its latest report, and that report's page
	// is rendered right after it, so each summary would be converted
	// twice: 1.4 s of processor time at 10,000 clusters. Keyed by the
	// whole source, an entry cannot be stale.
	mu     sync.Mutex
	recent [16]rendered
	next   int

	// store, when set, keeps the HTML from one build to the next.
	store MarkdownStore
}

// A MarkdownStore keeps rendered Markdown from one build to the next, by
// the SHA-256 of its source; blobs.Store is one. Rendering Markdown is
// the only thing in a page that depends on nothing but its source text
// (and the program), and at 60 µs a field it is a tenth of a build's
// processor time.
type MarkdownStore interface {
	Get(key [sha256.Size]byte) (html string, ok bool)
	Put(key [sha256.Size]byte, html string)
}

// KeepMarkdownIn makes m read rendered Markdown from store, and put there
// what it renders anew. It must be called before m renders anything.
func (m *Markdown) KeepMarkdownIn(store MarkdownStore) { m.store = store }

type rendered struct {
	src  string
	html template.HTML
}

// NewMarkdown builds the renderer once; it is safe for concurrent use.
func NewMarkdown() *Markdown {
	md := goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Linkify),
		goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(safeTransformer{}, 100))),
	)
	return &Markdown{md: md, bufs: sync.Pool{New: func() any {
		out := new(mdOutput)
		out.w = bufio.NewWriter(&out.buf)
		return out
	}}}
}

// HTML renders src; an empty source gives an empty result.
func (m *Markdown) HTML(src string) template.HTML {
	if strings.TrimSpace(src) == "" {
		return ""
	}
	if html, ok := m.remembered(src); ok {
		return html
	}
	var html template.HTML
	if m.store == nil {
		html = m.convert(src)
	} else {
		key := m.key(src)
		if stored, ok := m.store.Get(key); ok {
			html = template.HTML(stored)
		} else {
			html = m.convert(src)
			m.store.Put(key, string(html))
		}
	}
	m.mu.Lock()
	m.recent[m.next] = rendered{src, html}
	m.next = (m.next + 1) % len(m.recent)
	m.mu.Unlock()
	return html
}

func (m *Markdown) remembered(src string) (template.HTML, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, r := range m.recent {
		if r.src == src { // same length first, then same bytes (or the same string)
			return r.html, true
		}
	}
	return "", false
}

// key is the key of src in the store: its SHA-256.
func (m *Markdown) key(src string) [sha256.Size]byte {
	out := m.bufs.Get().(*mdOutput)
	defer m.bufs.Put(out)
	out.buf.Reset()
	out.buf.WriteString(src) // a pooled copy: sha256 takes bytes only
	return sha256.Sum256(out.buf.Bytes())
}

func (m *Markdown) convert(src string) template.HTML {
	out := m.bufs.Get().(*mdOutput)
	defer m.bufs.Put(out)
	out.buf.Reset()
	out.w.Reset(&out.buf)
	b := &out.buf
	if err := m.md.Convert([]byte(src), out.w); err != nil {
		// goldmark only fails when the writer fails; a bytes.Buffer does
		// not. Show the text rather than nothing.
		return template.HTML(template.HTMLEscapeString(src))
	}
	return template.HTML(b.String()) // goldmark escapes text and drops raw HTML
}

// mdOutput is where Markdown is written: goldmark writes through a
// bufio.Writer and makes a new one for each document unless it is given
// one, so each buffer comes with its own.
type mdOutput struct {
	buf bytes.Buffer
	w   *bufio.Writer
}

// safeTransformer rewrites the parsed document before rendering.
type safeTransformer struct{}

func (safeTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	// The tree is changed after the walk: a node replaced during it has no
	// next sibling any more, and the walk would skip the rest of its
	// paragraph (an image or unsafe link after an unsafe autolink).
	var unwrap []ast.Node      // unsafe links and images: keep only their text
	var asText []*ast.AutoLink // unsafe autolinks: keep their label as text
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			n.Level = min(6, n.Level+2)
		case *ast.Link:
			if !SafeURL(renderedURL(n.Destination)) {
				unwrap = append(unwrap, n)
			}
		case *ast.AutoLink:
			if !SafeURL(string(n.URL(reader.Source()))) {
				asText = append(asText, n)
			}
		case *ast.Image:
			unwrap = append(unwrap, n)
		}
		return ast.WalkContinue, nil
	})
	for _, n := range asText {
		replaceWithText(n, n.Label(reader.Source()))
	}
	for _, n := range unwrap {
		replaceWithChildren(n)
	}
}

// renderedURL is a link destination as goldmark writes it into the href
// attribute, before percent-encoding: with backslash escapes removed and
// character references resolved. "&#106;avascript:" is "javascript:".
func renderedURL(dest []byte) string {
	return string(util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(dest))))
}

// SafeURL reports whether a link target may appear in a page: a relative
// URL, a fragment, or an absolute http, https or mailto URL. It reads raw
// as a browser does (the URL standard): tabs and line breaks anywhere are
// dropped, and so are controls and spaces at either end, so
// "java\tscript:" is a javascript: URL.
func SafeURL(raw string) bool {
	raw = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, raw)
	raw = strings.TrimFunc(raw, func(r rune) bool { return r <= ' ' })
	if raw == "" {
		return false
	}
	u, err := url.Parse(raw)
	if err != nil {
		return false
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https", "mailto":
		return true
	case "":
		// No scheme: but "java\tscript:" and friends parse oddly; refuse
		// anything with a colon before the first slash.
		first := strings.IndexAny(raw, "/?#")
		colon := strings.IndexByte(raw, ':')
		return colon < 0 || (first >= 0 && first < colon)
	}
	return false
}

func replaceWithText(n ast.Node, label []byte) {
	t := ast.NewString(label)
	n.Parent().ReplaceChild(n.Parent(), n, t)
}

func replaceWithChildren(n ast.Node) {
	parent := n.Parent()
	for c := n.FirstChild(); c != nil; {
		next := c.NextSibling()
		parent.InsertBefore(parent, n, c)
		c = next
	}
	parent.RemoveChild(parent, n)
}
