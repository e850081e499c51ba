// Package build runs the whole pipeline for one site folder:
//
//	load     site.toml, content/, static/, layouts/ into typed values
//	validate every rule that needs the whole site, all problems collected
//	render   each page through its layout, in parallel
//	write    into a staging folder, swapped into place only on success
package build

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unsafe"

	"github.com/congkhai/congkhai/internal/catalog"
	"github.com/congkhai/congkhai/internal/config"
	"github.com/congkhai/congkhai/internal/content"
	"github.com/congkhai/congkhai/internal/dataset"
	"github.com/congkhai/congkhai/internal/directory"
	"github.com/congkhai/congkhai/internal/frontmatter"
	"github.com/congkhai/congkhai/internal/markdown"
	"github.com/congkhai/congkhai/internal/problem"
	"github.com/congkhai/congkhai/internal/procedure"
	"github.com/congkhai/congkhai/internal/publish"
	"github.com/congkhai/congkhai/internal/rawfile"
	"github.com/congkhai/congkhai/internal/render"
	"github.com/congkhai/congkhai/internal/static"
	"github.com/congkhai/congkhai/internal/vntext"
)

// Options say what to build and where.
type Options struct {
	Source      string // the site folder (holds site.toml)
	Destination string // the output folder; default Source/public
	BaseURL     string // overrides base_url of site.toml when not empty
	Theme       fs.FS  // built-in layouts/ and assets/
	// SourceDateEpoch is the SOURCE_DATE_EPOCH environment variable ("" if
	// unset). When set it gives the build's reference date.
	SourceDateEpoch string
	// Progress, when set, is called as files are written, with how many
	// are done out of how many; it must be safe for concurrent use.
	Progress func(done, total int)
}

// Result describes a build.
type Result struct {
	Problems []problem.Problem // errors and warnings, sorted
	Pages    int               // HTML pages in the output
	Files    int               // all files in the output
	Written  int               // files written because they were new or changed
	// Rendered is how many pages were rendered: all of them, or, after an
	// edit that changes nothing other pages show, the edited pages only.
	Rendered int
	// UpToDate is set when nothing changed since the last build into the
	// destination, so that nothing was rendered nor written.
	UpToDate bool

	// outputs are the files of the destination after the build, with their
	// sizes and times, for the state file.
	outputs map[string]publish.Stamp
}

// ErrFailed is returned when the input has errors; Result.Problems lists them.
var ErrFailed = errors.New("build failed")

// Run builds the site. On any error the destination is left as it was.
// When no input has changed since the last build into the destination,
// and the destination is as that build left it, there is nothing to do and
// Run says so (Result.UpToDate) without rendering anything.
func Run(opts Options) (*Result, error) {
	if opts.Destination == "" {
		opts.Destination = filepath.Join(opts.Source, "public")
	}
	fp, fpErr := fingerprint(opts)
	if fpErr == nil {
		if st := loadState(opts.Destination); st != nil && st.fingerprint == fp && st.upToDate(opts.Destination) {
			return &Result{Pages: st.pages, Files: st.files, Problems: st.warnings, UpToDate: true}, nil
		}
	}
	os.Remove(statePath(opts.Destination)) // the build may change the destination
	res, _, err := run(opts)
	if err == nil && fpErr == nil {
		// Without a state file the next build renders everything, which is
		// slower but still right: a failure to write it is not an error.
		_ = saveState(opts, fp, res)
	}
	return res, err
}

// run builds the site and returns the plan it built, for a Session.
func run(opts Options) (*Result, *plan, error) {
	if opts.Destination == "" {
		opts.Destination = filepath.Join(opts.Source, "public")
	}
	problems := &problem.List{}
	res := &Result{}
	plan := load(opts, problems)
	if plan != nil {
		plan.progress = opts.Progress
	}
	if problems.Errors() > 0 {
		if plan != nil {
			// Check the Markdown bodies too, without rendering, so that
			// every problem is reported in one run.
			plan.write(nil, problems, res)
		}
		res.Problems = problems.Sorted()
		return res, nil, ErrFailed
	}
	if err := publish.CheckDestination(opts.Destination, opts.Source, inputDirs); err != nil {
		res.Problems = problems.Sorted()
		return res, nil, err
	}
	out, err := publish.Begin(opts.Destination)
	if err != nil {
		res.Problems = problems.Sorted()
		return res, nil, err
	}
	plan.write(out, problems, res)
	res.Problems = problems.Sorted()
	if problems.Errors() > 0 {
		out.Abort()
		return res, nil, ErrFailed
	}
	res.Written = out.Changed()
	if err := out.Commit(); err != nil {
		out.Abort()
		return res, nil, err
	}
	res.outputs = out.Stamps()
	plan.dest = opts.Destination
	plan.pages, plan.files = res.Pages, res.Files
	res.Rendered = res.Pages
	return res, plan, nil
}

