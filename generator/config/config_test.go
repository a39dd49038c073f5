package config

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"clustersite/generator/model"
)

func TestEmptyAndMissingConfigGiveDefaults(t *testing.T) {
	for name, fsys := range map[string]fstest.MapFS{
		"missing": {},
		"empty":   {"config.toml": {Data: nil}},
	} {
		cfg, err := Load(fsys)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if cfg.Labels.FirstYears != 2 || cfg.Labels.RenewalYears != 3 || cfg.Labels.GraceYears != 1 ||
			cfg.Labels.GoldRenewalYears != 2 || cfg.Labels.ExpiringDays != 90 || cfg.Labels.End != EndSameDay ||
			cfg.Statistics.MinGroupSize != 5 || len(cfg.Portfolios) != 14 || cfg.Language != "en" {
			t.Errorf("%s: defaults = %+v", name, cfg)
		}
	}
}

func TestParseReadsEverySetting(t *testing.T) {
	cfg, err := Parse([]byte(`title = "T"
base_url = "https://labels.example.org"
language = "de"
today = 2026-01-31
portfolios = ["Food industry", "Maritime technologies, water resources"]
[labels]
end = "month-end"
expiring_days = 60
[statistics]
min_group_size = 3
`))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.BaseURL != "https://labels.example.org/" {
		t.Errorf("base_url = %q, want a trailing slash added", cfg.BaseURL)
	}
	if cfg.TodayDate() != model.NewDate(2026, 1, 31) {
		t.Errorf("today = %v", cfg.TodayDate())
	}
	if !slices.Equal(cfg.Portfolios, []string{"Food industry", "Maritime technologies, water resources"}) {
		t.Errorf("portfolios = %q", cfg.Portfolios)
	}
	if cfg.Labels.End != EndMonthEnd || cfg.Labels.ExpiringDays != 60 || cfg.Statistics.MinGroupSize != 3 || cfg.Language != "de" {
		t.Errorf("cfg = %+v", cfg)
	}
}

func TestParseReportsEveryBadSetting(t *testing.T) {
	_, err := Parse([]byte(`base_url = "javascript:alert(1)"
language = "xx"
colour = "red"
[labels]
end = "sometime"
first_years = 0
`))
	var ps model.Problems
	if !errors.As(err, &ps) {
		t.Fatalf("err = %v, want problems", err)
	}
	var fields []string
	for _, p := range ps {
		fields = append(fields, p.Field)
	}
	got := strings.Join(fields, " ")
	for _, want := range []string{"colour", "base_url", "language", "labels.end", "labels.first_years"} {
		if !strings.Contains(got, want) {
			t.Errorf("problems %q lack %s", got, want)
		}
	}
}

func TestSyntaxErrorHasALine(t *testing.T) {
	_, err := Parse([]byte("title = \"x\"\nlanguage = \n"))
	var ps model.Problems
	if !errors.As(err, &ps) || ps[0].Line != 2 || ps[0].Path != FileName {
		t.Fatalf("err = %v, want a problem on config.toml line 2", err)
	}
}
