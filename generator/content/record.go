package content

import (
	"encoding/binary"
	"math"
	"strings"
	"time"

	"clustersite/generator/model"
)

// A record is what decoding one assessment file gave, in the binary form a
// decoded-file cache keeps on disk (see diskCache). Only files decoded
// without any problem are recorded: a problem needs the file's text for
// its line and column, and reading it again is cheap next to how rare
// problems are in a site that builds.
//
// The layout is a sequence of fields in a fixed order, each a uvarint, a
// string (uvarint length, then the bytes), a float64 (8 bytes, little
// endian) or a bool (one byte). appendRecord and decodeRecord are its
// only definition; TestRecordCoversTheModel fails when model.Cluster or
// model.Assessment gain a field they do not know of.

// appendRecord appends the record of e, which decoded without problems,
// to b.
func appendRecord(b []byte, e *entry) []byte {
	b = appendString(b, e.id)
	b = appendString(b, e.idField)
	b = appendBool(b, e.countryOK)

	p := e.profile
	b = appendString(b, p.ID)
	b = appendString(b, p.Name)
	b = appendString(b, p.NativeName)
	b = appendString(b, p.Country)
	b = appendString(b, p.Region)
	b = appendString(b, p.Website)
	b = appendString(b, p.Portfolio)
	b = appendStrings(b, p.Sectors)
	b = binary.AppendVarint(b, int64(p.Founded))
	b = appendString(b, p.Description)

	a := e.a
	b = appendDate(b, a.Date)
	b = appendString(b, string(a.Label))
	b = appendDate(b, a.ValidUntil)
	b = appendFloat(b, a.Score)
	b = appendString(b, a.ReportID)
	b = appendString(b, a.Expert)
	b = appendString(b, a.Methodology.ID)
	b = appendString(b, string(a.Publish))
	b = appendBool(b, a.Draft)
	b = appendString(b, a.Summary)
	b = appendString(b, a.Recommendations)
	b = binary.AppendUvarint(b, uint64(a.Values.Len()))
	for id, v := range a.Values.All() {
		// The place of the indicator rather than its ID: a tenth of the
		// bytes, and a decoded-file cache holds only records of the
		// methodologies they were made with.
		b = binary.AppendUvarint(b, uint64(a.Methodology.Indicator(id).Pos()))
		b = appendFloat(b, v.Num)
		b = appendBool(b, v.Bool)
		b = appendString(b, v.Text)
		b = appendStrings(b, v.List)
	}
	return b
}

// decodeRecord returns the entry of the file at path from its record rec,
// or false when rec is not a whole record or names a methodology or
// indicator that c does not have. The strings of the entry are copies, not
// substrings of rec: rec also holds what the site does not keep (the
// profiles of older assessments, the values' framing), and a build of
// 10,000 clusters would keep 30 MB more in memory.
func (c *checker) decodeRecord(path, rec string) (*entry, bool) {
	r := recordReader{s: rec}
	e := &entry{rep: &report{path: path}}
	e.id = r.string()
	e.idField = r.string()
	e.countryOK = r.bool()

	p := &model.Cluster{}
	p.ID = r.string()
	p.Name = r.string()
	p.NativeName = r.string()
	p.Country = r.string()
	p.Region = r.string()
	p.Website = r.string()
	p.Portfolio = r.string()
	p.Sectors = r.strings()
	p.Founded = int(r.varint())
	p.Description = r.string()
	e.profile = p

	a := &model.Assessment{Path: path}
	a.Date = r.date()
	a.Label = model.Label(r.string())
	a.ValidUntil = r.date()
	a.Score = r.float()
	a.ReportID = r.string()
	a.Expert = r.string()
	m := c.methodologies[r.string()]
	a.Publish = model.Publish(r.string())
	a.Draft = r.bool()
	a.Summary = r.string()
	a.Recommendations = r.string()
	if m == nil || r.bad {
		return nil, false
	}
	a.Methodology = m
	for n := r.uvarint(); n > 0 && !r.bad; n-- {
		ind := m.IndicatorAt(int(min(r.uvarint(), math.MaxInt32)))
		v := model.Value{Num: r.float(), Bool: r.bool(), Text: r.string(), List: r.strings()}
		if r.bad || ind == nil || !a.Values.Put(m, ind.ID, v) {
			return nil, false
		}
	}
	if r.bad || r.s != "" {
		return nil, false
	}
	e.a = a
	return e, true
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// appendStrings keeps nil and empty apart: a decoded list is compared with
// reflect.DeepEqual in tests, and templates may tell them apart.
func appendStrings(b []byte, ss []string) []byte {
	if ss == nil {
		return binary.AppendUvarint(b, 0)
	}
	b = binary.AppendUvarint(b, uint64(len(ss))+1)
	for _, s := range ss {
		b = appendString(b, s)
	}
	return b
}

func appendBool(b []byte, v bool) []byte {
	if v {
		return append(b, 1)
	}
	return append(b, 0)
}

func appendFloat(b []byte, f float64) []byte {
	return binary.LittleEndian.AppendUint64(b, math.Float64bits(f))
}

func appendDate(b []byte, d model.Date) []byte {
	b = binary.AppendVarint(b, int64(d.Year))
	b = binary.AppendVarint(b, int64(d.Month))
	return binary.AppendVarint(b, int64(d.Day))
}

// recordReader reads the fields of a record from s. A read past the end
// or of a malformed number sets bad and returns zero values; callers check
// bad once they have read what they need.
type recordReader struct {
	s   string
	bad bool
}

func (r *recordReader) uvarint() uint64 {
	var v uint64
	for shift := uint(0); shift < 64; shift += 7 {
		if r.s == "" {
			break
		}
		c := r.s[0]
		r.s = r.s[1:]
		v |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return v
		}
	}
	r.bad = true
	return 0
}

func (r *recordReader) varint() int64 {
	u := r.uvarint()
	v := int64(u >> 1)
	if u&1 != 0 {
		v = ^v
	}
	return v
}

func (r *recordReader) string() string {
	n := r.uvarint()
	if n > uint64(len(r.s)) {
		r.bad = true
		return ""
	}
	s := strings.Clone(r.s[:n])
	r.s = r.s[n:]
	return s
}

func (r *recordReader) strings() []string {
	n := r.uvarint()
	if n == 0 {
		return nil
	}
	if n-1 > uint64(len(r.s)) { // every string takes at least one byte
		r.bad = true
		return nil
	}
	ss := make([]string, n-1)
	for i := range ss {
		ss[i] = r.string()
	}
	return ss
}

func (r *recordReader) bool() bool {
	if r.s == "" || r.s[0] > 1 {
		r.bad = true
		return false
	}
	v := r.s[0] == 1
	r.s = r.s[1:]
	return v
}

func (r *recordReader) float() float64 {
	if len(r.s) < 8 {
		r.bad = true
		return 0
	}
	v := binary.LittleEndian.Uint64([]byte(r.s[:8]))
	r.s = r.s[8:]
	return math.Float64frombits(v)
}

func (r *recordReader) date() model.Date {
	return model.Date{Year: int(r.varint()), Month: time.Month(r.varint()), Day: int(r.varint())}
}
