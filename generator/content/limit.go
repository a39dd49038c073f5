package content

import (
	"cmp"
	"fmt"
	"slices"

	"clustersite/generator/model"
)

// maxProblemsPerFile is how many problems of one file Load reports. A
// file may hold a hundred thousand wrong keys in 1 MiB; listing them all
// helps nobody, and a site of such files would hold gigabytes of
// problems.
const maxProblemsPerFile = 100

// limit keeps the first maxProblemsPerFile problems of the file, in the
// order they are reported (by line), and says how many it left out.
func (r *report) limit() {
	if len(r.problems) <= maxProblemsPerFile {
		return
	}
	// Not Problems.Sort: a stable sort of 100,000 problems moves them
	// around for seconds. All have the same path; the order is total.
	slices.SortFunc(r.problems, func(a, b model.Problem) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col), cmp.Compare(a.Field, b.Field),
			cmp.Compare(a.Message, b.Message), cmp.Compare(a.Severity, b.Severity))
	})
	kept := slices.Clone(r.problems[:maxProblemsPerFile]) // lets the rest go
	kept = append(kept, model.Problem{Path: r.path, Severity: model.Error,
		Message: fmt.Sprintf("%d more problems in this file are not listed; fix the %d above first", len(r.problems)-maxProblemsPerFile, maxProblemsPerFile)})
	r.problems = kept
}
