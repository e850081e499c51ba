package phone

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/congkhai/congkhai/internal/msg"
)

// Error says why a string is not a phone number and what was expected. Its
// message starts with the input in quotes, so that a problem reads
//
//	people[2].phones[0].number: "0912 345 67" has 9 digits: expected ...
type Error struct {
	Input  string   // as given
	Reason msg.Text // what is wrong and what to write instead
}

func (e *Error) Error() string { return e.Text().String() }

// Text is the error's message (msg.Of).
func (e *Error) Text() msg.Text { return msg.T("%s %v", quote(e.Input), e.Reason) }

// expected ends most messages: the two forms an editor almost always means.
const expected = "expected a mobile number such as 0912 345 678 or a landline such as 0274 3822 123"

// Parse reads a Vietnamese phone number. Spaces, dots, hyphens and
// parentheses between digits are ignored; a leading +84 or (+84) is
// replaced by 0 (a 0 written after it is accepted too); 84 without the plus
// is accepted when what follows is a complete mobile or landline number
// without its 0 (84912345678). The result is a mobile, landline, short
// code, 1800 or 1900 number; anything else is an *Error.
func Parse(raw string) (Number, error) {
	s := strings.TrimFunc(raw, unicode.IsSpace)
	if s == "" {
		return Number{}, &Error{raw, msg.T("is empty: %v", msg.T(expected))}
	}
	digits := make([]byte, 0, 16)
	plus, depth := false, 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits = append(digits, byte(r))
		case r == '+':
			if plus || len(digits) > 0 {
				return Number{}, &Error{raw, msg.T(`has a "+" that is not at the start: only a leading +84 is accepted`)}
			}
			plus = true
		case r == '(':
			depth++
			if depth > 1 {
				return Number{}, &Error{raw, msg.T("has nested parentheses: %v", msg.T(expected))}
			}
		case r == ')':
			depth--
			if depth < 0 {
				return Number{}, &Error{raw, msg.T(`has a ")" without its "(": %v`, msg.T(expected))}
			}
		case isSeparator(r):
		default:
			return Number{}, &Error{raw, msg.T("contains %q, which is not part of a phone number: write one number per entry, "+
				"with only digits, spaces, dots or hyphens (put an extension or opening hours in a note)", string(r))}
		}
	}
	if depth != 0 {
		return Number{}, &Error{raw, msg.T(`has a "(" without its ")": %v`, msg.T(expected))}
	}
	if len(digits) == 0 {
		return Number{}, &Error{raw, msg.T("contains no digits: %v", msg.T(expected))}
	}
	d := string(digits)
	if plus {
		return parseInternational(raw, d)
	}
	if strings.HasPrefix(d, "84") && (len(d) == 11 || len(d) == 12) {
		if n, ok := classify("0" + d[2:]); ok && (n.kind == Mobile || n.kind == Landline) {
			return n, nil
		}
	}
	if n, ok := classify(d); ok {
		return n, nil
	}
	return Number{}, &Error{raw, explain(d)}
}

// parseInternational handles digits written after a "+".
func parseInternational(raw, d string) (Number, error) {
	if !strings.HasPrefix(d, "84") {
		return Number{}, &Error{raw, msg.T("is not a Vietnamese number: only the country code +84 is accepted, or write the number with its 0, such as 0912 345 678")}
	}
	rest := d[2:]
	if rest == "" {
		return Number{}, &Error{raw, msg.T("has nothing after +84: %v", msg.T(expected))}
	}
	if rest[0] != '0' {
		rest = "0" + rest
	}
	n, ok := classify(rest)
	switch {
	case ok && (n.kind == Mobile || n.kind == Landline):
		return n, nil
	case ok:
		return Number{}, &Error{raw, msg.T("cannot be dialled with +84: write it as %q", n.Display())}
	}
	if n, ok := classify(d[2:]); ok {
		return Number{}, &Error{raw, msg.T("cannot be dialled with +84: write it as %q", n.Display())}
	}
	return Number{}, &Error{raw, explain(rest)}
}

// classify returns the number whose canonical digits are d, if d is one.
func classify(d string) (Number, bool) {
	n := len(d)
	switch {
	case n == 10 && d[0] == '0' && strings.IndexByte("35789", d[1]) >= 0:
		return Number{d, Mobile}, true
	case n == 11 && d[0] == '0' && d[1] == '2':
		return Number{d, Landline}, true
	case (n == 8 || n == 10) && strings.HasPrefix(d, "1800"):
		return Number{d, TollFree}, true
	case (n == 8 || n == 10) && strings.HasPrefix(d, "1900"):
		return Number{d, Premium}, true
	}
	if _, ok := lookupShort(d); ok {
		return Number{d, Short}, true
	}
	if n > 3 && d[0] == '0' && d[1] == '2' {
		a := areaLen(d) + 1
		if sc, ok := lookupShort(d[a:]); ok && sc.AfterAreaCode {
			return Number{d, Short}, true
		}
	}
	return Number{}, false
}

