package phone

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// displayShape is every form Display may produce.
var displayShape = regexp.MustCompile(`^(0[35789]\d\d \d{3} \d{3}|02[48] \d{4} \d{4}|02\d\d \d{4} \d{3}|1\d{2,3}|02[48] 1022|02\d\d 1022|1[89]00 \d{4}|1[89]00 \d{3} \d{3})$`)

func FuzzParsePhone(f *testing.F) {
	for _, s := range []string{
		"0912 345 678", "+84 912 345 678", "(+84) 274 3822 123", "84912345678", "028.3829.1234",
		"1022", "0274 1022", "1800 1096", "1900 571 255", "01662345678", "0084912345678",
		"+84 (0) 28 3829 1234", "((", "+", "0912\u00a0345\u00a0678", "\xff", "+84 1022",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		n, err := Parse(raw)
		if err != nil {
			if !n.IsZero() {
				t.Fatalf("Parse(%q) failed (%v) but returned %+v", raw, err, n)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, `"`) || !utf8.ValidString(strings.ToValidUTF8(msg, "")) || len(msg) > 400 {
				t.Fatalf("Parse(%q): odd message %q", raw, msg)
			}
			return
		}
		if n.IsZero() || n.Kind() == Invalid {
			t.Fatalf("Parse(%q) succeeded with the zero number", raw)
		}
		if !displayShape.MatchString(n.Display()) {
			t.Fatalf("Parse(%q).Display() = %q, not a grouping we produce", raw, n.Display())
		}
		for _, form := range []string{n.Display(), strings.TrimPrefix(n.TelURI(), "tel:"), n.Digits()} {
			m, err := Parse(form)
			if err != nil {
				t.Fatalf("Parse(%q) = %s, but its form %q does not parse: %v", raw, n.Digits(), form, err)
			}
			if m != n {
				t.Fatalf("Parse(%q) = %s %v, but its form %q parses to %s %v", raw, n.Digits(), n.Kind(), form, m.Digits(), m.Kind())
			}
		}
	})
}
