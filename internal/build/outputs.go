package build

import (
	"bytes"
	"io"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/congkhai/congkhai/internal/buildcache"
	"github.com/congkhai/congkhai/internal/chart"
	"github.com/congkhai/congkhai/internal/config"
	"github.com/congkhai/congkhai/internal/contacts"
	"github.com/congkhai/congkhai/internal/content"
	"github.com/congkhai/congkhai/internal/dataset"
	"github.com/congkhai/congkhai/internal/late"
	"github.com/congkhai/congkhai/internal/locale"
	"github.com/congkhai/congkhai/internal/office"
	"github.com/congkhai/congkhai/internal/opendata"
	"github.com/congkhai/congkhai/internal/problem"
	"github.com/congkhai/congkhai/internal/qr"
	"github.com/congkhai/congkhai/internal/render"
	"github.com/congkhai/congkhai/internal/search"
	"github.com/congkhai/congkhai/internal/static"
)

// Where the generated pages and files are published.
const (
	// dashboardPath is the performance dashboard.
	dashboardPath = "/ket-qua-phuc-vu/"
	// csvDir is where the CSV files behind the charts are published.
	csvDir = "/du-lieu/"
)

// directoryPaths are where the pages and files of data/danh-ba.toml are
// published.
var directoryPaths = render.DirectoryPaths{
	DirectoryPath: "/danh-ba/",
	PosterPath:    "/danh-ba/in/",
	SchedulePath:  "/lich-tiep-cong-dan/",
	CalendarPath:  "/lich-tiep-cong-dan.ics",
	VCardDir:      "/danh-ba/",
}

// output is one file the site publishes, as the check stage lists it:
// where it goes, what it comes from, and, for a generated file, how the
// plan makes it. The plan turns each output into a job.
type output struct {
	// ed is the edition of a page in another language than the site's
	// (nil: the default one).
	ed     *edition
	path   string // output path in the destination, such as thu-tuc/index.html
	origin string // what produced it, for collision messages
	alias  int    // for a redirect: 1 + its index in the page's aliases
	html   bool   // counts as a page
	// addr is the address of a generated page or a redirect, such as
	// /thu-tuc/linh-vuc/; a content page's is its Path.
	addr string
	// lastmod is the date of a generated page's data, for the sitemap.
	lastmod time.Time
	page    *content.Page // a content page, or the page a redirect points to
	layout  string
	copy    string // a static file to copy
	fixed   []byte // content read at load: assets, ECharts
	// searchIndex marks the search index's manifest, which stands for
	// every file of the index: they are written once every page is.
	searchIndex bool
	// make gives a generated output its content, in the plan: a page's
	// layout data, or a file's bytes. Content pages make their data only
	// when they are rendered (plan.pageData).
	make func(p *plan, problems *problem.List) (*render.Data, []byte)
	// late says make runs in the write stage, when the job is run, not in
	// the plan: for what gives the size of a streamed file.
	late bool
	// stream writes large files in the write stage, such as the
	// procedures exports, one record at a time (plan.runStream): this
	// output's file to ws[0], and the file of each output of with to the
	// writer after, which then have no job of their own to run.
	stream func(p *plan, ws []io.Writer) error
	with   []*output
	// streamedBy is the output whose stream writes this one's file.
	streamedBy *output
	// produce makes a generated file's bytes when it is written, for files
	// one per page (a procedure's survey QR code), so that none is held
	// in memory meanwhile.
	produce func(p *plan) ([]byte, error)
}

