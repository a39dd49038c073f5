package render

import (
	"strconv"
	"time"

	"clustersite/generator/model"
)

// dateStyle writes dates for reading in one language. golang.org/x/text
// has no date formatting, so each shipped language (config.Languages) has
// its month names and pattern here. The search script writes its dates
// with the same style (the dateStyle template function hands it over as
// JSON).
type dateStyle struct {
	Months [12]string `json:"months"`
	// Pattern joins day (%d), month name (%m) and year (%y).
	Pattern string `json:"pattern"`
	// First, when set, is how the first day of a month is written.
	First string `json:"first,omitempty"`
}

var dateStyles = map[string]dateStyle{
	"en": {
		Months:  [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
		Pattern: "%d %m %y",
	},
	"de": {
		Months:  [12]string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"},
		Pattern: "%d. %m %y",
	},
	"fr": {
		Months:  [12]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
		Pattern: "%d %m %y",
		First:   "1er", // le premier du mois
	},
}

func (st dateStyle) format(day int, month string, year int) string {
	d := strconv.Itoa(day)
	if day == 1 && st.First != "" {
		d = st.First
	}
	// What strings.NewReplacer("%d", d, "%m", month, "%y", year) does,
	// without building a replacer for each of a build's 100,000 dates.
	b := make([]byte, 0, len(st.Pattern)+len(month)+8)
	for i := 0; i < len(st.Pattern); i++ {
		if st.Pattern[i] == '%' && i+1 < len(st.Pattern) {
			switch st.Pattern[i+1] {
			case 'd':
				b, i = append(b, d...), i+1
				continue
			case 'm':
				b, i = append(b, month...), i+1
				continue
			case 'y':
				b, i = strconv.AppendInt(b, int64(year), 10), i+1
				continue
			}
		}
		b = append(b, st.Pattern[i])
	}
	return string(b)
}

// formatDate writes d for reading in the language: "25 July 2019",
// "25. Juli 2019", "25 juillet 2019". The zero date is "". A language
// without a style gets ISO 8601, which every reader understands.
func formatDate(lang string, d model.Date) string {
	if d.IsZero() {
		return ""
	}
	st, ok := dateStyles[lang]
	if !ok || d.Month < time.January || d.Month > time.December {
		return d.String()
	}
	return st.format(d.Day, st.Months[d.Month-1], d.Year)
}
