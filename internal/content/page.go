// Package content loads the content/ folder: Markdown files with TOML front
// matter become typed pages (ordinary pages, section indexes and procedure
// records) with the URL each will be published at.
package content

import (
	"cmp"
	"time"

	"github.com/congkhai/congkhai/internal/i18n"
	"github.com/congkhai/congkhai/internal/personaldata"
	"github.com/congkhai/congkhai/internal/procedure"
	"github.com/congkhai/congkhai/internal/tomlfile"
)

// Kind says which layout a page uses.
type Kind int

const (
	KindHome      Kind = iota // content/_index.md
	KindSection               // content/<folder>/_index.md
	KindPage                  // an ordinary page
	KindProcedure             // a file in the procedures section
)

func (k Kind) String() string {
	return [...]string{"home", "section", "page", "procedure"}[k]
}

// Page is one content file. The Markdown body is not kept in memory: it is
// read again when the page is rendered, so that memory does not grow with
// the size of the site's text.
type Page struct {
	Kind Kind
	// Lang is the language of the page: the site's, or the one its file
	// name gives (gioi-thieu.en.md).
	Lang        i18n.Lang
	File        string // slash-separated path from the site folder: content/thu-tuc/khai-sinh.md
	Dir         string // folder under content/: "" or thu-tuc or tin-tuc/2025
	Path        string // site path, always ending in /: /thu-tuc/dang-ky-khai-sinh/
	Title       string
	Description string
	Weight      int
	Updated     time.Time // the day of updated, midnight UTC; zero when not given
	Aliases     []string
	BodyLine    int // line of the file where the Markdown body starts
	// BodyHash is the SHA-256 of the Markdown body as written: with the
	// build cache, what its HTML is found by, without reading the file
	// again.
	BodyHash [32]byte

	// Procedure is set for KindProcedure. Once the page is loaded it holds
	// the record's Summary, what lists use; Record gives the whole record.
	Procedure *procedure.Procedure
	// Forms are the form files the procedure's papers name, for the check
	// that each is a file of the site.
	Forms []procedure.FormRef
	// packed is the whole record (procedure.Pack), kept as bytes the
	// garbage collector need not walk, with its texts in texts.
	packed []byte
	texts  *procedure.Texts
	// Parent is the section page that lists this page (nil for home).
	Parent *Page
	// Pages and Sections are set for home and section pages: the pages and
	// sub-sections directly inside, ordered by weight then title.
	Pages    []*Page
	Sections []*Page
	// Translations are the same page in the site's other languages, in
	// the order of the site's editions: gioi-thieu.md and gioi-thieu.en.md
	// are each other's.
	Translations []*Page
}

// Translation returns the page in lang (p itself when it is in lang), or
// nil when it has none.
func (p *Page) Translation(lang i18n.Lang) *Page {
	if p.Lang == lang {
		return p
	}
	for _, t := range p.Translations {
		if t.Lang == lang {
			return t
		}
	}
	return nil
}

// TitleOf is a page's title, for the sorts of vntext.SortByText.
func TitleOf(p *Page) string { return p.Title }

// ByPath orders pages by site path, which is unique.
func ByPath(a, b *Page) int { return cmp.Compare(a.Path, b.Path) }

// Meta is the front matter of an ordinary page, a section or home.
type Meta struct {
	Title       string        `toml:"title"`
	Description string        `toml:"description"`
	Slug        string        `toml:"slug"`
	Aliases     []string      `toml:"aliases"`
	Weight      int           `toml:"weight"`
	Updated     tomlfile.Date `toml:"updated"`
	Draft       bool          `toml:"draft"`
	// PublishedMobiles are the mobile numbers the page may show, each
	// with the record of why (personaldata.CheckConsents).
	PublishedMobiles []personaldata.Consent `toml:"published_mobiles"`
}

// Record returns the whole procedure record of a procedure page.
func (p *Page) Record() (*procedure.Procedure, error) {
	if p.packed == nil {
		return p.Procedure, nil
	}
	return procedure.Unpack(p.packed, p.texts)
}

// LastChanged is the date shown as "Cập nhật lần cuối" and in the sitemap:
// updated for pages, synced_at for procedures; zero when unknown.
func (p *Page) LastChanged() time.Time {
	if p.Procedure != nil {
		return p.Procedure.SyncedAt.Time()
	}
	return p.Updated
}
