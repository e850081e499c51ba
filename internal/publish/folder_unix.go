//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package publish

import (
	"errors"
	"io/fs"
	"os"
	"syscall"
)

// lockFolder takes the lock on dir that every build into a folder of dir
// takes, so that two builds never write beside each other and the
// leftovers a build removes are those of builds that have ended. The
// system releases it when the process ends, however it ends. A file system
// without locks (NFS may refuse them on a folder) builds without one.
func lockFolder(dir string) (unlock func(), err error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, errLocked
		}
		return func() {}, nil
	}
	return func() { f.Close() }, nil
}

// sameGroup gives the folder name the group of like, when the user may.
func sameGroup(name string, like fs.FileInfo) {
	if st, ok := like.Sys().(*syscall.Stat_t); ok {
		os.Lchown(name, -1, int(st.Gid))
	}
}

// inode is the inode number of the file info describes.
func inode(info fs.FileInfo) uint64 {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Ino)
	}
	return 0
}
