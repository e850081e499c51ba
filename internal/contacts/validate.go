package contacts

import (
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/congkhai/congkhai/internal/contacts/phone"
	"github.com/congkhai/congkhai/internal/problem"
	"github.com/congkhai/congkhai/internal/tomlfile"
	"github.com/congkhai/congkhai/internal/vntext"
)

// reporter records problems about fields of danh-ba.toml.
type reporter struct{ tomlfile.Reporter }

// required reports an empty text field and says whether it was given.
func (r reporter) required(path, v, hint string) bool {
	if strings.TrimSpace(v) != "" {
		return true
	}
	if hint != "" {
		r.Errorf(path, "required: %s", hint)
	} else {
		r.Errorf(path, "required")
	}
	return false
}

// validate checks the whole directory, fills the parsed and linked fields
// (Tel, Org, HostPerson, canonical e-mails and dates) and reports every
// problem.
func (d *Directory) validate(r reporter) {
	if !d.Updated.Given() {
		r.Errorf("updated", "required: the date the directory was last checked, such as 2026-10-20")
	}
	tomlfile.CheckEarliest(r, "updated", d.Updated, "write the day the directory was last checked, such as 2026-10-20")
	ids := map[string]string{} // id → path of the entry that has it
	d.validateOrganizations(r)
	d.validateHotlines(r, ids)
	d.validatePeople(r, ids)
	d.validateHolidays(r)
	d.validateReception(r)
}

// checkID checks an id of a hotline or person: a slug, unique across both.
func checkID(r reporter, path, id string, ids map[string]string) {
	if !r.required(path+".id", id, `a short name in lowercase letters, digits and hyphens, such as "chu-tich"`) {
		return
	}
	if !vntext.IsSlug(id) {
		r.Errorf(path+".id", "%s", vntext.NotSlug(id, "chu-tich"))
		return
	}
	if other, dup := ids[id]; dup {
		r.Errorf(path+".id", "%q is already the id of %s: ids must be unique across hotlines and people", id, other)
		return
	}
	ids[id] = path
}

// parsePhone parses a number field that may be empty unless required.
func parsePhone(r reporter, path, raw string, required bool) phone.Number {
	if strings.TrimSpace(raw) == "" {
		if required {
			r.Errorf(path, "required: a phone number such as 0274 3822 123 or 0912 345 678")
		}
		return phone.Number{}
	}
	n, err := phone.Parse(raw)
	if err != nil {
		r.Errorf(path, "%v", err)
	}
	return n
}

// checkEmail checks an optional e-mail field and stores its canonical form.
func checkEmail(r reporter, path string, e *Email) {
	if *e == "" {
		return
	}
	canon, err := ParseEmail(string(*e))
	if err != nil {
		r.Errorf(path, "%v", err)
		return
	}
	*e = canon
}

// checkURL checks an optional web address.
func checkURL(r reporter, path, s string) {
	if s == "" {
		return
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		r.Errorf(path, "%q is not a web address starting with https://", s)
	}
}

// validateOrganizations checks names (unique), orders, e-mails and phones.
func (d *Directory) validateOrganizations(r reporter) {
	seen := map[string]int{}
	for i := range d.Organizations {
		o := &d.Organizations[i]
		path := fmt.Sprintf("organizations[%d]", i)
		if r.required(path+".name", o.Name, `the organization's full name, such as "Ủy ban nhân dân phường Thủ Dầu Một"`) {
			if j, dup := seen[o.Name]; dup {
				r.Errorf(path+".name", "%q is already organizations[%d]", o.Name, j)
			}
			seen[o.Name] = i
		}
		if o.Order < 0 {
			r.Errorf(path+".order", "must not be negative")
		}
		checkEmail(r, path+".email", &o.Email)
		o.Tel = parsePhone(r, path+".phone", o.Phone, false)
	}
}

// validateHotlines checks ids, names, numbers, channels and addresses.
func (d *Directory) validateHotlines(r reporter, ids map[string]string) {
	for i := range d.Hotlines {
		h := &d.Hotlines[i]
		path := fmt.Sprintf("hotlines[%d]", i)
		checkID(r, path, h.ID, ids)
		r.required(path+".name", h.Name, `what citizens call it, such as "Tổng đài tiếp nhận phản ánh, kiến nghị"`)
		h.Tel = parsePhone(r, path+".number", h.Number, true)
		for j := range h.Numbers {
			n := &h.Numbers[j]
			np := fmt.Sprintf("%s.numbers[%d]", path, j)
			r.required(np+".label", n.Label, `when to dial this number, such as "Gọi từ di động"`)
			n.Tel = parsePhone(r, np+".number", n.Number, true)
		}
		seen := map[Channel]int{}
		for j, c := range h.Channels {
			cp := fmt.Sprintf("%s.channels[%d]", path, j)
			switch {
			case !c.Valid():
				r.Errorf(cp, "%s", problem.NotInVocab(c, "a channel", Channels()))
				continue
			case c == "email" && h.Email == "":
				r.Errorf(cp, `is "email", so the hotline's email is required`)
			case c == "website" && h.URL == "":
				r.Errorf(cp, `is "website", so the hotline's url is required`)
			}
			if k, dup := seen[c]; dup {
				r.Errorf(cp, "%q is already channels[%d]", c, k)
			}
			seen[c] = j
		}
		checkEmail(r, path+".email", &h.Email)
		checkURL(r, path+".url", h.URL)
	}
}

