package render

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

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
	Meta   string   // the line under the title: "Mã thủ tục … · Hộ tịch · Cấp xã", without the code

	// The answers of the first screen: what the result is, what to bring,
	// where to submit (and whether online), how long and how much, each
	// in a few words; the details follow on the page.
	Result     string // the first result (the page lists them all)
	FirstPaper string // the first paper to bring
	MorePapers string // "và 6 giấy tờ khác", or "" when there is one
	PlaceHours string // when the reception place is open, from the directory, or ""
	Online     string // "Được, toàn trình", "Được, một phần (…)", "Chưa: …"
	Time       string // "Trong ngày", "3 ngày làm việc", or one per channel
	Fee        string // "Miễn phí", "Lệ phí: miễn phí; Phí: 8.000 đồng/bản sao"
	// FeeNote points to the table of channels when the fees differ from
	// one channel to another or their wording names exemptions or
	// reductions, which a figure alone would hide; "" otherwise.
	FeeNote string

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
	// URL is the page's full address, printed on its checklist with
	// QRPath, the address of the same as a QR code: an SVG file beside the
	// page (PageQRFile), which only a printed page loads.
	URL    string
	QRPath string

	// Offices are the reception points that receive the procedure, each
	// with its week; nil when data/diem-tiep-nhan.toml names none.
	Offices []*PointView
	Survey  *SurveyView // "Bạn có hài lòng?", nil without a survey
}

// Day is a date written for readers (Text, dd/mm/yyyy) and for machines
// (ISO, yyyy-mm-dd, for <time datetime>); both are "" for no date.
type Day struct{ Text, ISO string }

// ChannelView is one way to submit, with its time and fees: a row of the
// page's table of channels.
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

// NewProcedureView writes out p for its page at sitePath on site; files
// gives the sizes of downloadable forms.
func NewProcedureView(p *procedure.Procedure, sitePath string, site *Site, files *static.Files) *ProcedureView {
	v := &ProcedureView{
		URL:            site.Config.AbsURL(sitePath),
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
	if !v.Archived {
		for _, pt := range site.Offices.For(p.Code, p.Field) {
			v.Offices = append(v.Offices, NewPointView(pt, site))
		}
	}
	if v.Survey = site.Survey(p.Code, ""); v.Survey != nil {
		v.Survey.QRPath = site.Config.RelURL(sitePath + SurveyQRFile)
	}
	if h := site.HotlineAt(v.ReceptionPlace); h != nil {
		v.PlaceHours = h.Hours
	}
	v.Levels = make([]string, len(p.Level))
	meta := "Lĩnh vực " + p.Field
	for i, l := range p.Level {
		v.Levels[i] = l.Label()
		meta += " · " + v.Levels[i]
	}
	v.Meta = meta
	if len(p.Result) > 0 {
		v.Result = p.Result[0]
	}
	v.QRPath = site.Config.RelURL(sitePath + PageQRFile)
	v.Online = onlineAnswer(p.OnlineLevel)
	v.answerPapers(p)
	v.Channels = make([]ChannelView, len(p.Channels))
	for i, c := range p.Channels {
		cv := ChannelView{Label: c.Kind.Label(), Time: c.ProcessingTime.Text, Note: c.Note}
		for _, f := range c.Fees {
			cv.Fees = append(cv.Fees, FeeView{Heading: feeHeading(f), Text: f.Text})
		}
		v.Channels[i] = cv
	}
	v.answerTimeAndFee(p.Channels)
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

// answerPapers sets the papers of the first screen: the first one, and
// how many more the full list has.
func (v *ProcedureView) answerPapers(p *procedure.Procedure) {
	n := 0
	for _, c := range p.Dossier {
		for _, d := range c.Documents {
			if n == 0 {
				v.FirstPaper = d.Name
			}
			n++
		}
	}
	if n > 1 {
		v.MorePapers = "và " + strconv.Itoa(n-1) + " giấy tờ khác"
	}
}

// onlineAnswer says whether a procedure can be done online, and how far.
func onlineAnswer(o procedure.OnlineLevel) string {
	switch o {
	case procedure.OnlineFull:
		return "Được, toàn trình"
	case procedure.OnlinePartial:
		return "Được, một phần (vẫn phải đến nơi tiếp nhận)"
	case procedure.OnlineNone:
		return "Chưa: chỉ nộp trực tiếp hoặc qua bưu chính"
	}
	return o.Label()
}

// answerTimeAndFee sets how long and how much, in a few words: the time and
// the fees of every channel when they agree, else those of the first
// channel (most often in person) with the others said to differ.
func (v *ProcedureView) answerTimeAndFee(channels []procedure.Channel) {
	if len(channels) == 0 {
		return
	}
	times := make([]string, len(channels))
	same := true
	for i, c := range channels {
		times[i] = shortTime(c.ProcessingTime)
		same = same && times[i] == times[0]
	}
	if same {
		v.Time = times[0]
	} else {
		var b strings.Builder
		for i, c := range channels {
			if i > 0 {
				b.WriteString("; ")
			}
			b.WriteString(c.Kind.Label())
			b.WriteString(": ")
			b.WriteString(lowerFirst(times[i]))
		}
		v.Time = b.String()
	}
	first := v.Channels[0].Fees
	varies, exempt := false, false
	for _, c := range v.Channels[1:] {
		varies = varies || !sameHeadings(first, c.Fees)
	}
	for _, c := range channels {
		for _, f := range c.Fees {
			low := strings.ToLower(f.Text)
			exempt = exempt || strings.Contains(low, "miễn") || strings.Contains(low, "giảm")
		}
	}
	switch {
	case !varies && len(first) == 0:
		v.Fee = "Miễn phí: không thu phí, lệ phí"
	case allFree(channels):
		v.Fee = "Miễn phí"
	default:
		hs := make([]string, len(first))
		for i, f := range first {
			hs[i] = f.Heading
		}
		v.Fee = strings.Join(hs, "; ")
		if v.Fee == "" {
			v.Fee = "Không thu phí, lệ phí"
		}
		if varies {
			v.Fee += " (nộp " + lowerFirst(v.Channels[0].Label) + ")"
		}
	}
	switch {
	case exempt:
		v.FeeNote = "Có trường hợp được miễn, giảm"
	case varies:
		v.FeeNote = "Mức thu theo từng cách nộp"
	}
}

// allFree reports whether every fee of every channel is stated as 0 đồng.
func allFree(channels []procedure.Channel) bool {
	for _, c := range channels {
		for _, f := range c.Fees {
			if !f.Free() {
				return false
			}
		}
	}
	return true
}

func sameHeadings(a, b []FeeView) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Heading != b[i].Heading {
			return false
		}
	}
	return true
}

// shortTime is a processing time in a few words: "3 ngày làm việc",
// "Trong ngày", or the record's text when it gives no number.
func shortTime(t procedure.ProcessingTime) string {
	switch {
	case t.Unit == procedure.UnitSameDay:
		return "Trong ngày"
	case t.Value != nil && t.Unit.Valid():
		return strconv.Itoa(*t.Value) + " " + t.Unit.Label()
	}
	return t.Text
}

// lowerFirst writes the first letter of s in lower case, for a label in
// the middle of a sentence: "Trong ngày" → "trong ngày".
func lowerFirst(s string) string {
	for i, r := range s {
		return string(unicode.ToLower(r)) + s[i+utf8.RuneLen(r):]
	}
	return s
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
