package render

import (
	"encoding/json"
	"fmt"
	"html/template"
	"slices"
	"strings"
	"text/template/parse"

	"github.com/congkhai/congkhai/internal/content"
	"github.com/congkhai/congkhai/internal/i18n"
	"github.com/congkhai/congkhai/internal/locale"
	"github.com/congkhai/congkhai/internal/msg"
	"github.com/congkhai/congkhai/internal/problem"
	"github.com/congkhai/congkhai/internal/procedure"
	"github.com/congkhai/congkhai/internal/vntext"
)

// textFuncs are the functions whose first string arguments are texts to
// translate: T's format, plural's two forms, every one of texts'.
var textFuncs = map[string]int{"T": 1, "plural": 2, "texts": maxTexts}

// maxTexts bounds the texts of one call of texts that the check of the
// translations sees: more than a script asks for.
const maxTexts = 1 << 10

// LangFuncs are the functions of layouts that follow the page's language:
// its texts (T, plural, text), its figures (number, vnd, date, weekday)
// and the data's names (name). Each language's layouts are parsed with
// these in place (LoadLayouts).
func LangFuncs(loc *locale.Locale) template.FuncMap {
	return template.FuncMap{
		// T is a text of the portal in the page's language: its key is
		// the English, as every message of congkhai's. Arguments are
		// escaped, but for HTML (a link made in the layout), so that a
		// sentence with a link in it is one text to translate.
		"T": func(format string, args ...any) template.HTML {
			return translateHTML(loc, format, args)
		},
		// plural is T with a form for one (English: "1 procedure") and
		// one for any other count, chosen by n.
		"plural": func(n int, one, other string, args ...any) template.HTML {
			return translateHTML(loc, loc.PluralForm(n, one, other), args)
		},
		// texts are the texts a browser script shows (assets/js), for
		// a <script type="application/json"> the script reads: a JSON
		// object of each key, the English as the script asks for it, and
		// its format in the page's language, verbs left for the script
		// to fill in. json.Marshal writes <, > and & escaped, so no text
		// ends the element.
		"texts": func(keys ...string) (template.JS, error) {
			m := make(map[string]string, len(keys))
			for _, k := range keys {
				m[k] = translation(loc, k)
			}
			b, err := json.Marshal(m)
			return template.JS(b), err
		},
		// requiredHeadingID is the id of the i-th heading every
		// procedure's text has (procedure.RequiredHeadingsIn), as the
		// Markdown gives it in the page's language: trinh-tu-thuc-hien,
		// steps.
		"requiredHeadingID": func(i int) (string, error) {
			hs := procedure.RequiredHeadingsIn(string(loc.Lang()))
			if i < 0 || i >= len(hs) {
				return "", msg.Errorf("requiredHeadingID %d: there are %d required headings", i, len(hs))
			}
			return vntext.Slug(hs[i]), nil
		},
		"lang":    func() string { return string(loc.Lang()) },
		"number":  func(n int) string { return loc.Int(int64(n)) },
		"vnd":     loc.VND,
		"decimal": loc.Number,
		"date": func(v any) (string, error) {
			t, given, err := dateArg(v)
			if err != nil || !given {
				return "", err
			}
			return loc.Date(t), nil
		},
		"weekday": func(v any) (string, error) {
			t, given, err := dateArg(v)
			if err != nil || !given {
				return "", err
			}
			return loc.Weekday(t.Weekday()), nil
		},
		// link and extLink make a link to pass to T, for a sentence with
		// a link in it: {{T "See %s" (link (url "/danh-ba/") (T "the directory"))}}.
		// extLink's is to another site (rel="external").
		"link":    func(href string, text any) template.HTML { return linkHTML(href, text, "") },
		"extLink": func(href string, text any) template.HTML { return linkHTML(href, text, ` rel="external"`) },
		// timeTag is a <time> element, for a date inside a text of T:
		// {{T "Updated %s" (timeTag (isoDate .Updated) (date .Updated))}}.
		"timeTag": func(iso, text string) template.HTML {
			return template.HTML(`<time datetime="` + argEscaper.Replace(iso) + `">` + argEscaper.Replace(text) + `</time>`)
		},
		// tag puts a word of a text of T in an inline element without
		// attributes (strong, em, i, b, code):
		// {{T "The portal %s the standard." (tag "strong" .Status)}}.
		"tag": inlineTag,
		// pageTitle is a page's title, marked with its language when it
		// is not the page's (a Vietnamese page linked from an English one).
		"pageTitle": func(pg *content.Page) template.HTML {
			if pg.Lang != "" && pg.Lang != loc.Lang() {
				return inLang(string(pg.Lang), pg.Title)
			}
			return template.HTML(template.HTMLEscapeString(pg.Title))
		},
		// viText is a text in Vietnamese that a page in another language
		// shows as it is (a person's name), marked so.
		"viText": func(s string) template.HTML {
			if loc.Lang() == i18n.Vietnamese {
				return template.HTML(template.HTMLEscapeString(s))
			}
			return inLang(string(i18n.Vietnamese), s)
		},
		// langMarker ends a link to a page in another language:
		// " (tiếng Việt)".
		"langMarker": LangMarker,
		// text is a message of the code (a vocabulary's label, a
		// reception's days) in the page's language.
		"text": loc.Text,
		// locale is the page's language, for a method of the data that
		// writes in it: {{.Remark locale}}.
		"locale": func() *locale.Locale { return loc },
		// name is a data name (a field, an agency, a position) in the
		// page's language, as the site's i18n table gives it.
		// A name without a form in the language is shown as written,
		// marked as Vietnamese for screen readers.
		"name": func(vi string) template.HTML {
			s, ok := loc.Name(vi)
			if !ok {
				return inLang(string(i18n.Vietnamese), s)
			}
			return template.HTML(template.HTMLEscapeString(s))
		},
	}
}

