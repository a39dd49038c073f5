// Package config reads a site's config.toml. Every setting has a default, so
// an empty or missing config.toml gives a working site; Default holds them
// all in one place.
//
// The file looks like this (all keys optional):
//
//	title = "Cluster Excellence Directory"
//	base_url = "https://labels.example.org/"  # empty: relative links
//	language = "en"                            # en, de or fr
//	today = 2026-11-28                         # fixed build date; default: the clock
//	licence = "CC BY 4.0"                      # licence of the open data
//	page_size = 200                            # clusters per directory page
//	portfolios = ["Aviation and space", ...]   # comparative portfolios
//
//	[labels]
//	first_years = 2          # validity of a first label
//	renewal_years = 3        # extension by a Bronze or Silver renewal
//	gold_renewal_years = 2   # extension by a Gold re-assessment
//	grace_years = 1          # how long after expiry a renewal still extends
//	expiring_days = 90       # window in which a valid label is "expiring"
//	end = "same-day"         # computed end: "same-day" or "month-end"
//
//	[statistics]
//	min_group_size = 5       # smallest group whose statistics are published
//
// Title, licence and portfolios are single lines of text without control
// characters or bidirectional embeddings and overrides. Each portfolio has
// its page at portfolios/<slug>/ (package slug), so its name needs Latin
// letters or digits and no two names may make the same slug. A config.toml
// larger than 1 MiB is an error, as a content file is.
package config

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/BurntSushi/toml"

	"clustersite/generator/model"
	"clustersite/generator/slug"
)

// FileName is the name of the config file in the site folder.
const FileName = "config.toml"

// Config is the site configuration.
type Config struct {
	// Title of the site, shown in every page header.
	Title string `toml:"title"`
	// BaseURL is the absolute URL the site is published at, ending in "/";
	// empty means every link is relative so the folder works anywhere.
	BaseURL string `toml:"base_url"`
	// Language of the interface: "en", "de" or "fr".
	Language string `toml:"language"`
	// Today fixes the build date for statuses; zero means the clock.
	Today time.Time `toml:"today"`
	// Licence of the open data files, shown on the data page.
	Licence string `toml:"licence"`
	// PageSize is the number of clusters per directory listing page.
	PageSize int `toml:"page_size"`
	// Portfolios are the known comparative portfolios (sector groups).
	Portfolios []string `toml:"portfolios"`
	// Labels holds the validity rules.
	Labels LabelRules `toml:"labels"`
	// Statistics holds the portfolio statistics settings.
	Statistics Statistics `toml:"statistics"`
}

// LabelRules are the rules that turn an assessment history into validity
// dates and a status. See the label package.
type LabelRules struct {
	// FirstYears is the validity of a first label, from the interview.
	FirstYears int `toml:"first_years"`
	// RenewalYears extends a Bronze or Silver label from the previous end.
	RenewalYears int `toml:"renewal_years"`
	// GoldRenewalYears extends a Gold label from the previous end.
	GoldRenewalYears int `toml:"gold_renewal_years"`
	// GraceYears is how long after expiry a renewal still extends
	// seamlessly; later, validity starts again at FirstYears.
	GraceYears int `toml:"grace_years"`
	// ExpiringDays is the window before the end in which a label counts as
	// expiring.
	ExpiringDays int `toml:"expiring_days"`
	// End says where a computed end falls: EndSameDay or EndMonthEnd.
	End string `toml:"end"`
}

// Values of LabelRules.End.
const (
	EndSameDay  = "same-day"
	EndMonthEnd = "month-end"
)

// Statistics configures portfolio statistics.
type Statistics struct {
	// MinGroupSize is the smallest group whose statistics are published.
	MinGroupSize int `toml:"min_group_size"`
}

// DefaultPortfolios are the comparative portfolios as spelled in the public
// directory. Two contain a comma: never split a list of them on ", ".
var DefaultPortfolios = []string{
	"Aviation and space",
	"Biotechnology",
	"Construction",
	"Creative industries",
	"Energy and environment",
	"Food industry",
	"Health and medical science",
	"ICT",
	"Maritime technologies, water resources",
	"Micro, nano and optical technologies",
	"New materials and chemistry",
	"Production and engineering",
	"Sports, Leisure and Tourism",
	"Transportation and mobility",
}

// Languages are the interface languages shipped.
var Languages = []string{"en", "de", "fr"}

// Default returns the configuration used for every key a config.toml leaves
// out.
func Default() Config {
	return Config{
		Title:      "Cluster Excellence Directory",
		Language:   "en",
		Licence:    "CC BY 4.0",
		PageSize:   200,
		Portfolios: append([]string(nil), DefaultPortfolios...),
		Labels: LabelRules{
			FirstYears:       2,
			RenewalYears:     3,
			GoldRenewalYears: 2,
			GraceYears:       1,
			ExpiringDays:     90,
			End:              EndSameDay,
		},
		Statistics: Statistics{MinGroupSize: 5},
	}
}

// TodayDate returns the configured build date, or the zero Date.
func (c *Config) TodayDate() model.Date {
	if c.Today.IsZero() {
		return model.Date{}
	}
	return model.DateOf(c.Today)
}

// maxFileSize is the largest config.toml read, as for content files.
const maxFileSize = 1 << 20

