//go:build !linux

package rawfile

import (
	"bytes"
	"io"
	"os"
)

// ReadFile is os.ReadFile for a file of at most limit bytes: a larger one
// is a *TooLargeError.
func ReadFile(name string, limit int64) ([]byte, error) { return readLimited(name, limit) }

// ReadFileInto is ReadFile; buf is not used.
func ReadFileInto(_ []byte, name string, limit int64) ([]byte, error) {
	return readLimited(name, limit)
}

// ReadRegular is ReadFile for regular files only: reading a named pipe
// or a device may never end. A folder gives ReadFile's error.
func ReadRegular(name string, limit int64) ([]byte, error) {
	if info, err := os.Stat(name); err == nil && !info.Mode().IsRegular() && !info.IsDir() {
		return nil, ErrNotRegular
	}
	return readLimited(name, limit)
}

func readLimited(name string, limit int64) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.Mode().IsRegular() && info.Size() > limit {
		return nil, &TooLargeError{Name: name, Size: info.Size(), Limit: limit}
	}
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, &TooLargeError{Name: name, Size: int64(len(b)), Limit: limit}
	}
	return b, nil
}

// WriteFile is os.WriteFile. It returns the file's modification time
// (Unix nanoseconds).
func WriteFile(name string, data []byte, perm os.FileMode) (int64, error) {
	if err := os.WriteFile(name, data, perm); err != nil {
		return 0, err
	}
	info, err := os.Stat(name)
	if err != nil {
		return 0, err
	}
	return info.ModTime().UnixNano(), nil
}

// Holds reports whether name is a regular file holding exactly data, and
// if so its modification time (its inode number is not known here).
func Holds(name string, data []byte) (Held, bool) {
	info, err := os.Stat(name)
	if err != nil || !info.Mode().IsRegular() || info.Size() != int64(len(data)) {
		return Held{}, false
	}
	old, err := os.ReadFile(name)
	if err != nil || !bytes.Equal(old, data) {
		return Held{}, false
	}
	return Held{MTime: info.ModTime().UnixNano()}, true
}
