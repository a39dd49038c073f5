//go:build !unix

package main

import "io/fs"

// inode reports that this system has no inode numbers to compare.
func inode(fs.FileInfo) (uint64, bool) { return 0, false }
