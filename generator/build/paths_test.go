package build

import (
	"testing"

	"clustersite/generator/site"
)

func TestCheckPathsRefusesUncleanAndRepeatedPaths(t *testing.T) {
	for _, tc := range []struct {
		paths []string
		ok    bool
	}{
		{[]string{"index.html", "portfolios/index.html", "portfolios/ict/index.html", "clusters.json"}, true},
		{[]string{"portfolios/index.html", "portfolios//index.html"}, false},
		{[]string{"clusters/x/index.html", "clusters/x/index.html"}, false},
		{[]string{"../index.html"}, false},
		{[]string{"/etc/index.html"}, false},
		{[]string{"a/./b.html"}, false},
		{[]string{""}, false},
		{[]string{"clusters/../../x"}, false},
	} {
		var pages []site.Page
		for _, p := range tc.paths {
			pages = append(pages, site.Page{Path: p})
		}
		if err := checkPaths(pages[:len(pages)-1], []site.File{{Path: tc.paths[len(tc.paths)-1]}}); (err == nil) != tc.ok {
			t.Errorf("checkPaths(%q) = %v, want ok %t", tc.paths, err, tc.ok)
		}
	}
}
