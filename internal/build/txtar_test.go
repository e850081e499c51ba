package build

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/congkhai/congkhai"
)

var update = flag.Bool("update", false, "rewrite golden files and @golden sections with the current output")

// TestBuildScripts runs every testdata/build/*.txtar: a whole site in one
// file, built, then checked against the archive's @ sections:
//
//	-- @problems --           the exact problems reported, one per line
//	-- @status --             ok (default) or fail
//	-- @contains PATH --      each non-empty line must appear in PATH of the output
//	-- @excludes PATH --      no non-empty line may appear in PATH of the output
//	-- @absent PATH --        PATH must not be in the output
//	-- @golden PATH --        PATH must be exactly this
//	-- @env SOURCE_DATE_EPOCH --  the reference date, in seconds
//
// go test -update rewrites @problems and @golden sections with what the
// build produced; review the diff before committing it.
func TestBuildScripts(t *testing.T) {
	files, err := filepath.Glob("testdata/build/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no scripts: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			t.Parallel()
			runScript(t, file)
		})
	}
}

func runScript(t *testing.T, file string) {
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	site := t.TempDir()
	checks := map[string]string{}
	var order []string
	for _, f := range ar.Files {
		if strings.HasPrefix(f.Name, "@") {
			checks[f.Name] = string(f.Data)
			order = append(order, f.Name)
			continue
		}
		writeFile(t, filepath.Join(site, f.Name), f.Data)
	}
	res, err := Run(Options{Source: site, Theme: congkhai.Theme, SourceDateEpoch: strings.TrimSpace(checks["@env SOURCE_DATE_EPOCH"])})
	got := problemLines(res)
	want, ok := checks["@problems"]
	changed := false
	if ok && got != want {
		if *update {
			setSection(ar, "@problems", got)
			changed = true
		} else {
			t.Errorf("problems:\n%s\nwant:\n%s", got, want)
		}
	}
	if !ok && got != "" {
		t.Errorf("unexpected problems:\n%s", got)
	}
	status := strings.TrimSpace(checks["@status"])
	switch {
	case status == "fail" && err == nil:
		t.Fatalf("build succeeded, want failure")
	case status != "fail" && err != nil:
		t.Fatalf("build failed: %v", err)
	}
	if status == "fail" {
		if _, err := os.Stat(filepath.Join(site, "public")); !os.IsNotExist(err) {
			t.Errorf("a failed build created public/ (stat: %v)", err)
		}
	}

	public := filepath.Join(site, "public")
	for _, name := range order {
		kind, path, _ := strings.Cut(name, " ")
		body := checks[name]
		switch kind {
		case "@contains":
			out := readOutput(t, public, path)
			for _, line := range strings.Split(body, "\n") {
				if line = strings.TrimSpace(line); line != "" && !strings.Contains(out, line) {
					t.Errorf("%s does not contain %q", path, line)
				}
			}
		case "@excludes":
			out := readOutput(t, public, path)
			for _, line := range strings.Split(body, "\n") {
				if line = strings.TrimSpace(line); line != "" && strings.Contains(out, line) {
					t.Errorf("%s contains %q", path, line)
				}
			}
		case "@absent":
			if _, err := os.Stat(filepath.Join(public, path)); err == nil {
				t.Errorf("%s exists, want it absent", path)
			}
		case "@golden":
			out := readOutput(t, public, path)
			if out != body {
				if *update {
					setSection(ar, name, out)
					changed = true
					continue
				}
				t.Errorf("%s differs from its @golden section (run go test -update to accept):\n%s", path, diffLines(body, out))
			}
		}
	}
	if changed {
		if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func setSection(ar *txtar.Archive, name, data string) {
	for i := range ar.Files {
		if ar.Files[i].Name == name {
			ar.Files[i].Data = []byte(data)
		}
	}
}

func problemLines(res *Result) string {
	if res == nil {
		return ""
	}
	var b strings.Builder
	for _, p := range res.Problems {
		b.WriteString(p.String())
		b.WriteByte('\n')
	}
	return b.String()
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func readOutput(t *testing.T, public, path string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(public, path))
	if err != nil {
		t.Errorf("output %s: %v", path, err)
		return ""
	}
	return string(b)
}

// diffLines shows the first differing line of two texts.
func diffLines(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return fmt.Sprintf("first difference at line %d:\n- want: %s\n+ got:  %s", i+1, wl, gl)
		}
	}
	return "(no line differs)"
}
