// Package i18n holds congkhai's translation tables, one folder of TOML
// files per language, and chooses the language an editor reads.
//
// The [messages] table of a language translates what congkhai tells
// editors: its keys are the English formats as the code writes them
// (package msg), its values the same message in the language, with the
// same verbs:
//
//	[messages]
//	"required when %s > 0" = "bắt buộc khi %s > 0"
//
// English needs no table of messages: the code is written in it.
package i18n

import (
	"embed"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/congkhai/congkhai/internal/msg"
)

// Lang is a language congkhai speaks, as its ISO 639-1 code.
type Lang string

const (
	Vietnamese Lang = "vi"
	English    Lang = "en"
)

// Default is the language of messages when nothing chooses one: the
// editors are Vietnamese civil servants.
const Default = Vietnamese

// Langs lists the languages, Vietnamese first.
func Langs() []Lang { return []Lang{Vietnamese, English} }

// Parse returns the language a code names: "vi", "en", or a locale such
// as vi_VN.UTF-8 or en-GB. It reports false for languages congkhai does
// not speak, and for the C and POSIX locales, which name none.
func Parse(code string) (Lang, bool) {
	code = strings.ToLower(strings.TrimSpace(code))
	if i := strings.IndexAny(code, "_-.@"); i >= 0 {
		code = code[:i]
	}
	for _, l := range Langs() {
		if string(l) == code {
			return l, true
		}
	}
	return "", false
}

// FromEnvironment returns the language the environment asks messages in,
// as gettext reads it: LANGUAGE (a list, first one spoken wins) unless
// the locale is C, then LC_ALL, LC_MESSAGES and LANG. It reports false
// when they ask for none congkhai speaks.
func FromEnvironment(getenv func(string) string) (Lang, bool) {
	locale := ""
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(name); v != "" {
			locale = v
			break
		}
	}
	base, _, _ := strings.Cut(locale, ".")
	if base == "C" || base == "POSIX" {
		return "", false
	}
	if list := getenv("LANGUAGE"); list != "" && locale != "" {
		for _, code := range strings.Split(list, ":") {
			if l, ok := Parse(code); ok {
				return l, true
			}
		}
	}
	return Parse(locale)
}

// Choose returns the language of messages: the one the editor asked for
// (--lang), else the environment's, else the site's (site.toml), else
// Default. It reports an error for an asked language it does not speak.
func Choose(asked string, getenv func(string) string, site string) (Lang, error) {
	if asked != "" {
		l, ok := Parse(asked)
		if !ok {
			return Default, msg.Errorf("--lang %q: use one of %s", asked, strings.Join(codes(), ", "))
		}
		return l, nil
	}
	if l, ok := FromEnvironment(getenv); ok {
		return l, nil
	}
	if l, ok := Parse(site); ok {
		return l, nil
	}
	return Default, nil
}

func codes() []string {
	var out []string
	for _, l := range Langs() {
		out = append(out, string(l))
	}
	return out
}

//go:embed vi/*.toml en/*.toml
var builtin embed.FS

// Catalog is one language's tables.
type Catalog struct {
	lang     Lang
	messages map[string]string
	files    map[string]string // key → file it is translated in, for errors
}

// Load returns the built-in catalog of lang.
func Load(lang Lang) (*Catalog, error) { return load(builtin, lang) }

// load reads the catalog of lang from the folder of that name in files.
func load(files fs.FS, lang Lang) (*Catalog, error) {
	c := &Catalog{lang: lang, messages: map[string]string{}, files: map[string]string{}}
	names, err := fs.Glob(files, string(lang)+"/*.toml")
	if err != nil {
		return nil, err
	}
	slices.Sort(names)
	for _, name := range names {
		b, err := fs.ReadFile(files, name)
		if err != nil {
			return nil, err
		}
		if err := c.add(path.Join("internal/i18n", name), b); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// tables is the shape of a translation file.
type tables struct {
	Messages map[string]string `toml:"messages"`
}

func (c *Catalog) add(name string, b []byte) error {
	var t tables
	md, err := toml.Decode(string(b), &t)
	if err != nil {
		return msg.Errorf("%s: %w", name, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		return msg.Errorf("%s: %s: not a table of translations", name, und[0])
	}
	for key, val := range t.Messages {
		if other, ok := c.files[key]; ok {
			return msg.Errorf("%s: messages: %q is translated in %s too", name, key, other)
		}
		c.messages[key] = val
		c.files[key] = name
	}
	return nil
}

// Lang returns the catalog's language.
func (c *Catalog) Lang() Lang { return c.lang }

// Translate returns the translation of a message's key, or "" (msg.Translator).
func (c *Catalog) Translate(key string) string {
	if c == nil {
		return ""
	}
	return c.messages[key]
}

// Messages returns every key the catalog translates, sorted, with the
// file each is in: what the test of the tables compares with the code.
func (c *Catalog) Messages() map[string]string { return c.files }
