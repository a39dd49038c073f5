package site

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"

	"clustersite/generator/fold"
	"clustersite/generator/model"
	"clustersite/generator/slug"
)

// The search index is what the directory's search script downloads: every
// published cluster with the fields the search matches (name, native name,
// region, country name, portfolio, sectors), the facets it filters on
// (country, label, portfolio, status) and the values it sorts and shows
// (valid until, newest assessment date). It holds only what the cluster
// pages already publish, so a profile-only assessment contributes its
// label and dates and nothing else.
//
// It comes in two JSON files laid out for size: the index, which the
// script needs for its first results, and the sectors, which it loads
// next. Sectors are matched by the search but neither shown nor filtered
// on, and they are a fifth of the data: out of the first download, they
// keep a 10,000-cluster directory's page, script and index well under
// 150 KB gzip-compressed. The index:
//
//	{
//	 "version": 1,
//	 "clusters": 3,                       number of clusters, in directory order
//	 "countries": [{"code": "DE", "name": "Germany"}, …],
//	 "portfolios": [{"slug": "ict", "name": "ICT"}, …],
//	 "labels": ["bronze", "silver", "gold"],
//	 "statuses": ["valid", "expiring", "expired", "lapsed"],
//	 "places": [[0, "Bavaria"], …],       country index and region
//	 "names": "AAlpha\nCpine…",           front-coded, one a line, see below
//	 "nativeNames": {"7": "…"},           by cluster number, only where given
//	 "ids": {"12": "custom-id"},          by cluster number, see below
//	 "columns": {"place": {"width": 1, "base": 0, "data": "AAB"}, …}
//	}
//
// The sectors:
//
//	{
//	 "version": 1,
//	 "clusters": 3,
//	 "sectors": ["Agri-food", …],
//	 "sectorSets": [[0, 4], [], …],       sector indexes
//	 "column": {"width": 2, "base": 0, "data": "…"}   a sector set per cluster
//	}
//
// Cluster number i (0-based) is the cluster's position in the directory's
// name order, so the browser needs no collation to list results in the
// order of the server-rendered pages. Labels and statuses are shown with
// the names of the search form's checkboxes, which the page translates.
//
// columns hold one small integer per cluster: place, portfolio (-1: none),
// label, status, newest (the newest published assessment, in days since
// 1970-01-01) and valid (valid-until, in days after newest). A place is a
// country with a region: the pairs are far fewer than their product, and
// one code per pair keeps the file small, as does one code per set of
// sectors. A column is written as width digits per cluster in base 64 with
// the digits A–Z a–z 0–9 - _ (value = base + digits), the most significant
// digit of every cluster first, which gzip compresses to close to the
// information it holds.
//
// names: one line per cluster (names are single lines of text): the number
// of UTF-16 code units the name shares with the previous name, as one
// base-64 digit (at most 63), followed by the rest.
//
// ids: a cluster's page is clusters/<id>/. The id is left out when the
// browser can derive it from the name: the folded name (package fold) with
// every run of spaces and apostrophes turned into one "-". It is written
// when it differs, and for every name with a character outside the Latin
// blocks, whose folding could differ between the Unicode tables of Go and
// of a browser.
type searchIndex struct {
	Version     int                     `json:"version"`
	Clusters    int                     `json:"clusters"`
	Countries   []searchCountry         `json:"countries"`
	Portfolios  []searchPortfolio       `json:"portfolios"`
	Labels      []model.Label           `json:"labels"`
	Statuses    []model.Status          `json:"statuses"`
	Places      [][2]any                `json:"places"`
	Names       string                  `json:"names"`
	NativeNames map[string]string       `json:"nativeNames"`
	IDs         map[string]string       `json:"ids"`
	Columns     map[string]searchColumn `json:"columns"`
}

// searchSectors is the second file of the search index.
type searchSectors struct {
	Version    int          `json:"version"`
	Clusters   int          `json:"clusters"`
	Sectors    []string     `json:"sectors"`
	SectorSets [][]int      `json:"sectorSets"`
	Column     searchColumn `json:"column"`
}

type searchCountry struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

type searchPortfolio struct {
	Slug string `json:"slug"`
	Name string `json:"name"`
}

// searchColumn is one integer per cluster, base-64 coded.
type searchColumn struct {
	Width int    `json:"width"`
	Base  int    `json:"base"`
	Data  string `json:"data"`
}

// digits64 are the base-64 digits of columns and name prefixes, in value
// order; none needs escaping in JSON.
const digits64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

// SearchFiles are the two files of the search index, each named by a hash
// of its content ("search/index.1a2b3c4d.json") so hosts may cache them for
// ever.
type SearchFiles struct {
	Index, Sectors File
}

// SearchIndex returns the files of the search index.
func (s *Site) SearchIndex() SearchFiles {
	ix, sx := s.searchIndex()
	return SearchFiles{Index: hashedJSON("search/index", ix), Sectors: hashedJSON("search/sectors", sx)}
}

func hashedJSON(base string, v any) File {
	data, err := json.Marshal(v)
	if err != nil {
		panic(err) // only plain types: cannot fail
	}
	sum := sha256.Sum256(data)
	return File{Path: base + "." + hex.EncodeToString(sum[:4]) + ".json", Data: data}
}

