// Package gcfloor puts a floor under the garbage collector's heap goal.
//
// With the default GOGC of 100 the collector runs each time the heap grows
// by as much as survived the last collection. While a build reads its first
// pages that is a few megabytes, so it collects about a hundred times in
// its first seconds, each time for little: 13 % of the CPU time of a build
// of 10,000 procedures. With a floor the heap may grow to the floor before
// a collection; above it GOGC works as before. The peak heap becomes about
// max(floor, live × (1 + GOGC/100)), so a floor below what a large site
// needs anyway costs no memory at its peak.
package gcfloor

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// Default is the floor the congkhai command sets: it saves most
// collections of a small or growing heap, and stays below what a portal of
// 10,000 procedures peaks at anyway.
const Default = 64 << 20

// Set keeps the heap goal at floor bytes or more, for the rest of the
// process, by raising GOGC after each collection while the live heap is
// small. It does nothing when GOGC is off.
func Set(floor uint64) {
	gogc := debug.SetGCPercent(100)
	debug.SetGCPercent(gogc)
	if gogc < 0 || floor == 0 {
		return
	}
	t := &tuner{floor: floor, gogc: gogc, sample: []metrics.Sample{{Name: "/gc/heap/live:bytes"}}}
	t.adjust()
	t.arm()
}

type tuner struct {
	floor  uint64
	gogc   int // the GOGC to use above the floor
	sample []metrics.Sample
}

// arm asks to be called after the next collection: the runtime offers no
// such hook, but it runs the finalizer of an unreachable object after the
// collection that found it.
func (t *tuner) arm() {
	runtime.SetFinalizer(&sentinel{}, func(*sentinel) {
		t.adjust()
		t.arm()
	})
}

type sentinel struct{ _ [16]byte } // not tiny: tiny objects share blocks and may never be freed

// adjust sets GOGC so that the next goal, live × (1 + GOGC/100), is at
// least the floor.
func (t *tuner) adjust() {
	metrics.Read(t.sample)
	// Before the first collection the runtime counts the live heap as its
	// minimum of 4 MiB (heapminimum, at GOGC=100); a small count would
	// overshoot the floor.
	live := uint64(4 << 20)
	if s := t.sample[0].Value; s.Kind() == metrics.KindUint64 && s.Uint64() > live {
		live = s.Uint64()
	}
	debug.SetGCPercent(percentFor(t.floor, live, t.gogc))
}

// percentFor is the GOGC that puts the next goal at the floor or above:
// gogc itself once the live heap is half the floor or more (at GOGC=100).
func percentFor(floor, live uint64, gogc int) int {
	if need := int(floor*100/live) - 100; need > gogc {
		return need
	}
	return gogc
}
