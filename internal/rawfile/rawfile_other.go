//go:build !linux

package rawfile

import (
	"bytes"
	"os"
)

// ReadFile is os.ReadFile.
func ReadFile(name string) ([]byte, error) { return os.ReadFile(name) }

// ReadFileInto is os.ReadFile; buf is not used.
func ReadFileInto(_ []byte, name string) ([]byte, error) { return os.ReadFile(name) }

// ReadRegular is ReadFile for regular files only: reading a named pipe
// or a device may never end. A folder gives ReadFile's error.
func ReadRegular(name string) ([]byte, error) {
	if info, err := os.Stat(name); err == nil && !info.Mode().IsRegular() && !info.IsDir() {
		return nil, ErrNotRegular
	}
	return os.ReadFile(name)
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
