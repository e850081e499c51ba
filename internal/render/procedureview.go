package render

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/congkhai/congkhai/internal/config"
	"github.com/congkhai/congkhai/internal/contacts"
	"github.com/congkhai/congkhai/internal/content"
	"github.com/congkhai/congkhai/internal/locale"
	"github.com/congkhai/congkhai/internal/procedure"
	"github.com/congkhai/congkhai/internal/static"
	"github.com/congkhai/congkhai/internal/tomlfile"
)

// ProcedureView is a procedure as its page shows it: labels, paper counts,
// amounts and dates already written out in the site's language
// (Site.Locale), and links already
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
	loc := site.locale()
	v := &ProcedureView{
		URL:            site.Config.AbsURL(sitePath),
		Archived:       !p.InForceOn(site.Today),
		EffectiveTo:    dateText(loc, p.EffectiveTo),
		ReceptionPlace: p.ReceptionAddress,
		Hotline:        site.AgencyHotline(p.Agency),
		Subjects:       strings.Join(p.Subjects, "; "),
		OnlineLevel:    loc.Text(p.OnlineLevel.Label()),
		LegacyCodes:    strings.Join(p.LegacyCodes, ", "),
		Coordinating:   strings.Join(p.CoordinatingAgencies, "; "),
		EffectiveFrom:  dateText(loc, p.EffectiveFrom),
		SyncedAt:       day(loc, p.SyncedAt),
	}
	if v.ReceptionPlace == "" {
		v.ReceptionPlace = p.Agency
	}
	if !v.Archived {
		for _, pt := range site.Offices.For(p.Code, site.officeField(p.Code, p.Field)) {
			v.Offices = append(v.Offices, NewPointView(pt, site))
		}
	}
	if v.Survey = site.Survey(p.Code, ""); v.Survey != nil {
		v.Survey.QRPath = site.Config.RelURL(sitePath + SurveyQRFile)
	}
	if h := site.HotlineAt(v.ReceptionPlace); h != nil {
		v.PlaceHours = loc.NameOf(h.Hours)
	}
	v.Levels = make([]string, len(p.Level))
	// The record is in its page's language: its field is written in it.
	meta := loc.T("Field: %s", p.Field)
	for i, l := range p.Level {
		v.Levels[i] = loc.Text(l.Label())
		meta += " · " + v.Levels[i]
	}
	v.Meta = meta
	if len(p.Result) > 0 {
		v.Result = p.Result[0]
	}
	v.QRPath = site.Config.RelURL(sitePath + PageQRFile)
	v.Online = onlineAnswer(loc, p.OnlineLevel)
	v.answerPapers(loc, p)
	v.Channels = make([]ChannelView, len(p.Channels))
	for i, c := range p.Channels {
		cv := ChannelView{Label: loc.Text(c.Kind.Label()), Time: c.ProcessingTime.Text, Note: c.Note}
		for _, f := range c.Fees {
			cv.Fees = append(cv.Fees, FeeView{Heading: feeHeading(loc, f), Text: f.Text})
		}
		v.Channels[i] = cv
	}
	v.answerTimeAndFee(loc, p.Channels)
	v.Cases = make([]CaseView, len(p.Dossier))
	for i, c := range p.Dossier {
		cv := CaseView{Case: c.Case, Documents: make([]DocumentView, len(c.Documents))}
		for k, d := range c.Documents {
			dv := DocumentView{Name: d.Name, Count: paperCount(loc, d), Note: d.Note}
			if d.Form != nil {
				dv.Form = &FormView{Title: d.Form.Title, URL: site.Config.RelURL(d.Form.File), Size: Download(loc, files, d.Form.File)}
			}
			cv.Documents[k] = dv
		}
		v.Cases[i] = cv
	}
	v.LegalBasis = make([]LegalDocView, len(p.LegalBasis))
	for i, l := range p.LegalBasis {
		v.LegalBasis[i] = LegalDocView{Number: l.Number, Title: l.Title, Issuer: l.Issuer, Issued: day(loc, l.Issued)}
	}
	return v
}

