package publish

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/congkhai/congkhai/internal/rawfile"
)

// FS is the file system as a build changes it. Every call of this package
// that creates, writes, links, moves or removes a file or a folder goes
// through one, so that a test can make any of them fail as a full disk or
// a read-only destination would, and check that the old site stays. OS is
// the real one; reads (comparing an output with the file in place, walking
// the destination) go to the disk directly.
type FS interface {
	// Mkdir creates a folder with the permission bits and the group of
	// the folder like (and writable by its owner), or with mode 0755 when
	// like is nil; fs.ErrExist if something is there.
	Mkdir(name string, like fs.FileInfo) error
	// WriteFile creates name (or truncates it), writes data and closes
	// it, and returns its modification time in Unix nanoseconds.
	WriteFile(name string, data []byte) (int64, error)
	// CopyFile copies the file src to a new file name.
	CopyFile(name, src string) (Stamp, error)
	// Link makes name a hard link to the file existing.
	Link(existing, name string) error
	// Rename renames a file or a folder.
	Rename(from, to string) error
	// Exchange swaps two folders in one step: no moment exists when
	// either name is missing or holds anything but one of the two. It
	// returns an error that is errors.ErrUnsupported when the system or
	// the file system cannot.
	Exchange(a, b string) error
	// RemoveAll removes name and everything in it.
	RemoveAll(name string) error
}

// OS is the file system of the operating system.
type OS struct{}

func (OS) Mkdir(name string, like fs.FileInfo) error {
	if like == nil {
		return os.Mkdir(name, 0o755)
	}
	if err := os.Mkdir(name, 0o700); err != nil {
		return err
	}
	sameGroup(name, like) // best effort: a group the user is not in stays the user's
	return os.Chmod(name, like.Mode()&(fs.ModePerm|fs.ModeSetgid)|0o700)
}

func (OS) WriteFile(name string, data []byte) (int64, error) {
	return rawfile.WriteFile(name, data, 0o644)
}

// CopyFile copies src to a new file name and returns its stamp, read
// before closing it as rawfile.WriteFile does.
func (OS) CopyFile(name, src string) (Stamp, error) {
	in, err := os.Open(src)
	if err != nil {
		return Stamp{}, err
	}
	defer in.Close()
	out, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return Stamp{}, err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return Stamp{}, err
	}
	info, err := out.Stat()
	if err != nil {
		out.Close()
		return Stamp{}, err
	}
	return StampOf(info), out.Close()
}

func (OS) Link(existing, name string) error { return os.Link(existing, name) }

func (OS) Rename(from, to string) error { return os.Rename(from, to) }

func (OS) Exchange(a, b string) error {
	if err := exchange(a, b); err != nil {
		return &os.LinkError{Op: "exchange", Old: a, New: b, Err: err}
	}
	return nil
}

func (OS) RemoveAll(name string) error { return os.RemoveAll(name) }

// noExchange is the error of a system or a file system that cannot swap
// two folders.
type noExchange struct{ err error }

func (e noExchange) Error() string        { return e.err.Error() }
func (e noExchange) Unwrap() error        { return e.err }
func (e noExchange) Is(target error) bool { return target == errors.ErrUnsupported }

// mkdirAll creates dir and its missing parents. The parent of a page's
// folder mostly exists already: one mkdir call then, not a stat of every
// parent first.
func mkdirAll(fsys FS, dir string) error {
	err := fsys.Mkdir(dir, nil)
	if err == nil || errors.Is(err, fs.ErrExist) {
		return nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if err := mkdirAll(fsys, filepath.Dir(dir)); err != nil {
		return err
	}
	if err := fsys.Mkdir(dir, nil); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	return nil
}
