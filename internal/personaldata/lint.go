// Package personaldata keeps personal data that must never be published
// out of a portal (Decree 13/2023/NĐ-CP). Its rules run over every file of
// data/ (Lint) and of content/ (LintPage, front matter and body):
//
//   - no citizen ID number (căn cước công dân) anywhere (FindIDs);
//   - no mobile number (FindMobiles, with the mobile prefixes of package
//     phone) whose publication is not recorded: a mobile is almost always
//     a person's, and needs their written consent. The directory
//     (data/danh-ba.toml) records it for the numbers it lists (consent_ref,
//     or official = true for the agency's own; a hotline is the agency's),
//     and a page for the numbers its front matter lists in
//     published_mobiles (CheckConsents). Landlines, short numbers such as
//     1022, and 1800 and 1900 numbers are the agency's and need none.
//
// Every problem gives file:line:column and the number masked, so that the
// report does not repeat it. Each file is linted in the bytes its loader
// read: data/ through datafiles.Folder.Drain, content/ by content.Load's
// workers, file by file, keeping nothing.
package personaldata

import (
	"github.com/congkhai/congkhai/internal/datafiles"
	"github.com/congkhai/congkhai/internal/problem"
	"github.com/congkhai/congkhai/internal/rawfile"
)

// Lint reports, as errors, the personal data in every file under the
// site's data/ folder (any extension, comments included): every value
// that looks like a citizen ID number, and every mobile number that site
// (the directory's numbers) does not consent to; with site nil (the
// directory has errors, reported on their own) mobiles are not checked. A
// missing data/ folder is no problem. Files the loaders read are linted
// in the bytes they read (datafiles.Folder.Drain); the others are read
// now. Call it after the loaders, once: the folder lets go of the bytes it
// kept for them.
func Lint(data *datafiles.Folder, site Consented, problems *problem.List) {
	data.Drain(func(name string, src []byte, err error) {
		if err != nil {
			problems.Errorf(name, 0, "", "%s", rawfile.ReadProblem(err))
			return
		}
		var consented func(string) bool
		if site != nil {
			consented = func(d string) bool { return site[d] }
		}
		lint(name, src, consented, dataMobile, problems)
	})
}