// answerPapers sets the papers of the first screen: the first one, and
// how many more the full list has.
func (v *ProcedureView) answerPapers(loc *locale.Locale, p *procedure.Procedure) {
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
		v.MorePapers = loc.Plural(n-1, "and %d other document", "and %d other documents", n-1)
	}
}

// onlineAnswer says whether a procedure can be done online, and how far.
func onlineAnswer(loc *locale.Locale, o procedure.OnlineLevel) string {
	switch o {
	case procedure.OnlineFull:
		return loc.T("Yes, fully online")
	case procedure.OnlinePartial:
		return loc.T("Yes, in part (you still need to go to the reception place)")
	case procedure.OnlineNone:
		return loc.T("Not yet: apply in person or by post")
	}
	return loc.Text(o.Label())
}

// answerTimeAndFee sets how long and how much, in a few words: the time and
// the fees of every channel when they agree, else those of the first
// channel (most often in person) with the others said to differ.
func (v *ProcedureView) answerTimeAndFee(loc *locale.Locale, channels []procedure.Channel) {
	if len(channels) == 0 {
		return
	}
	times := make([]string, len(channels))
	same := true
	for i, c := range channels {
		times[i] = shortTime(loc, c.ProcessingTime)
		same = same && times[i] == times[0]
	}
	if same {
		v.Time = times[0]
	} else {
		var b strings.Builder
		for i := range channels {
			if i > 0 {
				b.WriteString("; ")
			}
			b.WriteString(v.Channels[i].Label)
			b.WriteString(": ")
			b.WriteString(lowerFirst(times[i]))
		}
		v.Time = b.String()
	}
	first := v.Channels[0].Fees
	varies, exempt, free := false, false, allFree(channels)
	for _, c := range v.Channels[1:] {
		varies = varies || !sameHeadings(first, c.Fees)
	}
	for _, c := range channels {
		for _, f := range c.Fees {
			// "Miễn phí" of a procedure free for all is no exemption.
			exempt = exempt || !free && mentionsExemption(f.Text)
		}
	}
	// No fee listed is not "free": a deleted line must not tell citizens
	// that a paid procedure costs nothing. Free is amount_vnd = 0.
	notGiven := loc.T("Fees not published: ask where you apply")
	switch {
	case !varies && len(first) == 0:
		v.Fee = notGiven
	case free:
		v.Fee = loc.T("Free of charge")
	default:
		hs := make([]string, len(first))
		for i, f := range first {
			hs[i] = f.Heading
		}
		v.Fee = strings.Join(hs, "; ")
		if v.Fee == "" {
			v.Fee = notGiven
		}
		if varies {
			v.Fee = loc.T("%s (when you apply %s)", v.Fee, lowerFirst(v.Channels[0].Label))
		}
	}
	switch {
	case exempt:
		v.FeeNote = loc.T("Some people pay less or nothing")
	case varies:
		v.FeeNote = loc.T("The amount depends on how you apply")
	}
}

// exemptionWords are the words of a fee's text that say some people pay
// less or nothing, in the languages of a translation's text too.
var exemptionWords = []string{"miễn", "giảm", "exempt", "reduc", "waive", "free of", "no charge"}

func mentionsExemption(text string) bool {
	low := strings.ToLower(text)
	return slices.ContainsFunc(exemptionWords, func(w string) bool { return strings.Contains(low, w) })
}

