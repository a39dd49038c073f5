//go:build !linux

package main

import "os"

// fileIsTerminal reports whether f is a character device, which on these
// systems is as close to "a terminal" as the standard library tells.
func fileIsTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
