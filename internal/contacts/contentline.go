package contacts

import (
	"strings"
	"unicode/utf8"
)

// contentLines writes the content lines shared by iCalendar (RFC 5545
// §3.1) and vCard (RFC 6350 §3.2): each ends in CRLF and is folded so that
// no line is longer than 75 octets, a continuation line starting with one
// space, never inside a UTF-8 sequence.
type contentLines struct{ b strings.Builder }

// maxLine is the longest line in octets, not counting CRLF.
const maxLine = 75

// prop writes name (with any parameters) and an already escaped value.
func (c *contentLines) prop(name, value string) {
	line := name + ":" + value
	limit := maxLine
	for len(line) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(line[cut]) {
			cut--
		}
		c.b.WriteString(line[:cut])
		c.b.WriteString("\r\n ")
		line = line[cut:]
		limit = maxLine - 1 // the leading space counts
	}
	c.b.WriteString(line)
	c.b.WriteString("\r\n")
}

// String returns what was written.
func (c *contentLines) String() string { return c.b.String() }

// escapeText escapes a TEXT value of iCalendar (RFC 5545 §3.3.11) or a
// component of a compound vCard value such as N, ORG or ADR (RFC 6350
// §3.4): a backslash, semicolon and comma get a backslash, a line break
// becomes \n. Other control characters, which neither format allows, are
// dropped, and invalid UTF-8 becomes U+FFFD.
func escapeText(s string) string { return escape(s, true) }

// escapeVCardText escapes a single vCard text value (FN, TITLE, NOTE),
// where RFC 6350 allows no escaped semicolon.
func escapeVCardText(s string) string { return escape(s, false) }

func escape(s string, semicolon bool) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\\' || r == ',' || r == ';' && semicolon:
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n' || r == '\r':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
