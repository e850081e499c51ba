package render

import (
	"html/template"

	"github.com/congkhai/congkhai/internal/config"
	"github.com/congkhai/congkhai/internal/content"
	"github.com/congkhai/congkhai/internal/i18n"
)

// Alternate is a page in another language of the site: the same page, or,
// when it has none there, that language's home page (Home set), which
// the language switcher says.
type Alternate struct {
	Lang string // hreflang and lang: vi, en
	Name string // the language's name in itself: Tiếng Việt, English
	Path string // site path
	Home bool   // the page has no version in the language: Path is its home
	// Note says so, in that language, when Home is set.
	Note string
}

// EditionOf is what a layout knows of the site's languages: this page's
// edition and every edition, for links home and the language switcher.
type EditionOf struct {
	// Edition is the language of the pages this Site renders.
	Edition *config.Edition
	// Editions are all the site's languages, its default first.
	Editions []*config.Edition
}

// HomePath is the home page of the edition: / or /en/.
func (e EditionOf) HomePath() string {
	if e.Edition == nil {
		return "/"
	}
	return e.Edition.Path
}

// Multilingual reports whether the site has more than one language.
func (e EditionOf) Multilingual() bool { return len(e.Editions) > 1 }

// LangMarker is what ends a link to a page in another language than the
// page's: the language's name, in it, " (tiếng Việt)".
func LangMarker(lang string) template.HTML {
	l := i18n.Lang(lang)
	name := l.Name()
	if l == i18n.Vietnamese { // "tiếng Việt" inside a sentence
		name = "t" + name[1:]
	}
	return ` <span class="lang-note">(` + inLang(lang, name) + `)</span>`
}

// inLang is text, escaped, in an element that says its language: a name
// or a title in another language than the page's.
func inLang(lang, text string) template.HTML {
	return template.HTML(`<span lang="` + template.HTMLEscapeString(lang) + `">` + template.HTMLEscapeString(text) + `</span>`)
}

// OtherLang is the language of the page at sitePath when it is not in
// this Site's (a page of the default edition linked from another's):
// "vi", or "" for a page of the Site's own language or a file.
func (s *Site) OtherLang(sitePath string) string { return s.Config.OtherLang(s.Edition, sitePath) }

// Hreflang is the page's versions for <link rel="alternate" hreflang>:
// none when it has no version in another language (a home page standing
// in for one is not an alternate).
func (d *Data) Hreflang() []Alternate {
	var out []Alternate
	for _, a := range d.Alternates {
		if !a.Home {
			out = append(out, a)
		}
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// officeField is the field the reception points know a procedure by:
// the Vietnamese original's, for a translated record, since
// data/diem-tiep-nhan.toml names fields as the site's own records do.
func (s *Site) officeField(code, field string) string {
	if f, ok := s.OriginalFields[code]; ok {
		return f
	}
	return field
}

// LocalPath is a site path of the default edition (/diem-tiep-nhan/) in
// this Site's (/en/diem-tiep-nhan/).
func (s *Site) LocalPath(sitePath string) string {
	if s.Edition == nil || s.Edition.Default {
		return sitePath
	}
	return s.Edition.Prefix() + sitePath
}

// PageIn returns the content page at a site path of the default edition
// in this Site's language (/en/… for /…), or the default edition's when
// it has no translation, or nil.
func (s *Site) PageIn(sitePath string) *content.Page {
	if pg := s.Pages[s.LocalPath(sitePath)]; pg != nil {
		return pg
	}
	if s.Original != nil {
		return s.Original.Pages[sitePath]
	}
	return nil
}
