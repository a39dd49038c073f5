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
// Cache is safe for concurrent use; loads that share it run one at a time.
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
//
// Even looking at every file's times is too slow for a preview at 10,000
// clusters. A caller that watches the site folder can say what changed
// instead (Changed): Load then looks only at those paths and takes every
// other file, and every cluster none of whose files changed, as they were.
//
// The clusters of a Load with a Cache are never changed afterwards, and a
// cluster none of whose files changed since the last Load is the same
// *model.Cluster, so later stages can reuse what they derived from it.
type Cache struct {
	mu sync.Mutex
	// env identifies what decoding depended on: portfolios and the bytes
	// of every methodology file.
	env [sha256.Size]byte
	// methodologies are those of env, kept so that cached assessments
	// and new ones point to the same *model.Methodology values.
	methodologies map[string]*model.Methodology
	files         map[string]*cachedFile
	// tree is the last walk of content/, kept up to date with changed.
	tree *tree
	// told is set once Changed was called: from then on, only the paths
	// in changed may differ from the last load.
	told    bool
	changed []string
	// assembly is how the last load assembled the clusters.
	assembly assembly
	// decoded counts the files decoded, for tests.
	decoded int
}

// Changed tells k that the files at these site-relative, slash-separated
// paths may have changed since the last Load, as a file watcher reports
// them: a file, or a folder for everything below it ("." is the whole
// site folder). Once Changed has been called, the next loads look only at
// the paths reported since the load before, and take every other file as
// it was, without reading or even looking at it: call it for every change,
// or never. After changes may have been missed (the watcher lost events),
// report ".": the next Load walks content/ again and checks every file.
func (k *Cache) Changed(paths []string) {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.told = true
	k.changed = append(k.changed, paths...)
}

// stampMargin is how long before a read a file's times must lie for its
// stamp to be trusted at the next load.
const stampMargin = 2 * time.Second

// cachedFile is one decoded assessment file.
type cachedFile struct {
	// stamp of the file when read; trusted says whether a file with the
	// same stamp may be taken as unchanged without reading it.
	stamp   fileStamp
	trusted bool
	// sum is the fileKey of the path and bytes read: the bytes changed
	// when it did, and it is the key of the file's record on disk.
	sum [sha256.Size]byte
	// e is never changed: assembly works on clones.
	e *entry
}

// fileStamp is what the file system says of a file without reading it.
type fileStamp struct {
	size, mtime, ctime int64
	ino, dev           uint64
}

// loadSite is Load with the cache.
func (k *Cache) loadSite(site fs.FS, cfg config.Config, opts Options) (*model.Directory, model.Problems) {
	k.mu.Lock()
	defer k.mu.Unlock()
	touched := k.refresh(site)
	ms, problems, methodologyDigest := loadMethodologies(site, k.tree.files.methodologies)
	problems = append(problems, k.tree.problems...)
	if k.begin(decodingEnv(cfg.Portfolios, methodologyDigest), ms) {
		touched = nil // every file is to be decoded again
	}
	c := &checker{portfolios: cfg.Portfolios, methodologies: k.methodologies, progress: opts.Progress}
	opts.Progress.found(len(k.tree.files.assessments))
	if touched != nil && k.assembly.byID != nil && k.assembly.drafts == opts.Drafts {
		k.loadChanged(c, site, touched)
		opts.Progress.read(len(k.tree.files.assessments))
	} else {
		k.loadAll(c, site, opts)
	}
	problems = append(problems, k.assembly.problems()...)
	problems.Sort()
	return &model.Directory{Clusters: k.assembly.clusters, Methodologies: k.methodologies}, problems
}

// refresh brings the walk of content/ up to date and returns the files at
// or below the paths changed (see tree.refresh), or nil after walking
// content/ again, when every file must be looked at.
func (k *Cache) refresh(site fs.FS) (touched map[string]bool) {
	changed := k.changed
	k.changed = nil
	if k.told && k.tree != nil {
		if touched, ok := k.tree.refresh(site, changed); ok {
			return touched
		}
	}
	k.tree = findFiles(site)
	return nil
}

