package content

import "clustersite/generator/model"

// The tables of an assessment file, as bindTable fills them. The tag names
// the TOML key; the option "line" marks single-line text, in which control
// characters are errors.

// clusterTable is the [cluster] table: the cluster's profile as of this
// assessment.
type clusterTable struct {
	// ID is the cluster's URL slug; empty means slug.Make(Name).
	ID string `toml:"id,line"`
	// Name as the organisation spells it; required.
	Name string `toml:"name,line"`
	// NativeName is the name in the cluster's own language.
	NativeName string `toml:"native_name,line"`
	// Country is the ISO 3166-1 alpha-2 code, upper case; required.
	Country string `toml:"country,line"`
	// Region inside the country, free text.
	Region string `toml:"region,line"`
	// Website is an absolute http or https URL.
	Website string `toml:"website,line"`
	// Portfolio is one of the configured comparative portfolios.
	Portfolio string `toml:"portfolio,line"`
	// Sectors are free-text sector names.
	Sectors []string `toml:"sectors,line"`
	// Founded is the year the cluster started.
	Founded int `toml:"founded"`
	// Description is Markdown.
	Description string `toml:"description"`
}

// assessmentTable is the [assessment] table: the interview and its label.
type assessmentTable struct {
	// Date of the interview; required, a TOML local date.
	Date model.Date `toml:"date"`
	// Label is bronze, silver or gold; required.
	Label string `toml:"label,line"`
	// ValidUntil is the end date printed on the certificate.
	ValidUntil model.Date `toml:"valid_until"`
	// Score is the Gold excellence score in percent.
	Score float64 `toml:"score"`
	// ReportID is the report's identifier.
	ReportID string `toml:"report_id,line"`
	// Expert is the benchmarking expert's name.
	Expert string `toml:"expert,line"`
	// Methodology is the id of the methodology; empty means the default.
	Methodology string `toml:"methodology,line"`
	// Publish is "full" or "profile"; empty means full.
	Publish string `toml:"publish,line"`
	// Draft keeps the assessment out of builds without --drafts.
	Draft bool `toml:"draft"`
	// Summary is Markdown.
	Summary string `toml:"summary"`
	// Recommendations is Markdown.
	Recommendations string `toml:"recommendations"`
}
