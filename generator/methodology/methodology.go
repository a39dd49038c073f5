// Package methodology reads methodology files: the areas and indicators of
// one version of the benchmarking questionnaire, as TOML. The built-in
// default, ecei-bronze.toml, is the 36-indicator Bronze catalogue; a site
// adds others in content/methodologies/<id>.toml.
//
// A methodology file looks like this:
//
//	id = "ecei-bronze"
//	title = "Cluster excellence benchmarking (Bronze)"
//
//	[[areas]]
//	id = "structure"
//	title = "Structure of the cluster"
//
//	[[areas.indicators]]
//	id = "participants"
//	title = "Committed cluster participants"
//	kind = "count"            # count|percent|money|year|number|bool|choice|multichoice|text
//	unit = "participants"     # optional
//	choices = ["a", "b"]      # choice and multichoice only
//	help = "What counts."     # optional
package methodology

import (
	_ "embed"
	"errors"
	"fmt"
	"regexp"

	"github.com/BurntSushi/toml"

	"clustersite/generator/model"
)

// DefaultID is the ID of the built-in methodology, used by assessments that
// name none.
const DefaultID = "ecei-bronze"

//go:embed ecei-bronze.toml
var defaultTOML []byte

// Default returns a fresh copy of the built-in methodology.
func Default() *model.Methodology {
	m, ps := Parse("(built-in)/ecei-bronze.toml", defaultTOML)
	if ps != nil {
		panic("built-in methodology is invalid: " + ps.Error()) // a test pins this
	}
	return m
}

// file is the TOML layout of a methodology file.
type file struct {
	ID    string `toml:"id"`
	Title string `toml:"title"`
	Areas []struct {
		ID         string `toml:"id"`
		Title      string `toml:"title"`
		Indicators []struct {
			ID      string   `toml:"id"`
			Title   string   `toml:"title"`
			Kind    string   `toml:"kind"`
			Unit    string   `toml:"unit"`
			Choices []string `toml:"choices"`
			Help    string   `toml:"help"`
		} `toml:"indicators"`
	} `toml:"areas"`
}

var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)

// Parse decodes and validates a methodology file. path is used in problems
// only.
func Parse(path string, data []byte) (*model.Methodology, model.Problems) {
	var f file
	md, err := toml.Decode(string(data), &f)
	if err != nil {
		p := model.Problem{Path: path, Severity: model.Error, Message: err.Error()}
		var pe toml.ParseError
		if errors.As(err, &pe) {
			p.Line, p.Col, p.Field, p.Message = pe.Position.Line, pe.Position.Col, pe.LastKey, pe.Message
		}
		return nil, model.Problems{p}
	}
	var ps model.Problems
	bad := func(field, format string, args ...any) {
		ps = append(ps, model.Problem{Path: path, Field: field, Severity: model.Error, Message: fmt.Sprintf(format, args...)})
	}
	for _, k := range md.Undecoded() {
		bad(k.String(), "unknown key")
	}
	if !idPattern.MatchString(f.ID) {
		bad("id", "must be lower-case letters, digits, '-' or '_', got %q", f.ID)
	}
	m := &model.Methodology{ID: f.ID, Title: f.Title}
	if m.Title == "" {
		m.Title = f.ID
	}
	seen := map[string]bool{}
	for i, fa := range f.Areas {
		field := fmt.Sprintf("areas[%d]", i)
		if !idPattern.MatchString(fa.ID) || fa.Title == "" {
			bad(field, "an area needs an id (lower-case letters, digits, '-', '_') and a title")
		}
		a := &model.Area{ID: fa.ID, Title: fa.Title}
		for j, fi := range fa.Indicators {
			field := fmt.Sprintf("areas[%d].indicators[%d]", i, j)
			ind := &model.Indicator{ID: fi.ID, Title: fi.Title, Kind: model.Kind(fi.Kind), Unit: fi.Unit, Choices: fi.Choices, Help: fi.Help}
			switch {
			case !idPattern.MatchString(fi.ID):
				bad(field+".id", "must be lower-case letters, digits, '-' or '_', got %q", fi.ID)
			case seen[fi.ID]:
				bad(field+".id", "indicator %q is defined twice", fi.ID)
			}
			seen[fi.ID] = true
			if fi.Title == "" {
				bad(field+".title", "missing")
			}
			if !ind.Kind.Valid() {
				bad(field+".kind", "must be one of count, percent, money, year, number, bool, choice, multichoice, text; got %q", fi.Kind)
			}
			hasChoices := ind.Kind == model.KindChoice || ind.Kind == model.KindMultichoice
			if hasChoices && len(fi.Choices) == 0 {
				bad(field+".choices", "a %s indicator needs choices", fi.Kind)
			}
			if !hasChoices && len(fi.Choices) > 0 {
				bad(field+".choices", "only choice and multichoice indicators have choices")
			}
			a.Indicators = append(a.Indicators, ind)
		}
		m.Areas = append(m.Areas, a)
	}
	if len(m.Areas) == 0 {
		bad("areas", "a methodology needs at least one area")
	}
	if ps != nil {
		return nil, ps
	}
	m.Index()
	return m, nil
}
