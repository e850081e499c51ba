package contacts

import (
	"fmt"
	"net/mail"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/congkhai/congkhai/internal/msg"
)

// Email is an e-mail address, checked and with its domain in lowercase once
// the directory is validated.
type Email string

// ParseEmail checks an address as editors write it: a bare address such as
// chutich.ptdm@example.gov.vn, without a display name, angle brackets,
// spaces or a mailto: prefix, whose domain has a dot. It returns the
// address with the domain lowercased.
func ParseEmail(raw string) (Email, error) {
	example := msg.T("such as chutich.ptdm@example.gov.vn")
	switch {
	case raw == "":
		return "", msg.Errorf("is empty: expected an e-mail address %s", example)
	case strings.HasPrefix(strings.ToLower(raw), "mailto:"):
		return "", msg.Errorf("%q starts with mailto: write only the address, %s", raw, example)
	case strings.IndexFunc(raw, unicode.IsSpace) >= 0:
		return "", msg.Errorf("%q contains a space: write only the address, %s", raw, example)
	case strings.ContainsAny(raw, "<>\""):
		return "", msg.Errorf("%q has a name, quotes or angle brackets: write only the address, %s", raw, example)
	case strings.IndexFunc(raw, func(r rune) bool { return r > unicode.MaxASCII }) >= 0:
		i := strings.IndexFunc(raw, func(r rune) bool { return r > unicode.MaxASCII })
		r, _ := utf8.DecodeRuneInString(raw[i:])
		return "", msg.Errorf("%q contains %q: e-mail addresses are written without Vietnamese marks, %s", raw, string(r), example)
	case strings.Count(raw, "@") != 1:
		return "", msg.Errorf("%q must contain exactly one @: expected an e-mail address %s", raw, example)
	}
	addr, err := mail.ParseAddress(raw)
	if err != nil || addr.Name != "" || addr.Address != raw {
		return "", msg.Errorf("%q is not a valid e-mail address: expected one %s", raw, example)
	}
	local, domain, _ := strings.Cut(raw, "@")
	if len(raw) > 254 || len(local) > 64 {
		return "", msg.Errorf("%q is too long for an e-mail address", raw)
	}
	if err := checkDomain(domain); !err.IsZero() {
		return "", msg.Errorf("%q: the domain %q %s: expected an e-mail address %s", raw, domain, err, example)
	}
	return Email(local + "@" + strings.ToLower(domain)), nil
}

// checkDomain returns what is wrong with an e-mail domain, or nothing.
// Internationalised domains are written in their xn-- form.
func checkDomain(domain string) msg.Text {
	if !strings.Contains(domain, ".") {
		return msg.T("has no dot")
	}
	for label := range strings.SplitSeq(domain, ".") {
		if label == "" {
			return msg.T("has an empty part between dots")
		}
		if label[0] == '-' || label[len(label)-1] == '-' || len(label) > 63 {
			return msg.T("has a part that starts or ends with a hyphen or is too long")
		}
		for _, r := range label {
			if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-') {
				return msg.T("contains %q (only letters a-z, digits, hyphens and dots)", string(r))
			}
		}
	}
	return msg.Text{}
}

// MailtoURI is the address as a mailto: link (RFC 6068), with characters
// that have a meaning in URIs percent-encoded.
func (e Email) MailtoURI() string {
	if e == "" {
		return ""
	}
	var b strings.Builder
	b.WriteString("mailto:")
	for i := 0; i < len(e); i++ {
		c := e[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("-._~!$'()*+,;:@", c) >= 0 {
			b.WriteByte(c)
			continue
		}
		fmt.Fprintf(&b, "%%%02X", c)
	}
	return b.String()
}

// String returns the address.
func (e Email) String() string { return string(e) }
