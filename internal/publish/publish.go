// Package publish writes a build into its destination so that the
// destination is always either the previous site or the new one, byte for
// byte, whatever stops the build (an error in the input, a full disk, the
// process killed), and a rebuild writes only what changed.
//
// Every output is compared with the file already in the destination; only
// new or changed files are written, into a staging folder beside the
// destination (.public.spare for public). Nothing in the destination is
// touched before Commit, which makes the staging folder the whole new
// site, with a hard link to each file that did not change, and swaps it
// with the destination in one step; the previous site is then the next
// build's staging folder. A build that changed nothing writes nothing at
// all. Begin first undoes what a build that was killed left.
package publish

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"syscall"

	"github.com/congkhai/congkhai/internal/msg"
	"github.com/congkhai/congkhai/internal/rawfile"
)

// Output is a build in progress.
type Output struct {
	fsys FS
	dest string      // absolute destination folder
	prev fs.FileInfo // the destination's folder, when it held a previous build

	// partial is set for a rebuild of some files only: Commit then moves
	// the changed files in and removes only those given to Remove.
	partial bool

	mu       sync.Mutex
	unlock   func()              // releases the lock Begin took; nil once released
	staging  string              // the spare folder, from the first changed file on
	fresh    bool                // the spare folder was made by this build: it holds only its files
	produced map[string]struct{} // every site path of this build
	changed  []string            // site paths written into staging
	removed  []string            // site paths a partial build takes out
	kept     []string            // site paths the destination already holds as they are
	inodes   map[string]uint64   // of kept files, where the system gives one
	stamps   map[string]Stamp    // of every file produced, as it will be in dest
	failed   error               // the first write that failed; every later one returns it
}

// Stamp is the size and modification time (Unix nanoseconds) of an output
// file: what the next build compares to know the output was not touched.
type Stamp struct{ Size, ModTime int64 }

// StampOf is the stamp of a file as os.Stat describes it.
func StampOf(info fs.FileInfo) Stamp { return Stamp{info.Size(), info.ModTime().UnixNano()} }

// CheckDestination refuses destinations where a build would destroy what
// it reads or what it does not own: the site folder itself, a folder that
// contains it, a folder inside one of its input folders, a file, or a
// non-empty folder that is not a previous build.
func CheckDestination(dest, source string, inputs []string) error {
	d, err := realPath(dest)
	if err != nil {
		return err
	}
	s, err := realPath(source)
	if err != nil {
		return err
	}
	if d == s {
		return msg.Errorf("destination %s is the site folder itself; choose a folder such as %s", dest, filepath.Join(source, "public"))
	}
	if within(s, d) {
		return msg.Errorf("destination %s contains the site folder %s; a build replaces its destination, so choose a folder inside the site such as public", dest, source)
	}
	for _, in := range inputs {
		in, err := realPath(filepath.Join(source, in))
		if err != nil {
			return err
		}
		if d == in || within(d, in) {
			return msg.Errorf("destination %s is inside the input folder %s; choose a folder such as %s", dest, in, filepath.Join(source, "public"))
		}
	}
	info, err := os.Stat(d)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil
	case err != nil:
		return err
	case !info.IsDir():
		return msg.Errorf("destination %s is a file, not a folder", dest)
	}
	entries, err := os.ReadDir(d)
	if err != nil {
		return err
	}
	if len(entries) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(d, "index.html")); err != nil {
		return msg.Errorf("destination %s is not empty and holds no index.html, so it does not look like a previous build; a build replaces its destination, so empty it or choose another folder", dest)
	}
	return nil
}

// realPath returns the absolute path of p with symbolic links resolved as
// far as p exists.
func realPath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	rest := ""
	for cur := abs; ; {
		if r, err := filepath.EvalSymlinks(cur); err == nil {
			return filepath.Join(r, rest), nil
		}
		parent := filepath.Dir(cur)
		if parent == cur {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(cur), rest)
		cur = parent
	}
}

// within reports whether p is strictly inside dir.
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// Begin starts a build into dest, through fsys (OS outside tests). Call
// CheckDestination first. It takes a lock that no other build into a
// folder beside dest can take until Commit or Abort, and first undoes what
// an earlier build that did not finish left there (recover).
func Begin(fsys FS, dest string) (*Output, error) {
	d, err := realPath(dest)
	if err != nil {
		return nil, err
	}
	parent := filepath.Dir(d)
	if _, err := os.Stat(parent); errors.Is(err, fs.ErrNotExist) {
		if err := mkdirAll(fsys, parent); err != nil {
			return nil, &Error{msg.T("creating the folder"), parent, err}
		}
	}
	unlock, err := lockFolder(parent)
	if errors.Is(err, errLocked) {
		return nil, msg.Errorf("another congkhai build is writing beside %s: wait for it to end", d)
	}
	if err != nil {
		return nil, &Error{msg.T("opening the folder"), parent, err}
	}
	o := &Output{fsys: fsys, dest: d, unlock: unlock, produced: map[string]struct{}{}, stamps: map[string]Stamp{}, inodes: map[string]uint64{}}
	if err := o.recover(); err != nil {
		unlock()
		return nil, err
	}
	if info, err := os.Stat(d); err == nil && info.IsDir() {
		o.prev = info
	}
	return o, nil
}

