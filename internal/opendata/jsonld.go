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
//
// The nodes every page of a kind has (a breadcrumb trail, a procedure's
// GovernmentService) write themselves straight into the page's buffer:
// built as Objects first, they were half of what a build allocates for
// its open data. The nodes of pages one per build are Objects.

// Node is one schema.org node of a page's JSON-LD: an Object, or a node
// that writes itself (BreadcrumbList, GovernmentService, Area).
type Node interface {
	appendNode(w *jsonWriter) error
}

func (o Object) appendNode(w *jsonWriter) error { return w.value(o) }

// Graph is the JSON-LD of a page: its schema.org nodes in one @graph.
func Graph(nodes ...Node) ([]byte, error) { return AppendGraph(nil, nodes...) }

// AppendGraph appends the JSON-LD of nodes to b, for a caller that reuses
// its buffer from page to page.
func AppendGraph(b []byte, nodes ...Node) ([]byte, error) {
	w := jsonWriter{b: b}
	w.beginObject()
	w.text("@context", "https://schema.org")
	w.key("@graph")
	w.beginList()
	for _, n := range nodes {
		if err := n.appendNode(&w); err != nil {
			return nil, err
		}
	}
	w.endList()
	w.endObject()
	return w.b, nil
}

// Crumb is one step of a page's breadcrumb trail, the page itself last.
type Crumb struct {
	Name, URL string // URL absolute
}

// BreadcrumbList is the trail of a page.
func BreadcrumbList(trail []Crumb) Node { return breadcrumbs(trail) }

type breadcrumbs []Crumb

func (t breadcrumbs) appendNode(w *jsonWriter) error {
	w.beginObject()
	w.text("@type", "BreadcrumbList")
	w.key("itemListElement")
	w.beginList()
	for i, c := range t {
		w.beginObject()
		w.text("@type", "ListItem")
		w.key("position")
		w.int(int64(i + 1))
		w.text("name", c.Name)
		w.text("item", c.URL)
		w.endObject()
	}
	w.endList()
	w.endObject()
	return nil
}

// language is a schema.org Language, named in the language of the page.
type language struct{ name, code string }

// vietnamese is the language every channel serves in, whatever the
// language of the page that describes it: named in that language.
func vietnamese(loc *locale.Locale) language { return language{loc.T("Vietnamese"), "vi"} }

func (l language) appendNode(w *jsonWriter) error {
	w.beginObject()
	w.text("@type", "Language")
	w.text("name", l.name)
	w.text("alternateName", l.code)
	w.endObject()
	return nil
}

// Area is the administrative unit a portal speaks for.
type Area struct {
	Name, Parent string
}

func (a Area) appendNode(w *jsonWriter) error {
	w.beginObject()
	w.text("@type", "AdministrativeArea")
	w.text("name", a.Name)
	if a.Parent != "" {
		w.key("containedInPlace")
		w.named("AdministrativeArea", a.Parent)
	}
	w.endObject()
	return nil
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
	// Names are Locale's names made once for every page: NewNames(Locale),
	// never another language's; nil makes them for this page.
	Names *Names
}

// Names are the texts in one language that the JSON-LD of a procedure
// names its channels, fees and language of service with: translated once
// for the pages of a language, not again for each.
type Names struct {
	vietnamese string
	channels   map[procedure.ChannelKind]string
	fees       map[procedure.FeeType]string
	// before and after are "Processing time: %s" in the language, on
	// either side of the time; split says the translation holds the
	// time once, as most do (else it is translated for each page).
	before, after string
	split         bool
}

// NewNames translates the names into loc's language; nil is Vietnamese.
func NewNames(loc *locale.Locale) *Names {
	loc = locale.OrVietnamese(loc)
	n := &Names{vietnamese: loc.T("Vietnamese"), channels: map[procedure.ChannelKind]string{}, fees: map[procedure.FeeType]string{}}
	for _, k := range procedure.ChannelKinds() {
		n.channels[k] = loc.Text(k.Label())
	}
	for _, f := range procedure.FeeTypes() {
		n.fees[f] = loc.Text(f.Label())
	}
	// The text in the place of a mark no translation holds; a site's
	// translation may give the time twice, or not at all.
	const mark = "\x00time\x00"
	if s := loc.T("Processing time: %s", mark); strings.Count(s, mark) == 1 {
		n.before, n.after, _ = strings.Cut(s, mark)
		n.split = true
	}
	return n
}

