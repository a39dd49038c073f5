// Package model holds the typed, validated data of a clustersite directory:
// clusters, their assessments, the methodologies that define indicators,
// labels and statuses. It does no I/O; the content package fills it from
// TOML files and the later stages (label, stats, site, render) only read it.
//
// The vocabulary follows the European cluster-excellence labelling scheme:
// a cluster management organisation (a Cluster) is benchmarked in interviews
// (Assessments); each assessment awards a Label (bronze, silver, gold) valid
// until a date; on the build date the cluster's current label has a Status.
package model

// Directory is everything a build knows after loading content: every cluster
// with its assessments, and the methodologies they refer to.
type Directory struct {
	// Clusters sorted by ID.
	Clusters []*Cluster
	// Methodologies by ID; always holds the built-in default.
	Methodologies map[string]*Methodology
}

// Cluster is one cluster management organisation. Its profile fields come
// from the [cluster] table of its newest assessment.
type Cluster struct {
	// ID is the URL slug: [a-z0-9-], unique in the directory.
	ID string
	// Name as the organisation spells it (any Unicode).
	Name string
	// NativeName is the name in the organisation's own language, if given.
	NativeName string
	// Country is the ISO 3166-1 alpha-2 code, upper case.
	Country string
	// Region inside the country, free text.
	Region string
	// Website is an http or https URL, or empty.
	Website string
	// Portfolio is the comparative portfolio (sector group), or empty.
	Portfolio string
	// Sectors are free-text sector names.
	Sectors []string
	// Founded is the year the cluster started, 0 if unknown.
	Founded int
	// Description is Markdown source.
	Description string
	// Assessments sorted by date, oldest first. Drafts are included only
	// when the build asks for drafts.
	Assessments []*Assessment
}

// Latest returns the newest assessment, or nil when there is none.
func (c *Cluster) Latest() *Assessment {
	if len(c.Assessments) == 0 {
		return nil
	}
	return c.Assessments[len(c.Assessments)-1]
}

// Publish says how much of an assessment may appear in the output.
type Publish string

const (
	// PublishFull publishes the whole report.
	PublishFull Publish = "full"
	// PublishProfile publishes only the cluster profile and the label with
	// its dates: no indicator values, summary, recommendations or expert.
	// The values still count in the portfolio statistics.
	PublishProfile Publish = "profile"
)

// Assessment is one benchmarking interview and the label it awarded.
type Assessment struct {
	// Cluster points back to the assessed cluster.
	Cluster *Cluster `json:"-"`
	// Path of the source file, slash-separated, relative to the site folder.
	Path string
	// Date of the interview.
	Date Date
	// Label awarded.
	Label Label
	// ValidUntil as printed on the certificate; zero when not given (the
	// label package then computes it from the rules).
	ValidUntil Date
	// Score is the Gold excellence score in percent, 0 when not given.
	Score float64
	// ReportID is the report's identifier, e.g. JOR001201907C190001.
	ReportID string
	// Expert is the benchmarking expert's name.
	Expert string
	// Methodology is the methodology this assessment's indicators follow.
	Methodology *Methodology
	// Publish says how much of the assessment may be published.
	Publish Publish
	// Draft assessments appear nowhere unless the build includes drafts.
	Draft bool
	// Summary and Recommendations are Markdown source.
	Summary         string
	Recommendations string
	// Values of the reported indicators, in the methodology's order. An
	// indicator without a value is "not reported".
	Values Values
}

// Full reports whether the whole report may be published.
func (a *Assessment) Full() bool { return a.Publish != PublishProfile }