// Check runs every validation of a build without writing anything, then
// checks the links written in Markdown (to pages, to #headings, to files)
// and warns about pages no other page links to. With strict, warnings
// count as errors.
func Check(opts Options, strict bool) (*Result, error) {
	problems := &problem.List{}
	res := &Result{}
	p := load(opts, problems)
	if p == nil {
		res.Problems = problems.Sorted()
		return res, ErrFailed
	}
	p.links = newLinkIndex(p.cfg.BasePath())
	for _, j := range p.jobs {
		if j.alias > 0 {
			p.links.redirect[j.data.Path] = j.page.Path
		}
	}
	if problems.Errors() > 0 {
		p.write(nil, problems, res)
	} else {
		p.write(p.links, problems, res)
		p.links.check(p.site, problems)
	}
	res.Problems = problems.Sorted()
	if problems.Errors() > 0 || (strict && len(res.Problems) > 0) {
		return res, ErrFailed
	}
	return res, nil
}

// inputDirs are the folders of a site a build reads; the destination may
// not be inside one of them.
var inputDirs = []string{content.Dir, static.StaticDir, static.AssetsDir, render.LayoutsDir, "data"}

// Inputs are the folders and the file of a site that a build reads (it also
// reads the ECharts file installed by npm): what serve watches.
func Inputs() []string { return append(slices.Clone(inputDirs), config.FileName) }

// ReferenceDate is the date a build treats as today: SOURCE_DATE_EPOCH
// when set (the reproducible-builds convention), otherwise as_of.
func ReferenceDate(asOf time.Time, sourceDateEpoch string) (time.Time, error) {
	if sourceDateEpoch == "" {
		return asOf, nil
	}
	secs, err := strconv.ParseInt(sourceDateEpoch, 10, 64)
	if err != nil || secs < 0 {
		return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a number of seconds since 1970-01-01", sourceDateEpoch)
	}
	t := time.Unix(secs, 0).UTC()
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), nil
}

// job is one output file.
type job struct {
	path   string // output path in the destination, such as thu-tuc/index.html
	origin string // what produced it, for collision messages
	alias  int    // for a redirect: 1 + its index in the page's aliases
	// lastmod is the date of a generated page's data, for the sitemap.
	lastmod time.Time
	page    *content.Page
	data    *render.Data
	layout  string
	bytes   []byte // fixed content (sitemap, robots, assets)
	copy    string // a static file to copy
	html    bool   // counts as a page
}

// plan is a loaded, validated site and the list of files to write.
type plan struct {
	cfg     *config.Config
	site    *content.Site
	md      *markdown.Converter
	layouts *render.Layouts
	// siteView is what every layout sees as .Site.
	siteView *render.Site
	static   *static.Files      // the site's static files and theme assets
	rules    procedure.Rules    // what records were validated against
	sets     []*dataset.Dataset // data/*.csv with their descriptions
	progress func(done, total int)
	// dest, pages and files are set once the plan was built: where, and
	// how many pages and files it has.
	dest         string
	pages, files int
	links        *linkIndex // set by Check: what the link checker needs
	// dataFailed is set when a data file did not load, so that its charts
	// are not reported as unknown without saying why.
	dataFailed bool
	jobs       []*job
}

