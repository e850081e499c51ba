package render

import (
	"regexp"
	"slices"
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
// each of the few hundred words it writes. Only a text in HTML text
// (htmlScan), which html/template would write as it is there, is written
// in: one without quotes, markup, the signs the escapers change or a
// verb; any other stays a call. The output is the same; the parse is once
// per language.
func inlineTexts(loc *locale.Locale, src string) string {
	var b strings.Builder
	last := 0
	scan := htmlScan{src: src}
	for _, m := range constantText.FindAllStringSubmatchIndex(src, -1) {
		key, err := strconv.Unquote(src[m[4]:m[5]])
		if err != nil {
			continue
		}
		text := translation(loc, key)
		if !inlinable(key) || !inlinable(text) || !scan.inTextAt(m[0]) {
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

// rawElements are the elements whose text is not HTML text.
var rawElements = []string{"script", "style", "textarea", "title"}

// htmlScan follows a layout's source from its start as far as asked, once
// for all the actions of the file, and says whether a point is in HTML
// text: outside any tag (a text in an attribute, a URL or an unquoted
// value stays a call, which html/template escapes for its place) and
// outside the raw elements. Template actions are passed over.
type htmlScan struct {
	src   string
	i     int
	inTag bool
	quote byte
	tag   string // the name of the tag being read, "" for a closing one
	raw   string // the raw element the scan is in
	lost  bool   // an action not closed: nothing after it is known
}

// inTextAt advances the scan to byte to of the source (never back) and
// reports whether it is in HTML text there.
func (s *htmlScan) inTextAt(to int) bool {
	for s.i < to && !s.lost {
		rest := s.src[s.i:]
		c := rest[0]
		switch {
		case strings.HasPrefix(rest, "{{"):
			end := strings.Index(rest, "}}")
			if end < 0 {
				s.lost = true
				continue
			}
			s.i += end + 2
			continue
		case s.raw != "":
			if len(rest) >= 2+len(s.raw) && rest[1] == '/' && c == '<' && strings.EqualFold(rest[2:2+len(s.raw)], s.raw) {
				s.raw, s.inTag, s.tag = "", true, ""
			}
		case s.quote != 0:
			if c == s.quote {
				s.quote = 0
			}
		case s.inTag && (c == '"' || c == '\''):
			s.quote = c
		case s.inTag && c == '>':
			s.inTag = false
			if slices.Contains(rawElements, s.tag) {
				s.raw = s.tag
			}
		case !s.inTag && c == '<' && len(rest) > 1 && (rest[1] == '/' || rest[1] == '!' || isLetter(rest[1])):
			s.inTag, s.tag = true, tagName(rest[1:])
		}
		s.i++
	}
	return !s.lost && !s.inTag && s.raw == ""
}

// tagName is the lowercase name a tag's source begins with: "script" of
// "script defer…", "" of "/p>" or "!--".
func tagName(s string) string {
	n := 0
	for n < len(s) && (isLetter(s[n]) || n > 0 && s[n] >= '0' && s[n] <= '9') {
		n++
	}
	return strings.ToLower(s[:n])
}

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
