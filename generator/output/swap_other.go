//go:build !linux

package output

import (
	"errors"
	"os"
)

// swap replaces dest by staging with two renames (no atomic exchange here).
func swap(staging, dest string) (old string, err error) {
	fi, err := os.Lstat(dest)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return "", os.Rename(staging, dest)
	case err != nil:
		return "", err
	case !fi.IsDir():
		return "", errNotDir
	}
	return swapByRename(staging, dest)
}
