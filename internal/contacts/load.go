package contacts

import (
	"github.com/congkhai/congkhai/internal/datafiles"
	"github.com/congkhai/congkhai/internal/problem"
	"github.com/congkhai/congkhai/internal/tomlfile"
)

// Load reads data/danh-ba.toml from the site folder siteDir, records every
// problem in problems and returns the validated directory. It returns nil
// when the file does not exist (the site has no directory, which is not a
// problem) or when it has errors.
//
// The file is read with readFile: os.ReadFile, or datafiles.Folder.ReadFile,
// which keeps its bytes for the citizen-ID lint. Load does not look for
// those numbers itself: the build runs personaldata.Lint once over every
// file in data/, this one included.
func Load(siteDir string, readFile func(name string) ([]byte, error), problems *problem.List) *Directory {
	src, ok := datafiles.ReadOptional(siteDir, FileName, readFile, problems)
	if !ok {
		return nil
	}
	return Parse(FileName, src, problems)
}

// Parse decodes and validates the text of a directory file; file is the
// path shown in problems. It returns nil when there is an error.
func Parse(file string, src []byte, problems *problem.List) *Directory {
	var local problem.List // other loaders may add to problems meanwhile
	defer problems.Merge(&local)
	doc := tomlfile.New(file, src, 1)
	var d Directory
	if !doc.Decode(&d, &local) {
		return nil
	}
	d.validate(reporter{doc.Reporter(&local)})
	if local.Errors() > 0 {
		return nil
	}
	return &d
}
