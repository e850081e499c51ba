package render

import (
	"html/template"
	"path"
	"strings"
	"time"

	"github.com/congkhai/congkhai/internal/config"
	"github.com/congkhai/congkhai/internal/contacts/phone"
	"github.com/congkhai/congkhai/internal/content"
	"github.com/congkhai/congkhai/internal/static"
	"github.com/congkhai/congkhai/internal/vnformat"
	"github.com/congkhai/congkhai/internal/vntext"
)

// Funcs returns the functions layouts may call. They depend only on the
// configuration and the site's files, never on the clock.
func Funcs(cfg *config.Config, files *static.Files) template.FuncMap {
	return template.FuncMap{
		// url turns a site path (/thu-tuc/) into a link that works under
		// the base path (/portal/thu-tuc/).
		"url":    cfg.RelURL,
		"absURL": cfg.AbsURL,
		// asset returns the hashed address of a theme asset.
		"asset": func(name string) (string, error) {
			a, err := files.Asset(name)
			if err != nil {
				return "", err
			}
			return cfg.RelURL(a.Path), nil
		},
		// download describes a static file for a link text: "DOCX, 12 KB".
		"download": func(sitePath string) string { return Download(files, sitePath) },
		"vnd":      vnformat.VND,
		"date":     vnformat.Date,
		"isoDate":  func(t time.Time) string { return t.Format("2006-01-02") },
		"deref": func(p *int) int {
			if p == nil {
				return 0
			}
			return *p
		},
		"number": func(n int) string { return vnformat.Int(int64(n)) },
		// tel is the tel: link of a parsed number. html/template refuses
		// tel: addresses unless they are marked safe; a phone.Number can
		// only hold digits, so its link is.
		"tel": func(n phone.Number) template.URL {
			return template.URL(n.TelURI())
		},
		// weekday names the day of the week of t: Thứ Hai … Chủ nhật.
		"weekday": func(t time.Time) string { return vnformat.Weekday(t.Weekday()) },
		"add": func(xs ...int) int {
			n := 0
			for _, x := range xs {
				n += x
			}
			return n
		},
		// listing writes out a list of procedure pages for display.
		"listing": func(pages []*content.Page) []ListItem { return Listing(cfg, pages) },
		// limit is the first n items of a list of pages.
		"limit": func(items []*content.Page, n int) []*content.Page { return items[:min(n, len(items))] },
		"slug":  vntext.Slug,
		// clock is the time of day of t: 07:30.
		"clock": func(t time.Time) string { return t.Format("15:04") },
	}
}

// Download describes the static file at sitePath for a link text: its
// type and size, "DOCX, 12 KB", or its type alone when it is not a file of
// the site.
func Download(files *static.Files, sitePath string) string {
	kind := strings.ToUpper(strings.TrimPrefix(path.Ext(sitePath), "."))
	if f, ok := files.StaticFile(sitePath); ok {
		return kind + ", " + vnformat.FileSize(f.Size)
	}
	return kind
}
