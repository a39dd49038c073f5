package content

import (
	"fmt"
	"slices"
	"strings"

	"clustersite/generator/model"
)

// maxListedMissing is how many unreported indicator ids the warning names.
const maxListedMissing = 5

// checkIndicators validates the [indicators] table against the assessment's
// methodology, fills a.Values and warns once about unreported indicators of
// a full, non-draft assessment.
func checkIndicators(r *report, table map[string]any, a *model.Assessment) {
	m := a.Methodology
	if m == nil {
		return // unknown methodology, reported already
	}
	found := make(map[*model.Indicator]model.Value, len(table))
	for id, v := range table {
		key := []string{"indicators", id}
		ind := m.Indicator(id)
		if ind == nil {
			r.keyErrorf(key, "unknown indicator for methodology %s%s", m.ID, suggest(id, indicatorSet(m)))
			continue
		}
		val, msg := indicatorValue(ind, v)
		if msg != "" {
			r.keyErrorf(key, "%s", msg)
			continue
		}
		found[ind] = val // keyed by ind, whose ID is kept, not id: see keepNoSource
	}
	a.Values = model.Values{}
	for _, area := range m.Areas { // in order: Put then only appends
		for _, ind := range area.Indicators {
			if val, ok := found[ind]; ok {
				a.Values.Put(m, ind.ID, val)
			}
		}
	}
	if a.Full() && !a.Draft {
		warnMissing(r, m, a.Values)
	}
}

func indicatorSet(m *model.Methodology) map[string]bool {
	set := map[string]bool{}
	for _, ind := range m.Indicators() {
		set[ind.ID] = true
	}
	return set
}

func warnMissing(r *report, m *model.Methodology, values model.Values) {
	all := m.Indicators()
	var missing []string
	for _, ind := range all {
		if _, ok := values.Get(ind.ID); !ok {
			missing = append(missing, ind.ID)
		}
	}
	if len(missing) == 0 {
		return
	}
	list := strings.Join(missing[:min(len(missing), maxListedMissing)], ", ")
	if len(missing) > maxListedMissing {
		list += "…"
	}
	r.warnf("indicators", "%d of %d indicators not reported: %s", len(missing), len(all), list)
}

// indicatorValue converts a decoded TOML value to the indicator's kind, or
// returns a message naming the kind.
func indicatorValue(ind *model.Indicator, v any) (model.Value, string) {
	val, ok := convertValue(ind, v)
	if !ok {
		return model.Value{}, fmt.Sprintf("must be %s, got %s", kindRule(ind), describe(v))
	}
	if s, isText := v.(string); isText {
		if msg := checkText(s, false); msg != "" {
			return model.Value{}, msg
		}
	}
	return val, ""
}

func convertValue(ind *model.Indicator, v any) (model.Value, bool) {
	switch ind.Kind {
	case model.KindCount:
		n, ok := v.(int64)
		return model.Value{Num: float64(n)}, ok && n >= 0
	case model.KindYear:
		n, ok := v.(int64)
		return model.Value{Num: float64(n)}, ok && n >= minYearKind && n <= maxYearKind
	case model.KindPercent:
		f, ok := toNumber(v)
		return model.Value{Num: f}, ok && f >= 0 && f <= 100
	case model.KindMoney:
		f, ok := toNumber(v)
		return model.Value{Num: f}, ok && f >= 0
	case model.KindNumber:
		f, ok := toNumber(v)
		return model.Value{Num: f}, ok
	case model.KindBool:
		b, ok := v.(bool)
		return model.Value{Bool: b}, ok
	case model.KindChoice:
		s, ok := v.(string)
		i := slices.Index(ind.Choices, s)
		if !ok || i < 0 {
			return model.Value{}, false
		}
		return model.Value{Text: ind.Choices[i]}, true
	case model.KindMultichoice:
		list, ok := choiceList(ind.Choices, v)
		return model.Value{List: list}, ok
	case model.KindText:
		s, ok := v.(string)
		return model.Value{Text: strings.Clone(s)}, ok
	}
	return model.Value{}, false
}

// choiceList accepts an array of distinct choices.
func choiceList(choices []string, v any) ([]string, bool) {
	arr, ok := v.([]any)
	if !ok {
		return nil, false
	}
	list := make([]string, 0, len(arr))
	for _, e := range arr {
		s, ok := e.(string)
		i := slices.Index(choices, s)
		if !ok || i < 0 || slices.Contains(list, s) {
			return nil, false
		}
		list = append(list, choices[i])
	}
	return list, true
}

// kindRule says what values of the indicator's kind look like.
func kindRule(ind *model.Indicator) string {
	switch ind.Kind {
	case model.KindCount:
		return "a count: a whole number >= 0"
	case model.KindPercent:
		return "a percent: a number from 0 to 100"
	case model.KindMoney:
		return "money: a number >= 0"
	case model.KindYear:
		return fmt.Sprintf("a year: a whole number from %d to %d", minYearKind, maxYearKind)
	case model.KindNumber:
		return "a number"
	case model.KindBool:
		return "a bool: true or false"
	case model.KindChoice:
		return "a choice: one of " + quoteList(ind.Choices)
	case model.KindMultichoice:
		return "a multichoice: an array of distinct values from " + quoteList(ind.Choices)
	case model.KindText:
		return "text: a string"
	}
	return "a value of kind " + string(ind.Kind)
}
