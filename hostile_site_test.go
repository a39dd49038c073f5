package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A test site whose every text field holds hostile text: script tags in many
// spellings, event-handler attributes, javascript: links, text that tries to
// end a script element, a comment or a CDATA section, SVG payloads, Unicode
// direction overrides, line separators and very long strings. Every payload
// that runs sets window.__pwned, so a browser can tell whether any did.

// hostile is one payload.
type hostile struct {
	// text is the payload as an editor writes it.
	text string
	// line is set when the payload is valid single-line text; payloads
	// with line breaks or bidirectional controls go only into Markdown and
	// text values, and the loader refuses them elsewhere (see
	// TestHostileTextInSingleLineFieldsIsAContentError).
	line bool
}

var hostilePayloads = []hostile{
	{`<script>window.__pwned="p00"</script>`, true},
	{`<ScRiPt>window.__pwned="p01"</sCrIpT>`, true},
	{`<SCRIPT SRC=//evil.example/p02.js></SCRIPT>`, true},
	{`<img src=x onerror=window.__pwned="p03">`, true},
	{`<svg onload=window.__pwned="p04">`, true},
	{`<svg><script>window.__pwned="p05"</script></svg>`, true},
	{`"><script>window.__pwned="p06"</script>`, true},
	{`'><img src=x onerror='window.__pwned="p07"'>`, true},
	{`</script><script>window.__pwned="p08"</script>`, true},
	{`</title><script>window.__pwned="p09"</script>`, true},
	{`<!-- --><script>window.__pwned="p10"</script>`, true},
	{`]]><script>window.__pwned="p11"</script><![CDATA[`, true},
	{`<a href="javascript:window.__pwned='p12'">p12</a>`, true},
	{`javascript:window.__pwned="p13"`, true},
	{`JaVaScRiPt:window.__pwned="p14"`, true},
	{`java&#x09;script:window.__pwned="p15"`, true},
	{`<iframe srcdoc="<script>parent.__pwned='p16'</script>"></iframe>`, true},
	{`<details open ontoggle=window.__pwned="p17">`, true},
	{`<input autofocus onfocus=window.__pwned="p18">`, true},
	{`<body onload=window.__pwned="p19">`, true},
	{`<math><mtext><table><mglyph><style><img src=x onerror=window.__pwned="p20">`, true},
	{`<object data="javascript:window.__pwned='p21'"></object>`, true},
	{`<meta http-equiv="refresh" content="0;url=javascript:window.__pwned='p22'">`, true},
	{`<base href="javascript:window.__pwned='p23'//">`, true},
	{`&lt;script&gt;window.__pwned="p24"&lt;/script&gt; &amp;amp;`, true},
	{`{{.}} {{template "x"}} ${window.__pwned="p25"} %s %d %!v(MISSING) \u0000`, true},
	{"p26 \u2028<script>window.__pwned=\"p26\"</script>\u2029 end", true},
	{`<style>*{display:none}</style><link rel=stylesheet href=//evil.example/p27.css>`, true},
	{"p28 \u202Egnp.exe<script>window.__pwned=\"p28\"</script>\u202C", false},
	{"p29 line one\n<script>window.__pwned=\"p29\"</script>\nline three", false},
	{strings.Repeat("A", 30_000) + `<script>window.__pwned="p30"</script>`, true},
}

// markdownPayloads go into every Markdown field (description, summary,
// recommendations), together with the payload of the cluster. Each shows
// its token as text, whatever becomes of the link.
var markdownPayloads = []struct{ token, src string }{
	{"click m01", `[click m01](javascript:window.__pwned="m01")`},
	{"click m02", `[click m02](JaVaScRiPt:window.__pwned="m02")`},
	{"click m03", `[click m03](java&#x09;script:window.__pwned="m03")`},
	{"click m04", `[click m04](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0ibTA0Ijwvc2NyaXB0Pg==)`},
	{"click m05", `[click m05](vbscript:msgbox("m05"))`},
	{"m06", "m06 <javascript:window.__pwned=\"m06\">"},
	{"alt m07", `![alt m07](javascript:window.__pwned="m07")`},
	{"click m08", "[click m08][r08]\n\n[r08]: javascript:window.__pwned=\"m08\""},
	{"raw m09", `<a href="javascript:window.__pwned='m09'">raw m09</a>`},
	{"click m10", `[click m10](&#106;avascript:window.__pwned="m10")`},
	{"click m11", `[click m11](<javascript:window.__pwned="m11">)`},
	{"click m12", "[click m12](\tjavascript:window.__pwned=\"m12\")"},
	{"m13", "m13 www.evil.example/<script>window.__pwned=\"m13\"</script>"},
	{"click m14", `[click m14](https://ok.example/"onmouseover="window.__pwned='m14')`},
	{"cell m15", "| head |\n|---|\n| cell m15 <script>window.__pwned=\"m15\"</script> |"},
	{"m16", "m16 <img src=x onerror=window.__pwned=\"m16\">"},
	{"m17", "```html\nm17 <script>window.__pwned=\"m17\"</script>\n```"},
	{"alt m18", `![alt m18](https://evil.example/m18.png)`},
	{"click m19", `[click m19](file:///etc/passwd)`},
	{"m20", "m20 <svg><animate onbegin=window.__pwned=\"m20\" attributeName=x dur=1s>"},
}

