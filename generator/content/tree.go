package content

import (
	"errors"
	"io/fs"
	"path"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"clustersite/generator/model"
)

// tree is what a walk of content/ found: the files Load reads, the folders
// the walk entered and the problems it met (links, unreadable folders).
// A Cache keeps it from one load to the next and, when told which paths
// changed, brings it up to date by looking at those paths only (refresh):
// at 10,000 clusters, walking the folders again is most of a reload.
type tree struct {
	files contentFiles
	// dirs are the folders the walk read, content/ included.
	dirs     map[string]bool
	problems model.Problems
}

// contentFiles are the files Load reads, in the order of fs.WalkDir
// (comparePaths).
type contentFiles struct {
	assessments   []string
	methodologies []string
}

// findFiles walks content/: it lists the assessment and methodology files,
// skipping what editors and tools leave behind and reporting symbolic
// links and files that cannot be read. A site without content/ has no
// files.
func findFiles(site fs.FS) *tree {
	switch fi, err := fs.Stat(site, contentDir); {
	case errors.Is(err, fs.ErrNotExist):
		return &tree{dirs: map[string]bool{}}
	case err != nil:
		return &tree{dirs: map[string]bool{}, problems: model.Problems{badPath(contentDir, ioMessage(err))}}
	case !fi.IsDir():
		return &tree{dirs: map[string]bool{}}
	}
	return walk(site, contentDir)
}

// walk reads the folder dir and every folder below it that Load reads.
// Folders are read on GOMAXPROCS goroutines: at 10,000 clusters, reading
// them one by one is most of a load's time.
func walk(site fs.FS, dir string) *tree {
	w := &walker{site: site, queue: []string{dir}, pending: 1, found: &tree{dirs: map[string]bool{}}}
	w.ready = sync.NewCond(&w.mu)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(w.work)
	}
	wg.Wait()
	slices.SortFunc(w.found.files.assessments, comparePaths)
	slices.SortFunc(w.found.files.methodologies, comparePaths)
	return w.found
}

// walker reads the folders of a walk.
type walker struct {
	site  fs.FS
	mu    sync.Mutex
	ready *sync.Cond // signalled when queue grows or pending drops to 0
	// queue holds folders to read; pending counts them and those being
	// read.
	queue   []string
	pending int
	found   *tree
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
		var l listing
		l.read(w.site, dir)
		w.mu.Lock()
		w.found.dirs[dir] = true
		w.found.add(&l)
		w.queue = append(w.queue, l.subdirs...)
		w.pending += len(l.subdirs) - 1
		w.ready.Broadcast()
	}
}

// listing is what reading folders found, before its files are sorted.
type listing struct {
	files    contentFiles
	subdirs  []string
	problems model.Problems
}

// read lists one folder.
func (l *listing) read(site fs.FS, dir string) {
	entries, err := fs.ReadDir(site, dir)
	if err != nil {
		l.problems = append(l.problems, badPath(dir, ioMessage(err)))
	}
	for _, d := range entries {
		l.sort(dir, d)
	}
}

// sort files one entry of the folder dir: a file to read, a folder to
// walk, a problem, or nothing.
func (l *listing) sort(dir string, d fs.DirEntry) {
	p := path.Join(dir, d.Name())
	switch {
	case SkipName(d.Name()):
	case d.Type()&fs.ModeSymlink != 0:
		l.problems = append(l.problems, badPath(p, "symbolic links are not allowed in content/"))
	case d.IsDir():
		if dir != methodologyDir { // only content/methodologies/*.toml are read
			l.subdirs = append(l.subdirs, p)
		}
	case path.Ext(p) != ".toml":
	case !d.Type().IsRegular():
		l.problems = append(l.problems, badPath(p, "not a regular file"))
	case dir == methodologyDir:
		l.files.methodologies = append(l.files.methodologies, p)
	default:
		l.files.assessments = append(l.files.assessments, p)
	}
}

