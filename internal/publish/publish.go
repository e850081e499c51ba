// Package publish writes a build into its destination so that a failed
// build leaves the previous output exactly as it was, and a rebuild writes
// only what changed.
//
// Every output is compared with the file already in the destination; only
// new or changed files are written, into a staging folder beside the
// destination. Commit then moves them into place and removes the files the
// build no longer produces. Nothing in the destination is touched before
// Commit, and a build that changed nothing writes nothing at all.
package publish

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/congkhai/congkhai/internal/rawfile"
)

// Output is a build in progress.
type Output struct {
	dest    string // absolute destination folder
	existed bool   // the destination held a previous build

	// rename is os.Rename; tests replace it to make a commit fail midway.
	rename func(from, to string) error

	// partial is set for a rebuild of some files only: Commit then moves
	// the changed files in and removes nothing.
	partial bool

	mu       sync.Mutex
	staging  string              // created on the first changed file
	produced map[string]struct{} // every site path of this build
	changed  []string            // site paths written into staging
	stamps   map[string]Stamp    // of every file produced, as it will be in dest
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
		return fmt.Errorf("destination %s is the site folder itself; choose a folder such as %s", dest, filepath.Join(source, "public"))
	}
	if within(s, d) {
		return fmt.Errorf("destination %s contains the site folder %s; a build replaces its destination, so choose a folder inside the site such as public", dest, source)
	}
	for _, in := range inputs {
		in, err := realPath(filepath.Join(source, in))
		if err != nil {
			return err
		}
		if d == in || within(d, in) {
			return fmt.Errorf("destination %s is inside the input folder %s; choose a folder such as %s", dest, in, filepath.Join(source, "public"))
		}
	}
	info, err := os.Stat(d)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil
	case err != nil:
		return err
	case !info.IsDir():
		return fmt.Errorf("destination %s is a file, not a folder", dest)
	}
	entries, err := os.ReadDir(d)
	if err != nil {
		return err
	}
	if len(entries) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(d, "index.html")); err != nil {
		return fmt.Errorf("destination %s is not empty and holds no index.html, so it does not look like a previous build; a build replaces its destination, so empty it or choose another folder", dest)
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

// Begin starts a build into dest. Call CheckDestination first.
func Begin(dest string) (*Output, error) {
	d, err := realPath(dest)
	if err != nil {
		return nil, err
	}
	info, err := os.Stat(d)
	existed := err == nil && info.IsDir()
	return &Output{dest: d, existed: existed, produced: map[string]struct{}{}, stamps: map[string]Stamp{}, rename: os.Rename}, nil
}

// BeginPartial starts a rebuild of some files of a previous build in dest:
// the files written replace their old versions, and every other file of
// dest stays.
func BeginPartial(dest string) (*Output, error) {
	o, err := Begin(dest)
	if err != nil {
		return nil, err
	}
	if !o.existed {
		return nil, fmt.Errorf("%s holds no previous build to update", dest)
	}
	o.partial = true
	return o, nil
}

// clean checks a site path such as thu-tuc/x/index.html and returns it in
// slash form without a leading slash.
func clean(sitePath string) (string, error) {
	c := path.Clean("/" + sitePath)
	if c == "/" || c != "/"+strings.TrimPrefix(sitePath, "/") {
		return "", fmt.Errorf("invalid output path %q", sitePath)
	}
	return c[1:], nil
}

// stage records sitePath and returns it cleaned with the staging file to
// write, or "" when the destination already holds exactly this content
// (same reports whether it does, and the stamp of the file that does).
func (o *Output) stage(sitePath string, same func(existing string) (Stamp, bool)) (rel, file string, err error) {
	rel, err = clean(sitePath)
	if err != nil {
		return "", "", err
	}
	o.mu.Lock()
	if _, dup := o.produced[rel]; dup {
		o.mu.Unlock()
		return "", "", fmt.Errorf("output %s written twice", rel)
	}
	o.produced[rel] = struct{}{}
	o.mu.Unlock()

	if o.existed {
		existing := filepath.Join(o.dest, filepath.FromSlash(rel))
		if st, ok := same(existing); ok {
			o.setStamp(rel, st)
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

// stagingFile returns where rel is written, creating the staging folder
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
	if err := mkdirAll(filepath.Dir(f)); err != nil {
		return "", err
	}
	return f, nil
}

// stagingFolder records rel as changed and returns the staging folder,
// created on the first call.
func (o *Output) stagingFolder(rel string) (string, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.staging == "" {
		parent := filepath.Dir(o.dest)
		if err := os.MkdirAll(parent, 0o755); err != nil {
			return "", err
		}
		staging, err := os.MkdirTemp(parent, "."+filepath.Base(o.dest)+".staging-")
		if err != nil {
			return "", fmt.Errorf("creating a staging folder beside %s: %w", o.dest, err)
		}
		if err := os.Chmod(staging, 0o755); err != nil {
			return "", err
		}
		o.staging = staging
	}
	o.changed = append(o.changed, rel)
	return o.staging, nil
}

// WriteFile writes one output file, unless the destination already holds
// these exact bytes. It is safe for concurrent use.
func (o *Output) WriteFile(sitePath string, data []byte) error {
	rel, f, err := o.stage(sitePath, func(existing string) (Stamp, bool) {
		mtime, same := rawfile.Holds(existing, data)
		return Stamp{int64(len(data)), mtime}, same
	})
	if err != nil || f == "" {
		return err
	}
	mtime, err := rawfile.WriteFile(f, data, 0o644)
	if err != nil {
		return err
	}
	o.setStamp(rel, Stamp{int64(len(data)), mtime})
	return nil
}

// CopyFile copies the file at src to sitePath, unless the destination
// already holds the same bytes.
func (o *Output) CopyFile(sitePath, src string) error {
	rel, f, err := o.stage(sitePath, func(existing string) (Stamp, bool) { return sameFile(existing, src) })
	if err != nil || f == "" {
		return err
	}
	st, err := copyFile(f, src)
	if err != nil {
		return err
	}
	o.setStamp(rel, st)
	return nil
}

// copyFile copies the file at src to a new file f and returns f's stamp,
// read before closing it as rawfile.WriteFile does.
func copyFile(f, src string) (Stamp, error) {
	in, err := os.Open(src)
	if err != nil {
		return Stamp{}, err
	}
	defer in.Close()
	out, err := os.OpenFile(f, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
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

// sameFile reports whether the file a holds the same bytes as b, and if
// so a's stamp.
func sameFile(a, b string) (Stamp, bool) {
	ia, err := os.Stat(a)
	if err != nil || !ia.Mode().IsRegular() {
		return Stamp{}, false
	}
	ib, err := os.Stat(b)
	if err != nil || ia.Size() != ib.Size() {
		return Stamp{}, false
	}
	fa, err := os.Open(a)
	if err != nil {
		return Stamp{}, false
	}
	defer fa.Close()
	fb, err := os.Open(b)
	if err != nil {
		return Stamp{}, false
	}
	defer fb.Close()
	bufA, bufB := make([]byte, 32*1024), make([]byte, 32*1024)
	for {
		na, errA := io.ReadFull(fa, bufA)
		nb, errB := io.ReadFull(fb, bufB)
		if na != nb || !bytes.Equal(bufA[:na], bufB[:nb]) {
			return Stamp{}, false
		}
		if errA != nil || errB != nil {
			// Both ended together: as na == nb, both say EOF (nothing
			// more) or both ErrUnexpectedEOF (a last partial block).
			return StampOf(ia), errA == errB
		}
	}
}

// mkdirAll is os.MkdirAll for the common case of a build, where the
// parent of a page's folder exists already: one mkdir call, not a stat of
// every parent first.
func mkdirAll(dir string) error {
	err := os.Mkdir(dir, 0o755)
	if err == nil || errors.Is(err, fs.ErrExist) {
		return nil
	}
	return os.MkdirAll(dir, 0o755)
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

// Commit puts the build in place. Into a new destination the staging folder
// is renamed as a whole. Into a previous build each changed file is moved
// over its old version, then every file the build did not produce is
// removed, with the folders left empty. The old versions are kept aside
// until the end, so that if a move fails the destination is put back as it
// was.
func (o *Output) Commit() error {
	o.mu.Lock()
	defer o.mu.Unlock()
	if !o.existed {
		if o.staging == "" { // a build with no output at all
			return os.MkdirAll(o.dest, 0o755)
		}
		if err := os.Rename(o.staging, o.dest); err != nil {
			return fmt.Errorf("putting the output in place: %w", err)
		}
		o.staging = ""
		return nil
	}
	tx := &commit{dest: o.dest, rename: o.rename}
	if err := tx.run(o); err != nil {
		if undoErr := tx.rollback(); undoErr != nil {
			return fmt.Errorf("%w; putting the previous output back also failed: %v (the old files are in %s)", err, undoErr, tx.backup)
		}
		os.RemoveAll(tx.backup)
		return err
	}
	os.RemoveAll(tx.backup)
	if o.staging != "" {
		os.RemoveAll(o.staging)
		o.staging = ""
	}
	return nil
}

// commit is the journal of one Commit into a previous build: every move it
// made, so that they can be undone in reverse order.
type commit struct {
	rename func(from, to string) error
	dest   string
	backup string // beside the destination, created on the first move aside
	steps  []step
}

// step is one change a commit made: a move, or a folder it created.
type step struct {
	from, to string // a move, or a second name to for from (linked)
	linked   bool
	mkdir    string // a folder created
}

func (c *commit) run(o *Output) error {
	slices.Sort(o.changed)
	for _, rel := range o.changed {
		if err := c.makeRoom(rel); err != nil {
			return err
		}
		target := filepath.Join(c.dest, filepath.FromSlash(rel))
		if err := c.move(filepath.Join(o.staging, filepath.FromSlash(rel)), target); err != nil {
			return fmt.Errorf("putting %s in place: %w", rel, err)
		}
	}
	if o.partial {
		return nil
	}
	return c.removeStale(o.produced)
}

// move renames from to to, creating the folders it needs, and records it.
func (c *commit) move(from, to string) error {
	if err := c.mkdirAll(filepath.Dir(to)); err != nil {
		return err
	}
	if err := c.rename(from, to); err != nil {
		return err
	}
	c.steps = append(c.steps, step{from: from, to: to})
	return nil
}

// mkdirAll creates dir and its missing parents, recording each.
func (c *commit) mkdirAll(dir string) error {
	if info, err := os.Stat(dir); err == nil && info.IsDir() {
		return nil
	}
	if err := c.mkdirAll(filepath.Dir(dir)); err != nil {
		return err
	}
	if err := os.Mkdir(dir, 0o755); err != nil {
		return err
	}
	c.steps = append(c.steps, step{mkdir: dir})
	return nil
}

// aside moves a file or folder of the destination into the backup folder.
func (c *commit) aside(p string) error {
	to, err := c.backupPath(p)
	if err != nil {
		return err
	}
	return c.move(p, to)
}

// keep puts a second name for the file p in the backup folder, so that the
// new version can be renamed over p: p never goes missing, even for a
// moment, and a reader sees the old file or the new one, whole. The step
// is undone as a move back. Where hard links fail, p is moved aside.
func (c *commit) keep(p string) error {
	to, err := c.backupPath(p)
	if err != nil {
		return err
	}
	if err := c.mkdirAll(filepath.Dir(to)); err != nil {
		return err
	}
	if err := os.Link(p, to); err != nil {
		return c.move(p, to)
	}
	c.steps = append(c.steps, step{from: p, to: to, linked: true})
	return nil
}

// backupPath is where p, in the destination, is kept during the commit;
// the backup folder is created on the first call.
func (c *commit) backupPath(p string) (string, error) {
	if c.backup == "" {
		b, err := os.MkdirTemp(filepath.Dir(c.dest), "."+filepath.Base(c.dest)+".old-")
		if err != nil {
			return "", err
		}
		c.backup = b
	}
	rel, err := filepath.Rel(c.dest, p)
	if err != nil {
		return "", err
	}
	return filepath.Join(c.backup, rel), nil
}

// rollback undoes every step, newest first.
func (c *commit) rollback() error {
	var first error
	for i := len(c.steps) - 1; i >= 0; i-- {
		st := c.steps[i]
		var err error
		switch {
		case st.mkdir != "":
			err = os.Remove(st.mkdir)
		case st.linked:
			// Renaming a file onto another name of itself does nothing:
			// then the second name is removed.
			if err = os.Rename(st.to, st.from); err == nil {
				if rmErr := os.Remove(st.to); !errors.Is(rmErr, fs.ErrNotExist) {
					err = rmErr
				}
			}
		default:
			err = os.Rename(st.to, st.from)
		}
		if err != nil && first == nil {
			first = err
		}
	}
	return first
}

// makeRoom keeps the old version of rel (kept, to be replaced in one
// rename), and moves aside what stands in the way of writing it: a folder
// where the file goes, or a file where one of its folders goes (a page that
// became a section).
func (c *commit) makeRoom(rel string) error {
	parts := strings.Split(rel, "/")
	cur := c.dest
	for i, part := range parts {
		cur = filepath.Join(cur, part)
		info, err := os.Lstat(cur)
		if err != nil {
			return nil
		}
		last := i == len(parts)-1
		if last && info.Mode().IsRegular() {
			return c.keep(cur) // the new version is renamed over it
		}
		if last || !info.IsDir() {
			return c.aside(cur)
		}
	}
	return nil
}

// removeStale moves aside the destination's files that this build did not
// produce, then deletes the folders left empty.
func (c *commit) removeStale(produced map[string]struct{}) error {
	var stale, dirs []string
	err := filepath.WalkDir(c.dest, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(c.dest, p)
		if d.IsDir() {
			if rel != "." {
				dirs = append(dirs, p)
			}
			return nil
		}
		if _, ok := produced[filepath.ToSlash(rel)]; !ok {
			stale = append(stale, p)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("listing old files in %s: %w", c.dest, err)
	}
	for _, p := range stale {
		if err := c.aside(p); err != nil {
			return fmt.Errorf("removing the old file %s: %w", p, err)
		}
	}
	slices.Reverse(dirs) // children before parents
	for _, d := range dirs {
		os.Remove(d) // fails, as it should, when not empty
	}
	return nil
}

// Abort removes the staging folder; the destination is untouched.
func (o *Output) Abort() {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.staging != "" {
		os.RemoveAll(o.staging)
		o.staging = ""
	}
}
