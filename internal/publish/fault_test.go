package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
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

// site is a destination with a previous build in it, and the files of a
// new build of it.
type site struct {
	root, dest, form string
	first, spare     bool              // how reset leaves it
	older, previous  map[string]string // the files of the two builds before
	old, new         map[string]string // the trees, as tree gives them
}

// newSiteBuild makes a site; reset puts a previous build in it. With
// first there is none; with spare a build has swapped once already, so
// that the spare folder beside it holds an older site, partly hard links
// to the previous build's files.
func newSiteBuild(t *testing.T, first, spare bool) *site {
	t.Helper()
	root := t.TempDir()
	s := &site{root: root, dest: filepath.Join(root, "public"), form: filepath.Join(root, "form.docx"), first: first, spare: spare}
	write(t, s.form, "form")
	s.older = map[string]string{"index.html": "older home", "a/index.html": "old a", "gone/index.html": "gone", "same.txt": "same", "css/x.css": "same css", "page": "a file where a folder will go"}
	s.previous = map[string]string{"index.html": "old home", "a/index.html": "old a", "stale/index.html": "stale", "same.txt": "same", "css/x.css": "same css", "page": "a file where a folder will go", "sitemap.xml/x": "a folder where a file will go"}
	s.new = map[string]string{
		"index.html": "new home", "a/": "", "a/index.html": "old a", "b/": "", "b/index.html": "new b",
		"page/": "", "page/index.html": "new section", "same.txt": "same", "css/": "", "css/x.css": "same css",
		"sitemap.xml": "<urlset/>", "bieu-mau/": "", "bieu-mau/to-khai.docx": "form",
	}
	return s
}

// reset puts the site back as newSiteBuild describes, whatever a test
// did to it, by building the older and the previous site: a site folder
// for each case, reused, makes far fewer folders than a new one each
// time, which a file system without a journal is slow at (BENCHMARKS.md).
func (s *site) reset(t *testing.T) {
	t.Helper()
	spare := filepath.Join(s.root, ".public.spare")
	builds := []map[string]string{s.older, s.previous}
	switch {
	case s.first:
		builds = nil
	case !s.spare:
		builds = builds[1:]
	}
	for _, files := range builds {
		if err := publishAll(OS{}, s.dest, files, ""); err != nil {
			t.Fatal(err)
		}
	}
	if !s.spare {
		os.RemoveAll(spare)
	}
	if s.first {
		os.RemoveAll(s.dest)
	}
	s.old = nil
	if !s.first {
		s.old = treeOf(s.previous)
		if got := tree(t, s.dest); !maps.Equal(got, s.old) {
			t.Fatalf("after reset the destination is %q", got)
		}
	}
	want := []string{}
	if s.spare {
		want = []string{".public.spare"}
		if got := tree(t, spare); !maps.Equal(got, treeOf(s.older)) {
			t.Fatalf("after reset the spare folder is %q", got)
		}
	}
	if got := s.beside(t); !slices.Equal(got, want) {
		t.Fatalf("after reset, beside the destination: %q", got)
	}
}

// treeOf is the tree, as tree gives it, of a folder holding files.
func treeOf(files map[string]string) map[string]string {
	out := map[string]string{}
	for p, text := range files {
		out[p] = text
		for d := path.Dir(p); d != "."; d = path.Dir(d) {
			out[d+"/"] = ""
		}
	}
	return out
}

// build publishes the new files of s through fsys.
func (s *site) build(fsys FS) error {
	files := map[string]string{}
	for p, text := range s.new {
		if !strings.HasSuffix(p, "/") && p != "bieu-mau/to-khai.docx" {
			files[p] = text
		}
	}
	return publishAll(fsys, s.dest, files, s.form)
}

