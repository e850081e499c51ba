package render

import (
	"html/template"
	"strconv"
	"strings"
	"time"

	"github.com/congkhai/congkhai/internal/catalog"
	"github.com/congkhai/congkhai/internal/chart"
	"github.com/congkhai/congkhai/internal/config"
	"github.com/congkhai/congkhai/internal/contacts"
	"github.com/congkhai/congkhai/internal/content"
	"github.com/congkhai/congkhai/internal/late"
	"github.com/congkhai/congkhai/internal/locale"
	"github.com/congkhai/congkhai/internal/office"
	"github.com/congkhai/congkhai/internal/opendata"
	"github.com/congkhai/congkhai/internal/procedure"
	"github.com/congkhai/congkhai/internal/vntext"
)

// Site is what every layout sees as .Site.
type Site struct {
	Config  *config.Config
	Home    *content.Page
	Catalog *catalog.Catalog
	// Today is the build's reference date: SOURCE_DATE_EPOCH or as_of,
	// never the clock, so that builds are reproducible.
	Today time.Time
	// Pages maps site paths to content pages, for layouts that link to a
	// page only when it exists (privacy policy, contacts).
	Pages map[string]*content.Page
	// Directory is data/danh-ba.toml, nil when the site has none; its pages
	// are at DirectoryPaths.
	Directory *contacts.Directory
	DirectoryPaths
	// DashboardPath is the performance dashboard, "" when the site has no
	// charts; EChartsPath is the hashed address of ECharts.
	DashboardPath string
	EChartsPath   string
	// SearchPath is the search page, which the header's search form goes
	// to; SearchIndexPath the folder of its index.
	SearchPath, SearchIndexPath string
	// OpenDataPath is the list of every export (/du-lieu/); "" when the
	// site publishes none.
	OpenDataPath string
	// Offices is data/diem-tiep-nhan.toml, nil when the site has none;
	// Calendar is the directory's days off, when they close them.
	Offices  *office.File
	Calendar contacts.Calendar
	// LatePath is the page of late dossiers and apologies, "" without one.
	LatePath string
	// FeedbackPath and LookupPath are the pages of the feedback channels
	// and of the dossier status lookup, in the pages' language; "" when
	// the site has none, or has it only in another language.
	FeedbackPath, LookupPath string
	// EditionOf is the language of these pages among the site's.
	EditionOf
	// Original is the Site of the default language when this one is
	// another's, for links to pages only it has; nil for the default.
	// OriginalFields are then the field of each procedure's original, by
	// code.
	Original       *Site
	OriginalFields map[string]string
	// Locale is the language the views of the site write (ProcedureView,
	// PointView): the site's default; nil is Vietnamese.
	Locale *locale.Locale
}

// locale returns the language of the site's views.
func (s *Site) locale() *locale.Locale { return locale.OrVietnamese(s.Locale) }

// NewSite returns the .Site of layouts with the directory's days off as
// its calendar.
func NewSite(s Site) *Site {
	s.Calendar = calendarOf(s.Directory)
	s.Locale = locale.OrVietnamese(s.Locale)
	return &s
}

// DirectoryPaths are the site paths of the pages and files made from the
// directory.
type DirectoryPaths struct {
	DirectoryPath string // hotlines and people
	PosterPath    string // the printable A4 poster
	SchedulePath  string // citizen reception schedule
	CalendarPath  string // the schedule as an iCalendar file
	// VCardDir is the folder of the people's vCards, which are files
	// published once for every language (DirectoryPath is an edition's).
	VCardDir string
}

// VCardPath is where the vCard of a person is published.
func (d DirectoryPaths) VCardPath(p *contacts.Person) string {
	return d.VCardDir + p.ID + ".vcf"
}

// Page returns the content page published at sitePath, or nil.
func (s *Site) Page(sitePath string) *content.Page { return s.Pages[sitePath] }

// AgencyHotline returns the first hotline that serves agency, or nil.
func (s *Site) AgencyHotline(agency string) *contacts.Hotline {
	if s.Directory == nil {
		return nil
	}
	if hs := s.Directory.HotlinesFor(agency); len(hs) > 0 {
		return hs[0]
	}
	return nil
}

// HotlineAt is the hotline of the organization a reception address names
// ("Trung tâm Phục vụ hành chính công phường …, số 10 …"), whose hours are
// the place's, or nil when the address names none of the directory's.
func (s *Site) HotlineAt(address string) *contacts.Hotline {
	if s.Directory == nil || address == "" {
		return nil
	}
	folded := vntext.Fold(address)
	for i := range s.Directory.Hotlines {
		h := &s.Directory.Hotlines[i]
		if h.Organization != "" && h.Hours != "" && strings.HasPrefix(folded, vntext.Fold(h.Organization)) {
			return h
		}
	}
	return nil
}

// Crumb is one step of the breadcrumb trail.
type Crumb struct {
	Title string
	Path  string
}

