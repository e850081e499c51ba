package build

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/congkhai/congkhai"
	"github.com/congkhai/congkhai/internal/publish"
	"github.com/congkhai/congkhai/internal/txtartest"
)

// TestWriteErrors: a build that cannot write (the disk fills up, the
// destination's folder is read-only or not the user's) fails with one
// error that names the file and says why in plain words, and leaves the
// previous site exactly as it was; the next build, once the disk has
// room, builds as if nothing had happened.
func TestWriteErrors(t *testing.T) {
	tests := []struct {
		name string
		fsys publish.FS
		want []string
	}{
		{"disk full after 5 files", &failingFS{op: "write", after: 5, errno: syscall.ENOSPC},
			[]string{"writing ", "/.public.spare/", "the disk is full (no space left on device)"}},
		{"read-only disk", &failingFS{op: "mkdir", errno: syscall.EROFS},
			[]string{"creating the staging folder ", "the disk is mounted read-only (read-only file system)"}},
		{"no permission to swap", &failingFS{op: "exchange", errno: syscall.EACCES},
			[]string{"swapping the new site ", "this user may not write there (permission denied)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site := newSite(t)
			public := filepath.Join(site, "public")
			if _, err := build(t, site, public); err != nil {
				t.Fatal(err)
			}
			before := txtartest.Snapshot(t, public)
			// A new title changes every page.
			toml := filepath.Join(site, "site.toml")
			txtartest.WriteFile(t, toml, []byte(strings.Replace(readFile(t, site, "site.toml"), "title = \"", "title = \"Mới: ", 1)))

			res, err := Run(Options{Source: site, Destination: public, Theme: congkhai.Theme, fsys: tt.fsys})
			if err == nil || errors.Is(err, ErrFailed) {
				t.Fatalf("err = %v, want the write error", err)
			}
			t.Logf("error: %v", err)
			for _, part := range tt.want {
				if !strings.Contains(err.Error(), part) {
					t.Errorf("error %q does not say %q", err, part)
				}
			}
			if !strings.Contains(err.Error(), site) {
				t.Errorf("error %q does not name the file", err)
			}
			if len(res.Problems) != 0 {
				t.Errorf("the write error was also reported as problems: %q", problemLines(res))
			}
			sameTree(t, before, txtartest.Snapshot(t, public))
			if _, err := os.Stat(statePath(public)); !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("a state file is left after a failed build: %v", err)
			}

			res, err = build(t, site, public)
			if err != nil || res.UpToDate {
				t.Fatalf("the next build: up to date %v, err %v", res.UpToDate, err)
			}
			if !strings.Contains(readFile(t, public, "index.html"), "Mới: ") {
				t.Error("the next build did not put the new site in place")
			}
		})
	}
}

// failingFS is the system's file system with one kind of call failing:
// "write" after the first files, "mkdir" or "exchange" at once.
type failingFS struct {
	publish.OS
	op    string
	after int
	errno syscall.Errno

	mu     sync.Mutex
	writes int
}

func (f *failingFS) WriteFile(name string, data []byte) (int64, error) {
	f.mu.Lock()
	f.writes++
	full := f.op == "write" && f.writes > f.after
	f.mu.Unlock()
	if full {
		return 0, &fs.PathError{Op: "write", Path: name, Err: f.errno}
	}
	return f.OS.WriteFile(name, data)
}

func (f *failingFS) Mkdir(name string, like fs.FileInfo) error {
	if f.op == "mkdir" {
		return &fs.PathError{Op: "mkdir", Path: name, Err: f.errno}
	}
	return f.OS.Mkdir(name, like)
}

func (f *failingFS) Exchange(a, b string) error {
	if f.op == "exchange" {
		return &os.LinkError{Op: "exchange", Old: a, New: b, Err: f.errno}
	}
	return f.OS.Exchange(a, b)
}
