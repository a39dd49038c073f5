package scaffold

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"clustersite/generator/methodology"
	"clustersite/generator/model"
)

// Head is the [assessment] table of a scaffold.
type Head struct {
	Date  model.Date
	Label model.Label
	// Methodology is written only when not "" (the default otherwise).
	Methodology string
}

// Render returns the assessment file for profile (whose ID is set), head
// and the methodology m. portfolios are listed in a comment as the values
// cluster.portfolio may take.
func Render(profile *model.Cluster, head Head, m *model.Methodology, portfolios []string) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# Assessment of %s on %s, written by clustersite new.\n", oneLine(profile.Name), head.Date)
	b.WriteString("# Fill in what the interview found, preview it with `clustersite serve` and\n")
	b.WriteString("# check it with `clustersite check`. Lines starting with # are comments.\n\n")
	writeCluster(&b, profile, portfolios)
	writeAssessment(&b, head)
	writeIndicators(&b, m)
	return b.Bytes()
}

// writeCluster writes the [cluster] table: every key the profile has, and
// the others commented out.
func writeCluster(b *bytes.Buffer, p *model.Cluster, portfolios []string) {
	b.WriteString("[cluster]\n")
	key(b, "id", tomlString(p.ID))
	key(b, "name", tomlString(p.Name))
	optional(b, "native_name", p.NativeName != "", tomlString(p.NativeName), `""`, "the name in the organisation's own language")
	key(b, "country", tomlString(p.Country))
	optional(b, "region", p.Region != "", tomlString(p.Region), `""`, "")
	optional(b, "website", p.Website != "", tomlString(p.Website), `"https://"`, "the address of the cluster's website")
	optional(b, "portfolio", p.Portfolio != "", tomlString(p.Portfolio), `""`, "the comparative portfolio: one of the list below")
	optional(b, "sectors", len(p.Sectors) > 0, tomlArray(p.Sectors), `[]`, `free text, such as ["Agri-food", "Packaging"]`)
	optional(b, "founded", p.Founded != 0, strconv.Itoa(p.Founded), "", "the year the cluster started")
	optional(b, "description", p.Description != "", tomlText(p.Description), `"""Markdown."""`, "")
	if len(portfolios) > 0 {
		wrapList(b, "Portfolios (config.toml):", quoted(portfolios))
	}
	b.WriteByte('\n')
}

func writeAssessment(b *bytes.Buffer, h Head) {
	b.WriteString("[assessment]\n")
	key(b, "date", h.Date.String())
	key(b, "label", tomlString(string(h.Label)))
	if h.Label == model.Gold {
		commented(b, "score", "", "the excellence score in percent, such as 93")
	}
	commented(b, "valid_until", "YYYY-MM-DD", "only when the certificate gives another end than the rules")
	commented(b, "report_id", `""`, "the report's ID, such as \"DEU012202611C260001\"")
	commented(b, "expert", `""`, "the benchmarking expert's name")
	if h.Methodology != "" {
		key(b, "methodology", tomlString(h.Methodology))
	} else {
		commented(b, "methodology", tomlString(methodology.DefaultID), "the default")
	}
	commented(b, "publish", `"profile"`, "publish only the profile and the label, not the report")
	commented(b, "draft", "true", "leave it out of the site until it is ready")
	commented(b, "summary", `"""Markdown."""`, "")
	commented(b, "recommendations", `"""Markdown."""`, "")
	b.WriteByte('\n')
}

// writeIndicators writes every indicator of m, commented out, area by area.
func writeIndicators(b *bytes.Buffer, m *model.Methodology) {
	b.WriteString("[indicators]\n")
	n := len(m.Indicators())
	comment(b, fmt.Sprintf("The %d indicators of the methodology %s, %s.", n, m.ID, tomlString(oneLine(m.Title))))
	comment(b, `Uncomment a line and write the value after "="; an indicator left`)
	comment(b, `commented out is shown as "not reported".`)
	for _, area := range m.Areas {
		b.WriteByte('\n')
		comment(b, "== "+oneLine(area.Title)+" ==")
		for _, ind := range area.Indicators {
			b.WriteByte('\n')
			describe(b, ind)
			fmt.Fprintf(b, "# %s =\n", ind.ID)
		}
	}
}

