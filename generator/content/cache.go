package content

import (
	"crypto/sha256"
	"io/fs"
	"slices"
	"sync"
	"time"

	"clustersite/generator/config"
	"clustersite/generator/model"
)

// Cache keeps decoded assessment files from one Load to the next, so that
// the dev server, which loads the site again after every change, decodes
// only the files that changed. Pass the same Cache in Options.Cache to
// every Load of one site folder; the zero Cache is empty and ready. A
// Cache is safe for concurrent use, but loads that share it should not
// overlap (they would only be slower).
//
// What a file decodes to is found by its path and the SHA-256 of its
// bytes, so the cache cannot answer with anything but what decoding the
// file's current bytes gives. It lives in the process's memory only, so
// every entry was made by the running program. Decoding also depends on
// the configured portfolios and on the methodology files; when either
// changes, the cache starts empty.
//
// Hashing every file means reading every file, which is most of a reload
// at 10,000 clusters. So a file whose size, modification and change times,
// inode and device are those it had when it was last read is taken as
// unchanged, like git's index does, without reading it; a file modified
// less than stampMargin before it was read is read again next time all the
// same, because a second change within the clock's resolution could leave
// the same times. File systems that report no inode (fstest.MapFS, any
// non-Linux system) are always read and hashed.
type Cache struct {
	mu sync.Mutex
	// env identifies what decoding depended on: portfolios and the bytes
	// of every methodology file.
	env [sha256.Size]byte
	// methodologies are those of env, kept so that cached assessments
	// and new ones point to the same *model.Methodology values.
	methodologies map[string]*model.Methodology
	files         map[string]*cachedFile
	// loads counts loads; a file seen by the current one has seen ==
	// loads.
	loads int
	// decoded counts the files decoded, for tests.
	decoded int
}

// stampMargin is how long before a read a file's times must lie for its
// stamp to be trusted at the next load.
const stampMargin = 2 * time.Second

// cachedFile is one decoded assessment file.
type cachedFile struct {
	// seen is the number of the last load that saw the file.
	seen int
	// stamp of the file when read; trusted says whether a file with the
	// same stamp may be taken as unchanged without reading it.
	stamp   fileStamp
	trusted bool
	sum     [sha256.Size]byte
	// e is never changed: Load works on clones.
	e *entry
}

// fileStamp is what the file system says of a file without reading it.
type fileStamp struct {
	size, mtime, ctime int64
	ino, dev           uint64
}

// begin starts a load: it empties the cache unless the portfolios and
// methodology files are those of the last load, and returns the
// methodologies assessments must point to.
func (k *Cache) begin(site fs.FS, cfg config.Config, methodologyFiles []string, ms map[string]*model.Methodology) map[string]*model.Methodology {
	h := sha256.New()
	for _, p := range cfg.Portfolios {
		h.Write([]byte(p + "\x00"))
	}
	for _, path := range methodologyFiles {
		data, err := fs.ReadFile(site, path)
		if err != nil {
			data = []byte(err.Error())
		}
		h.Write([]byte(path + "\x00"))
		h.Write(data)
		h.Write([]byte{0})
	}
	var env [sha256.Size]byte
	h.Sum(env[:0])
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.files == nil || env != k.env {
		k.env, k.methodologies, k.files = env, ms, map[string]*cachedFile{}
	}
	k.loads++
	return k.methodologies
}

// load returns the entry of the assessment file at path, decoding it only
// when the cache does not have what its current bytes decode to.
func (k *Cache) load(c *checker, site fs.FS, path string) *entry {
	k.mu.Lock()
	old := k.files[path]
	if old != nil {
		old.seen = k.loads
	}
	load := k.loads
	k.mu.Unlock()
	var stamp fileStamp
	var stamped bool
	if fi, err := fs.Stat(site, path); err == nil {
		stamp, stamped = stampOf(fi)
	}
	if old != nil && old.trusted && stamped && stamp == old.stamp {
		return old.e.clone()
	}
	readAt := time.Now()
	r := &report{path: path}
	data, ok := readContent(site, r)
	if !ok {
		return &entry{rep: r} // not cached: the next load tries again
	}
	f := &cachedFile{seen: load, stamp: stamp, sum: sha256.Sum256(data)}
	f.trusted = stamped && time.Unix(0, stamp.mtime).Before(readAt.Add(-stampMargin)) &&
		time.Unix(0, stamp.ctime).Before(readAt.Add(-stampMargin))
	if old != nil && old.sum == f.sum {
		f.e = old.e
	} else {
		f.e = c.decode(path, data)
		f.e.rep.source = rereader(site, path)
	}
	k.mu.Lock()
	if f.e != old.entry() {
		k.decoded++
	}
	k.files[path] = f
	k.mu.Unlock()
	return f.e.clone()
}

// forget drops the files that the current load did not see: removed or
// renamed files.
func (k *Cache) forget() {
	k.mu.Lock()
	defer k.mu.Unlock()
	for p, f := range k.files {
		if f.seen != k.loads {
			delete(k.files, p)
		}
	}
}

func (f *cachedFile) entry() *entry {
	if f == nil {
		return nil
	}
	return f.e
}

// clone returns a copy of e that Load may change (assemble adds problems
// and links assessments to clusters) without changing e. The profile,
// the values and the key positions are shared: nothing changes them.
func (e *entry) clone() *entry {
	c := *e
	rep := *e.rep
	rep.problems = slices.Clip(rep.problems)
	c.rep = &rep
	if e.a != nil {
		a := *e.a
		c.a = &a
	}
	return &c
}