// hostileWebsites are valid http(s) URLs that try to leave their attribute
// or the JSON-LD script.
var hostileWebsites = []string{
	`https://example.org/"><script>window.__pwned="w0"</script>`,
	`https://example.org/?q=</script><svg onload=window.__pwned="w1">`,
	`https://example.org/#'onmouseover='window.__pwned="w2"'`,
}

// hostileConfig holds the payloads of config.toml.
var hostileConfig = struct {
	title, licence string
	portfolios     []string
}{
	title:   `</title><script>window.__pwned="c0"</script> Directory "q" & <b>co</b>`,
	licence: `<img src=x onerror=window.__pwned="c1"> CC BY 4.0`,
	portfolios: []string{
		`<script>window.__pwned="c2"</script> Portfolio One`,
		`"><svg onload=window.__pwned="c3"> Portfolio Two`,
		`Portfolio ]]> Three <!-- </script>`,
	},
}

// hostileMethodology is content/methodologies/hostile.toml: titles, units,
// help and choices are payloads too.
func hostileMethodology() string {
	var b strings.Builder
	p := func(i int) string { return tomlString(hostilePayloads[i].text) }
	fmt.Fprintf(&b, "id = \"hostile\"\ntitle = %s\n\n", tomlString("Method "+hostilePayloads[9].text))
	fmt.Fprintf(&b, "[[areas]]\nid = \"first\"\ntitle = %s\n\n", tomlString("Area "+hostilePayloads[4].text))
	fmt.Fprintf(&b, "[[areas.indicators]]\nid = \"members\"\ntitle = %s\nkind = \"count\"\nunit = %s\nhelp = %s\n\n",
		tomlString("Members "+hostilePayloads[0].text), p(3), p(17))
	fmt.Fprintf(&b, "[[areas.indicators]]\nid = \"share\"\ntitle = %s\nkind = \"percent\"\n\n", tomlString("Share "+hostilePayloads[8].text))
	fmt.Fprintf(&b, "[[areas.indicators]]\nid = \"form\"\ntitle = %s\nkind = \"choice\"\nchoices = [%s]\n\n",
		tomlString("Form "+hostilePayloads[6].text), strings.Join(hostileChoices(), ", "))
	fmt.Fprintf(&b, "[[areas]]\nid = \"second\"\ntitle = %s\n\n", tomlString("Area "+hostilePayloads[11].text))
	fmt.Fprintf(&b, "[[areas.indicators]]\nid = \"services\"\ntitle = %s\nkind = \"multichoice\"\nchoices = [%s]\n\n",
		tomlString("Services "+hostilePayloads[12].text), strings.Join(hostileChoices(), ", "))
	fmt.Fprintf(&b, "[[areas.indicators]]\nid = \"strategy\"\ntitle = %s\nkind = \"bool\"\n\n", tomlString("Strategy "+hostilePayloads[1].text))
	fmt.Fprintf(&b, "[[areas.indicators]]\nid = \"recognition\"\ntitle = %s\nkind = \"text\"\n", tomlString("Recognition "+hostilePayloads[10].text))
	return b.String()
}

// hostileChoices are the choices of the choice indicators, as TOML strings.
func hostileChoices() []string {
	var out []string
	for _, i := range []int{0, 3, 7, 8, 11} {
		out = append(out, tomlString("choice "+hostilePayloads[i].text))
	}
	return out
}

// hostileCluster is what cluster i of the hostile site shows where.
type hostileCluster struct {
	id, date string
	// page and report are the texts its cluster page and its report page
	// must show literally.
	page, report []string
	// fields are the single-line fields as written: name, native_name,
	// region, website, sectors, report_id, expert.
	name, nativeName, region, website, reportID, expert string
	sectors                                             []string
}

// hostileCluster returns cluster i, which carries payload i.
func newHostileCluster(i int) hostileCluster {
	p := hostilePayloads[i]
	line := p.text
	if !p.line {
		line = "plain text"
	}
	c := hostileCluster{
		id: fmt.Sprintf("hostile-%02d", i), date: "2025-06-01",
		name: fmt.Sprintf("N%02d %s", i, line), nativeName: fmt.Sprintf("V%02d %s", i, line),
		region: fmt.Sprintf("R%02d %s", i, line), website: hostileWebsites[i%len(hostileWebsites)],
		reportID: fmt.Sprintf("I%02d %s", i, line), expert: fmt.Sprintf("E%02d %s", i, line),
		sectors: []string{fmt.Sprintf("S%02d %s", i, line), "Second sector"},
	}
	c.page = []string{c.name, c.nativeName, c.region, c.website, c.sectors[0], fmt.Sprintf("D%02d", i)}
	c.report = []string{c.expert, c.reportID, fmt.Sprintf("T%02d %s", i, p.text), fmt.Sprintf("S%02d", i), fmt.Sprintf("Q%02d", i),
		"Method " + hostilePayloads[9].text, "Area " + hostilePayloads[4].text, "Members " + hostilePayloads[0].text}
	for _, m := range markdownPayloads {
		c.page = append(c.page, m.token)
		c.report = append(c.report, m.token)
	}
	return c
}

