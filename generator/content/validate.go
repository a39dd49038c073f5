package content

import (
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"clustersite/generator/methodology"
	"clustersite/generator/model"
	"clustersite/generator/slug"
)

// Limits of the content format.
const (
	maxSectors  = 1000
	minFounded  = 1800
	maxScore    = 100
	minYearKind = 1800
	maxYearKind = 2100
)

var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// checker validates decoded tables against the site's configuration and
// methodologies. It is shared read-only by the decoding workers.
type checker struct {
	// portfolios are those of config.toml. Only they, not the whole
	// config, are given, because the caches of decoded files key what
	// decoding depends on (decodingEnv).
	portfolios    []string
	methodologies map[string]*model.Methodology
	// progress counts the files decoded; it may be nil.
	progress *Progress
}

// checkCluster validates the [cluster] table (bound as bindTable returned
// it) and returns the profile and the cluster id, "" if none can be had.
// date is the assessment's date, zero if unknown.
func (c *checker) checkCluster(r *report, t *clusterTable, bound map[string]bool, date model.Date) (*model.Cluster, string) {
	p := &model.Cluster{
		Name: strings.TrimSpace(t.Name), NativeName: strings.TrimSpace(t.NativeName),
		Country: t.Country, Region: strings.TrimSpace(t.Region), Website: t.Website,
		Portfolio: t.Portfolio, Sectors: t.Sectors, Founded: t.Founded, Description: t.Description,
	}
	checkRequired(r, "cluster", bound, "name", "country")
	if bound["name"] && p.Name == "" {
		r.errorf("cluster.name", "must not be blank")
	}
	if bound["country"] {
		if msg := checkCountry(t.Country); msg != "" {
			r.errorf("cluster.country", "%s", msg)
		}
	}
	if t.Website != "" && !isWebURL(t.Website) {
		r.errorf("cluster.website", "must be an absolute http or https URL such as https://example.org, got %q", truncate(t.Website, 60))
	}
	c.checkPortfolio(r, t.Portfolio)
	checkSectors(r, t.Sectors)
	checkFounded(r, bound["founded"], t.Founded, date)
	return p, clusterID(r, t, bound, p.Name)
}

// checkRequired reports each of keys missing from a table. A key that is
// present with a wrong value was reported by bindTable already.
func checkRequired(r *report, table string, bound map[string]bool, keys ...string) {
	for _, k := range keys {
		if _, present := bound[k]; !present {
			r.errorf(table+"."+k, "is required")
		}
	}
}

// clusterID returns the explicit id if valid, else the slug of the name.
func clusterID(r *report, t *clusterTable, bound map[string]bool, name string) string {
	if bound["id"] {
		if !idPattern.MatchString(t.ID) {
			r.errorf("cluster.id", "must be lower-case letters and digits joined by single '-', such as \"qoot-cluster\", got %q", truncate(t.ID, 60))
			return ""
		}
		return t.ID
	}
	if name == "" {
		return ""
	}
	id := slug.Make(name)
	if id == "" {
		r.errorf("cluster.name", "has no Latin letters or digits to make an id from; set cluster.id")
	}
	return id
}

func isWebURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Opaque == "" && u.Hostname() != ""
}

func (c *checker) checkPortfolio(r *report, portfolio string) {
	if portfolio == "" {
		return
	}
	near := ""
	for _, p := range c.portfolios {
		if p == portfolio {
			return
		}
		if near == "" && strings.EqualFold(strings.Join(strings.Fields(p), " "), strings.Join(strings.Fields(portfolio), " ")) {
			near = p
		}
	}
	if near != "" {
		r.errorf("cluster.portfolio", "unknown portfolio %q; did you mean %q?", portfolio, near)
		return
	}
	r.errorf("cluster.portfolio", "unknown portfolio %q; use one of the portfolios in config.toml: %s", truncate(portfolio, 60), quoteList(c.portfolios))
}

func checkSectors(r *report, sectors []string) {
	if len(sectors) > maxSectors {
		r.errorf("cluster.sectors", "has %d sectors, more than %d", len(sectors), maxSectors)
		return
	}
	for i, s := range sectors {
		if strings.TrimSpace(s) == "" {
			r.errorf("cluster.sectors", "element %d is blank", i+1)
		}
	}
}

func checkFounded(r *report, given bool, year int, date model.Date) {
	if !given {
		return
	}
	hi, why := maxYearKind, ""
	if !date.IsZero() {
		hi, why = date.Year+1, " (the year after the assessment)"
	}
	if year < minFounded || year > hi {
		r.errorf("cluster.founded", "must be a year from %d to %d%s, got %d", minFounded, hi, why, year)
	}
}

// checkAssessment validates the [assessment] table and returns the
// assessment without values.
func (c *checker) checkAssessment(r *report, t *assessmentTable, bound map[string]bool) *model.Assessment {
	a := &model.Assessment{
		Path: r.path, Date: t.Date, Label: model.Label(t.Label), ValidUntil: t.ValidUntil, Score: t.Score,
		ReportID: strings.TrimSpace(t.ReportID), Expert: strings.TrimSpace(t.Expert),
		Publish: model.Publish(t.Publish), Draft: t.Draft,
		Summary: t.Summary, Recommendations: t.Recommendations,
	}
	checkRequired(r, "assessment", bound, "date", "label")
	if bound["label"] {
		checkLabel(r, t.Label)
	}
	if !t.ValidUntil.IsZero() && !t.Date.IsZero() && !t.ValidUntil.After(t.Date) {
		r.errorf("assessment.valid_until", "must be after the assessment date %s, got %s", t.Date, t.ValidUntil)
	}
	checkScore(r, a.Label, bound, t.Score)
	switch a.Publish {
	case "":
		a.Publish = model.PublishFull
	case model.PublishFull, model.PublishProfile:
	default:
		r.errorf("assessment.publish", "must be %q or %q, got %q", model.PublishFull, model.PublishProfile, truncate(t.Publish, 60))
		a.Publish = model.PublishProfile // publish the least of a wrong file
	}
	a.Methodology = c.methodology(r, t.Methodology)
	return a
}

func checkLabel(r *report, label string) {
	if model.Label(label).Valid() {
		return
	}
	if l := strings.ToLower(strings.TrimSpace(label)); model.Label(l).Valid() {
		r.errorf("assessment.label", "must be lower case: %q", l)
		return
	}
	r.errorf("assessment.label", "must be \"bronze\", \"silver\" or \"gold\", got %q", truncate(label, 60))
}

func checkScore(r *report, label model.Label, bound map[string]bool, score float64) {
	given, present := bound["score"]
	switch {
	case present && (label == model.Bronze || label == model.Silver):
		r.errorf("assessment.score", "only gold assessments have a score")
	case given && label == model.Gold && !(score > 0 && score <= maxScore):
		r.errorf("assessment.score", "must be more than 0 and at most %d (percent), got %s", maxScore, strconv.FormatFloat(score, 'g', -1, 64))
	case !present && label == model.Gold:
		r.warnf("assessment.score", "gold assessment without score")
	}
}

// methodology returns the named methodology, the default for "", or nil
// for an unknown id (reported).
func (c *checker) methodology(r *report, id string) *model.Methodology {
	if id == "" {
		id = methodology.DefaultID
	}
	if m := c.methodologies[id]; m != nil {
		return m
	}
	r.errorf("assessment.methodology", "unknown methodology %q; known: %s", truncate(id, 60), strings.Join(sortedKeys(c.methodologies), ", "))
	return nil
}

func quoteList(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}
