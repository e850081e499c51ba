package tomlpos

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/congkhai/congkhai/internal/boundtest"
)

func FuzzScan(f *testing.F) {
	f.Add([]byte(procedureDoc))
	f.Add([]byte(strings.ReplaceAll(procedureDoc, "\n", "\r\n")))
	for _, tc := range lineCases {
		f.Add([]byte(tc.doc))
	}
	for _, doc := range malformedDocs {
		f.Add([]byte(doc))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		boundtest.Check(t, len(src), func() { Scan(src) })
		checkIndex(t, src)
	})
}

// checkIndex scans src and checks the invariants that hold for any input:
// positions lie inside src, paths are unique and can be looked up.
func checkIndex(t *testing.T, src []byte) {
	t.Helper()
	ix := Scan(src)
	lines := bytes.Split(src, []byte("\n"))
	paths := ix.Paths()
	seen := make(map[string]bool, len(paths))
	for _, path := range paths {
		if seen[path] {
			t.Fatalf("path %q recorded twice", path)
		}
		seen[path] = true
		p, ok := ix.Lookup(path)
		if !ok {
			t.Fatalf("Lookup(%q) of a path from Paths() failed", path)
		}
		if p.Line < 1 || p.Line > len(lines) || p.Col < 1 || p.Col > len(lines[p.Line-1])+1 {
			t.Fatalf("Lookup(%q) = %v outside the input (%d lines)", path, p, len(lines))
		}
		if len(path) > maxPathLen {
			t.Fatalf("path of %d bytes recorded, limit %d", len(path), maxPathLen)
		}
		// Nearest falls back to path from a missing child.
		child := path + ".missing"
		if _, taken := ix.Lookup(child); !taken {
			if np, ok := ix.Nearest(child); !ok || np != p {
				t.Fatalf("Nearest(%q) = %v, %v; want %v", child, np, ok, p)
			}
		}
		// Matching is linear in the number of paths: check it on small
		// inputs only, to keep the large-input tests linear.
		if len(paths) <= 1000 && !slices.Contains(ix.Matching(StripIndices(path)), path) {
			t.Fatalf("Matching(StripIndices(%q)) does not contain it", path)
		}
	}
}
