package sitecheck

import (
	"fmt"
	"net/url"
	"path"
	"regexp"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// Links returns every internal reference of the site in dir that does not
// resolve: to no file (check "link"), to a folder without the closing
// slash (check "folder-link") or to no id of its page (check "fragment").
func Links(dir string) ([]Finding, error) {
	s, err := load(dir)
	if err != nil {
		return nil, err
	}
	ids := map[string]map[string]bool{}
	for name, doc := range s.pages {
		ids[name] = map[string]bool{}
		doc.Find("[id]").Each(func(_ int, e *goquery.Selection) { ids[name][e.AttrOr("id", "")] = true })
	}
	var out []Finding
	check := func(from, raw string) {
		file, frag, internal := resolve(from, raw)
		switch {
		case !internal:
		case !s.files[file] && s.files[file+"/index.html"]:
			out = append(out, Finding{from, "folder-link", fmt.Sprintf("%q names the folder %s without the closing slash: its own links would resolve against the parent", raw, file)})
		case !s.files[file]:
			out = append(out, Finding{from, "link", fmt.Sprintf("%q: no file %s", raw, file)})
		case frag != "" && ids[file] != nil && !ids[file][frag]:
			out = append(out, Finding{from, "fragment", fmt.Sprintf("%q: no id %q in %s", raw, frag, file)})
		}
	}
	for _, name := range s.pageNames() {
		for _, raw := range pageRefs(s.pages[name]) {
			check(name, raw)
		}
	}
	for _, name := range sortedKeys(s.css) {
		for _, raw := range cssRefs(string(s.css[name])) {
			check(name, raw)
		}
	}
	return out, nil
}

// Orphans returns every HTML page of the site in dir that cannot be
// reached from index.html by following references; 404.html is exempt.
func Orphans(dir string) ([]Finding, error) {
	s, err := load(dir)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{"404.html": true}
	queue := []string{"index.html"}
	for len(queue) > 0 {
		name := queue[0]
		queue = queue[1:]
		if seen[name] || s.pages[name] == nil {
			continue
		}
		seen[name] = true
		for _, raw := range pageRefs(s.pages[name]) {
			if file, _, internal := resolve(name, raw); internal && path.Ext(file) == ".html" {
				queue = append(queue, file)
			}
		}
	}
	var out []Finding
	for _, name := range s.pageNames() {
		if !seen[name] {
			out = append(out, Finding{name, "orphan", "no link leads here from index.html"})
		}
	}
	return out, nil
}

// resolve turns a reference of the file from into the slash path of the
// file it names and its fragment; internal is false for external and
// unparsable references. A path ending in a slash names the folder's
// index.html.
func resolve(from, raw string) (file, frag string, internal bool) {
	raw = strings.TrimSpace(raw)
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "" || u.Host != "" || strings.HasPrefix(raw, "//") {
		return "", "", false
	}
	t := (&url.URL{Path: "/" + from}).ResolveReference(u)
	file = strings.TrimPrefix(t.Path, "/")
	if file == "" || strings.HasSuffix(file, "/") {
		file += "index.html"
	}
	return file, u.Fragment, true
}

// refAttrs are the attributes whose value is a URL, by element ("" for
// any element).
var refAttrs = map[string]string{
	"href": "", "src": "", "poster": "", "action": "", "formaction": "", "data": "object",
}

// pageRefs returns every reference of a page, in document order: URL
// attributes, srcset candidates and CSS in style elements and attributes.
func pageRefs(doc *goquery.Document) []string {
	var refs []string
	for _, n := range doc.Find("*").Nodes {
		for _, a := range n.Attr {
			switch {
			case a.Key == "srcset":
				refs = append(refs, srcsetURLs(a.Val)...)
			case a.Key == "style":
				refs = append(refs, cssRefs(a.Val)...)
			default:
				if only, ok := refAttrs[a.Key]; ok && (only == "" || only == n.Data) {
					refs = append(refs, a.Val)
				}
			}
		}
		if n.Data == "style" && n.FirstChild != nil && n.FirstChild.Type == html.TextNode {
			refs = append(refs, cssRefs(n.FirstChild.Data)...)
		}
	}
	return refs
}

// srcsetURLs returns the URLs of a srcset value: comma-separated
// candidates, each a URL and an optional descriptor.
func srcsetURLs(v string) []string {
	var urls []string
	for _, c := range strings.Split(v, ",") {
		if f := strings.Fields(c); len(f) > 0 {
			urls = append(urls, f[0])
		}
	}
	return urls
}

var (
	cssComment = regexp.MustCompile(`(?s)/\*.*?\*/`)
	cssURL     = regexp.MustCompile(`url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')`)
)

// cssRefs returns the url() and @import references of CSS text, data:
// URLs left out.
func cssRefs(css string) []string {
	var refs []string
	for _, m := range cssURL.FindAllStringSubmatch(cssComment.ReplaceAllString(css, ""), -1) {
		ref := strings.Join(m[1:], "") // exactly one group matched
		if ref != "" && !strings.HasPrefix(strings.ToLower(ref), "data:") {
			refs = append(refs, ref)
		}
	}
	return refs
}