// describe writes the comment above an indicator: its title, kind, unit
// and choices.
func describe(b *bytes.Buffer, ind *model.Indicator) {
	head := oneLine(ind.Title) + ": " + describeKind(ind)
	if ind.Unit != "" && ind.Unit != "%" {
		head += "; unit: " + oneLine(ind.Unit)
	}
	switch ind.Kind {
	case model.KindChoice:
		wrapList(b, head+", one of", quoted(ind.Choices))
	case model.KindMultichoice:
		wrapList(b, head+", from", quoted(ind.Choices))
	default:
		comment(b, head)
	}
}

// describeKind says what a value of the indicator's kind looks like.
func describeKind(ind *model.Indicator) string {
	switch ind.Kind {
	case model.KindCount:
		return "count, a whole number >= 0"
	case model.KindPercent:
		return "percent, a number from 0 to 100"
	case model.KindMoney:
		return "money, a number >= 0"
	case model.KindYear:
		return "year, such as 2016"
	case model.KindNumber:
		return "number, such as 2.5"
	case model.KindBool:
		return "bool, true or false"
	case model.KindChoice:
		return "choice"
	case model.KindMultichoice:
		return "multichoice, a list such as [" + tomlString(ind.Choices[0]) + "]"
	case model.KindText:
		return `text, such as "…"`
	}
	return string(ind.Kind)
}

func quoted(list []string) []string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = tomlString(oneLine(s))
	}
	return q
}

// commentWidth is where wrapList breaks comment lines.
const commentWidth = 80

// wrapList writes a comment of head followed by the items, separated by
// commas and broken between items at commentWidth, continuation lines
// indented.
func wrapList(b *bytes.Buffer, head string, items []string) {
	line, onLine := "# "+head, 0
	for i, item := range items {
		if i < len(items)-1 {
			item += ","
		}
		if onLine > 0 && len(line)+1+len(item) > commentWidth {
			b.WriteString(line + "\n")
			line, onLine = "#  ", 0
		}
		line += " " + item
		onLine++
	}
	b.WriteString(line + "\n")
}

// key writes `name = value`.
func key(b *bytes.Buffer, name, value string) { fmt.Fprintf(b, "%s = %s\n", name, value) }

// optional writes the key when set, else a commented-out example.
func optional(b *bytes.Buffer, name string, set bool, value, example, hint string) {
	if set {
		key(b, name, value)
		return
	}
	commented(b, name, example, hint)
}

// commented writes `# name = example  # hint`.
func commented(b *bytes.Buffer, name, example, hint string) {
	line := "# " + name + " ="
	if example != "" {
		line += " " + example
	}
	if hint != "" {
		line += "  # " + hint
	}
	b.WriteString(line + "\n")
}

// comment writes text as a comment, one line per line of text.
func comment(b *bytes.Buffer, text string) {
	for line := range strings.SplitSeq(text, "\n") {
		b.WriteString(strings.TrimRight("# "+line, " ") + "\n")
	}
}

// oneLine makes text safe inside a comment line: a line break would end
// the comment and let the rest be read as TOML.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == '\u2028' || r == '\u2029' {
			return ' '
		}
		return r
	}, s)
}

// tomlString quotes s as a TOML basic string.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	escapeTOML(&b, s, false)
	b.WriteByte('"')
	return b.String()
}

// tomlText quotes s as a TOML multi-line basic string when it has line
// breaks, which keeps Markdown readable, and as a basic string otherwise.
// Quotes and backslashes are escaped, so no run of quotes can close the
// string early; a line break right after the opening quotes is dropped by
// TOML, so the text starts on the next line.
func tomlText(s string) string {
	if !strings.Contains(s, "\n") {
		return tomlString(s)
	}
	var b strings.Builder
	b.WriteString("\"\"\"\n")
	escapeTOML(&b, s, true)
	b.WriteString(`"""`)
	return b.String()
}

// escapeTOML writes s escaped for a basic string; multiLine keeps line
// feeds and tabs as they are, as multi-line strings allow.
func escapeTOML(b *strings.Builder, s string, multiLine bool) {
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case multiLine && (r == '\n' || r == '\t'):
			b.WriteRune(r)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
}

func tomlArray(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = tomlString(s)
	}
	return "[" + strings.Join(q, ", ") + "]"
}
