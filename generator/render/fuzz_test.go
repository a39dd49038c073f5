package render

import (
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// FuzzMarkdown renders arbitrary Markdown and parses the result as a
// browser would: it must never panic, hold only the elements goldmark
// writes for Markdown (no script, style, iframe, img, svg, form…), no
// event-handler attribute, and no link whose target a browser would read
// as anything but http, https, mailto or relative. The seed corpus is in
// testdata/fuzz/FuzzMarkdown.
func FuzzMarkdown(f *testing.F) {
	for _, s := range []string{
		"# Title\n\nSome *text* with [a link](https://example.org \"t\") and <b>raw</b> HTML.",
		"[x](javascript:alert(1)) [y](&#106;avascript:alert(1)) <javascript:alert(1)> www.example.org",
		"| a | b |\n|:-|-:|\n| <script>alert(1)</script> | ~~c~~ |",
	} {
		f.Add(s)
	}
	md := NewMarkdown()
	f.Fuzz(func(t *testing.T, src string) {
		out := string(md.HTML(src))
		if problem := unsafeMarkup(out); problem != "" {
			t.Fatalf("HTML(%q) = %q: %s", src, out, problem)
		}
	})
}

// markdownElements are the elements goldmark writes for Markdown with the
// extensions of NewMarkdown, headings from h3 (see Markdown).
var markdownElements = map[string]bool{
	"p": true, "a": true, "em": true, "strong": true, "code": true, "pre": true, "blockquote": true, "ul": true,
	"ol": true, "li": true, "hr": true, "br": true, "h3": true, "h4": true, "h5": true, "h6": true, "table": true,
	"thead": true, "tbody": true, "tr": true, "th": true, "td": true, "del": true,
}

var markdownAttributes = map[string]bool{"href": true, "title": true, "start": true, "style": true, "class": true}

// tableAlign is the only style goldmark writes: table column alignment.
var tableAlign = regexp.MustCompile(`^text-align:(left|right|center)$`)

var urlScheme = regexp.MustCompile(`^([a-zA-Z][a-zA-Z0-9+.-]*):`)

// unsafeMarkup says what in out could run or load something, or "".
func unsafeMarkup(out string) string {
	if strings.Contains(strings.ToLower(out), "<script") {
		return "<script"
	}
	nodes, err := html.ParseFragment(strings.NewReader(out), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil {
		return err.Error()
	}
	for _, top := range nodes {
		for n := range top.Descendants() {
			if problem := unsafeNode(n); problem != "" {
				return problem
			}
		}
		if problem := unsafeNode(top); problem != "" {
			return problem
		}
	}
	return ""
}

func unsafeNode(n *html.Node) string {
	if n.Type != html.ElementNode {
		return ""
	}
	if !markdownElements[n.Data] {
		return "element <" + n.Data + ">"
	}
	for _, a := range n.Attr {
		switch {
		case strings.HasPrefix(strings.ToLower(a.Key), "on"):
			return "event handler " + a.Key
		case !markdownAttributes[a.Key]:
			return "attribute " + a.Key
		case a.Key == "class" && !strings.HasPrefix(a.Val, "language-"):
			return "class " + a.Val
		case a.Key == "style" && !tableAlign.MatchString(a.Val):
			return "style " + a.Val
		case a.Key == "href" && !browserSafeURL(a.Val):
			return "href " + a.Val
		}
	}
	return ""
}

// browserSafeURL reads u as the URL standard does (tabs and line breaks
// dropped, controls and spaces trimmed) and accepts only http, https,
// mailto and relative URLs.
func browserSafeURL(u string) bool {
	u = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, u)
	u = strings.TrimFunc(u, func(r rune) bool { return r <= ' ' })
	m := urlScheme.FindStringSubmatch(u)
	if m == nil {
		return true
	}
	switch strings.ToLower(m[1]) {
	case "http", "https", "mailto":
		return true
	}
	return false
}
