package render

import (
	"github.com/congkhai/congkhai/internal/config"
)

// Alternate is a page in another language of the site: the same page, or,
// when it has none there, that language's home page (Home set), which
// the language switcher says.
type Alternate struct {
	Lang string // hreflang and lang: vi, en
	Name string // the language's name in itself: Tiếng Việt, English
	Path string // site path
	Home bool   // the page has no version in the language: Path is its home
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
