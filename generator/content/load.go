package content

import (
	"errors"
	"io"
	"io/fs"
	"path"
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
	c := &checker{cfg: cfg, methodologies: ms}
	entries := make([]*entry, len(files.assessments))
	parallel(len(entries), func(i int) {
		entries[i] = c.load(site, files.assessments[i])
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

// contentFiles are the files Load reads, in lexical path order.
type contentFiles struct {
	assessments   []string
	methodologies []string
}

// findFiles lists the assessment and methodology files under content/,
// skipping what editors and tools leave behind and reporting symbolic links
// and files that cannot be read. A site without content/ has no files.
func findFiles(site fs.FS) (contentFiles, model.Problems) {
	var files contentFiles
	var ps model.Problems
	bad := func(p, msg string) {
		ps = append(ps, model.Problem{Path: p, Severity: model.Error, Message: msg})
	}
	err := fs.WalkDir(site, contentDir, func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			if p == contentDir && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipAll
			}
			bad(p, ioMessage(err))
			return nil
		case p != contentDir && skipName(d.Name()):
			return skip(d)
		case d.Type()&fs.ModeSymlink != 0:
			bad(p, "symbolic links are not allowed in content/")
			return nil
		case d.IsDir():
			if path.Dir(p) == methodologyDir {
				return fs.SkipDir // only content/methodologies/*.toml are read
			}
			return nil
		case path.Ext(p) != ".toml":
			return nil
		case !d.Type().IsRegular():
			bad(p, "not a regular file")
		case path.Dir(p) == methodologyDir:
			files.methodologies = append(files.methodologies, p)
		default:
			files.assessments = append(files.assessments, p)
		}
		return nil
	})
	if err != nil {
		bad(contentDir, ioMessage(err))
	}
	return files, ps
}

// skipName reports whether a file or folder is hidden or an editor's
// backup or swap file.
func skipName(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") || strings.HasSuffix(name, ".swp")
}

func skip(d fs.DirEntry) error {
	if d.IsDir() {
		return fs.SkipDir
	}
	return nil
}
