package render

import (
	"strconv"

	"clustersite/generator/site"
)

// organization is a cluster as a schema.org Organization, for the JSON-LD
// of its page. Templates place it in <script type="application/ld+json">
// as a value: html/template marshals it with encoding/json, which writes
// <, > and & as \u003c, \u003e and \u0026, so no field can end the script
// element or open a comment.
type organization struct {
	Context       string         `json:"@context"`
	Type          string         `json:"@type"`
	ID            string         `json:"@id,omitempty"`
	Name          string         `json:"name"`
	AlternateName string         `json:"alternateName,omitempty"`
	URL           string         `json:"url,omitempty"`
	SameAs        []string       `json:"sameAs,omitempty"`
	Address       postalAddress  `json:"address"`
	FoundingDate  string         `json:"foundingDate,omitempty"`
	Award         string         `json:"award"`
	SubjectOf     *schemaWebPage `json:"subjectOf,omitempty"`
}

type postalAddress struct {
	Type    string `json:"@type"`
	Country string `json:"addressCountry"`
	Region  string `json:"addressRegion,omitempty"`
}

type schemaWebPage struct {
	Type string `json:"@type"`
	URL  string `json:"url"`
}

// organization describes the cluster of a cluster page. url and sameAs are
// the cluster's own website; the page itself, with base_url, is the @id
// and subjectOf. The award is the current label in the site language.
func (r *Renderer) organization(p *site.ClusterPage) organization {
	c := p.Cluster
	o := organization{
		Context: "https://schema.org", Type: "Organization",
		Name: c.Name, AlternateName: c.NativeName, URL: c.Website,
		Address: postalAddress{Type: "PostalAddress", Country: c.Country, Region: c.Region},
	}
	if c.Website != "" {
		o.SameAs = []string{c.Website}
	}
	if c.Founded != 0 {
		o.FoundingDate = strconv.Itoa(c.Founded)
	}
	label, until := r.cat.translate(c.Label.Title()), formatDate(r.lang, c.ValidUntil)
	if c.Status.InForce() {
		o.Award = r.cat.translate("%s label: %s, valid until %s", label, c.Label.Motto(), until)
	} else {
		o.Award = r.cat.translate("%s label: %s, ended on %s", label, c.Label.Motto(), until)
	}
	if u := p.Canonical(); u != "" {
		o.ID = u + "#organization"
		o.SubjectOf = &schemaWebPage{Type: "WebPage", URL: u}
	}
	return o
}