// explain says what is wrong with digits d that are no known number.
func explain(d string) msg.Text {
	n := len(d)
	switch {
	case strings.HasPrefix(d, "0084"):
		if m, ok := classify("0" + strings.TrimPrefix(d[4:], "0")); ok && (m.kind == Mobile || m.kind == Landline) {
			return msg.T("starts with 0084: write it as %q or %q", m.Display(), "+84 "+m.Display()[1:])
		}
		return msg.T("starts with 0084: write +84 or the number with its 0; %v", msg.T(expected))
	case d[0] == '0' && n == 11 && d[1] == '1':
		if m := convertOldMobile(d); m != "" {
			return msg.T("is an old 11-digit mobile number: since 2018 it is %q", Number{m, Mobile}.Display())
		}
		return msg.T("is an old 11-digit mobile number (0162 became 032, 0123 became 083): %v", msg.T(expected))
	case d[0] == '0' && n >= 2 && d[1] == '2':
		return msg.T("has %s: a landline has 11, the 0, an area code starting with 2 and the subscriber number, such as 0274 3822 123 or 028 3829 1234", digitCount(n))
	case d[0] == '0' && n == 10:
		return msg.T("does not start like a mobile number (03, 05, 07, 08 or 09) or a landline (02): %v", msg.T(expected))
	case d[0] == '0' && n == 11 && strings.IndexByte("35789", d[1]) >= 0:
		return msg.T("has 11 digits: a mobile number has 10, such as 0912 345 678")
	case d[0] == '0' && n == 11:
		return msg.T("does not start with 02: landline area codes start with 2 since 2017 (0650 became 0274), such as 0274 3822 123")
	case d[0] == '0':
		return msg.T("has %s: expected a mobile number such as 0912 345 678 (10 digits) or a landline such as 0274 3822 123 (11 digits)", digitCount(n))
	case strings.HasPrefix(d, "1800") || strings.HasPrefix(d, "1900"):
		return msg.T("has %s: 1800 and 1900 numbers have 8 or 10, such as 1800 1096 or 1900 571 255", digitCount(n))
	case d[0] == '1' && n <= 4:
		return msg.T("is not a known short code (%s): %v", shortList(), msg.T(expected))
	}
	if m, ok := classify("0" + d); ok && (m.kind == Mobile || m.kind == Landline) {
		return msg.T("is missing the leading 0: write it as %q", m.Display())
	}
	return msg.T("has %v and is not a Vietnamese phone number: %v", digitCount(n), msg.T(expected))
}

// convertOldMobile maps an 11-digit mobile number of before 2018 to its
// 10-digit form (Decision 798/QĐ-BTTTT), or returns "".
func convertOldMobile(d string) string {
	var p string
	switch d[:4] {
	case "0120":
		p = "070"
	case "0121":
		p = "079"
	case "0122":
		p = "077"
	case "0126":
		p = "076"
	case "0128":
		p = "078"
	case "0123":
		p = "083"
	case "0124":
		p = "084"
	case "0125":
		p = "085"
	case "0127":
		p = "081"
	case "0129":
		p = "082"
	case "0162", "0163", "0164", "0165", "0166", "0167", "0168", "0169":
		p = "03" + d[3:4]
	case "0186":
		p = "056"
	case "0188":
		p = "058"
	case "0199":
		p = "059"
	default:
		return ""
	}
	return p + d[4:]
}

// isSeparator reports whether r may stand between digits: a space of any
// width on one line (pasted text brings no-break spaces), a dot or a hyphen.
func isSeparator(r rune) bool {
	switch r {
	case '.', '-':
		return true
	case '\n', '\r', '\v', '\f', 0x85, 0x2028, 0x2029:
		return false
	}
	return unicode.IsSpace(r)
}

// quote quotes s for a message, shortened when it is long.
func quote(s string) string {
	const maxRunes = 40
	if utf8.RuneCountInString(s) > maxRunes {
		i := 0
		for n := 0; n < maxRunes; n++ {
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
		}
		return fmt.Sprintf("%q…", s[:i])
	}
	return fmt.Sprintf("%q", s)
}

// digitCount is "1 digit" or "n digits".
func digitCount(n int) msg.Text {
	if n == 1 {
		return msg.T("1 digit")
	}
	return msg.T("%d digits", n)
}
