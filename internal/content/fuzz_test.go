package content

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/congkhai/congkhai/internal/boundtest"
	"github.com/congkhai/congkhai/internal/personaldata"
	"github.com/congkhai/congkhai/internal/problem"
	"github.com/congkhai/congkhai/internal/procedure"
)

func FuzzLoadFile(f *testing.F) {
	valid := procedureFile("1.001193", "Đăng ký khai sinh")
	for _, s := range []string{
		valid,
		strings.ReplaceAll(valid, "\n", "\r\n"),
		"\xef\xbb\xbf" + valid,
		"",
		"+++",
		"+++\n+++\n",
		"---\ntitle: a\n---\n",
		"+++\ncode = \"1.001193\"\n",
		"+++\ntitle = \"Đường\" x\n+++\n",
		"+++\n[[channels]]\nknid = 1\n+++\n",
		"+++\naliases = [\"/a/../b\"]\n+++\n",
		"+++\ncode = \"\xff\"\n+++\n",
		"+++\n\x00\n+++\n",
		"+++\n\"\r\n+++\n",
		"+++\ntitle = \"A\"\n+++\n" + strings.Repeat("> ", 40) + "x\n",
		"+++\nx = " + strings.Repeat("[", 40) + "\n+++\n",
	} {
		f.Add([]byte(s))
	}
	siteDir := f.TempDir()
	writeFiles(f, siteDir, baseFiles)
	file := filepath.Join(siteDir, "content", "thu-tuc", "x.md")
	f.Fuzz(func(t *testing.T, src []byte) {
		// The fuzz function runs on one goroutine per process, so the
		// site folder can be reused.
		if err := os.WriteFile(file, src, 0o644); err != nil {
			t.Fatal(err)
		}
		var problems problem.List
		var s *Site
		// Whatever the file holds, loading it costs bounded work.
		boundtest.Check(t, len(src), func() { s = Load(siteDir, testCfg, testRules, personaldata.Consented{}, nil, &problems) })
		if s == nil || s.Home == nil {
			t.Fatal("Load returned no site")
		}
		lines := bytes.Count(src, []byte("\n")) + 1
		for _, p := range problems.Sorted() {
			if p.File == "" {
				t.Fatalf("problem without a file: %#v", p)
			}
			if p.File != "content/thu-tuc/x.md" {
				t.Fatalf("problem about another file: %s", p)
			}
			if p.Line < 0 || p.Line > lines+1 {
				t.Fatalf("problem at line %d of a %d-line file: %s", p.Line, lines, p)
			}
		}
		if problems.Errors() == 0 {
			if len(s.Procedures) != 1 || s.Procedures[0].Path != "/thu-tuc/x/" || s.Procedures[0].Procedure == nil {
				t.Fatalf("no error, but procedures = %v", s.Procedures)
			}
		}
	})
}

// FuzzDecodePage: a cache entry read back from a folder anyone could have
// changed (CI restores it) is refused or read, never a panic.
func FuzzDecodePage(f *testing.F) {
	var pl problem.List
	p, rec := decodeFile("content/thu-tuc/a.md", []byte(procedureFile("1.001193", "Khai sinh")), testCfg, testRules, personaldata.Consented{}, procedure.NewTexts(), &pl)
	f.Add(encodePage(p, rec, pl.Sorted()))
	f.Add(encodePage(nil, nil, []problem.Problem{{File: "a", Message: "m"}}))
	f.Add([]byte{entryVersion, 1, 9, 0xff})
	f.Fuzz(func(t *testing.T, b []byte) {
		decodePage(b, "content/x.md", procedure.NewTexts())
	})
}
