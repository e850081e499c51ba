package render

import (
	"strconv"
	"strings"

	"github.com/congkhai/congkhai/internal/config"
	"github.com/congkhai/congkhai/internal/contacts"
	"github.com/congkhai/congkhai/internal/content"
	"github.com/congkhai/congkhai/internal/procedure"
	"github.com/congkhai/congkhai/internal/static"
	"github.com/congkhai/congkhai/internal/tomlfile"
	"github.com/congkhai/congkhai/internal/vnformat"
)

// ProcedureView is a procedure as its page shows it: labels, paper counts,
// amounts and dates already written out in Vietnamese, and links already
// under the base path. procedure.html reads it rather than working these
// out with template functions: html/template calls every function and
// method through reflection, and on a portal of 10,000 procedures those
// calls were most of the time spent in layouts. The record itself stays
// available as .Procedure for a site's own layout.
type ProcedureView struct {
	Levels []string // level labels: Cấp xã, Cấp tỉnh
	// Archived is set for a procedure not in force on the build's date;
	// EffectiveTo is then its last day, or "" if it has not started yet.
	Archived    bool
	EffectiveTo string
	// ReceptionPlace is where dossiers are submitted: the reception address,
	// or the agency when there is none.
	ReceptionPlace string
	Hotline        *contacts.Hotline // the agency's hotline, or nil
	Subjects       string            // joined with "; "
	OnlineLevel    string
	Channels       []ChannelView
	Cases          []CaseView
	LegalBasis     []LegalDocView
	LegacyCodes    string // joined with ", "
	Coordinating   string // coordinating agencies, joined with "; "
	EffectiveFrom  string // dd/mm/yyyy
	SyncedAt       Day
}

// Day is a date written for readers (Text, dd/mm/yyyy) and for machines
// (ISO, yyyy-mm-dd, for <time datetime>); both are "" for no date.
type Day struct{ Text, ISO string }

// ChannelView is one way to submit, with its time and fees.
type ChannelView struct {
	Label, Time, Note string
	Fees              []FeeView
}

// FeeView is one fee: Heading is its type and amount ("Lệ phí: 8.000
// đồng/bản"), Text its verbatim wording.
type FeeView struct{ Heading, Text string }

// CaseView is one situation with its papers.
type CaseView struct {
	Case      string
	Documents []DocumentView
}

// DocumentView is one paper: Count says how many originals and copies, or
// that it is only shown.
type DocumentView struct {
	Name, Count, Note string
	Form              *FormView
}

// FormView is a blank form to download: URL under the base path, Size as
// "DOCX, 12 KB".
type FormView struct{ Title, URL, Size string }

// LegalDocView is one row of the legal basis.
type LegalDocView struct {
	Number, Title, Issuer string
	Issued                Day
}

