package render

import (
	"time"

	"github.com/congkhai/congkhai/internal/locale"
	"github.com/congkhai/congkhai/internal/opendata"
)

// FeedLink is an Atom feed a page announces in its <head>.
type FeedLink struct {
	Title, Path string
}

// Export is one kind of published data on its page under /du-lieu/ and on
// the list of every export (opendata.html, export.html).
type Export struct {
	// Kind says what the layout explains about the files: "procedures",
	// "directory" or "dataset".
	Kind        string
	ID          string // thu-tuc, danh-ba, ho-so-thang
	Title       string
	Description string
	Path        string    // its page
	Updated     time.Time // from the data
	Source      string
	SourceURL   string
	Fictional   bool
	Files       []ExportFile
	Columns     []opendata.Column // of its CSV file
	// Original is a dataset's file as the site keeps it, published as
	// it is beside the exports ("" for other kinds).
	Original ExportFile
}

// ExportFile is one file of an export, with what its link says: its
// format and size, "CSV, 12 KB".
type ExportFile struct {
	Title, Path string
	Format      string // JSON, CSV, vCard, iCalendar, JSON Schema
	Bytes       int64  // -1 when unknown
	// Locale is the language of its size (12,5 KB, 12.5 KB); nil is
	// Vietnamese.
	Locale *locale.Locale
}

// Size is the file's format and size for a link text, as download does
// for static files: "CSV, 12 KB".
func (f ExportFile) Size() string {
	if f.Bytes < 0 {
		return f.Format
	}
	loc := f.Locale
	return f.Format + ", " + locale.OrVietnamese(loc).FileSize(f.Bytes)
}

// AppendJSONLD appends the page's schema.org JSON-LD to b: its
// breadcrumb trail and what the page describes (LinkedData); b as it was
// for a page with neither. It goes into a <script type="application/ld+json">
// as it is (Data.JSONLD): opendata.AppendGraph escaped <, > and &, so
// that no text of the data ends the element, and a browser executes no
// data block, so the Content-Security-Policy holds.
func AppendJSONLD(b []byte, d *Data) ([]byte, error) {
	var nodes []opendata.Node
	if len(d.Breadcrumbs) > 0 {
		trail := make([]opendata.Crumb, 0, len(d.Breadcrumbs)+1)
		for _, c := range d.Breadcrumbs {
			trail = append(trail, opendata.Crumb{Name: c.Title, URL: d.Site.Config.AbsURL(c.Path)})
		}
		trail = append(trail, opendata.Crumb{Name: d.Title, URL: d.Site.Config.AbsURL(d.Path)})
		nodes = append(nodes, opendata.BreadcrumbList(trail))
	}
	if d.LinkedData != nil {
		nodes = append(nodes, d.LinkedData()...)
	}
	if len(nodes) == 0 {
		return b, nil
	}
	return opendata.AppendGraph(b, nodes...)
}
