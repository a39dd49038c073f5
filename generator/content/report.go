package content

import (
	"errors"
	"fmt"
	"strings"

	"github.com/BurntSushi/toml"

	"clustersite/generator/model"
)

// report collects the problems of one file, placing each at the key it is
// about.
type report struct {
	path string
	// keys are the key positions of the file, found by scanKeys when the
	// first problem is placed: most files have none.
	keys keyPositions
	// source returns the file's text for scanKeys; nil when keys are
	// set or the file could not be read.
	source   func() string
	problems model.Problems
}

func (r *report) add(sev model.Severity, key []string, msg string) {
	if r.keys == nil && r.source != nil {
		r.keys, _ = scanKeys(r.source())
		r.source = nil
	}
	p := r.keys.at(key)
	r.problems = append(r.problems, model.Problem{
		Path: r.path, Line: p.line, Col: p.col, Field: fieldName(key), Severity: sev, Message: msg,
	})
}

// errorf reports an error about a fixed dotted field such as "cluster.name".
func (r *report) errorf(field, format string, args ...any) {
	r.add(model.Error, splitField(field), fmt.Sprintf(format, args...))
}

// warnf reports a warning about a fixed dotted field.
func (r *report) warnf(field, format string, args ...any) {
	r.add(model.Warning, splitField(field), fmt.Sprintf(format, args...))
}

// keyErrorf reports an error about a key taken from the file, whose
// segments may contain dots or spaces.
func (r *report) keyErrorf(key []string, format string, args ...any) {
	r.add(model.Error, key, fmt.Sprintf(format, args...))
}

// fileErrorf reports an error about the whole file, at line 0.
func (r *report) fileErrorf(format string, args ...any) {
	r.problems = append(r.problems, model.Problem{Path: r.path, Severity: model.Error, Message: fmt.Sprintf(format, args...)})
}

// syntax reports a TOML decoding error of src at the place the parser
// names.
func (r *report) syntax(src string, err error) {
	var pe toml.ParseError
	if !errors.As(err, &pe) {
		r.fileErrorf("%v", err)
		return
	}
	line, col := syntaxPosition(src, pe.Position)
	r.problems = append(r.problems, model.Problem{
		Path: r.path, Line: line, Col: col,
		Field: pe.LastKey, Severity: model.Error, Message: pe.Message,
	})
}

// syntaxPosition returns the line and column of a parse error. When the
// error is at the end of a line, BurntSushi/toml counts the next line but
// the column of the end of this one ("2:9" for a header "[cluster" on line
// 1); the byte offset is right, so the position is taken from it.
func syntaxPosition(src string, p toml.Position) (line, col int) {
	if p.Start < 0 || p.Start > len(src) {
		return p.Line, p.Col
	}
	before := src[:p.Start]
	line = strings.Count(before, "\n") + 1
	if line != p.Line && line != p.Line-1 {
		return p.Line, p.Col // an offset that does not fit the line
	}
	return line, p.Start - (strings.LastIndexByte(before, '\n') + 1) + 1
}

func splitField(field string) []string {
	if field == "" {
		return nil
	}
	return strings.Split(field, ".")
}