// BeginPartial starts a rebuild of some files of a previous build in dest:
// the files written replace their old versions, and every other file of
// dest stays. Each file is replaced in one rename, but not the files
// together: it is for serve's private folder, not for a published one.
func BeginPartial(fsys FS, dest string) (*Output, error) {
	o, err := Begin(fsys, dest)
	if err != nil {
		return nil, err
	}
	if o.prev == nil {
		o.Abort()
		return nil, msg.Errorf("%s holds no previous build to update", dest)
	}
	o.partial = true
	return o, nil
}

// clean checks a site path such as thu-tuc/x/index.html and returns it in
// slash form without a leading slash.
func clean(sitePath string) (string, error) {
	c := path.Clean("/" + sitePath)
	if c == "/" || c != "/"+strings.TrimPrefix(sitePath, "/") {
		return "", msg.Errorf("invalid output path %q", sitePath)
	}
	return c[1:], nil
}

// stage records sitePath and returns it cleaned with the staging file to
// write, or "" when the destination already holds exactly this content
// (same reports whether it does, and the stamp and inode number of the
// file that does).
func (o *Output) stage(sitePath string, same func(existing string) (Stamp, uint64, bool)) (rel, file string, err error) {
	rel, err = clean(sitePath)
	if err != nil {
		return "", "", err
	}
	o.mu.Lock()
	if o.failed != nil {
		o.mu.Unlock()
		return "", "", o.failed
	}
	if _, dup := o.produced[rel]; dup {
		o.mu.Unlock()
		return "", "", msg.Errorf("output %s written twice", rel)
	}
	o.produced[rel] = struct{}{}
	o.mu.Unlock()

	if o.prev != nil {
		existing := filepath.Join(o.dest, filepath.FromSlash(rel))
		if st, ino, ok := same(existing); ok {
			o.mu.Lock()
			o.stamps[rel] = st
			o.kept = append(o.kept, rel)
			if ino != 0 {
				o.inodes[rel] = ino
			}
			o.mu.Unlock()
			return rel, "", nil
		}
	}
	f, err := o.stagingFile(rel)
	return rel, f, err
}

// setStamp records the stamp of an output file.
func (o *Output) setStamp(rel string, st Stamp) {
	o.mu.Lock()
	o.stamps[rel] = st
	o.mu.Unlock()
}

// fail records err as the failure of the output, unless one came first,
// and returns it.
func (o *Output) fail(err error) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.failLocked(err)
}

func (o *Output) failLocked(err error) error {
	if o.failed == nil {
		o.failed = err
	}
	return err
}

// Err is the first write that failed, or nil. Once a write has failed,
// every later one returns the same error without writing, and Commit too.
func (o *Output) Err() error {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.failed
}

// stagingFile returns where rel is written, making the staging folder
// and the file's folders as needed.
func (o *Output) stagingFile(rel string) (string, error) {
	staging, err := o.stagingFolder(rel)
	if err != nil {
		return "", err
	}
	// Outside the lock: creating a folder waits for the disk, and the
	// workers create theirs side by side (mkdirAll accepts a folder that
	// another one created meanwhile).
	f := filepath.Join(staging, filepath.FromSlash(rel))
	err = o.room(f)
	if errors.Is(err, syscall.ENOTDIR) { // a file where one of f's folders goes
		if err = o.clearWay(f); err == nil {
			err = o.room(f)
		}
	}
	if err != nil {
		return "", o.fail(&Error{msg.T("making room for"), f, err})
	}
	return f, nil
}

// room makes way in the staging folder for the file f: its folders, and
// nothing in its place. In a spare folder the file there is most often a
// hard link to the one the destination holds: it is removed, never
// written into.
func (o *Output) room(f string) error {
	if dir := filepath.Dir(f); dir != o.staging {
		if err := mkdirAll(o.fsys, dir); err != nil {
			return err
		}
	}
	if o.fresh {
		return nil
	}
	return o.fsys.RemoveAll(f)
}

// clearWay removes the files of a spare folder that stand where a folder
// of f goes (the page that became a section). It holds o.mu, so that two
// workers never see one such file and one removes the folder the other
// made in its place.
func (o *Output) clearWay(f string) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	rel, err := filepath.Rel(o.staging, filepath.Dir(f))
	if err != nil {
		return err
	}
	cur := o.staging
	for _, part := range strings.Split(rel, string(filepath.Separator)) {
		cur = filepath.Join(cur, part)
		if info, err := os.Lstat(cur); err == nil && !info.IsDir() {
			if err := o.fsys.RemoveAll(cur); err != nil {
				return err
			}
		}
	}
	return nil
}

// stagingFolder records rel as changed and returns the staging folder,
// made on the first call.
func (o *Output) stagingFolder(rel string) (string, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if err := o.makeStaging(); err != nil {
		return "", o.failLocked(err)
	}
	o.changed = append(o.changed, rel)
	return o.staging, nil
}

