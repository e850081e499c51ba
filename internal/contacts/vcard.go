package contacts

import (
	"crypto/sha1"
	"fmt"
	"io"
	"strings"

	"github.com/congkhai/congkhai/internal/contacts/phone"
	"github.com/congkhai/congkhai/internal/locale"
	"github.com/congkhai/congkhai/internal/msg"
)

// WriteVCard writes the person as a vCard 4.0 (RFC 6350): name, position,
// organization and its address, every number of the person (all of them
// are published: validation refused personal mobiles without consent), the
// official e-mail and a note. The UID is a name-based UUID of the domain and
// the person's id, so it is the same on every build; no REV is written, as
// the output must not depend on the clock. o.Stamp and o.CalendarName are
// not used.
func WriteVCard(w io.Writer, p *Person, o Options) error {
	if err := o.check(false); err != nil {
		return err
	}
	if p == nil {
		return msg.Errorf("directory: WriteVCard needs a person")
	}
	var c contentLines
	c.prop("BEGIN", "VCARD")
	c.prop("VERSION", "4.0")
	c.prop("PRODID", escapeVCardText(o.ProdID))
	c.prop("UID", "urn:uuid:"+nameUUID("https://"+o.Domain+"/#"+p.ID))
	c.prop("FN", escapeVCardText(p.FullName))
	family, given, middle := SplitName(p.FullName)
	c.prop("N", strings.Join([]string{escapeText(family), escapeText(given), escapeText(middle), "", ""}, ";"))
	if p.Organization != "" {
		c.prop("ORG", escapeText(p.Organization))
	}
	if p.Position != "" {
		c.prop("TITLE", escapeVCardText(p.Position))
	}
	for _, ph := range p.Phones {
		if ph.Tel.IsZero() {
			continue
		}
		types := "work,voice"
		if ph.Tel.Kind() == phone.Mobile {
			types = "work,voice,cell"
		}
		c.prop("TEL;VALUE=uri;TYPE="+types, ph.Tel.TelURI())
	}
	if p.Email != "" {
		c.prop("EMAIL;TYPE=work", escapeVCardText(string(p.Email)))
	}
	if p.Org != nil && p.Org.Address != "" {
		c.prop("ADR;TYPE=work", ";;"+escapeText(p.Org.Address)+";;;;")
	}
	if note := p.vcardNote(o.locale()); note != "" {
		c.prop("NOTE", escapeVCardText(note))
	}
	c.prop("END", "VCARD")
	_, err := io.WriteString(w, c.String())
	return err
}

// vcardNote gathers what has no property of its own: the hotline badge,
// the person's note and the notes of their numbers.
func (p *Person) vcardNote(loc *locale.Locale) string {
	var lines []string
	if p.Hotline {
		lines = append(lines, loc.T("Hotline"))
	}
	if p.Note != "" {
		lines = append(lines, p.Note)
	}
	for _, ph := range p.Phones {
		if ph.Note != "" && !ph.Tel.IsZero() {
			lines = append(lines, ph.Tel.Display()+": "+ph.Note)
		}
	}
	return strings.Join(lines, "\n")
}

// SplitName splits a Vietnamese full name, written family name first, into
// the family name (first word), the given name (last word) and the middle
// names between them: "Nguyễn Thị Minh Khai" → "Nguyễn", "Khai", "Thị
// Minh". A one-word name is a given name.
func SplitName(full string) (family, given, middle string) {
	words := strings.Fields(full)
	switch len(words) {
	case 0:
		return "", "", ""
	case 1:
		return "", words[0], ""
	}
	return words[0], words[len(words)-1], strings.Join(words[1:len(words)-1], " ")
}

// nameUUID is the version 5 (SHA-1, name-based) UUID of name in the URL
// namespace (RFC 9562 §5.5).
func nameUUID(name string) string {
	ns := [16]byte{0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}
	h := sha1.New()
	h.Write(ns[:])
	h.Write([]byte(name))
	u := h.Sum(nil)[:16]
	u[6] = u[6]&0x0f | 0x50
	u[8] = u[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
}
