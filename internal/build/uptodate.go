package build

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/congkhai/congkhai/internal/problem"
	"github.com/congkhai/congkhai/internal/publish"
)

// A build records what it read and what it wrote in a state file beside
// its destination (.public.congkhai-state for public/). When nothing it
// read has changed since, and its output is still exactly as it left it,
// the next build has nothing to do: it checks that and stops, in a fraction
// of the time of rendering every page again to compare.

// stateVersion changes when the format of the state file does.
const stateVersion = "congkhai-state 1"

// statePath is the state file of a destination.
func statePath(dest string) string {
	abs, err := filepath.Abs(dest)
	if err != nil {
		abs = dest
	}
	return filepath.Join(filepath.Dir(abs), "."+filepath.Base(abs)+".congkhai-state")
}

// fingerprint hashes the names, sizes and modification times of every
// input file, the names of the folders that hold them, the options (the
// built-in ECharts among them), and the congkhai program itself (its
// layouts and assets are compiled in).
func fingerprint(opts Options) (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%x\x00", stateVersion, opts.BaseURL, opts.SourceDateEpoch, sha256.Sum256(opts.ECharts))
	if exe, err := os.Executable(); err == nil {
		if info, err := os.Stat(exe); err == nil {
			fmt.Fprintf(h, "exe\x00%s\x00%d\x00%d\n", exe, info.Size(), info.ModTime().UnixNano())
		}
	}
	_ = fs.WalkDir(opts.Theme, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := fs.ReadFile(opts.Theme, p)
			fmt.Fprintf(h, "theme\x00%s\x00%x\n", p, sha256.Sum256(b))
		}
		return nil
	})
	for _, in := range append(Inputs(), echartsFile) {
		root := filepath.Join(opts.Source, filepath.FromSlash(in))
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if os.IsNotExist(err) && p == root {
					fmt.Fprintf(h, "absent\x00%s\n", in)
					return nil
				}
				return err
			}
			rel, _ := filepath.Rel(opts.Source, p)
			if d.IsDir() {
				// Folders count too: an empty one can be a problem (a
				// folder named x.md, a section without _index.md).
				fmt.Fprintf(h, "%s/\n", filepath.ToSlash(rel))
				return nil
			}
			info, err := os.Stat(p) // follows symbolic links, as the build does
			if err != nil {
				return err
			}
			fmt.Fprintf(h, "%s\x00%d\x00%d\n", filepath.ToSlash(rel), info.Size(), info.ModTime().UnixNano())
			return nil
		})
		if err != nil {
			return "", err
		}
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// state is what a successful build leaves for the next one.
type state struct {
	fingerprint  string
	pages, files int
	warnings     []problem.Problem
	outputs      map[string]publish.Stamp // slash path in the destination
}

// saveState records a successful build.
func saveState(opts Options, fp string, res *Result) error {
	dest := opts.Destination
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n%s\n%d %d\n", stateVersion, fp, res.Pages, res.Files)
	for _, p := range res.Problems {
		if p.Severity == problem.Warning {
			fmt.Fprintf(&b, "w\t%s\t%d\t%d\t%s\t%s\n", p.File, p.Line, p.Col, p.Field, strings.ReplaceAll(p.Message, "\n", " "))
		}
	}
	// The files and their stamps as the build wrote or found them: the
	// destination holds exactly these after Commit, so it need not be
	// walked again.
	for _, rel := range slices.Sorted(maps.Keys(res.outputs)) {
		st := res.outputs[rel]
		fmt.Fprintf(&b, "f\t%s\t%d\t%d\n", rel, st.Size, st.ModTime)
	}
	// Written whole beside it, then renamed over it: a build killed while
	// writing leaves no state file, never part of one.
	path := statePath(dest)
	if err := os.WriteFile(path+".tmp", []byte(b.String()), 0o644); err != nil {
		os.Remove(path + ".tmp")
		return err
	}
	return os.Rename(path+".tmp", path)
}

// loadState reads the state a previous build left, or nil.
func loadState(dest string) *state {
	f, err := os.Open(statePath(dest))
	if err != nil {
		return nil
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	st := &state{outputs: map[string]publish.Stamp{}}
	for n := 0; sc.Scan(); n++ {
		line := sc.Text()
		switch n {
		case 0:
			if line != stateVersion {
				return nil
			}
			continue
		case 1:
			st.fingerprint = line
			continue
		case 2:
			if _, err := fmt.Sscanf(line, "%d %d", &st.pages, &st.files); err != nil {
				return nil
			}
			continue
		}
		parts := strings.Split(line, "\t")
		switch {
		case parts[0] == "f" && len(parts) == 4:
			size, err1 := strconv.ParseInt(parts[2], 10, 64)
			mtime, err2 := strconv.ParseInt(parts[3], 10, 64)
			if err1 != nil || err2 != nil {
				return nil
			}
			st.outputs[parts[1]] = publish.Stamp{Size: size, ModTime: mtime}
		case parts[0] == "w" && len(parts) == 6:
			line, _ := strconv.Atoi(parts[2])
			col, _ := strconv.Atoi(parts[3])
			st.warnings = append(st.warnings, problem.Problem{Severity: problem.Warning, File: parts[1], Line: line, Col: col, Field: parts[4], Message: parts[5]})
		default:
			return nil
		}
	}
	if sc.Err() != nil {
		return nil
	}
	return st
}

// upToDate reports whether the destination holds exactly what the state
// says the last build wrote: the same files, none more, none changed.
func (st *state) upToDate(dest string) bool {
	seen := 0
	err := filepath.WalkDir(dest, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dest, p)
		want, ok := st.outputs[filepath.ToSlash(rel)]
		if !ok || want != publish.StampOf(info) {
			return errStale
		}
		seen++
		return nil
	})
	return err == nil && seen == len(st.outputs)
}

var errStale = errors.New("stale")
