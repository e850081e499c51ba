package build

import (
	"cmp"
	"slices"

	"github.com/congkhai/congkhai/internal/chart"
	"github.com/congkhai/congkhai/internal/config"
	"github.com/congkhai/congkhai/internal/content"
	"github.com/congkhai/congkhai/internal/markdown"
	"github.com/congkhai/congkhai/internal/msg"
	"github.com/congkhai/congkhai/internal/opendata"
	"github.com/congkhai/congkhai/internal/problem"
	"github.com/congkhai/congkhai/internal/render"
)

// job is an output with what the plan gave it to write: a generated
// page's layout data, or a file's bytes.
type job struct {
	*output
	data  *render.Data
	bytes []byte
	// searchDoc is the page's number in the search index, or -1.
	searchDoc int
	// streamed is the state of a streamed file (output.stream and
	// output.with), reset before every run of the stream.
	streamed *streamed
}

// plan is a checked site ready to be written: every output as a job with
// what renders it. It is the third stage of a build, and what a Session
// keeps between builds.
type plan struct {
	*checkedSite
	jobs []*job
	// byPath finds a job by the path of its file, for the sizes of files
	// that pages give (fileSize).
	byPath map[string]*job
	md     *markdown.Converter
	// view is what every layout sees as .Site.
	view *render.Site
	// sitemapFiles are the sitemap's files, made once for all of them.
	sitemapFiles map[string][]byte
	// dest, pages and files are set once the plan was written: where, and
	// how many pages and files it has.
	dest         string
	pages, files int
	links        *linkIndex // set by Check: what the link checker needs
	// erroneous are the files with errors, set by Check of a site with
	// errors: their pages are not rendered, their bodies only checked.
	erroneous map[string]bool
}

// newPlan gives every generated page the data its layout reads and every
// generated file its bytes. A content page's data is made when it is
// rendered (pageData), so that a large site does not keep one for every
// page meanwhile.
func newPlan(c *checkedSite, problems *problem.List) *plan {
	p := &plan{checkedSite: c, md: markdown.New(c.cfg.BasePath(), chart.Fence)}
	var editions []*config.Edition
	for _, ed := range c.editions {
		editions = append(editions, ed.Edition)
	}
	for _, ed := range c.editions {
		pagesByPath := make(map[string]*content.Page, len(ed.site.Pages))
		for _, pg := range ed.site.Pages {
			pagesByPath[pg.Path] = pg
		}
		view := render.NewSite(render.Site{Config: ed.cfg, Home: ed.site.Home, Catalog: ed.catalog, Today: c.today, Pages: pagesByPath,
			Directory: c.dir, Offices: c.offices, Locale: ed.loc, EditionOf: render.EditionOf{Edition: ed.Edition, Editions: editions}})
		if c.dir != nil {
			view.DirectoryPaths = directoryPaths
			if ed.addrs[ed.path(directoryPaths.DirectoryPath)] {
				view.DirectoryPath = ed.path(directoryPaths.DirectoryPath)
				view.SchedulePath = ed.path(directoryPaths.SchedulePath)
			}
		}
		view.SearchPath, view.SearchIndexPath = ed.path(searchPath), ed.path(searchIndexPath)
		if c.late != nil {
			view.LatePath = latePath
		}
		if c.echarts != nil {
			view.EChartsPath = echartsPath(c.echarts)
			view.DashboardPath = ed.path(dashboardPath)
		}
		if len(c.exports) > 0 {
			view.OpenDataPath = openDataPath
		}
		if ed == c.editions[0] { // these pages are made in the site's language only
			if c.cfg.Feedback.Channels() {
				view.FeedbackPath = feedbackPath
			}
			if c.cfg.StatusLookup.URLTemplate != "" {
				view.LookupPath = render.LookupPath
			}
		}
		if ed != c.editions[0] {
			view.Original = c.editions[0].view
			view.OriginalFields = map[string]string{}
			for _, pg := range c.editions[0].catalog.All {
				view.OriginalFields[pg.Procedure.Code] = pg.Procedure.Field
			}
		}
		ed.view = view
		ed.serviceNames = opendata.NewNames(ed.loc)
	}
	p.view = c.editions[0].view
	p.jobs = make([]*job, len(c.outputs))
	p.byPath = make(map[string]*job, len(c.outputs))
	// The jobs run in the order of the outputs, but those made late wait
	// for a streamed file: they go last, so that no worker waits while
	// pages remain to render.
	outputs := slices.Concat(slices.DeleteFunc(slices.Clone(c.outputs), func(o *output) bool { return o.late }),
		slices.DeleteFunc(slices.Clone(c.outputs), func(o *output) bool { return !o.late }))
	for i, o := range outputs {
		j := &job{output: o, bytes: o.fixed, searchDoc: -1}
		if o.make != nil && !o.late {
			j.data, j.bytes = o.make(p, problems)
		}
		if o.stream != nil || o.streamedBy != nil {
			j.streamed = &streamed{}
			j.streamed.reset()
		}
		p.jobs[i] = j
		p.byPath[o.path] = j
	}
	return p
}

// filesWithErrors is the set of files that problems has errors about.
func filesWithErrors(problems *problem.List) map[string]bool {
	files := map[string]bool{}
	for _, p := range problems.Sorted() {
		if p.Severity == problem.Error {
			files[p.File] = true
		}
	}
	return files
}

