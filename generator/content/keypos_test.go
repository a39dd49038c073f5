package content

import (
	"fmt"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

func TestScanKeys(t *testing.T) {
	src := strings.Join([]string{
		`top = 1 # comment with [fake] and x = 1`, // 1
		`[cluster]`,                    // 2
		`name = """`,                   // 3
		`[not.a.table]`,                // 4
		`fake = "inside a string" """`, // 5
		`  "quoted key" = 'x'`,         // 6
		`'literal.key' = '''`,          // 7
		`also = fake'''`,               // 8
		`nested = [`,                   // 9
		`  [1, 2],`,                    // 10
		`  { inner = "x" },`,           // 11
		`]`,                            // 12
		`[ assessment . "sub part" ]`,  // 13
		"esc = \"a \\\" b = c\"\r",     // 14
		`dotted . key = { a = 1, b = { c = 2 } }`, // 15
		`[[arr]]`,         // 16
		`x = 1`,           // 17
		`[[arr]]`,         // 18
		`x = 2`,           // 19
		`tail = """a""""`, // 20
		`after = 1`,       // 21
	}, "\n")
	if _, err := toml.Decode(src, new(map[string]any)); err != nil {
		t.Fatalf("test source is not TOML: %v", err)
	}
	kp, deep := scanKeys(src)
	if deep != (position{}) {
		t.Errorf("deep = %v, want zero", deep)
	}
	for key, want := range map[string]position{
		`top`:                                  {1, 1},
		`cluster`:                              {2, 1},
		`cluster.name`:                         {3, 1},
		`cluster."quoted key"`:                 {6, 3},
		`cluster."literal.key"`:                {7, 1},
		`cluster.nested`:                       {9, 1},
		`cluster.nested.inner`:                 {11, 5},
		`assessment`:                           {13, 1},
		`assessment."sub part"`:                {13, 1},
		`assessment."sub part".esc`:            {14, 1},
		`assessment."sub part".dotted.key`:     {15, 1},
		`assessment."sub part".dotted.key.b.c`: {15, 31},
		`arr`:                                  {16, 1},
		`arr.x`:                                {17, 1},
		`arr.tail`:                             {20, 1},
		`arr.after`:                            {21, 1},
	} {
		if got, ok := kp[key]; !ok || got != want {
			t.Errorf("%s at %v (found %v), want %v", key, got, ok, want)
		}
	}
	for _, bogus := range []string{"not", "cluster.fake", "cluster.also", "x", "cluster.x"} {
		if p, ok := kp[bogus]; ok {
			t.Errorf("%s recorded at %v, but it is not a key", bogus, p)
		}
	}
	if got := kp.at([]string{"cluster", "missing"}); got != (position{2, 1}) {
		t.Errorf("missing key placed at %v, want its table's header", got)
	}
	if got := kp.at([]string{"nowhere", "missing"}); got != (position{}) {
		t.Errorf("key of a missing table placed at %v, want 0:0", got)
	}
}

func TestScanKeysNeverPanics(t *testing.T) {
	for _, src := range []string{"", "[", "[[", `"`, `'''`, `"""`, `a = "\`, "a = [", "a = {", "a.", "= 1", "[a]\n\"b", "\xff = 1"} {
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("scanKeys(%q) panicked: %v", src, r)
				}
			}()
			_ = fmt.Sprint(scanKeys(src))
		}()
	}
}
