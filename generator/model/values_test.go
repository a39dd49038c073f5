package model

import "testing"

func TestValuesGet(t *testing.T) {
	vs := Values{{ID: "participants", Value: Value{Num: 54}}, {ID: "legal_form", Value: Value{Text: "association"}}}
	for _, tc := range []struct {
		id   string
		want Value
		ok   bool
	}{
		{"participants", Value{Num: 54}, true},
		{"legal_form", Value{Text: "association"}, true},
		{"companies", Value{}, false},
		{"", Value{}, false},
	} {
		got, ok := vs.Get(tc.id)
		if ok != tc.ok || got.Num != tc.want.Num || got.Text != tc.want.Text {
			t.Errorf("Get(%q) = %+v, %v; want %+v, %v", tc.id, got, ok, tc.want, tc.ok)
		}
	}
	if _, ok := Values(nil).Get("participants"); ok {
		t.Error("nil Values report a value")
	}
}