// sitemaps are the files of the sitemap of entries, made once for all
// of them.
func (p *plan) sitemaps(entries []render.SitemapEntry) map[string][]byte {
	if p.sitemapFiles == nil {
		p.sitemapFiles = render.Sitemaps(entries, p.cfg.AbsURL)
	}
	return p.sitemapFiles
}

// sitemapEntries lists every page of outs for the sitemap, with the date
// of its data, sorted by address.
func sitemapEntries(c *checkedSite, outs []*output) []render.SitemapEntry {
	cfg := c.cfg
	var entries []render.SitemapEntry
	for _, o := range outs {
		if o.atAddress() {
			var e render.SitemapEntry
			addr := o.addr
			if o.page != nil {
				addr = o.page.Path
				e.LastMod = o.page.LastChanged()
			} else {
				e.LastMod = o.lastmod
			}
			e.URL = cfg.AbsURL(addr)
			// Every version of a page lists them all, itself included;
			// a language's home standing in for a missing version is
			// not an alternate.
			alts := c.alternates(c.editionOf(o), addr, o.page)
			if slices.ContainsFunc(alts, func(a render.Alternate) bool { return a.Home }) {
				alts = slices.DeleteFunc(alts, func(a render.Alternate) bool { return a.Home })
			}
			if len(alts) > 1 {
				for _, a := range alts {
					e.Alternates = append(e.Alternates, render.SitemapAlternate{Lang: a.Lang, URL: cfg.AbsURL(a.Path)})
				}
			}
			entries = append(entries, e)
		}
	}
	slices.SortFunc(entries, func(a, b render.SitemapEntry) int { return cmp.Compare(a.URL, b.URL) })
	return entries
}

// dashboardData is the dashboard: every dataset with its charts, and the
// latest key figures, each once.
func (p *plan) dashboardData(ed *edition, problems *problem.List) *render.Data {
	d := &render.Data{Site: ed.view, Layout: render.LayoutDashboard, Title: ed.loc.T("Results of service to citizens and businesses"),
		Path: ed.path(dashboardPath), HasCharts: true, Breadcrumbs: []render.Crumb{ed.home()}}
	seen := map[string]bool{}
	for _, ds := range p.sets {
		v := &render.DatasetView{Title: ed.loc.NameOf(ds.Title), Description: ed.loc.NameOf(ds.Description), Source: ds.Source, SourceURL: ds.SourceURL,
			Updated: ds.Updated, Fictional: ds.Fictional, CSVPath: csvPath(ds), ExportPath: openDataPath + ds.Name + "/"}
		for _, spec := range p.charts.All() {
			if spec.Dataset != ds {
				continue
			}
			ch, err := chart.New(d.Path, spec, ed.loc)
			if err != nil {
				ds.Errorf(problems, spec.Field(), "%v", err)
				continue
			}
			v.Figures = append(v.Figures, render.NewFigure(ch, csvPath(ds)))
			for _, h := range ch.Highlights {
				if !seen[h.Label] {
					seen[h.Label] = true
					d.KeyFigures = append(d.KeyFigures, h)
				}
			}
		}
		d.Datasets = append(d.Datasets, v)
	}
	return d
}

// pageData is what the layout of a content page receives.
func (p *plan) pageData(j *job) (*render.Data, error) {
	pg := j.page
	ed := p.editionOf(j.output)
	d := &render.Data{Site: ed.view, Layout: j.layout, Title: pg.Title, Description: pg.Description, Path: pg.Path, Page: pg}
	switch j.layout {
	case render.LayoutProcedures:
		d.Dimension = ed.catalog.Fields
	case render.LayoutProcedure:
		rec, err := pg.Record()
		if err != nil {
			return nil, err
		}
		d.Procedure = rec
		d.View = render.NewProcedureView(rec, pg.Path, ed.view, p.static)
		in := opendata.ServiceInput{URL: p.cfg.AbsURL(pg.Path), Procedure: rec, Language: ed.cfg.Language, Hotline: d.View.Hotline, Locale: ed.loc, Names: ed.serviceNames,
			Area: opendata.Area{Name: ed.loc.NameOf(p.cfg.Jurisdiction.Name), Parent: ed.loc.NameOf(p.cfg.Jurisdiction.Parent)}}
		d.LinkedData = func() []opendata.Node { return []opendata.Node{opendata.GovernmentService(in)} }
		for _, code := range rec.Related {
			r := ed.site.ProcedureByCode(code)
			if r == nil && ed.n > 0 {
				// Not translated: the original, which the list marks.
				r = p.site.ProcedureByCode(code)
			}
			if r != nil && r != pg && r.Translation(pg.Lang) != pg {
				d.Related = append(d.Related, r)
			}
		}
	}
	if pg.Kind != content.KindHome {
		d.Breadcrumbs = ed.crumbs(pg.Parent)
	}
	return d, nil
}

// chartHTML renders the charts a page places in its Markdown through
// partials/chart.html.
func (p *plan) chartHTML(page string, ed *edition) func(markdown.Embed) ([]byte, error) {
	return func(e markdown.Embed) ([]byte, error) {
		spec, ok := p.charts.Find(e.Name)
		if !chart.IsChart(e) || !ok {
			return nil, msg.Errorf("unknown chart %q", e.Name)
		}
		c, err := chart.New(page, spec, ed.loc)
		if err != nil {
			return nil, err
		}
		return ed.layouts.ExecutePartial("partials/chart.html", render.NewFigure(c, csvPath(spec.Dataset)))
	}
}
