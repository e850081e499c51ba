package publish

import (
	"path/filepath"
	"syscall"
	"testing"
)

// TestPartialRemove: a partial build takes out the files given to Remove
// when it commits, and puts them back if the commit fails.
func TestPartialRemove(t *testing.T) {
	build := func(t *testing.T, fsys FS) (dest string, err error) {
		dest = filepath.Join(t.TempDir(), "public")
		first, err := Begin(OS{}, dest)
		if err != nil {
			t.Fatal(err)
		}
		writeAll(t, first, map[string]string{"index.html": "home", "index/old-1.bin": "old", "index/manifest.bin": "m1"})
		if err := first.Commit(); err != nil {
			t.Fatal(err)
		}
		out, err := BeginPartial(fsys, dest)
		if err != nil {
			t.Fatal(err)
		}
		writeAll(t, out, map[string]string{"index/new-2.bin": "new", "index/manifest.bin": "m2"})
		for _, f := range []string{"index/old-1.bin", "index/never-there.bin", "index/new-2.bin"} {
			if err := out.Remove(f); err != nil {
				t.Fatal(err)
			}
		}
		if got := tree(t, dest); got["index/old-1.bin"] != "old" {
			t.Fatalf("removed before Commit: %q", got)
		}
		err = out.Commit()
		if err != nil {
			out.Abort()
		}
		return dest, err
	}

	dest, err := build(t, OS{})
	if err != nil {
		t.Fatal(err)
	}
	// new-2.bin was written by the same build: Remove does not undo a write.
	sameMap(t, tree(t, dest), map[string]string{"index.html": "home", "index/": "", "index/new-2.bin": "new", "index/manifest.bin": "m2"})

	// The third rename of the commit fails (after the two files moved in):
	// the destination is the first build's, the removed file back.
	dest, err = build(t, &faultFS{op: "rename", nth: 3, err: syscall.EIO})
	if err == nil {
		t.Fatal("the commit did not fail")
	}
	sameMap(t, tree(t, dest), map[string]string{"index.html": "home", "index/": "", "index/old-1.bin": "old", "index/manifest.bin": "m1"})

	whole, err := Begin(OS{}, filepath.Join(t.TempDir(), "public"))
	if err != nil {
		t.Fatal(err)
	}
	defer whole.Abort()
	if whole.Remove("x") == nil {
		t.Error("Remove in a whole build")
	}
}
