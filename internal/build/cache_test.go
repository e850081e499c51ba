package build

import (
	"bytes"
	"maps"
	"os"
	"path/filepath"
	"testing"

	"github.com/congkhai/congkhai"
	"github.com/congkhai/congkhai/internal/markdown"
	"github.com/congkhai/congkhai/internal/txtartest"
)

// TestCacheSameOutput: a build with a warm cache writes the same bytes and
// reports the same problems as a cold one, taking every content file from
// the cache; so does a build whose cache was damaged in every way a file
// can be, and one whose cache is of another program.
func TestCacheSameOutput(t *testing.T) {
	cache := filepath.Join(t.TempDir(), "cache")
	build := func(name string) (*Result, map[string]string) {
		t.Helper()
		dest := filepath.Join(t.TempDir(), name)
		res, err := Run(Options{
			Source: filepath.Join("..", ".."), Destination: dest, Theme: congkhai.Theme, CacheDir: cache,
			// Far after as_of: every procedure is stale, a warning each,
			// which the cache must give back too.
			SourceDateEpoch: "1900000000",
		})
		if err != nil {
			t.Fatalf("%s: %v\n%s", name, err, problemLines(res))
		}
		return res, txtartest.Snapshot(t, dest)
	}
	cold, want := build("cold")
	if cold.FromCache != 0 || cold.CacheLookups == 0 || len(cold.Problems) == 0 {
		t.Fatalf("cold build: %d of %d from the cache, %d problems", cold.FromCache, cold.CacheLookups, len(cold.Problems))
	}
	// The open data is compared too: the exports are written from the
	// records, which a warm build decodes from the cache.
	for _, f := range []string{"du-lieu/thu-tuc/thu-tuc.json", "du-lieu/thu-tuc/thu-tuc.csv", "du-lieu/danh-ba/danh-ba.json",
		"du-lieu/catalog.jsonld", "du-lieu/thu-tuc/index.html", "thu-tuc/feed.atom"} {
		if _, ok := want[f]; !ok {
			t.Errorf("the cold build wrote no %s", f)
		}
	}
	check := func(name string, res *Result, got map[string]string) {
		t.Helper()
		if !maps.Equal(got, want) {
			for f := range want {
				if got[f] != want[f] {
					t.Errorf("%s: %s differs from the cold build's", name, f)
				}
			}
			t.Fatalf("%s: the output differs", name)
		}
		if problemLines(res) != problemLines(cold) {
			t.Errorf("%s: problems\n%s\nwant\n%s", name, problemLines(res), problemLines(cold))
		}
	}
	warm, got := build("warm")
	check("warm", warm, got)
	if warm.FromCache != warm.CacheLookups || warm.FromCache != cold.CacheLookups {
		t.Errorf("warm build: %d of %d from the cache, want all %d", warm.FromCache, warm.CacheLookups, cold.CacheLookups)
	}

	// Every byte of the pack file changed in turn would take long; one
	// in each entry-sized stretch, and the index, is enough.
	packs, _ := filepath.Glob(filepath.Join(cache, "pack-*"))
	for _, p := range packs {
		b, _ := os.ReadFile(p)
		for i := 0; i < len(b); i += 997 {
			b[i] ^= 0xff
		}
		os.WriteFile(p, b, 0o644)
	}
	damaged, got := build("damaged")
	check("damaged", damaged, got)
	if damaged.FromCache >= cold.CacheLookups {
		t.Errorf("damaged cache: %d entries used", damaged.FromCache)
	}
	rebuilt, got := build("rebuilt")
	check("rebuilt", rebuilt, got)
	if rebuilt.FromCache != cold.CacheLookups {
		t.Errorf("after a damaged cache, %d of %d from the cache", rebuilt.FromCache, cold.CacheLookups)
	}

	os.WriteFile(filepath.Join(cache, "index"), []byte("congkhai-cache 1\nanother program\n"), 0o644)
	foreign, got := build("foreign")
	check("foreign", foreign, got)
	if foreign.FromCache != 0 {
		t.Errorf("a foreign index gave %d entries", foreign.FromCache)
	}
	if left, _ := filepath.Glob(filepath.Join(cache, "pack-*")); len(left) != 1 {
		t.Errorf("pack files left: %v, want the new one only", left)
	}
}

// FuzzDecodeBody: a body entry of a damaged cache is refused or read,
// never a panic, and one read encodes to the same bytes.
func FuzzDecodeBody(f *testing.F) {
	f.Add((&body{html: [][]byte{[]byte("<p>a</p>"), []byte("<p>b</p>")}, embeds: []markdown.Embed{{Fence: "chart", Name: "x", Line: 3}},
		links: []markdown.Link{{Dest: "/a/", Line: 1}}, missing: []string{"Trình tự thực hiện"}, text: []byte("Đăng ký\nkhai sinh")}).encode())
	f.Add([]byte{bodyVersion, 0})
	f.Fuzz(func(t *testing.T, b []byte) {
		bd, err := decodeBody(b)
		if err != nil {
			return
		}
		if again, err := decodeBody(bd.encode()); err != nil || len(again.html) != len(bd.html) || !bytes.Equal(again.text, bd.text) {
			t.Fatalf("re-encoded body differs: %v", err)
		}
	})
}
