package model

import (
	"cmp"
	"fmt"
	"iter"
	"slices"
	"strings"
)

// Value is the reported value of one indicator. Which field is set depends
// on the indicator's kind: Num for numeric kinds, Bool for bool, Text for
// choice and text, List for multichoice.
type Value struct {
	Num  float64
	Bool bool
	Text string
	List []string
}

// Values are the reported values of one assessment's indicators, in the
// order of its methodology. The zero value holds none; Put adds them.
//
// The values of every assessment are most of a loaded directory's memory
// (36 values in each of 20,000 files at 10,000 clusters), and the garbage
// collector scans the whole loaded directory in each of its cycles while
// pages render. As a slice of Value with the indicator's ID they were 50 MB
// with three pointers each and a third of each cycle's work. So a value is
// kept as its indicator's place in the methodology and its number or truth
// value, without pointers; the few text values sit beside.
type Values struct {
	m     *Methodology
	vals  []storedValue // ascending by at
	texts []textValue
}

type storedValue struct {
	num  float64
	at   uint32 // Indicator.pos
	text uint32 // 1 + index in texts; 0 for a value without text
	bool bool
}

type textValue struct {
	text string
	list []string
}

// Put sets the value of the indicator id of the methodology m, which must
// be the methodology of every value put in vs (Index called). It reports
// false, and keeps nothing, when m has no indicator id.
func (vs *Values) Put(m *Methodology, id string, v Value) bool {
	ind := m.Indicator(id)
	if ind == nil {
		return false
	}
	if vs.m != nil && vs.m != m {
		panic(fmt.Sprintf("model.Values: value of methodology %q put among values of %q", m.ID, vs.m.ID))
	}
	vs.m = m
	sv := storedValue{num: v.Num, at: uint32(ind.pos), bool: v.Bool}
	if v.Text != "" || v.List != nil {
		vs.texts = append(vs.texts, textValue{v.Text, v.List})
		sv.text = uint32(len(vs.texts))
	}
	i, found := slices.BinarySearchFunc(vs.vals, sv.at, func(s storedValue, at uint32) int { return cmp.Compare(s.at, at) })
	if found {
		vs.vals[i] = sv // the old text, if any, stays unreferenced in texts
	} else {
		vs.vals = slices.Insert(vs.vals, i, sv)
	}
	return true
}

// Len returns the number of values.
func (vs Values) Len() int { return len(vs.vals) }

// Get returns the value of the indicator id and whether it was reported.
func (vs Values) Get(id string) (Value, bool) {
	if vs.m == nil {
		return Value{}, false
	}
	return vs.Of(vs.m.Indicator(id))
}

// Of is Get(ind.ID) without the lookup by ID when ind is an indicator of
// the values' methodology, as it is for a caller going through that
// methodology: a report's 36 rows at 10,000 clusters.
func (vs Values) Of(ind *Indicator) (Value, bool) {
	if vs.m == nil || ind == nil {
		return Value{}, false
	}
	if vs.m.IndicatorAt(ind.pos) != ind { // an indicator of another methodology
		if ind = vs.m.Indicator(ind.ID); ind == nil {
			return Value{}, false
		}
	}
	for _, sv := range vs.vals { // a few dozen: a scan is as quick as a search
		if int(sv.at) == ind.pos {
			return vs.value(sv), true
		}
	}
	return Value{}, false
}

// All yields the ID and value of each reported indicator in methodology
// order.
func (vs Values) All() iter.Seq2[string, Value] {
	return func(yield func(string, Value) bool) {
		for _, sv := range vs.vals {
			if !yield(vs.m.order[sv.at].ID, vs.value(sv)) {
				return
			}
		}
	}
}

func (vs Values) value(sv storedValue) Value {
	v := Value{Num: sv.num, Bool: sv.bool}
	if sv.text > 0 {
		t := vs.texts[sv.text-1]
		v.Text, v.List = t.text, t.list
	}
	return v
}

// String lists the values as id=value in methodology order, for tests and
// debugging.
func (vs Values) String() string {
	var b strings.Builder
	b.WriteByte('[')
	for id, v := range vs.All() {
		if b.Len() > 1 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "%s=%v", id, v)
	}
	b.WriteByte(']')
	return b.String()
}