// validatePeople checks each person, links their organization and checks
// their numbers.
func (d *Directory) validatePeople(r reporter, ids map[string]string) {
	orgs := map[string]*Organization{}
	for i := range d.Organizations {
		orgs[d.Organizations[i].Name] = &d.Organizations[i]
	}
	for i := range d.People {
		p := &d.People[i]
		path := fmt.Sprintf("people[%d]", i)
		checkID(r, path, p.ID, ids)
		r.required(path+".full_name", p.FullName, `the person's full name, such as "Nguyễn Văn An"`)
		r.required(path+".position", p.Position, `the position, such as "Chủ tịch"`)
		if r.required(path+".organization", p.Organization, `the agency, such as "Ủy ban nhân dân phường Thủ Dầu Một"`) && len(orgs) > 0 {
			p.Org = orgs[p.Organization]
			if p.Org == nil {
				r.Errorf(path+".organization", "%s", d.unknownOrganization(p.Organization))
			}
		}
		if p.Order < 0 {
			r.Errorf(path+".order", "must not be negative")
		}
		checkEmail(r, path+".email", &p.Email)
		if p.Hotline && len(p.Phones) == 0 {
			r.Errorf(path+".hotline", `is true, so at least one [[people.phones]] number is required for the "Đường dây nóng" badge`)
		}
		seen := map[string]int{}
		for j := range p.Phones {
			validatePhone(r, fmt.Sprintf("%s.phones[%d]", path, j), &p.Phones[j])
			if digits := p.Phones[j].Tel.Digits(); digits != "" {
				if k, dup := seen[digits]; dup {
					r.Errorf(fmt.Sprintf("%s.phones[%d].number", path, j), "%s is already phones[%d]", p.Phones[j].Tel.Display(), k)
				}
				seen[digits] = j
			}
		}
	}
}

// unknownOrganization explains a person's organization that is not listed.
func (d *Directory) unknownOrganization(name string) string {
	names := make([]string, len(d.Organizations))
	for i, o := range d.Organizations {
		if vntext.Fold(o.Name) == vntext.Fold(name) {
			return fmt.Sprintf("%q is spelt differently in [[organizations]]: write it exactly as %q", name, o.Name)
		}
		names[i] = o.Name
	}
	if len(names) > 5 {
		return fmt.Sprintf("%q is not the name of any [[organizations]] entry: copy the name from there", name)
	}
	return fmt.Sprintf("%q is not the name of any [[organizations]] entry: use one of %s", name, problem.Quoted(names))
}

// validatePhone checks one of a person's numbers, including the consent
// needed to publish a personal mobile (Decree 13/2023/NĐ-CP).
func validatePhone(r reporter, path string, ph *Phone) {
	ph.Tel = parsePhone(r, path+".number", ph.Number, true)
	switch {
	case ph.Kind == "":
		hint := ""
		if k := kindFor(ph.Tel.Kind()); k != "" {
			hint = fmt.Sprintf(": for %s, write kind = %q", ph.Tel.Display(), k)
		}
		r.Errorf(path+".kind", `required: "co_dinh" (landline), "di_dong" (mobile) or "ngan" (short code, 1800 or 1900)%s`, hint)
	case !ph.Kind.Valid():
		r.Errorf(path+".kind", `%q is not a phone kind: use "co_dinh" (landline), "di_dong" (mobile) or "ngan" (short code, 1800 or 1900)`, ph.Kind)
	case !ph.Tel.IsZero() && !ph.Kind.accepts(ph.Tel.Kind()):
		r.Errorf(path+".kind", "is %q, but %s is a %s number: write kind = %q", ph.Kind, ph.Tel.Display(), ph.Tel.Kind(), kindFor(ph.Tel.Kind()))
	}
	if ph.Tel.Kind() == phone.Mobile && !ph.Official && strings.TrimSpace(ph.ConsentRef) == "" {
		r.Errorf(path+".consent_ref", "required: %s is a mobile number that official = true does not mark as the agency's, "+
			"and publishing a personal mobile needs the person's written consent (Decree 13/2023/NĐ-CP): "+
			"write where the consent is recorded, such as consent_ref = \"Văn bản đồng ý ngày 2025-07-10\", "+
			"set official = true if the agency owns the number, or remove it", ph.Tel.Display())
	}
}

func day(t time.Time) string { return t.Format("2006-01-02") }
