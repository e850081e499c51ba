package dataset

import (
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/congkhai/congkhai/internal/problem"
	"github.com/congkhai/congkhai/internal/txtartest"
)

var update = flag.Bool("update", false, "rewrite the @problems sections of testdata/load/*.txtar with the problems found")

// TestLoadScripts runs every testdata/load/*.txtar: the files of a site's
// data/ folder in one archive, loaded with Load, and the exact problems
// expected in its @problems section (none when the section is absent).
// (The fixtures with charts are package chart's.) go test -update
// rewrites @problems; review the diff.
func TestLoadScripts(t *testing.T) {
	txtartest.Run(t, "testdata/load/*.txtar", false, runScript)
}

func runScript(t *testing.T, file string) {
	fx := txtartest.Unpack(t, file)
	defer fx.Save(t)
	sections := fx.Sections
	var pl problem.List
	Load(fx.Dir, os.ReadFile, &pl)
	got := strings.Join(pl.Lines(), "\n")
	if got != "" {
		got += "\n"
	}
	if want := sections["@problems"]; got != want {
		if *update {
			fx.Set("@problems", got)
			return
		}
		t.Errorf("problems\n--- got\n%s--- want\n%s", got, want)
	}
}
