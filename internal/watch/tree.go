package watch

import (
	"errors"
	"io/fs"
	"path"
	"path/filepath"
	"strings"

	"github.com/fsnotify/fsnotify"

	"github.com/congkhai/congkhai/internal/msg"
)

// tree knows which folders under the root are watched and which paths are
// reported. Folders are watched when they hold a watched path (a target) or
// lie inside one; the others are skipped. Only the goroutine running New,
// then the Watcher's run loop, touches it.
type tree struct {
	root    string   // absolute
	targets []string // slash-separated, relative to root, cleaned
	ignore  []string // slash-separated, relative to root, cleaned
	// fs holds the watches, and its WatchList is the one list of the
	// watched folders: fsnotify drops some watches itself (of a folder
	// removed or moved away), which a list of our own would still hold.
	fs *fsnotify.Watcher
}

// newTree checks the watched paths and the ignored folders.
func newTree(root string, paths, ignore []string, fsw *fsnotify.Watcher) (*tree, error) {
	if len(paths) == 0 {
		return nil, msg.Errorf("no paths to watch")
	}
	t := &tree{root: root, fs: fsw}
	for _, p := range paths {
		c := path.Clean(filepath.ToSlash(p))
		if p == "" || path.IsAbs(c) || filepath.IsAbs(p) || c == ".." || strings.HasPrefix(c, "../") {
			return nil, msg.Errorf("path %q: want a path relative to %s, inside it", p, root)
		}
		t.targets = append(t.targets, c)
	}
	for _, p := range ignore {
		if filepath.IsAbs(p) {
			r, ok := t.rel(p)
			if !ok {
				continue // outside the root: never watched anyway
			}
			p = r
		}
		if c := path.Clean(filepath.ToSlash(p)); c != "." && c != "" {
			t.ignore = append(t.ignore, c)
		}
	}
	return t, nil
}

// rel turns an absolute path from fsnotify into a slash-separated path
// relative to the root; ok is false outside the root.
func (t *tree) rel(name string) (string, bool) {
	r, err := filepath.Rel(t.root, name)
	if err != nil {
		return "", false
	}
	r = filepath.ToSlash(r)
	if r == ".." || strings.HasPrefix(r, "../") {
		return "", false
	}
	return r, true
}

// add watches the folder rel and the folders below it that hold or lie in
// a target. With collect, it returns the reported paths it finds, rel
// included: a new folder, and what was put in it before its watch existed.
func (t *tree) add(rel string, collect bool) ([]string, error) {
	var (
		found []string
		errs  []error
	)
	start := filepath.Join(t.root, filepath.FromSlash(rel))
	_ = filepath.WalkDir(start, func(p string, d fs.DirEntry, err error) error {
		r, ok := t.rel(p)
		if !ok {
			return nil
		}
		if err != nil {
			if !errors.Is(err, fs.ErrNotExist) { // gone meanwhile: its removal is an event
				errs = append(errs, msg.Errorf("read %s: %w", r, err))
			}
			return nil
		}
		if !d.IsDir() { // symbolic links to folders are not followed
			if collect && t.reported(r) {
				found = append(found, r)
			}
			return nil
		}
		if t.ignored(r) || !(t.inside(r) || t.holds(r)) {
			return filepath.SkipDir
		}
		if collect && t.reported(r) {
			found = append(found, r)
		}
		// Watch first, then WalkDir reads the entries: a file created in
		// between is listed, an event, or both — never missed.
		if err := t.fs.Add(p); err != nil {
			if !errors.Is(err, fs.ErrNotExist) {
				errs = append(errs, msg.Errorf("add %s: %w", r, err))
			}
			return filepath.SkipDir
		}
		return nil
	})
	return found, errors.Join(errs...)
}

// forget drops the watches of the folder rel and of every folder below it,
// after it was removed or renamed away. fsnotify drops some of them itself;
// the others would keep reporting under the old name.
func (t *tree) forget(rel string) {
	for _, name := range t.fs.WatchList() {
		r, ok := t.rel(name)
		if ok && (r == rel || rel == "." || strings.HasPrefix(r, rel+"/")) {
			_ = t.fs.Remove(name)
		}
	}
}

// reported reports whether a change to rel belongs in a batch.
func (t *tree) reported(rel string) bool {
	return t.inside(rel) && !t.ignored(rel) && !isEditorFile(path.Base(rel))
}

// inside reports whether rel is a target or lies in one.
func (t *tree) inside(rel string) bool {
	for _, target := range t.targets {
		if target == "." || rel == target || strings.HasPrefix(rel, target+"/") {
			return true
		}
	}
	return false
}

// holds reports whether the folder rel contains a target, so it must be
// watched to see the target appear.
func (t *tree) holds(rel string) bool {
	for _, target := range t.targets {
		if rel == "." || strings.HasPrefix(target, rel+"/") {
			return true
		}
	}
	return false
}

// ignored reports whether rel is, or lies in, a hidden folder, node_modules
// or a folder of Options.Ignore. The root itself is never ignored.
func (t *tree) ignored(rel string) bool {
	if rel == "." {
		return false
	}
	for _, part := range strings.Split(rel, "/") {
		if strings.HasPrefix(part, ".") || part == "node_modules" {
			return true
		}
	}
	for _, ig := range t.ignore {
		if rel == ig || strings.HasPrefix(rel, ig+"/") {
			return true
		}
	}
	return false
}