// PerLang makes a function of layouts that follows the page's language
// and needs more than its locale (the site's files, its configuration):
// Funcs gives the maker under the function's name, and each language's
// layouts get the function it makes with their locale.
type PerLang func(loc *locale.Locale) any

// langFuncs is LangFuncs of loc with the functions of funcs that are
// PerLang made in loc's language.
func langFuncs(loc *locale.Locale, funcs template.FuncMap) template.FuncMap {
	out := LangFuncs(loc)
	for name, f := range funcs {
		if mk, ok := f.(PerLang); ok {
			out[name] = mk(loc)
		}
	}
	return out
}

// translation is the format of a text in the locale's language: its
// translation, or the key itself (English).
func translation(loc *locale.Locale, format string) string {
	if tr := loc.Translator(); tr != nil {
		if s := tr.Translate(format); s != "" {
			return s
		}
	}
	return format
}

// translateHTML writes the translation of format with args in place of
// its verbs, escaping all but HTML arguments.
func translateHTML(loc *locale.Locale, format string, args []any) template.HTML {
	f := translation(loc, format)
	var b strings.Builder
	last := 0
	for _, v := range msg.Verbs(f) {
		textEscaper.WriteString(&b, strings.ReplaceAll(f[last:v.Start], "%%", "%"))
		last = v.End
		if v.Arg < 0 || v.Arg >= len(args) {
			b.WriteString("%!(BADINDEX)")
			continue
		}
		switch a := args[v.Arg].(type) {
		case template.HTML:
			b.WriteString(string(a))
		default:
			spec := v.Spec
			if strings.HasPrefix(spec, "%[") {
				spec = "%" + spec[strings.IndexByte(spec, ']')+1:]
			}
			argEscaper.WriteString(&b, fmt.Sprintf(spec, a))
		}
	}
	textEscaper.WriteString(&b, strings.ReplaceAll(f[last:], "%%", "%"))
	return template.HTML(b.String())
}

// argEscaper escapes an argument of T as html/template escapes a value
// in a page's text ({{.Name}}): a text written with T comes out byte for
// byte as the layout wrote it with the value in place.
var argEscaper = strings.NewReplacer(
	"\x00", "\uFFFD",
	`"`, "&#34;",
	"&", "&amp;",
	"'", "&#39;",
	"+", "&#43;",
	"<", "&lt;",
	">", "&gt;",
)

// textEscaper escapes the words of T's text itself, as a layout writes
// them in its HTML: the signs that would begin markup (<, >, &), not the
// quotes, which a page's text shows as they are. In an attribute
// html/template escapes the quotes of T's HTML itself.
var textEscaper = strings.NewReplacer(
	"\x00", "\uFFFD",
	"&", "&amp;",
	"<", "&lt;",
	">", "&gt;",
)

// Text is one text a layout translates, where it is written.
type Text struct {
	Key  string
	File string // the layout's file: layouts/procedure.html or built-in …
	Line int
	// One is plural's form for one, English only: the other languages
	// translate the other form.
	One bool
}

// Texts returns every text the layouts translate with a constant key, in
// the order of their files.
func (l *Layouts) Texts() []Text { return l.texts }

