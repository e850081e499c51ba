package render

import (
	"html/template"
	"path"
	"strings"
	"time"

	"github.com/congkhai/congkhai/internal/config"
	"github.com/congkhai/congkhai/internal/contacts/phone"
	"github.com/congkhai/congkhai/internal/content"
	"github.com/congkhai/congkhai/internal/locale"
	"github.com/congkhai/congkhai/internal/msg"
	"github.com/congkhai/congkhai/internal/static"
	"github.com/congkhai/congkhai/internal/tomlfile"
	"github.com/congkhai/congkhai/internal/vntext"
)

// Funcs returns the functions layouts may call. They depend only on the
// configuration and the site's files, never on the clock; those that
// follow the page's language are LangFuncs, or PerLang makers here.
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
		"download": PerLang(func(loc *locale.Locale) any {
			return func(sitePath string) string { return Download(loc, files, sitePath) }
		}),
		// themeColor is the colour of the browser's frame (theme-color).
		"themeColor": func() string { return ThemeColor },
		// isoDate, and LangFuncs' date and weekday, take a time.Time (the
		// reference date, an occurrence) or a date of a file (site.toml's
		// as_of, the directory's updated): dateArg says which.
		"isoDate": func(v any) (string, error) {
			t, given, err := dateArg(v)
			if err != nil || !given {
				return "", err
			}
			return t.Format("2006-01-02"), nil
		},
		"deref": func(p *int) int {
			if p == nil {
				return 0
			}
			return *p
		},
		// tel is the tel: link of a parsed number. html/template refuses
		// tel: addresses unless they are marked safe; a phone.Number can
		// only hold digits, so its link is.
		"tel": func(n phone.Number) template.URL {
			return template.URL(n.TelURI())
		},
		"add": func(xs ...int) int {
			n := 0
			for _, x := range xs {
				n += x
			}
			return n
		},
		// listing writes out a list of procedure pages for display.
		"listing": PerLang(func(loc *locale.Locale) any {
			return func(pages []*content.Page) []ListItem { return Listing(loc, cfg, pages) }
		}),
		// link is LangFuncs' link, which on a page of another edition than
		// the default marks a link to a page of the default one
		// (hreflang and " (tiếng Việt)").
		"link": PerLang(func(loc *locale.Locale) any {
			ed := cfg.Edition(loc.Lang())
			root := cfg.RelURL("/")
			return func(href string, text any) template.HTML {
				// href is as url writes it: under the base path.
				if rest, ok := strings.CutPrefix(href, root); ok {
					if lang := cfg.OtherLang(ed, "/"+rest); lang != "" {
						return linkHTML(href, template.HTML(bodyHTML(text))+LangMarker(lang), ` hreflang="`+template.HTMLEscapeString(lang)+`"`)
					}
				}
				return linkHTML(href, text, "")
			}
		}),
		// limit is the first n items of a list of pages.
		"limit": func(items []*content.Page, n int) []*content.Page { return items[:min(n, len(items))] },
		"slug":  vntext.Slug,
		// clock is the time of day of t: 07:30.
		"clock": func(t time.Time) string { return t.Format("15:04") },
	}
}

// Download describes the static file at sitePath for a link text: its
// type and size in the language of loc, "DOCX, 12,5 KB", or its type
// alone when it is not a file of the site.
func Download(loc *locale.Locale, files *static.Files, sitePath string) string {
	kind := strings.ToUpper(strings.TrimPrefix(path.Ext(sitePath), "."))
	if f, ok := files.StaticFile(sitePath); ok {
		return kind + ", " + loc.FileSize(f.Size)
	}
	return kind
}

// dateArg reads the argument of a date function: a time.Time (the zero
// time is no date) or a date of a file, which says itself whether it was
// given.
func dateArg(v any) (t time.Time, given bool, err error) {
	switch d := v.(type) {
	case time.Time:
		return d, !d.IsZero(), nil
	case tomlfile.Date:
		return d.Time(), d.Given(), nil
	}
	return time.Time{}, false, msg.Errorf("expected a date, found %T", v)
}
