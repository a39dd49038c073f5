package render

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"text/template/parse"

	"github.com/BurntSushi/toml"

	"clustersite/generator/model"
	"clustersite/generator/stats"
)

// The default theme and the Go packages whose interface text the
// catalogues translate, relative to this package.
const (
	themeTemplates = "../../templates"
	sitePackage    = "../site"
	renderPackage  = "."
)

// templateKeys returns every string literal passed to t in the templates,
// by parsing them (not by pattern matching), with the file it is in.
func templateKeys(t *testing.T) map[string]string {
	t.Helper()
	keys := map[string]string{}
	names, err := fs.Glob(os.DirFS(themeTemplates), "*.html")
	if err != nil || len(names) == 0 {
		t.Fatalf("no templates in %s: %v", themeTemplates, err)
	}
	funcs := map[string]any{}
	for name := range newFuncs(&Renderer{}) {
		funcs[name] = true
	}
	for _, name := range names {
		src, err := os.ReadFile(filepath.Join(themeTemplates, name))
		if err != nil {
			t.Fatal(err)
		}
		trees, err := parse.Parse(name, string(src), "{{", "}}", funcs, builtins)
		if err != nil {
			t.Fatal(err)
		}
		for _, tree := range trees {
			walk(tree.Root, func(cmd *parse.CommandNode) {
				if len(cmd.Args) < 2 {
					return
				}
				if id, ok := cmd.Args[0].(*parse.IdentifierNode); ok && id.Ident == "t" {
					if s, ok := cmd.Args[1].(*parse.StringNode); ok {
						keys[s.Text] = name
					}
				}
			})
		}
	}
	return keys
}

// builtins are text/template's own functions, which parse must know.
var builtins = map[string]any{"and": true, "or": true, "not": true, "len": true, "index": true, "slice": true,
	"print": true, "printf": true, "println": true, "eq": true, "ne": true, "lt": true, "le": true, "gt": true, "ge": true,
	"html": true, "js": true, "urlquery": true, "call": true}

// walk calls f for every command in the tree, nested pipelines included.
func walk(n parse.Node, f func(*parse.CommandNode)) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n != nil {
			for _, c := range n.Nodes {
				walk(c, f)
			}
		}
	case *parse.ActionNode:
		walk(n.Pipe, f)
	case *parse.PipeNode:
		if n != nil {
			for _, c := range n.Cmds {
				walk(c, f)
			}
		}
	case *parse.CommandNode:
		f(n)
		for _, a := range n.Args {
			walk(a, f)
		}
	case *parse.IfNode:
		walkBranch(&n.BranchNode, f)
	case *parse.RangeNode:
		walkBranch(&n.BranchNode, f)
	case *parse.WithNode:
		walkBranch(&n.BranchNode, f)
	case *parse.TemplateNode:
		walk(n.Pipe, f)
	}
}

func walkBranch(b *parse.BranchNode, f func(*parse.CommandNode)) {
	walk(b.Pipe, f)
	walk(b.List, f)
	if b.ElseList != nil {
		walk(b.ElseList, f)
	}
}

// goKeys returns the string literals passed as first argument to the
// named functions or methods in the non-test Go files of a package.
func goKeys(t *testing.T, dir string, funcs ...string) map[string]string {
	t.Helper()
	keys := map[string]string{}
	fset := token.NewFileSet()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range files {
		if strings.HasSuffix(file, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, file, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			var name string
			switch fn := call.Fun.(type) {
			case *ast.Ident:
				name = fn.Name
			case *ast.SelectorExpr:
				name = fn.Sel.Name
			}
			if !slices.Contains(funcs, name) {
				return true
			}
			if lit, ok := call.Args[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
				s, _ := strconv.Unquote(lit.Value)
				keys[s] = filepath.Base(file)
			}
			return true
		})
	}
	return keys
}

// dynamicKeys are interface strings that reach t as values, not
// literals: the English names the model and stats packages give.
func dynamicKeys() []string {
	keys := []string{"yes", "no"}
	for _, l := range model.Labels {
		keys = append(keys, l.Title())
	}
	for _, s := range model.Statuses {
		keys = append(keys, s.Title())
	}
	for p := stats.BelowQ1; p <= stats.AboveQ3; p++ {
		keys = append(keys, p.String())
	}
	return keys
}

// usedKeys is every key the theme and the Go code ask the catalogue for,
// with where it is used.
func usedKeys(t *testing.T) map[string]string {
	keys := templateKeys(t)
	for k, f := range goKeys(t, sitePackage, "msg") {
		keys[k] = "site/" + f
	}
	for k, f := range goKeys(t, renderPackage, "translate") {
		keys[k] = "render/" + f
	}
	for _, k := range dynamicKeys() {
		keys[k] = "model or stats (by value)"
	}
	// A key without a letter ("%s") is shown as it is in every language.
	for k := range keys {
		if !regexp.MustCompile(`\pL`).MatchString(regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z]`).ReplaceAllString(k, "")) {
			delete(keys, k)
		}
	}
	return keys
}

var verb = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z%]`)

// verbs returns the fmt verbs of s, "%%" included, sorted; explicit
// argument indexes are dropped, as a translation may reorder.
func verbs(s string) []string {
	var out []string
	for _, v := range verb.FindAllString(s, -1) {
		out = append(out, regexp.MustCompile(`\[\d+\]`).ReplaceAllString(v, ""))
	}
	slices.Sort(out)
	return out
}

// TestCataloguesAreComplete checks the shipped translations against the
// theme and the code: every interface string has a German and a French
// entry with the same placeholders, and no entry is left that nothing uses.
func TestCataloguesAreComplete(t *testing.T) {
	used := usedKeys(t)
	if len(used) < 100 {
		t.Fatalf("found only %d interface strings; is the parser missing some?", len(used))
	}
	for _, lang := range []string{"de", "fr"} {
		var cat map[string]string
		path := filepath.Join(themeTemplates, "i18n", lang+".toml")
		if _, err := toml.DecodeFile(path, &cat); err != nil {
			t.Fatal(err)
		}
		for _, k := range sortedKeys(used) {
			tr, ok := cat[k]
			if !ok || strings.TrimSpace(tr) == "" {
				t.Errorf("%s: no translation of %q (used in %s)", path, k, used[k])
				continue
			}
			if kv, tv := verbs(k), verbs(tr); !slices.Equal(kv, tv) {
				t.Errorf("%s: %q has placeholders %v, its translation %q has %v", path, k, kv, tr, tv)
			}
		}
		for k := range cat {
			if _, ok := used[k]; !ok {
				t.Errorf("%s: %q is translated but used nowhere", path, k)
			}
		}
	}
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
