// Package label applies the validity rules of the cluster-excellence labels
// to a cluster's assessment history and judges the status of its current
// label on a given day. It is pure: no I/O, no clock, no mutation of its
// input.
//
// Every assessment earns one validity Period, in order, oldest first
// (config.LabelRules gives the numbers; the defaults are in brackets):
//
//   - A first label is valid FirstYears [2] from the interview date:
//     interview 2019-07-25, valid until 2021-07-25.
//   - An assessment with the same label as the previous one, held no later
//     than GraceYears [1] after the previous period's end, is a renewal: it
//     extends seamlessly, ending RenewalYears [3] after the previous end
//     (GoldRenewalYears [2] for Gold). This holds whether it was held before
//     or after the previous end.
//   - A renewal held later than that starts again: FirstYears from its date.
//   - A different label than the previous one (Bronze→Silver, Silver→Gold,
//     or a downgrade) starts its own FirstYears from its date.
//   - An explicit ValidUntil in the file (the date on the certificate)
//     always wins over the computed end, and later renewals extend from it.
//     Renewal is still decided by label and date, so a period can be both
//     Renewal and Explicit.
//   - With End = config.EndMonthEnd, a computed end moves to the last day of
//     its month (2019-07-25 → 2021-07-31). Explicit ends never move.
//   - Adding years to 29 February gives 28 February in a common year
//     (model.Date.AddYears): a certificate never ends in the following month.
//
// The status is that of the newest period on the given day:
//
//   - valid: today <= End and more than ExpiringDays [90] days are left;
//   - expiring: today <= End and at most ExpiringDays days are left (the
//     day of End itself is always expiring, since 0 days are left);
//   - expired: after End, but no later than GraceYears after End, while a
//     renewal still extends seamlessly;
//   - lapsed: later than that.
package label

import (
	"clustersite/generator/config"
	"clustersite/generator/model"
)

// Period is the validity an assessment earned.
type Period struct {
	Assessment *model.Assessment
	// End is the last day the label of this assessment is valid.
	End model.Date
	// Renewal: this assessment extended the previous period of the same
	// label seamlessly.
	Renewal bool
	// Explicit: End comes from the file's valid_until.
	Explicit bool
}

// Standing is a cluster's label situation on a date.
type Standing struct {
	// Periods holds one period per assessment, oldest first.
	Periods []Period
	// Label is the label of the newest assessment ("" when none).
	Label model.Label
	// ValidUntil is the end of the newest period (zero when none).
	ValidUntil model.Date
	// Status of the newest period on the evaluation day ("" when none).
	Status model.Status
	// DaysLeft is the number of days from the evaluation day to ValidUntil,
	// negative once ended (0 when none).
	DaysLeft int
}

// Evaluate applies rules to a cluster's assessments, which must be sorted
// oldest first, on the given day. An empty history gives the zero Standing.
func Evaluate(assessments []*model.Assessment, rules config.LabelRules, today model.Date) Standing {
	periods := periodsOf(assessments, rules)
	if len(periods) == 0 {
		return Standing{}
	}
	newest := periods[len(periods)-1]
	return Standing{
		Periods:    periods,
		Label:      newest.Assessment.Label,
		ValidUntil: newest.End,
		Status:     statusOn(today, newest.End, rules),
		DaysLeft:   today.DaysUntil(newest.End),
	}
}

// periodsOf computes the period of every assessment, each from the one
// before it.
func periodsOf(assessments []*model.Assessment, rules config.LabelRules) []Period {
	if len(assessments) == 0 {
		return nil
	}
	periods := make([]Period, 0, len(assessments))
	for i, a := range assessments {
		var previous *Period
		if i > 0 {
			previous = &periods[i-1]
		}
		periods = append(periods, periodOf(a, previous, rules))
	}
	return periods
}

// periodOf computes the period assessment a earned after the previous
// period (nil for the first assessment).
func periodOf(a *model.Assessment, previous *Period, rules config.LabelRules) Period {
	p := Period{Assessment: a, Renewal: renews(a, previous, rules)}
	switch {
	case !a.ValidUntil.IsZero():
		p.End, p.Explicit = a.ValidUntil, true
	case p.Renewal:
		p.End = computedEnd(previous.End.AddYears(renewalYears(a.Label, rules)), rules)
	default:
		p.End = computedEnd(a.Date.AddYears(rules.FirstYears), rules)
	}
	return p
}

// renews reports whether a extends the previous period seamlessly: same
// label, held no later than GraceYears after the previous end.
func renews(a *model.Assessment, previous *Period, rules config.LabelRules) bool {
	if previous == nil || a.Label != previous.Assessment.Label {
		return false
	}
	return !a.Date.After(previous.End.AddYears(rules.GraceYears))
}

// renewalYears is how far a renewal of the label extends the previous end.
func renewalYears(l model.Label, rules config.LabelRules) int {
	if l == model.Gold {
		return rules.GoldRenewalYears
	}
	return rules.RenewalYears
}

// computedEnd places an end computed by the rules where the End setting
// says: the same day, or the last day of its month.
func computedEnd(end model.Date, rules config.LabelRules) model.Date {
	if rules.End == config.EndMonthEnd {
		return end.MonthEnd()
	}
	return end
}

// statusOn judges a period ending on end, on the day today.
func statusOn(today, end model.Date, rules config.LabelRules) model.Status {
	switch {
	case today.After(end.AddYears(rules.GraceYears)):
		return model.StatusLapsed
	case today.After(end):
		return model.StatusExpired
	case today.DaysUntil(end) <= rules.ExpiringDays:
		return model.StatusExpiring
	default:
		return model.StatusValid
	}
}
