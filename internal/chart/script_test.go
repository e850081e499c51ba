package chart

import (
	"os"
	"strings"
	"testing"

	"github.com/congkhai/congkhai/internal/dataset"
	"github.com/congkhai/congkhai/internal/problem"
	"github.com/congkhai/congkhai/internal/txtartest"
)

// TestLoadScripts runs every testdata/load/*.txtar: the files of a site's
// data/ folder in one archive, loaded as a build loads them (datasets, then
// their charts, then the names across the site), and the exact problems
// expected in its @problems section (none when the section is absent). An
// @charts section lists the charts expected, one name per line.
// go test -update rewrites @problems; review the diff.
func TestLoadScripts(t *testing.T) {
	txtartest.Run(t, "testdata/load/*.txtar", false, runScript)
}

func runScript(t *testing.T, file string) {
	fx := txtartest.Unpack(t, file)
	defer fx.Save(t)
	var pl problem.List
	s := Load(dataset.Load(fx.Dir, os.ReadFile, &pl), &pl)
	s.CheckNames(&pl)
	got := strings.Join(pl.Lines(), "\n")
	if got != "" {
		got += "\n"
	}
	if want := fx.Sections["@problems"]; got != want {
		if *update {
			fx.Set("@problems", got)
			return
		}
		t.Errorf("problems\n--- got\n%s--- want\n%s", got, want)
	}
	if want, ok := fx.Sections["@charts"]; ok {
		var names []string
		for _, c := range s.All() {
			names = append(names, c.Name)
		}
		if got := strings.Join(names, "\n") + "\n"; got != want {
			t.Errorf("charts\n--- got\n%s--- want\n%s", got, want)
		}
	}
}
