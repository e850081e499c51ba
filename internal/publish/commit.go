package publish

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"syscall"

	"github.com/congkhai/congkhai/internal/msg"
)

// Commit puts the build in place, so that the destination is at every
// moment either the previous site or the new one, even if the process is
// killed midway:
//
//   - into a previous build, the staging folder (the spare folder beside
//     the destination) is first made the whole new site: what it holds
//     that the build does not produce is removed, and each file the build
//     found unchanged is hard-linked from the destination (its bytes,
//     mode and time stay; nothing is copied), unless the spare folder
//     already holds that very file. Then the two folders are swapped in
//     one rename, renameat2 with RENAME_EXCHANGE on Linux (renamex_np
//     with RENAME_SWAP on macOS). The previous site stays as the spare
//     folder, for the next build. Where the system or the file system
//     cannot swap, the previous site is renamed aside (.public.previous)
//     and the new one into its place, and the next Begin puts the
//     previous one back if the process ended between the two;
//   - into a new destination, the staging folder is renamed;
//   - a build that changed no file and finds nothing else in the
//     destination does nothing at all.
//
// A partial build (BeginPartial) moves each changed file over its old
// version instead, keeping the old ones aside until the end so that the
// destination is put back as it was if a move fails.
//
// On an error the destination is as it was; call Abort.
func (o *Output) Commit() error {
	o.mu.Lock()
	defer o.mu.Unlock()
	defer o.release()
	switch {
	case o.failed != nil:
		return o.failed
	case o.partial:
		return o.commitFiles()
	case o.prev == nil:
		return o.commitNew()
	}
	return o.commitWhole()
}

// commitNew renames the staging folder into a destination that does not
// exist.
func (o *Output) commitNew() error {
	if o.staging == "" { // a build with no output at all
		if err := o.fsys.Mkdir(o.dest, nil); err != nil && !errors.Is(err, fs.ErrExist) {
			return &Error{msg.T("creating the folder"), o.dest, err}
		}
		return nil
	}
	if err := o.complete(); err != nil {
		return err
	}
	if err := o.fsys.Rename(o.staging, o.dest); err != nil {
		return &Error{msg.T("putting the new site in place: renaming %s to", o.staging), o.dest, err}
	}
	o.staging = ""
	return nil
}

// commitWhole makes the staging folder the whole new site and swaps it
// with the previous build.
func (o *Output) commitWhole() error {
	if len(o.changed) == 0 {
		others, err := o.holdsOthers()
		if err != nil {
			return err
		}
		if !others {
			return nil
		}
		if err := o.makeStaging(); err != nil {
			return err
		}
	}
	if err := o.complete(); err != nil {
		return err
	}
	return o.swap()
}

// folders are the folders of the new site, as slash paths.
func (o *Output) folders() map[string]bool {
	dirs := map[string]bool{}
	for rel := range o.produced {
		for d := path.Dir(rel); d != "." && !dirs[d]; d = path.Dir(d) {
			dirs[d] = true
		}
	}
	return dirs
}

// holdsOthers reports whether the destination holds anything the build
// did not produce: a file, or a folder with none of its files.
func (o *Output) holdsOthers() (bool, error) {
	dirs := o.folders()
	found := false
	err := filepath.WalkDir(o.dest, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel := slashRel(o.dest, p)
		_, produced := o.produced[rel]
		if rel != "." && (d.IsDir() && !dirs[rel] || !d.IsDir() && !produced) {
			found = true
			return filepath.SkipAll
		}
		return nil
	})
	if err != nil {
		return false, &Error{msg.T("listing the files of"), o.dest, err}
	}
	return found, nil
}

// slashRel is the path of p in dir, in slash form.
func slashRel(dir, p string) string {
	rel, _ := filepath.Rel(dir, p)
	return filepath.ToSlash(rel)
}

// complete makes the staging folder the whole new site: from a spare
// folder it removes what the new site does not hold, then it hard-links
// every file the build found unchanged that it does not hold yet.
func (o *Output) complete() error {
	var have map[string]bool
	if !o.fresh {
		var err error
		if have, err = o.prune(); err != nil {
			return err
		}
	}
	return o.linkKept(have)
}

