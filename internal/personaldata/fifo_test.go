//go:build unix

package personaldata

import (
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/congkhai/congkhai/internal/datafiles"
	"github.com/congkhai/congkhai/internal/problem"
)

// TestLintNamedPipe: a named pipe in data/ is refused, not read: a read
// would wait for a writer that never comes, and the build would hang.
func TestLintNamedPipe(t *testing.T) {
	site := writeSite(t, map[string]string{"data/danh-ba.toml": "updated = 2026-10-20\n"})
	if err := syscall.Mkfifo(filepath.Join(site, "data", "x.csv"), 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	done := make(chan []string)
	go func() {
		var l problem.List
		Lint(datafiles.New(site), Consented{}, &l)
		var got []string
		for _, p := range l.Sorted() {
			got = append(got, p.String())
		}
		done <- got
	}()
	select {
	case got := <-done:
		if want := "data/x.csv: cannot read: not a regular file"; len(got) != 1 || got[0] != want {
			t.Errorf("problems %q, want %q", got, want)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("reading data/ with a named pipe in it did not end")
	}
}
