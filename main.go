// Command clustersite builds the public directory of cluster-excellence
// labels from one TOML file per assessment.
//
//	clustersite build   [flags]   write the site to public/
//	clustersite serve   [flags]   live preview at http://127.0.0.1:1313/
//	clustersite check   [flags]   validate content, write nothing
//	clustersite new "Cluster name" --country XX [flags]   scaffold an assessment
//	clustersite version
//	clustersite help
//
// main only parses flags and calls the generator packages.
//
// Exit codes: 0 success, 1 content problems, 2 usage or I/O errors.
package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	"clustersite/generator/build"
	"clustersite/generator/check"
	"clustersite/generator/model"
	"clustersite/generator/output"
	"clustersite/generator/scaffold"
	"clustersite/generator/serve"
)

// Exit codes.
const (
	exitOK       = 0
	exitContent  = 1
	exitUsage    = 2
	usageSummary = `clustersite builds the public directory of cluster-excellence labels.

Usage:
  clustersite <command> [flags]

Commands:
  build    build the site into public/ (or --dest), replacing it atomically
  serve    serve the site at http://127.0.0.1:1313/, rebuild and reload
           open pages on every change; shows content errors in the browser
  check    validate config and content and print every problem
  new      write a new assessment file with every indicator of the methodology
  version  print the version
  help     print this help

Flags of build, serve and check:
  --site DIR          site folder with config.toml and content/ (default ".")
  --today YYYY-MM-DD  date on which label statuses are judged
  --base-url URL      absolute URL the site is published at
  --drafts            include draft assessments
  --no-cache          decode every content file and render all Markdown,
                      without the cache that build, check and the start of
                      serve use
build:
  --dest DIR          output folder (default <site>/public)
  --quiet             print nothing but errors (no progress line on a terminal)
serve:
  --addr HOST:PORT    address to serve at (default 127.0.0.1:1313)
  --dest DIR          also write the site there on every rebuild (default: never)
check:
  --format FORMAT     text (default), json (one object per line) or github
                      (annotations for GitHub Actions)
  --expiring SPAN     list the clusters whose label ends within SPAN (90d,
                      12w, 2160h) instead of the problems, soonest first
new "Cluster name":
  --country XX        ISO 3166-1 alpha-2 country code (required for a new cluster)
  --date YYYY-MM-DD   date of the interview (default: today)
  --label LABEL       bronze (default), silver or gold
  --methodology ID    methodology of the indicators (default: the built-in one)
  --cluster ID        a new assessment of this existing cluster: copies its profile
  --site DIR          site folder (default ".")

On a terminal, a build that takes more than a second shows its progress on
stderr.

Exit codes: 0 success (warnings alone included), 1 content problems,
2 usage or I/O errors.
`
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run executes one command and returns the exit code.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usageSummary)
		return exitUsage
	}
	cmd, args := args[0], args[1:]
	switch cmd {
	case "build", "check", "serve":
		defer limitMemory()() // see memory.go
	}
	switch cmd {
	case "build":
		return runBuild(ctx, args, stdout, stderr)
	case "check":
		return runCheck(args, stdout, stderr)
	case "serve":
		return runServe(ctx, args, stdout, stderr)
	case "new":
		return runNew(args, stdout, stderr)
	case "version", "--version", "-version":
		fmt.Fprintln(stdout, "clustersite", version())
		return exitOK
	case "help", "--help", "-help", "-h":
		fmt.Fprint(stdout, usageSummary)
		return exitOK
	}
	fmt.Fprintf(stderr, "clustersite: unknown command %q\n\n%s", cmd, usageSummary)
	return exitUsage
}

// commonFlags are the flags shared by build, check and serve.
type commonFlags struct {
	site, dest, today, baseURL string
	drafts                     bool
	noCache                    bool
}

func (c *commonFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&c.site, "site", ".", "site `folder` with config.toml and content/")
	fs.StringVar(&c.today, "today", "", "judge label statuses on this `date` (YYYY-MM-DD)")
	fs.StringVar(&c.baseURL, "base-url", "", "absolute `URL` the site is published at")
	fs.BoolVar(&c.drafts, "drafts", false, "include draft assessments")
	fs.BoolVar(&c.noCache, "no-cache", false, "decode every content file and render all Markdown, without the cache")
}

// options turns the flags into build options.
func (c *commonFlags) options() (build.Options, error) {
	opts := build.Options{BaseURL: c.baseURL, Drafts: c.drafts}
	if !c.noCache {
		opts.CacheDir = siteCacheDir(c.site, c.dest)
	}
	if c.today != "" {
		d, err := model.ParseDate(c.today)
		if err != nil {
			return opts, fmt.Errorf("--today: %w", err)
		}
		opts.Today = d
	}
	return opts, nil
}

