package config

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"clustersite/generator/model"
)

// TestPortfoliosNeedAPageOfTheirOwn: a portfolio's page is
// portfolios/<slug>/. A name without Latin letters or digits would make
// "portfolios//" (the list of all portfolios), and two names with one slug
// one page for both; each is an error.
func TestPortfoliosNeedAPageOfTheirOwn(t *testing.T) {
	for _, tc := range []struct{ portfolios, want string }{
		{`["!!!"]`, `config.toml:0:0: portfolios: portfolio "!!!" has no Latin letters or digits to make the address of its page from`},
		{`["ICT", "日本"]`, `config.toml:0:0: portfolios: portfolio "日本" has no Latin letters or digits to make the address of its page from`},
		{`["Food industry", "Food-Industry"]`, `config.toml:0:0: portfolios: portfolios "Food industry" and "Food-Industry" would share the page portfolios/food-industry/; make the names differ in letters or digits`},
		{`["Énergie", "energie!"]`, `config.toml:0:0: portfolios: portfolios "Énergie" and "energie!" would share the page portfolios/energie/; make the names differ in letters or digits`},
		{`["a\u0000b"]`, `config.toml:0:0: portfolios: portfolio "a\x00b" must be a single line of text (no control characters)`},
		{`["ICT", "ICT"]`, `config.toml:0:0: portfolios: empty or repeated portfolio "ICT"`},
		{`["Micro, nano and optical technologies", "ICT (software)"]`, ``},
	} {
		_, err := Parse([]byte("portfolios = " + tc.portfolios))
		if got := problemText(err); got != tc.want {
			t.Errorf("portfolios = %s:\n got %s\nwant %s", tc.portfolios, got, tc.want)
		}
	}
}

func TestTitleAndLicenceAreSingleLines(t *testing.T) {
	_, err := Parse([]byte("title = \"Directory\\u0000\"\nlicence = \"CC\\u202EBY\""))
	want := "config.toml:0:0: title: must be a single line of text (no control characters)\n" +
		"config.toml:0:0: licence: must not contain bidirectional control characters (U+202A–U+202E, U+2066–U+2069)"
	if got := problemText(err); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if _, err := Parse([]byte(`title = "<script>alert(1)</script> & \"Co\""`)); err != nil {
		t.Errorf("markup in the title is text, not an error: %v", err)
	}
}

func TestConfigOverOneMiBIsAProblem(t *testing.T) {
	big := "title = \"x\"\n#" + strings.Repeat("x", 1<<20) + "\n"
	_, err := Load(fstest.MapFS{FileName: {Data: []byte(big)}})
	if got := problemText(err); got != "config.toml:0:0: file is larger than 1 MiB" {
		t.Errorf("got %s", got)
	}
}

func problemText(err error) string {
	if err == nil {
		return ""
	}
	var ps model.Problems
	if !errors.As(err, &ps) {
		return "not problems: " + err.Error()
	}
	return ps.Error()
}
