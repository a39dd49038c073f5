// Package scaffold writes the skeleton of a new assessment file for
// `clustersite new`, so an editor starts from a file that already builds
// instead of looking up 36 indicator ids.
//
// The file goes to content/clusters/<id>/<date>.toml (for an existing
// cluster, beside its newest assessment) and holds:
//
//   - the [cluster] table: id, name and country for a new cluster, with the
//     optional profile keys as commented-out lines; for a new assessment of
//     an existing cluster (Request.Cluster) a copy of its profile, that is
//     the [cluster] table of its newest assessment, with the name and
//     country replaced when the request gives them;
//   - the [assessment] table: date, label and, when asked for, the
//     methodology; every optional key as a commented-out line;
//   - the [indicators] table: every indicator of the methodology, area by
//     area, as a commented-out line "# id =" under a comment that gives its
//     title, kind, unit and allowed choices. An indicator left commented
//     out is "not reported", so the file passes check with only the
//     warning that indicators are missing.
//
// Every value is written as TOML that decodes back to the same value
// (tested on hostile strings). Before anything is written the file is
// loaded alone with the site's config and methodologies (Check); a file
// with errors is refused. Write never replaces a file: it links a complete
// temporary file into place, so there is never a half-written assessment.
package scaffold

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing/fstest"

	"clustersite/generator/config"
	"clustersite/generator/content"
	"clustersite/generator/methodology"
	"clustersite/generator/model"
	"clustersite/generator/slug"
)

// Request is what the editor asked for.
type Request struct {
	// Name of the cluster; required unless Cluster is set, in which case
	// it renames the cluster.
	Name string
	// Country is the ISO 3166-1 alpha-2 code; required unless Cluster is
	// set.
	Country string
	// Date of the interview; required.
	Date model.Date
	// Label awarded; "" means bronze.
	Label model.Label
	// Methodology is the id of the methodology; "" means the default
	// (and is not written into the file).
	Methodology string
	// Cluster is the id of an existing cluster whose profile is copied.
	Cluster string
}

// File is a scaffolded assessment file.
type File struct {
	// Path relative to the site folder, slash-separated.
	Path string
	Data []byte
}

// RequestError is a request that cannot be served: a flag of `new` has a
// value that is wrong for this site.
type RequestError struct {
	// Flag is the command-line name: "--country", "--cluster", "name".
	Flag    string
	Message string
}

func (e *RequestError) Error() string { return e.Flag + ": " + e.Message }

func requestErrorf(flag, format string, args ...any) error {
	return &RequestError{Flag: flag, Message: fmt.Sprintf(format, args...)}
}

// Create scaffolds the assessment asked for in the site folder siteDir:
// it loads the site's config and content, plans the file, checks it and
// writes it. It returns the file written, or a *RequestError, the config's
// model.Problems, the new file's model.Problems (errors only) or an error
// that wraps fs.ErrExist when the file is there already.
func Create(siteDir string, req Request) (File, error) {
	fsys := os.DirFS(siteDir)
	cfg, err := config.Load(fsys)
	if err != nil {
		return File{}, err
	}
	dir, _ := content.Load(fsys, cfg, content.Options{Drafts: true}) // problems elsewhere are not ours
	f, err := Plan(dir, cfg, req)
	if err != nil {
		return File{}, err
	}
	if errs := Check(fsys, cfg, f).Errors(); len(errs) > 0 {
		return File{}, asRequestError(errs, req)
	}
	return f, Write(siteDir, f)
}

// asRequestError names the flag behind a problem when the value came from
// one, so the editor reads "--country: …" rather than a line of a file
// that does not exist yet.
func asRequestError(errs model.Problems, req Request) error {
	flags := map[string]string{"cluster.country": "--country", "cluster.name": "name", "assessment.label": "--label"}
	if req.Cluster != "" && req.Country == "" {
		delete(flags, "cluster.country") // copied, not asked for
	}
	for _, p := range errs {
		if flag, ok := flags[p.Field]; ok {
			return &RequestError{Flag: flag, Message: p.Message}
		}
	}
	return errs
}