// publishAll builds files (and, when form is set, a copy of it) into dest
// as a build does: Begin, each file, Commit, and Abort on any error.
func publishAll(fsys FS, dest string, files map[string]string, form string) error {
	out, err := Begin(fsys, dest)
	if err != nil {
		return err
	}
	for _, p := range slices.Sorted(maps.Keys(files)) {
		if err := out.WriteFile(p, []byte(files[p])); err != nil {
			out.Abort()
			return err
		}
	}
	if form != "" {
		if err := out.CopyFile("bieu-mau/to-khai.docx", form); err != nil {
			out.Abort()
			return err
		}
	}
	if err := out.Commit(); err != nil {
		out.Abort()
		return err
	}
	return nil
}

// beside lists what is beside the destination, but the form file.
func (s *site) beside(t *testing.T) []string {
	t.Helper()
	return slices.DeleteFunc(entries(t, s.root), func(n string) bool { return n == "form.docx" || n == "public" })
}

// checkNextBuild checks that a build with nothing failing, after whatever
// happened before, puts the new site in place and leaves nothing beside
// it but the spare folder, which is then the site it replaced, if any.
func (s *site) checkNextBuild(t *testing.T, step string) {
	t.Helper()
	var replaced map[string]string
	if _, err := os.Stat(s.dest); err == nil {
		replaced = tree(t, s.dest)
	}
	if err := s.build(OS{}); err != nil {
		t.Fatalf("%s: the next build: %v", step, err)
	}
	if got := tree(t, s.dest); !maps.Equal(got, s.new) {
		t.Fatalf("%s: after the next build the destination is %q, want %q", step, got, s.new)
	}
	got := s.beside(t)
	switch {
	case replaced == nil: // a first build, renamed into place
		if len(got) != 0 {
			t.Errorf("%s: after the next build, beside the new destination: %q", step, got)
		}
	case maps.Equal(replaced, s.new): // nothing to do
		if len(got) > 1 || len(got) == 1 && got[0] != ".public.spare" {
			t.Errorf("%s: after the next build, beside the destination: %q", step, got)
		}
	default:
		if !slices.Equal(got, []string{".public.spare"}) {
			t.Errorf("%s: after the next build, beside the destination: %q", step, got)
		} else if spare := tree(t, filepath.Join(s.root, ".public.spare")); !maps.Equal(spare, replaced) {
			t.Errorf("%s: the spare folder is %q, want the site it replaced, %q", step, spare, replaced)
		}
	}
}

// TestWriteFaults makes each kind of file system call fail in turn, as a
// full disk, a read-only disk or a folder without permission would, and
// checks that the build says which file and why in plain words, that the
// previous site is exactly as it was, and that the next build recovers.
func TestWriteFaults(t *testing.T) {
	// Every call of a kind fails in turn, with each of the three causes in
	// turn: the cause does not change what the build does, only what it
	// says.
	causes := []struct {
		errno syscall.Errno
		words string
	}{
		{syscall.ENOSPC, "the disk is full (no space left on device)"},
		{syscall.EROFS, "the disk is mounted read-only (read-only file system)"},
		{syscall.EACCES, "this user may not write there (permission denied)"},
	}
	for _, op := range []string{"create", "write", "close", "rename", "remove"} {
		for _, variant := range []struct {
			name              string
			spare, noExchange bool
		}{{"first swap", false, false}, {"spare folder", true, false}, {"no exchange", true, true}} {
			t.Run(op+"/"+variant.name, func(t *testing.T) {
				if testing.Short() && !variant.spare || testing.Short() && variant.noExchange {
					t.Skip("-short: the spare folder's case only, which makes every kind of call")
				}
				t.Parallel()
				hits := 0
				s := newSiteBuild(t, false, variant.spare)
				for nth := 1; ; nth++ {
					cause := causes[nth%len(causes)]
					s.reset(t)
					// A staging folder that a killed build of an earlier
					// version left: the build removes it.
					write(t, filepath.Join(s.root, ".public.staging-1", "index.html"), "killed")
					fsys := &faultFS{op: op, nth: nth, err: cause.errno, noExchange: variant.noExchange}
					err := s.build(fsys)
					if !fsys.reached() {
						if err != nil {
							t.Fatalf("call %d never made, and the build failed: %v", nth, err)
						}
						break
					}
					hits++
					step := fmt.Sprintf("%s call %d (%s)", op, nth, cause.errno)
					if err == nil {
						// Only a step after the new site is in place may
						// fail without failing the build: the previous
						// site becoming the spare folder.
						if got := tree(t, s.dest); !maps.Equal(got, s.new) {
							t.Fatalf("%s failed, the build succeeded, and the destination is %q", step, got)
						}
					} else {
						msg := err.Error()
						if !strings.Contains(msg, cause.words) || !strings.Contains(msg, s.root) {
							t.Errorf("%s: error %q does not name the file (in %s) and the cause %q", step, msg, s.root, cause.words)
						}
						if got := tree(t, s.dest); !maps.Equal(got, s.old) {
							t.Fatalf("%s: the build failed (%v) and the destination changed: %q, want %q", step, err, got, s.old)
						}
					}
					s.checkNextBuild(t, step)
				}
				if hits == 0 {
					t.Fatalf("no %s call was made", op)
				}
			})
		}
	}
}

