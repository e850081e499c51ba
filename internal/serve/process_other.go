//go:build !unix

package serve

import (
	"io/fs"
	"os"
)

// running reports whether the process pid exists: on Windows, finding a
// process opens it, which fails once it has ended.
func running(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	_ = p.Release()
	return true
}

// mine is true: the folder is in this user's temporary folder.
func mine(fs.FileInfo) bool { return true }
