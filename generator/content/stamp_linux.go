package content

import (
	"io/fs"
	"syscall"
)

// stampOf returns the stamp of a file of the operating system's file
// system; ok is false for other file systems.
func stampOf(fi fs.FileInfo) (s fileStamp, ok bool) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return fileStamp{}, false
	}
	return fileStamp{
		size:  fi.Size(),
		mtime: st.Mtim.Nano(),
		ctime: st.Ctim.Nano(),
		ino:   uint64(st.Ino),
		dev:   uint64(st.Dev),
	}, true
}
