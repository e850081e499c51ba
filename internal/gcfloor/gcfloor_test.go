package gcfloor

import (
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

func TestPercentFor(t *testing.T) {
	tests := []struct {
		floor, live uint64
		gogc, want  int
	}{
		{64 << 20, 4 << 20, 100, 1500},  // goal 4 × 16 = 64 MiB
		{64 << 20, 16 << 20, 100, 300},  // 16 × 4
		{64 << 20, 32 << 20, 100, 100},  // half the floor: GOGC as set
		{64 << 20, 300 << 20, 100, 100}, // a large heap: GOGC as set
		{64 << 20, 32 << 20, 50, 100},   // a lower GOGC is raised up to the floor
		{64 << 20, 300 << 20, 50, 50},   // and kept above it
	}
	for _, tt := range tests {
		if got := percentFor(tt.floor, tt.live, tt.gogc); got != tt.want {
			t.Errorf("percentFor(%d MiB, %d MiB, %d) = %d, want %d", tt.floor>>20, tt.live>>20, tt.gogc, got, tt.want)
		}
	}
}

// TestSetRaisesGOGCAfterACollection checks the whole loop: after a
// collection of a small heap, the finalizer has raised GOGC. (The tuner
// stays on for the rest of this test binary.)
func TestSetRaisesGOGCAfterACollection(t *testing.T) {
	before := debug.SetGCPercent(100)
	defer debug.SetGCPercent(before)
	Set(1 << 30)
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		runtime.GC()
		time.Sleep(10 * time.Millisecond) // finalizers run on their own goroutine
		p := debug.SetGCPercent(-1)       // reads GOGC
		debug.SetGCPercent(p)
		if p > 100 {
			return
		}
	}
	t.Fatal("GOGC is still 100 after collections of a heap far below the floor")
}