// markdown is a Markdown field of cluster i: its token, its payload and
// every Markdown payload.
func hostileMarkdown(token string, i int) string {
	parts := []string{token + " " + hostilePayloads[i].text}
	for _, m := range markdownPayloads {
		parts = append(parts, m.src)
	}
	return strings.Join(parts, "\n\n")
}

// file is the assessment file of the cluster.
func (c hostileCluster) file(i int) string {
	var b strings.Builder
	sectors := make([]string, len(c.sectors))
	for k, s := range c.sectors {
		sectors[k] = tomlString(s)
	}
	fmt.Fprintf(&b, "[cluster]\nid = %q\nname = %s\nnative_name = %s\ncountry = %q\nregion = %s\nwebsite = %s\n",
		c.id, tomlString(c.name), tomlString(c.nativeName), []string{"DE", "FR", "JO", "NO"}[i%4], tomlString(c.region), tomlString(c.website))
	fmt.Fprintf(&b, "portfolio = %s\nsectors = [%s]\nfounded = 2010\ndescription = %s\n\n",
		tomlString(hostileConfig.portfolios[i%len(hostileConfig.portfolios)]), strings.Join(sectors, ", "),
		tomlString(hostileMarkdown(fmt.Sprintf("D%02d", i), i)))
	fmt.Fprintf(&b, "[assessment]\ndate = %s\nlabel = %q\nreport_id = %s\nexpert = %s\nmethodology = \"hostile\"\n",
		c.date, []string{"bronze", "silver", "gold"}[i%3], tomlString(c.reportID), tomlString(c.expert))
	if i%3 == 2 {
		b.WriteString("score = 80\n")
	}
	fmt.Fprintf(&b, "summary = %s\nrecommendations = %s\n\n",
		tomlString(hostileMarkdown(fmt.Sprintf("S%02d", i), i)), tomlString(hostileMarkdown(fmt.Sprintf("Q%02d", i), i)))
	choices := hostileChoices()
	fmt.Fprintf(&b, "[indicators]\nmembers = %d\nshare = %d\nform = %s\nservices = [%s, %s]\nstrategy = %t\nrecognition = %s\n",
		10+i, (i*7)%100, choices[i%len(choices)], choices[0], choices[1+i%(len(choices)-1)], i%2 == 0,
		tomlString(fmt.Sprintf("T%02d %s", i, hostilePayloads[i].text)))
	return b.String()
}

// hostileBaseURL is the base_url of the hostile site, so that it has a feed
// and canonical links.
const hostileBaseURL = "https://example.org/hostile/"

// hostileSite writes the hostile site into a new folder and returns the
// folder and its clusters.
func hostileSite(t *testing.T) (string, []hostileCluster) {
	t.Helper()
	dir := t.TempDir()
	portfolios := []string{}
	for _, p := range hostileConfig.portfolios {
		portfolios = append(portfolios, tomlString(p))
	}
	files := map[string]string{
		"config.toml": fmt.Sprintf("title = %s\nlicence = %s\nbase_url = %q\ntoday = 2026-11-28\nportfolios = [%s]\n",
			tomlString(hostileConfig.title), tomlString(hostileConfig.licence), hostileBaseURL, strings.Join(portfolios, ", ")),
		"content/methodologies/hostile.toml": hostileMethodology(),
	}
	var clusters []hostileCluster
	for i := range hostilePayloads {
		c := newHostileCluster(i)
		clusters = append(clusters, c)
		files["content/clusters/"+c.id+"/"+c.date+".toml"] = c.file(i)
	}
	writeSiteFiles(t, dir, files)
	return dir, clusters
}

// buildHostile builds the hostile site and returns the output folder.
func buildHostile(t *testing.T) (string, []hostileCluster) {
	t.Helper()
	dest := filepath.Join(t.TempDir(), "public")
	return dest, buildHostileInto(t, dest)
}

// buildHostileInto builds the hostile site into dest, with extra flags.
func buildHostileInto(t *testing.T, dest string, extra ...string) []hostileCluster {
	t.Helper()
	siteDir, clusters := hostileSite(t)
	var stdout, stderr bytes.Buffer
	args := append([]string{"build", "--site", siteDir, "--dest", dest}, extra...)
	if code := run(context.Background(), args, &stdout, &stderr); code != 0 {
		t.Fatalf("build of the hostile site: exit %d\n%s", code, &stderr)
	}
	return clusters
}

// writeSiteFiles writes path → content below dir.
func writeSiteFiles(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// tomlString quotes s as a TOML basic string, escaping quotes, backslashes
// and control characters.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
