package static

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/congkhai/congkhai"
)

func TestStripJSComments(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"none", "var a = 1;\n", "var a = 1;\n"},
		{"whole-line comments", "// the controls\n(function () {\n  // read once\n  var a = 1;\n})();\n", "(function () {\nvar a = 1;\n})();\n"},
		{"indentation and blank lines", "if (a) {\n\n    b();\n\t}\n", "if (a) {\nb();\n}\n"},
		{"a comment after code stays", "f(); // why\n", "f(); // why\n"},
		{"a URL in a string", "var u = \"https://example.gov.vn/\";\n", "var u = \"https://example.gov.vn/\";\n"},
		{"CRLF", "// x\r\n  a();\r\n", "a();\r\n"},
		{"last line without its end", "a();\n  // end", "a();\n"},
		{"template literal: as it is", "var s = `\n// not a comment\n`;\n", "var s = `\n// not a comment\n`;\n"},
		{"block comment: as it is", "/* a\n// b */\nc();\n", "/* a\n// b */\nc();\n"},
		{"continued string: as it is", "var s = \"a\\\n  // b\";\n", "var s = \"a\\\n  // b\";\n"},
		{"lone CR: as it is", "// header\rvar x = 1;\r", "// header\rvar x = 1;\r"},
		{"line separator: as it is", "// header\u2028var x = 1;\n", "// header\u2028var x = 1;\n"},
		{"empty", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := string(stripJSComments([]byte(tc.in))); got != tc.want {
				t.Errorf("stripJSComments(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// TestStrippedThemeScripts: every script of the theme, as published,
// is still JavaScript (node --check), and is smaller.
func TestStrippedThemeScripts(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed")
	}
	scripts, err := fs.Glob(congkhai.Theme, "assets/js/*.js")
	if err != nil || len(scripts) == 0 {
		t.Fatalf("no scripts in the theme (%v)", err)
	}
	dir := t.TempDir()
	for _, name := range scripts {
		src, err := fs.ReadFile(congkhai.Theme, name)
		if err != nil {
			t.Fatal(err)
		}
		out := stripJSComments(src)
		if len(out) >= len(src) {
			t.Errorf("%s: published as it is (%d bytes): it has comments to strip", name, len(src))
		}
		file := filepath.Join(dir, filepath.Base(name))
		// search.js is a module; node checks a .mjs file as one.
		if strings.Contains(string(src), "\nexport ") {
			file = strings.TrimSuffix(file, ".js") + ".mjs"
		}
		if err := os.WriteFile(file, out, 0o644); err != nil {
			t.Fatal(err)
		}
		if b, err := exec.Command(node, "--check", file).CombinedOutput(); err != nil {
			t.Errorf("%s, stripped, is not JavaScript: %v\n%s", name, err, b)
		}
	}
}

// FuzzStripJSComments: any script (a site's own assets/ included) comes
// out without panic, stripping twice strips nothing more, and no line
// but a comment or blank one is lost.
func FuzzStripJSComments(f *testing.F) {
	for _, s := range []string{"// a\nb();\n", "  x\n", "`\n//`", "/*\n//*/", "a\\\n//", "\r\n//\r\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, js []byte) {
		once := stripJSComments(js)
		if twice := stripJSComments(once); !bytes.Equal(once, twice) {
			t.Errorf("stripping %q twice: %q, then %q", js, once, twice)
		}
		var kept [][]byte
		for line := range bytes.Lines(js) {
			code := bytes.TrimSpace(line)
			if len(code) > 0 && !bytes.HasPrefix(code, []byte("//")) {
				kept = append(kept, code)
			}
		}
		var got [][]byte
		for line := range bytes.Lines(once) {
			if code := bytes.TrimSpace(line); len(code) > 0 && !bytes.HasPrefix(code, []byte("//")) {
				got = append(got, code)
			}
		}
		if !bytes.Equal(once, js) && len(got) != len(kept) {
			t.Errorf("%q: %d lines of code, %d once stripped", js, len(kept), len(got))
		}
	})
}
