package boundtest

import (
	"fmt"
	"testing"
)

// recorder keeps what Check reports instead of failing the test.
type recorder struct {
	testing.TB
	errs []string
}

func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}
func (r *recorder) Helper() {}

func TestCheck(t *testing.T) {
	var sink []byte
	tests := []struct {
		name string
		size int
		fn   func()
		fail bool
	}{
		{"cheap", 1 << 10, func() { sink = make([]byte, 1<<10) }, false},
		{"greedy", 1 << 10, func() { sink = make([]byte, 8<<20) }, true},
		{"slow", 1 << 10, func() {
			for start := cpuTime(); cpuTime()-start < 2*CPUFloor; {
			}
		}, true},
	}
	for _, tt := range tests {
		r := &recorder{TB: t}
		Check(r, tt.size, tt.fn)
		if got := len(r.errs) > 0; got != tt.fail {
			t.Errorf("%s: failed %v (%q), want %v", tt.name, got, r.errs, tt.fail)
		}
	}
	_ = sink
}