// collectTexts finds the constant keys of T and plural in a parsed file.
func collectTexts(origin string, tree *parse.Tree) []Text {
	var out []Text
	var walk func(n parse.Node)
	walk = func(n parse.Node) {
		switch n := n.(type) {
		case *parse.ListNode:
			if n == nil {
				return
			}
			for _, c := range n.Nodes {
				walk(c)
			}
		case *parse.ActionNode:
			walk(n.Pipe)
		case *parse.PipeNode:
			if n == nil {
				return
			}
			for _, c := range n.Cmds {
				walk(c)
			}
		case *parse.CommandNode:
			if len(n.Args) > 0 {
				if id, ok := n.Args[0].(*parse.IdentifierNode); ok {
					if count, ok := textFuncs[id.Ident]; ok {
						args := n.Args[1:]
						if id.Ident == "plural" && len(args) > 0 {
							args = args[1:] // the count
						}
						for i := 0; i < count && i < len(args); i++ {
							if s, ok := args[i].(*parse.StringNode); ok {
								out = append(out, Text{Key: s.Text, File: origin, Line: lineOf(tree, s), One: id.Ident == "plural" && i == 0})
							}
						}
					}
				}
			}
			for _, a := range n.Args {
				walk(a)
			}
		case *parse.IfNode:
			walk(n.Pipe)
			walk(n.List)
			walk(n.ElseList)
		case *parse.RangeNode:
			walk(n.Pipe)
			walk(n.List)
			walk(n.ElseList)
		case *parse.WithNode:
			walk(n.Pipe)
			walk(n.List)
			walk(n.ElseList)
		case *parse.TemplateNode:
			walk(n.Pipe)
		}
	}
	if tree != nil {
		walk(tree.Root)
	}
	return out
}

// lineOf is the line of node n in its file.
func lineOf(tree *parse.Tree, n parse.Node) int {
	loc, _ := tree.ErrorContext(n) // name:line:col
	parts := strings.Split(loc, ":")
	line := 0
	if len(parts) >= 3 {
		fmt.Sscan(parts[len(parts)-2], &line)
	}
	return line
}

// checkTexts reports each text of the layouts that a language's tables
// do not translate: a page in that language would show it in English.
// English needs no table: its texts are the keys.
func checkTexts(texts []Text, locales []*locale.Locale, problems *problem.List) {
	for _, loc := range locales {
		if loc.English() {
			continue
		}
		tr, _ := loc.Translator().(interface{ Has(string) bool })
		for _, t := range texts {
			if tr != nil && tr.Has(t.Key) {
				continue
			}
			if t.One || !hasLetters(t.Key) {
				continue
			}
			if vntext.HasVietnameseLetters(t.Key) {
				problems.Errorf(t.File, t.Line, "", "the text %q is Vietnamese, but T takes the English: write it in English, as the built-in layouts do, and its Vietnamese in %s/%s.toml under [messages]", t.Key, i18n.SiteDir, string(loc.Lang()))
				continue
			}
			problems.Errorf(t.File, t.Line, "", "the text %q has no translation in the %q table of the site's languages: add it to %s/%s.toml under [messages]", t.Key, string(loc.Lang()), i18n.SiteDir, string(loc.Lang()))
		}
	}
}

// hasLetters reports whether a key has words to translate, not only
// verbs and signs ("%s: %s").
func hasLetters(key string) bool {
	for _, v := range msg.Verbs(key) {
		key = strings.Replace(key, v.Spec, "", 1)
	}
	return strings.IndexFunc(key, func(r rune) bool { return r > 127 || (r|0x20 >= 'a' && r|0x20 <= 'z') }) >= 0
}

// linkHTML is an <a> element for a text of T that has a link in it:
// href must be a site address (as url gives it), a fragment or an http(s),
// mailto: or tel: address; any other is replaced by "#ZgotmplZ", as
// html/template does. The text is escaped unless it is HTML (a T).
func linkHTML(href string, text any, attrs string) template.HTML {
	ok := strings.HasPrefix(href, "/") && !strings.HasPrefix(href, "//") || strings.HasPrefix(href, "#")
	for _, scheme := range []string{"https://", "http://", "mailto:", "tel:"} {
		ok = ok || strings.HasPrefix(href, scheme)
	}
	if !ok {
		href = "#ZgotmplZ"
	}
	return template.HTML(`<a href="` + argEscaper.Replace(href) + `"` + attrs + `>` + bodyHTML(text) + `</a>`)
}

// bodyHTML is the content of an element made for T: HTML as it is, any
// other value escaped.
func bodyHTML(text any) string {
	if t, ok := text.(template.HTML); ok {
		return string(t)
	}
	return argEscaper.Replace(fmt.Sprint(text))
}

// inlineTags are the elements tag makes.
var inlineTags = []string{"strong", "em", "i", "b", "code"}

// inlineTag is tag's: text in an element of inlineTags.
func inlineTag(name string, text any) (template.HTML, error) {
	if !slices.Contains(inlineTags, name) {
		return "", msg.Errorf("tag %s: use one of %s", name, strings.Join(inlineTags, ", "))
	}
	return template.HTML("<" + name + ">" + bodyHTML(text) + "</" + name + ">"), nil
}
