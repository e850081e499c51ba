// Package rawfile reads and writes whole files with plain system calls.
//
// A build reads every content file twice and writes every page once: tens
// of thousands of files. os.File registers each file with the runtime's
// network poller, which costs four fcntl calls and a failing epoll_ctl per
// file on Linux; for regular files read and written at once that is pure
// overhead, a large share of a big build's system time. Elsewhere the
// functions are os.ReadFile and os.WriteFile.
package rawfile

import "errors"

// ErrNotRegular is ReadRegular's error for a named pipe, a device or a
// socket.
var ErrNotRegular = errors.New("not a regular file")

// Held is what Holds found of a file that holds the bytes it was asked
// about.
type Held struct {
	MTime int64  // modification time, Unix nanoseconds
	Inode uint64 // inode number; 0 where the system gives none
}
