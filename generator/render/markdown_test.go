package render

import (
	"crypto/sha256"
	"fmt"
	"strings"
	"testing"
)

func TestMarkdownIsSafe(t *testing.T) {
	md := NewMarkdown()
	for _, tc := range []struct {
		name, src string
		want      []string // substrings that must appear
		never     []string // substrings that must not appear
	}{
		{"raw HTML is dropped", "Hi <script>alert(1)</script> <b onclick=x>b</b>", []string{"Hi"}, []string{"<script", "onclick", "<b"}},
		{"javascript link becomes text", "[click](javascript:alert(1))", []string{"click"}, []string{"href", "javascript"}},
		{"mixed-case scheme", "[x](JaVaScRiPt:alert(1))", []string{"x"}, []string{"href"}},
		{"vbscript link", "[x](vbscript:msgbox)", nil, []string{"href"}},
		{"data link", "[x](data:text/html;base64,PHNjcmlwdD4=)", nil, []string{"href"}},
		{"https link kept", "[site](https://qoot.org)", []string{`<a href="https://qoot.org">site</a>`}, nil},
		{"relative link kept", "[r](../x/)", []string{`href="../x/"`}, nil},
		{"mailto kept", "<mailto:a@b.org>", []string{`href="mailto:a@b.org"`}, nil},
		{"image becomes alt text", "![logo](https://tracker.example/p.png)", []string{"logo"}, []string{"<img", "tracker"}},
		{"headings start at h3", "# Top\n\n## Next", []string{"<h3", "<h4"}, []string{"<h1", "<h2"}},
		{"text is escaped", "a < b & \"c\"", []string{"a &lt; b &amp; &quot;c&quot;"}, nil},
		{"autolink with bad scheme", "<javascript:alert(1)>", nil, []string{"href"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := string(md.HTML(tc.src))
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("HTML(%q) = %q, lacks %q", tc.src, got, w)
				}
			}
			for _, n := range tc.never {
				if strings.Contains(strings.ToLower(got), strings.ToLower(n)) {
					t.Errorf("HTML(%q) = %q, contains %q", tc.src, got, n)
				}
			}
		})
	}
}

func TestSafeURL(t *testing.T) {
	for url, want := range map[string]bool{
		"https://a.org": true, "http://a.org/x?y#z": true, "mailto:x@y.z": true, "../a/": true, "#frag": true, "a/b:c": true,
		"javascript:x": false, " javascript:x": false, "JAVASCRIPT:x": false, "data:x": false, "vbscript:x": false,
		"file:///etc/passwd": false, "": false, "ftp://x": false, "java\tscript:x": false,
	} {
		if got := SafeURL(url); got != want {
			t.Errorf("SafeURL(%q) = %t, want %t", url, got, want)
		}
	}
}

func TestCatalogFallsBackToEnglish(t *testing.T) {
	c := catalog{"Valid until": "Gültig bis", "Page %d of %d": "Seite %d von %d"}
	for _, tc := range []struct {
		text string
		args []any
		want string
	}{
		{"Valid until", nil, "Gültig bis"},
		{"Page %d of %d", []any{2, 5}, "Seite 2 von 5"},
		{"Untranslated", nil, "Untranslated"},
	} {
		if got := c.translate(tc.text, tc.args...); got != tc.want {
			t.Errorf("translate(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestMarkdownRemembersRecentSourcesWithoutMixingThemUp renders sources
// of one length in turn, more of them than are remembered, and checks each
// result against a renderer that remembers nothing; a source rendered
// again at once is not converted again (no allocation).
func TestMarkdownRemembersRecentSourcesWithoutMixingThemUp(t *testing.T) {
	md := NewMarkdown()
	var srcs []string
	for i := range 3 * len(md.recent) {
		srcs = append(srcs, fmt.Sprintf("**%02d** and [a](https://x.org/%02d)", i, i)) // one length
	}
	for round := range 2 {
		for i, src := range srcs {
			want := NewMarkdown().convert(src)
			if got := md.HTML(src); got != want {
				t.Fatalf("round %d, source %d: HTML = %q, want %q", round, i, got, want)
			}
			if got := md.HTML(srcs[max(i-1, 0)]); got != NewMarkdown().convert(srcs[max(i-1, 0)]) {
				t.Fatalf("round %d, source %d again: HTML = %q", round, i-1, got)
			}
		}
	}
	src := srcs[5]
	md.HTML(src)
	if n := testing.AllocsPerRun(10, func() { md.HTML(src) }); n != 0 {
		t.Errorf("rendering the source just rendered allocates %v times: it is converted again", n)
	}
}

// mapStore is a MarkdownStore in memory that counts what it is asked.
type mapStore struct {
	html       map[[sha256.Size]byte]string
	gets, puts int
}

func (s *mapStore) Get(key [sha256.Size]byte) (string, bool) {
	s.gets++
	html, ok := s.html[key]
	return html, ok
}

func (s *mapStore) Put(key [sha256.Size]byte, html string) {
	s.puts++
	s.html[key] = html
}

func TestMarkdownKeptInAStore(t *testing.T) {
	sources := []string{"# Findings\n\nThe cluster *grew*.", "- one\n- two\n\n[site](https://qoot.org)", "Plain text."}
	plain := NewMarkdown()
	store := &mapStore{html: map[[sha256.Size]byte]string{}}

	first := NewMarkdown()
	first.KeepMarkdownIn(store)
	for _, src := range sources {
		if got, want := first.HTML(src), plain.HTML(src); got != want {
			t.Errorf("with a store, HTML(%q) = %q; want %q", src, got, want)
		}
	}
	if store.puts != len(sources) {
		t.Fatalf("%d values put; want %d", store.puts, len(sources))
	}
	for _, src := range sources {
		if html := store.html[sha256.Sum256([]byte(src))]; html != string(plain.HTML(src)) {
			t.Errorf("stored under the SHA-256 of %q: %q", src, html)
		}
	}

	// The next build finds the HTML in the store: marked here, so that
	// the test sees it comes from there.
	for k, html := range store.html {
		store.html[k] = html + "<!-- stored -->"
	}
	next := NewMarkdown()
	next.KeepMarkdownIn(store)
	for _, src := range sources {
		if got := string(next.HTML(src)); got != string(plain.HTML(src))+"<!-- stored -->" {
			t.Errorf("HTML(%q) = %q, not the stored value", src, got)
		}
	}
	// A source one byte longer is another key: rendered, not found.
	puts := store.puts
	if got, want := next.HTML(sources[2]+"!"), plain.HTML(sources[2]+"!"); got != want {
		t.Errorf("an edited source gave %q; want %q", got, want)
	}
	if store.puts != puts+1 {
		t.Error("an edited source was not rendered and put")
	}
	// Empty sources are not looked up.
	gets := store.gets
	if next.HTML(" \n") != "" || store.gets != gets {
		t.Error("an empty source was looked up")
	}
}
