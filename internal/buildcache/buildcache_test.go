package buildcache

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

func key(s string) Key { return NewHasher("test").String(s).Key() }

func open(t *testing.T, dir, version string) *Cache {
	t.Helper()
	c, err := Open(dir, version)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func get(c *Cache, s string) string {
	b, ok := c.Get(key(s))
	if !ok {
		return "<missing>"
	}
	return string(b)
}

func TestRoundTrip(t *testing.T) {
	dir := t.TempDir()
	c := open(t, dir, "v1")
	c.Put(key("a"), []byte("entry a"))
	c.Put(key("b"), []byte("entry b"))
	if got := get(c, "a"); got != "entry a" {
		t.Errorf("same build: %q", got)
	}
	if err := c.Close(true); err != nil {
		t.Fatal(err)
	}
	c = open(t, dir, "v1")
	defer c.Close(true)
	if got, got2 := get(c, "a"), get(c, "b"); got != "entry a" || got2 != "entry b" {
		t.Errorf("next build: %q %q", got, got2)
	}
	if got := get(c, "c"); got != "<missing>" {
		t.Errorf("unknown key: %q", got)
	}
}

// TestKeys: parts are hashed with their lengths, and kinds apart.
func TestKeys(t *testing.T) {
	if NewHasher("k").String("ab").String("c").Key() == NewHasher("k").String("a").String("bc").Key() {
		t.Error("ab+c and a+bc share a key")
	}
	if NewHasher("page").String("x").Key() == NewHasher("body").String("x").Key() {
		t.Error("two kinds share a key")
	}
	if NewHasher("k").Int(12).Key() != NewHasher("k").String("12").Key() {
		t.Error("Int is not its decimal string")
	}
}

// TestOtherVersion: the entries of another program are neither used nor
// kept.
func TestOtherVersion(t *testing.T) {
	dir := t.TempDir()
	c := open(t, dir, "v1")
	c.Put(key("a"), []byte("old"))
	c.Close(true)
	c = open(t, dir, "v2")
	if got := get(c, "a"); got != "<missing>" {
		t.Errorf("entry of another version: %q", got)
	}
	c.Put(key("b"), []byte("new"))
	c.Close(true)
	packs, _ := filepath.Glob(filepath.Join(dir, packPrefix+"*"))
	if len(packs) != 1 {
		t.Errorf("pack files %v, want only the new one", packs)
	}
}

// TestDamage: whatever happens to the files, nothing wrong is returned.
func TestDamage(t *testing.T) {
	damages := map[string]func(t *testing.T, dir string){
		"a byte of an entry changed": func(t *testing.T, dir string) {
			flip(t, filepath.Join(dir, packPrefix+"0"), -3)
		},
		"pack truncated": func(t *testing.T, dir string) {
			p := filepath.Join(dir, packPrefix+"0")
			info, _ := os.Stat(p)
			os.Truncate(p, info.Size()-5)
		},
		"pack missing": func(t *testing.T, dir string) {
			os.Remove(filepath.Join(dir, packPrefix+"0"))
		},
		"index changed": func(t *testing.T, dir string) {
			flip(t, filepath.Join(dir, indexFile), 40)
		},
		"index truncated": func(t *testing.T, dir string) {
			os.Truncate(filepath.Join(dir, indexFile), 30)
		},
		"index foreign": func(t *testing.T, dir string) {
			os.WriteFile(filepath.Join(dir, indexFile), []byte("PK\x03\x04 not an index"), 0o644)
		},
		"pack replaced by another's": func(t *testing.T, dir string) {
			other := t.TempDir()
			c := open(t, other, "v1")
			c.Put(key("other"), []byte("entry o")) // as long as "entry a", at the same place
			c.Close(true)
			b, _ := os.ReadFile(filepath.Join(other, packPrefix+"0"))
			os.WriteFile(filepath.Join(dir, packPrefix+"0"), b, 0o644)
		},
	}
	for name, damage := range damages {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			c := open(t, dir, "v1")
			c.Put(key("a"), []byte("entry a"))
			c.Close(true)
			damage(t, dir)
			c = open(t, dir, "v1")
			if got := get(c, "a"); got != "<missing>" && got != "entry a" {
				t.Errorf("damaged entry returned %q", got)
			}
			// The build computes it again; the next one finds it.
			c.Put(key("a"), []byte("entry a"))
			c.Close(true)
			c = open(t, dir, "v1")
			defer c.Close(true)
			if got := get(c, "a"); got != "entry a" {
				t.Errorf("after the rebuild: %q", got)
			}
		})
	}
}

func flip(t *testing.T, name string, at int) {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if at < 0 {
		at += len(b)
	}
	b[at] ^= 0x55
	if err := os.WriteFile(name, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestPruneAndCompact: a complete build keeps only the entries it used,
// and the folder stays near the size of what is used, however many builds
// change entries; a build that stopped early keeps the others.
func TestPruneAndCompact(t *testing.T) {
	dir := t.TempDir()
	payload := bytes.Repeat([]byte("x"), 1000)
	for build := range 30 {
		c := open(t, dir, "v1")
		for i := range 20 {
			// Half the entries change at every build.
			k := fmt.Sprintf("%d", i)
			if i%2 == 0 {
				k = fmt.Sprintf("%d-%d", i, build)
			}
			if _, ok := c.Get(key(k)); !ok {
				c.Put(key(k), payload)
			}
		}
		if err := c.Close(true); err != nil {
			t.Fatal(err)
		}
	}
	if size := folderSize(t, dir); size > 4*20*1100 {
		t.Errorf("after 30 builds the cache holds %d bytes for 20 entries of 1 KB", size)
	}

	c := open(t, dir, "v1")
	if _, ok := c.Get(key("1")); !ok {
		t.Fatal("an entry used at every build is gone")
	}
	c.Close(false) // stopped early: "3" was not asked for, but stays
	c = open(t, dir, "v1")
	defer c.Close(true)
	if _, ok := c.Get(key("3")); !ok {
		t.Error("an incomplete build dropped an entry it did not get to")
	}
}

func folderSize(t *testing.T, dir string) int64 {
	var n int64
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		info, _ := e.Info()
		n += info.Size()
	}
	return n
}

// TestLocked: a second build on the same cache does not use it.
func TestLocked(t *testing.T) {
	dir := t.TempDir()
	c := open(t, dir, "v1")
	defer c.Close(true)
	if _, err := Open(dir, "v1"); !errors.Is(err, ErrLocked) {
		t.Errorf("second Open: %v", err)
	}
}

// TestNil: a nil cache is one that is off.
func TestNil(t *testing.T) {
	var c *Cache
	c.Put(key("a"), []byte("x"))
	if _, ok := c.Get(key("a")); ok {
		t.Error("a nil cache found an entry")
	}
	if err := c.Close(true); err != nil {
		t.Error(err)
	}
}

// TestConcurrent: the workers of a build put and get at once.
func TestConcurrent(t *testing.T) {
	dir := t.TempDir()
	c := open(t, dir, "v1")
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Go(func() {
			for i := range 200 {
				k := fmt.Sprintf("%d-%d", w, i)
				c.Put(key(k), []byte(strings.Repeat(k, 10)))
				if got := get(c, k); got != strings.Repeat(k, 10) {
					t.Errorf("%s: %q", k, got)
				}
			}
		})
	}
	wg.Wait()
	c.Close(true)
	c = open(t, dir, "v1")
	defer c.Close(true)
	if got := get(c, "7-199"); got != strings.Repeat("7-199", 10) {
		t.Errorf("after reopening: %q", got)
	}
}