func (n *Names) channel(loc *locale.Locale, k procedure.ChannelKind) string {
	if s, ok := n.channels[k]; ok {
		return s
	}
	return loc.Text(k.Label())
}

func (n *Names) fee(loc *locale.Locale, f procedure.FeeType) string {
	if s, ok := n.fees[f]; ok {
		return s
	}
	return loc.Text(f.Label())
}

// GovernmentService is a procedure as a schema.org GovernmentService:
// its name, code, field, agency, area, channels (each a ServiceChannel
// with its address online, its phone and language), the fees whose
// amount is known as offers in đồng, and its legal basis as terms.
func GovernmentService(in ServiceInput) Node { return governmentService(in) }

type governmentService ServiceInput

func (in governmentService) appendNode(w *jsonWriter) error {
	p := in.Procedure
	loc := locale.OrVietnamese(in.Locale)
	names := in.Names
	if names == nil {
		names = NewNames(loc)
	}
	w.beginObject()
	w.text("@type", "GovernmentService")
	w.key("@id")
	w.joined(in.URL, "#thu-tuc")
	w.text("name", p.Title)
	w.text("identifier", p.Code)
	w.text("url", in.URL)
	if p.Description != "" {
		w.text("description", p.Description)
	}
	w.text("serviceType", p.Field)
	w.key("provider")
	w.named("GovernmentOrganization", p.Agency)
	w.key("areaServed")
	in.Area.appendNode(w)
	if len(p.Subjects) > 0 {
		w.key("audience")
		w.beginList()
		for _, s := range p.Subjects {
			w.beginObject()
			w.text("@type", "Audience")
			w.text("audienceType", s)
			w.endObject()
		}
		w.endList()
	}
	if len(p.Channels) > 0 {
		w.key("availableChannel")
		w.beginList()
		// What every channel shares is made once.
		lang := language{names.vietnamese, "vi"}
		h := in.Hotline
		phone := h != nil && !h.Tel.IsZero()
		var tel string
		if phone {
			tel = telephone(h.Tel.TelURI())
		}
		for _, ch := range p.Channels {
			w.beginObject()
			w.text("@type", "ServiceChannel")
			w.text("name", names.channel(loc, ch.Kind))
			if ch.ProcessingTime.Text != "" {
				w.key("description")
				if names.split {
					w.joined(names.before, ch.ProcessingTime.Text, names.after)
				} else {
					w.string(loc.T("Processing time: %s", ch.ProcessingTime.Text))
				}
			}
			if d := duration(ch.ProcessingTime); d != "" {
				w.text("processingTime", d)
			}
			switch ch.Kind {
			case procedure.ChannelOnline:
				if p.OnlineURL != "" {
					w.text("serviceUrl", p.OnlineURL)
				}
			case procedure.ChannelInPerson:
				place := p.ReceptionAddress
				if place == "" {
					place = p.Agency
				}
				w.key("serviceLocation")
				w.named("Place", place)
			}
			if phone {
				w.key("servicePhone")
				w.beginObject()
				w.text("@type", "ContactPoint")
				w.text("name", h.Name)
				w.text("telephone", tel)
				w.endObject()
			}
			w.key("availableLanguage")
			lang.appendNode(w)
			w.endObject()
		}
		w.endList()
	}
	offers := false
	for _, ch := range p.Channels {
		for _, f := range ch.Fees {
			if !f.HasAmount() {
				continue
			}
			if !offers {
				w.key("offers")
				w.beginList()
				offers = true
			}
			w.beginObject()
			w.text("@type", "Offer")
			w.key("name")
			w.joined(names.fee(loc, f.Type), " – ", names.channel(loc, ch.Kind))
			w.key("price")
			w.int(f.Amount())
			w.text("priceCurrency", "VND")
			if f.Text != "" {
				w.text("description", f.Text)
			}
			w.endObject()
		}
	}
	if offers {
		w.endList()
	}
	if len(p.LegalBasis) > 0 {
		w.key("termsOfService")
		w.beginList()
		for _, l := range p.LegalBasis {
			if l.Title != "" {
				w.joined(l.Number, " – ", l.Title)
			} else {
				w.string(l.Number)
			}
		}
		w.endList()
	}
	w.endObject()
	return nil
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
func Organizations(d *contacts.Directory, page string) []Node {
	var out []Node
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
