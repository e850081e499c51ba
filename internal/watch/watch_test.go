package watch

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// timeout bounds every wait for a batch. It is generous because the tests
// run with -race on small CI machines; a passing test never waits for it.
const timeout = 10 * time.Second

// site makes a temporary site folder holding files (relative path → text).
func site(t *testing.T, files ...string) string {
	t.Helper()
	root := t.TempDir()
	for _, f := range files {
		write(t, root, f, "x")
	}
	return root
}

func write(t *testing.T, root, rel, text string) {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// overwrite replaces the start of an existing file with text in a single
// write system call.
func overwrite(t *testing.T, root, rel, text string) {
	t.Helper()
	f, err := os.OpenFile(filepath.Join(root, filepath.FromSlash(rel)), os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write([]byte(text)); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

func rename(t *testing.T, root, from, to string) {
	t.Helper()
	if err := os.Rename(filepath.Join(root, from), filepath.Join(root, to)); err != nil {
		t.Fatal(err)
	}
}

func remove(t *testing.T, root, rel string) {
	t.Helper()
	if err := os.RemoveAll(filepath.Join(root, rel)); err != nil {
		t.Fatal(err)
	}
}

// start watches paths under root and closes the watcher when the test ends.
func start(t *testing.T, root string, paths []string, opts Options) *Watcher {
	t.Helper()
	w, err := New(root, paths, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := w.Close(); err != nil {
			t.Error(err)
		}
	})
	go func() {
		for err := range w.Errors() {
			t.Logf("watch error: %v", err)
		}
	}()
	return w
}

// next waits for one batch and checks that it is sorted and de-duplicated.
func next(t *testing.T, w *Watcher) Batch {
	t.Helper()
	select {
	case b, ok := <-w.Events():
		if !ok {
			t.Fatal("events channel closed")
		}
		if !slices.IsSorted(b) || len(slices.Compact(slices.Clone(b))) != len(b) {
			t.Fatalf("batch not sorted and distinct: %q", b)
		}
		return b
	case <-time.After(timeout):
		t.Fatalf("no batch within %v", timeout)
		return nil
	}
}

// until receives batches until every path of want was reported, then
// checks that nothing else was: the union of the batches must be want.
// It returns the number of batches received.
func until(t *testing.T, w *Watcher, want ...string) int {
	t.Helper()
	seen := map[string]bool{}
	n := 0
	for !hasAll(seen, want) {
		for _, p := range next(t, w) {
			seen[p] = true
		}
		n++
	}
	got := make([]string, 0, len(seen))
	for p := range seen {
		got = append(got, p)
	}
	slices.Sort(got)
	want = slices.Clone(want)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Fatalf("reported %q, want %q", got, want)
	}
	return n
}

func hasAll(seen map[string]bool, want []string) bool {
	for _, p := range want {
		if !seen[p] {
			return false
		}
	}
	return true
}

var sitePaths = []string{"content", "data", "layouts", "static", "assets", "site.toml"}

func TestWriteGivesOneBatch(t *testing.T) {
	root := site(t, "content/a.md", "content/b.md")
	w := start(t, root, sitePaths, Options{})

	// One write system call, so one event: os.WriteFile truncates first,
	// and a loaded machine may pause between the two for longer than the
	// quiet period, which would rightly give two batches.
	overwrite(t, root, "content/a.md", "y")
	if b := next(t, w); !slices.Equal(b, Batch{"content/a.md"}) {
		t.Fatalf("batch %q, want [content/a.md]", b)
	}
	// A second write is a batch of its own: nothing of the first was left.
	overwrite(t, root, "content/b.md", "y")
	if b := next(t, w); !slices.Equal(b, Batch{"content/b.md"}) {
		t.Fatalf("batch %q, want [content/b.md]", b)
	}
}

func TestBurstIsBatched(t *testing.T) {
	root := site(t, "content/thu-tuc/_index.md")
	w := start(t, root, sitePaths, Options{})

	var want []string
	for i := range 50 {
		rel := filepath.ToSlash(filepath.Join("content/thu-tuc", "p"+string(rune('a'+i/26))+string(rune('a'+i%26))+".md"))
		want = append(want, rel)
		write(t, root, rel, "x")
	}
	n := until(t, w, want...)
	// 50 small writes take a few milliseconds, well inside one quiet
	// period; a loaded machine pausing the writer may split them, but
	// they are still batched.
	if n > 10 {
		t.Errorf("50 writes gave %d batches, want one or a few", n)
	}
	t.Logf("50 writes gave %d batch(es)", n)
}

func TestMaxWaitBoundsALongBurst(t *testing.T) {
	root := site(t, "content/a.md")
	// A write every 5 ms never leaves the 500 ms quiet period, so only
	// MaxWait can send a batch while the writer runs.
	w := start(t, root, sitePaths, Options{Quiet: 500 * time.Millisecond, MaxWait: 50 * time.Millisecond})

	stop := make(chan struct{})
	var timedOut atomic.Bool
	go func() {
		limit := time.After(5 * time.Second)
		for {
			if err := os.WriteFile(filepath.Join(root, "content/a.md"), []byte("x"), 0o644); err != nil {
				t.Error(err)
				return
			}
			select {
			case <-stop:
				return
			case <-limit:
				timedOut.Store(true)
				return
			case <-time.After(5 * time.Millisecond):
			}
		}
	}()
	t0 := time.Now()
	b := next(t, w)
	t.Logf("first batch after %v", time.Since(t0))
	close(stop)
	if timedOut.Load() {
		t.Fatal("first batch came only after the burst: MaxWait was not applied")
	}
	if !slices.Equal(b, Batch{"content/a.md"}) {
		t.Fatalf("batch %q", b)
	}
}

func TestNewFolderIsWatched(t *testing.T) {
	root := site(t, "content/_index.md")
	w := start(t, root, sitePaths, Options{})

	write(t, root, "content/moi/sau/a.md", "x") // MkdirAll, then the file
	until(t, w, "content/moi", "content/moi/sau", "content/moi/sau/a.md")

	// The new folders have watches of their own.
	write(t, root, "content/moi/sau/b.md", "x")
	until(t, w, "content/moi/sau/b.md")
	write(t, root, "content/moi/c.md", "x")
	until(t, w, "content/moi/c.md")
}

func TestEditorSaves(t *testing.T) {
	saves := map[string]func(t *testing.T, root string){
		"temp file renamed over": func(t *testing.T, root string) {
			write(t, root, "content/x.md.tmp", "new")
			rename(t, root, "content/x.md.tmp", "content/x.md")
		},
		"vim: original renamed away, new file written": func(t *testing.T, root string) {
			write(t, root, "content/4913", "")
			remove(t, root, "content/4913")
			write(t, root, "content/.x.md.swp", "swap")
			rename(t, root, "content/x.md", "content/x.md~")
			write(t, root, "content/x.md", "new")
			remove(t, root, "content/x.md~")
			remove(t, root, "content/.x.md.swp")
		},
		"JetBrains safe write": func(t *testing.T, root string) {
			write(t, root, "content/x.md___jb_tmp___", "new")
			rename(t, root, "content/x.md", "content/x.md___jb_old___")
			rename(t, root, "content/x.md___jb_tmp___", "content/x.md")
			remove(t, root, "content/x.md___jb_old___")
		},
		"Emacs lock and auto-save": func(t *testing.T, root string) {
			if err := os.Symlink("user@host.1234", filepath.Join(root, "content/.#x.md")); err != nil {
				t.Fatal(err)
			}
			write(t, root, "content/#x.md#", "autosave")
			write(t, root, "content/x.md", "new")
			remove(t, root, "content/#x.md#")
			remove(t, root, "content/.#x.md")
		},
	}
	for name, save := range saves {
		t.Run(name, func(t *testing.T) {
			root := site(t, "content/x.md")
			w := start(t, root, sitePaths, Options{})
			save(t, root)
			until(t, w, "content/x.md")
		})
	}
}

func TestChmodAloneIsIgnored(t *testing.T) {
	root := site(t, "content/a.md", "content/b.md")
	w := start(t, root, sitePaths, Options{})

	if err := os.Chmod(filepath.Join(root, "content/a.md"), 0o600); err != nil {
		t.Fatal(err)
	}
	// Events arrive in order: had the chmod been reported, it would be in
	// the batch of this later write, or in an earlier one.
	write(t, root, "content/b.md", "sentinel")
	until(t, w, "content/b.md")
}

func TestSiteTomlButNotItsSiblings(t *testing.T) {
	root := site(t, "site.toml", "README.md", "content/_index.md")
	w := start(t, root, sitePaths, Options{})

	write(t, root, "README.md", "not watched")
	write(t, root, "site.toml.bak", "not watched")
	write(t, root, "site.toml", "title = 'x'")
	until(t, w, "site.toml")

	write(t, root, "site.toml.tmp", "title = 'y'")
	rename(t, root, "site.toml.tmp", "site.toml")
	until(t, w, "site.toml")

	// A folder of the watch list created after the start is watched.
	write(t, root, "data/so-lieu.toml", "x")
	until(t, w, "data", "data/so-lieu.toml")
	write(t, root, "data/so-lieu.toml", "y")
	until(t, w, "data/so-lieu.toml")
}

func TestIgnoredFolders(t *testing.T) {
	root := site(t, "content/_index.md", "static/.git/HEAD", "static/node_modules/x/y.js", "static/gen/a.css", "public/index.html")
	w := start(t, root, []string{"."}, Options{Ignore: []string{"static/gen", filepath.Join(root, "public")}})

	for _, dir := range []string{"static/.git", "static/node_modules", "static/node_modules/x", "static/gen", "public"} {
		if slices.Contains(w.fs.WatchList(), filepath.Join(root, dir)) {
			t.Errorf("%s is watched", dir)
		}
	}
	write(t, root, "static/.git/HEAD", "y")
	write(t, root, "static/node_modules/x/y.js", "y")
	write(t, root, "static/gen/a.css", "y")
	write(t, root, "static/gen/new/b.css", "y")
	write(t, root, "public/index.html", "y")
	write(t, root, "content/.hidden.md", "y")
	write(t, root, "content/_index.md", "sentinel")
	until(t, w, "content/_index.md")
}

func TestFolderRemovedAndRecreated(t *testing.T) {
	root := site(t, "content/sub/a.md", "content/_index.md")
	w := start(t, root, sitePaths, Options{})

	remove(t, root, "content/sub")
	until(t, w, "content/sub", "content/sub/a.md")

	write(t, root, "content/sub/b.md", "x")
	until(t, w, "content/sub", "content/sub/b.md")
	write(t, root, "content/sub/b.md", "y")
	until(t, w, "content/sub/b.md")

	// The same for a top-level folder of the watch list.
	remove(t, root, "content")
	until(t, w, "content", "content/_index.md", "content/sub", "content/sub/b.md")
	write(t, root, "content/_index.md", "x")
	until(t, w, "content", "content/_index.md")
	write(t, root, "content/_index.md", "y")
	until(t, w, "content/_index.md")
}

func TestFolderRenamed(t *testing.T) {
	root := site(t, "content/sub/deep/a.md")
	w := start(t, root, sitePaths, Options{})

	rename(t, root, "content/sub", "content/moved")
	until(t, w, "content/sub", "content/moved", "content/moved/deep", "content/moved/deep/a.md")

	// Events inside carry the new name, not the old one.
	write(t, root, "content/moved/deep/a.md", "x")
	until(t, w, "content/moved/deep/a.md")

	// Renamed out of the watched folders, then back in.
	rename(t, root, "content/moved", "elsewhere")
	until(t, w, "content/moved")
	write(t, root, "elsewhere/deep/a.md", "not watched")
	rename(t, root, "elsewhere", "content/back")
	until(t, w, "content/back", "content/back/deep", "content/back/deep/a.md")
	write(t, root, "content/back/deep/b.md", "x")
	until(t, w, "content/back/deep/b.md")
}

func TestNothingLostWhileReceiverIsBusy(t *testing.T) {
	root := site(t, "content/a.md", "content/b.md")
	w := start(t, root, sitePaths, Options{Quiet: 5 * time.Millisecond, MaxWait: 5 * time.Millisecond})

	// The batch of a.md is due while nobody receives; b.md's change is
	// merged into it (or, on a slow machine, follows it).
	write(t, root, "content/a.md", "x")
	time.Sleep(30 * time.Millisecond)
	write(t, root, "content/b.md", "x")
	time.Sleep(30 * time.Millisecond)
	n := until(t, w, "content/a.md", "content/b.md")
	t.Logf("%d batch(es)", n)
}

func TestCloseClosesChannels(t *testing.T) {
	root := site(t, "content/a.md")
	w, err := New(root, sitePaths, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatalf("second Close: %v", err)
	}
	if _, ok := <-w.Events(); ok {
		t.Error("Events not closed")
	}
	if _, ok := <-w.Errors(); ok {
		t.Error("Errors not closed")
	}
}

func TestNewRejectsBadPaths(t *testing.T) {
	root := site(t, "content/a.md")
	for _, tc := range []struct {
		root  string
		paths []string
		want  string
	}{
		{root, nil, "no paths"},
		{root, []string{"../x"}, "inside it"},
		{root, []string{"/etc"}, "inside it"},
		{filepath.Join(root, "missing"), sitePaths, "no such file"},
		{filepath.Join(root, "content/a.md"), sitePaths, "not a folder"},
	} {
		_, err := New(tc.root, tc.paths, Options{})
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "watch: ") {
			t.Errorf("New(%s, %q) = %v, want an error containing %q", tc.root, tc.paths, err, tc.want)
		}
	}
}

// BenchmarkWriteToBatch measures the time from a write to its batch: the
// watcher's share of the 50 ms budget from an edit to the reload (issue 6),
// about Options.Quiet.
func BenchmarkWriteToBatch(b *testing.B) {
	root := b.TempDir()
	p := filepath.Join(root, "content", "a.md")
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
		b.Fatal(err)
	}
	w, err := New(root, sitePaths, Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer func() { _ = w.Close() }()
	f, err := os.OpenFile(p, os.O_WRONLY, 0)
	if err != nil {
		b.Fatal(err)
	}
	defer func() { _ = f.Close() }()
	for b.Loop() {
		if _, err := f.WriteAt([]byte("y"), 0); err != nil { // one event
			b.Fatal(err)
		}
		<-w.Events()
	}
}