func load(opts Options, problems *problem.List) *plan {
	cfg := config.Load(opts.Source, config.Overrides{BaseURL: opts.BaseURL}, problems)
	if cfg == nil {
		return nil
	}
	today, err := ReferenceDate(cfg.AsOf, opts.SourceDateEpoch)
	if err != nil {
		problems.Errorf("SOURCE_DATE_EPOCH", 0, "", "%v", err)
		return nil
	}
	files := static.Load(opts.Theme, opts.Source, problems)
	rules := procedure.Rules{Today: today, StaleAfterDays: cfg.Procedures.StaleAfterDays, CheckForm: formCheck(files)}
	site := content.Load(opts.Source, cfg, rules, problems)
	layouts := render.LoadLayouts(opts.Theme, opts.Source, render.Funcs(cfg, files), problems)

	pagesByPath := map[string]*content.Page{}
	for _, p := range site.Pages {
		pagesByPath[p.Path] = p
	}
	popular := checkPopular(opts.Source, cfg, site, problems)
	cat := catalog.Build(site, popular, problems)
	checkProcedureLinks(site, problems)
	// The loaders read data/ through data, which keeps what they read for
	// the citizen-ID lint: each file is read from disk once.
	data := directory.NewDataFiles(opts.Source)
	dir := directory.Load(opts.Source, data.ReadFile, problems)
	beforeData := problems.Errors()
	sets := dataset.Load(opts.Source, data.ReadFile, problems)
	dataFailed := problems.Errors() > beforeData
	data.LintPersonalIDs(problems)

	view := &render.Site{Config: cfg, Home: site.Home, Catalog: cat, Today: today, Pages: pagesByPath, Directory: dir}
	if dir != nil {
		view.DirectoryPaths = directoryPaths
	}
	p := &plan{cfg: cfg, site: site, md: markdown.New(cfg.BasePath()), layouts: layouts, sets: sets, dataFailed: dataFailed, siteView: view, static: files, rules: rules}
	p.addDataJobs(view, problems)
	p.addJobs(view, files)
	if dir != nil {
		p.addDirectoryJobs(view, problems)
	}
	p.addMachineFiles()
	p.checkCollisions(problems)
	checkMenu(opts.Source, cfg, p.jobs, problems)
	return p
}

// checkPopular returns the popular codes that exist and reports the others.
func checkPopular(dir string, cfg *config.Config, site *content.Site, problems *problem.List) []string {
	var ok []string
	for i, code := range cfg.Procedures.Popular {
		if site.ProcedureByCode(code) == nil {
			field := fmt.Sprintf("procedures.popular[%d]", i)
			problems.Errorf(config.FileName, config.FieldLine(dir, field), field, "no procedure has the code %q", code)
			continue
		}
		ok = append(ok, code)
	}
	return ok
}

// checkProcedureLinks checks the codes of related procedures. (Form files
// are checked with each record, by formCheck.)
func checkProcedureLinks(site *content.Site, problems *problem.List) {
	for _, p := range site.Procedures {
		for i, code := range p.Procedure.Related {
			if code == p.Procedure.Code {
				f := fmt.Sprintf("related[%d]", i)
				problems.Errorf(p.File, content.FieldLine(site.Dir, p, f), f, "a procedure cannot be related to itself")
			} else if site.ProcedureByCode(code) == nil {
				f := fmt.Sprintf("related[%d]", i)
				problems.Errorf(p.File, content.FieldLine(site.Dir, p, f), f, "no procedure has the code %q", code)
			}
		}
	}
}

// formCheck checks that a procedure's form is a file of the site.
func formCheck(files *static.Files) func(string) error {
	return func(file string) error {
		if _, ok := files.StaticFile(file); !ok {
			return fmt.Errorf("%q not found: put the form at %s%s", file, static.StaticDir, file)
		}
		return nil
	}
}