// prune removes from a spare folder the files the build does not produce,
// the folders that hold none of its files, and, of the files the build
// found unchanged, the versions that are not the destination's own file.
// It returns the unchanged files the spare folder holds as they are: the
// same file as the destination's (a hard link left by the last swap).
func (o *Output) prune() (map[string]bool, error) {
	dirs := o.folders()
	written := make(map[string]bool, len(o.changed))
	for _, rel := range o.changed {
		written[rel] = true
	}
	kept := make(map[string]bool, len(o.kept))
	for _, rel := range o.kept {
		kept[rel] = true
	}
	have := map[string]bool{}
	err := filepath.WalkDir(o.staging, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return &Error{msg.T("listing the files of"), o.staging, err}
		}
		rel := slashRel(o.staging, p)
		switch {
		case rel == ".", d.IsDir() && dirs[rel], !d.IsDir() && written[rel]:
			return nil
		case !d.IsDir() && kept[rel] && o.isDestFile(rel, d):
			have[rel] = true
			return nil
		}
		if err := o.fsys.RemoveAll(p); err != nil {
			return &Error{msg.T("removing the old file"), p, err}
		}
		if d.IsDir() {
			return filepath.SkipDir
		}
		return nil
	})
	return have, err
}

// isDestFile reports whether the entry d of the staging folder, at rel,
// is the very file the destination holds at rel: its inode number is the
// one the comparison found, or where there is none, os.SameFile says so.
func (o *Output) isDestFile(rel string, d fs.DirEntry) bool {
	info, err := d.Info()
	if err != nil {
		return false
	}
	if ino, ok := o.inodes[rel]; ok && inode(info) != 0 {
		return inode(info) == ino
	}
	destInfo, err := os.Lstat(filepath.Join(o.dest, filepath.FromSlash(rel)))
	return err == nil && os.SameFile(info, destInfo)
}

// linkKept adds to the staging folder a hard link to every file of the
// destination that the build found unchanged, except those it has. A file
// system without hard links gets a copy.
func (o *Output) linkKept(have map[string]bool) error {
	slices.Sort(o.kept)
	made := map[string]bool{o.staging: true}
	for _, rel := range o.kept {
		if have[rel] {
			continue
		}
		from := filepath.Join(o.dest, filepath.FromSlash(rel))
		to := filepath.Join(o.staging, filepath.FromSlash(rel))
		if dir := filepath.Dir(to); !made[dir] {
			if err := mkdirAll(o.fsys, dir); err != nil {
				return &Error{msg.T("creating the folder"), dir, err}
			}
			made[dir] = true
		}
		err := o.fsys.Link(from, to)
		if err != nil && noHardLinks(err) {
			var st Stamp
			if st, err = o.fsys.CopyFile(to, from); err == nil {
				o.stamps[rel] = st
			}
		}
		if err != nil {
			return &Error{msg.T("adding the unchanged file"), to, err}
		}
	}
	return nil
}

// noHardLinks reports whether err says that a hard link cannot be made
// here (a file system without them, a file of another user under
// protected_hardlinks), when a copy can.
func noHardLinks(err error) bool {
	return errors.Is(err, errors.ErrUnsupported) || errors.Is(err, syscall.EPERM) ||
		errors.Is(err, syscall.EXDEV) || errors.Is(err, syscall.EMLINK)
}

// swap puts the staging folder, now the whole new site, in the place of
// the previous build, which becomes the spare folder.
func (o *Output) swap() error {
	err := o.fsys.Exchange(o.staging, o.dest)
	switch {
	case errors.Is(err, errors.ErrUnsupported):
		err = o.swapByRenames()
	case err != nil:
		err = &Error{msg.T("swapping the new site %s with", o.staging), o.dest, err}
	}
	if err != nil {
		return err
	}
	o.staging = ""
	return nil
}

// asideName is the name, beside dest, of its previous site while
// swapByRenames replaces it.
func asideName(dest string) string { return "." + filepath.Base(dest) + ".previous" }

// swapByRenames replaces the previous build by the staging folder with
// renames: the destination aside, the staging folder in its place, and the
// previous site as the spare folder. Between the first two the
// destination is missing; recover puts the previous site back if the
// process ends there.
func (o *Output) swapByRenames() error {
	aside := filepath.Join(filepath.Dir(o.dest), asideName(o.dest))
	if err := o.fsys.Rename(o.dest, aside); err != nil {
		return &Error{msg.T("moving the previous site aside to"), aside, err}
	}
	if err := o.fsys.Rename(o.staging, o.dest); err != nil {
		failed := &Error{msg.T("putting the new site in place of"), o.dest, err}
		if undo := o.fsys.Rename(aside, o.dest); undo != nil {
			return msg.Errorf("%w; putting the previous site back failed too (%s), so %w in %s, and the next build puts it back", failed, Cause(undo), ErrSetAside, aside)
		}
		return failed
	}
	o.fsys.Rename(aside, o.staging) // or the next Begin does it
	return nil
}

