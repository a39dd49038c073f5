package check

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"path"
	"strings"

	"clustersite/generator/model"
)

// Format is how Write prints problems.
type Format string

const (
	// Text prints one problem per line as compilers do, which editors and
	// terminals turn into links:
	//
	//	content/clusters/qoot/2019-07-25.toml:6:9: error: assessment.label: must be …
	//
	// The field and its ": " are left out when a problem has no field.
	Text Format = "text"
	// JSON prints JSON lines: one object per problem and line, with the
	// keys path, line, column, severity, field and message, always all
	// six (line and column 0 when unknown, field "" when none). Lines are
	// easier to stream and to grep than one array, and `jq -s` makes one.
	JSON Format = "json"
	// GitHub prints workflow commands that GitHub Actions turns into
	// annotations on the lines of a pull request:
	//
	//	::error file=content/x.toml,line=6,col=9,title=assessment.label::must be …
	//
	// ::warning for warnings; line and col are left out when unknown and
	// title when the problem has no field. Values are escaped as the
	// Actions toolkit does: %, CR and LF in the message; those and also
	// ':' and ',' in properties.
	GitHub Format = "github"
)

// Formats lists every format, the default first.
func Formats() []Format { return []Format{Text, JSON, GitHub} }

// ParseFormat returns the format named s.
func ParseFormat(s string) (Format, error) {
	for _, f := range Formats() {
		if string(f) == s {
			return f, nil
		}
	}
	return "", fmt.Errorf("unknown format %q; use text, json or github", s)
}

// Write prints problems in format f. Paths are printed as the problems
// give them (relative to the site folder) joined to prefix, the site
// folder as the user named it: GitHub resolves annotation paths from the
// repository root, where a workflow runs, and terminals from the working
// folder.
func Write(w io.Writer, ps model.Problems, f Format, prefix string) error {
	bw := bufio.NewWriter(w)
	for _, p := range ps {
		p.Path = joinPrefix(prefix, p.Path)
		switch f {
		case JSON:
			writeJSON(bw, p)
		case GitHub:
			writeGitHub(bw, p)
		default:
			writeText(bw, p)
		}
	}
	return bw.Flush()
}

func joinPrefix(prefix, p string) string {
	if prefix == "" || prefix == "." {
		return p
	}
	return path.Join(strings.ReplaceAll(prefix, `\`, "/"), p)
}

func writeText(w *bufio.Writer, p model.Problem) {
	fmt.Fprintf(w, "%s:%d:%d: %s: ", p.Path, p.Line, p.Col, p.Severity)
	if p.Field != "" {
		fmt.Fprintf(w, "%s: ", p.Field)
	}
	w.WriteString(p.Message)
	w.WriteByte('\n')
}

// problemJSON is the JSON form of a problem; the keys are documented at
// JSON and in README.md.
type problemJSON struct {
	Path     string         `json:"path"`
	Line     int            `json:"line"`
	Column   int            `json:"column"`
	Severity model.Severity `json:"severity"`
	Field    string         `json:"field"`
	Message  string         `json:"message"`
}

func writeJSON(w *bufio.Writer, p model.Problem) {
	enc := json.NewEncoder(w) // adds the newline
	enc.SetEscapeHTML(false)
	if err := enc.Encode(problemJSON{p.Path, p.Line, p.Col, p.Severity, p.Field, p.Message}); err != nil {
		panic(err) // only strings and ints: cannot fail
	}
}

func writeGitHub(w *bufio.Writer, p model.Problem) {
	command := "warning"
	if p.Severity == model.Error {
		command = "error"
	}
	props := []string{"file=" + escapeProperty(p.Path)}
	if p.Line > 0 {
		props = append(props, fmt.Sprintf("line=%d", p.Line))
		if p.Col > 0 {
			props = append(props, fmt.Sprintf("col=%d", p.Col))
		}
	}
	if p.Field != "" {
		props = append(props, "title="+escapeProperty(p.Field))
	}
	fmt.Fprintf(w, "::%s %s::%s\n", command, strings.Join(props, ","), escapeData(p.Message))
}

// escapeData escapes a workflow command's message.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a workflow command's property value.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