// TestKilledAtEveryStep stops the build at each file system call in turn,
// as if the process were killed there (before the call, or just after it):
// nothing is cleaned up or rolled back. The destination must be the
// previous site or the new one, whole, and the next build must put the
// new one in place and leave nothing else.
func TestKilledAtEveryStep(t *testing.T) {
	for _, v := range []struct {
		name                     string
		first, spare, noExchange bool
		long                     bool // skipped by -short: TestWriteFaults goes the same way
	}{
		{name: "first build", first: true},
		{name: "first swap", long: true},
		{name: "spare folder", spare: true},
		{name: "no exchange", spare: true, noExchange: true},
		{name: "no exchange, first swap", noExchange: true, long: true},
	} {
		for _, after := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/after=%v", v.name, after), func(t *testing.T) {
				if testing.Short() && (v.long || after) {
					t.Skip("-short: the kills before a call only, and not where TestWriteFaults goes the same way")
				}
				t.Parallel()
				s := newSiteBuild(t, v.first, v.spare)
				for nth := 1; ; nth++ {
					s.reset(t)
					fsys := &faultFS{op: "any", nth: nth, err: syscall.EIO, die: true, after: after, noExchange: v.noExchange}
					err := s.build(fsys)
					if !fsys.reached() {
						if err != nil {
							t.Fatal(err)
						}
						break
					}
					got := map[string]string(nil)
					if _, err := os.Stat(s.dest); err == nil {
						got = tree(t, s.dest)
					}
					if !maps.Equal(got, s.old) && !maps.Equal(got, s.new) {
						// The fallback's one moment without a destination:
						// the next Begin puts the previous site back.
						if !v.noExchange || got != nil {
							t.Fatalf("killed at call %d: the destination is %q, neither the previous site nor the new one", nth, got)
						}
						out, err := Begin(OS{}, s.dest)
						if err != nil {
							t.Fatal(err)
						}
						out.Abort()
						if got := tree(t, s.dest); !maps.Equal(got, s.old) {
							t.Fatalf("killed at call %d, then recovered: the destination is %q, want the previous site", nth, got)
						}
					}
					if v.first && got == nil {
						continue // a first build: nothing to compare the spare folder with
					}
					s.checkNextBuild(t, fmt.Sprintf("killed at call %d", nth))
				}
			})
		}
	}
}

// TestSetAsideThenPutBack: when the fallback has moved the previous site
// aside and can neither put the new one in its place nor the previous one
// back, the error says so, and the next build puts the previous one back
// before anything else.
func TestSetAsideThenPutBack(t *testing.T) {
	s := newSiteBuild(t, false, true)
	s.reset(t)
	fsys := &renameFails{fail: map[int]bool{2: true, 3: true}}
	err := s.build(fsys)
	if !errors.Is(err, ErrSetAside) || !strings.Contains(err.Error(), ".public.previous") {
		t.Fatalf("err = %v, want ErrSetAside naming .public.previous", err)
	}
	if _, err := os.Stat(s.dest); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("the destination is there: %v", err)
	}
	out, err := Begin(OS{}, s.dest)
	if err != nil {
		t.Fatal(err)
	}
	out.Abort()
	if got := tree(t, s.dest); !maps.Equal(got, s.old) {
		t.Fatalf("after Begin the destination is %q, want the previous site", got)
	}
	s.checkNextBuild(t, "after putting the previous site back")
}

