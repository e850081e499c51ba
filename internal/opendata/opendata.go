// Package opendata writes what the portal shows as machine-readable data,
// from the same validated values as its pages: the exports (procedures,
// the directory and every dataset as JSON and CSV, each with its JSON
// Schema), the DCAT catalogue of them (JSON-LD with the DCAT-AP
// vocabulary, for CKAN harvesters), the schema.org JSON-LD of the pages,
// and Atom feeds.
//
// Output depends only on its input: dates come from the data (a
// procedure's synced_at, the directory's and a dataset's updated), never
// from the clock, keys are written in a fixed order, and lists keep the
// order they are given in.
package opendata

import (
	"bytes"
	"time"
)

// License is the licence of the published data: site.toml's [open_data].
type License struct {
	Name, URL string // both "" when the site declares none
}

// Meta describes one export: what it is, who publishes it under which
// licence, and when its data last changed.
type Meta struct {
	Title       string
	Description string
	Page        string // the absolute address of its human page
	Publisher   string
	License     License
	Updated     time.Time // from the data; zero when unknown
}

// date writes a calendar date as JSON and CSV hold it: 2026-10-05, or ""
// for no date.
func date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// exportHead is what every JSON export starts with.
type exportHead struct {
	Title       string      `json:"title"`
	Description string      `json:"description"`
	Publisher   string      `json:"publisher"`
	License     *licenseDoc `json:"license"`
	Updated     *string     `json:"updated"`
	Page        string      `json:"page"`
}

type licenseDoc struct {
	Name string `json:"name"`
	URL  string `json:"url"`
}

// openHead is the head of a JSON export that goes on with members of
// its own: the object is left open after the head's last member.
func openHead(m Meta) ([]byte, error) {
	h, err := indent(head(m))
	if err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(h, []byte("\n}\n")), nil
}

func head(m Meta) exportHead {
	h := exportHead{Title: m.Title, Description: m.Description, Publisher: m.Publisher, Page: m.Page}
	if m.License.Name != "" {
		h.License = &licenseDoc{m.License.Name, m.License.URL}
	}
	if !m.Updated.IsZero() {
		d := date(m.Updated)
		h.Updated = &d
	}
	return h
}