func (t *tree) add(l *listing) {
	t.files.assessments = append(t.files.assessments, l.files.assessments...)
	t.files.methodologies = append(t.files.methodologies, l.files.methodologies...)
	t.problems = append(t.problems, l.problems...)
}

func badPath(p, msg string) model.Problem {
	return model.Problem{Path: p, Severity: model.Error, Message: msg}
}

// refresh brings t up to date after changes to the given site-relative,
// slash-separated paths (files, or folders for everything below them), as
// if content/ were walked again. It returns the assessment files at or
// below a changed path: true for those listed now, which must be read
// again, false for those gone. ok is false when only a new walk can tell:
// the site or content folder itself changed, a path cannot be looked at,
// or the file system cannot tell links from what they lead to.
func (t *tree) refresh(site fs.FS, changed []string) (touched map[string]bool, ok bool) {
	if _, ok := site.(fs.ReadLinkFS); !ok {
		return nil, false
	}
	var paths []string
	for _, p := range changed {
		switch {
		case p == "." || p == "" || p == contentDir:
			return nil, false
		case strings.HasPrefix(p, contentDir+"/"):
			paths = append(paths, p)
		}
	}
	// Parents first: a folder created with files in it is walked once,
	// and then its files are found in place.
	slices.SortFunc(paths, comparePaths)
	touched = map[string]bool{}
	for _, p := range slices.Compact(paths) {
		if !t.replace(site, p, touched) {
			return nil, false
		}
	}
	return touched, true
}

// replace forgets what t knew at and below p and looks at p again, the way
// the walk would: only when the walk enters p's folder, classifying p as
// that folder's listing would, walking p if it is a folder. It records the
// assessment files it removes (false) and finds (true) in touched.
func (t *tree) replace(site fs.FS, p string, touched map[string]bool) bool {
	at, gone := t.cut(p)
	for _, f := range gone {
		touched[f] = false
	}
	parent := path.Dir(p)
	if !t.dirs[parent] {
		return true
	}
	info, err := fs.Lstat(site, p)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return true
	case err != nil:
		return false
	}
	var l listing
	l.sort(parent, fs.FileInfoToDirEntry(info))
	found := &tree{files: l.files, problems: l.problems}
	if len(l.subdirs) > 0 {
		found = walk(site, p)
	}
	t.files.assessments = slices.Insert(t.files.assessments, at.assessments, found.files.assessments...)
	t.files.methodologies = slices.Insert(t.files.methodologies, at.methodologies, found.files.methodologies...)
	t.problems = append(t.problems, found.problems...)
	for d := range found.dirs {
		t.dirs[d] = true
	}
	for _, f := range found.files.assessments {
		touched[f] = true
	}
	return true
}

// runAt is where the paths at and below a path are, or would be, in the
// sorted lists of files.
type runAt struct{ assessments, methodologies int }

// cut removes p and everything below it from t and returns where it was
// and the assessment files removed. In comparePaths order, p and the paths
// below it are one run.
func (t *tree) cut(p string) (at runAt, assessments []string) {
	t.files.assessments, at.assessments, assessments = cutRun(t.files.assessments, p)
	t.files.methodologies, at.methodologies, _ = cutRun(t.files.methodologies, p)
	t.problems = slices.DeleteFunc(t.problems, func(pr model.Problem) bool { return within(pr.Path, p) })
	if t.dirs[p] {
		for d := range t.dirs {
			if within(d, p) {
				delete(t.dirs, d)
			}
		}
	}
	return at, assessments
}

// cutRun removes p and the paths below it from the sorted list and returns
// the index they started at and the paths removed.
func cutRun(list []string, p string) ([]string, int, []string) {
	lo := sort.Search(len(list), func(i int) bool { return comparePaths(list[i], p) >= 0 })
	hi := lo
	for hi < len(list) && within(list[hi], p) {
		hi++
	}
	removed := slices.Clone(list[lo:hi])
	return slices.Delete(list, lo, hi), lo, removed
}

// within reports whether the slash-separated path q is p or below it.
func within(q, p string) bool {
	return q == p || strings.HasPrefix(q, p) && q[len(p)] == '/'
}
