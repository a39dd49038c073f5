package model

// Methodology is one version of the benchmarking questionnaire: the areas and
// indicators an assessment reports. It is data (TOML), never code, because
// the questionnaire was revised over time and old and new assessments
// coexist.
type Methodology struct {
	// ID names the methodology in assessment.methodology, e.g. "ecei-bronze".
	ID string
	// Title is the display name.
	Title string
	// Areas in report order.
	Areas []*Area
	// byID indexes every indicator of every area.
	byID map[string]*Indicator
	// order holds every indicator in report order.
	order []*Indicator
}

// Area is a group of indicators, e.g. "Structure of the cluster".
type Area struct {
	ID         string
	Title      string
	Indicators []*Indicator
}

// Indicator is one question of the methodology.
type Indicator struct {
	// ID is the key under [indicators] in assessment files.
	ID string
	// Title is the display name.
	Title string
	// Kind says what values are allowed and how they are shown.
	Kind Kind
	// Unit is shown after numeric values, e.g. "EUR", "persons".
	Unit string
	// Choices are the allowed values of choice and multichoice indicators.
	Choices []string
	// Help explains the indicator to editors and readers.
	Help string
	// Area is the area the indicator belongs to.
	Area *Area
	// pos is the indicator's place in its methodology's report order.
	pos int
}

// Indicator returns the indicator with the given ID, or nil.
func (m *Methodology) Indicator(id string) *Indicator { return m.byID[id] }

// IndicatorAt returns the indicator at pos in report order (its Pos), or
// nil when there is none.
func (m *Methodology) IndicatorAt(pos int) *Indicator {
	if pos < 0 || pos >= len(m.order) {
		return nil
	}
	return m.order[pos]
}

// Pos is the indicator's place in its methodology's report order, from 0.
func (ind *Indicator) Pos() int { return ind.pos }

// Indicators returns every indicator in report order.
func (m *Methodology) Indicators() []*Indicator {
	var all []*Indicator
	for _, a := range m.Areas {
		all = append(all, a.Indicators...)
	}
	return all
}

// Index links every indicator to its area and builds the lookup table used
// by Indicator. Call it once after filling Areas.
func (m *Methodology) Index() {
	m.byID = make(map[string]*Indicator)
	m.order = m.order[:0]
	for _, a := range m.Areas {
		for _, ind := range a.Indicators {
			ind.Area = a
			ind.pos = len(m.order)
			m.byID[ind.ID] = ind
			m.order = append(m.order, ind)
		}
	}
}

// Kind is the type of an indicator's value.
type Kind string

const (
	KindCount       Kind = "count"       // a whole number ≥ 0
	KindPercent     Kind = "percent"     // a number from 0 to 100
	KindMoney       Kind = "money"       // an amount ≥ 0 in the unit (EUR by default)
	KindYear        Kind = "year"        // a calendar year
	KindNumber      Kind = "number"      // any number, e.g. full-time equivalents or a growth rate
	KindBool        Kind = "bool"        // yes or no
	KindChoice      Kind = "choice"      // one of Choices
	KindMultichoice Kind = "multichoice" // a list of Choices
	KindText        Kind = "text"        // free text (plain, not Markdown)
)

// Kinds lists every kind.
var Kinds = []Kind{KindCount, KindPercent, KindMoney, KindYear, KindNumber, KindBool, KindChoice, KindMultichoice, KindText}

// Valid reports whether k is one of Kinds.
func (k Kind) Valid() bool {
	for _, v := range Kinds {
		if k == v {
			return true
		}
	}
	return false
}

// Numeric reports whether values of this kind are numbers that portfolio
// statistics can summarise.
func (k Kind) Numeric() bool {
	switch k {
	case KindCount, KindPercent, KindMoney, KindYear, KindNumber:
		return true
	}
	return false
}