// addJobs lists every output file.
func (p *plan) addJobs(view *render.Site, files *static.Files) {
	add := func(j *job) { p.jobs = append(p.jobs, j) }
	cat := view.Catalog

	for _, pg := range p.site.Pages {
		// A content page's data is made when it is rendered (pageData), so
		// that a large site does not keep one for every page meanwhile.
		add(&job{path: indexFile(pg.Path), origin: pg.File, page: pg, layout: layoutOf(pg, cat), html: true})
		for i, alias := range pg.Aliases {
			add(&job{path: aliasFile(alias), origin: pg.File, page: pg, alias: i + 1, layout: render.LayoutAlias,
				data: &render.Data{Site: view, Layout: render.LayoutAlias, Title: pg.Title, Path: alias, Target: pg.Path}})
		}
	}
	if cat.Section != nil {
		sectionCrumbs := append(crumbs(cat.Section.Parent), render.Crumb{Title: cat.Section.Title, Path: cat.Section.Path})
		for _, dim := range cat.Dimensions() {
			add(&job{path: indexFile(dim.Path), origin: "list of procedures by " + dim.Title, layout: render.LayoutGroups, html: true,
				data: &render.Data{Site: view, Layout: render.LayoutGroups, Title: dim.Title, Path: dim.Path, Dimension: dim, Breadcrumbs: sectionCrumbs}})
			dimCrumbs := append(slices.Clone(sectionCrumbs), render.Crumb{Title: dim.Title, Path: dim.Path})
			for _, g := range dim.Groups {
				for _, pg := range render.Paginate(g.Procedures, p.cfg.Procedures.PageSize, g.Path) {
					title := g.Name
					if pg.Number > 1 {
						title = fmt.Sprintf("%s – trang %d", g.Name, pg.Number)
					}
					path := render.PagePath(g.Path, pg.Number)
					add(&job{path: indexFile(path), origin: "list of procedures of " + g.Name, layout: render.LayoutGroup, html: true,
						data: &render.Data{Site: view, Layout: render.LayoutGroup, Title: title, Path: path, Dimension: dim, Group: g, Paginator: pg, Breadcrumbs: dimCrumbs}})
				}
			}
		}
	}
	add(&job{path: "404.html", origin: "the not-found page", layout: render.LayoutNotFound, html: true,
		data: &render.Data{Site: view, Layout: render.LayoutNotFound, Title: "Không tìm thấy trang", Path: "/404.html"}})

	for _, f := range files.Static {
		add(&job{path: strings.TrimPrefix(f.Path, "/"), origin: static.StaticDir + f.Path, copy: f.Src})
	}
	for _, a := range files.Assets {
		add(&job{path: strings.TrimPrefix(a.Path, "/"), origin: static.AssetsDir + "/" + a.Name, bytes: a.Data})
	}

}

// addMachineFiles lists sitemap.xml and robots.txt; it runs last, so that
// the sitemap lists every page.
func (p *plan) addMachineFiles() {
	add := func(j *job) { p.jobs = append(p.jobs, j) }
	var entries []render.SitemapEntry
	for _, j := range p.jobs {
		if j.html && j.layout != render.LayoutNotFound {
			var e render.SitemapEntry
			if j.page != nil {
				e.URL = p.cfg.AbsURL(j.page.Path)
				e.LastMod = j.page.LastChanged()
			} else {
				e.URL = p.cfg.AbsURL(j.data.Path)
				e.LastMod = j.lastmod
			}
			entries = append(entries, e)
		}
	}
	slices.SortFunc(entries, func(a, b render.SitemapEntry) int { return cmp.Compare(a.URL, b.URL) })
	sitemaps := render.Sitemaps(entries, p.cfg.AbsURL)
	for _, name := range slices.Sorted(maps.Keys(sitemaps)) {
		add(&job{path: name, origin: "the sitemap", bytes: sitemaps[name]})
	}
	add(&job{path: "robots.txt", origin: "robots.txt", bytes: render.Robots(p.cfg.AbsURL("/sitemap.xml"))})
}

// layoutOf is the layout that renders a content page.
func layoutOf(pg *content.Page, cat *catalog.Catalog) string {
	switch pg.Kind {
	case content.KindHome:
		return render.LayoutHome
	case content.KindSection:
		if cat.Section == pg {
			return render.LayoutProcedures
		}
		return render.LayoutSection
	case content.KindProcedure:
		return render.LayoutProcedure
	}
	return render.LayoutPage
}

// pageData is what the layout of a content page receives.
func (p *plan) pageData(j *job) (*render.Data, error) {
	pg := j.page
	d := &render.Data{Site: p.siteView, Layout: j.layout, Title: pg.Title, Description: pg.Description, Path: pg.Path, Page: pg}
	switch j.layout {
	case render.LayoutProcedures:
		d.Dimension = p.siteView.Catalog.Fields
	case render.LayoutProcedure:
		rec, err := pg.Record()
		if err != nil {
			return nil, err
		}
		d.Procedure = rec
		d.View = render.NewProcedureView(rec, p.siteView, p.static)
		for _, code := range rec.Related {
			if r := p.site.ProcedureByCode(code); r != nil && r != pg {
				d.Related = append(d.Related, r)
			}
		}
	}
	if pg.Kind != content.KindHome {
		d.Breadcrumbs = crumbs(pg.Parent)
	}
	return d, nil
}

// homeCrumb starts every breadcrumb trail.
var homeCrumb = render.Crumb{Title: "Trang chủ", Path: "/"}

