package content

import (
	"crypto/sha256"
	"hash"
	"io/fs"
	"slices"
	"strings"

	"clustersite/generator/methodology"
	"clustersite/generator/model"
)

// loadMethodologies returns the built-in methodology and the site's
// methodology files by id; a site file with the built-in id replaces it.
// It also returns the SHA-256 of the paths and bytes of the files as it
// read them, for the caches of decoded files: a hash of the files read
// again later could be of a newer version than the one parsed.
func loadMethodologies(site fs.FS, paths []string) (map[string]*model.Methodology, model.Problems, [sha256.Size]byte) {
	ms := map[string]*model.Methodology{methodology.DefaultID: methodology.Default()}
	defined := map[string]string{} // id → path of the site file
	var ps model.Problems
	h := sha256.New()
	for _, path := range paths {
		m, keys, mps := loadMethodology(site, path, h)
		ps = append(ps, mps...)
		if m == nil {
			continue
		}
		if other, dup := defined[m.ID]; dup {
			r := &report{path: path, keys: keys}
			r.errorf("id", "methodology %s is also defined in %s", m.ID, other)
			ps = append(ps, r.problems...)
			continue
		}
		defined[m.ID] = path
		ms[m.ID] = m
	}
	return ms, ps, [sha256.Size]byte(h.Sum(nil))
}

// loadMethodology reads and parses one methodology file; it also returns
// the positions of its keys. It writes the path and the bytes read, or
// the problem of reading them, to h.
func loadMethodology(site fs.FS, path string, h hash.Hash) (*model.Methodology, keyPositions, model.Problems) {
	r := &report{path: path}
	data, ok := readContent(site, r)
	writeParts(h, path, string(data))
	if !ok {
		writeParts(h, r.problems[0].Message)
		return nil, nil, r.problems
	}
	src := strings.TrimPrefix(string(data), bom)
	keys, ok := scanContent(r, src)
	if !ok {
		return nil, nil, r.problems
	}
	m, ps := methodology.Parse(path, []byte(src))
	placeProblems(ps, keys)
	return m, keys, ps
}

// placeProblems gives problems of methodology.Parse that carry no position
// the position of their field, when the field is a plain key.
func placeProblems(ps model.Problems, keys keyPositions) {
	for i, p := range ps {
		if p.Line == 0 && p.Field != "" {
			if pos, ok := keys[p.Field]; ok {
				ps[i].Line, ps[i].Col = pos.line, pos.col
			}
		}
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
