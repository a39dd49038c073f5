package output

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// swap exchanges staging and dest with renameat2(RENAME_EXCHANGE): at every
// instant dest is either the old or the new complete site. It returns where
// the old site now is ("" if there was none).
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
	err = unix.Renameat2(unix.AT_FDCWD, staging, unix.AT_FDCWD, dest, unix.RENAME_EXCHANGE)
	if errors.Is(err, unix.ENOSYS) || errors.Is(err, unix.EINVAL) {
		return swapByRename(staging, dest)
	}
	return staging, err
}
