package model

import (
	"reflect"
	"testing"
)

func valuesMethodology() *Methodology {
	m := &Methodology{ID: "m", Areas: []*Area{
		{ID: "structure", Indicators: []*Indicator{
			{ID: "participants", Kind: KindCount},
			{ID: "legal_form", Kind: KindChoice},
		}},
		{ID: "services", Indicators: []*Indicator{
			{ID: "strategy", Kind: KindBool},
			{ID: "services", Kind: KindMultichoice},
			{ID: "sme_share", Kind: KindPercent},
		}},
	}}
	m.Index()
	return m
}

func TestValuesKeepMethodologyOrderAndEveryKind(t *testing.T) {
	m := valuesMethodology()
	var vs Values
	// Put in another order than the methodology's, one value twice.
	for _, p := range []struct {
		id string
		v  Value
		ok bool
	}{
		{"sme_share", Value{Num: 99}, true},
		{"services", Value{List: []string{"events", "training"}}, true},
		{"participants", Value{Num: 54}, true},
		{"unknown", Value{Num: 7}, false},
		{"legal_form", Value{Text: "association"}, true},
		{"sme_share", Value{Num: 82.5}, true},
		{"strategy", Value{Bool: true}, true},
	} {
		if ok := vs.Put(m, p.id, p.v); ok != p.ok {
			t.Errorf("Put(%q) = %v, want %v", p.id, ok, p.ok)
		}
	}
	want := []struct {
		id string
		v  Value
	}{
		{"participants", Value{Num: 54}},
		{"legal_form", Value{Text: "association"}},
		{"strategy", Value{Bool: true}},
		{"services", Value{List: []string{"events", "training"}}},
		{"sme_share", Value{Num: 82.5}},
	}
	if vs.Len() != len(want) {
		t.Errorf("Len = %d, want %d", vs.Len(), len(want))
	}
	i := 0
	for id, v := range vs.All() {
		if i >= len(want) || id != want[i].id || !reflect.DeepEqual(v, want[i].v) {
			t.Errorf("All()[%d] = %s %+v, want %+v", i, id, v, want[min(i, len(want)-1)])
		}
		i++
	}
	for _, w := range want {
		if got, ok := vs.Get(w.id); !ok || !reflect.DeepEqual(got, w.v) {
			t.Errorf("Get(%q) = %+v, %v; want %+v, true", w.id, got, ok, w.v)
		}
	}
	for _, id := range []string{"unknown", ""} {
		if got, ok := vs.Get(id); ok {
			t.Errorf("Get(%q) = %+v, true; want no value", id, got)
		}
	}
	if got, want := vs.String(), "[participants={54 false  []} legal_form={0 false association []} strategy={0 true  []} services={0 false  [events training]} sme_share={82.5 false  []}]"; got != want {
		t.Errorf("String =\n%s\nwant\n%s", got, want)
	}
}

func TestEmptyValuesHaveNone(t *testing.T) {
	var vs Values
	if _, ok := vs.Get("participants"); ok || vs.Len() != 0 {
		t.Error("the zero Values report a value")
	}
	for id := range vs.All() {
		t.Errorf("the zero Values yield %q", id)
	}
}

func TestValuesOfTwoMethodologiesDoNotMix(t *testing.T) {
	var vs Values
	vs.Put(valuesMethodology(), "participants", Value{Num: 1})
	defer func() {
		if recover() == nil {
			t.Error("Put of another methodology's value did not panic")
		}
	}()
	vs.Put(valuesMethodology(), "participants", Value{Num: 2})
}

// TestStoredValuesHoldNoPointers keeps the reason for Values' layout: the
// collector skips memory without pointers.
func TestStoredValuesHoldNoPointers(t *testing.T) {
	for i, f := range reflect.VisibleFields(reflect.TypeFor[storedValue]()) {
		switch f.Type.Kind() {
		case reflect.Pointer, reflect.String, reflect.Slice, reflect.Map, reflect.Interface, reflect.Func, reflect.Chan, reflect.UnsafePointer:
			t.Errorf("storedValue field %d (%s) is a %s: the collector would scan every value", i, f.Name, f.Type)
		}
	}
}

// TestValuesOfIsGet: Of gives what Get gives, for the values' own
// indicators and for those of another methodology with the same IDs.
func TestValuesOfIsGet(t *testing.T) {
	m, other := valuesMethodology(), valuesMethodology()
	var vs Values
	vs.Put(m, m.Indicators()[1].ID, Value{Num: 7})
	for _, meth := range []*Methodology{m, other} {
		for _, ind := range meth.Indicators() {
			gv, gok := vs.Get(ind.ID)
			ov, ook := vs.Of(ind)
			if gok != ook || !reflect.DeepEqual(gv, ov) {
				t.Errorf("%s: Of gives %v %v, Get %v %v", ind.ID, ov, ook, gv, gok)
			}
		}
	}
	if _, ok := vs.Of(nil); ok {
		t.Error("Of(nil) reports a value")
	}
}
