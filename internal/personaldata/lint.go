// Package personaldata keeps personal data that must never be published
// out of a portal (Decree 13/2023/NĐ-CP). Its one rule so far: no citizen
// ID number (căn cước công dân) in any file of data/ (FindIDs).
//
// The files come from a datafiles.Folder, so that a file the loaders read
// is checked in the bytes they read, not read from disk again.
package personaldata

import (
	"github.com/congkhai/congkhai/internal/datafiles"
	"github.com/congkhai/congkhai/internal/problem"
	"github.com/congkhai/congkhai/internal/rawfile"
)

// Lint reports, as errors, the personal data in every file under the
// site's data/ folder (any extension, comments included): every value
// that looks like a citizen ID number, since personal identification
// numbers must never be published. A missing data/ folder is no problem.
// Each problem gives file:line:column and the number masked, so that the
// report does not repeat it. Files the loaders read are linted
// in the bytes they read (datafiles.Folder.Drain); the others are read
// now. Call it after the loaders, once: the folder lets go of the bytes it
// kept for them.
func Lint(data *datafiles.Folder, problems *problem.List) {
	data.Drain(func(name string, src []byte, err error) {
		if err != nil {
			problems.Errorf(name, 0, "", "%s", rawfile.ReadProblem(err))
			return
		}
		lintIDs(name, src, problems)
	})
}
