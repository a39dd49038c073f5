package content

import (
	"fmt"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"

	"clustersite/generator/model"
)

// bom is the UTF-8 byte order mark some editors write at the start.
const bom = "\ufeff"

// The tables of an assessment file.
const (
	tableCluster    = "cluster"
	tableAssessment = "assessment"
	tableIndicators = "indicators"
)

// entry is one decoded assessment file.
type entry struct {
	rep *report
	// id of the cluster; "" when none could be determined.
	id string
	// idField is the field that gave the id: cluster.id or cluster.name.
	idField string
	// profile is the [cluster] table; nil when the file could not be used.
	profile *model.Cluster
	// countryOK is set when profile.Country is a valid code.
	countryOK bool
	// a is the assessment; nil when the file could not be used.
	a *model.Assessment
}

// decode checks one assessment file.
func (c *checker) decode(path string, data []byte) *entry {
	c.progress.decoded()
	e := &entry{rep: &report{path: path}}
	defer e.rep.limit()
	src := strings.TrimPrefix(string(data), bom)
	if !checkDepth(e.rep, src) {
		return e
	}
	var doc map[string]any
	if _, err := toml.Decode(src, &doc); err != nil {
		e.rep.syntax(src, err)
		return e
	}
	e.rep.source = func() string { return src }
	defer func() { e.rep.source = nil }() // keep no source after decoding
	tables := splitTables(e.rep, doc)
	var at assessmentTable
	if t, ok := tables[tableAssessment]; ok {
		e.a = c.checkAssessment(e.rep, &at, bindTable(e.rep, tableAssessment, t, &at))
	}
	if t, ok := tables[tableCluster]; ok {
		var ct clusterTable
		cb := bindTable(e.rep, tableCluster, t, &ct)
		e.profile, e.id = c.checkCluster(e.rep, &ct, cb, at.Date)
		e.countryOK = cb["country"] && isCountry(ct.Country)
		e.idField = "cluster.name"
		if cb["id"] {
			e.idField = "cluster.id"
		}
	}
	if e.a != nil {
		checkIndicators(e.rep, tables[tableIndicators], e.a)
	}
	return e
}

// scanContent finds the key positions of src and reports a file that nests
// too deeply to be decoded safely.
func scanContent(r *report, src string) (keyPositions, bool) {
	keys, deep := scanKeys(src)
	if deep != (position{}) {
		r.tooDeep(deep)
		return nil, false
	}
	return keys, true
}

// checkDepth reports a file that nests too deeply to be decoded safely.
func checkDepth(r *report, src string) bool {
	if deep := checkNesting(src); deep != (position{}) {
		r.tooDeep(deep)
		return false
	}
	return true
}

func (r *report) tooDeep(at position) {
	r.problems = append(r.problems, model.Problem{Path: r.path, Line: at.line, Col: at.col, Severity: model.Error,
		Message: fmt.Sprintf("nested deeper than %d levels (arrays, inline tables or dotted keys)", maxNesting)})
}

// splitTables returns the top-level tables of a decoded file, reporting
// missing tables, tables that are not tables and unknown top-level keys.
func splitTables(r *report, doc map[string]any) map[string]map[string]any {
	known := []string{tableCluster, tableAssessment, tableIndicators}
	tables := map[string]map[string]any{}
	for k, v := range doc {
		if !slices.Contains(known, k) {
			r.keyErrorf([]string{k}, "unknown key; an assessment file has only the tables [cluster], [assessment] and [indicators]")
			continue
		}
		t, ok := v.(map[string]any)
		if !ok {
			r.keyErrorf([]string{k}, "must be a table [%s], got %s", k, describe(v))
			continue
		}
		tables[k] = t
	}
	for _, k := range known[:2] {
		if _, ok := doc[k]; !ok {
			r.errorf(k, "missing [%s] table", k)
		}
	}
	return tables
}
