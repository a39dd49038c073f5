// Command clustersite builds the public directory of cluster-excellence
// labels from one TOML file per assessment.
//
//	clustersite build   [flags]   write the site to public/
//	clustersite check   [flags]   validate content, write nothing
//	clustersite version
//	clustersite help
//
// Exit codes: 0 success, 1 content problems, 2 usage or I/O errors.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"syscall"
	"time"

	"clustersite/generator/build"
	"clustersite/generator/model"
	"clustersite/generator/output"
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
  check    validate config and content and print every problem
  version  print the version
  help     print this help

Flags of build and check:
  --site DIR          site folder with config.toml and content/ (default ".")
  --dest DIR          output folder (default <site>/public)
  --today YYYY-MM-DD  date on which label statuses are judged
  --base-url URL      absolute URL the site is published at
  --drafts            include draft assessments

Exit codes: 0 success, 1 content problems, 2 usage or I/O errors.
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
	case "build":
		return runBuild(ctx, args, stdout, stderr)
	case "check":
		return runCheck(args, stdout, stderr)
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
}

func (c *commonFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&c.site, "site", ".", "site `folder` with config.toml and content/")
	fs.StringVar(&c.dest, "dest", "", "output `folder` (default <site>/public)")
	fs.StringVar(&c.today, "today", "", "judge label statuses on this `date` (YYYY-MM-DD)")
	fs.StringVar(&c.baseURL, "base-url", "", "absolute `URL` the site is published at")
	fs.BoolVar(&c.drafts, "drafts", false, "include draft assessments")
}

// options turns the flags into build options.
func (c *commonFlags) options() (build.Options, error) {
	opts := build.Options{BaseURL: c.baseURL, Drafts: c.drafts}
	if c.today != "" {
		d, err := model.ParseDate(c.today)
		if err != nil {
			return opts, fmt.Errorf("--today: %w", err)
		}
		opts.Today = d
	}
	return opts, nil
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
	if rel, err := filepath.Rel(absDest, absSite); err == nil && filepath.IsLocal(rel) || absDest == absSite {
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
	out, err := output.Create(dest)
	if err != nil {
		fmt.Fprintln(stderr, "clustersite build:", err)
		return exitUsage
	}
	sum, err := build.Run(ctx, os.DirFS(c.site), themeFS, opts, out)
	if err != nil {
		out.Abort()
		return reportError(stderr, "build", err)
	}
	if err := out.Commit(); err != nil {
		return reportError(stderr, "build", err)
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
	fs := newFlagSet("check", stderr, &c)
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	opts, err := c.options()
	if err != nil {
		fmt.Fprintln(stderr, "clustersite check:", err)
		return exitUsage
	}
	s, problems, err := build.Load(os.DirFS(c.site), opts)
	if err != nil {
		return reportError(stderr, "check", err)
	}
	printProblems(stdout, problems)
	if len(problems.Errors()) > 0 {
		fmt.Fprintf(stdout, "%d errors, %d warnings\n", len(problems.Errors()), len(problems.Warnings()))
		return exitContent
	}
	fmt.Fprintf(stdout, "ok: %d clusters, %d assessments, %d warnings\n", len(s.Clusters), s.Assessments, len(problems.Warnings()))
	return exitOK
}

// reportError prints err and maps it to an exit code: content problems
// exit 1, everything else 2.
func reportError(stderr io.Writer, cmd string, err error) int {
	var ps model.Problems
	if errors.As(err, &ps) {
		printProblems(stderr, ps)
		fmt.Fprintf(stderr, "clustersite %s: %d content errors; nothing was written\n", cmd, len(ps.Errors()))
		return exitContent
	}
	fmt.Fprintf(stderr, "clustersite %s: %v\n", cmd, err)
	return exitUsage
}

func printProblems(w io.Writer, ps model.Problems) {
	for _, p := range ps {
		fmt.Fprintf(w, "%s:%d:%d: %s: ", p.Path, p.Line, p.Col, p.Severity)
		if p.Field != "" {
			fmt.Fprintf(w, "%s: ", p.Field)
		}
		fmt.Fprintln(w, p.Message)
	}
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
