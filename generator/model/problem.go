package model

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Severity says whether a problem stops the build.
type Severity string

const (
	// Error: the content is wrong; build and check fail.
	Error Severity = "error"
	// Warning: worth an editor's attention; the build goes on.
	Warning Severity = "warning"
)

// Problem is one mistake or doubt found in a content file, with the place an
// editor needs to fix it.
type Problem struct {
	// Path of the file, slash-separated, relative to the site folder.
	Path string
	// Line and Col are 1-based; 0 when unknown (e.g. a missing key).
	Line, Col int
	// Field is the dotted TOML key, e.g. "assessment.label"; may be empty.
	Field    string
	Severity Severity
	Message  string
}

// String formats the problem as path:line:column: field: message, the form
// editors and editors' tools (compilers, linters) use.
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.Path)
	fmt.Fprintf(&b, ":%d:%d: ", p.Line, p.Col)
	if p.Field != "" {
		b.WriteString(p.Field)
		b.WriteString(": ")
	}
	b.WriteString(p.Message)
	return b.String()
}

// Problems is a list of problems; it implements error so that a failed load
// can return all of them at once.
type Problems []Problem

// Sort orders problems by path, line, column, field and message, so output
// is stable.
func (ps Problems) Sort() {
	slices.SortStableFunc(ps, func(a, b Problem) int {
		return cmp.Or(
			cmp.Compare(a.Path, b.Path),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Col, b.Col),
			cmp.Compare(a.Field, b.Field),
			cmp.Compare(a.Message, b.Message),
		)
	})
}

// Errors returns only the problems of severity Error.
func (ps Problems) Errors() Problems {
	var out Problems
	for _, p := range ps {
		if p.Severity == Error {
			out = append(out, p)
		}
	}
	return out
}

// Warnings returns only the problems of severity Warning.
func (ps Problems) Warnings() Problems {
	var out Problems
	for _, p := range ps {
		if p.Severity == Warning {
			out = append(out, p)
		}
	}
	return out
}

// Error lists every problem, one per line.
func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}