// renameFails is OS without Exchange, whose renames fail at the calls
// named.
type renameFails struct {
	OS
	calls int
	fail  map[int]bool
}

func (r *renameFails) Exchange(a, b string) error { return noExchange{os.ErrInvalid} }

func (r *renameFails) Rename(from, to string) error {
	r.calls++
	if r.fail[r.calls] {
		return &os.LinkError{Op: "rename", Old: from, New: to, Err: syscall.EIO}
	}
	return r.OS.Rename(from, to)
}

// TestLocked: a second build beside the same destination is refused while
// the first runs, and can start once it has ended.
func TestLocked(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no lock on Windows")
	}
	dest := filepath.Join(t.TempDir(), "public")
	first, err := Begin(OS{}, dest)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Begin(OS{}, filepath.Join(filepath.Dir(dest), "other")); err == nil || !strings.Contains(err.Error(), "another congkhai build is writing beside") {
		t.Errorf("a second Begin while the first runs: %v", err)
	}
	if err := first.WriteFile("index.html", []byte("x")); err != nil {
		t.Fatal(err)
	}
	if err := first.Commit(); err != nil {
		t.Fatal(err)
	}
	second, err := Begin(OS{}, dest)
	if err != nil {
		t.Fatalf("Begin after the first build ended: %v", err)
	}
	second.Abort()
	if third, err := Begin(OS{}, dest); err != nil {
		t.Errorf("Begin after an Abort: %v", err)
	} else {
		third.Abort()
	}
}

// TestSparePutRight: whatever the spare folder holds (old versions, files
// and folders of other sites, a file where a folder goes and the other way
// round), the build makes it exactly the new site before the swap, never
// writes into a file the destination holds, and after the swap the spare
// folder is the previous site, byte for byte.
func TestSparePutRight(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	spare := filepath.Join(filepath.Dir(dest), ".public.spare")
	builds := []map[string]string{
		{"index.html": "v1", "a/index.html": "a1", "b/index.html": "b", "c": "c1"},
		{"index.html": "v2", "a/index.html": "a1", "b/index.html": "b", "c/index.html": "c is a section"},
		{"index.html": "v2", "a/index.html": "a3", "b/index.html": "b", "c": "c is a page again", "d/e/f.html": "f"},
		{"index.html": "v2", "a/index.html": "a3", "b/index.html": "b", "c": "c is a page again", "d/e/f.html": "f"},
		{"index.html": "v1", "a/index.html": "a1", "b/index.html": "b", "c": "c1"},
	}
	var previous map[string]string
	for i, files := range builds {
		if i == 3 {
			// Someone (or a build killed while writing) changed the
			// spare folder in every way.
			write(t, filepath.Join(spare, "b", "index.html"), "not b")
			write(t, filepath.Join(spare, "extra", "x.html"), "extra")
			write(t, filepath.Join(spare, "d", "e"), "a file where a folder goes")
			mkdir(t, spare, "c")
		}
		if err := publishAll(OS{}, dest, files, ""); err != nil {
			t.Fatalf("build %d: %v", i+1, err)
		}
		if got := tree(t, dest); !maps.Equal(got, treeOf(files)) {
			t.Fatalf("build %d: the destination is %q, want %q", i+1, got, treeOf(files))
		}
		if previous != nil && !maps.Equal(previous, treeOf(files)) {
			if got := tree(t, spare); !maps.Equal(got, previous) {
				t.Fatalf("build %d: the spare folder is %q, want the previous site %q", i+1, got, previous)
			}
		}
		previous = treeOf(files)
	}
}