// Plan works out the path and content of the file for req; it reads
// nothing but dir and cfg.
func Plan(dir *model.Directory, cfg config.Config, req Request) (File, error) {
	if req.Date.IsZero() || !req.Date.Valid() {
		return File{}, requestErrorf("--date", "a date of the form YYYY-MM-DD is required")
	}
	head := Head{Date: req.Date, Label: cmp.Or(req.Label, model.Bronze), Methodology: req.Methodology}
	if !head.Label.Valid() {
		return File{}, requestErrorf("--label", "must be bronze, silver or gold, got %q", req.Label)
	}
	m := dir.Methodologies[cmp.Or(req.Methodology, methodology.DefaultID)]
	if m == nil {
		known := slices.Sorted(maps.Keys(dir.Methodologies))
		return File{}, requestErrorf("--methodology", "unknown methodology %q; known: %s", req.Methodology, strings.Join(known, ", "))
	}
	profile, folder, err := plannedProfile(dir, req)
	if err != nil {
		return File{}, err
	}
	f := File{Path: path.Join(folder, req.Date.String()+".toml")}
	f.Data = Render(profile, head, m, cfg.Portfolios)
	return f, nil
}

// plannedProfile returns the [cluster] table to write and the folder of
// the new file.
func plannedProfile(dir *model.Directory, req Request) (*model.Cluster, string, error) {
	if req.Cluster == "" {
		return newProfile(dir, req)
	}
	var existing *model.Cluster
	for _, c := range dir.Clusters {
		if c.ID == req.Cluster {
			existing = c
		}
	}
	if existing == nil {
		return nil, "", requestErrorf("--cluster", "no cluster with id %q in content/; the id is cluster.id, or the slug of the name, as in clusters/<id>/ of the site", req.Cluster)
	}
	for _, a := range existing.Assessments {
		if a.Date == req.Date {
			return nil, "", requestErrorf("--date", "cluster %s already has an assessment on %s: %s", existing.ID, req.Date, a.Path)
		}
	}
	p := *existing
	p.Assessments = nil
	if req.Name != "" {
		p.Name = req.Name
	}
	if req.Country != "" {
		p.Country = req.Country
	}
	return &p, path.Dir(existing.Latest().Path), nil
}

func newProfile(dir *model.Directory, req Request) (*model.Cluster, string, error) {
	name := strings.TrimSpace(req.Name)
	if name == "" {
		return nil, "", requestErrorf("name", `the cluster's name is required: clustersite new "Cluster name" --country XX`)
	}
	if req.Country == "" {
		return nil, "", requestErrorf("--country", "the ISO 3166-1 alpha-2 country code is required, such as --country DE")
	}
	id := slug.Make(name)
	if id == "" {
		return nil, "", requestErrorf("name", "%q has no Latin letters or digits to make an id from", name)
	}
	for _, c := range dir.Clusters {
		if c.ID == id {
			return nil, "", requestErrorf("--cluster", "a cluster with id %s exists already (%s); to add an assessment of it, run: clustersite new --cluster %s", id, c.Latest().Path, id)
		}
	}
	return &model.Cluster{ID: id, Name: name, Country: req.Country}, "content/clusters/" + id, nil
}

// Check loads f alone, with the site's config and methodology files, and
// returns its problems (a new file is expected to have one warning:
// indicators not reported).
func Check(siteDir fs.FS, cfg config.Config, f File) model.Problems {
	fsys := fstest.MapFS{f.Path: {Data: f.Data}}
	methodologies, _ := fs.Glob(siteDir, "content/methodologies/*.toml")
	for _, p := range methodologies {
		if data, err := fs.ReadFile(siteDir, p); err == nil {
			fsys[p] = &fstest.MapFile{Data: data}
		}
	}
	_, ps := content.Load(fsys, cfg, content.Options{Drafts: true})
	return ps
}

// Write stores f under the site folder, creating its folder. It never
// replaces a file: it writes a temporary file and links it to the final
// name, which fails with an error wrapping fs.ErrExist when the name is
// taken.
func Write(siteDir string, f File) error {
	target := filepath.Join(siteDir, filepath.FromSlash(f.Path))
	if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(target), ".new-*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	_, werr := tmp.Write(f.Data)
	if err := errors.Join(werr, tmp.Chmod(0o644), tmp.Close()); err != nil {
		return err
	}
	err = os.Link(tmp.Name(), target)
	if err != nil && !errors.Is(err, fs.ErrExist) {
		err = writeNew(target, f.Data) // a file system without hard links
	}
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s exists already; clustersite new never replaces a file: %w", f.Path, fs.ErrExist)
	}
	return err
}

// writeNew creates target, which must not exist, and writes data; on
// failure it removes what it wrote.
func writeNew(target string, data []byte) error {
	out, err := os.OpenFile(target, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, werr := out.Write(data)
	if err := errors.Join(werr, out.Close()); err != nil {
		os.Remove(target)
		return err
	}
	return nil
}
