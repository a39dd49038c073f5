package output

import (
	"bytes"
	"sync"
)

// Memory keeps written files in memory: a destination for a build whose
// output is read rather than published (tests, benchmarks, comparing two
// builds). WriteFile is safe for concurrent use, as a build needs; the
// zero value is ready to use.
type Memory struct {
	mu sync.Mutex
	// Files holds each file's bytes by its slash-separated path. Read it
	// once the writing is over.
	Files map[string][]byte
}

// WriteFile keeps a copy of data as the file at path p.
func (m *Memory) WriteFile(p string, data []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.Files == nil {
		m.Files = map[string][]byte{}
	}
	m.Files[p] = bytes.Clone(data)
	return nil
}
