package build

import (
	"sync"
	"sync/atomic"

	"github.com/congkhai/congkhai/internal/msg"
	"github.com/congkhai/congkhai/internal/publish"
)

// ErrStopped is returned by Session.Build once Session.Stop was called.
var ErrStopped = msg.Errorf("build stopped")

// gate lets Session.Stop end a build's writing from another goroutine:
// every write into the destination or beside it holds the gate shared, and
// Stop takes it alone, so that once Stop returns nothing is written.
type gate struct {
	mu     sync.RWMutex
	closed atomic.Bool
}

// stopped reports whether Stop was called; a nil gate (build.Run) never is.
func (g *gate) stopped() bool { return g != nil && g.closed.Load() }

// close waits for the writes under way and refuses every later one.
func (g *gate) close() {
	g.mu.Lock()
	g.closed.Store(true)
	g.mu.Unlock()
}

// do runs write unless the gate is closed.
func (g *gate) do(write func() error) error {
	if g == nil {
		return write()
	}
	g.mu.RLock()
	defer g.mu.RUnlock()
	if g.closed.Load() {
		return ErrStopped
	}
	return write()
}

// gatedOutput is a publish.Output that writes nothing once its gate is
// closed: not a file, not the commit, not even the removal of its staging
// folder (whoever stopped the session removes what is left).
type gatedOutput struct {
	out  *publish.Output
	gate *gate
}

func (o gatedOutput) WriteFile(sitePath string, data []byte) error {
	return o.gate.do(func() error { return o.out.WriteFile(sitePath, data) })
}

func (o gatedOutput) CopyFile(sitePath, src string) error {
	return o.gate.do(func() error { return o.out.CopyFile(sitePath, src) })
}

func (o gatedOutput) Commit() error { return o.gate.do(o.out.Commit) }

// Remove is publish.Output's: it changes nothing until Commit.
func (o gatedOutput) Remove(sitePath string) error { return o.out.Remove(sitePath) }

// Err is the first write that failed, if any.
func (o gatedOutput) Err() error { return o.out.Err() }

func (o gatedOutput) Abort() {
	_ = o.gate.do(func() error { o.out.Abort(); return nil })
}

// Changed reports how many files the build wrote.
func (o gatedOutput) Changed() int { return o.out.Changed() }

// Stamps returns the stamps of the files the build produced.
func (o gatedOutput) Stamps() map[string]publish.Stamp { return o.out.Stamps() }
