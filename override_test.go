package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSiteFilesOverrideTheDefaultTheme gives a site its own 404 template
// and stylesheet and checks both replace the embedded defaults, while the
// other default templates still render.
func TestSiteFilesOverrideTheDefaultTheme(t *testing.T) {
	siteDir := t.TempDir()
	files := map[string]string{
		"config.toml": "today = 2026-11-28\n",
		"content/clusters/alpha/2025-01-10.toml": "[cluster]\nid = \"alpha\"\nname = \"Alpha\"\ncountry = \"DE\"\n" +
			"[assessment]\ndate = 2025-01-10\nlabel = \"bronze\"\n",
		"templates/404.html": `{{define "main"}}<h1>Custom lost page</h1>{{end}}`,
		"assets/style.css":   "body { color: rebeccapurple; }\n",
	}
	for name, data := range files {
		p := filepath.Join(siteDir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(data), 0o644)
	}
	var out, errs bytes.Buffer
	if code := run(context.Background(), []string{"build", "--site", siteDir}, &out, &errs); code != 0 {
		t.Fatalf("exit %d: %s", code, &errs)
	}
	tree := readTree(t, filepath.Join(siteDir, "public"))
	if !strings.Contains(string(tree["404.html"]), "Custom lost page") {
		t.Error("site's templates/404.html did not replace the default")
	}
	if !strings.Contains(string(tree["clusters/alpha/index.html"]), "<h1>Alpha</h1>") {
		t.Error("default cluster template no longer renders")
	}
	var css []byte
	for name, data := range tree {
		if strings.HasPrefix(name, "assets/style.") {
			css = data
		}
	}
	if !bytes.Contains(css, []byte("rebeccapurple")) {
		t.Errorf("site's assets/style.css did not replace the default: %q", css)
	}
}
