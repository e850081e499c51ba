//go:build unix

package buildcache

import (
	"errors"
	"os"
	"syscall"
)

// lockFolder takes the lock file, without waiting: two builds appending to
// one cache would mix their pack files. The lock goes with the process, so
// a build that was killed leaves none behind.
func lockFolder(name string) (*os.File, error) {
	f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, ErrLocked
		}
		return nil, err
	}
	return f, nil
}
