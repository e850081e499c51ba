// Package rawfile reads and writes whole files with plain system calls.
//
// A build reads every content file twice and writes every page once: tens
// of thousands of files. os.File registers each file with the runtime's
// network poller, which costs four fcntl calls and a failing epoll_ctl per
// file on Linux; for regular files read and written at once that is pure
// overhead, a large share of a big build's system time. Elsewhere the
// functions are os.ReadFile and os.WriteFile.
package rawfile

import (
	"errors"
	"io/fs"

	"github.com/congkhai/congkhai/internal/limits"
)

// ErrNotRegular is ReadRegular's error for a named pipe, a device or a
// socket.
var ErrNotRegular = errors.New("not a regular file")

// TooLargeError is the error of a read of a file larger than its limit.
// Size is the file's size, or, for a file whose size is not known until
// it is read (a pipe, a file that grew), the bytes read when the limit
// was passed.
type TooLargeError struct {
	Name        string
	Size, Limit int64
}

func (e *TooLargeError) Error() string {
	return e.Name + ": " + limits.TooLarge("the file", e.Size, e.Limit)
}

// ReadProblem is the message of a problem for a read that failed with err,
// without the file's name, which the problem gives: "the file is 3 MiB: at
// most 2 MiB", or "cannot read: permission denied".
func ReadProblem(err error) string {
	var tl *TooLargeError
	if errors.As(err, &tl) {
		return limits.TooLarge("the file", tl.Size, tl.Limit)
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return "cannot read: " + err.Error()
}

// Held is what Holds found of a file that holds the bytes it was asked
// about.
type Held struct {
	MTime int64  // modification time, Unix nanoseconds
	Inode uint64 // inode number; 0 where the system gives none
}
