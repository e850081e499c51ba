// Package txtartest reads the txtar fixtures of congkhai's tests: one
// archive holds the files of a site and, in sections whose names start
// with @, what a test expects of it (@problems, @golden PATH …). Tests
// unpack the site into a folder, compare, and with -update write the
// sections they were told to accept back into the archive.
package txtartest

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

// Run runs check on every archive matching pattern, each in a subtest
// named after its file, in parallel when parallel is set.
func Run(t *testing.T, pattern string, parallel bool, check func(t *testing.T, file string)) {
	t.Helper()
	files, err := filepath.Glob(pattern)
	if err != nil || len(files) == 0 {
		t.Fatalf("no archives match %s: %v", pattern, err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			if parallel {
				t.Parallel()
			}
			check(t, file)
		})
	}
}

// Fixture is one archive, its site written out.
type Fixture struct {
	File     string            // the archive
	Dir      string            // the site: every file of the archive not named @…
	Sections map[string]string // the @ sections by name
	Order    []string          // the names of the @ sections, as the archive orders them
	ar       *txtar.Archive
	changed  bool
}

// Unpack reads the archive file and writes its site into a new temporary
// folder.
func Unpack(t *testing.T, file string) *Fixture {
	t.Helper()
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	f := &Fixture{File: file, Dir: t.TempDir(), Sections: map[string]string{}, ar: ar}
	for _, af := range ar.Files {
		if strings.HasPrefix(af.Name, "@") {
			f.Sections[af.Name] = string(af.Data)
			f.Order = append(f.Order, af.Name)
			continue
		}
		WriteFile(t, filepath.Join(f.Dir, filepath.FromSlash(af.Name)), af.Data)
	}
	return f
}

// Set replaces the section name with data, or adds it at the end when the
// archive has no such section and data is not empty. Save writes it.
func (f *Fixture) Set(name, data string) {
	found := false
	for i := range f.ar.Files {
		if f.ar.Files[i].Name == name {
			f.ar.Files[i].Data = []byte(data)
			found = true
		}
	}
	if !found && data != "" {
		f.ar.Files = append(f.ar.Files, txtar.File{Name: name, Data: []byte(data)})
	}
	f.Sections[name] = data
	f.changed = true
}

// Save writes the archive back when a section was Set.
func (f *Fixture) Save(t *testing.T) {
	t.Helper()
	if !f.changed {
		return
	}
	if err := os.WriteFile(f.File, txtar.Format(f.ar), 0o644); err != nil {
		t.Fatal(err)
	}
}

// WriteFile writes data to path, creating its folders.
func WriteFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// Snapshot reads every file and folder under dir, with its mode, so that
// two trees can be compared byte for byte.
func Snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		info, err := d.Info()
		if err != nil {
			return err
		}
		if d.IsDir() {
			out[rel+"/"] = info.Mode().String()
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		out[rel] = info.Mode().String() + "\n" + string(b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
