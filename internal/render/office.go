package render

import (
	"html/template"
	"net/url"
	"strings"

	"github.com/congkhai/congkhai/internal/config"
	"github.com/congkhai/congkhai/internal/contacts"
	"github.com/congkhai/congkhai/internal/content"
	"github.com/congkhai/congkhai/internal/locale"
	"github.com/congkhai/congkhai/internal/office"
	"github.com/congkhai/congkhai/internal/qr"
)

// OfficesPath is where the list of reception points is published; each
// point's page is under it, by id.
const OfficesPath = "/diem-tiep-nhan/"

// LookupPath is the page that looks a dossier up by its number, when
// site.toml gives status_lookup.url_template.
const LookupPath = "/tra-cuu-ho-so/"

// OfficePath is the page of a reception point.
func OfficePath(p *office.Point) string { return OfficesPath + p.ID + "/" }

// PointView is a reception point as a page shows it: its week from the
// build's reference date, what it receives, and the survey of the place.
type PointView struct {
	*office.Point
	Path       string
	Today      office.Day       // the build's reference date
	Week       []office.Day     // Monday to Sunday of that date's week
	Stretches  []office.Stretch // the week, days with the same hours together
	Features   []FeatureView
	Procedures []*content.Page // the procedures it receives, by title
	Survey     *SurveyView     // nil when site.toml has no survey
}

// FeatureView is an accessibility feature of a point, in the site's
// language.
type FeatureView struct {
	Key   string // the TOML key, for CSS
	Label string
	Has   bool
}

// NewPointView writes out p, with its week, for the pages of site, in
// its language.
func NewPointView(p *office.Point, site *Site) *PointView {
	loc := site.locale()
	v := &PointView{Point: p, Path: site.LocalPath(OfficePath(p)), Today: p.On(site.Today, site.Calendar, loc),
		Week: p.Week(site.Today, site.Calendar, loc)}
	for _, f := range p.Accessibility.Features() {
		v.Features = append(v.Features, FeatureView{Key: f.Key, Label: loc.Text(f.Label), Has: f.Has})
	}
	v.Stretches = office.Stretches(v.Week)
	return v
}

// NewPointPage is the view of p for its own page: with the procedures it
// receives, of procedures (the site's, by title) in force on the build's
// date, and its survey.
func NewPointPage(p *office.Point, site *Site, procedures []*content.Page) *PointView {
	v := NewPointView(p, site)
	for _, pg := range procedures {
		if pr := pg.Procedure; pr != nil && pr.InForceOn(site.Today) && contains(site.Offices.For(pr.Code, site.officeField(pr.Code, pr.Field)), p) {
			v.Procedures = append(v.Procedures, pg)
		}
	}
	if v.Survey = site.Survey("", p.ID); v.Survey != nil {
		v.Survey.QR, _ = SurveyQR(site.locale(), v.Survey.URL) // "" when it cannot be made: the link stays
	}
	return v
}

func contains(ps []*office.Point, p *office.Point) bool {
	for _, q := range ps {
		if q == p {
			return true
		}
	}
	return false
}

// SurveyView is the "Are you satisfied?" block: the survey's address with
// the procedure or the place filled in, and the same address as a QR code
// to print for the counter.
type SurveyView struct {
	URL string
	QR  template.HTML // inline, on a reception point's page; "" if it could not be made
	// QRPath is the QR code as an SVG file of its own, for a procedure:
	// its page links to it rather than carrying it, to stay light.
	QRPath string
}

// SurveyQRFile is the name of a procedure's survey QR code, in its page's
// folder; PageQRFile that of the QR code of the page's own address, which
// its printed checklist shows.
const (
	SurveyQRFile = "danh-gia-qr.svg"
	PageQRFile   = "qr.svg"
)

// PageQRLabel is what screen readers are told of the QR code of a page's
// full address (an SVG file, PageQRFile), in the language of loc.
func PageQRLabel(loc *locale.Locale, pageURL string) string {
	return loc.T("QR code of this page: %s", pageURL)
}

// Survey returns the survey of a procedure (code) or a reception point
// (point id), without its QR code, from site.toml's feedback.survey_url, whose {ma_thu_tuc}
// and {diem_tiep_nhan} are replaced, escaped for a query (a parameter
// that would be left empty is left out); nil when the site has no survey.
func (s *Site) Survey(code, point string) *SurveyView {
	u, err := url.Parse(s.Config.Feedback.SurveyURL)
	if s.Config.Feedback.SurveyURL == "" || err != nil {
		return nil
	}
	fill := strings.NewReplacer("{ma_thu_tuc}", code, "{diem_tiep_nhan}", point)
	var query []string
	for _, kv := range strings.Split(u.RawQuery, "&") {
		k, v, _ := strings.Cut(kv, "=")
		filled := fill.Replace(v)
		if filled == "" && v != "" {
			continue // a placeholder with nothing to put in it
		}
		if filled != v {
			v = url.QueryEscape(filled)
		}
		query = append(query, k+"="+v)
	}
	u.RawQuery = strings.Join(query, "&")
	return &SurveyView{URL: u.String()}
}

// SurveyQR is the QR code of a survey address, labelled for screen
// readers in the language of loc.
func SurveyQR(loc *locale.Locale, surveyURL string) (template.HTML, error) {
	return qr.SVG(surveyURL, SurveyQRLabel(loc, surveyURL))
}

// SurveyQRLabel is what screen readers are told of the QR code of a
// survey address, in the language of loc.
func SurveyQRLabel(loc *locale.Locale, surveyURL string) string {
	return loc.T("QR code of the satisfaction survey: %s", surveyURL)
}

// calendarOf is the directory's days off, or none without a directory.
func calendarOf(d *contacts.Directory) contacts.Calendar {
	if d == nil {
		return contacts.NewCalendar(nil)
	}
	return contacts.NewCalendar(d.Holidays)
}

// FeedbackView is what partials/survey.html reads: the survey of what is
// rated, in words ("thủ tục Đăng ký khai sinh"), and the site's feedback
// channels.
type FeedbackView struct {
	Survey *SurveyView
	// What is a text, or HTML a layout made with T (what a text of T
	// puts in as it is).
	What     any
	Feedback config.Feedback
}

// FeedbackFor returns the view of partials/survey.html for survey (nil:
// none) of what: a text, or a text of T.
func (s *Site) FeedbackFor(survey *SurveyView, what any) *FeedbackView {
	return &FeedbackView{Survey: survey, What: what, Feedback: s.Config.Feedback}
}
