package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/congkhai/congkhai/internal/boundtest"
	"github.com/congkhai/congkhai/internal/problem"
)

// FuzzLoad feeds arbitrary bytes as site.toml: Load never panics, every
// problem names site.toml (or the flag), and a configuration it returns is
// usable: a base URL ending in /, a procedures section, positive settings.
func FuzzLoad(f *testing.F) {
	f.Add([]byte("title = \"Cổng\"\nbase_url = \"https://x.example/portal\"\nlanguage = \"vi\"\nas_of = 2025-08-01\n[jurisdiction]\nid = \"xa\"\nname = \"Xã\"\nlevel = \"xa\"\n"))
	f.Add([]byte("[[menu]]\ntitle = 1\n"))
	f.Add([]byte("base_url = \"ftp://x\"\r\n\x00"))
	f.Fuzz(func(t *testing.T, src []byte) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, FileName), src, 0o644); err != nil {
			t.Fatal(err)
		}
		var problems problem.List
		var c *Config
		boundtest.Check(t, len(src), func() { c = Load(dir, Overrides{}, &problems) })
		for _, p := range problems.Sorted() {
			if p.File != FileName || p.Line < 0 || p.Line > strings.Count(string(src), "\n")+1 {
				t.Fatalf("bad problem: %+v", p)
			}
		}
		if c == nil {
			return
		}
		if problems.Errors() > 0 {
			t.Fatalf("a configuration was returned with errors: %v", problems.Err())
		}
		if !strings.HasSuffix(c.BasePath(), "/") || c.Procedures.Section == "" || c.Procedures.PageSize <= 0 || c.Directory.Months <= 0 {
			t.Fatalf("unusable configuration: %+v", c)
		}
	})
}