// listOutputs lists every file the site publishes, in a fixed order (which
// the collision messages follow): the data files and the dashboard, the
// content pages with their redirects, the lists of procedures, the
// not-found page, static files and assets, the directory's pages and
// files, the search page and its index, and last the sitemap, which lists
// every page before it.
func listOutputs(c *checkedSite) []*output {
	var outs []*output
	add := func(o *output) { outs = append(outs, o) }
	dataJobs(c, add)
	openDataJobs(c, add)
	contentJobs(c.site, add)
	procedureQRJobs(c, c.site, add)
	catalogJobs(c.editions[0], c.cfg.Procedures.PageSize, add)
	add(notFoundJob(c, c.editions[0]))
	staticJobs(c.static, c.echartsOrigin, add)
	if c.dir != nil {
		directoryJobs(c, add)
	}
	searchJobs(c.editions[0], add)
	if c.offices != nil {
		officeJobs(c, c.editions[0], add)
	}
	if c.late != nil {
		lateJobs(c, add)
	}
	if c.cfg.StatusLookup.URLTemplate != "" {
		add(generated(&output{path: indexFile(render.LookupPath), origin: "status_lookup in " + config.FileName},
			render.Data{Layout: render.LayoutLookup, Title: "Tra cứu tình trạng hồ sơ", Path: render.LookupPath, Breadcrumbs: []render.Crumb{homeCrumb}}))
	}
	if c.cfg.Feedback.Channels() {
		add(generated(&output{path: indexFile(feedbackPath), origin: "the feedback channels in " + config.FileName},
			render.Data{Layout: render.LayoutFeedback, Title: "Phản ánh, kiến nghị", Path: feedbackPath, Breadcrumbs: []render.Crumb{homeCrumb}}))
	}
	for _, ed := range c.editions[1:] {
		editionJobs(c, ed, add)
	}
	if c.cfg.Accessibility.Given() {
		statement := generated(&output{path: indexFile(statementPath), origin: "the accessibility statement in " + config.FileName},
			render.Data{Layout: render.LayoutStatement, Title: "Tuyên bố về khả năng tiếp cận", Path: statementPath, Breadcrumbs: []render.Crumb{homeCrumb}})
		statement.lastmod = c.cfg.Accessibility.Reviewed.Time()
		add(statement)
	}
	for _, o := range outs {
		if o.atAddress() && o.ed == nil {
			c.editions[0].addrs[o.address()] = true
		}
	}
	return append(outs, machineJobs(c, outs)...)
}

// address is where o is shown: a generated page's or a redirect's addr,
// a content page's Path.
func (o *output) address() string {
	if o.addr == "" && o.page != nil && o.alias == 0 {
		return o.page.Path
	}
	return o.addr
}

// editionJobs lists the pages of an edition in another language than the
// site's: its content pages (the translations), their lists, and the
// pages made from data that are in every language: the directory, the
// reception schedule and the dashboard. Files (the calendar, vCards, CSV,
// exports) are the same in every language and published once.
func editionJobs(c *checkedSite, ed *edition, add func(*output)) {
	in := func(o *output) {
		o.ed = ed
		if o.atAddress() {
			ed.addrs[o.address()] = true
		}
		add(o)
	}
	contentJobs(ed.site, in)
	procedureQRJobs(c, ed.site, in)
	catalogJobs(ed, c.cfg.Procedures.PageSize, in)
	if c.dir != nil {
		directoryPages(c, ed, in)
	}
	if c.echarts != nil {
		in(dashboardJob(c, ed))
	}
	if c.offices != nil {
		officeJobs(c, ed, in)
	}
	searchJobs(ed, in)
	in(notFoundJob(c, ed))
}

// atAddress says that o is a page of its own address, which the sitemap
// lists and whose versions in the site's other languages are its
// alternates: the not-found pages are shown at addresses that are no
// page.
func (o *output) atAddress() bool { return o.html && o.layout != render.LayoutNotFound }

// notFoundJob is the not-found page of an edition: 404.html in its
// folder, for hosts that serve the nearest one (and serve), saying so
// in the site's other languages too, for the many that serve only the
// one at the root.
func notFoundJob(c *checkedSite, ed *edition) *output {
	d := render.Data{Layout: render.LayoutNotFound, Title: ed.loc.T("Page not found"), Path: ed.path("/404.html")}
	for _, other := range c.editions {
		if other != ed {
			d.NotFoundIn = append(d.NotFoundIn, render.NotFound{Lang: string(other.Lang), Title: other.loc.T("Page not found"),
				Text: other.loc.T("There is no page at this address on this portal. The page may have moved, or the address may have been mistyped."),
				Home: other.Path, HomeText: other.loc.T("Go to the home page")})
		}
	}
	return generated(&output{path: d.Path[1:], origin: "the not-found page"}, d)
}

// generated makes o a page whose data is d, and the plan's .Site.
func generated(o *output, d render.Data) *output {
	o.html, o.layout, o.addr = true, d.Layout, d.Path
	o.make = func(p *plan, _ *problem.List) (*render.Data, []byte) {
		d := d
		ed := p.editionOf(o)
		d.Site = ed.view
		return &d, nil
	}
	return o
}

