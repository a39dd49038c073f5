package sitecheck

import (
	"fmt"
	"strings"

	"github.com/PuerkitoBio/goquery"
)

// Outline returns the pages of dir whose headings do not form an outline:
// no h1 or more than one, a heading before the h1, a level skipped on the
// way down (h2 then h4), an empty heading. Headings hidden from everyone
// (inside hidden or aria-hidden="true") do not count; visually hidden ones
// do, screen readers list them.
func Outline(dir string) ([]Finding, error) {
	return perPage(dir, outline)
}

func outline(name string, doc *goquery.Document) []Finding {
	var out []Finding
	add := func(format string, args ...any) {
		out = append(out, Finding{name, "heading", fmt.Sprintf(format, args...)})
	}
	prev, h1s := 0, 0
	var prevText string
	doc.Find("h1, h2, h3, h4, h5, h6").Each(func(_ int, h *goquery.Selection) {
		if hiddenFromAll(h) {
			return
		}
		level := int(goquery.NodeName(h)[1] - '0')
		t := text(h)
		switch {
		case t == "" && h.AttrOr("aria-label", "") == "":
			add("empty %s", describe(h))
		case prev == 0 && level != 1:
			add("the first heading is h%d %q, not h1", level, t)
		case level > prev+1 && prev > 0:
			add("h%d %q follows h%d %q: level %d skipped", level, t, prev, prevText, prev+1)
		}
		if level == 1 {
			h1s++
		}
		prev, prevText = level, t
	})
	switch {
	case h1s == 0 && prev == 0:
		add("no heading")
	case h1s == 0:
		add("no h1")
	case h1s > 1:
		add("%d h1 headings, want one", h1s)
	}
	return out
}

// hiddenFromAll reports whether the element or an ancestor is hidden from
// sight and from assistive technology alike.
func hiddenFromAll(e *goquery.Selection) bool {
	return e.Closest("[hidden], [aria-hidden=true], template").Length() > 0
}

// Tables returns the data tables of dir without header cells, and the
// header cells without text.
func Tables(dir string) ([]Finding, error) {
	return perPage(dir, tables)
}

func tables(name string, doc *goquery.Document) []Finding {
	var out []Finding
	doc.Find("table").Each(func(_ int, table *goquery.Selection) {
		if role := table.AttrOr("role", ""); role == "presentation" || role == "none" {
			return
		}
		own := table.Find("th").FilterFunction(func(_ int, th *goquery.Selection) bool {
			return th.Closest("table").IsSelection(table)
		})
		if own.Length() == 0 {
			out = append(out, Finding{name, "table", describe(table) + " has no header cell (th)"})
		}
		own.Each(func(_ int, th *goquery.Selection) {
			if text(th) == "" && th.AttrOr("aria-label", "") == "" {
				out = append(out, Finding{name, "table", fmt.Sprintf("empty header cell in %s", describe(table))})
			}
		})
	})
	return out
}

// Alternatives returns the images of dir without a text alternative: an
// img without alt, an svg neither hidden nor a named image.
func Alternatives(dir string) ([]Finding, error) {
	return perPage(dir, alternatives)
}

func alternatives(name string, doc *goquery.Document) []Finding {
	var out []Finding
	doc.Find("img, input[type=image]").Each(func(_ int, img *goquery.Selection) {
		if _, ok := img.Attr("alt"); !ok {
			out = append(out, Finding{name, "alt", describe(img) + " has no alt attribute"})
		}
	})
	doc.Find("svg").Each(func(_ int, svg *goquery.Selection) {
		if svg.Parent().Closest("svg").Length() > 0 || svg.Closest("[aria-hidden=true]").Length() > 0 {
			return // part of another image, or decoration
		}
		if svg.AttrOr("role", "") != "img" {
			out = append(out, Finding{name, "alt", describe(svg) + ` is neither aria-hidden="true" nor role="img"`})
			return
		}
		if svgName(doc, svg) == "" {
			out = append(out, Finding{name, "alt", describe(svg) + " has no text alternative (aria-label, aria-labelledby or title)"})
		}
	})
	return out
}

// svgName returns the accessible name of an svg image: aria-labelledby,
// else aria-label, else its title child.
func svgName(doc *goquery.Document, svg *goquery.Selection) string {
	if ids := strings.Fields(svg.AttrOr("aria-labelledby", "")); len(ids) > 0 {
		var parts []string
		for _, id := range ids {
			parts = append(parts, text(byID(doc, id)))
		}
		return strings.TrimSpace(strings.Join(parts, " "))
	}
	if label := strings.TrimSpace(svg.AttrOr("aria-label", "")); label != "" {
		return label
	}
	return text(svg.ChildrenFiltered("title"))
}

// byID returns the elements whose id is id (CSS selectors cannot quote
// every id).
func byID(doc *goquery.Document, id string) *goquery.Selection {
	return doc.Find("[id]").FilterFunction(func(_ int, e *goquery.Selection) bool { return e.AttrOr("id", "") == id })
}
