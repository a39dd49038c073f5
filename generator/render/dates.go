package render

import (
	"strconv"
	"time"

	"clustersite/generator/model"
)

// dateStyle writes dates for reading in one language. golang.org/x/text
// has no date formatting, so each shipped language (config.Languages) has
// its month names and order here.
type dateStyle struct {
	months [12]string
	// format joins day, month name and year.
	format func(day int, month string, year int) string
}

var dateStyles = map[string]dateStyle{
	"en": {
		months: [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
		format: func(d int, m string, y int) string { return strconv.Itoa(d) + " " + m + " " + strconv.Itoa(y) },
	},
	"de": {
		months: [12]string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"},
		format: func(d int, m string, y int) string { return strconv.Itoa(d) + ". " + m + " " + strconv.Itoa(y) },
	},
	"fr": {
		months: [12]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
		format: func(d int, m string, y int) string {
			day := strconv.Itoa(d)
			if d == 1 {
				day = "1er" // le premier du mois
			}
			return day + " " + m + " " + strconv.Itoa(y)
		},
	},
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
	return st.format(d.Day, st.months[d.Month-1], d.Year)
}
