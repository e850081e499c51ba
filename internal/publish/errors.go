package publish

import (
	"errors"
	"io/fs"
	"os"
	"syscall"

	"github.com/congkhai/congkhai/internal/msg"
)

// Error is a change to the file system that failed: what a build was
// doing, to which file or folder, and why, in plain words.
type Error struct {
	Op   msg.Text // what was being done: "writing", "creating the folder", …
	Path string   // the file or folder
	Err  error
}

func (e *Error) Error() string { return e.Text().String() }

// Text is the error's message (msg.Of).
func (e *Error) Text() msg.Text { return msg.T("%v %s: %v", e.Op, e.Path, Cause(e.Err)) }

func (e *Error) Unwrap() error { return e.Err }

// ErrSetAside is in the error of a Commit that could neither put the new
// site in place nor the previous one back: the destination is missing, its
// previous site is beside it, and the next build puts it back.
var ErrSetAside = msg.Errorf("the previous site is set aside")

// errLocked is Begin's error while another build writes beside the
// destination.
var errLocked = msg.Errorf("another congkhai build is writing there; wait for it to end")

// Cause says why a file system call failed: for the failures a build
// meets (a full disk, a read-only or protected folder) in plain words,
// with the system's own in brackets; otherwise the system's words alone.
// The file is not repeated: the message around it names it.
func Cause(err error) msg.Text {
	inner := err
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		inner = pe.Err
	case errors.As(err, &le):
		inner = le.Err
	}
	if words, ok := plainWords(err); ok {
		return msg.T("%v (%s)", words, msg.Plain(inner.Error())) // the system's own words, as it says them
	}
	if t, ok := msg.Of(inner); ok {
		return t
	}
	return msg.Plain(inner.Error())
}

func plainWords(err error) (msg.Text, bool) {
	var errno syscall.Errno
	if !errors.As(err, &errno) {
		return msg.Text{}, false
	}
	switch errno {
	case syscall.ENOSPC:
		return msg.T("the disk is full"), true
	case syscall.EDQUOT:
		return msg.T("this user's disk quota is used up"), true
	case syscall.EROFS:
		return msg.T("the disk is mounted read-only"), true
	case syscall.EACCES:
		return msg.T("this user may not write there"), true
	case syscall.EPERM:
		return msg.T("this user may not change it"), true
	case syscall.EIO:
		return msg.T("the disk failed"), true
	case syscall.EMFILE, syscall.ENFILE:
		return msg.T("the system's limit of open files is reached"), true
	case syscall.ENAMETOOLONG:
		return msg.T("the name is too long for this file system"), true
	case syscall.EXDEV:
		return msg.T("the folders are on different disks"), true
	case syscall.EBUSY:
		return msg.T("the folder is in use, perhaps as a mount point"), true
	}
	return msg.Text{}, false
}
