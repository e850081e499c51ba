package opendata

import (
	"strconv"
	"strings"

	"github.com/congkhai/congkhai/internal/contacts"
	"github.com/congkhai/congkhai/internal/locale"
	"github.com/congkhai/congkhai/internal/procedure"
)

// The pages carry what they show as schema.org JSON-LD too, for search
// engines and other readers, in a <script type="application/ld+json">:
// a data block, which no browser executes, so that the
// Content-Security-Policy (no inline script) holds. Graph writes it with
// <, > and & escaped, so that no text of the data can end the element.

// Graph is the JSON-LD of a page: its schema.org nodes in one @graph.
func Graph(nodes ...Object) ([]byte, error) { return AppendGraph(nil, nodes...) }

// AppendGraph appends the JSON-LD of nodes to b, for a caller that reuses
// its buffer from page to page.
func AppendGraph(b []byte, nodes ...Object) ([]byte, error) {
	return appendJSON(b, Object{{"@context", "https://schema.org"}, {"@graph", nodes}})
}

// Crumb is one step of a page's breadcrumb trail, the page itself last.
type Crumb struct {
	Name, URL string // URL absolute
}

// BreadcrumbList is the trail of a page.
func BreadcrumbList(trail []Crumb) Object {
	items := make([]Object, len(trail))
	for i, c := range trail {
		items[i] = Object{{"@type", "ListItem"}, {"position", i + 1}, {"name", c.Name}, {"item", c.URL}}
	}
	return Object{{"@type", "BreadcrumbList"}, {"itemListElement", items}}
}

// vietnamese is the language every channel serves in, whatever the
// language of the page that describes it: named in that language.
func vietnamese(loc *locale.Locale) Object {
	return Object{{"@type", "Language"}, {"name", loc.T("Vietnamese")}, {"alternateName", "vi"}}
}

// Area is the administrative unit a portal speaks for.
type Area struct {
	Name, Parent string
}

func (a Area) node() Object {
	n := Object{{"@type", "AdministrativeArea"}, {"name", a.Name}}
	if a.Parent != "" {
		n.Set("containedInPlace", Object{{"@type", "AdministrativeArea"}, {"name", a.Parent}})
	}
	return n
}

// ServiceInput is what the JSON-LD of a procedure's page is made of.
type ServiceInput struct {
	URL       string // the page, absolute
	Procedure *procedure.Procedure
	Area      Area
	Language  string
	Hotline   *contacts.Hotline // the agency's hotline, or nil
	// Locale is the language of the names of channels and fees; nil is
	// Vietnamese.
	Locale *locale.Locale
}

// GovernmentService is a procedure as a schema.org GovernmentService:
// its name, code, field, agency, area, channels (each a ServiceChannel
// with its address online, its phone and language), the fees whose
// amount is known as offers in đồng, and its legal basis as terms.
func GovernmentService(in ServiceInput) Object {
	p := in.Procedure
	loc := locale.OrVietnamese(in.Locale)
	n := make(Object, 0, 16)
	n = append(n, Member{"@type", "GovernmentService"}, Member{"@id", in.URL + "#thu-tuc"},
		Member{"name", p.Title}, Member{"identifier", p.Code}, Member{"url", in.URL})
	if p.Description != "" {
		n.Set("description", p.Description)
	}
	n.Set("serviceType", p.Field)
	provider := Object{{"@type", "GovernmentOrganization"}, {"name", p.Agency}}
	n.Set("provider", provider)
	n.Set("areaServed", in.Area.node())
	if len(p.Subjects) > 0 {
		audience := make([]Object, 0, len(p.Subjects))
		for _, s := range p.Subjects {
			audience = append(audience, Object{{"@type", "Audience"}, {"audienceType", s}})
		}
		n.Set("audience", audience)
	}
	// What every channel shares is made once.
	channels := make([]Object, 0, len(p.Channels))
	var offers []Object
	lang := vietnamese(loc)
	var phone Object
	if h := in.Hotline; h != nil && !h.Tel.IsZero() {
		phone = Object{{"@type", "ContactPoint"}, {"name", h.Name}, {"telephone", telephone(h.Tel.TelURI())}}
	}
	for _, ch := range p.Channels {
		c := make(Object, 0, 8)
		c = append(c, Member{"@type", "ServiceChannel"}, Member{"name", loc.Text(ch.Kind.Label())})
		if ch.ProcessingTime.Text != "" {
			c.Set("description", loc.T("Processing time: %s", ch.ProcessingTime.Text))
		}
		if d := duration(ch.ProcessingTime); d != "" {
			c.Set("processingTime", d)
		}
		switch ch.Kind {
		case procedure.ChannelOnline:
			if p.OnlineURL != "" {
				c.Set("serviceUrl", p.OnlineURL)
			}
		case procedure.ChannelInPerson:
			place := p.ReceptionAddress
			if place == "" {
				place = p.Agency
			}
			c.Set("serviceLocation", Object{{"@type", "Place"}, {"name", place}})
		}
		if phone != nil {
			c.Set("servicePhone", phone)
		}
		c.Set("availableLanguage", lang)
		channels = append(channels, c)
		for _, f := range ch.Fees {
			if !f.HasAmount() {
				continue
			}
			o := make(Object, 0, 5)
			o = append(o, Member{"@type", "Offer"}, Member{"name", loc.Text(f.Type.Label()) + " – " + loc.Text(ch.Kind.Label())}, Member{"price", f.Amount()}, Member{"priceCurrency", "VND"})
			if f.Text != "" {
				o = append(o, Member{"description", f.Text})
			}
			offers = append(offers, o)
		}
	}
	if len(channels) > 0 {
		n.Set("availableChannel", channels)
	}
	if len(offers) > 0 {
		n.Set("offers", offers)
	}
	terms := make([]string, 0, len(p.LegalBasis))
	for _, l := range p.LegalBasis {
		t := l.Number
		if l.Title != "" {
			t += " – " + l.Title
		}
		terms = append(terms, t)
	}
	if len(terms) > 0 {
		n.Set("termsOfService", terms)
	}
	return n
}