// contentJobs lists every content page and a redirect for each of its
// aliases.
func contentJobs(site *content.Site, add func(*output)) {
	for _, pg := range site.Pages {
		add(&output{path: indexFile(pg.Path), origin: pg.File, page: pg, layout: layoutOf(pg, site), html: true})
		for i, alias := range pg.Aliases {
			o := generated(&output{path: aliasFile(alias), origin: pg.File, page: pg, alias: i + 1},
				render.Data{Layout: render.LayoutAlias, Title: pg.Title, Path: alias, Target: pg.Path})
			o.html = false // a redirect is not a page
			add(o)
		}
	}
}

// procedureQRJobs lists the QR codes of the procedure pages of site.
func procedureQRJobs(c *checkedSite, site *content.Site, add func(*output)) {
	pageQRJobs(site, add)
	surveyQRJobs(c, site, add)
}

// pageQRJobs lists the QR code of each procedure page's address, an SVG
// file in its folder that the printed checklist shows: made when it is
// written, and loaded only by a page that is printed.
func pageQRJobs(site *content.Site, add func(*output)) {
	for _, pg := range site.Pages {
		if pg.Kind != content.KindProcedure {
			continue
		}
		path := pg.Path + render.PageQRFile
		add(&output{path: path[1:], origin: pg.File,
			produce: func(p *plan) ([]byte, error) {
				u := p.cfg.AbsURL(pg.Path)
				return p.qrFile(u, render.PageQRLabel(p.editionIn(pg.Lang).loc, u))
			}})
	}
}

// qrFile is the QR code of text as an SVG file labelled for screen
// readers, from the build cache when it holds it: a few hundred
// microseconds of work for each procedure, the same for an unchanged one.
func (p *plan) qrFile(text, label string) ([]byte, error) {
	var key buildcache.Key
	if p.cache != nil {
		key = buildcache.NewHasher("qr").String(text).String(label).Key()
		if b, ok := p.cache.Get(key); ok {
			return b, nil
		}
	}
	svg, err := qr.SVG(text, label)
	if err != nil {
		return nil, err
	}
	if p.cache != nil {
		p.cache.Put(key, []byte(svg))
	}
	return []byte(svg), nil
}

// surveyQRJobs lists, when site.toml has a survey, the QR code of each
// procedure's survey as an SVG file in its page's folder, which the page
// links to for printing.
func surveyQRJobs(c *checkedSite, site *content.Site, add func(*output)) {
	if c.cfg.Feedback.SurveyURL == "" {
		return
	}
	for _, pg := range site.Pages {
		if pg.Kind != content.KindProcedure {
			continue
		}
		path := pg.Path + render.SurveyQRFile
		add(&output{path: path[1:], origin: pg.File,
			produce: func(p *plan) ([]byte, error) {
				u := p.view.Survey(pg.Procedure.Code, "").URL
				return p.qrFile(u, render.SurveyQRLabel(p.editionIn(pg.Lang).loc, u))
			}})
	}
}

// catalogJobs lists the procedures by field, agency and level: one page
// per dimension, and the pages of each group.
func catalogJobs(ed *edition, pageSize int, add func(*output)) {
	cat := ed.catalog
	if cat.Section == nil {
		return
	}
	sectionCrumbs := append(ed.crumbs(cat.Section.Parent), render.Crumb{Title: cat.Section.Title, Path: cat.Section.Path})
	for _, dim := range cat.Dimensions() {
		add(generated(&output{path: indexFile(dim.Path), origin: "list of procedures by " + dim.Title, lastmod: latestChange(cat.All)},
			render.Data{Layout: render.LayoutGroups, Title: dim.Title, Path: dim.Path, Dimension: dim, Breadcrumbs: sectionCrumbs}))
		dimCrumbs := append(slices.Clone(sectionCrumbs), render.Crumb{Title: dim.Title, Path: dim.Path})
		for _, g := range dim.Groups {
			for _, pg := range render.Paginate(g.Procedures, pageSize, g.Path) {
				title := g.Name
				if pg.Number > 1 {
					title = ed.loc.T("%s – page %d", g.Name, pg.Number)
				}
				path := render.PagePath(g.Path, pg.Number)
				add(generated(&output{path: indexFile(path), origin: "list of procedures of " + g.Name, lastmod: latestChange(pg.Items)},
					render.Data{Layout: render.LayoutGroup, Title: title, Path: path, Dimension: dim, Group: g, Paginator: pg, Breadcrumbs: dimCrumbs}))
			}
		}
	}
}

