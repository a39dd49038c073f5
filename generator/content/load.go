package content

import (
	"cmp"
	"errors"
	"io"
	"io/fs"
	"path"
	"runtime"
	"slices"
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
}

// Progress counts the assessment files of a Load while it runs, for
// progress displays; another goroutine may read it at any time.
type Progress struct {
	// Files is the number of assessment files, once they are found.
	Files atomic.Int64
	// Read counts the files read and checked so far.
	Read atomic.Int64
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
	files, problems := findFiles(site)
	ms, mps := loadMethodologies(site, files.methodologies)
	problems = append(problems, mps...)
	load := (*checker).load
	if opts.Cache != nil {
		ms = opts.Cache.begin(site, cfg, files.methodologies, ms)
		load = func(c *checker, site fs.FS, path string) *entry { return opts.Cache.load(c, site, path) }
		defer opts.Cache.forget()
	}
	c := &checker{cfg: cfg, methodologies: ms}
	entries := make([]*entry, len(files.assessments))
	if opts.Progress != nil {
		opts.Progress.Files.Store(int64(len(entries)))
	}
	parallel(len(entries), func(i int) {
		entries[i] = load(c, site, files.assessments[i])
		if opts.Progress != nil {
			opts.Progress.Read.Add(1)
		}
	})
	dir := &model.Directory{Clusters: assemble(entries, opts), Methodologies: ms}
	for _, e := range entries {
		problems = append(problems, e.rep.problems...)
	}
	problems.Sort()
	return dir, problems
}

// load reads and checks one assessment file.
func (c *checker) load(site fs.FS, path string) *entry {
	r := &report{path: path}
	data, ok := readContent(site, r)
	if !ok {
		return &entry{rep: r}
	}
	e := c.decode(path, data)
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
	data, err := io.ReadAll(io.LimitReader(f, maxFileSize+1))
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

// contentFiles are the files Load reads, in the order of fs.WalkDir
// (comparePaths).
type contentFiles struct {
	assessments   []string
	methodologies []string
}

// findFiles lists the assessment and methodology files under content/,
// skipping what editors and tools leave behind and reporting symbolic links
// and files that cannot be read. A site without content/ has no files.
// Folders are read on GOMAXPROCS goroutines: at 10,000 clusters, reading
// them one by one is most of a reload's time.
func findFiles(site fs.FS) (contentFiles, model.Problems) {
	w := &walker{site: site}
	w.ready = sync.NewCond(&w.mu)
	switch fi, err := fs.Stat(site, contentDir); {
	case errors.Is(err, fs.ErrNotExist):
		return contentFiles{}, nil
	case err != nil:
		w.bad(contentDir, ioMessage(err))
	case fi.IsDir():
		w.queue, w.pending = []string{contentDir}, 1
		var wg sync.WaitGroup
		for range runtime.GOMAXPROCS(0) {
			wg.Go(w.work)
		}
		wg.Wait()
	}
	slices.SortFunc(w.files.assessments, comparePaths)
	slices.SortFunc(w.files.methodologies, comparePaths)
	return w.files, w.problems
}

// walker reads the folders under content/.
type walker struct {
	site  fs.FS
	mu    sync.Mutex
	ready *sync.Cond // signalled when queue grows or pending drops to 0
	// queue holds folders to read; pending counts them and those being
	// read.
	queue    []string
	pending  int
	files    contentFiles
	problems model.Problems
}

// work reads folders from the queue until none is left.
func (w *walker) work() {
	w.mu.Lock()
	defer w.mu.Unlock()
	for {
		for len(w.queue) == 0 && w.pending > 0 {
			w.ready.Wait()
		}
		if w.pending == 0 {
			return
		}
		dir := w.queue[len(w.queue)-1]
		w.queue = w.queue[:len(w.queue)-1]
		w.mu.Unlock()
		found, subdirs, ps := w.read(dir)
		w.mu.Lock()
		w.files.assessments = append(w.files.assessments, found.assessments...)
		w.files.methodologies = append(w.files.methodologies, found.methodologies...)
		w.problems = append(w.problems, ps...)
		w.queue = append(w.queue, subdirs...)
		w.pending += len(subdirs) - 1
		w.ready.Broadcast()
	}
}

func (w *walker) bad(p, msg string) {
	w.problems = append(w.problems, model.Problem{Path: p, Severity: model.Error, Message: msg})
}

// read lists one folder: its content files, its subfolders to walk and
// its problems.
func (w *walker) read(dir string) (found contentFiles, subdirs []string, ps model.Problems) {
	bad := func(p, msg string) {
		ps = append(ps, model.Problem{Path: p, Severity: model.Error, Message: msg})
	}
	entries, err := fs.ReadDir(w.site, dir)
	if err != nil {
		bad(dir, ioMessage(err))
	}
	for _, d := range entries {
		p := path.Join(dir, d.Name())
		switch {
		case skipName(d.Name()):
		case d.Type()&fs.ModeSymlink != 0:
			bad(p, "symbolic links are not allowed in content/")
		case d.IsDir():
			if dir != methodologyDir { // only content/methodologies/*.toml are read
				subdirs = append(subdirs, p)
			}
		case path.Ext(p) != ".toml":
		case !d.Type().IsRegular():
			bad(p, "not a regular file")
		case dir == methodologyDir:
			found.methodologies = append(found.methodologies, p)
		default:
			found.assessments = append(found.assessments, p)
		}
	}
	return found, subdirs, ps
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

// skipName reports whether a file or folder is hidden or an editor's
// backup or swap file.
func skipName(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") || strings.HasSuffix(name, ".swp")
}