// Data is what a layout receives.
type Data struct {
	Site        *Site
	Layout      string // the layout's file name, such as procedure.html
	Title       string
	Description string
	Path        string        // site path of this page, such as /thu-tuc/
	Page        *content.Page // nil for generated lists and 404
	Content     template.HTML // the Markdown body, rendered
	Breadcrumbs []Crumb

	Procedure *procedure.Procedure // procedure.html
	View      *ProcedureView       // procedure.html: its display text
	Related   []*content.Page      // procedure.html
	Dimension *catalog.Dimension   // groups.html, and group.html's parent
	Group     *catalog.Group       // group.html
	Paginator *Paginator           // group.html: this page of the group's list

	Target string // alias.html: the path redirected to

	Late   *LateView    // late.html
	Point  *PointView   // office.html
	Points []*PointView // offices.html

	Occurrences []contacts.Occurrence // reception.html: the coming dates
	Until       time.Time             // reception.html: the end of that window

	// Alternates are the page in the site's other languages (hreflang,
	// the language switcher); none on a site in one language.
	Alternates []Alternate
	// Feeds are the Atom feeds the page announces with <link
	// rel="alternate">.
	Feeds []FeedLink
	// LinkedData gives what the page describes as schema.org nodes, for
	// its JSON-LD; nil for none. It is called when the page is rendered.
	LinkedData func() []opendata.Node
	// JSONLD is the page's JSON-LD (AppendJSONLD), set when it is
	// rendered; "" for none.
	JSONLD  template.JS
	Export  *Export   // export.html
	Exports []*Export // opendata.html
	// NotFoundIn is what 404.html says in the site's other languages:
	// most hosts send every missing address to the one at the root.
	NotFoundIn []NotFound
	// CatalogPath is the address of the DCAT catalogue (opendata.html).
	CatalogPath string

	// HasCharts asks base.html for the chart scripts: the page shows at
	// least one chart.
	HasCharts  bool
	Datasets   []*DatasetView    // dashboard.html
	KeyFigures []chart.Highlight // dashboard.html: latest figures, once each
}

// LateView is the page of late dossiers: figures per agency and month,
// the open ones by procedure, every group below MinGroup suppressed.
type LateView struct {
	Groups   []late.Group
	Open     []late.OpenGroup
	Reasons  []late.Reason
	CSVPath  string
	MinGroup int
	// Procedures are the pages of the open dossiers' procedures, by code.
	Procedures map[string]*content.Page
	// Chart is the late dossiers of every agency by month, nil when the
	// site serves no ECharts.
	Chart *Figure
}

// Figure is a chart ready for partials/chart.html.
type Figure struct {
	*chart.Chart
	// Option is the chart's option JSON. It may be written into the page
	// as is: json.Marshal escaped <, > and &, so no text from the data can
	// end the <script type="application/json"> element it goes in.
	Option  template.JS
	CSVPath string // the published CSV, such as /du-lieu/ho-so-thang.csv
}

// NewFigure wraps a built chart for a layout.
func NewFigure(c *chart.Chart, csvPath string) *Figure {
	return &Figure{Chart: c, Option: template.JS(c.OptionJSON), CSVPath: csvPath}
}

// DatasetView is one dataset on the dashboard, with its charts.
type DatasetView struct {
	Title, Description, Source, SourceURL string
	Updated                               time.Time
	Fictional                             bool
	CSVPath                               string
	// ExportPath is the page of its open data (/du-lieu/<name>/), "" for none.
	ExportPath string
	Figures    []*Figure
}

// MenuKey is what the header depends on besides the site: whether this is
// the home page, and which menu entry, if any, is this page. Layouts pass
// it to partialCached so that the header is rendered once per variant.
func (d *Data) MenuKey() string {
	if d.Path == d.Site.HomePath() {
		return "home"
	}
	for i, m := range d.Site.Config.Menu {
		if m.URL == d.Path {
			return "menu" + strconv.Itoa(i)
		}
	}
	return "-"
}

// TrailKey is what the breadcrumb trail depends on: the address of its
// last step (the trail to a section is always the same), for
// partialCached.
func (d *Data) TrailKey() string {
	if len(d.Breadcrumbs) == 0 {
		return ""
	}
	return d.Breadcrumbs[len(d.Breadcrumbs)-1].Path
}

// Paginator is one page of a list split into pages of equal length.
type Paginator struct {
	Number, Total int             // this page (from 1) and how many there are
	Items         []*content.Page // the items on this page
	First         int             // the position of the first item, from 1
	base          string
}

// PageLink is one entry of a list's page navigation; Number 0 stands for
// pages left out ("…").
type PageLink struct {
	Number  int
	Path    string
	Current bool
}

// Pages is the navigation: the first and last pages and two on each side
// of this one, with gaps between, so that it stays short on long lists.
func (p *Paginator) Pages() []PageLink {
	var out []PageLink
	for n := 1; n <= p.Total; n++ {
		if n == 1 || n == p.Total || (n >= p.Number-2 && n <= p.Number+2) {
			out = append(out, p.link(n))
		} else if len(out) > 0 && out[len(out)-1].Number != 0 {
			out = append(out, PageLink{})
		}
	}
	return out
}

// Prev is the page before this one, or nil.
func (p *Paginator) Prev() *PageLink { return p.at(p.Number - 1) }

// Next is the page after this one, or nil.
func (p *Paginator) Next() *PageLink { return p.at(p.Number + 1) }

func (p *Paginator) at(n int) *PageLink {
	if n < 1 || n > p.Total {
		return nil
	}
	l := p.link(n)
	return &l
}

func (p *Paginator) link(n int) PageLink {
	return PageLink{Number: n, Path: PagePath(p.base, n), Current: n == p.Number}
}

// Paginate splits items into pages of size items; page n (from 2) is at
// base + "trang-n/".
func Paginate(items []*content.Page, size int, base string) []*Paginator {
	total := max(1, (len(items)+size-1)/size)
	out := make([]*Paginator, total)
	for i := range out {
		lo, hi := i*size, min((i+1)*size, len(items))
		out[i] = &Paginator{Number: i + 1, Total: total, Items: items[lo:hi], First: lo + 1, base: base}
	}
	return out
}

// PagePath is the address of page n of the list at base.
func PagePath(base string, n int) string {
	if n <= 1 {
		return base
	}
	return base + "trang-" + strconv.Itoa(n) + "/"
}

// NotFound is a not-found page's message in one language.
type NotFound struct {
	Lang     string
	Title    string // "Page not found"
	Text     string // why, and what to do
	Home     string // the language's home page, a site path
	HomeText string // "Go to the home page"
}