// crumbs is the trail from home to section (both included).
func crumbs(section *content.Page) []render.Crumb {
	var trail []render.Crumb
	for s := section; s != nil && s.Kind != content.KindHome; s = s.Parent {
		trail = append(trail, render.Crumb{Title: s.Title, Path: s.Path})
	}
	trail = append(trail, homeCrumb)
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

// checkCollisions reports two outputs written to one file. When a page and
// a redirect collide, the redirect is blamed: the old address is the one to
// drop.
func (p *plan) checkCollisions(problems *problem.List) {
	seen := map[string]*job{}
	for _, j := range p.jobs {
		key := strings.ToLower(j.path) // case-insensitive hosts would mix them up
		other, dup := seen[key]
		if !dup {
			seen[key] = j
			continue
		}
		if other.alias > 0 && j.alias == 0 {
			j, other = other, j
		}
		file, field, line := j.origin, "", 0
		if j.alias > 0 {
			field = fmt.Sprintf("aliases[%d]", j.alias-1)
			line = content.FieldLine(p.site.Dir, j.page, field)
		}
		problems.Errorf(file, line, field, "/%s is also produced by %s: each address can hold one page", j.path, other.origin)
	}
	// A file and a folder of the same name cannot both be written: an
	// alias /sitemap.xml is written as sitemap.xml/index.html.
	blamedFiles := map[*job]bool{} // a file is reported once, not once per page below it
	for _, j := range p.jobs {
		for dir := path.Dir(j.path); dir != "."; dir = path.Dir(dir) {
			other, clash := seen[strings.ToLower(dir)]
			if !clash || other == j {
				continue
			}
			// Blame the old address, else the static file: the page stays.
			blamed, kept := j, other
			if (other.alias > 0 && j.alias == 0) || (other.copy != "" && j.copy == "" && j.alias == 0) {
				blamed, kept = other, j
			}
			if blamed != j {
				if blamedFiles[blamed] {
					break
				}
				blamedFiles[blamed] = true
			}
			file, field, line := blamed.origin, "", 0
			if blamed.alias > 0 {
				field = fmt.Sprintf("aliases[%d]", blamed.alias-1)
				line = content.FieldLine(p.site.Dir, blamed.page, field)
			}
			if blamed == j {
				problems.Errorf(file, line, field, "/%s needs a folder /%s/, but %s writes a file there: an address cannot be both a file and a folder",
					j.path, dir, other.origin)
			} else {
				problems.Errorf(file, line, field, "/%s is a file, but %s needs a folder there for /%s: an address cannot be both a file and a folder",
					other.path, kept.origin, j.path)
			}
			break
		}
	}
}

// checkMenu reports menu entries that point at no page.
func checkMenu(dir string, cfg *config.Config, jobs []*job, problems *problem.List) {
	outputs := map[string]bool{}
	for _, j := range jobs {
		outputs["/"+j.path] = true
	}
	for i, m := range cfg.Menu {
		u, _, _ := strings.Cut(m.URL, "#")
		if outputs[u] || outputs[u+"index.html"] || outputs[u+"/index.html"] {
			continue
		}
		field := fmt.Sprintf("menu[%d].url", i)
		problems.Errorf(config.FileName, config.FieldLine(dir, field), field, "%q is not a page of this site", m.URL)
	}
}

// sink receives the output files: a publish.Output, or a discarding sink
// for checks and benchmarks.
type sink interface {
	WriteFile(sitePath string, data []byte) error
	CopyFile(sitePath, src string) error
}

// write renders every job on all CPUs and writes it to out. With a nil
// out it only checks the pages' Markdown bodies.
func (p *plan) write(out sink, problems *problem.List, res *Result) {
	work := make(chan *job)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	// More workers than CPUs: a worker waiting for the disk to create a
	// folder or a file leaves its CPU to another that renders.
	for range 4 * runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			var bufs pageBuffers // this worker's, reused page after page
			for j := range work {
				pages, files := p.run(j, out, problems, &bufs)
				mu.Lock()
				res.Pages += pages
				res.Files += files
				done++
				n := done
				mu.Unlock()
				if p.progress != nil && out != nil {
					p.progress(n, len(p.jobs))
				}
			}
		})
	}
	for _, j := range p.jobs {
		work <- j
	}
	close(work)
	wg.Wait()
}

