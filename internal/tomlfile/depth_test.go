package tomlfile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/congkhai/congkhai/internal/limits"
	"github.com/congkhai/congkhai/internal/problem"
)

// depthOf is the nesting depth the scan finds: the smallest limit it keeps
// within.
func depthOf(src string) int {
	for limit := 0; ; limit++ {
		if d, _ := tooDeep(src, limit); d == 0 {
			return limit
		}
	}
}

func TestDepth(t *testing.T) {
	tests := []struct {
		name, src string
		want      int
	}{
		{"empty", "", 0},
		{"comment", "# [[[[{{{{\n", 0},
		{"one key", "a = 1\n", 1},
		{"dotted key", "a.b.c = 1\n", 3},
		{"quoted dots", `"a.b.c" = 1` + "\n", 1},
		{"quoted part", `a."b.c".d = 1` + "\n", 3},
		{"table", "[a.b]\nc = 1\n", 3},
		{"array of tables", "[[channels]]\nkind = \"x\"\n", 3},
		{"inline table", "x = {a = {b = 1}}\n", 3},
		{"inline dotted", "x = {a.b.c = 1}\n", 4},
		{"array", "x = [[1, 2], [3]]\n", 3},
		{"tables in arrays", "x = [{a = [{b = 1}]}]\n", 5},
		{"siblings do not add up", "x = {a = {b = 1}, c = 2, d = {e = 3}}\n", 3},
		{"array then table", "x = [1, {a = 1}]\n", 3},
		{"empty table", "x = {}\ny = 1\n", 1},
		{"brackets in strings", `x = "[[[{{{"` + "\ny = '[[[['\n", 1},
		{"escaped quote", `x = "a\"[[[[" ` + "\n", 1},
		{"multi-line string", "x = \"\"\"\n[[[[\n{{{{\n\"\"\"\ny = 1\n", 1},
		{"multi-line literal", "x = '''\n[[[[\n'''\n", 1},
		{"array over lines with comments", "x = [ # [[[[\n  1, # {{{\n  [2],\n]\n", 3},
		{"header after a deep value", "x = {a = {b = 1}}\n[t]\ny = 1\n", 3},
		{"the deepest procedure field", "[[dossier]]\ncase = \"A\"\ndocuments = [{ name = \"T\", form = { title = \"T\", file = \"/a.docx\" } }]\n", 6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := depthOf(tt.src); got != tt.want {
				t.Errorf("depth %d, want %d", got, tt.want)
			}
		})
	}
}

// TestDepthLine: the problem is on the line that nests too deep.
func TestDepthLine(t *testing.T) {
	src := "a = 1\nb = [\n  1,\n  [[[[2]]]],\n]\n"
	if d, line := tooDeep(src, 3); d != 4 || line != 4 {
		t.Errorf("tooDeep = %d at line %d, want 4 at line 4", d, line)
	}
}

// TestDeepNesting: the pathological inputs that kept the TOML library
// busy for seconds (5,000 inline tables took 15 s and 650 MB) are refused
// at once, with the line.
func TestDeepNesting(t *testing.T) {
	n := 5000
	for name, src := range map[string]string{
		"inline tables": "title = \"x\"\nx = " + strings.Repeat("{a = ", n) + "1" + strings.Repeat("}", n) + "\n",
		"dotted key":    "title = \"x\"\nx." + strings.Repeat("a.", n) + "a = 1\n",
		"arrays":        "title = \"x\"\nx = " + strings.Repeat("[", n) + "1" + strings.Repeat("]", n) + "\n",
		"table header":  "title = \"x\"\n[x" + strings.Repeat(".a", n) + "]\n",
		"unclosed":      "title = \"x\"\nx = " + strings.Repeat("[{a = ", n) + "\n",
	} {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			var pl problem.List
			var v struct{ Title string }
			if New("f.toml", []byte(src), 1).Decode(&v, &pl) {
				t.Fatal("decoded")
			}
			if elapsed := time.Since(start); elapsed > time.Second {
				t.Errorf("took %v", elapsed)
			}
			want := "f.toml:2: tables and arrays nest more than 16 deep here"
			if got := pl.Lines(); len(got) != 1 || !strings.HasPrefix(got[0], want) {
				t.Errorf("problems %q, want one starting %q", got, want)
			}
		})
	}
}

// TestDepthOfRealFiles: every TOML document of the example portal keeps
// well within the limit.
func TestDepthOfRealFiles(t *testing.T) {
	files := []string{"../../site.toml"}
	for _, glob := range []string{"../../data/*.toml", "../../content/thu-tuc/*.md"} {
		more, _ := filepath.Glob(glob)
		files = append(files, more...)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if d := depthOf(string(b)); d > limits.TOMLDepth/2 {
			t.Errorf("%s nests %d deep", f, d)
		}
	}
}
