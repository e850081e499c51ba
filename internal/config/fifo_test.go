//go:build unix

package config

import (
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/congkhai/congkhai/internal/problem"
)

// TestLoadNamedPipe: a site.toml that is a named pipe is refused, not
// read: a read would wait for a writer that never comes.
func TestLoadNamedPipe(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, FileName), 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	done := make(chan []problem.Problem)
	go func() {
		var l problem.List
		Load(dir, Overrides{}, &l)
		done <- l.Sorted()
	}()
	select {
	case got := <-done:
		if len(got) != 1 || got[0].String() != "site.toml: cannot read: not a regular file" {
			t.Errorf("problems %v", got)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("loading a site.toml that is a named pipe did not end")
	}
}