// recover undoes what a build that did not finish left beside the
// destination: it puts back a previous site that swapByRenames had set
// aside when the new one is not in place (or makes it the spare folder
// when the new one is), and removes the staging folders and the old files
// of earlier versions and of partial builds. Begin calls it holding the
// lock, so that no other build is writing them. The spare folder needs
// nothing: a build puts right whatever it holds.
func (o *Output) recover() error {
	parent := filepath.Dir(o.dest)
	aside := filepath.Join(parent, asideName(o.dest))
	if _, err := os.Lstat(aside); err == nil {
		if _, err := os.Lstat(o.dest); errors.Is(err, fs.ErrNotExist) {
			if err := o.fsys.Rename(aside, o.dest); err != nil {
				return &Error{msg.T("putting back the previous site, set aside by a build that did not finish, from"), aside, err}
			}
		} else if err := o.fsys.Rename(aside, filepath.Join(parent, spareName(o.dest))); err != nil {
			if err := o.fsys.RemoveAll(aside); err != nil {
				return &Error{msg.T("removing the previous site left by a build that did not finish in"), aside, err}
			}
		}
	}
	entries, err := os.ReadDir(parent)
	if err != nil {
		return &Error{msg.T("listing the folder"), parent, err}
	}
	prefix := "." + filepath.Base(o.dest) + "."
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, prefix+"staging-") || strings.HasPrefix(name, prefix+"old") {
			left := filepath.Join(parent, name)
			if err := o.fsys.RemoveAll(left); err != nil {
				return &Error{msg.T("removing what a build that did not finish left in"), left, err}
			}
		}
	}
	return nil
}

// commitFiles moves each changed file of a partial build over its old
// version. The old versions are kept aside until the end, so that if a
// move fails the destination is put back as it was.
func (o *Output) commitFiles() error {
	tx := &commit{fsys: o.fsys, dest: o.dest}
	err := tx.run(o)
	if err != nil {
		if undoErr := tx.rollback(); undoErr != nil {
			return msg.Errorf("%w; putting the previous files back also failed: %s (the old files are in %s)", err, Cause(undoErr), tx.backup)
		}
	}
	if tx.backup != "" {
		o.fsys.RemoveAll(tx.backup) // or the next Begin does it
	}
	return err
}

// commit is the journal of a partial Commit: every move it made, so that
// they can be undone in reverse order.
type commit struct {
	fsys   FS
	dest   string
	backup string // beside the destination, created on the first move aside
	steps  []step
}

// step is one change a commit made: a move, a second name given to a
// file (linked), or a folder it created.
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
			return &Error{msg.T("putting in place"), target, err}
		}
	}
	slices.Sort(o.removed)
	for _, rel := range slices.Compact(o.removed) {
		if slices.Contains(o.changed, rel) {
			continue // written again by this build
		}
		target := filepath.Join(c.dest, filepath.FromSlash(rel))
		if info, err := os.Lstat(target); err != nil || info.IsDir() {
			continue
		}
		if err := c.aside(target); err != nil { // removed with the backup
			return err
		}
	}
	return nil
}

// move renames from to to, creating the folders it needs, and records it.
func (c *commit) move(from, to string) error {
	if err := c.mkdirAll(filepath.Dir(to)); err != nil {
		return err
	}
	if err := c.fsys.Rename(from, to); err != nil {
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
	if err := c.fsys.Mkdir(dir, nil); err != nil {
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
	if err := c.move(p, to); err != nil {
		return &Error{msg.T("moving aside"), p, err}
	}
	return nil
}

// keep puts a second name for the file p in the backup folder, so that the
// new version can be renamed over p: p never goes missing, even for a
// moment, and a reader (serve's) sees the old file or the new one, whole.
// The step is undone as a move back. Where hard links fail, p is moved
// aside.
func (c *commit) keep(p string) error {
	to, err := c.backupPath(p)
	if err != nil {
		return err
	}
	if err := c.mkdirAll(filepath.Dir(to)); err != nil {
		return err
	}
	if err := c.fsys.Link(p, to); err != nil {
		return c.aside(p)
	}
	c.steps = append(c.steps, step{from: p, to: to, linked: true})
	return nil
}

// backupPath is where p, in the destination, is kept during the commit;
// the backup folder is created on the first call.
func (c *commit) backupPath(p string) (string, error) {
	if c.backup == "" {
		b := filepath.Join(filepath.Dir(c.dest), "."+filepath.Base(c.dest)+".old")
		if err := c.fsys.Mkdir(b, nil); err != nil {
			return "", &Error{msg.T("creating a folder for the old files"), b, err}
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
			err = c.fsys.RemoveAll(st.mkdir)
		case st.linked:
			// Renaming a file onto another name of itself does nothing:
			// then the second name is removed.
			if err = c.fsys.Rename(st.to, st.from); err == nil {
				err = c.fsys.RemoveAll(st.to)
			}
		default:
			err = c.fsys.Rename(st.to, st.from)
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