// begin empties the cache unless the portfolios and methodology files are
// those of the last load (env, decodingEnv of this load), and reports
// whether it did; ms are the methodologies loaded now, which cached
// assessments point to from then on.
func (k *Cache) begin(env [sha256.Size]byte, ms map[string]*model.Methodology) bool {
	if k.files != nil && env == k.env {
		return false
	}
	k.env, k.methodologies, k.files, k.assembly = env, ms, map[string]*cachedFile{}, assembly{}
	return true
}

// loadAll looks at every assessment file, reads those whose stamp does
// not show them unchanged, and assembles the clusters again, keeping
// those whose files are the same.
func (k *Cache) loadAll(c *checker, site fs.FS, opts Options) {
	files := k.tree.files.assessments
	entries := make([]*entry, len(files))
	kept := make([]*cachedFile, len(files))
	// An empty cache, as at the start of serve, takes what it can from
	// the decoded files kept on disk by the last build, and leaves them
	// as this load found them for the next.
	var disk *diskCache
	if len(k.files) == 0 {
		disk = openDiskCache(opts.CacheDir, k.env)
	}
	uses := make([]cacheUse, len(files))
	parallel(len(files), func(i int) {
		entries[i], kept[i] = k.check(c, site, files[i], k.files[files[i]], disk, &uses[i])
		opts.Progress.read(1)
	})
	disk.save(entries, uses)
	cached := make(map[string]*cachedFile, len(files)) // without the files gone
	for i, f := range kept {
		if f != nil {
			k.count(f.e, k.files[files[i]].entry())
			cached[files[i]] = f
		}
	}
	k.files = cached
	k.assembly.rebuild(entries, opts.Drafts)
}

// loadChanged reads the files touched again and assembles again the
// clusters they belong to, or belonged to. It takes every other file as
// it was.
func (k *Cache) loadChanged(c *checker, site fs.FS, touched map[string]bool) {
	var files []string
	for p, listed := range touched {
		if listed {
			files = append(files, p)
		}
	}
	entries := make([]*entry, len(files))
	kept := make([]*cachedFile, len(files))
	parallel(len(files), func(i int) {
		entries[i], kept[i] = k.check(c, site, files[i], k.files[files[i]], nil, nil)
	})
	changes := make(map[string]change, len(touched))
	for p := range touched {
		changes[p] = change{was: k.files[p].entry()}
		delete(k.files, p)
	}
	for i, p := range files {
		changes[p] = change{was: changes[p].was, is: entries[i]}
		if kept[i] != nil {
			k.count(kept[i].e, changes[p].was)
			k.files[p] = kept[i]
		}
	}
	k.assembly.update(changes)
}

// check returns the entry of the assessment file at path and, when it
// could be read, the cachedFile to keep for it. old is what the cache
// holds for the file: it is returned as it is when its stamp shows the file
// unchanged, and its entry is kept when the bytes read are the same. A
// file that cannot be read is not cached: the next load tries again. A
// file decoded again is taken from disk when it has it (see
// diskCache.decode; disk may be nil).
func (k *Cache) check(c *checker, site fs.FS, path string, old *cachedFile, disk *diskCache, use *cacheUse) (*entry, *cachedFile) {
	var stamp fileStamp
	var stamped bool
	if fi, err := fs.Stat(site, path); err == nil {
		stamp, stamped = stampOf(fi)
	}
	if old != nil && old.trusted && stamped && stamp == old.stamp {
		return old.e, old
	}
	readAt := time.Now()
	r := &report{path: path}
	data, ok := readContent(site, r)
	if !ok {
		return &entry{rep: r}, nil
	}
	f := &cachedFile{stamp: stamp, sum: fileKey(path, data)}
	f.trusted = stamped && time.Unix(0, stamp.mtime).Before(readAt.Add(-stampMargin)) &&
		time.Unix(0, stamp.ctime).Before(readAt.Add(-stampMargin))
	if old != nil && old.sum == f.sum {
		f.e = old.e
	} else {
		f.e = disk.decode(c, path, data, f.sum, use)
		f.e.rep.source = rereader(site, path)
	}
	return f.e, f
}

// count counts e as decoded, for tests, unless it is the entry the file
// had.
func (k *Cache) count(e, was *entry) {
	if e != was {
		k.decoded++
	}
}

func (f *cachedFile) entry() *entry {
	if f == nil {
		return nil
	}
	return f.e
}

// clone returns a copy of e that assemble may change (it adds problems
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
