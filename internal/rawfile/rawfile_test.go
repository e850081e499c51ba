package rawfile

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
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
		got, err := ReadFile(name, 1<<30)
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
	if got, _ := ReadFile(name, 1<<30); string(got) != "short" {
		t.Errorf("after overwrite: %q", got)
	}
}

func TestErrors(t *testing.T) {
	_, err := ReadFile(filepath.Join(t.TempDir(), "missing"), 1<<30)
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
	if _, err := ReadFile(t.TempDir(), 1<<30); err == nil {
		t.Error("reading a folder succeeded")
	}
}

// TestReadFileInto: a buffer large enough is reused, a small one is not
// written past its length.
func TestReadFileInto(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "f")
	if _, err := WriteFile(name, []byte("Thủ tục hành chính"), 0o644); err != nil {
		t.Fatal(err)
	}
	big := make([]byte, 0, 1024)
	got, err := ReadFileInto(big, name, 1<<30)
	if err != nil || string(got) != "Thủ tục hành chính" {
		t.Fatalf("got %q, %v", got, err)
	}
	if runtime.GOOS == "linux" && &got[:1][0] != &big[:1][0] { // elsewhere it is os.ReadFile
		t.Error("a large enough buffer was not reused")
	}
	small := make([]byte, 0, 4)
	if got, err := ReadFileInto(small, name, 1<<30); err != nil || string(got) != "Thủ tục hành chính" {
		t.Fatalf("with a small buffer: got %q, %v", got, err)
	}
}

func TestHolds(t *testing.T) {
	dir := t.TempDir()
	long := bytes.Repeat([]byte("Trung tâm Phục vụ hành chính công "), 2000) // several read chunks
	changedLast := bytes.Clone(long)
	changedLast[len(changedLast)-1] ^= 1
	tests := []struct {
		name   string
		file   []byte // nil: no file
		data   []byte
		holds  bool
		folder bool
	}{
		{name: "same", file: []byte("Đường dây nóng"), data: []byte("Đường dây nóng"), holds: true},
		{name: "both empty", file: []byte{}, data: nil, holds: true},
		{name: "long, same", file: long, data: long, holds: true},
		{name: "long, last byte differs", file: long, data: changedLast},
		{name: "same size, other bytes", file: []byte("abc"), data: []byte("abd")},
		{name: "file shorter", file: []byte("ab"), data: []byte("abc")},
		{name: "file longer", file: []byte("abcd"), data: []byte("abc")},
		{name: "missing", data: []byte("abc")},
		{name: "folder", folder: true, data: nil},
	}
	for _, tt := range tests {
		name := filepath.Join(dir, tt.name)
		var want int64
		switch {
		case tt.folder:
			os.Mkdir(name, 0o755)
		case tt.file != nil:
			mtime, err := WriteFile(name, tt.file, 0o644)
			if err != nil {
				t.Fatal(err)
			}
			want = mtime
		}
		held, holds := Holds(name, tt.data)
		if holds != tt.holds {
			t.Errorf("%s: Holds = %v, want %v", tt.name, holds, tt.holds)
		}
		if holds && held.MTime != want {
			t.Errorf("%s: time %d, the file has %d", tt.name, held.MTime, want)
		}
	}
}

// TestReadFileUnknownSize: files whose size fstat does not give (those of
// /proc say 0) are read to their end.
func TestReadFileUnknownSize(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("/proc is Linux's")
	}
	got, err := ReadFile("/proc/self/status", 1<<30)
	if err != nil || !bytes.Contains(got, []byte("\nPid:")) {
		t.Fatalf("got %q, %v", got, err)
	}
}

// TestReadLimit: a file over the limit is refused with its size, before it
// is read when its size is known; one of unknown size is cut off as soon
// as it passes the limit.
func TestReadLimit(t *testing.T) {
	name := filepath.Join(t.TempDir(), "big")
	if err := os.WriteFile(name, make([]byte, 1000), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, err := ReadFile(name, 1000); err != nil || len(got) != 1000 {
		t.Errorf("at the limit: %d bytes, %v", len(got), err)
	}
	for _, read := range []func() ([]byte, error){
		func() ([]byte, error) { return ReadFile(name, 999) },
		func() ([]byte, error) { return ReadFileInto(nil, name, 999) },
		func() ([]byte, error) { return ReadRegular(name, 999) },
	} {
		var tl *TooLargeError
		if _, err := read(); !errors.As(err, &tl) || tl.Size != 1000 || tl.Limit != 999 || tl.Name != name {
			t.Errorf("over the limit: %v", err)
		}
	}
	if runtime.GOOS == "linux" {
		// /proc files report no size: the limit is found while reading.
		var tl *TooLargeError
		if _, err := ReadFile("/proc/self/status", 10); !errors.As(err, &tl) || tl.Size <= 10 {
			t.Errorf("unknown size over the limit: %v", err)
		}
	}
}
