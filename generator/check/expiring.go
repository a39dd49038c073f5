package check

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"clustersite/generator/model"
	"clustersite/generator/site"
)

// Due is a cluster whose label ends soon: one line of the secretariat's
// renewal to-do list.
type Due struct {
	ID         string      `json:"id"`
	Name       string      `json:"name"`
	Label      model.Label `json:"label"`
	ValidUntil model.Date  `json:"valid_until"`
	// DaysLeft from the build date to ValidUntil; 0 is the last day.
	DaysLeft int `json:"days_left"`
}

// Expiring lists the clusters whose current label ends within days of the
// site's build date (the end day included; labels that already ended are
// not listed), soonest first, then by name and id.
func Expiring(s *site.Site, days int) []Due {
	var due []Due
	for _, c := range s.Clusters {
		if c.DaysLeft < 0 || c.DaysLeft > days || c.ValidUntil.IsZero() {
			continue
		}
		due = append(due, Due{ID: c.ID, Name: c.Name, Label: c.Label, ValidUntil: c.ValidUntil, DaysLeft: c.DaysLeft})
	}
	slices.SortFunc(due, func(a, b Due) int {
		return cmp.Or(cmp.Compare(a.DaysLeft, b.DaysLeft), cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID))
	})
	return due
}

// maxWithinDays bounds ParseWithin: ten years is more than any label
// lasts.
const maxWithinDays = 3660

// ParseWithin reads the window of check --expiring: a number of days
// ("90d"), of weeks ("12w"), or a Go duration ("2160h"), which is cut to
// whole days. It accepts 0 ("0d": ends today) up to ten years.
func ParseWithin(s string) (days int, err error) {
	s = strings.TrimSpace(s)
	bad := func() (int, error) {
		return 0, fmt.Errorf("%q is not a time span such as 90d, 12w or 2160h", s)
	}
	switch {
	case s == "":
		return bad()
	case strings.HasSuffix(s, "d"), strings.HasSuffix(s, "w"):
		n, err := strconv.Atoi(s[:len(s)-1])
		if err != nil || n < 0 || strings.ContainsAny(s[:1], "+-") {
			return bad()
		}
		if strings.HasSuffix(s, "w") {
			n = min(n, maxWithinDays) * 7
		}
		days = n
	default:
		d, err := time.ParseDuration(s)
		if err != nil || d < 0 {
			return bad()
		}
		days = int(d / (24 * time.Hour))
	}
	if days > maxWithinDays {
		return 0, fmt.Errorf("%q is more than ten years", s)
	}
	return days, nil
}

// WriteDue prints the list of Expiring: in Text, a table with a header
// line (id, name, label, valid until, days left); in JSON, one object per
// cluster and line with the keys of Due. GitHub annotates lines of files,
// which a to-do list has not, so it is refused.
func WriteDue(w io.Writer, due []Due, f Format) error {
	switch f {
	case JSON:
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		for _, d := range due {
			if err := enc.Encode(d); err != nil {
				return err
			}
		}
		return nil
	case GitHub:
		return errors.New("--expiring prints a list, not annotations: use --format text or json")
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tNAME\tLABEL\tVALID UNTIL\tDAYS LEFT")
	for _, d := range due {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\n", d.ID, oneLine(d.Name), d.Label, d.ValidUntil, d.DaysLeft)
	}
	return tw.Flush()
}

// oneLine replaces tabs and line breaks, which would break the table's
// columns; names are single-line text, but a table should not trust that.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}