// NewProcedureView writes out p for its page on site; files gives the sizes
// of downloadable forms.
func NewProcedureView(p *procedure.Procedure, site *Site, files *static.Files) *ProcedureView {
	v := &ProcedureView{
		Archived:       !p.InForceOn(site.Today),
		EffectiveTo:    dateText(p.EffectiveTo),
		ReceptionPlace: p.ReceptionAddress,
		Hotline:        site.AgencyHotline(p.Agency),
		Subjects:       strings.Join(p.Subjects, "; "),
		OnlineLevel:    p.OnlineLevel.Label(),
		LegacyCodes:    strings.Join(p.LegacyCodes, ", "),
		Coordinating:   strings.Join(p.CoordinatingAgencies, "; "),
		EffectiveFrom:  dateText(p.EffectiveFrom),
		SyncedAt:       day(p.SyncedAt),
	}
	if v.ReceptionPlace == "" {
		v.ReceptionPlace = p.Agency
	}
	v.Levels = make([]string, len(p.Level))
	for i, l := range p.Level {
		v.Levels[i] = l.Label()
	}
	v.Channels = make([]ChannelView, len(p.Channels))
	for i, c := range p.Channels {
		cv := ChannelView{Label: c.Kind.Label(), Time: c.ProcessingTime.Text, Note: c.Note}
		for _, f := range c.Fees {
			cv.Fees = append(cv.Fees, FeeView{Heading: feeHeading(f), Text: f.Text})
		}
		v.Channels[i] = cv
	}
	v.Cases = make([]CaseView, len(p.Dossier))
	for i, c := range p.Dossier {
		cv := CaseView{Case: c.Case, Documents: make([]DocumentView, len(c.Documents))}
		for k, d := range c.Documents {
			dv := DocumentView{Name: d.Name, Count: paperCount(d), Note: d.Note}
			if d.Form != nil {
				dv.Form = &FormView{Title: d.Form.Title, URL: site.Config.RelURL(d.Form.File), Size: Download(files, d.Form.File)}
			}
			cv.Documents[k] = dv
		}
		v.Cases[i] = cv
	}
	v.LegalBasis = make([]LegalDocView, len(p.LegalBasis))
	for i, l := range p.LegalBasis {
		v.LegalBasis[i] = LegalDocView{Number: l.Number, Title: l.Title, Issuer: l.Issuer, Issued: day(l.Issued)}
	}
	return v
}

func day(d tomlfile.Date) Day {
	if !d.Given() {
		return Day{}
	}
	return Day{Text: dateText(d), ISO: d.String()}
}

// dateText writes a date of a record as pages show it, 15/07/2025, or ""
// when none was given (a given 0001-01-01 is written too: it is a date).
func dateText(d tomlfile.Date) string {
	if !d.Given() {
		return ""
	}
	y, m, dd := d.Time().Date()
	return vnformat.Day(y, m, dd)
}

// feeHeading is a fee's type with its amount when it has one: "Lệ phí:
// miễn phí", "Phí: 8.000 đồng/bản".
func feeHeading(f procedure.Fee) string {
	h := f.Type.Label()
	switch {
	case !f.HasAmount():
	case f.Free():
		h += ": miễn phí"
	default:
		h += ": " + vnformat.VND(f.Amount())
		if f.UnitText != "" {
			h += "/" + f.UnitText
		}
	}
	return h
}

// paperCount says how many of a paper to bring: "1 bản chính, 2 bản sao".
func paperCount(d procedure.Document) string {
	if d.ShowOnly {
		return "Mang bản chính để xuất trình (không nộp)"
	}
	var parts []string
	if d.Originals != nil && *d.Originals != 0 {
		parts = append(parts, strconv.Itoa(*d.Originals)+" bản chính")
	}
	if d.Copies != nil && *d.Copies != 0 {
		parts = append(parts, strconv.Itoa(*d.Copies)+" bản sao")
	}
	return strings.Join(parts, ", ")
}

// ListItem is a procedure as lists show it (partials/procedure-list.html).
type ListItem struct {
	URL, Title string
	Meta       string // "Mã 1.001234 · Hộ tịch · Cấp xã"
	// ArchivedUntil is the last day of a procedure no longer in force, ""
	// for one that is.
	ArchivedUntil string
}

// Listing writes out a list of procedure pages for partials/procedure-list.html,
// which makes one call for the whole list instead of a dozen per item.
func Listing(cfg *config.Config, pages []*content.Page) []ListItem {
	items := make([]ListItem, 0, len(pages))
	var meta strings.Builder
	for _, pg := range pages {
		p := pg.Procedure
		if p == nil {
			continue
		}
		meta.Reset()
		meta.WriteString("Mã ")
		meta.WriteString(p.Code)
		meta.WriteString(" · ")
		meta.WriteString(p.Field)
		for _, l := range p.Level {
			meta.WriteString(" · ")
			meta.WriteString(l.Label())
		}
		items = append(items, ListItem{URL: cfg.RelURL(pg.Path), Title: pg.Title, Meta: meta.String(), ArchivedUntil: dateText(p.EffectiveTo)})
	}
	return items
}