// Load reads config.toml from the site folder, filling defaults. A missing
// file is not an error. Problems in the file, and a file larger than 1 MiB,
// are returned as model.Problems.
func Load(site fs.FS) (Config, error) {
	cfg := Default()
	f, err := site.Open(FileName)
	if errors.Is(err, fs.ErrNotExist) {
		return cfg, nil
	}
	if err != nil {
		return cfg, fmt.Errorf("reading %s: %w", FileName, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxFileSize+1))
	if err != nil {
		return cfg, fmt.Errorf("reading %s: %w", FileName, err)
	}
	if len(data) > maxFileSize {
		return cfg, model.Problems{{Path: FileName, Severity: model.Error, Message: "file is larger than 1 MiB"}}
	}
	return Parse(data)
}

// Parse decodes config.toml bytes over the defaults and validates them.
func Parse(data []byte) (Config, error) {
	cfg := Default()
	md, err := toml.Decode(string(data), &cfg)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return cfg, model.Problems{{Path: FileName, Line: pe.Position.Line, Col: pe.Position.Col,
				Field: pe.LastKey, Severity: model.Error, Message: pe.Message}}
		}
		return cfg, model.Problems{{Path: FileName, Severity: model.Error, Message: err.Error()}}
	}
	var ps model.Problems
	bad := func(field, format string, args ...any) {
		ps = append(ps, model.Problem{Path: FileName, Field: field, Severity: model.Error, Message: fmt.Sprintf(format, args...)})
	}
	for _, k := range md.Undecoded() {
		bad(k.String(), "unknown key")
	}
	cfg.BaseURL = strings.TrimSpace(cfg.BaseURL)
	if cfg.BaseURL != "" {
		u, err := url.Parse(cfg.BaseURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			bad("base_url", "must be an absolute http or https URL, got %q", cfg.BaseURL)
		} else if !strings.HasSuffix(cfg.BaseURL, "/") {
			cfg.BaseURL += "/"
		}
	}
	if !slices.Contains(Languages, cfg.Language) {
		bad("language", "must be one of %s, got %q", strings.Join(Languages, ", "), cfg.Language)
	}
	if cfg.PageSize < 10 || cfg.PageSize > 5000 {
		bad("page_size", "must be between 10 and 5000, got %d", cfg.PageSize)
	}
	l := cfg.Labels
	for _, y := range []struct {
		field string
		n     int
	}{{"labels.first_years", l.FirstYears}, {"labels.renewal_years", l.RenewalYears}, {"labels.gold_renewal_years", l.GoldRenewalYears}} {
		if y.n < 1 || y.n > 10 {
			bad(y.field, "must be between 1 and 10 years, got %d", y.n)
		}
	}
	if l.GraceYears < 0 || l.GraceYears > 10 {
		bad("labels.grace_years", "must be between 0 and 10 years, got %d", l.GraceYears)
	}
	if l.ExpiringDays < 0 || l.ExpiringDays > 366 {
		bad("labels.expiring_days", "must be between 0 and 366, got %d", l.ExpiringDays)
	}
	if l.End != EndSameDay && l.End != EndMonthEnd {
		bad("labels.end", "must be %q or %q, got %q", EndSameDay, EndMonthEnd, l.End)
	}
	if cfg.Statistics.MinGroupSize < 1 {
		bad("statistics.min_group_size", "must be at least 1, got %d", cfg.Statistics.MinGroupSize)
	}
	if msg := lineProblem(cfg.Title); msg != "" {
		bad("title", "%s", msg)
	}
	if msg := lineProblem(cfg.Licence); msg != "" {
		bad("licence", "%s", msg)
	}
	checkPortfolios(cfg.Portfolios, bad)
	if ps != nil {
		return cfg, ps
	}
	return cfg, nil
}

// checkPortfolios reports portfolios that are blank, repeated, or that
// would have no page of their own: a portfolio's page is
// portfolios/<slug>/, so its name needs Latin letters or digits, and two
// names must not make the same slug.
func checkPortfolios(portfolios []string, bad func(field, format string, args ...any)) {
	seen := map[string]bool{}
	pages := map[string]string{} // slug → portfolio
	for _, p := range portfolios {
		if strings.TrimSpace(p) == "" || seen[p] {
			bad("portfolios", "empty or repeated portfolio %q", p)
			continue
		}
		seen[p] = true
		if msg := lineProblem(p); msg != "" {
			bad("portfolios", "portfolio %q %s", p, msg)
			continue
		}
		s := slug.Make(p)
		switch other, dup := pages[s]; {
		case s == "":
			bad("portfolios", "portfolio %q has no Latin letters or digits to make the address of its page from", p)
		case dup:
			bad("portfolios", "portfolios %q and %q would share the page portfolios/%s/; make the names differ in letters or digits", other, p, s)
		default:
			pages[s] = p
		}
	}
}

// lineProblem says what is wrong with a single-line setting, or "": the
// rules of single-line fields in content (control characters and
// bidirectional embeddings, overrides and isolates reorder or break the
// pages' text).
func lineProblem(s string) string {
	if strings.ContainsFunc(s, unicode.IsControl) {
		return "must be a single line of text (no control characters)"
	}
	if strings.ContainsFunc(s, func(r rune) bool { return r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069 }) {
		return "must not contain bidirectional control characters (U+202A–U+202E, U+2066–U+2069)"
	}
	return ""
}