// duration is a processing time as ISO 8601, when it is one: calendar
// days (P15D) or hours (PT8H). Working days and "within the day" are not
// a fixed length, and have none.
func duration(t procedure.ProcessingTime) string {
	if t.Value == nil || *t.Value <= 0 {
		return ""
	}
	switch t.Unit {
	case procedure.UnitDays:
		return "P" + strconv.Itoa(*t.Value) + "D"
	case procedure.UnitHours:
		return "PT" + strconv.Itoa(*t.Value) + "H"
	}
	return ""
}

// telephone is a tel: address as schema.org writes numbers: +842743800101, 1022.
func telephone(tel string) string { return strings.TrimPrefix(tel, "tel:") }

// Organizations is the directory as schema.org: each organization a
// GovernmentOrganization, with a ContactPoint for each of its hotlines and
// each of its people; hotlines that serve no organization of the
// directory are ContactPoints of their own.
func Organizations(d *contacts.Directory, page string) []Object {
	var out []Object
	used := map[*contacts.Hotline]bool{}
	for _, g := range d.Groups() {
		org := Object{{"@type", "GovernmentOrganization"}, {"name", g.Name}}
		if o := g.Organization; o != nil {
			if o.Address != "" {
				org.Set("address", o.Address)
			}
			if o.Email != "" {
				org.Set("email", string(o.Email))
			}
			if !o.Tel.IsZero() {
				org.Set("telephone", telephone(o.Tel.TelURI()))
			}
		}
		var points []Object
		for _, h := range d.HotlinesFor(g.Name) {
			used[h] = true
			points = append(points, hotlinePoint(h, page))
		}
		for _, p := range g.People {
			points = append(points, personPoint(p, page))
		}
		if len(points) > 0 {
			org.Set("contactPoint", points)
		}
		out = append(out, org)
	}
	for i := range d.Hotlines {
		if h := &d.Hotlines[i]; !used[h] {
			out = append(out, hotlinePoint(h, page))
		}
	}
	return out
}

func hotlinePoint(h *contacts.Hotline, page string) Object {
	loc := locale.OrVietnamese(nil)
	c := Object{{"@type", "ContactPoint"}, {"@id", page + "#" + h.ID}, {"name", h.Name}, {"contactType", loc.T("Hotline")}}
	if !h.Tel.IsZero() {
		c.Set("telephone", telephone(h.Tel.TelURI()))
	}
	if h.Email != "" {
		c.Set("email", string(h.Email))
	}
	if h.Hours != "" {
		c.Set("description", loc.T("Hours: %s", h.Hours))
	}
	if h.URL != "" {
		c.Set("url", h.URL)
	}
	c.Set("availableLanguage", vietnamese(locale.OrVietnamese(nil)))
	return c
}

func personPoint(p *contacts.Person, page string) Object {
	c := Object{{"@type", "ContactPoint"}, {"@id", page + "#" + p.ID}, {"name", p.FullName}, {"contactType", p.Position}}
	var tels []string
	for _, ph := range p.Phones {
		if !ph.Tel.IsZero() {
			tels = append(tels, telephone(ph.Tel.TelURI()))
		}
	}
	switch len(tels) {
	case 0:
	case 1:
		c.Set("telephone", tels[0])
	default:
		c.Set("telephone", tels)
	}
	if p.Email != "" {
		c.Set("email", string(p.Email))
	}
	c.Set("availableLanguage", vietnamese(locale.OrVietnamese(nil)))
	return c
}
