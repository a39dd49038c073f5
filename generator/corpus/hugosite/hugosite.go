// Package hugosite writes the Hugo side of the performance comparison: a
// Hugo site folder that holds the same clusters as a clustersite site, so
// that `hugo --quiet -s DIR -d OUT` and `clustersite build` can be timed on
// the same data. It is benchmark support, not part of clustersite.
//
// The Hugo site has one content page per cluster (content/clusters/<id>.md)
// whose front matter carries what clustersite computes while building and
// Hugo cannot: the indicator rows of the newest full report with their
// values, medians and quarters already worked out, the label standing and
// the label history. The page body is Markdown: the description, the
// summary and the recommendations. Taxonomies countries, labels and
// portfolios give the browse pages; list pages are paginated like
// clustersite's directory. The layouts render the indicator table and the
// history from the front matter; RSS is off, as clustersite writes no
// feeds.
package hugosite

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"clustersite/generator/site"
)

//go:embed all:layouts
var layouts embed.FS

// Write writes the Hugo site for s into dir, which must not exist or be
// empty. It returns the number of content pages.
func Write(dir string, s *site.Site) (int, error) {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return 0, fmt.Errorf("hugosite: %s is not empty", dir)
	}
	if err := writeLayouts(dir); err != nil {
		return 0, err
	}
	if err := os.WriteFile(filepath.Join(dir, "hugo.toml"), config(s), 0o644); err != nil {
		return 0, err
	}
	pages := filepath.Join(dir, "content", "clusters")
	if err := os.MkdirAll(pages, 0o755); err != nil {
		return 0, err
	}
	var b bytes.Buffer
	for _, c := range s.Clusters {
		b.Reset()
		page(&b, c)
		if err := os.WriteFile(filepath.Join(pages, c.ID+".md"), b.Bytes(), 0o644); err != nil {
			return 0, err
		}
	}
	return len(s.Clusters), nil
}

func writeLayouts(dir string) error {
	return fs.WalkDir(layouts, "layouts", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		target := filepath.Join(dir, filepath.FromSlash(p))
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := layouts.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}

func config(s *site.Site) []byte {
	return fmt.Appendf(nil, `baseURL = "/"
title = %s
disableKinds = ["RSS"]
paginate = %d
[taxonomies]
country = "countries"
label = "labels"
portfolio = "portfolios"
[markup.goldmark.renderer]
unsafe = false
`, strconv.Quote(s.Config.Title), s.Config.PageSize)
}

// page writes one cluster's content file: TOML front matter, then the
// Markdown body.
func page(b *bytes.Buffer, c *site.Cluster) {
	b.WriteString("+++\n")
	str(b, "title", c.Name)
	str(b, "country_code", c.Country)
	str(b, "region", c.Region)
	str(b, "website", c.Website)
	str(b, "label", c.Label.Title())
	str(b, "status", c.Status.Title())
	str(b, "valid_until", c.ValidUntil.String())
	list(b, "countries", c.CountryName)
	list(b, "labels", c.Label.Title())
	if c.Portfolio != "" {
		list(b, "portfolios", c.Portfolio)
	}
	for _, r := range c.History() {
		b.WriteString("[[history]]\n")
		str(b, "date", r.Date.String())
		str(b, "label", r.Label.Title())
		str(b, "valid_until", r.ValidUntil.String())
		fmt.Fprintf(b, "full = %t\n", r.Full)
	}
	latest := c.LatestFull()
	if latest != nil {
		for _, area := range latest.Areas() {
			for _, row := range area.Rows {
				b.WriteString("[[indicators]]\n")
				str(b, "area", area.Title)
				str(b, "title", row.Title)
				str(b, "value", row.Value)
				if row.All.Shown {
					str(b, "position_all", row.All.Position.String())
					str(b, "median_all", row.All.Median)
					fmt.Fprintf(b, "n_all = %d\n", row.All.Summary.N)
				}
				if row.Portfolio.Shown {
					str(b, "position_portfolio", row.Portfolio.Position.String())
					str(b, "median_portfolio", row.Portfolio.Median)
					fmt.Fprintf(b, "n_portfolio = %d\n", row.Portfolio.Summary.N)
				}
			}
		}
	}
	b.WriteString("+++\n\n")
	b.WriteString(c.Description)
	if latest != nil {
		b.WriteString("\n\n## Summary\n\n")
		b.WriteString(latest.Summary)
		b.WriteString("\n\n## Recommendations\n\n")
		b.WriteString(latest.Recommendations)
	}
	b.WriteString("\n")
}

func str(b *bytes.Buffer, key, value string) {
	if value == "" {
		return
	}
	fmt.Fprintf(b, "%s = %s\n", key, quote(value))
}

func list(b *bytes.Buffer, key, value string) {
	fmt.Fprintf(b, "%s = [%s]\n", key, quote(value))
}

// quote writes a TOML basic string; strconv.Quote's escapes are valid
// TOML except \x, which it uses only for invalid UTF-8 and control bytes.
func quote(s string) string {
	return strconv.Quote(strings.ToValidUTF8(s, "\uFFFD"))
}
