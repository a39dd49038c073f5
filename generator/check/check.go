// Package check finds what an editor should look at in a directory that
// builds: the warnings that need the whole loaded site rather than one file,
// the secretariat's list of labels about to end, and the three ways check
// prints problems (text, JSON lines, GitHub workflow commands).
//
// The content loader already reports every error and the per-file warnings
// (indicators not reported, a gold assessment without score). Warnings adds:
//
//   - a label that expires within the expiring window (status "expiring",
//     config labels.expiring_days): at the cluster's newest assessment, on
//     assessment.valid_until when the file gives it, else on
//     assessment.date;
//   - a published website that is http, not https: at cluster.website of
//     the newest assessment, whose [cluster] table is the published
//     profile (older files' websites are history and not warned about);
//   - portfolio statistics suppressed by the minimum group size
//     (stats.Suppressed), one warning per group (a portfolio, or all
//     clusters) naming how many indicators are not compared, placed at
//     statistics.min_group_size in config.toml.
//
// Positions come from the source files through content.Locate; a file that
// cannot be read gives the position 0:0, never a failure.
//
// It prints nothing itself: Write formats problems onto the writer it is
// given.
package check

import (
	"cmp"
	"fmt"
	"io/fs"
	"net/url"
	"slices"
	"strings"

	"clustersite/generator/config"
	"clustersite/generator/content"
	"clustersite/generator/model"
	"clustersite/generator/site"
	"clustersite/generator/stats"
)

// Warnings returns the site-wide warnings of a directory that loaded
// without errors, sorted like every problem list. siteDir is the site
// folder the directory was loaded from, read only to place the warnings.
func Warnings(siteDir fs.FS, dir *model.Directory, s *site.Site) model.Problems {
	loc := locator{fsys: siteDir, src: map[string][]byte{}}
	byID := make(map[string]*model.Cluster, len(dir.Clusters))
	for _, c := range dir.Clusters {
		byID[c.ID] = c
	}
	var ps model.Problems
	for _, c := range s.Clusters {
		mc := byID[c.ID]
		if mc == nil || mc.Latest() == nil {
			continue
		}
		if p, ok := expiring(loc, c, mc.Latest(), s.Config.Labels.ExpiringDays); ok {
			ps = append(ps, p)
		}
		if p, ok := plainHTTP(loc, mc); ok {
			ps = append(ps, p)
		}
	}
	ps = append(ps, suppressed(loc, s.Stats.Suppressed(), s.Config.Statistics.MinGroupSize)...)
	ps.Sort()
	return ps
}

// expiring warns about a label in its last ExpiringDays days.
func expiring(loc locator, c *site.Cluster, latest *model.Assessment, window int) (model.Problem, bool) {
	if c.Status != model.StatusExpiring {
		return model.Problem{}, false
	}
	field := "assessment.date"
	if !latest.ValidUntil.IsZero() {
		field = "assessment.valid_until"
	}
	msg := fmt.Sprintf("the %s label of %s ends on %s, %s (within the expiring window of %d days): plan the renewal",
		c.Label, c.Name, c.ValidUntil, inDays(c.DaysLeft), window)
	return loc.warning(latest.Path, field, msg), true
}

// inDays says when something happens relative to today.
func inDays(n int) string {
	switch n {
	case 0:
		return "today"
	case 1:
		return "tomorrow"
	}
	return fmt.Sprintf("in %d days", n)
}

// plainHTTP warns about a published website without TLS.
func plainHTTP(loc locator, mc *model.Cluster) (model.Problem, bool) {
	u, err := url.Parse(mc.Website)
	if err != nil || !strings.EqualFold(u.Scheme, "http") {
		return model.Problem{}, false
	}
	msg := fmt.Sprintf("%q is not https: visitors' browsers warn about plain http; use the https address if the site has one", mc.Website)
	return loc.warning(mc.Latest().Path, "cluster.website", msg), true
}

// suppressed warns once per group that has indicators with too few values
// to publish their statistics.
func suppressed(loc locator, groups []stats.Group, minGroup int) model.Problems {
	type tally struct{ indicators, most int }
	byGroup := map[string]*tally{}
	for _, g := range groups {
		t := byGroup[g.Portfolio]
		if t == nil {
			t = &tally{}
			byGroup[g.Portfolio] = t
		}
		t.indicators++
		t.most = max(t.most, g.N)
	}
	names := make([]string, 0, len(byGroup))
	for name := range byGroup {
		names = append(names, name)
	}
	slices.SortFunc(names, cmp.Compare)
	var ps model.Problems
	for _, name := range names {
		t := byGroup[name]
		group := "all clusters"
		if name != "" {
			group = fmt.Sprintf("portfolio %q", name)
		}
		each := " each"
		if t.indicators == 1 {
			each = ""
		}
		msg := fmt.Sprintf("%s: no statistics published for %d %s, reported by at most %d %s%s; the minimum is %d",
			group, t.indicators, plural(t.indicators, "indicator", "indicators"), t.most, plural(t.most, "cluster", "clusters"), each, minGroup)
		ps = append(ps, loc.warning(config.FileName, "statistics.min_group_size", msg))
	}
	return ps
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// locator places warnings in the site's files, reading each file once.
type locator struct {
	fsys fs.FS
	src  map[string][]byte
}

func (l locator) warning(path, field, msg string) model.Problem {
	src, ok := l.src[path]
	if !ok {
		src, _ = fs.ReadFile(l.fsys, path) // unreadable: position 0:0
		l.src[path] = src
	}
	line, col := content.Locate(src, field)
	return model.Problem{Path: path, Line: line, Col: col, Field: field, Severity: model.Warning, Message: msg}
}
