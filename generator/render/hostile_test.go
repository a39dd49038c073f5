package render

import (
	"strings"
	"testing"
)

// TestMarkdownUnwrapsLinksAsTheBrowserReadsThem feeds link destinations
// whose scheme only shows after what goldmark and the browser do to them:
// character references resolved, backslash escapes removed, tabs and line
// breaks dropped, controls trimmed. Each must become its text, not an
// anchor (goldmark's own check would leave an empty href="" at best).
func TestMarkdownUnwrapsLinksAsTheBrowserReadsThem(t *testing.T) {
	md := NewMarkdown()
	for _, src := range []string{
		"[x](&#106;avascript:alert(1))",
		"[x](&#x6A;avascript:alert(1))",
		"[x](java&#x09;script:alert(1))",
		"[x](java&Tab;script:alert(1))",
		"[x](&NewLine;javascript:alert(1))",
		"[x](javascript&colon;alert(1))",
		`[x](javascript\:alert(1))`,
		"[x](<java\tscript:alert(1)>)",
		"[x](&#0;javascript:alert(1))",
		"[x](\u0001javascript:alert(1))",
		"[x][r]\n\n[r]: &#106;avascript:alert(1)",
		"[x](vbscript&#58;msgbox)",
		"[x](data&#x3A;text/html,x)",
	} {
		got := string(md.HTML(src))
		if strings.Contains(got, "<a") {
			t.Errorf("HTML(%q) = %q, want the text without a link", src, got)
		}
	}
}

// TestMarkdownCleansTheWholeParagraphAfterAnUnsafeAutolink: the unsafe
// autolink used to be replaced during the walk of the tree, which then
// stopped at it, so an image or link later in the paragraph stayed (the
// image loaded from another host). FuzzMarkdown's seeds found it.
func TestMarkdownCleansTheWholeParagraphAfterAnUnsafeAutolink(t *testing.T) {
	md := NewMarkdown()
	for _, src := range []string{
		"<vbscript:x> ![tracker](https://tracker.example/p.png)",
		"<vbscript:x> ![i](data:image/png;base64,AAAA)",
		"<javascript:x> and then [y](javascript&colon;alert(1))",
		"<javascript:a> <javascript:b> ![c](https://tracker.example/c.png) <javascript:d>",
	} {
		got := string(md.HTML(src))
		if strings.Contains(got, "<img") || strings.Contains(got, "<a") {
			t.Errorf("HTML(%q) = %q, want text only", src, got)
		}
	}
}

func TestSafeURLReadsURLsAsBrowsersDo(t *testing.T) {
	for url, want := range map[string]bool{
		"java\tscript:x": false, "java\nscript:x": false, "\x00javascript:x": false, "\x1fjavascript:x": false,
		"javascript:x\x00": false, "jav\rascript:x": false, "https://a.org/\t": true, " /x ": true, "\t#top": true,
	} {
		if got := SafeURL(url); got != want {
			t.Errorf("SafeURL(%q) = %t, want %t", url, got, want)
		}
	}
}
