package render

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/congkhai/congkhai/internal/locale"
)

// constantText is an action that is a text of T and nothing else, with
// its trim markers: {{T "What to bring"}}, {{- T "Fees" -}}.
var constantText = regexp.MustCompile(`\{\{(- )?\s*T\s+("(?:[^"\\\n]|\\.)*")\s*( -)?\}\}`)

// inlineTexts writes the constant texts of a layout's source (T with a
// key and no argument) in loc's language in place of their actions, so
// that a page's template does not call a function, by reflection, for
// each of the few hundred words it writes. Only a text that any context
// of html/template would write as it is is written in: one without
// quotes, markup, the signs the escapers change or a verb; any other
// stays a call. The output is the same; the parse is once per language.
func inlineTexts(loc *locale.Locale, src string) string {
	var b strings.Builder
	last := 0
	for _, m := range constantText.FindAllStringSubmatchIndex(src, -1) {
		key, err := strconv.Unquote(src[m[4]:m[5]])
		if err != nil {
			continue
		}
		text := translation(loc, key)
		if !inlinable(key) || !inlinable(text) || !inText(src[:m[0]]) {
			continue
		}
		before := src[last:m[0]]
		if m[2] >= 0 { // {{- trims the space before
			before = strings.TrimRightFunc(before, unicode.IsSpace)
		}
		b.WriteString(before)
		b.WriteString(text)
		last = m[1]
		if m[6] >= 0 { // -}} trims the space after
			rest := strings.TrimLeftFunc(src[last:], unicode.IsSpace)
			last = len(src) - len(rest)
		}
	}
	if last == 0 {
		return src
	}
	b.WriteString(src[last:])
	return b.String()
}

// inlinable reports whether a text can stand in a layout's HTML text as
// it is: it holds nothing html/template escapes there, no verb, no
// action, and no space at its ends (which a trim marker next to it would
// take).
func inlinable(s string) bool {
	return s != "" && s == strings.TrimSpace(s) && !strings.ContainsAny(s, "\"'<>&+=`%{}\\\x00")
}

// inText reports whether what a layout's source holds before an action
// leaves it in HTML text: outside any tag (a text in an attribute, a URL
// or an unquoted value stays a call, which html/template escapes for its
// place) and outside a script, a style and the elements whose text is not
// HTML. Template actions in the source are passed over.
func inText(before string) bool {
	inTag := false
	var quote byte
	for i := 0; i < len(before); i++ {
		c := before[i]
		switch {
		case strings.HasPrefix(before[i:], "{{"):
			end := strings.Index(before[i:], "}}")
			if end < 0 {
				return false
			}
			i += end + 1
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case inTag && (c == '"' || c == '\''):
			quote = c
		case inTag && c == '>':
			inTag = false
		case !inTag && c == '<' && i+1 < len(before) && (before[i+1] == '/' || before[i+1] == '!' || isLetter(before[i+1])):
			inTag = true
		}
	}
	if inTag {
		return false
	}
	lower := strings.ToLower(before)
	for _, el := range []string{"script", "style", "textarea", "title"} {
		if strings.LastIndex(lower, "<"+el) > strings.LastIndex(lower, "</"+el) {
			return false
		}
	}
	return true
}

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