// staticJobs lists the files of static/, copied as they are (but for the
// one that is the site's ECharts, when echartsOrigin names it: it is
// published with a hash, by dataJobs), and the assets, published under
// names that carry a hash of their content.
func staticJobs(files *static.Files, echartsOrigin string, add func(*output)) {
	for _, f := range files.Static {
		if static.StaticDir+f.Path == echartsOrigin {
			continue
		}
		add(&output{path: strings.TrimPrefix(f.Path, "/"), origin: static.StaticDir + f.Path, copy: f.Src})
	}
	for _, a := range files.Assets {
		add(&output{path: strings.TrimPrefix(a.Path, "/"), origin: static.AssetsDir + "/" + a.Name, fixed: a.Data})
	}
}

// csvPath is where a dataset's CSV file is published.
func csvPath(ds *dataset.Dataset) string { return csvDir + ds.Name + ".csv" }

// dataJobs lists every CSV file and, when the site has charts and
// ECharts, ECharts and the dashboard with every chart and the latest key
// figures.
func dataJobs(c *checkedSite, add func(*output)) {
	for _, ds := range c.sets {
		add(&output{path: csvPath(ds)[1:], origin: ds.CSVFile, copy: filepath.Join(c.site.Dir, filepath.FromSlash(ds.CSVFile))})
	}
	if c.echarts == nil {
		return
	}
	add(&output{path: echartsPath(c.echarts)[1:], origin: c.echartsOrigin, fixed: c.echarts})
	add(dashboardJob(c, c.editions[0]))
}

// dashboardJob is the dashboard of an edition, with every chart and the
// latest key figures.
func dashboardJob(c *checkedSite, ed *edition) *output {
	var lastmod time.Time
	for _, ds := range c.sets {
		if ds.Updated.After(lastmod) {
			lastmod = ds.Updated
		}
	}
	addr := ed.path(dashboardPath)
	return &output{path: indexFile(addr), origin: "the dashboard", layout: render.LayoutDashboard, html: true, addr: addr, lastmod: lastmod,
		make: func(p *plan, problems *problem.List) (*render.Data, []byte) {
			return p.dashboardData(ed, problems), nil
		}}
}

// directoryJobs lists the directory page, its poster, the reception
// schedule with its calendar file, and a vCard per person.
func directoryJobs(c *checkedSite, add func(*output)) {
	dir := c.dir
	const origin = contacts.FileName
	addDated := func(o *output) {
		o.lastmod = dir.Updated.Time()
		add(o)
	}
	directoryPages(c, c.editions[0], add)
	dirCrumbs := []render.Crumb{homeCrumb, {Title: "Đường dây nóng và danh bạ", Path: directoryPaths.DirectoryPath}}
	addDated(generated(&output{path: indexFile(directoryPaths.PosterPath), origin: origin},
		render.Data{Layout: render.LayoutPoster, Title: "Đường dây nóng – bản in A4", Path: directoryPaths.PosterPath, Breadcrumbs: dirCrumbs}))
	dated := c.dated

	opts := contacts.Options{
		ProdID:       "-//congkhai//congkhai//VI",
		Domain:       c.cfg.Base.Hostname(),
		Stamp:        c.today,
		CalendarName: "Lịch tiếp công dân – " + c.cfg.Jurisdiction.Name,
		Locale:       c.locales[0],
	}
	addDated(&output{path: directoryPaths.CalendarPath[1:], origin: origin,
		make: func(_ *plan, problems *problem.List) (*render.Data, []byte) {
			var ics bytes.Buffer
			if err := contacts.WriteICS(&ics, dated, opts); err != nil {
				problems.Errorf(origin, 0, "", "writing the calendar: %v", err)
			}
			return nil, ics.Bytes()
		}})
	for i := range dir.People {
		person := &dir.People[i]
		addDated(&output{path: directoryPaths.VCardPath(person)[1:], origin: origin,
			make: func(_ *plan, problems *problem.List) (*render.Data, []byte) {
				var vcf bytes.Buffer
				if err := contacts.WriteVCard(&vcf, person, opts); err != nil {
					problems.Errorf(origin, 0, "", "writing the vCard of %s: %v", person.ID, err)
				}
				return nil, vcf.Bytes()
			}})
	}
}