// allFree reports whether every channel states its fees, each as 0 đồng.
func allFree(channels []procedure.Channel) bool {
	for _, c := range channels {
		if len(c.Fees) == 0 {
			return false
		}
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

// shortTime is a processing time in a few words: "3 working days",
// "Within the day", or the record's text when it gives no number.
func shortTime(loc *locale.Locale, t procedure.ProcessingTime) string {
	if t.Unit == procedure.UnitSameDay {
		return loc.T("Within the day")
	}
	if t.Value == nil {
		return t.Text
	}
	n := *t.Value
	switch t.Unit {
	case procedure.UnitWorkingDays:
		return loc.Plural(n, "%d working day", "%d working days", n)
	case procedure.UnitDays:
		return loc.Plural(n, "%d day", "%d days", n)
	case procedure.UnitHours:
		return loc.Plural(n, "%d hour", "%d hours", n)
	}
	return t.Text
}

// lowerFirst writes the first letter of s in lower case, for a label in
// the middle of a sentence: "Within the day" → "within the day".
func lowerFirst(s string) string {
	for i, r := range s {
		return string(unicode.ToLower(r)) + s[i+utf8.RuneLen(r):]
	}
	return s
}

func day(loc *locale.Locale, d tomlfile.Date) Day {
	if !d.Given() {
		return Day{}
	}
	return Day{Text: dateText(loc, d), ISO: d.String()}
}

// dateText writes a date of a record as pages show it, 15/7/2025 or 15
// July 2025, or "" when none was given (a given 0001-01-01 is written
// too: it is a date).
func dateText(loc *locale.Locale, d tomlfile.Date) string {
	if !d.Given() {
		return ""
	}
	return loc.Day(d.Time().Date())
}

// feeHeading is a fee's type with its amount when it has one: "Charge:
// free", "Fee: VND 8,000/bản" (the unit is the record's words).
func feeHeading(loc *locale.Locale, f procedure.Fee) string {
	h := loc.Text(f.Type.Label())
	switch {
	case !f.HasAmount():
	case f.Free():
		h = loc.T("%s: free", h)
	default:
		h += ": " + loc.VND(f.Amount())
		if f.UnitText != "" {
			h += "/" + f.UnitText
		}
	}
	return h
}

// paperCount says how many of a paper to bring: "1 original, 2 copies".
func paperCount(loc *locale.Locale, d procedure.Document) string {
	if d.ShowOnly {
		return loc.T("Bring the original to show (you do not hand it in)")
	}
	var parts []string
	if d.Originals != nil && *d.Originals != 0 {
		n := *d.Originals
		parts = append(parts, loc.Plural(n, "%d original", "%d originals", n))
	}
	if d.Copies != nil && *d.Copies != 0 {
		n := *d.Copies
		parts = append(parts, loc.Plural(n, "%d copy", "%d copies", n))
	}
	return strings.Join(parts, ", ")
}

// ListItem is a procedure as lists show it (partials/procedure-list.html).
type ListItem struct {
	URL, Title string
	// Lang is the language of a page in another language than the
	// list's (a related procedure not translated), "" for one in it.
	Lang string
	Meta string // "Code 1.001234 · Hộ tịch · Commune level"
	// ArchivedUntil is the last day of a procedure no longer in force, ""
	// for one that is.
	ArchivedUntil string
}

// Listing writes out a list of procedure pages for partials/procedure-list.html,
// which makes one call for the whole list instead of a dozen per item,
// in the language of loc.
func Listing(loc *locale.Locale, cfg *config.Config, pages []*content.Page) []ListItem {
	items := make([]ListItem, 0, len(pages))
	var meta strings.Builder
	levels := map[procedure.Level]string{}
	for _, pg := range pages {
		p := pg.Procedure
		if p == nil {
			continue
		}
		meta.Reset()
		meta.WriteString(loc.T("Code %s", p.Code))
		meta.WriteString(" · ")
		field, lang := p.Field, ""
		if pg.Lang != "" && pg.Lang != loc.Lang() {
			// A page of another language: its field as the site names
			// it in the list's.
			field = loc.NameOf(p.Field)
			lang = string(pg.Lang)
		}
		meta.WriteString(field)
		for _, l := range p.Level {
			label, ok := levels[l]
			if !ok {
				label = loc.Text(l.Label())
				levels[l] = label
			}
			meta.WriteString(" · ")
			meta.WriteString(label)
		}
		items = append(items, ListItem{URL: cfg.RelURL(pg.Path), Title: pg.Title, Lang: lang, Meta: meta.String(), ArchivedUntil: dateText(loc, p.EffectiveTo)})
	}
	return items
}