// siteCacheDir is the folder that keeps the decoded content files and
// the rendered Markdown of the site folder site from one build to the
// next: a folder of its own in the user's cache folder ($XDG_CACHE_HOME
// or ~/.cache on Linux), named after the site folder's absolute path. It
// is "" (no cache) when there is no cache folder, or when it lies inside
// the site folder or the output folder dest (a CI job may set
// XDG_CACHE_HOME to a folder of its checkout): the cache must stay out of
// the site, its output and git.
func siteCacheDir(site, dest string) string {
	base, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	base, err = filepath.Abs(base)
	if err != nil {
		return ""
	}
	abs, err := filepath.Abs(site)
	if err != nil {
		return ""
	}
	for _, outer := range []string{abs, dest} {
		if outer == "" {
			continue
		}
		if outer, err = filepath.Abs(outer); err != nil {
			return ""
		}
		if inside(outer, base) {
			return ""
		}
	}
	sum := sha256.Sum256([]byte(abs))
	return filepath.Join(base, "clustersite", "decoded", hex.EncodeToString(sum[:8]))
}

// inside reports whether the absolute path p is the folder dir or lies
// inside it.
func inside(dir, p string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && filepath.IsLocal(rel)
}

// destDir returns the output folder and refuses one that would replace the
// site folder itself or one of its parents.
func (c *commonFlags) destDir() (string, error) {
	dest := c.dest
	if dest == "" {
		dest = filepath.Join(c.site, "public")
	}
	absDest, err := filepath.Abs(dest)
	if err != nil {
		return "", err
	}
	absSite, err := filepath.Abs(c.site)
	if err != nil {
		return "", err
	}
	if inside(absDest, absSite) {
		return "", fmt.Errorf("--dest %s would replace the site folder", dest)
	}
	return absDest, nil
}

func newFlagSet(name string, stderr io.Writer, c *commonFlags) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	c.register(fs)
	return fs
}

func runBuild(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	var c commonFlags
	fs := newFlagSet("build", stderr, &c)
	fs.StringVar(&c.dest, "dest", "", "output `folder` (default <site>/public)")
	quiet := fs.Bool("quiet", false, "print nothing but errors")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	opts, err := c.options()
	if err != nil {
		fmt.Fprintln(stderr, "clustersite build:", err)
		return exitUsage
	}
	dest, err := c.destDir()
	if err != nil {
		fmt.Fprintln(stderr, "clustersite build:", err)
		return exitUsage
	}
	siteFS, closer, err := build.OpenSite(c.site)
	if err != nil {
		fmt.Fprintln(stderr, "clustersite build:", err)
		return exitUsage
	}
	defer closer.Close()
	out, err := output.Create(dest)
	if err != nil {
		fmt.Fprintln(stderr, "clustersite build:", err)
		return exitUsage
	}
	var progress *progressLine
	if !*quiet {
		opts.Progress = new(build.Progress)
		progress = showProgress(stderr, opts.Progress, progressDelay)
	}
	sum, err := build.Run(ctx, siteFS, themeFS, opts, out)
	progress.stop()
	if err != nil {
		out.Abort()
		return reportError(stderr, "build", c.site, err)
	}
	if err := out.Commit(); err != nil {
		return reportError(stderr, "build", c.site, err)
	}
	if *quiet {
		return exitOK
	}
	fmt.Fprintf(stdout, "built %d clusters, %d assessments, %d pages (%d files) into %s in %s\n",
		sum.Clusters, sum.Assessments, sum.Pages, sum.Files, displayPath(dest), sum.Duration.Round(time.Millisecond))
	if n := len(sum.Warnings); n > 0 {
		fmt.Fprintf(stderr, "%d warnings: run clustersite check to see them\n", n)
	}
	return exitOK
}

