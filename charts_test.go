package main

import (
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"clustersite/generator/build"
)

// TestReportChartsShowEveryPublishedComparison checks the box plots of
// every report page against the model: one chart per indicator with a
// published comparison, none for the others; each with role=img, named by
// its <title>, whose text gives each group's size and median; and each
// group's five numbers in the area's figures table.
func TestReportChartsShowEveryPublishedComparison(t *testing.T) {
	files := readTree(t, buildSample(t))
	s := loadSample(t, build.Options{})
	charts := 0
	for _, c := range s.Clusters {
		for _, r := range c.Reports {
			if !r.Full {
				continue
			}
			d := doc(t, files, r.URL+"index.html")
			for _, a := range r.Areas() {
				figures := d.Find("#area-" + a.ID).Parent().Find("table.figures-table tbody tr")
				rows := 0
				for _, row := range a.Rows {
					svg := d.Find("#ind-" + row.ID + " svg.chart")
					shown := row.All.Shown || row.Portfolio.Shown
					if !shown {
						if svg.Length() != 0 {
							t.Errorf("%s %s: a chart without a published comparison", r.URL, row.ID)
						}
						continue
					}
					charts++
					title := svg.Find("title")
					alt := title.Text()
					if svg.Length() != 1 || svg.AttrOr("role", "") != "img" || title.AttrOr("id", "") == "" ||
						svg.AttrOr("aria-labelledby", "") != title.AttrOr("id", "") || d.Find("#"+title.AttrOr("id", "")).Length() != 1 {
						t.Errorf("%s %s: chart %d, role %q, not named by a title with a unique id", r.URL, row.ID, svg.Length(), svg.AttrOr("role", ""))
						continue
					}
					for _, cmp := range []struct {
						shown  bool
						median string
						n      int
					}{{row.All.Shown, row.All.Median, row.All.Summary.N}, {row.Portfolio.Shown, row.Portfolio.Median, row.Portfolio.Summary.N}} {
						if !cmp.shown {
							continue
						}
						rows++
						if want := "(n = " + strconv.Itoa(cmp.n) + ", median " + cmp.median + "): "; !strings.Contains(alt, want) {
							t.Errorf("%s %s: text alternative %q lacks %q", r.URL, row.ID, alt, want)
						}
					}
					if boxes := svg.Find("g.box").Length(); boxes != btoi(row.All.Shown)+btoi(row.Portfolio.Shown) {
						t.Errorf("%s %s: %d boxes", r.URL, row.ID, boxes)
					}
				}
				if figures.Length() != rows {
					t.Errorf("%s %s: figures table has %d rows, want %d", r.URL, a.ID, figures.Length(), rows)
				}
			}
		}
	}
	if charts < 100 {
		t.Errorf("only %d charts in the sample's reports", charts)
	}
	// The numbers of one chart, by hand.
	cell := doc(t, files, "clusters/qoot-cluster/2019-07-25/index.html").Find("#area-structure").Parent().Find("table.figures-table tbody tr").First()
	if got := strings.Join(cell.Find("td").Map(func(_ int, s *goquery.Selection) string { return s.Text() }), " "); got != "All clusters 19 41 60.5 81 116.5 176" {
		t.Errorf("figures of participants = %q", got)
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// TestDirectoryChartsCountLabelsByCountryAndYear checks the two charts of
// the directory and their tables of numbers against the site.
func TestDirectoryChartsCountLabelsByCountryAndYear(t *testing.T) {
	files := readTree(t, buildSample(t))
	s := loadSample(t, build.Options{})
	d := doc(t, files, "index.html")
	figs := d.Find(".figures-section figure")
	if figs.Length() != 2 {
		t.Fatalf("%d figures on the directory, want 2", figs.Length())
	}
	total := func(fig *goquery.Selection) (sum int) {
		fig.Find("table.numbers tbody tr td:last-child").Each(func(_ int, c *goquery.Selection) {
			n, err := strconv.Atoi(c.Text())
			if err != nil {
				t.Errorf("total %q", c.Text())
			}
			sum += n
		})
		return sum
	}
	countries, years := figs.Eq(0), figs.Eq(1)
	prev := len(s.Clusters)
	countries.Find("table.numbers tbody tr td:last-child").Each(func(_ int, c *goquery.Selection) {
		n, _ := strconv.Atoi(c.Text())
		if n > prev {
			t.Errorf("countries are not ordered by number of clusters: %d after %d", n, prev)
		}
		prev = n
	})
	if got := total(countries); got != len(s.Clusters) {
		t.Errorf("clusters by country add up to %d, want %d", got, len(s.Clusters))
	}
	if got := total(years); got != s.Assessments {
		t.Errorf("labels by year add up to %d, want %d", got, s.Assessments)
	}
	if n := countries.Find("table.numbers tbody tr").Length(); n != len(s.Countries) {
		t.Errorf("%d countries in the table, want %d", n, len(s.Countries))
	}
	for _, fig := range []*goquery.Selection{countries, years} {
		svg := fig.Find("svg.chart")
		if svg.AttrOr("role", "") != "img" || svg.AttrOr("aria-label", "") == "" {
			t.Errorf("chart without text alternative: %v", svg.Nodes)
		}
		for _, l := range []string{"bronze", "silver", "gold"} {
			if svg.Find("rect.bar-"+l).Length() == 0 {
				t.Errorf("no %s bars or legend", l)
			}
		}
	}
	// Bars in the label colours, one segment per country and label with
	// clusters (plus the legend's swatch).
	segments := 0
	for _, lc := range s.LabelsByCountry {
		for _, n := range lc.Counts {
			if n > 0 {
				segments++
			}
		}
	}
	if got := countries.Find("svg rect").Length() - 3; got != segments {
		t.Errorf("%d bar segments, want %d", got, segments)
	}
	// Only the first page of the directory has the charts.
	for name := range files {
		if strings.HasPrefix(name, "page/") && doc(t, files, name).Find(".figures-section").Length() > 0 {
			t.Errorf("%s repeats the charts", name)
		}
	}
}
