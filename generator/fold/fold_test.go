package fold

import (
	"encoding/json"
	"os"
	"testing"
)

// Case is one row of testdata/fold.json, the table that this package and
// assets/search.js must both satisfy.
type Case struct {
	In  string `json:"in"`
	Out string `json:"out"`
}

func TestFoldTable(t *testing.T) {
	data, err := os.ReadFile("testdata/fold.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []Case
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		if got := String(c.In); got != c.Out {
			t.Errorf("String(%q) = %q, want %q", c.In, got, c.Out)
		}
	}
}

func FuzzStringIsAFixedPoint(f *testing.F) {
	for _, s := range []string{"Aragonés", "d’Empreses", "BM³", "O''Neill", "½"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		once := String(s)
		if twice := String(once); twice != once {
			t.Errorf("String(String(%q)) = %q, want %q", s, twice, once)
		}
	})
}
