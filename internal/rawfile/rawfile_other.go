//go:build !linux

package rawfile

import "os"

// ReadFile is os.ReadFile.
func ReadFile(name string) ([]byte, error) { return os.ReadFile(name) }

// ReadFileInto is os.ReadFile; buf is not used.
func ReadFileInto(_ []byte, name string) ([]byte, error) { return os.ReadFile(name) }

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
