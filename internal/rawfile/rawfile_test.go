package rawfile

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	dir := t.TempDir()
	for _, size := range []int{0, 1, 511, 512, 513, 4096, 1 << 20} {
		data := bytes.Repeat([]byte("Đường dây nóng "), size/len("Đường dây nóng ")+1)[:size]
		name := filepath.Join(dir, "f")
		mtime, err := WriteFile(name, data, 0o644)
		if err != nil {
			t.Fatal(err)
		}
		got, err := ReadFile(name)
		if err != nil || !bytes.Equal(got, data) {
			t.Fatalf("size %d: got %d bytes, err %v", size, len(got), err)
		}
		info, _ := os.Stat(name)
		if info.Mode().Perm() != 0o644 {
			t.Errorf("mode %v", info.Mode())
		}
		if info.ModTime().UnixNano() != mtime {
			t.Errorf("WriteFile returned the time %d, the file has %d", mtime, info.ModTime().UnixNano())
		}
	}
	// Overwriting truncates.
	name := filepath.Join(dir, "g")
	WriteFile(name, []byte("long content"), 0o644)
	WriteFile(name, []byte("short"), 0o644)
	if got, _ := ReadFile(name); string(got) != "short" {
		t.Errorf("after overwrite: %q", got)
	}
}

func TestErrors(t *testing.T) {
	_, err := ReadFile(filepath.Join(t.TempDir(), "missing"))
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
	var pe *fs.PathError
	if !errors.As(err, &pe) {
		t.Errorf("error %T is not a *fs.PathError", err)
	}
	if _, err := WriteFile(filepath.Join(t.TempDir(), "no", "dir"), nil, 0o644); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing folder: %v", err)
	}
	// A folder cannot be read as a file.
	if _, err := ReadFile(t.TempDir()); err == nil {
		t.Error("reading a folder succeeded")
	}
}
