//go:build linux

package rawfile

import (
	"bytes"
	"io/fs"
	"os"
	"syscall"
)

// ReadFile is os.ReadFile without the poller, for a file of at most limit
// bytes: a larger one is a *TooLargeError, found before it is read when
// its size is known.
func ReadFile(name string, limit int64) ([]byte, error) { return ReadFileInto(nil, name, limit) }

// ReadFileInto is ReadFile reading into buf's storage when it is large
// enough: a worker that reads file after file can reuse one buffer.
func ReadFileInto(buf []byte, name string, limit int64) ([]byte, error) {
	return readFile(buf, name, false, limit)
}

// ReadRegular is ReadFile for regular files only: opening a named pipe
// waits for a writer and reading a device may never end, so one put in a
// site by mistake would hang the build. A folder gives ReadFile's error.
func ReadRegular(name string, limit int64) ([]byte, error) {
	return readFile(nil, name, true, limit)
}

func readFile(buf []byte, name string, regularOnly bool, limit int64) ([]byte, error) {
	mode := syscall.O_RDONLY | syscall.O_CLOEXEC
	if regularOnly {
		mode |= syscall.O_NONBLOCK // opening a pipe does not wait; reading a regular file ignores it
	}
	fd, err := open(name, mode, 0)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	statErr := syscall.Fstat(fd, &st)
	if kind := st.Mode & syscall.S_IFMT; regularOnly && statErr == nil && kind != syscall.S_IFREG && kind != syscall.S_IFDIR {
		return nil, ErrNotRegular
	}
	size, known := 512, int64(-1)
	if statErr == nil && st.Mode&syscall.S_IFMT == syscall.S_IFREG && st.Size > 0 {
		if st.Size > limit {
			return nil, &TooLargeError{Name: name, Size: st.Size, Limit: limit}
		}
		size, known = int(st.Size)+1, st.Size // one more, to see the end in one read
	}
	if cap(buf) < size {
		buf = make([]byte, 0, size)
	}
	buf = buf[:0]
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := read(fd, buf[len(buf):cap(buf)])
		if err != nil {
			return nil, &fs.PathError{Op: "read", Path: name, Err: err}
		}
		buf = buf[:len(buf)+n]
		if int64(len(buf)) > limit { // grown since Fstat, or of no known size
			return nil, &TooLargeError{Name: name, Size: int64(len(buf)), Limit: limit}
		}
		// A regular file that gave the size Fstat reported in fewer bytes
		// than the buffer holds has ended: no read to see zero bytes. (One
		// written meanwhile is a race that an extra read would not close.)
		if n == 0 || int64(len(buf)) == known && len(buf) < cap(buf) {
			return buf, nil
		}
	}
}

// WriteFile is os.WriteFile without the poller. It returns the file's
// modification time (Unix nanoseconds), read before closing it.
func WriteFile(name string, data []byte, perm os.FileMode) (int64, error) {
	fd, err := open(name, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_TRUNC|syscall.O_CLOEXEC, uint32(perm.Perm()))
	if err != nil {
		return 0, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	for len(data) > 0 {
		n, err := write(fd, data)
		if err != nil {
			syscall.Close(fd)
			return 0, &fs.PathError{Op: "write", Path: name, Err: err}
		}
		data = data[n:]
	}
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil {
		syscall.Close(fd)
		return 0, &fs.PathError{Op: "stat", Path: name, Err: err}
	}
	if err := syscall.Close(fd); err != nil {
		return 0, &fs.PathError{Op: "close", Path: name, Err: err}
	}
	return st.Mtim.Nano(), nil
}

// Holds reports whether name is a regular file holding exactly data, and
// if so its modification time and inode number. A file of another size is
// not read at all.
func Holds(name string, data []byte) (Held, bool) {
	fd, err := open(name, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
	if err != nil {
		return Held{}, false
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if syscall.Fstat(fd, &st) != nil || st.Mode&syscall.S_IFMT != syscall.S_IFREG || st.Size != int64(len(data)) {
		return Held{}, false
	}
	var chunk [16 << 10]byte
	rest := data
	for {
		n, err := read(fd, chunk[:])
		if err != nil || !bytes.HasPrefix(rest, chunk[:n]) {
			return Held{}, false
		}
		if n == 0 {
			// The file may have grown since Fstat; it must end here.
			return Held{MTime: st.Mtim.Nano(), Inode: st.Ino}, len(rest) == 0
		}
		rest = rest[n:]
	}
}

func open(name string, mode int, perm uint32) (int, error) {
	for {
		fd, err := syscall.Open(name, mode, perm)
		if err != syscall.EINTR {
			return fd, err
		}
	}
}

func read(fd int, b []byte) (int, error) {
	for {
		n, err := syscall.Read(fd, b)
		if err != syscall.EINTR {
			return n, err
		}
	}
}

func write(fd int, b []byte) (int, error) {
	for {
		n, err := syscall.Write(fd, b)
		if err != syscall.EINTR {
			return n, err
		}
	}
}
