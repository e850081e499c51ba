// Package datafiles reads the files of a site's data/ folder, each from
// disk once, for every part of the build that needs them: the contacts and
// dataset loaders read the files they know through Folder.ReadFile, and a
// check that looks at every file of the folder (personaldata.Lint) goes
// through them all with Folder.Drain, in the bytes the loaders read.
package datafiles

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/congkhai/congkhai/internal/limits"
	"github.com/congkhai/congkhai/internal/problem"
	"github.com/congkhai/congkhai/internal/rawfile"
)

// Folder is the data/ folder of a site as the loaders read it: a file
// read by one loader is not read again by another, nor by Drain. It is not
// safe for concurrent use.
type Folder struct {
	siteDir string
	read    map[string]readResult // by cleaned path
	// readDisk reads a file from disk: rawfile.ReadRegular (a named pipe
	// would block the build), or a count in tests.
	readDisk func(name string, limit int64) ([]byte, error)
}

type readResult struct {
	src []byte
	err error
}

// New returns the data/ folder of the site folder siteDir, with nothing
// read yet.
func New(siteDir string) *Folder {
	return &Folder{siteDir: siteDir, read: map[string]readResult{}, readDisk: rawfile.ReadRegular}
}

// ReadFile is os.ReadFile for the loaders; it reads each file once and
// keeps its bytes, or its error, for the next reader and for Drain.
// The bytes must not be changed. A CSV file may hold limits.CSVBytes, any
// other file limits.DataFileBytes: a larger one is an error
// (rawfile.TooLargeError).
func (f *Folder) ReadFile(name string) ([]byte, error) {
	key := filepath.Clean(name)
	if r, ok := f.read[key]; ok {
		return r.src, r.err
	}
	limit := int64(limits.DataFileBytes)
	if strings.EqualFold(filepath.Ext(name), ".csv") {
		limit = limits.CSVBytes
	}
	src, err := f.readDisk(name, limit)
	f.read[key] = readResult{src, err}
	return src, err
}

// Drain calls fn for every file under the site's data/ folder, in lexical
// order, with its path from the site folder (slash-separated:
// data/thong-ke/x.csv) and its bytes, or the error that kept them from
// being read. Files the loaders read come in the bytes they read; the
// others are read now. A missing data/ folder has no files. Call it after
// the loaders, once: it lets go of the bytes it kept for them.
func (f *Folder) Drain(fn func(name string, src []byte, err error)) {
	root := filepath.Join(f.siteDir, "data")
	_ = filepath.WalkDir(root, func(path string, de fs.DirEntry, err error) error {
		rel := "data"
		if r, rerr := filepath.Rel(f.siteDir, path); rerr == nil {
			rel = filepath.ToSlash(r)
		}
		if err != nil {
			if path == root && os.IsNotExist(err) {
				return nil
			}
			fn(rel, nil, err)
			return nil
		}
		if de.IsDir() {
			return nil
		}
		src, err := f.ReadFile(path)
		delete(f.read, filepath.Clean(path)) // no one reads it after Drain
		fn(rel, src, err)
		return nil
	})
}

// ReadOptional reads the file name (a slash path in the site folder
// siteDir, such as data/danh-ba.toml) that a site may do without, with
// readFile (Folder.ReadFile). A file that is not there is no problem: ok is
// false and nothing is recorded. Any other error is a problem of the file.
func ReadOptional(siteDir, name string, readFile func(name string) ([]byte, error), problems *problem.List) (src []byte, ok bool) {
	src, err := readFile(filepath.Join(siteDir, filepath.FromSlash(name)))
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			problems.Errorf(name, 0, "", "%s", rawfile.ReadProblem(err))
		}
		return nil, false
	}
	return src, true
}
