//go:build unix

package rawfile

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"time"
)

// TestReadRegular: a regular file is read, a named pipe is refused at
// once instead of waiting for a writer, and a folder gives ReadFile's
// error.
func TestReadRegular(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "f")
	if _, err := WriteFile(name, []byte("Lịch tiếp công dân"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, err := ReadRegular(name, 1<<30); err != nil || string(got) != "Lịch tiếp công dân" {
		t.Errorf("regular file: %q, %v", got, err)
	}
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	done := make(chan error, 1)
	go func() { _, err := ReadRegular(fifo, 1<<30); done <- err }()
	select {
	case err := <-done:
		if !errors.Is(err, ErrNotRegular) {
			t.Errorf("named pipe: %v, want ErrNotRegular", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("reading a named pipe did not return")
	}
	_, want := ReadFile(dir, 1<<30)
	if _, err := ReadRegular(dir, 1<<30); err == nil || errors.Is(err, ErrNotRegular) || err.Error() != want.Error() {
		t.Errorf("folder: %v, want %v", err, want)
	}
}

// TestHoldsInode: on Linux, Holds gives the inode number of the file, as
// stat does.
func TestHoldsInode(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("Holds gives an inode number on Linux only")
	}
	name := filepath.Join(t.TempDir(), "f")
	if _, err := WriteFile(name, []byte("Một cửa"), 0o644); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(name)
	if err != nil {
		t.Fatal(err)
	}
	if held, ok := Holds(name, []byte("Một cửa")); !ok || held.Inode != info.Sys().(*syscall.Stat_t).Ino {
		t.Errorf("Holds = %+v, %v; the file's inode is %d", held, ok, info.Sys().(*syscall.Stat_t).Ino)
	}
}
