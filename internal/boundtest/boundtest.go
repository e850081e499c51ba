// Package boundtest is for tests only: it checks that one run of a parser
// over an input keeps within the bounds every input of a site must keep
// within (package limits): at most a second of CPU per MiB of input, and
// allocations of a small multiple of its size. Fuzz targets call it on
// every input they try, so that an input that makes a decoder slow or
// greedy is found like one that makes it panic.
package boundtest

import (
	"runtime"
	"testing"
	"time"
)

// Bounds on the work one input may cost. The floors cover the fixed costs
// of a small input (a decoder's tables, a first allocation of a buffer)
// and the noise of a busy machine.
const (
	CPUPerMiB   = time.Second
	CPUFloor    = 250 * time.Millisecond
	AllocFactor = 64 // bytes allocated per byte of input
	AllocFloor  = 4 << 20
)

// Check runs fn once, over an input of size bytes, and fails t when it
// took more CPU time or allocated more than the bounds allow. fn should
// do all of the work for the input and nothing else; tests that call
// Check must not run in parallel with others, whose work would count.
func Check(t testing.TB, size int, fn func()) {
	t.Helper()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	cpu0 := cpuTime()
	fn()
	cpu := cpuTime() - cpu0
	runtime.ReadMemStats(&after)
	mib := float64(size) / (1 << 20)
	if limit := max(CPUFloor, time.Duration(mib*float64(CPUPerMiB))); cpu > limit {
		t.Errorf("an input of %d bytes took %v of CPU: at most %v (%v per MiB)", size, cpu.Round(time.Millisecond), limit, CPUPerMiB)
	}
	allocated := after.TotalAlloc - before.TotalAlloc
	if limit := uint64(max(AllocFloor, AllocFactor*size)); allocated > limit {
		t.Errorf("an input of %d bytes allocated %d bytes: at most %d (%d× its size)", size, allocated, limit, AllocFactor)
	}
}
