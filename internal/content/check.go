package content

import (
	"github.com/congkhai/congkhai/internal/config"
	"github.com/congkhai/congkhai/internal/problem"
)

// The checks of this file need every page of the site; the build runs them
// with its other site-wide checks, once the whole site is loaded.

// CheckSections reports the folders of content/ that hold pages but no
// _index.md, and a procedures section without one.
func (s *Site) CheckSections(cfg *config.Config, problems *problem.List) {
	reported := false
	for _, dir := range s.unindexed {
		problems.Errorf(Dir+"/"+dir, 0, "", "this folder is a section and needs an %s file with its title", IndexFile)
		reported = reported || dir == cfg.Procedures.Section
	}
	if s.ProcedureSection == nil && !reported {
		problems.Errorf(Dir+"/"+cfg.Procedures.Section+"/"+IndexFile, 0, "", "not found: the procedures section needs an %s with its title and introduction", IndexFile)
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
// language, and the two pages are each other's alternates.
func (s *Site) CheckTranslations(problems *problem.List) {
	for _, e := range s.editions[1:] {
		for _, p := range e.Procedures {
			orig := p.Translation(s.Lang)
			if orig == nil || orig.Procedure == nil {
				continue
			}
			if p.Procedure.Code != orig.Procedure.Code {
				problems.Errorf(p.File, FieldLine(s.Dir, p, "code"), "code", "%q is not the code of %s (%q): a translation describes the same procedure, with the same code", p.Procedure.Code, orig.File, orig.Procedure.Code)
			}
		}
	}
}
