package publish

import (
	"errors"
	"io/fs"
	"os"
	"syscall"
)

// Error is a change to the file system that failed: what a build was
// doing, to which file or folder, and why, in plain words.
type Error struct {
	Op   string // what was being done: "writing", "creating the folder", …
	Path string // the file or folder
	Err  error
}

func (e *Error) Error() string { return e.Op + " " + e.Path + ": " + Cause(e.Err) }

func (e *Error) Unwrap() error { return e.Err }

// ErrSetAside is in the error of a Commit that could neither put the new
// site in place nor the previous one back: the destination is missing, its
// previous site is beside it, and the next build puts it back.
var ErrSetAside = errors.New("the previous site is set aside")

// errLocked is Begin's error while another build writes beside the
// destination.
var errLocked = errors.New("another congkhai build is writing there; wait for it to end")

// Cause says why a file system call failed: for the failures a build
// meets (a full disk, a read-only or protected folder) in plain words,
// with the system's own in brackets; otherwise the system's words alone.
// The file is not repeated: the message around it names it.
func Cause(err error) string {
	msg := err.Error()
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		msg = pe.Err.Error()
	case errors.As(err, &le):
		msg = le.Err.Error()
	}
	if words := plainWords(err); words != "" {
		return words + " (" + msg + ")"
	}
	return msg
}

func plainWords(err error) string {
	var errno syscall.Errno
	if !errors.As(err, &errno) {
		return ""
	}
	switch errno {
	case syscall.ENOSPC:
		return "the disk is full"
	case syscall.EDQUOT:
		return "this user's disk quota is used up"
	case syscall.EROFS:
		return "the disk is mounted read-only"
	case syscall.EACCES:
		return "this user may not write there"
	case syscall.EPERM:
		return "this user may not change it"
	case syscall.EIO:
		return "the disk failed"
	case syscall.EMFILE, syscall.ENFILE:
		return "the system's limit of open files is reached"
	case syscall.ENAMETOOLONG:
		return "the name is too long for this file system"
	case syscall.EXDEV:
		return "the folders are on different disks"
	case syscall.EBUSY:
		return "the folder is in use, perhaps as a mount point"
	}
	return ""
}
