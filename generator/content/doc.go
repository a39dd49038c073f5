// Package content reads and validates the content/ folder of a site: one
// TOML file per assessment, plus the site's methodology files. Load returns
// the typed model.Directory and every problem found, so that an editor sees
// all mistakes of all files in one run.
//
// # Files
//
// Every *.toml file under content/ is an assessment, except the files in
// content/methodologies/, which are methodologies (see package methodology;
// subfolders of content/methodologies/ are not read). The convention is
// content/clusters/<cluster-id>/<YYYY-MM-DD>.toml, but the path carries no
// meaning. Other files (README.md, images) are ignored, and so are hidden
// files and folders (names starting with '.'), editor backups and
// temporary files (names ending in '~', '.swp', '.swx' or '.tmp', and vim's
// "4913"): SkipName. A symbolic link anywhere under content/ is an
// error. A file larger than 1 MiB is an error and is not decoded, and so is
// a file that nests arrays, inline tables or dotted keys deeper than 16
// levels (the TOML decoder is slow on deep nesting); a leading UTF-8 byte
// order mark is ignored.
//
// # Assessment files
//
//	[cluster]
//	id = "qoot-cluster"        # optional; default: slug.Make(name)
//	name = "Qoot Cluster"      # required, not blank
//	native_name = "..."        # optional: the name in the cluster's language
//	country = "JO"             # required: ISO 3166-1 alpha-2, upper case
//	region = "Amman"
//	website = "https://qoot.org"  # absolute http or https URL
//	portfolio = "Food industry"   # one of config portfolios, exact spelling
//	sectors = ["Agri-food"]       # at most 1,000
//	founded = 2016                # a year from 1800 to the assessment year + 1
//	description = """Markdown."""
//
//	[assessment]
//	date = 2019-07-25          # required: a TOML local date (no quotes)
//	label = "bronze"           # required: bronze | silver | gold
//	valid_until = 2021-07-25   # optional: after date
//	score = 93                 # gold only: 0 < score <= 100
//	report_id = "JOR001201907C190001"
//	expert = "Name of the expert"
//	methodology = "ecei-bronze"  # optional: default methodology.DefaultID
//	publish = "full"           # full (default) | profile
//	draft = false
//	summary = """Markdown."""
//	recommendations = """Markdown."""
//
//	[indicators]               # ids of the assessment's methodology
//	participants = 54
//	sme_share = 78.5
//
// Keys may also be written as dotted keys or inline tables; only the three
// tables above exist. Single-line fields (ids, names, country, region,
// website, portfolio, sectors, report_id, expert) must not contain control
// characters or bidirectional embeddings, overrides and isolates
// (U+202A–U+202E, U+2066–U+2069); other strings (Markdown, text values) no
// control characters but tab and line breaks (so no NUL, which TOML allows
// as \u0000); no string may be longer than 100,000 bytes.
//
// Indicator values follow the indicator's kind: count = a whole number >= 0;
// percent = a number from 0 to 100; money = a number >= 0; year = a whole
// number from 1800 to 2100; number = any finite number; bool = true or
// false; choice = one of the choices; multichoice = an array of distinct
// choices; text = a string.
//
// # Clusters
//
// Assessments with the same cluster id belong to one cluster; the id is
// either explicit (lower-case letters and digits joined by single '-') or
// the slug of the name, so names that differ only in case, accents or
// punctuation from year to year still name one cluster. The profile of a
// cluster (name, country, ...) is the [cluster] table of its newest
// assessment. Two assessments that share an id but not the country are two
// different clusters, which is an error; so are two assessments of one
// cluster on the same date.
//
// # Problems
//
// Errors: TOML syntax (including impossible dates such as 2021-02-30),
// unknown keys, values of the wrong type, missing required keys or tables,
// invalid values of the rules above, unknown methodologies and indicator
// ids, duplicate cluster ids and (cluster, date) pairs. Warnings: a gold
// assessment without score; a full, non-draft assessment that leaves
// indicators unreported (one warning per assessment). Each problem names the
// file, line and column (of the key, or of the table header for a missing
// key, or 0 when the table itself is missing) and the dotted field.
//
// At most 100 problems of one file are listed, the first by position,
// followed by one that counts the others: a 1 MiB file can hold a hundred
// thousand wrong keys.
//
// # Reloading
//
// A dev server loads the same folder after every change. With a Cache in
// Options, Load decodes only the files whose bytes changed since the last
// Load with that Cache and gives exactly what a Load without it gives. A
// dev server that watches the folder tells the Cache which paths changed
// (Cache.Changed); Load then looks at those paths only, assembles again
// only the clusters whose files changed, and returns the same
// *model.Cluster for every other cluster.
//
// Drafts are validated like every other file and then left out of the
// Directory unless Options.Drafts is set; a cluster with only draft
// assessments does not appear.
package content
