package output

import "os"

// swapByRename moves dest aside, then staging into place: two renames, with
// a moment in which dest does not exist. Used where the system has no
// atomic exchange.
func swapByRename(staging, dest string) (old string, err error) {
	old = staging + ".old"
	if err := os.Rename(dest, old); err != nil {
		return "", err
	}
	if err := os.Rename(staging, dest); err != nil {
		os.Rename(old, dest) // put the previous site back
		return "", err
	}
	return old, nil
}
