package contacts

import (
	"cmp"
	"slices"

	"github.com/congkhai/congkhai/internal/contacts/phone"
	"github.com/congkhai/congkhai/internal/tomlfile"
	"github.com/congkhai/congkhai/internal/vntext"
)

// FileName is the directory's file, relative to the site folder.
const FileName = "data/danh-ba.toml"

// Directory is data/danh-ba.toml.
type Directory struct {
	Updated       tomlfile.Date  `toml:"updated"` // when the data was last checked
	Hotlines      []Hotline      `toml:"hotlines"`
	People        []Person       `toml:"people"`
	Organizations []Organization `toml:"organizations"`
	Holidays      []Holiday      `toml:"holidays"`
	Reception     []Reception    `toml:"reception"`
}

// Hotline is a number citizens call to report or ask something (1022).
type Hotline struct {
	ID           string        `toml:"id"`
	Name         string        `toml:"name"`
	Number       string        `toml:"number"`
	Numbers      []ExtraNumber `toml:"numbers"` // other ways to dial it, each with a label
	Hours        string        `toml:"hours"`   // "24/7", "Giờ hành chính"
	Channels     []Channel     `toml:"channels"`
	Email        Email         `toml:"email"`
	URL          string        `toml:"url"`
	Organization string        `toml:"organization"` // the agency it serves
	Note         string        `toml:"note"`

	Tel phone.Number `toml:"-"` // Number, parsed
}

// ExtraNumber is another number of a hotline ("Gọi từ di động": 0274 1022).
type ExtraNumber struct {
	Label  string `toml:"label"`
	Number string `toml:"number"`

	Tel phone.Number `toml:"-"`
}

// Person is an official listed in the directory, or a team such as the
// citizen reception office that hosts receptions.
type Person struct {
	ID           string  `toml:"id"`
	Order        int     `toml:"order"` // position in the organization's list; 0 = after the ordered ones
	FullName     string  `toml:"full_name"`
	Position     string  `toml:"position"`
	Organization string  `toml:"organization"`
	Hotline      bool    `toml:"hotline"` // shows the "Đường dây nóng" badge
	Email        Email   `toml:"email"`   // official mailbox only
	Phones       []Phone `toml:"phones"`
	Note         string  `toml:"note"`

	// Org is the [[organizations]] entry named by Organization, or nil.
	Org *Organization `toml:"-"`
}

// Phone is one number of a person. Every listed number is published.
type Phone struct {
	Kind       PhoneKind `toml:"kind"`
	Number     string    `toml:"number"`
	Official   bool      `toml:"official"`    // a mobile owned by the agency, not the person
	ConsentRef string    `toml:"consent_ref"` // where the consent to publish a personal mobile is recorded
	Note       string    `toml:"note"`

	Tel phone.Number `toml:"-"`
}

// Organization gives the order and contact details of an agency people
// belong to. When the file lists organizations, every person's
// organization must be one of them.
type Organization struct {
	Name    string `toml:"name"`
	Order   int    `toml:"order"`
	Address string `toml:"address"`
	Email   Email  `toml:"email"`
	Phone   string `toml:"phone"`

	Tel phone.Number `toml:"-"`
}

// Holiday is a day off announced by the government: one date, or a range
// from..to (both included) such as Tết.
type Holiday struct {
	Date tomlfile.Date `toml:"date"`
	From tomlfile.Date `toml:"from"`
	To   tomlfile.Date `toml:"to"`
	Name string        `toml:"name"`
}

// Span returns the first and last day of the holiday: date, or from and
// to (either may be not given in a holiday validation rejects).
func (h Holiday) Span() (first, last tomlfile.Date) {
	if h.Date.Given() {
		return h.Date, h.Date
	}
	return h.From, h.To
}

// Person returns the person with the id, or nil.
func (d *Directory) Person(id string) *Person {
	for i := range d.People {
		if d.People[i].ID == id {
			return &d.People[i]
		}
	}
	return nil
}

// Group is the people of one organization, in order.
type Group struct {
	Name         string
	Organization *Organization // nil when the file lists no [[organizations]]
	People       []*Person
}

// Groups returns the people grouped by organization: organizations in
// their order (those without one after, in Vietnamese alphabetical order),
// people by their order, then as listed in the file.
func (d *Directory) Groups() []Group {
	var groups []Group
	index := map[string]int{}
	for i := range d.People {
		p := &d.People[i]
		gi, ok := index[p.Organization]
		if !ok {
			gi = len(groups)
			index[p.Organization] = gi
			groups = append(groups, Group{Name: p.Organization, Organization: p.Org})
		}
		groups[gi].People = append(groups[gi].People, p)
	}
	coll := vntext.NewCollator()
	slices.SortStableFunc(groups, func(a, b Group) int {
		oa, ob := 0, 0
		if a.Organization != nil {
			oa = a.Organization.Order
		}
		if b.Organization != nil {
			ob = b.Organization.Order
		}
		if c := byOrder(oa, ob); c != 0 {
			return c
		}
		return coll.Compare(a.Name, b.Name)
	})
	for _, g := range groups {
		slices.SortStableFunc(g.People, func(a, b *Person) int { return byOrder(a.Order, b.Order) })
	}
	return groups
}

// HotlinePeople returns the people with hotline = true, in the order of
// Groups.
func (d *Directory) HotlinePeople() []*Person {
	var out []*Person
	for _, g := range d.Groups() {
		for _, p := range g.People {
			if p.Hotline {
				out = append(out, p)
			}
		}
	}
	return out
}

// HotlinesFor returns the hotlines whose organization is agency (a
// procedure's agency name), compared without case and Vietnamese marks so
// that "Uỷ ban" and "Ủy ban" match.
func (d *Directory) HotlinesFor(agency string) []*Hotline {
	var out []*Hotline
	want := vntext.Fold(agency)
	for i := range d.Hotlines {
		if want != "" && vntext.Fold(d.Hotlines[i].Organization) == want {
			out = append(out, &d.Hotlines[i])
		}
	}
	return out
}

// byOrder compares order numbers, with 0 (none given) after every other.
func byOrder(a, b int) int {
	switch {
	case a == b:
		return 0
	case a == 0:
		return 1
	case b == 0:
		return -1
	}
	return cmp.Compare(a, b)
}

// Mobiles returns the digits of every mobile number the directory
// publishes, for the personal-data lint of the site's other files: its
// hotlines' and organizations' (the agency's own) and its people's, each
// of which validation accepted only with official = true or a
// consent_ref.
func (d *Directory) Mobiles() []string {
	var out []string
	add := func(n phone.Number) {
		if n.Kind() == phone.Mobile {
			out = append(out, n.Digits())
		}
	}
	for _, h := range d.Hotlines {
		add(h.Tel)
		for _, n := range h.Numbers {
			add(n.Tel)
		}
	}
	for _, o := range d.Organizations {
		add(o.Tel)
	}
	for _, p := range d.People {
		for _, ph := range p.Phones {
			add(ph.Tel)
		}
	}
	return out
}
