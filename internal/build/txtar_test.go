package build

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/congkhai/congkhai"
	"github.com/congkhai/congkhai/internal/txtartest"
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
	txtartest.Run(t, "testdata/build/*.txtar", true, runScript)
}

func runScript(t *testing.T, file string) {
	fx := txtartest.Unpack(t, file)
	defer fx.Save(t)
	site, checks := fx.Dir, fx.Sections
	res, err := Run(Options{Source: site, Theme: congkhai.Theme, SourceDateEpoch: strings.TrimSpace(checks["@env SOURCE_DATE_EPOCH"])})
	got := problemLines(res)
	want, ok := checks["@problems"]
	if ok && got != want {
		if *update {
			fx.Set("@problems", got)
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

	// The same build with a build cache, cold then warm, reports the same
	// problems: what the cache gives back is what the files give.
	cache := filepath.Join(t.TempDir(), "cache")
	for _, run := range []string{"cold cache", "warm cache"} {
		res, _ := Run(Options{Source: site, Destination: filepath.Join(t.TempDir(), "public"), Theme: congkhai.Theme,
			SourceDateEpoch: strings.TrimSpace(checks["@env SOURCE_DATE_EPOCH"]), CacheDir: cache})
		if g := problemLines(res); g != got {
			t.Errorf("with a %s, problems:\n%s\nwant:\n%s", run, g, got)
		}
	}

	public := filepath.Join(site, "public")
	for _, name := range fx.Order {
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
					fx.Set(name, out)
					continue
				}
				t.Errorf("%s differs from its @golden section (run go test -update to accept):\n%s", path, diffLines(body, out))
			}
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

// TestCheckScripts runs every testdata/check/*.txtar through Check, as
// `congkhai check` does, and compares the problems with its @problems
// section: the whole list, in one run.
func TestCheckScripts(t *testing.T) {
	txtartest.Run(t, "testdata/check/*.txtar", true, func(t *testing.T, file string) {
		fx := txtartest.Unpack(t, file)
		defer fx.Save(t)
		res, _ := Check(Options{Source: fx.Dir, Theme: congkhai.Theme, SourceDateEpoch: strings.TrimSpace(fx.Sections["@env SOURCE_DATE_EPOCH"])}, CheckOptions{})
		if got, want := problemLines(res), fx.Sections["@problems"]; got != want {
			if *update {
				fx.Set("@problems", got)
				return
			}
			t.Errorf("problems:\n%s\nwant:\n%s", got, want)
		}
	})
}
