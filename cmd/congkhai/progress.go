package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/congkhai/congkhai/internal/msg"
)

// progress prints "rendering 4500/10110 files" on one line while a long
// build runs, when the output is a terminal; in CI logs and pipes it
// prints nothing.
type progress struct {
	mu    sync.Mutex
	w     io.Writer
	on    bool
	start time.Time
	last  time.Time
	shown bool
	tr    msg.Translator
}

func newProgress(w io.Writer, tr msg.Translator) *progress {
	f, ok := w.(*os.File)
	on := false
	if ok {
		if info, err := f.Stat(); err == nil && info.Mode()&os.ModeCharDevice != 0 {
			on = true
		}
	}
	return &progress{w: w, on: on, start: time.Now(), tr: tr}
}

// update shows the count at most ten times a second, and not at all for
// builds that finish within half a second.
func (p *progress) update(done, total int) {
	if !p.on {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	now := time.Now()
	if now.Sub(p.start) < 500*time.Millisecond || now.Sub(p.last) < 100*time.Millisecond {
		return
	}
	p.last = now
	p.shown = true
	fmt.Fprint(p.w, "\r"+msg.T("congkhai: rendering %d/%d files", done, total).In(p.tr))
}

// clear removes the progress line.
func (p *progress) clear() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.shown {
		fmt.Fprint(p.w, "\r\033[K")
		p.shown = false
	}
}