func (s *Site) searchIndex() (*searchIndex, *searchSectors) {
	ix := &searchIndex{Version: 1, Clusters: len(s.Clusters), NativeNames: map[string]string{}, IDs: map[string]string{}}
	sx := &searchSectors{Version: 1, Clusters: len(s.Clusters), Sectors: []string{}, SectorSets: [][]int{}}
	countries := map[string]int{}
	for i, g := range s.Countries {
		countries[g.Key] = i
		ix.Countries = append(ix.Countries, searchCountry{Code: g.Key, Name: g.Name})
	}
	portfolios := map[string]int{"": -1}
	for i, g := range s.Portfolios {
		portfolios[g.Key] = i
		ix.Portfolios = append(ix.Portfolios, searchPortfolio{Slug: slug.Make(g.Key), Name: g.Name})
	}
	ix.Labels, ix.Statuses = model.Labels, model.Statuses
	places, sectors, sets := dictionary{}, dictionary{}, dictionary{}
	cols := map[string][]int{}
	var sectorSets []int
	var names strings.Builder
	prev := ""
	for i, c := range s.Clusters {
		place, isNew := places.code(c.Country + "\x00" + c.Region)
		if isNew {
			ix.Places = append(ix.Places, [2]any{countries[c.Country], c.Region})
		}
		set := make([]int, 0, len(c.Sectors))
		for _, sec := range c.Sectors {
			code, isNew := sectors.code(sec)
			if isNew {
				sx.Sectors = append(sx.Sectors, sec)
			}
			set = append(set, code)
		}
		slices.Sort(set)
		set = slices.Compact(set)
		setCode, isNew := sets.code(fmtInts(set))
		if isNew {
			sx.SectorSets = append(sx.SectorSets, set)
		}
		sectorSets = append(sectorSets, setCode)
		newest := dayNumber(c.Latest().Date)
		cols["place"] = append(cols["place"], place)
		cols["portfolio"] = append(cols["portfolio"], portfolios[c.Portfolio])
		cols["label"] = append(cols["label"], slices.Index(model.Labels, c.Label))
		cols["status"] = append(cols["status"], slices.Index(model.Statuses, c.Status))
		cols["newest"] = append(cols["newest"], newest)
		cols["valid"] = append(cols["valid"], dayNumber(c.ValidUntil)-newest)

		if i > 0 {
			names.WriteByte('\n')
		}
		names.WriteString(frontCode(prev, c.Name))
		prev = c.Name
		key := strconv.Itoa(i)
		if c.NativeName != "" {
			ix.NativeNames[key] = c.NativeName
		}
		if c.derivedID != c.ID {
			ix.IDs[key] = c.ID
		}
	}
	ix.Names = names.String()
	ix.Columns = map[string]searchColumn{}
	for name, values := range cols {
		ix.Columns[name] = encodeColumn(values)
	}
	sx.Column = encodeColumn(sectorSets)
	return ix, sx
}

// dictionary numbers distinct keys in order of first appearance.
type dictionary map[string]int

func (d dictionary) code(key string) (code int, isNew bool) {
	if c, ok := d[key]; ok {
		return c, false
	}
	d[key] = len(d)
	return d[key], true
}

func fmtInts(ns []int) string {
	var b strings.Builder
	for _, n := range ns {
		b.WriteString(strconv.Itoa(n))
		b.WriteByte(',')
	}
	return b.String()
}

// dayNumber is the number of days from 1970-01-01 to d.
func dayNumber(d model.Date) int { return int(d.Time().Unix() / 86400) }

// encodeColumn writes values as fixed-width base-64 numbers above their
// minimum.
func encodeColumn(values []int) searchColumn {
	if len(values) == 0 {
		return searchColumn{Width: 1}
	}
	lo, hi := slices.Min(values), slices.Max(values)
	width := 1
	for limit := 64; hi-lo >= limit; limit *= 64 {
		width++
	}
	b := make([]byte, 0, width*len(values))
	for k := width - 1; k >= 0; k-- {
		for _, v := range values {
			b = append(b, digits64[(v-lo)>>(6*k)&63])
		}
	}
	return searchColumn{Width: width, Base: lo, Data: string(b)}
}

// frontCode writes name as the length of its common prefix with prev, in
// UTF-16 code units as JavaScript counts them, and the rest.
func frontCode(prev, name string) string {
	p, n := utf16.Encode([]rune(prev)), utf16.Encode([]rune(name))
	k := 0
	for k < len(p) && k < len(n) && k < 63 && p[k] == n[k] {
		k++
	}
	if k > 0 && n[k-1] >= 0xD800 && n[k-1] < 0xDC00 {
		k-- // never cut a surrogate pair
	}
	return string(digits64[k]) + string(utf16.Decode(n[k:]))
}

// derivedID is the id the browser derives from a name (see searchIndex),
// or "" for a name the build cannot be sure the browser folds the same way.
func derivedID(name string) string {
	for _, r := range name {
		latin := r < 0x250 || r >= 0x300 && r < 0x370 || r >= 0x1E00 && r < 0x1F00 || r >= 0x2000 && r < 0x20A0
		if !latin {
			return ""
		}
	}
	return strings.Join(strings.FieldsFunc(fold.String(name), func(r rune) bool { return r == ' ' || r == '\'' }), "-")
}
