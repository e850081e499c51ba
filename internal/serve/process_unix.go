//go:build unix

package serve

import (
	"errors"
	"io/fs"
	"os"
	"syscall"
)

// running reports whether the process pid exists (a process of another
// user does too).
func running(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

// mine reports whether the file belongs to the user running this process.
func mine(info fs.FileInfo) bool {
	st, ok := info.Sys().(*syscall.Stat_t)
	return ok && int(st.Uid) == os.Getuid()
}