// directoryPages lists the pages of the directory in an edition's
// language: the hotlines and people, and the reception schedule (the
// default edition's directory also gives its JSON-LD).
func directoryPages(c *checkedSite, ed *edition, add func(*output)) {
	lastmod := c.dir.Updated.Time()
	home := []render.Crumb{ed.home()}
	directory := render.Data{Layout: render.LayoutDirectory, Title: ed.loc.T("Hotlines and directory"), Path: ed.path(directoryPaths.DirectoryPath), Breadcrumbs: home}
	if ed.n == 0 {
		directory.LinkedData = func() []opendata.Node {
			return opendata.Organizations(c.dir, c.cfg.AbsURL(directoryPaths.DirectoryPath))
		}
	}
	add(generated(&output{path: indexFile(directory.Path), origin: contacts.FileName, lastmod: lastmod}, directory))
	schedule := render.Data{Layout: render.LayoutReception, Title: ed.loc.T("Citizen reception schedule"), Path: ed.path(directoryPaths.SchedulePath), Breadcrumbs: home,
		Occurrences: c.dated, Until: c.today.AddDate(0, c.cfg.Directory.Months, 0)}
	add(generated(&output{path: indexFile(schedule.Path), origin: contacts.FileName, lastmod: lastmod}, schedule))
}

// statementPath is the accessibility statement; feedbackPath the page of
// the channels for complaints and proposals (partials/survey.html links
// to it).
const (
	statementPath = "/tuyen-bo-tiep-can/"
	feedbackPath  = "/phan-anh-kien-nghi/"
)

// latePath is the page of late dossiers and apologies; lateCSV its
// figures, with the same small groups suppressed.
const (
	latePath     = dashboardPath + "ho-so-tre-han/"
	lateCSV      = csvDir + "ho-so-tre-han-tong-hop.csv"
	lateChartCSV = csvDir + "ho-so-tre-han-theo-thang.csv"
)

// lateChart draws the late dossiers of every agency by month, from the
// suppressed monthly figures, as the dashboard's charts are drawn, in the
// language of loc.
func lateChart(csv []byte, today time.Time, loc *locale.Locale, problems *problem.List) *render.Figure {
	ds := dataset.Parse(lateChartCSV[1:], csv, late.FileName, late.ChartDescription(today), problems)
	if ds == nil {
		return nil
	}
	set := chart.Load([]*dataset.Dataset{ds}, problems)
	spec, ok := set.Find(late.ChartName)
	if !ok {
		return nil
	}
	ch, err := chart.New(latePath, spec, loc)
	if err != nil {
		problems.Errorf(late.FileName, 0, "", "%v", err)
		return nil
	}
	return render.NewFigure(ch, lateChartCSV)
}

// lateJobs lists the page of late dossiers and its CSV export.
func lateJobs(c *checkedSite, add func(*output)) {
	groups := c.late.Groups(c.totals, c.locales[0])
	view := &render.LateView{Groups: groups, Open: c.late.OpenByProcedure(c.totals, c.locales[0]), Reasons: late.Reasons(),
		CSVPath: lateCSV, MinGroup: late.MinGroup, Procedures: map[string]*content.Page{}}
	for _, o := range view.Open {
		if pg := c.site.ProcedureByCode(o.Code); pg != nil {
			view.Procedures[o.Code] = pg
		}
	}
	trail := []render.Crumb{homeCrumb}
	if c.echarts != nil { // the dashboard is published
		trail = append(trail, render.Crumb{Title: "Kết quả phục vụ người dân, doanh nghiệp", Path: dashboardPath})
	}
	const title = "Hồ sơ trễ hạn và thư xin lỗi"
	chartCSV := c.late.ChartCSV()
	add(&output{path: indexFile(latePath), origin: late.FileName, html: true, layout: render.LayoutLate, addr: latePath,
		make: func(p *plan, problems *problem.List) (*render.Data, []byte) {
			d := &render.Data{Site: p.view, Layout: render.LayoutLate, Title: title, Path: latePath, Breadcrumbs: trail, Late: view}
			if c.echarts != nil {
				view.Chart = lateChart(chartCSV, c.today, p.layouts.Locale(), problems)
				d.HasCharts = view.Chart != nil
			}
			return d, nil
		}})
	add(&output{path: lateChartCSV[1:], origin: late.FileName, fixed: chartCSV})
	add(&output{path: lateCSV[1:], origin: late.FileName, fixed: late.CSV(groups)})
}

