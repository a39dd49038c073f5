package build

import (
	"sync/atomic"

	"clustersite/generator/content"
)

// Progress tells how far a build has come. Run updates it as it goes and
// another goroutine may read it at any time: the build command draws it on
// a terminal. The zero Progress is ready to use.
type Progress struct {
	phase   atomic.Int32
	content content.Progress
	pages   atomic.Int64 // written
	total   atomic.Int64 // pages to write
}

// Phase is a step of a build.
type Phase int32

// The phases of a build, in order.
const (
	Starting    Phase = iota
	Loading           // reading and checking content files
	WritingData       // writing data files, assets and the feed
	Rendering         // rendering and writing pages
)

func (p Phase) String() string {
	switch p {
	case Loading:
		return "loading content"
	case WritingData:
		return "writing data files"
	case Rendering:
		return "writing pages"
	}
	return "starting"
}

// Read returns the current phase and, for Loading and Rendering, how many
// content files or pages of how many are done.
func (p *Progress) Read() (phase Phase, done, total int) {
	phase = Phase(p.phase.Load())
	switch phase {
	case Loading:
		return phase, int(p.content.Read.Load()), int(p.content.Files.Load())
	case Rendering:
		return phase, int(p.pages.Load()), int(p.total.Load())
	}
	return phase, 0, 0
}

// enter sets the phase; p may be nil.
func (p *Progress) enter(phase Phase) {
	if p != nil {
		p.phase.Store(int32(phase))
	}
}

// contentProgress is what content.Load counts in; nil without p.
func (p *Progress) contentProgress() *content.Progress {
	if p == nil {
		return nil
	}
	return &p.content
}

func (p *Progress) pagesToWrite(n int) {
	if p != nil {
		p.total.Store(int64(n))
	}
}

func (p *Progress) pageWritten() {
	if p != nil {
		p.pages.Add(1)
	}
}
