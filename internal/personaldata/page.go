package personaldata

import (
	"fmt"
	"strings"

	"github.com/congkhai/congkhai/internal/contacts/phone"
	"github.com/congkhai/congkhai/internal/problem"
)

// Consented is a set of mobile numbers whose publication is recorded,
// keyed by their digits (0912345678): the agency's own, or a person's who
// gave written consent. A nil Consented is not known (the file that
// records them has errors of its own): no mobile is reported against it.
type Consented map[string]bool

// Consent is one entry of the list published_mobiles in a page's front
// matter: a mobile number the page may show, with why it may, as for a
// person's phone in data/danh-ba.toml: the agency owns it (official =
// true), or the person's written consent is recorded (consent_ref).
type Consent struct {
	Number     string `toml:"number"`
	Official   bool   `toml:"official"`
	ConsentRef string `toml:"consent_ref"`
}

// Reporter receives problems about fields of a front matter, addressed by
// path such as published_mobiles[0].consent_ref.
type Reporter interface {
	Errorf(path, format string, args ...any)
}

// CheckConsents checks a page's published_mobiles and returns the numbers
// it may show. An entry needs a number that is a mobile (a landline or a
// short number needs no consent: it is not listed) and either official =
// true or a consent_ref.
func CheckConsents(list []Consent, r Reporter) Consented {
	if len(list) == 0 {
		return nil
	}
	out := make(Consented, len(list))
	seen := make(map[string]int, len(list))
	for i, c := range list {
		path := fmt.Sprintf("published_mobiles[%d]", i)
		if strings.TrimSpace(c.Number) == "" {
			r.Errorf(path+".number", `required: the mobile number as the page writes it, such as "0912 345 678"`)
			continue
		}
		n, err := phone.Parse(c.Number)
		switch {
		case err != nil:
			r.Errorf(path+".number", "%v", err)
			continue
		case n.Kind() != phone.Mobile:
			r.Errorf(path+".number", "%s is a %s number, which a page may show without consent: remove it from published_mobiles", n.Display(), n.Kind())
			continue
		}
		if j, dup := seen[n.Digits()]; dup {
			r.Errorf(path+".number", "%s is already published_mobiles[%d]", n.Display(), j)
			continue
		}
		seen[n.Digits()] = i
		if !c.Official && strings.TrimSpace(c.ConsentRef) == "" {
			r.Errorf(path+".consent_ref", "required: publishing a personal mobile needs the person's written consent (Decree 13/2023/NĐ-CP): "+
				"write where the consent is recorded, such as consent_ref = \"Văn bản đồng ý ngày 2025-07-10\", "+
				"or set official = true if the agency owns the number")
			continue
		}
		out[n.Digits()] = true
	}
	return out
}

// LintPage reports the personal data in one file of content/, in src, its
// whole text as read (front matter and Markdown body, code blocks and
// comments included): every citizen ID number, and every mobile number
// that neither the page (its published_mobiles, page) nor the site (the
// directory, site) consents to. With site nil the directory could not be
// read, and no mobile is reported.
func LintPage(file string, src []byte, page, site Consented, problems *problem.List) {
	var consented func(string) bool
	if site != nil {
		consented = func(d string) bool { return page[d] || site[d] }
	}
	lint(file, src, consented, pageMobile, problems)
}

// LintIDs reports every citizen ID number in src, the text of file, as an
// error: the lint of a page whose front matter could not be read, so that
// which mobiles it lists is not known.
func LintIDs(file string, src []byte, problems *problem.List) { lint(file, src, nil, "", problems) }

// The advice for a mobile number found where none may be: in a page, which
// may list it, or in a file of data/ (the directory included).
const (
	pageMobile = "a mobile in a page is almost always a person's, and publishing it needs their written consent (Decree 13/2023/NĐ-CP): " +
		"remove it, or list it in the front matter as published_mobiles = [{ number = \"…\", consent_ref = \"where the consent is recorded\" }] " +
		"(official = true instead for a mobile the agency owns), or give it with its consent_ref in data/danh-ba.toml"
	dataMobile = "a mobile in data/ is almost always a person's, and publishing it needs their written consent (Decree 13/2023/NĐ-CP): " +
		"remove it from the file, or give it as a [[people.phones]] number of data/danh-ba.toml with its consent_ref " +
		"(official = true instead for a mobile the agency owns)"
)

// lint reports, as errors, every citizen ID number in src, the text of
// the file name, and every mobile number that consented does not accept,
// with advice on what to do; with consented nil, no mobile. One pass
// over the text finds both.
func lint(name string, src []byte, consented func(digits string) bool, advice string, problems *problem.List) {
	ids, mobiles := find(src, true, consented != nil)
	for _, m := range ids {
		problems.Add(problem.Problem{
			Severity: problem.Error, File: name, Line: m.Line, Col: m.Col,
			Message: "looks like a citizen ID number (căn cước, 12 digits) " + m.Masked +
				": personal identification numbers must not be published (Decree 13/2023/NĐ-CP); remove it from the file",
		})
	}
	for _, m := range mobiles {
		if consented(m.Digits) {
			continue
		}
		problems.Add(problem.Problem{
			Severity: problem.Error, File: name, Line: m.Line, Col: m.Col,
			Message: "looks like a mobile number (số di động) " + m.Masked + ": " + advice,
		})
	}
}