// officeJobs lists the reception points of an edition: their list and
// a page each.
func officeJobs(c *checkedSite, ed *edition, add func(*output)) {
	const origin = office.FileName
	lastmod := c.offices.Updated.Time()
	home := []render.Crumb{ed.home()}
	title := ed.loc.T("Places that take applications")
	listPath := ed.path(render.OfficesPath)
	list := &output{path: indexFile(listPath), origin: origin, html: true, layout: render.LayoutOffices, addr: listPath, lastmod: lastmod,
		make: func(p *plan, _ *problem.List) (*render.Data, []byte) {
			d := &render.Data{Site: ed.view, Layout: render.LayoutOffices, Title: title, Path: listPath, Breadcrumbs: home}
			for i := range c.offices.Points {
				d.Points = append(d.Points, render.NewPointView(&c.offices.Points[i], ed.view))
			}
			return d, nil
		}}
	add(list)
	crumbs := append(home, render.Crumb{Title: title, Path: listPath})
	for i := range c.offices.Points {
		pt := &c.offices.Points[i]
		path := ed.path(render.OfficePath(pt))
		name := ed.loc.NameOf(pt.Name)
		add(&output{path: indexFile(path), origin: origin, html: true, layout: render.LayoutOffice, addr: path, lastmod: lastmod,
			make: func(p *plan, _ *problem.List) (*render.Data, []byte) {
				return &render.Data{Site: ed.view, Layout: render.LayoutOffice, Title: name, Path: path, Breadcrumbs: crumbs,
					Point: render.NewPointPage(pt, ed.view, ed.catalog.All)}, nil
			}})
	}
}

// machineJobs lists sitemap.xml (with its parts on a large site, within
// the protocol's limits of addresses and bytes), which lists every page of
// outs (the plan writes it: plan.sitemaps),
// robots.txt, and _headers unless static/ has one of its own, which is
// then published in its place (staticJobs) as the site's choice.
func machineJobs(c *checkedSite, outs []*output) []*output {
	entries := sitemapEntries(c, outs)
	var list []*output
	for _, name := range render.SitemapFiles(entries) {
		list = append(list, &output{path: name, origin: "the sitemap",
			make: func(p *plan, _ *problem.List) (*render.Data, []byte) { return nil, p.sitemaps(entries)[name] }})
	}
	robots := render.Robots(c.cfg.AbsURL("/sitemap.xml"))
	list = append(list, &output{path: "robots.txt", origin: "robots.txt", fixed: robots})
	// The web app manifest every page links to, unless the site has its own.
	if _, own := c.static.StaticFile("/" + render.ManifestFile); !own {
		list = append(list, &output{path: render.ManifestFile, origin: "the web app manifest", fixed: render.Manifest(c.cfg, c.static)})
	}
	if _, own := c.static.StaticFile("/" + render.HeadersFile); own {
		return list
	}
	var hashed []string
	for _, a := range c.static.Assets {
		hashed = append(hashed, a.Path)
	}
	if c.echarts != nil {
		hashed = append(hashed, echartsPath(c.echarts))
	}
	for _, ed := range c.editions {
		for _, name := range search.HashedNames() {
			hashed = append(hashed, ed.path(searchIndexPath)+name)
		}
	}
	headers := render.Headers(c.cfg.RelURL, hashed)
	return append(list, &output{path: render.HeadersFile, origin: "the " + render.HeadersFile + " file", fixed: headers})
}

// layoutOf is the layout that renders a content page.
func layoutOf(pg *content.Page, site *content.Site) string {
	switch pg.Kind {
	case content.KindHome:
		return render.LayoutHome
	case content.KindSection:
		if site.ProcedureSection == pg {
			return render.LayoutProcedures
		}
		return render.LayoutSection
	case content.KindProcedure:
		return render.LayoutProcedure
	}
	return render.LayoutPage
}

// homeCrumb starts every breadcrumb trail of the default edition.
var homeCrumb = render.Crumb{Title: "Trang chủ", Path: "/"}

// crumbs is the trail from home to section (both included).
func (e *edition) crumbs(section *content.Page) []render.Crumb {
	var trail []render.Crumb
	for s := section; s != nil && s.Kind != content.KindHome; s = s.Parent {
		trail = append(trail, render.Crumb{Title: s.Title, Path: s.Path})
	}
	trail = append(trail, e.home())
	slices.Reverse(trail)
	return trail
}

// indexFile is the file a pretty URL is served from: /a/b/ → a/b/index.html.
func indexFile(sitePath string) string {
	return strings.TrimPrefix(sitePath, "/") + "index.html"
}

// aliasFile is where a redirect for an old address is written: an address
// that names a file (/lien-he.html) is written as that file, any other as
// a folder with index.html.
func aliasFile(alias string) string {
	clean := strings.TrimPrefix(path.Clean(alias), "/")
	if path.Ext(clean) == ".html" || path.Ext(clean) == ".htm" {
		return clean
	}
	if clean == "" || clean == "." {
		return "index.html"
	}
	return clean + "/index.html"
}
