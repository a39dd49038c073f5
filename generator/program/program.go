// Package program identifies the running clustersite executable. The
// caches a build keeps outside the site (decoded content files, rendered
// Markdown) belong to the program that wrote them: any change to the code
// may change what they hold, so another program must never read them.
package program

import (
	"crypto/sha256"
	"io"
	"os"
	"sync"
)

// ID returns the SHA-256 of the running executable, so that any change to
// the code gives a new one. It is zero when the executable cannot be read;
// a cache must then be off.
var ID = sync.OnceValue(func() [sha256.Size]byte {
	// On Linux, /proc/self/exe is the file this process runs even when a
	// new build has replaced it at its path since; os.Executable names
	// the path.
	f, err := os.Open("/proc/self/exe")
	if err != nil {
		exe, err := os.Executable()
		if err != nil {
			return [sha256.Size]byte{}
		}
		if f, err = os.Open(exe); err != nil {
			return [sha256.Size]byte{}
		}
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return [sha256.Size]byte{}
	}
	return [sha256.Size]byte(h.Sum(nil))
})
