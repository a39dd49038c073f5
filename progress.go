package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"clustersite/generator/build"
)

// Progress display of build: on a terminal, a build that takes longer
// than progressDelay shows its phase and count on one line of stderr,
// redrawn in place every progressInterval and cleared at the end. Nothing
// is drawn when stderr is not a terminal (a log, a pipe, CI) or with
// --quiet.
const (
	progressDelay    = time.Second
	progressInterval = 100 * time.Millisecond
)

// progressLine draws p on w until stop is called.
type progressLine struct {
	w    io.Writer
	p    *build.Progress
	done chan struct{}
	wg   sync.WaitGroup
}

// showProgress starts drawing p on w after delay; it returns nil, and
// draws nothing, when w is not a terminal.
func showProgress(w io.Writer, p *build.Progress, delay time.Duration) *progressLine {
	if !isTerminal(w) {
		return nil
	}
	return startProgress(w, p, delay)
}

func startProgress(w io.Writer, p *build.Progress, delay time.Duration) *progressLine {
	l := &progressLine{w: w, p: p, done: make(chan struct{})}
	l.wg.Go(func() { l.run(delay) })
	return l
}

func (l *progressLine) run(delay time.Duration) {
	wait := time.NewTimer(delay)
	defer wait.Stop()
	select {
	case <-l.done:
		return // finished before anything was drawn
	case <-wait.C:
	}
	tick := time.NewTicker(progressInterval)
	defer tick.Stop()
	for {
		phase, done, total := l.p.Read()
		fmt.Fprintf(l.w, "\r\033[Kclustersite build: %s", progressText(phase, done, total))
		select {
		case <-l.done:
			fmt.Fprint(l.w, "\r\033[K") // leave the line empty for what follows
			return
		case <-tick.C:
		}
	}
}

// stop ends the display and clears its line; l may be nil.
func (l *progressLine) stop() {
	if l == nil {
		return
	}
	close(l.done)
	l.wg.Wait()
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && fileIsTerminal(f)
}

// progressText is the line for one reading of the progress.
func progressText(phase build.Phase, done, total int) string {
	if total > 0 {
		return fmt.Sprintf("%s %d/%d", phase, done, total)
	}
	return phase.String()
}
