package render

import (
	"encoding/xml"
	"html/template"
	"strings"

	"clustersite/generator/model"
	"clustersite/generator/site"
)

// The Atom feed (RFC 4287) of the newest published assessments. Which
// assessments and which of their fields are public is the site package's
// decision (site.Newest gives Report views: a profile assessment's view
// holds only its label and dates); this file only writes them, in the site
// language.

type atomFeed struct {
	XMLName   xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang      string      `xml:"xml:lang,attr"`
	ID        string      `xml:"id"`
	Title     string      `xml:"title"`
	Subtitle  string      `xml:"subtitle"`
	Updated   string      `xml:"updated"`
	Author    atomPerson  `xml:"author"`
	Links     []atomLink  `xml:"link"`
	Rights    string      `xml:"rights,omitempty"`
	Generator string      `xml:"generator"`
	Entries   []atomEntry `xml:"entry"`
}

type atomPerson struct {
	Name string `xml:"name"`
	URI  string `xml:"uri,omitempty"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomEntry struct {
	ID        string       `xml:"id"`
	Title     string       `xml:"title"`
	Updated   string       `xml:"updated"`
	Published string       `xml:"published"`
	Link      atomLink     `xml:"link"`
	Category  atomCategory `xml:"category"`
	Summary   atomText     `xml:"summary"`
}

type atomCategory struct {
	Term  string `xml:"term,attr"`
	Label string `xml:"label,attr"`
}

// atomText is a text construct; Type "html" means Body is HTML that
// encoding/xml escapes once more, as Atom wants.
type atomText struct {
	Type string `xml:"type,attr"`
	Body string `xml:",chardata"`
}

// atomDate writes a date as an RFC 3339 timestamp at midnight UTC: the
// content knows days, not times.
func atomDate(d model.Date) string { return d.String() + "T00:00:00Z" }

// Feed returns feed.xml, or nil when the site has no base_url: Atom needs
// absolute links and permanent ids, which only base_url gives.
func (r *Renderer) Feed(s *site.Site) []byte {
	base := s.Config.BaseURL
	if base == "" {
		return nil
	}
	reports := s.Newest(site.FeedSize)
	updated := s.Today
	if len(reports) > 0 {
		updated = reports[0].Date
	}
	f := atomFeed{
		Lang:      s.Config.Language,
		ID:        base,
		Title:     s.Config.Title,
		Subtitle:  r.cat.translate("The newest cluster-excellence labels of the directory."),
		Updated:   atomDate(updated),
		Author:    atomPerson{Name: s.Config.Title, URI: base},
		Links:     []atomLink{{Rel: "self", Type: "application/atom+xml", Href: base + site.FeedPath}, {Rel: "alternate", Type: "text/html", Href: base}},
		Rights:    s.Config.Licence,
		Generator: "clustersite",
	}
	for _, rep := range reports {
		f.Entries = append(f.Entries, r.feedEntry(base, rep))
	}
	out, err := xml.MarshalIndent(f, "", " ")
	if err != nil {
		panic(err) // plain strings only: cannot fail
	}
	return append(append([]byte(xml.Header), out...), '\n')
}

func (r *Renderer) feedEntry(base string, rep *site.Report) atomEntry {
	c := rep.Cluster
	label := r.cat.translate(rep.Label.Title())
	link := c.URL
	if rep.Full {
		link = rep.URL
	}
	return atomEntry{
		// The id names the assessment, whether or not its report is
		// published, so it stays the same if the report is published later.
		ID:        base + c.URL + rep.Date.String() + "/",
		Title:     r.cat.translate("%s: %s label", c.Name, label),
		Updated:   atomDate(rep.Date),
		Published: atomDate(rep.Date),
		Link:      atomLink{Rel: "alternate", Type: "text/html", Href: base + link},
		Category:  atomCategory{Term: string(rep.Label), Label: label},
		Summary:   atomText{Type: "html", Body: r.feedSummary(rep, label)},
	}
}

// feedSummary is the entry's summary as HTML: the label and its dates, and
// for a report published in full its ID and summary.
func (r *Renderer) feedSummary(rep *site.Report, label string) string {
	var b strings.Builder
	b.WriteString("<p>")
	b.WriteString(template.HTMLEscapeString(r.cat.translate("%s label after the interview on %s, valid until %s.",
		label, formatDate(r.lang, rep.Date), formatDate(r.lang, rep.ValidUntil))))
	if rep.Full && rep.ReportID != "" {
		b.WriteString(" ")
		b.WriteString(template.HTMLEscapeString(r.cat.translate("Report %s.", rep.ReportID)))
	}
	b.WriteString("</p>")
	if rep.Full {
		b.WriteString(string(r.markdown.HTML(rep.Summary)))
	}
	return b.String()
}
