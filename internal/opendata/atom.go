package opendata

import (
	"bytes"
	"encoding/xml"
	"time"

	"github.com/congkhai/congkhai/internal/msg"
)

// Feed is an Atom 1.0 feed (RFC 4287). Its Updated and its entries'
// come from the data, never from the clock.
type Feed struct {
	Title    string
	Subtitle string
	ID       string // a permanent address: the feed's own
	Self     string // the feed's address
	Page     string // the page it follows
	Author   string
	Rights   string // the licence, "" when none is declared
	Language string
	// Updated is the date of a feed without entries (the date of its
	// page); a feed with entries is as new as its latest.
	Updated time.Time
	Entries []Entry
}

// Entry is one entry of a feed: a page that changed on Updated.
type Entry struct {
	Title    string
	URL      string // the page; also the entry's id
	Updated  time.Time
	Summary  string
	Category string
}

// FeedEntries is the most entries a feed holds: the latest changes.
const FeedEntries = 50

type atomFeed struct {
	XMLName  xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang     string      `xml:"xml:lang,attr,omitempty"`
	Title    string      `xml:"title"`
	Subtitle string      `xml:"subtitle,omitempty"`
	ID       string      `xml:"id"`
	Updated  string      `xml:"updated"`
	Links    []atomLink  `xml:"link"`
	Author   atomPerson  `xml:"author"`
	Rights   string      `xml:"rights,omitempty"`
	Gen      string      `xml:"generator"`
	Entries  []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	Title    string        `xml:"title"`
	ID       string        `xml:"id"`
	Updated  string        `xml:"updated"`
	Link     atomLink      `xml:"link"`
	Category *atomCategory `xml:"category"`
	Summary  string        `xml:"summary"`
}

type atomCategory struct {
	Term string `xml:"term,attr"`
}

// atomTime writes a date as Atom wants it (RFC 3339): midnight UTC of the
// data's date.
func atomTime(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// Atom renders the feed, entries in the order given. Its updated is its
// latest entry's, or f.Updated without entries (1970-01-01 when that is
// zero too: Atom requires a date, and the clock is never read).
func (f *Feed) Atom() ([]byte, error) {
	updated := f.Updated
	for _, e := range f.Entries {
		if e.Updated.After(updated) {
			updated = e.Updated
		}
	}
	if updated.IsZero() {
		updated = time.Unix(0, 0)
	}
	a := atomFeed{Lang: f.Language, Title: f.Title, Subtitle: f.Subtitle, ID: f.ID, Updated: atomTime(updated),
		Links:  []atomLink{{Rel: "self", Type: "application/atom+xml", Href: f.Self}, {Rel: "alternate", Type: "text/html", Href: f.Page}},
		Author: atomPerson{f.Author}, Rights: f.Rights, Gen: "congkhai"}
	for _, e := range f.Entries {
		ae := atomEntry{Title: e.Title, ID: e.URL, Updated: atomTime(e.Updated), Link: atomLink{Rel: "alternate", Type: "text/html", Href: e.URL}, Summary: e.Summary}
		if e.Category != "" {
			ae.Category = &atomCategory{e.Category}
		}
		a.Entries = append(a.Entries, ae)
	}
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(a); err != nil {
		return nil, err
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

// CheckAtom checks the rules of RFC 4287 that a feed can break, for the
// tests of every feed the portal publishes: an atom:feed root with an id,
// a title, an updated date (RFC 3339), an author and a self link, and
// entries each with a unique id, a title, an updated date and a link.
func CheckAtom(b []byte) error {
	var f struct {
		XMLName xml.Name
		ID      string `xml:"id"`
		Title   string `xml:"title"`
		Updated string `xml:"updated"`
		Author  []struct {
			Name string `xml:"name"`
		} `xml:"author"`
		Links   []atomLink `xml:"link"`
		Entries []struct {
			ID      string     `xml:"id"`
			Title   string     `xml:"title"`
			Updated string     `xml:"updated"`
			Links   []atomLink `xml:"link"`
			Author  []struct {
				Name string `xml:"name"`
			} `xml:"author"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal(b, &f); err != nil {
		return msg.Errorf("not XML: %v", err)
	}
	const ns = "http://www.w3.org/2005/Atom"
	if f.XMLName.Space != ns || f.XMLName.Local != "feed" {
		return msg.Errorf("the root is {%s}%s, not an Atom feed", f.XMLName.Space, f.XMLName.Local)
	}
	if f.ID == "" || f.Title == "" {
		return msg.Errorf("the feed needs an id and a title")
	}
	if _, err := time.Parse(time.RFC3339, f.Updated); err != nil {
		return msg.Errorf("the feed's updated %q is not an RFC 3339 date", f.Updated)
	}
	self := false
	for _, l := range f.Links {
		self = self || l.Rel == "self"
	}
	if !self {
		return msg.Errorf("the feed has no self link")
	}
	ids := map[string]bool{}
	for i, e := range f.Entries {
		if e.ID == "" || e.Title == "" || len(e.Links) == 0 {
			return msg.Errorf("entry %d needs an id, a title and a link", i)
		}
		if ids[e.ID] {
			return msg.Errorf("entry %d repeats the id %s", i, e.ID)
		}
		ids[e.ID] = true
		if _, err := time.Parse(time.RFC3339, e.Updated); err != nil {
			return msg.Errorf("entry %d: updated %q is not an RFC 3339 date", i, e.Updated)
		}
		if len(f.Author) == 0 && len(e.Author) == 0 {
			return msg.Errorf("entry %d has no author, nor has the feed", i)
		}
	}
	return nil
}
