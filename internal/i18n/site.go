package i18n

import (
	"errors"
	"io/fs"
	"maps"
	"slices"
	"strings"

	"github.com/congkhai/congkhai/internal/limits"
	"github.com/congkhai/congkhai/internal/msg"
	"github.com/congkhai/congkhai/internal/problem"
	"github.com/congkhai/congkhai/internal/rawfile"
	"github.com/congkhai/congkhai/internal/tomlfile"
)

// SiteDir is the folder of a site's own translation tables: i18n/vi.toml,
// i18n/en.toml.
const SiteDir = "i18n"

// SiteTables is a site's i18n/<lang>.toml:
//
//	# the portal's texts, in place of congkhai's (keys are the English
//	# texts of the layouts, as in the built-in tables)
//	[messages]
//	"Documents to bring" = "Giấy tờ cần mang"
//
//	# the data's names in this language, keyed by their Vietnamese form:
//	# fields, agencies, positions, units, chart titles, columns
//	[names]
//	"Hộ tịch" = "Civil status"
type SiteTables struct {
	File     string            `toml:"-"`
	Messages map[string]string `toml:"messages"`
	Names    map[string]string `toml:"names"`
	doc      *tomlfile.Doc
}

// Line returns the line of a key of the file's table (messages or
// names), 0 when unknown.
func (t *SiteTables) Line(table, key string) int {
	if t == nil || t.doc == nil {
		return 0
	}
	return t.doc.Line(table + "." + key)
}

// LoadSite reads the site's table of lang from the site folder dir; a
// site without one gets empty tables. Every problem of the file is
// recorded in problems.
func LoadSite(dir string, lang Lang, problems *problem.List) *SiteTables {
	name := SiteDir + "/" + string(lang) + ".toml"
	t := &SiteTables{File: name}
	src, err := rawfile.ReadRegular(dir+"/"+name, limits.ConfigBytes)
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			problems.Errorf(name, 0, "", "%s", rawfile.ReadProblem(err))
		}
		return t
	}
	doc := tomlfile.New(name, src, 1)
	if !doc.Decode(t, problems) {
		return &SiteTables{File: name}
	}
	t.doc = doc
	for _, key := range slices.Sorted(maps.Keys(t.Messages)) {
		val := t.Messages[key]
		switch {
		case strings.TrimSpace(val) == "":
			problems.Errorf(name, t.Line("messages", key), "messages", "%q has an empty translation: write the text, or remove the line to use congkhai's", key)
		default:
			if err := SameVerbs(key, val); err != nil {
				problems.Errorf(name, t.Line("messages", key), "messages", "%q: %v", key, err)
			}
		}
	}
	if lang == Vietnamese && len(t.Names) > 0 {
		problems.Errorf(name, doc.Line("names"), "names", "the data's names are written in Vietnamese already: give their forms in another language, in that language's file (such as %s/en.toml)", SiteDir)
		t.Names = nil
	}
	for _, key := range slices.Sorted(maps.Keys(t.Names)) {
		if strings.TrimSpace(t.Names[key]) == "" {
			problems.Errorf(name, t.Line("names", key), "names", "%q has an empty name: write its %s form, or remove the line", key, lang.Text())
		}
	}
	return t
}

// With returns the catalog with the site's messages in place of its own.
func (c *Catalog) With(site *SiteTables) *Catalog {
	if site == nil || len(site.Messages) == 0 {
		return c
	}
	out := &Catalog{lang: c.lang, messages: maps.Clone(c.messages), files: maps.Clone(c.files)}
	for key, val := range site.Messages {
		out.messages[key] = val
		out.files[key] = site.File
	}
	return out
}

// Has reports whether the catalog translates key.
func (c *Catalog) Has(key string) bool {
	_, ok := c.messages[key]
	return ok
}

// Text is the language's name in the language a message is read in:
// "English" in English, "tiếng Anh" in Vietnamese.
func (l Lang) Text() msg.Text {
	switch l {
	case Vietnamese:
		return msg.T("Vietnamese")
	case English:
		return msg.T("English")
	}
	return msg.Plain(string(l))
}

// Name is the language's name in itself: Tiếng Việt, English.
func (l Lang) Name() string {
	switch l {
	case Vietnamese:
		return "Tiếng Việt"
	case English:
		return "English"
	}
	return string(l)
}

// SameVerbs checks that tr formats the arguments of key with the same
// verbs: each argument of key, none more.
func SameVerbs(key, tr string) error {
	want, got := verbsByArg(key), verbsByArg(tr)
	for i, specs := range want {
		if !slices.Equal(specs, got[i]) {
			return msg.Errorf("argument %d is %s in English but %s in the translation", i+1, strings.Join(specs, " "), orNone(got[i]))
		}
	}
	for i, specs := range got {
		if _, ok := want[i]; !ok {
			return msg.Errorf("the translation formats argument %d (%s), which English does not have", i+1, strings.Join(specs, " "))
		}
	}
	if strings.Count(key, "\n") != strings.Count(tr, "\n") && strings.HasSuffix(key, "\n") != strings.HasSuffix(tr, "\n") {
		return msg.Errorf("the translation does not end its lines like the English")
	}
	return nil
}

func orNone(specs []string) msg.Text {
	if len(specs) == 0 {
		return msg.T("not used")
	}
	return msg.Plain(strings.Join(specs, " "))
}

func verbsByArg(format string) map[int][]string {
	out := map[int][]string{}
	for _, v := range msg.Verbs(format) {
		spec := strings.Replace(v.Spec, "w", "v", 1)
		if !slices.Contains(out[v.Arg], spec) {
			out[v.Arg] = append(out[v.Arg], spec)
			slices.Sort(out[v.Arg])
		}
	}
	return out
}
