package content

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/BurntSushi/toml"

	"clustersite/generator/config"
)

// FuzzLoadAssessment loads one arbitrary assessment file next to a valid
// one: Load must never panic, every problem must name its file, and the
// directory must hold only well-formed clusters. For files that decode, the
// key scanner must find every key the decoder found. The seed corpus is in
// testdata/fuzz/FuzzLoadAssessment.
func FuzzLoadAssessment(f *testing.F) {
	f.Add([]byte(minimal))
	f.Add([]byte(fullFile))
	f.Add([]byte("cluster.name = 5\nassessment = { date = 2019-07-25, label = \"gold\" }\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := fstest.MapFS{
			"content/clusters/fuzz/2019-07-25.toml": {Data: data},
			"content/clusters/qoot/2018-01-01.toml": {Data: []byte(minimal)},
		}
		dir, ps := Load(fsys, config.Default(), Options{Drafts: true})
		for _, p := range ps {
			if p.Path == "" || p.Line < 0 || p.Col < 0 || p.Message == "" {
				t.Fatalf("problem without place or message: %#v", p)
			}
		}
		for _, c := range dir.Clusters {
			if !idPattern.MatchString(c.ID) || len(c.Assessments) == 0 {
				t.Fatalf("malformed cluster %q with %d assessments", c.ID, len(c.Assessments))
			}
			for _, a := range c.Assessments {
				if a.Cluster != c || a.Path == "" {
					t.Fatalf("assessment %q does not belong to %q", a.Path, c.ID)
				}
			}
		}
		checkScannerFindsEveryKey(t, strings.TrimPrefix(string(data), bom))
	})
}

func checkScannerFindsEveryKey(t *testing.T, src string) {
	kp, deep := scanKeys(src)
	if got := checkNesting(src); got != deep {
		t.Fatalf("checkNesting = %v, scanKeys found nesting at %v in %q", got, deep, src)
	}
	if deep != (position{}) || len(src) > maxFileSize {
		return
	}
	var doc map[string]any
	if _, err := toml.Decode(src, &doc); err != nil {
		return
	}
	var walk func(prefix []string, v any)
	walk = func(prefix []string, v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, e := range v {
				key := append(append([]string(nil), prefix...), k)
				if p, ok := kp[fieldName(key)]; !ok || p.line < 1 || p.col < 1 {
					t.Fatalf("scanner missed key %s in %q (found %v)", fieldName(key), src, p)
				}
				walk(key, e)
			}
		case []map[string]any:
			for _, e := range v {
				walk(prefix, e)
			}
		case []any:
			for _, e := range v {
				walk(prefix, e)
			}
		}
	}
	walk(nil, doc)
}
