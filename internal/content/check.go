package content

import (
	"os"
	"path"
	"path/filepath"

	"github.com/congkhai/congkhai/internal/config"
	"github.com/congkhai/congkhai/internal/problem"
	"github.com/congkhai/congkhai/internal/vntext"
)

// The checks of this file need every page of the site; the build runs them
// with its other site-wide checks, once the whole site is loaded.

// CheckSections reports the folders of content/ that hold pages but no
// _index.md, and a procedures section without one.
//
// For an edition in another language than the site's, the file is its
// translation (_index.en.md), and the procedures section is needed only
// when the edition has procedures.
func (s *Site) CheckSections(cfg *config.Config, problems *problem.List) {
	index := IndexFile
	if s.edition != nil {
		index = langFile(IndexFile, s.edition)
	}
	reported := false
	for _, dir := range s.unindexed {
		problems.Errorf(Dir+"/"+dir, 0, "", "this folder is a section and needs an %s file with its title", index)
		reported = reported || dir == cfg.Procedures.Section
	}
	needed := s.edition == nil || s.edition.Default || len(s.Procedures) > 0
	if s.ProcedureSection == nil && !reported && needed {
		problems.Errorf(Dir+"/"+cfg.Procedures.Section+"/"+index, 0, "", "not found: the procedures section needs an %s with its title and introduction", index)
	}
}

// CheckCodes reports a procedure whose code another file has already: the
// first by path keeps it.
func (s *Site) CheckCodes(problems *problem.List) {
	for _, p := range s.Procedures {
		if first := s.byCode[p.Procedure.Code]; first != nil && first != p {
			problems.Errorf(p.File, FieldLine(s.Dir, p, "code"), "code", "%q is already the code of %s: each procedure has one file", p.Procedure.Code, first.File)
		}
	}
}

// CheckTranslations reports a translated procedure whose code is not its
// original's: a translation describes the same procedure, in another
// language, and the two pages are each other's alternates. It warns of a
// translation without an original (a name mistyped: the pages are not
// each other's), naming the file whose code it has, and of a translated
// procedure that kept its original's Vietnamese field or agency.
func (s *Site) CheckTranslations(problems *problem.List) {
	for _, e := range s.editions[1:] {
		for _, p := range e.Pages {
			if p.Translation(s.Lang) != nil || p.File == "" || p.BodyLine == 0 {
				continue
			}
			original := withoutLang(p.File)
			if p.Procedure != nil {
				if same := s.ProcedureByCode(p.Procedure.Code); same != nil {
					problems.Errorf(p.File, FieldLine(s.Dir, p, "code"), "code", "%q is the code of %s, but this file is not named after it: name the translation %s, beside its original", p.Procedure.Code, same.File, langFile(path.Base(same.File), e.edition))
					continue
				}
			}
			if _, err := os.Stat(filepath.Join(s.Dir, filepath.FromSlash(original))); err == nil {
				continue // the original is there, with problems of its own (reported)
			}
			problems.Warnf(p.File, 0, "", "%s does not exist: a translation is named after the page it translates, beside it; this page has no version in %s", original, s.Lang.Text())
		}
		for _, p := range e.Procedures {
			orig := p.Translation(s.Lang)
			if orig == nil || orig.Procedure == nil {
				continue
			}
			if p.Procedure.Code != orig.Procedure.Code {
				problems.Errorf(p.File, FieldLine(s.Dir, p, "code"), "code", "%q is not the code of %s (%q): a translation describes the same procedure, with the same code", p.Procedure.Code, orig.File, orig.Procedure.Code)
			}
			for _, f := range []struct{ field, here, there string }{
				{"field", p.Procedure.Field, orig.Procedure.Field},
				{"agency", p.Procedure.Agency, orig.Procedure.Agency},
			} {
				if f.here == f.there && vntext.HasVietnameseLetters(f.here) {
					problems.Warnf(p.File, FieldLine(s.Dir, p, f.field), f.field, "%q is the original's, in Vietnamese: write it in %s, the same way in every translated procedure, since the lists group by it", f.here, e.Lang.Text())
				}
			}
		}
	}
}
