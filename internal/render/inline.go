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
		if !inlinable(key) || !inlinable(text) {
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

// inlinable reports whether a text can stand in a layout as it is: it
// holds nothing html/template escapes in any context it is written in,
// no verb and no action.
func inlinable(s string) bool {
	return s != "" && !strings.ContainsAny(s, "\"'<>&+=`%{}\\\x00")
}
