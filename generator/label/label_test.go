package label

import (
	"fmt"
	"testing"

	"clustersite/generator/config"
	"clustersite/generator/model"
)

// day parses YYYY-MM-DD or panics; "" is the zero Date.
func day(s string) model.Date {
	if s == "" {
		return model.Date{}
	}
	d, err := model.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// held is one assessment of a test history: label, interview date and the
// optional valid_until.
type held struct {
	label      model.Label
	date       string
	validUntil string
}

func history(entries ...held) []*model.Assessment {
	as := make([]*model.Assessment, len(entries))
	for i, e := range entries {
		as[i] = &model.Assessment{Label: e.label, Date: day(e.date), ValidUntil: day(e.validUntil)}
	}
	return as
}

func defaultRules() config.LabelRules { return config.Default().Labels }

func monthEndRules() config.LabelRules {
	r := defaultRules()
	r.End = config.EndMonthEnd
	return r
}

// earned is the expected period of one assessment.
type earned struct {
	end      string
	renewal  bool
	explicit bool
}

func (e earned) String() string {
	return fmt.Sprintf("{end %s renewal %t explicit %t}", e.end, e.renewal, e.explicit)
}

func TestEvaluatePeriods(t *testing.T) {
	b, s, g := model.Bronze, model.Silver, model.Gold
	tests := []struct {
		name    string
		rules   config.LabelRules
		history []held
		want    []earned
	}{
		{
			name:    "first bronze is valid two years from the interview",
			history: []held{{b, "2019-07-25", ""}},
			want:    []earned{{end: "2021-07-25"}},
		},
		{
			name:    "renewal before expiry extends three years from the previous end",
			history: []held{{b, "2019-07-25", ""}, {b, "2021-05-01", ""}},
			want:    []earned{{end: "2021-07-25"}, {end: "2024-07-25", renewal: true}},
		},
		{
			name:    "renewal within the grace year extends seamlessly",
			history: []held{{b, "2019-07-25", ""}, {b, "2022-03-01", ""}},
			want:    []earned{{end: "2021-07-25"}, {end: "2024-07-25", renewal: true}},
		},
		{
			name:    "renewal on the last day of the grace year extends seamlessly",
			history: []held{{b, "2019-07-25", ""}, {b, "2022-07-25", ""}},
			want:    []earned{{end: "2021-07-25"}, {end: "2024-07-25", renewal: true}},
		},
		{
			name:    "renewal one day after the grace year starts again",
			history: []held{{b, "2019-07-25", ""}, {b, "2022-07-26", ""}},
			want:    []earned{{end: "2021-07-25"}, {end: "2024-07-26"}},
		},
		{
			name:    "renewal after the grace year starts again at two years",
			history: []held{{b, "2019-07-25", ""}, {b, "2022-08-01", ""}},
			want:    []earned{{end: "2021-07-25"}, {end: "2024-08-01"}},
		},
		{
			name:    "second renewal extends from the first renewal's end",
			history: []held{{b, "2019-07-25", ""}, {b, "2021-05-01", ""}, {b, "2024-06-01", ""}},
			want:    []earned{{end: "2021-07-25"}, {end: "2024-07-25", renewal: true}, {end: "2027-07-25", renewal: true}},
		},
		{
			name:    "explicit valid_until wins and a later renewal extends from it",
			history: []held{{b, "2019-07-25", "2021-06-30"}, {b, "2021-05-01", ""}},
			want:    []earned{{end: "2021-06-30", explicit: true}, {end: "2024-06-30", renewal: true}},
		},
		{
			name:    "explicit valid_until on a renewal wins over the extension",
			history: []held{{b, "2019-07-25", ""}, {b, "2021-05-01", "2024-05-31"}, {b, "2024-03-01", ""}},
			want:    []earned{{end: "2021-07-25"}, {end: "2024-05-31", renewal: true, explicit: true}, {end: "2027-05-31", renewal: true}},
		},
		{
			name:    "explicit valid_until sets the grace year of the next assessment",
			history: []held{{b, "2019-07-25", "2020-12-31"}, {b, "2022-01-01", ""}},
			want:    []earned{{end: "2020-12-31", explicit: true}, {end: "2024-01-01"}},
		},
		{
			name:    "first silver after bronze starts its own two years",
			history: []held{{b, "2019-07-25", ""}, {s, "2021-03-01", ""}},
			want:    []earned{{end: "2021-07-25"}, {end: "2023-03-01"}},
		},
		{
			name:    "silver renewal extends by three years",
			history: []held{{s, "2019-07-25", ""}, {s, "2021-06-01", ""}},
			want:    []earned{{end: "2021-07-25"}, {end: "2024-07-25", renewal: true}},
		},
		{
			name:    "first gold after silver starts its own two years",
			history: []held{{s, "2019-07-25", ""}, {g, "2021-06-01", ""}},
			want:    []earned{{end: "2021-07-25"}, {end: "2023-06-01"}},
		},
		{
			name:    "gold re-assessment extends by two years",
			history: []held{{g, "2019-07-25", ""}, {g, "2021-06-01", ""}},
			want:    []earned{{end: "2021-07-25"}, {end: "2023-07-25", renewal: true}},
		},
		{
			name:    "downgrade from gold to silver starts its own two years",
			history: []held{{g, "2019-07-25", ""}, {s, "2021-06-01", ""}},
			want:    []earned{{end: "2021-07-25"}, {end: "2023-06-01"}},
		},
		{
			name:    "month-end setting moves a first end to the month's last day",
			rules:   monthEndRules(),
			history: []held{{b, "2019-07-25", ""}},
			want:    []earned{{end: "2021-07-31"}},
		},
		{
			name:    "month-end setting moves a renewal end to the month's last day",
			rules:   monthEndRules(),
			history: []held{{b, "2019-07-25", "2021-06-15"}, {b, "2021-05-01", ""}},
			want:    []earned{{end: "2021-06-15", explicit: true}, {end: "2024-06-30", renewal: true}},
		},
		{
			name:    "month-end setting never moves an explicit end",
			rules:   monthEndRules(),
			history: []held{{b, "2019-07-25", "2021-07-20"}},
			want:    []earned{{end: "2021-07-20", explicit: true}},
		},
		{
			name:    "leap day plus two years is 28 February",
			history: []held{{b, "2020-02-29", ""}, {b, "2022-01-10", ""}},
			want:    []earned{{end: "2022-02-28"}, {end: "2025-02-28", renewal: true}},
		},
		{
			name:    "renewal of an explicit leap-day end ends on 28 February",
			history: []held{{b, "2021-03-01", "2024-02-29"}, {b, "2024-01-15", ""}},
			want:    []earned{{end: "2024-02-29", explicit: true}, {end: "2027-02-28", renewal: true}},
		},
		{
			name:    "leap day with the month-end setting ends on the last day of February",
			rules:   monthEndRules(),
			history: []held{{b, "2020-02-29", ""}, {b, "2021-12-01", ""}},
			want:    []earned{{end: "2022-02-28"}, {end: "2025-02-28", renewal: true}},
		},
		{
			name:    "28 February stays 28 February in a leap target year",
			history: []held{{b, "2022-02-28", ""}},
			want:    []earned{{end: "2024-02-28"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rules := tt.rules
			if rules == (config.LabelRules{}) {
				rules = defaultRules()
			}
			as := history(tt.history...)
			st := Evaluate(as, rules, day("2020-01-01"))
			if len(st.Periods) != len(tt.want) {
				t.Fatalf("got %d periods, want %d", len(st.Periods), len(tt.want))
			}
			for i, p := range st.Periods {
				got := earned{end: p.End.String(), renewal: p.Renewal, explicit: p.Explicit}
				if got != tt.want[i] {
					t.Errorf("period %d = %v, want %v", i, got, tt.want[i])
				}
				if p.Assessment != as[i] {
					t.Errorf("period %d belongs to %p, want assessment %p", i, p.Assessment, as[i])
				}
			}
			newest := tt.want[len(tt.want)-1]
			if st.ValidUntil.String() != newest.end {
				t.Errorf("ValidUntil = %s, want %s", st.ValidUntil, newest.end)
			}
			if st.Label != tt.history[len(tt.history)-1].label {
				t.Errorf("Label = %q, want %q", st.Label, tt.history[len(tt.history)-1].label)
			}
		})
	}
}

func TestEvaluateStatus(t *testing.T) {
	// A first Bronze of 2019-07-25 is valid until 2021-07-25.
	bronze := history(held{model.Bronze, "2019-07-25", ""})
	noWindow := defaultRules()
	noWindow.ExpiringDays = 0
	tests := []struct {
		name     string
		rules    config.LabelRules
		today    string
		status   model.Status
		daysLeft int
	}{
		{"on the interview day", defaultRules(), "2019-07-25", model.StatusValid, 731},
		{"one day more than the window before the end", defaultRules(), "2021-04-25", model.StatusValid, 91},
		{"exactly the window before the end", defaultRules(), "2021-04-26", model.StatusExpiring, 90},
		{"the day before the end", defaultRules(), "2021-07-24", model.StatusExpiring, 1},
		{"the day of the end", defaultRules(), "2021-07-25", model.StatusExpiring, 0},
		{"the day after the end", defaultRules(), "2021-07-26", model.StatusExpired, -1},
		{"one year after the end", defaultRules(), "2022-07-25", model.StatusExpired, -365},
		{"one year and a day after the end", defaultRules(), "2022-07-26", model.StatusLapsed, -366},
		{"long after the end", defaultRules(), "2030-01-01", model.StatusLapsed, -3082},
		{"no window: the day before the end", noWindow, "2021-07-24", model.StatusValid, 1},
		{"no window: the day of the end", noWindow, "2021-07-25", model.StatusExpiring, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := Evaluate(bronze, tt.rules, day(tt.today))
			if st.Status != tt.status || st.DaysLeft != tt.daysLeft {
				t.Errorf("on %s: status %q, %d days left; want %q, %d", tt.today, st.Status, st.DaysLeft, tt.status, tt.daysLeft)
			}
		})
	}
}

func TestEvaluateStatusGraceEndsOn28FebruaryAfterLeapDay(t *testing.T) {
	// Ends 2024-02-29; one year later is 2025-02-28.
	as := history(held{model.Bronze, "2022-03-01", "2024-02-29"})
	for today, want := range map[string]model.Status{
		"2024-02-29": model.StatusExpiring,
		"2024-03-01": model.StatusExpired,
		"2025-02-28": model.StatusExpired,
		"2025-03-01": model.StatusLapsed,
	} {
		if got := Evaluate(as, defaultRules(), day(today)).Status; got != want {
			t.Errorf("on %s: status %q, want %q", today, got, want)
		}
	}
}

func TestEvaluateStatusFollowsTheNewestPeriod(t *testing.T) {
	// The renewal of 2021-05-01 runs to 2024-07-25: on 2022-01-01 the label
	// is valid although the first period has ended.
	as := history(held{model.Bronze, "2019-07-25", ""}, held{model.Bronze, "2021-05-01", ""})
	st := Evaluate(as, defaultRules(), day("2022-01-01"))
	if st.Status != model.StatusValid || st.ValidUntil != day("2024-07-25") {
		t.Errorf("status %q until %s, want valid until 2024-07-25", st.Status, st.ValidUntil)
	}
}

func TestEvaluateEmptyHistory(t *testing.T) {
	for _, as := range [][]*model.Assessment{nil, {}} {
		st := Evaluate(as, defaultRules(), day("2024-01-01"))
		if st.Periods != nil || st.Label != "" || !st.ValidUntil.IsZero() || st.Status != "" || st.DaysLeft != 0 {
			t.Errorf("Evaluate(%v) = %+v, want the zero Standing", as, st)
		}
	}
}

func TestEvaluateLeavesAssessmentsUnchanged(t *testing.T) {
	as := history(held{model.Bronze, "2019-07-25", ""}, held{model.Bronze, "2021-05-01", ""})
	Evaluate(as, defaultRules(), day("2022-01-01"))
	for i, a := range as {
		if !a.ValidUntil.IsZero() {
			t.Errorf("assessment %d: ValidUntil set to %s", i, a.ValidUntil)
		}
	}
}