// pageBuffers are where a worker reads a page's file, renders its body and
// then the page. Nothing of them is kept once the page is written.
type pageBuffers struct {
	src        []byte
	body, page bytes.Buffer
}

// run produces one job's file, rendering a page into bufs. A panic in a
// layout function must not take the whole build down without saying which
// page caused it.
func (p *plan) run(j *job, out sink, problems *problem.List, bufs *pageBuffers) (pages, files int) {
	defer func() {
		if r := recover(); r != nil {
			problems.Errorf(j.origin, 0, "", "internal error while producing /%s: %v (please report this)", j.path, r)
			pages, files = 0, 0
		}
	}()
	var err error
	switch {
	case out == nil:
		if j.page != nil && j.alias == 0 {
			if _, err := p.renderPage(j, problems, bufs, false); err != nil {
				problems.Errorf(j.origin, 0, "", "%v", err)
			}
		}
		return 0, 0
	case j.copy != "":
		err = out.CopyFile(j.path, j.copy)
	case j.bytes != nil:
		err = out.WriteFile(j.path, j.bytes)
	default:
		var html []byte
		html, err = p.renderPage(j, problems, bufs, true)
		if err == nil && html != nil {
			err = out.WriteFile(j.path, html)
		}
	}
	if err != nil {
		problems.Errorf(j.origin, 0, "", "%v", err)
		return 0, 0
	}
	if j.html {
		return 1, 1
	}
	return 0, 1
}

// renderPage reads and renders a page's Markdown body, checks what only the
// body can tell, and executes the layout (unless execute is false, for a
// check), all in bufs. The bytes it returns are bufs.page's, valid until
// its next use. It returns nil without an error when the page has problems
// (already recorded).
func (p *plan) renderPage(j *job, problems *problem.List, bufs *pageBuffers, execute bool) ([]byte, error) {
	pg := j.page
	if pg == nil || j.alias > 0 {
		if !execute {
			return nil, nil
		}
		return p.execute(j.layout, j.data, bufs)
	}
	var body template.HTML
	var hasCharts bool
	if pg.BodyLine > 0 { // a page with a file: its Markdown body
		src, err := rawfile.ReadFileInto(bufs.src, filepath.Join(p.site.Dir, filepath.FromSlash(pg.File)))
		if err != nil {
			return nil, err
		}
		bufs.src = src
		split, err := frontmatter.Parse(src)
		if err != nil {
			return nil, fmt.Errorf("the file changed during the build: %w", err)
		}
		doc := p.md.Parse(vntext.NFCBytes(split.Body))
		if p.links != nil {
			p.links.addSource(pg, split.BodyLine, doc.Links)
		}
		before := problems.Errors()
		if pg.Kind == content.KindProcedure {
			for _, h := range procedure.RequiredHeadings() {
				if !doc.HasHeading(2, h) {
					problems.Errorf(pg.File, split.BodyLine, "", "the text needs a heading \"## %s\" (required for every procedure)", h)
				}
			}
		}
		p.checkCharts(pg.File, split.BodyLine, doc, problems)
		if problems.Errors() > before || !execute {
			return nil, nil
		}
		bufs.body.Reset()
		if err := doc.WriteHTML(&bufs.body, p.chartHTML(pg.Path)); err != nil {
			return nil, err
		}
		// The layout reads the body in place, not from a copy: the
		// buffer is written again only for this worker's next page,
		// once this one's layout is done and its data dropped.
		b := bufs.body.Bytes()
		body = template.HTML(unsafe.String(unsafe.SliceData(b), len(b)))
		hasCharts = len(doc.Charts) > 0
	}
	if !execute {
		return nil, nil
	}
	// The page's data (for a procedure, its unpacked record and view) is
	// made only for a layout to read: a check renders none.
	data, err := p.pageData(j)
	if err != nil {
		return nil, err
	}
	data.Content, data.HasCharts = body, hasCharts
	return p.execute(j.layout, data, bufs)
}

// execute runs layout with data into bufs.page and returns its bytes.
func (p *plan) execute(layout string, data *render.Data, bufs *pageBuffers) ([]byte, error) {
	if err := p.layouts.Execute(&bufs.page, layout, data); err != nil {
		return nil, fmt.Errorf("layout %s: %w", layout, err)
	}
	return bufs.page.Bytes(), nil
}