// spareName is the name, beside dest, of its spare folder: the staging
// folder of a build, and once swapped, the previous site, which the next
// build reuses as its staging folder. Its folders are then already made,
// and most of its files are already hard links to the destination's.
func spareName(dest string) string { return "." + filepath.Base(dest) + ".spare" }

// makeStaging makes the staging folder, once: the spare folder, made with
// the mode and group of the previous build's folder unless it exists.
// o.mu is held.
func (o *Output) makeStaging() error {
	if o.staging != "" {
		return nil
	}
	spare := filepath.Join(filepath.Dir(o.dest), spareName(o.dest))
	if info, err := os.Lstat(spare); err == nil && !info.IsDir() {
		if err := o.fsys.RemoveAll(spare); err != nil {
			return &Error{msg.T("removing the file"), spare, err}
		}
	}
	err := o.fsys.Mkdir(spare, o.prev)
	switch {
	case err == nil:
		o.fresh = true
	case !errors.Is(err, fs.ErrExist):
		return &Error{msg.T("creating the staging folder"), spare, err}
	}
	o.staging = spare
	return nil
}

// WriteFile writes one output file, unless the destination already holds
// these exact bytes. It is safe for concurrent use.
func (o *Output) WriteFile(sitePath string, data []byte) error {
	rel, f, err := o.stage(sitePath, func(existing string) (Stamp, uint64, bool) {
		held, same := rawfile.Holds(existing, data)
		return Stamp{int64(len(data)), held.MTime}, held.Inode, same
	})
	if err != nil || f == "" {
		return err
	}
	mtime, err := o.fsys.WriteFile(f, data)
	if err != nil {
		return o.fail(&Error{msg.T("writing"), f, err})
	}
	o.setStamp(rel, Stamp{int64(len(data)), mtime})
	return nil
}

// CopyFile copies the file at src to sitePath, unless the destination
// already holds the same bytes.
func (o *Output) CopyFile(sitePath, src string) error {
	rel, f, err := o.stage(sitePath, func(existing string) (Stamp, uint64, bool) { return sameFile(existing, src) })
	if err != nil || f == "" {
		return err
	}
	st, err := o.fsys.CopyFile(f, src)
	if err != nil {
		return o.fail(&Error{msg.T("copying %s to", src), f, err})
	}
	o.setStamp(rel, st)
	return nil
}

// sameFile reports whether the file a holds the same bytes as b, and if
// so a's stamp and inode number.
func sameFile(a, b string) (Stamp, uint64, bool) {
	ia, err := os.Stat(a)
	if err != nil || !ia.Mode().IsRegular() {
		return Stamp{}, 0, false
	}
	ib, err := os.Stat(b)
	if err != nil || ia.Size() != ib.Size() {
		return Stamp{}, 0, false
	}
	fa, err := os.Open(a)
	if err != nil {
		return Stamp{}, 0, false
	}
	defer fa.Close()
	fb, err := os.Open(b)
	if err != nil {
		return Stamp{}, 0, false
	}
	defer fb.Close()
	bufA, bufB := make([]byte, 32*1024), make([]byte, 32*1024)
	for {
		na, errA := io.ReadFull(fa, bufA)
		nb, errB := io.ReadFull(fb, bufB)
		if na != nb || !bytes.Equal(bufA[:na], bufB[:nb]) {
			return Stamp{}, 0, false
		}
		if errA != nil || errB != nil {
			// Both ended together: as na == nb, both say EOF (nothing
			// more) or both ErrUnexpectedEOF (a last partial block).
			return StampOf(ia), inode(ia), errA == errB
		}
	}
}

// Remove takes the file at sitePath out of the destination when a partial
// build commits, as one step of the commit: undone with the others if a
// later one fails. (A whole build publishes only what it produced: it
// needs no Remove.) A file that is not there is no error.
func (o *Output) Remove(sitePath string) error {
	rel, err := clean(sitePath)
	if err != nil {
		return err
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	if !o.partial {
		return msg.Errorf("publish: Remove(%q) in a whole build", sitePath)
	}
	o.removed = append(o.removed, rel)
	return nil
}

// Changed reports how many files the build wrote (new or different).
func (o *Output) Changed() int {
	o.mu.Lock()
	defer o.mu.Unlock()
	return len(o.changed)
}

// Stamps returns the size and modification time of every file the build
// produced, keyed by slash path: after a successful Commit of a whole
// build, exactly the files of the destination.
func (o *Output) Stamps() map[string]Stamp {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.stamps
}

// Abort releases the lock, and removes the staging folder if the build
// made it; the destination is untouched. A spare folder that was there
// stays, with what the build wrote into it: the next build puts it right.
func (o *Output) Abort() {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.staging != "" && o.fresh {
		o.fsys.RemoveAll(o.staging)
	}
	o.staging = ""
	o.release()
}

// release releases the lock Begin took. o.mu is held.
func (o *Output) release() {
	if o.unlock != nil {
		o.unlock()
		o.unlock = nil
	}
}
