package render

import (
	"encoding/json"
	"fmt"
	"html/template"
	"strings"
	"text/template/parse"

	"github.com/congkhai/congkhai/internal/i18n"
	"github.com/congkhai/congkhai/internal/locale"
	"github.com/congkhai/congkhai/internal/msg"
	"github.com/congkhai/congkhai/internal/problem"
)

// textFuncs are the functions whose first string arguments are texts to
// translate: T's format, plural's two forms, every one of texts'.
var textFuncs = map[string]int{"T": 1, "plural": 2, "texts": maxTexts}

// maxTexts bounds the texts of one call of texts that the check of the
// translations sees: more than a script asks for.
const maxTexts = 1 << 10

// LangFuncs are the functions of layouts that follow the page's language:
// its texts (T, plural), its figures (number, vnd, date, weekday) and the
// data's names (name). A layout set is cloned once per language with
// these in place.
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
			format := other
			if n == 1 && loc.English() {
				format = one
			}
			return translateHTML(loc, format, args)
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
		// name is a data name (a field, an agency, a position) in the
		// page's language, as the site's i18n table gives it.
		"name": func(vi string) string {
			s, _ := loc.Name(vi)
			return s
		},
	}
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
		b.WriteString(template.HTMLEscapeString(strings.ReplaceAll(f[last:v.Start], "%%", "%")))
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
			b.WriteString(template.HTMLEscapeString(fmt.Sprintf(spec, a)))
		}
	}
	b.WriteString(template.HTMLEscapeString(strings.ReplaceAll(f[last:], "%%", "%")))
	return template.HTML(b.String())
}

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
								_, line := lineOf(tree, s)
								out = append(out, Text{Key: s.Text, File: origin, Line: line, One: id.Ident == "plural" && i == 0})
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

func lineOf(tree *parse.Tree, n parse.Node) (string, int) {
	loc, _ := tree.ErrorContext(n)
	// loc is name:line:col
	parts := strings.Split(loc, ":")
	line := 0
	if len(parts) >= 3 {
		fmt.Sscan(parts[len(parts)-2], &line)
	}
	return loc, line
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
			problems.Errorf(t.File, t.Line, "", "the text %q has no translation in %s (%s): add it to %s/%s.toml under [messages]", t.Key, loc.Lang().Name(), string(loc.Lang()), i18n.SiteDir, string(loc.Lang()))
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
	var body string
	switch t := text.(type) {
	case template.HTML:
		body = string(t)
	default:
		body = template.HTMLEscapeString(fmt.Sprint(t))
	}
	return template.HTML(`<a href="` + template.HTMLEscapeString(href) + `"` + attrs + `>` + body + `</a>`)
}
