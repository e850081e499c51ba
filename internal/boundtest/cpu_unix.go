//go:build unix

package boundtest

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time the process has used, in user and system mode:
// unlike the clock, it does not count the time other programs of a busy
// machine take.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
