package render

import (
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
