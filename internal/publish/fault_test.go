package publish

import (
	"io/fs"
	"os"
	"sync"
)

// faultFS is OS with one call failing: the nth call (from 1) of the kind
// op, or of any kind when op is "any". The kinds are those of a full disk
// or a read-only destination: "create" (a folder, a file, a link),
// "write" (the file is then half written, as on a disk that filled up),
// "close" (the file is written, and the error comes when it is closed, as
// on a network file system), "rename" (a rename or a swap) and "remove".
//
// With die set the process is taken to have died at the failing call:
// every later call fails too, so that nothing is cleaned up or rolled
// back. With after set the failing call is made first (it died just
// after).
type faultFS struct {
	OS
	op         string
	nth        int
	err        error
	die, after bool
	noExchange bool // Exchange is unsupported, as on a system without it

	mu    sync.Mutex
	calls map[string]int
	hit   bool // the failing call was reached
	dead  bool
}

// fault counts a call of kind op and says whether it fails, and whether
// it is to be made first.
func (f *faultFS) fault(op string) (fail, makeIt bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.dead {
		return true, false
	}
	if f.calls == nil {
		f.calls = map[string]int{}
	}
	kind := op
	if f.op == "any" {
		kind = "any"
	}
	f.calls[kind]++
	if kind != f.op || f.calls[kind] != f.nth {
		return false, true
	}
	f.hit = true
	f.dead = f.die
	return true, f.after
}

// check is fault for a call made in one step: it makes the call (run)
// unless it fails before, and returns the error of the call or the fault.
func (f *faultFS) check(op, name string, run func() error) error {
	fail, makeIt := f.fault(op)
	var err error
	if makeIt {
		err = run()
	}
	if fail {
		return &fs.PathError{Op: op, Path: name, Err: f.err}
	}
	return err
}

func (f *faultFS) reached() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.hit
}

func (f *faultFS) Mkdir(name string, like fs.FileInfo) error {
	return f.check("create", name, func() error { return f.OS.Mkdir(name, like) })
}

func (f *faultFS) WriteFile(name string, data []byte) (int64, error) {
	var mtime int64
	err := f.writing(name, func(n int) (err error) {
		mtime, err = f.OS.WriteFile(name, data[:min(n, len(data))])
		return err
	}, len(data))
	return mtime, err
}

func (f *faultFS) CopyFile(name, src string) (Stamp, error) {
	data, err := os.ReadFile(src)
	if err != nil {
		return Stamp{}, err
	}
	var st Stamp
	err = f.writing(name, func(n int) error {
		if n >= len(data) {
			var err error
			st, err = f.OS.CopyFile(name, src)
			return err
		}
		_, err := f.OS.WriteFile(name, data[:n])
		return err
	}, len(data))
	return st, err
}

// writing makes a file written by write(n) (the first n bytes) fail where
// the fault says: at its creation, halfway through, or at its close.
func (f *faultFS) writing(name string, write func(n int) error, size int) error {
	if fail, makeIt := f.fault("create"); fail {
		if makeIt {
			write(0)
		}
		return &fs.PathError{Op: "open", Path: name, Err: f.err}
	}
	if fail, makeIt := f.fault("write"); fail {
		if makeIt {
			write(size / 2)
		}
		return &fs.PathError{Op: "write", Path: name, Err: f.err}
	}
	if err := write(size); err != nil {
		return err
	}
	if fail, _ := f.fault("close"); fail {
		return &fs.PathError{Op: "close", Path: name, Err: f.err}
	}
	return nil
}

func (f *faultFS) Link(existing, name string) error {
	return f.check("create", name, func() error { return f.OS.Link(existing, name) })
}

func (f *faultFS) Rename(from, to string) error {
	return f.check("rename", from, func() error { return f.OS.Rename(from, to) })
}

func (f *faultFS) Exchange(a, b string) error {
	if f.noExchange {
		return noExchange{os.ErrInvalid}
	}
	return f.check("rename", a, func() error { return f.OS.Exchange(a, b) })
}

func (f *faultFS) RemoveAll(name string) error {
	return f.check("remove", name, func() error { return f.OS.RemoveAll(name) })
}
