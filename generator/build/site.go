package build

import (
	"fmt"
	"io"
	"io/fs"
	"os"
)

// OpenSite opens the site folder dir for Load, Run and LoadModel. Every path
// is resolved inside the folder (os.Root): a symbolic link that leads out
// of it (the content, assets or templates folder, config.toml or a
// catalogue linked to another folder) is an error where it is read, so no
// file of another folder can reach the output. A pull request can add such
// links as easily as files. Links that stay inside the folder are followed;
// content/ refuses every link (package content). Close the returned Closer
// when done.
func OpenSite(dir string) (fs.FS, io.Closer, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("site folder: %w", err)
	}
	return root.FS(), root, nil
}
