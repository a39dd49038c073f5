package content

import (
	"cmp"
	"crypto/sha256"
	"errors"
	"io"
	"io/fs"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"clustersite/generator/config"
	"clustersite/generator/model"
)

// Folders of the site that Load reads.
const (
	contentDir      = "content"
	methodologyDir  = "content/methodologies"
	maxFileSize     = 1 << 20
	fileTooLargeMsg = "file is larger than 1 MiB"
)

// Options for Load.
type Options struct {
	// Drafts includes draft assessments (serve/--drafts); otherwise drafts
	// are dropped after validation.
	Drafts bool
	// Cache, when set, keeps decoded files for the next Load of the same
	// site folder; see Cache.
	Cache *Cache
	// Progress, when set, counts the assessment files as they are read.
	Progress *Progress
	// CacheDir, when set, is a folder outside the site where Load keeps
	// what it decoded for the next Load of the same site, which then
	// decodes only the files whose bytes changed; see diskCache. Use one
	// folder per site folder. With Cache, which keeps decoded files in
	// memory, it is used only while Cache holds none.
	CacheDir string
}

// Progress counts the assessment files of a Load while it runs, for
// progress displays; another goroutine may read it at any time.
type Progress struct {
	// Files is the number of assessment files, once they are found.
	Files atomic.Int64
	// Read counts the files read and checked so far.
	Read atomic.Int64
	// Decoded counts the files decoded from TOML, rather than taken from
	// the decoded files kept on disk (Options.CacheDir) or in memory
	// (Options.Cache).
	Decoded atomic.Int64
}

// Load walks content/ in the site folder, decodes every *.toml assessment
// file (anything under content/ except content/methodologies/), loads
// content/methodologies/*.toml (with methodology.Parse; the built-in
// methodology.Default() is always present under methodology.DefaultID, a
// site file with the same id overrides it), validates everything and
// returns the directory plus every problem found (errors and warnings),
// sorted with Problems.Sort(). Callers treat len(problems.Errors())>0 as
// failure.
func Load(site fs.FS, cfg config.Config, opts Options) (*model.Directory, model.Problems) {
	if opts.Cache != nil {
		return opts.Cache.loadSite(site, cfg, opts)
	}
	t := findFiles(site)
	ms, problems, methodologyDigest := loadMethodologies(site, t.files.methodologies)
	problems = append(problems, t.problems...)
	c := &checker{portfolios: cfg.Portfolios, methodologies: ms, progress: opts.Progress}
	files := t.files.assessments
	entries := make([]*entry, len(files))
	disk := openDiskCache(opts.CacheDir, decodingEnv(cfg.Portfolios, methodologyDigest))
	uses := make([]cacheUse, len(files))
	opts.Progress.found(len(files))
	parallel(len(entries), func(i int) {
		entries[i] = c.load(site, files[i], disk, &uses[i])
		opts.Progress.read(1)
	})
	disk.save(entries, uses)
	clusters, ps := assemble(entries, opts.Drafts)
	problems = append(problems, ps...)
	problems.Sort()
	return &model.Directory{Clusters: clusters, Methodologies: ms}, problems
}

// found and read count for p, which may be nil.
func (p *Progress) found(files int) {
	if p != nil {
		p.Files.Store(int64(files))
	}
}

func (p *Progress) decoded() {
	if p != nil {
		p.Decoded.Add(1)
	}
}

func (p *Progress) read(files int) {
	if p != nil {
		p.Read.Add(int64(files))
	}
}

// load reads and checks one assessment file, taking what it decodes to
// from disk when that has it (disk may be nil), and noting in use what it
// did.
func (c *checker) load(site fs.FS, path string, disk *diskCache, use *cacheUse) *entry {
	r := &report{path: path}
	data, ok := readContent(site, r)
	if !ok {
		return &entry{rep: r}
	}
	var key [sha256.Size]byte
	if disk != nil { // hashing is for the cache only
		key = fileKey(path, data)
	}
	e := disk.decode(c, path, data, key, use)
	e.rep.source = rereader(site, path)
	return e
}

// rereader returns a function that reads a content file again, for the key
// positions of problems found after decoding (duplicate clusters or
// dates); no file keeps its text in memory until then.
func rereader(site fs.FS, path string) func() string {
	return func() string {
		data, err := fs.ReadFile(site, path)
		if err != nil {
			return ""
		}
		return strings.TrimPrefix(string(data), bom)
	}
}

// readContent reads a content file of at most maxFileSize bytes; it reports
// to r and returns false when it cannot.
func readContent(site fs.FS, r *report) ([]byte, bool) {
	f, err := site.Open(r.path)
	if err != nil {
		r.fileErrorf("%s", ioMessage(err))
		return nil, false
	}
	defer f.Close()
	// Read into a buffer of the file's size, when known, rather than one
	// that grows five times for a 9 KB file.
	size := 512
	if info, err := f.Stat(); err == nil && info.Size() > 0 {
		size = int(min(info.Size(), maxFileSize)) + 1 // +1: the read that finds the end
	}
	data, err := readAll(io.LimitReader(f, maxFileSize+1), make([]byte, 0, size))
	switch {
	case err != nil:
		r.fileErrorf("%s", ioMessage(err))
		return nil, false
	case len(data) > maxFileSize:
		r.fileErrorf(fileTooLargeMsg)
		return nil, false
	}
	return data, true
}

// readAll is io.ReadAll into buf.
func readAll(r io.Reader, buf []byte) ([]byte, error) {
	for {
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)] // grow
		}
	}
}

// ioMessage is an I/O error without the path, which the problem names.
func ioMessage(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Op + ": " + pe.Err.Error()
	}
	return err.Error()
}

// parallel calls work(0..n-1) on a pool of GOMAXPROCS goroutines.
func parallel(n int, work func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				work(i)
			}
		})
	}
	wg.Wait()
}

// comparePaths orders slash-separated paths as fs.WalkDir visits them:
// segment by segment, so that "a/b/c" comes before "a/b.toml". That is
// byte order with '/' below every other byte.
func comparePaths(a, b string) int {
	n := min(len(a), len(b))
	i := 0
	for i < n && a[i] == b[i] {
		i++
	}
	switch {
	case i < n:
		return cmp.Compare(pathByte(a[i]), pathByte(b[i]))
	case len(a) == len(b):
		return 0
	case len(a) < len(b):
		return -1
	}
	return 1
}

// pathByte ranks '/' (the end of a segment) before every other byte.
func pathByte(c byte) int {
	if c == '/' {
		return -1
	}
	return int(c)
}

// SkipName reports the names of files and folders that Load never reads,
// at any depth: hidden ones (.git, .x.swp, .#lock, .DS_Store), backups
// (x~), vim's swap files and write test (x.swp, x.swx, 4913) and
// temporary files (x.tmp). A file watcher that skips the same names
// misses nothing Load reads.
func SkipName(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") || name == "4913" ||
		strings.HasSuffix(name, ".swp") || strings.HasSuffix(name, ".swx") || strings.HasSuffix(name, ".tmp")
}
