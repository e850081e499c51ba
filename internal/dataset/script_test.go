package dataset

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/congkhai/congkhai/internal/problem"
)

var update = flag.Bool("update", false, "rewrite the @problems sections of testdata/load/*.txtar with the problems found")

// TestLoadScripts runs every testdata/load/*.txtar: the files of a site's
// data/ folder in one archive, loaded with Load, and the exact problems
// expected in its @problems section (none when the section is absent).
// An @charts section lists the charts expected, one name per line.
// go test -update rewrites @problems; review the diff.
func TestLoadScripts(t *testing.T) {
	files, err := filepath.Glob("testdata/load/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no scripts: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
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
	sections := map[string]string{}
	for _, f := range ar.Files {
		if strings.HasPrefix(f.Name, "@") {
			sections[f.Name] = string(f.Data)
			continue
		}
		path := filepath.Join(site, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var pl problem.List
	sets := Load(site, &pl)
	got := strings.Join(problemLines(&pl), "\n")
	if got != "" {
		got += "\n"
	}
	if want := sections["@problems"]; got != want {
		if *update {
			writeSection(t, file, ar, "@problems", got)
			return
		}
		t.Errorf("problems\n--- got\n%s--- want\n%s", got, want)
	}
	if want, ok := sections["@charts"]; ok {
		var names []string
		for _, ds := range sets {
			for _, c := range ds.Charts {
				names = append(names, c.Name)
			}
		}
		if got := strings.Join(names, "\n") + "\n"; got != want {
			t.Errorf("charts\n--- got\n%s--- want\n%s", got, want)
		}
	}
}

// writeSection replaces (or adds) a section of the archive.
func writeSection(t *testing.T, file string, ar *txtar.Archive, name, data string) {
	found := false
	for i := range ar.Files {
		if ar.Files[i].Name == name {
			ar.Files[i].Data = []byte(data)
			found = true
		}
	}
	if !found && data != "" {
		ar.Files = append(ar.Files, txtar.File{Name: name, Data: []byte(data)})
	}
	out := txtar.Format(ar)
	if old, _ := os.ReadFile(file); !bytes.Equal(old, out) {
		if err := os.WriteFile(file, out, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
