package content

import "strings"

// Locate returns the 1-based line and column of a dotted field, spelled as
// problems name it ("assessment.valid_until", "statistics.min_group_size"),
// in TOML source: where the key starts, or the header of its nearest
// enclosing table when the key is absent; 0, 0 when neither is in src. It
// lets later stages (the check package) place warnings about loaded content
// in the file they come from.
func Locate(src []byte, field string) (line, col int) {
	kp, _ := scanKeys(strings.TrimPrefix(string(src), bom))
	p := kp.at(splitField(field))
	return p.line, p.col
}
