//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package publish

import "io/fs"

// lockFolder does nothing here: two builds into the same destination must
// not run at once.
func lockFolder(string) (unlock func(), err error) { return func() {}, nil }

// sameGroup does nothing here.
func sameGroup(string, fs.FileInfo) {}

// inode is 0: no inode numbers here.
func inode(fs.FileInfo) uint64 { return 0 }