func runCheck(args []string, stdout, stderr io.Writer) int {
	var c commonFlags
	var format, expiring string
	fs := newFlagSet("check", stderr, &c)
	fs.StringVar(&format, "format", "text", "print problems as `text`, json or github")
	fs.StringVar(&expiring, "expiring", "", "list the clusters whose label ends within this `span` (90d, 12w, 2160h)")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	opts, err := c.options()
	if err != nil {
		fmt.Fprintln(stderr, "clustersite check:", err)
		return exitUsage
	}
	f, err := check.ParseFormat(format)
	if err != nil {
		fmt.Fprintln(stderr, "clustersite check: --format:", err)
		return exitUsage
	}
	days := -1
	if expiring != "" {
		if days, err = check.ParseWithin(expiring); err != nil {
			fmt.Fprintln(stderr, "clustersite check: --expiring:", err)
			return exitUsage
		}
	}
	siteFS, closer, err := build.OpenSite(c.site)
	if err != nil {
		fmt.Fprintln(stderr, "clustersite check:", err)
		return exitUsage
	}
	defer closer.Close()
	l, problems, err := build.LoadModel(siteFS, opts)
	if err != nil {
		return reportError(stderr, "check", c.site, err)
	}
	if l == nil {
		check.Write(stdout, problems, f, c.site)
		fmt.Fprintf(stderr, "%d errors, %d warnings\n", len(problems.Errors()), len(problems.Warnings()))
		return exitContent
	}
	if days >= 0 {
		if err := check.WriteDue(stdout, check.Expiring(l.Site, days), f); err != nil {
			fmt.Fprintln(stderr, "clustersite check:", err)
			return exitUsage
		}
		return exitOK
	}
	problems = append(problems, check.Warnings(siteFS, l.Directory, l.Site)...)
	problems.Sort()
	check.Write(stdout, problems, f, c.site)
	fmt.Fprintf(stderr, "ok: %d clusters, %d assessments, %d warnings\n", len(l.Site.Clusters), l.Site.Assessments, len(problems))
	return exitOK
}

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	var c commonFlags
	var addr string
	fs := newFlagSet("serve", stderr, &c)
	fs.StringVar(&addr, "addr", "127.0.0.1:1313", "`address` to serve at; keep 127.0.0.1 unless others must see the preview")
	fs.StringVar(&c.dest, "dest", "", "also write the site to this `folder` on every rebuild (default: never)")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	opts, err := c.options()
	if err != nil {
		fmt.Fprintln(stderr, "clustersite serve:", err)
		return exitUsage
	}
	if fi, err := os.Stat(c.site); err != nil || !fi.IsDir() {
		fmt.Fprintf(stderr, "clustersite serve: --site %s is not a folder\n", c.site)
		return exitUsage
	}
	if c.dest != "" {
		if c.dest, err = c.destDir(); err != nil {
			fmt.Fprintln(stderr, "clustersite serve:", err)
			return exitUsage
		}
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		fmt.Fprintf(stderr, "clustersite serve: %v (is another serve running? choose another --addr)\n", err)
		return exitUsage
	}
	srv := serve.New(serve.Options{Site: c.site, Theme: themeFS, Build: opts, Dest: c.dest, Log: stdout})
	if err := srv.Serve(ctx, ln); err != nil {
		fmt.Fprintln(stderr, "clustersite serve:", err)
		return exitUsage
	}
	fmt.Fprintln(stdout, "stopped")
	return exitOK
}

func runNew(args []string, stdout, stderr io.Writer) int {
	var site, date, label string
	var req scaffold.Request
	fs := flag.NewFlagSet("new", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&site, "site", ".", "site `folder` with config.toml and content/")
	fs.StringVar(&req.Country, "country", "", "ISO 3166-1 alpha-2 country `code`")
	fs.StringVar(&date, "date", "", "`date` of the interview, YYYY-MM-DD (default: today)")
	fs.StringVar(&label, "label", "bronze", "`label` awarded: bronze, silver or gold")
	fs.StringVar(&req.Methodology, "methodology", "", "methodology `id` (default: the built-in one)")
	fs.StringVar(&req.Cluster, "cluster", "", "`id` of an existing cluster: copies its profile")
	names, err := parseInterspersed(fs, args)
	if err != nil {
		return exitUsage
	}
	switch {
	case len(names) > 1:
		fmt.Fprintf(stderr, "clustersite new: one name expected, got %d words: put the name in quotes, \"%s\"\n", len(names), strings.Join(names, " "))
		return exitUsage
	case len(names) == 1:
		req.Name = names[0]
	}
	req.Label = model.Label(label)
	req.Date = model.DateOf(time.Now())
	if date != "" {
		if req.Date, err = model.ParseDate(date); err != nil {
			fmt.Fprintln(stderr, "clustersite new: --date:", err)
			return exitUsage
		}
	}
	f, err := scaffold.Create(site, req)
	if err != nil {
		return reportNewError(stderr, site, err)
	}
	fmt.Fprintf(stdout, "wrote %s\nnext: fill it in, preview it with clustersite serve, check it with clustersite check\n",
		displayPath(filepath.Join(site, filepath.FromSlash(f.Path))))
	return exitOK
}

// parseInterspersed parses flags that may come after positional arguments
// (new "Name" --country DE) and returns the positional ones.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return positional, nil
		}
		positional = append(positional, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// reportNewError maps the ways new refuses to exit codes: a file that
// exists or content problems 1, a wrong flag or I/O 2.
func reportNewError(stderr io.Writer, site string, err error) int {
	var re *scaffold.RequestError
	switch {
	case errors.As(err, &re):
		fmt.Fprintln(stderr, "clustersite new:", re)
		return exitUsage
	case errors.Is(err, fs.ErrExist):
		fmt.Fprintln(stderr, "clustersite new:", err)
		return exitContent
	}
	return reportError(stderr, "new", site, err)
}

// reportError prints err and maps it to an exit code: content problems
// exit 1, everything else 2.
func reportError(stderr io.Writer, cmd, site string, err error) int {
	var ps model.Problems
	if errors.As(err, &ps) {
		check.Write(stderr, ps, check.Text, site)
		fmt.Fprintf(stderr, "clustersite %s: %d content errors; nothing was written\n", cmd, len(ps.Errors()))
		return exitContent
	}
	fmt.Fprintf(stderr, "clustersite %s: %v\n", cmd, err)
	return exitUsage
}

// displayPath shortens an absolute path below the working folder.
func displayPath(p string) string {
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, p); err == nil && filepath.IsLocal(rel) {
			return rel
		}
	}
	return p
}

// version is the module version, or the VCS revision of a checkout build.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			return "devel " + s.Value[:12]
		}
	}
	return "devel"
}
