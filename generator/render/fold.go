package render

import (
	"errors"
	"html/template"
	"io"
	"text/template/parse"
)

// Interface text is most of a page's template actions: {{t "Directory"}},
// aria-label="{{t "Breadcrumb"}}" and the like, some ninety on a report
// page. Each costs two reflective calls on every page (t, then
// html/template's escaper), which made them a large part of the time to
// render 24,000 pages. But with a constant text and no arguments their
// output is the same on every page, so foldTranslations works it out once,
// when the templates are loaded, and puts it in the template as text.
//
// Folding needs to know how html/template escapes the action, which
// depends on where it stands (element text, a quoted attribute, a script,
// a URL); that is known only once html/template has escaped the templates,
// when it has added its escaper to the action's pipeline. So the templates
// are escaped first and only actions whose last command is the escaper of
// element text or of a quoted attribute are folded, which escape alike
// (appendHTML). Any other action, and every action of a future Go whose
// escapers have other names, is left to run as written: folding changes
// how fast a page renders, never what it says.
// TestFoldedTemplatesWriteWhatTheTemplatesWrite pins that.

// textEscapers are html/template's escapers whose output appendHTML gives.
var textEscapers = map[string]bool{
	"_html_template_htmlescaper": true, // element text
	"_html_template_attrescaper": true, // quoted attribute value
}

// foldTranslations escapes the page template t, whose entry is
// base.html, and replaces each {{t "constant"}} it can with the translated,
// escaped text. It returns the number of actions folded, or an error when
// the templates cannot be escaped.
func foldTranslations(t *template.Template, cat catalog) (int, error) {
	// Executing a template escapes it and every template it calls. With
	// no data the execution itself stops at the first field; only an
	// escaping error matters here.
	err := t.ExecuteTemplate(io.Discard, "base.html", nil)
	var escapeErr *template.Error
	if errors.As(err, &escapeErr) {
		return 0, err
	}
	folded := 0
	for _, tt := range t.Templates() {
		if tt.Tree != nil && tt.Tree.Root != nil {
			folded += foldList(tt.Tree.Root, cat)
		}
	}
	return folded, nil
}

func foldList(list *parse.ListNode, cat catalog) int {
	if list == nil {
		return 0
	}
	folded := 0
	for i, n := range list.Nodes {
		switch n := n.(type) {
		case *parse.ActionNode:
			if text, ok := constantTranslation(n.Pipe, cat); ok {
				list.Nodes[i] = &parse.TextNode{NodeType: parse.NodeText, Pos: n.Pos, Text: appendHTML(nil, text)}
				folded++
			}
		case *parse.IfNode:
			folded += foldList(n.List, cat) + foldList(n.ElseList, cat)
		case *parse.RangeNode:
			folded += foldList(n.List, cat) + foldList(n.ElseList, cat)
		case *parse.WithNode:
			folded += foldList(n.List, cat) + foldList(n.ElseList, cat)
		case *parse.ListNode:
			folded += foldList(n, cat)
		}
	}
	return folded
}

// constantTranslation returns the output of the pipeline {{t "text" |
// escaper}}, when it is that.
func constantTranslation(p *parse.PipeNode, cat catalog) (string, bool) {
	if p == nil || len(p.Decl) > 0 || len(p.Cmds) != 2 {
		return "", false
	}
	call, esc := p.Cmds[0], p.Cmds[1]
	if len(call.Args) != 2 || len(esc.Args) != 1 {
		return "", false
	}
	fn, ok1 := call.Args[0].(*parse.IdentifierNode)
	text, ok2 := call.Args[1].(*parse.StringNode)
	escaper, ok3 := esc.Args[0].(*parse.IdentifierNode)
	if !ok1 || !ok2 || !ok3 || fn.Ident != "t" || !textEscapers[escaper.Ident] {
		return "", false
	}
	return cat.translate(text.Text), true
}
