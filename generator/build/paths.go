package build

import (
	"fmt"
	"path"
	"path/filepath"

	"clustersite/generator/site"
)

// checkPaths refuses a site whose output paths are not each a distinct,
// canonical path inside the output folder: "portfolios//index.html" (a name
// that slugs to nothing) would overwrite the list of portfolios, and two
// files at one path would leave whichever was written last. The content and
// config checks keep such names out; this is the last line, before
// anything is written.
func checkPaths(pages []site.Page, files []site.File) error {
	seen := make(map[string]bool, len(pages)+len(files))
	check := func(p string) error {
		switch {
		case path.Clean(p) != p || !filepath.IsLocal(filepath.FromSlash(p)):
			return fmt.Errorf("build: output path %q is not a clean path inside the site", p)
		case seen[p]:
			return fmt.Errorf("build: two output files at %s", p)
		}
		seen[p] = true
		return nil
	}
	for _, p := range pages {
		if err := check(p.Path); err != nil {
			return err
		}
	}
	for _, f := range files {
		if err := check(f.Path); err != nil {
			return err
		}
	}
	return nil
}
