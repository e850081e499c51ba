package build

import (
	"bytes"
	"errors"
	"html/template"
	"runtime"
	"slices"
	"sync"
	"unsafe"

	"github.com/congkhai/congkhai/internal/chart"
	"github.com/congkhai/congkhai/internal/i18n"
	"github.com/congkhai/congkhai/internal/msg"
	"github.com/congkhai/congkhai/internal/problem"
	"github.com/congkhai/congkhai/internal/publish"
	"github.com/congkhai/congkhai/internal/render"
	"github.com/congkhai/congkhai/internal/search"
)

// write is the last stage of a build: it renders every job of the plan
// into a staging folder and swaps it into place, or, when the site has
// errors, only checks the pages' Markdown bodies, so that every problem is
// reported in one run, and leaves the destination as it was.
func write(p *plan, problems *problem.List) (*Result, *plan, error) {
	res := &Result{}
	dest := p.opts.Destination
	if problems.Errors() > 0 {
		p.produce(nil, problems, res)
		res.Problems = problems.Sorted()
		return res, nil, ErrFailed
	}
	if err := publish.CheckDestination(dest, p.opts.Source, inputDirs); err != nil {
		res.Problems = problems.Sorted()
		return res, nil, err
	}
	begun, err := publish.Begin(p.opts.fileSystem(), dest)
	if err != nil {
		res.Problems = problems.Sorted()
		return res, nil, err
	}
	out := gatedOutput{begun, p.opts.gate}
	if !p.opts.noSearch {
		for _, ed := range p.editions {
			ed.search = p.newSearch(ed)
			if p.opts.session {
				ed.search.KeepForEdits()
			}
		}
	}
	p.produce(out, problems, res)
	if problems.Errors() == 0 && out.Err() == nil {
		n, err := p.writeSearch(out, false)
		var failed *publish.Error
		if err != nil && !errors.As(err, &failed) { // a failed write is the build's error (out.Err)
			problems.Errorf("the search index", 0, "", "%v", err)
		}
		res.Files += n
	}
	p.warnMissingNames(problems)
	res.Problems = problems.Sorted()
	if err := out.Err(); err != nil { // a write failed: the build's error, said once
		out.Abort()
		return res, nil, err
	}
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
	p.dest = dest
	p.pages, p.files = res.Pages, res.Files
	res.Rendered = res.Pages
	return res, p, nil
}

// sink receives the output files: a publish.Output, or a discarding sink
// for checks and benchmarks.
type sink interface {
	WriteFile(sitePath string, data []byte) error
	CopyFile(sitePath, src string) error
	// Err is the write that failed, after which the build renders no
	// more pages: the destination is full or read-only.
	Err() error
}

// produce renders every job on all CPUs and writes it to out. With a nil
// out it only checks the pages' Markdown bodies.
func (p *plan) produce(out sink, problems *problem.List, res *Result) {
	p.resetStreams()
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
				if p.opts.Progress != nil && out != nil {
					p.opts.Progress(n, len(p.jobs))
				}
			}
		})
	}
	for _, j := range p.jobs {
		if p.opts.gate.stopped() {
			break // Session.Stop: the jobs under way end, no other starts
		}
		work <- j
	}
	close(work)
	wg.Wait()
}

// pageBuffers are where a worker reads a page's file, renders its
// Markdown (md), puts the body together with its charts (body) and then
// renders the page. Nothing of them is kept once the page is written.
type pageBuffers struct {
	src            []byte
	text           []byte // the body's text, for the search index and the cache
	md, body, page bytes.Buffer
	search         []*search.Writer // the page's words, for the index of each edition
	ld             []byte           // the page's JSON-LD
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
	case out != nil && out.Err() != nil:
		return 0, 0
	case out == nil:
		if j.streamed != nil {
			close(j.streamed.done) // nothing is written: its size stays unknown
		}
		if j.page != nil && j.alias == 0 {
			if _, err := p.renderPage(j, problems, bufs, false); err != nil {
				problems.Errorf(j.origin, 0, "", "%v", err)
			}
		}
		return 0, 0
	case j.searchIndex:
		return 0, 0 // written with every file of the index, once the pages are (writeSearch)
	case j.stream != nil:
		err = p.runStream(j, out)
	case j.streamedBy != nil:
		// Written by the stream of another job, which reports its errors.
	case j.copy != "":
		err = out.CopyFile(j.path, j.copy)
	case j.late && j.data == nil:
		// Made now, not in the plan: it gives the size of a streamed
		// file, which was written by a job dispatched before this one.
		data, bytes := j.make(p, problems)
		if data == nil {
			err = out.WriteFile(j.path, bytes)
			break
		}
		var html []byte
		html, err = p.execute(j.layout, data, bufs)
		if err == nil {
			err = out.WriteFile(j.path, html)
		}
	case j.bytes != nil:
		err = out.WriteFile(j.path, j.bytes)
	case j.produce != nil:
		var b []byte
		if b, err = j.produce(p); err == nil {
			err = out.WriteFile(j.path, b)
		}
	default:
		var html []byte
		// The layout of a page whose file has errors is not run (in a
		// check): its record may lack what the layout reads.
		execute := j.page == nil || !p.erroneous[j.page.File]
		html, err = p.renderPage(j, problems, bufs, execute)
		if err == nil && html != nil {
			err = out.WriteFile(j.path, html)
		}
	}
	var failed *publish.Error
	if err != nil && !errors.As(err, &failed) { // a failed write is the build's error (out.Err)
		problems.Errorf(j.origin, 0, "", "%v", err)
	}
	if err != nil {
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
	var text []byte
	if pg.BodyLine > 0 { // a page with a file: its Markdown body
		bd, err := p.bodyOf(pg, bufs)
		if err != nil {
			return nil, err
		}
		if p.links != nil {
			p.links.addSource(pg, pg.BodyLine, bd.links)
		}
		before := problems.Errors()
		for _, h := range bd.missing {
			problems.Errorf(pg.File, pg.BodyLine, "", "the text needs a heading \"## %s\" (required for every procedure)", h)
		}
		for _, line := range bd.empty {
			problems.Errorf(pg.File, pg.BodyLine+line-1, "", "an empty list item (such as a step \"1. \" left to fill in): write it or remove it")
		}
		p.charts.CheckPlaced(pg.File, pg.BodyLine, bd.embeds, p.dataFailed, problems)
		if problems.Errors() > before || !execute {
			return nil, nil
		}
		if err := bd.writeHTML(&bufs.body, p.chartHTML(pg.Path, p.editionOf(j.output))); err != nil {
			return nil, err
		}
		// The layout reads the body in place, not from a copy: the
		// buffer is written again only for this worker's next page,
		// once this one's layout is done and its data dropped.
		b := bufs.body.Bytes()
		body = template.HTML(unsafe.String(unsafe.SliceData(b), len(b)))
		hasCharts = slices.ContainsFunc(bd.embeds, chart.IsChart)
		text = bd.text
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
	p.indexPage(j, text, data.Procedure, bufs)
	return p.execute(j.layout, data, bufs)
}

// execute runs layout with data into bufs.page and returns its bytes.
// The page announces the feeds of its address.
func (p *plan) execute(layout string, data *render.Data, bufs *pageBuffers) ([]byte, error) {
	if data.Feeds == nil {
		data.Feeds = p.feedLinks[data.Path]
	}
	// The page's versions in the other languages, for every page of
	// every layout in one place: a content page's translations, a
	// generated page's address in the other edition.
	if data.Alternates == nil && data.Site != nil && data.Site.Edition != nil {
		data.Alternates = p.alternates(p.editionIn(data.Site.Edition.Lang), data.Path, data.Page)
	}
	if layout != render.LayoutAlias && !p.opts.noOpenData {
		ld, err := render.AppendJSONLD(bufs.ld[:0], data)
		if err != nil {
			return nil, msg.Errorf("the JSON-LD of %s: %w", data.Path, err)
		}
		// Read in place, as the body is: the buffer is written again only
		// for this worker's next page.
		bufs.ld = ld
		data.JSONLD = template.JS(unsafe.String(unsafe.SliceData(ld), len(ld)))
	}
	layouts := p.layouts
	if data.Site != nil && data.Site.Edition != nil {
		layouts = p.layouts.In(data.Site.Edition.Lang)
	}
	if err := layouts.Execute(&bufs.page, layout, data); err != nil {
		return nil, msg.Errorf("layout %s: %w", layout, err)
	}
	return bufs.page.Bytes(), nil
}

// warnMissingNames warns of each data name (a field, a position, a
// chart's title) that a page of another language than the site's showed
// as written, in Vietnamese, because the site's table of that language
// gives it no form.
func (p *plan) warnMissingNames(problems *problem.List) {
	for _, ed := range p.editions[1:] {
		file := i18n.SiteDir + "/" + string(ed.Lang) + ".toml"
		for _, name := range ed.loc.Missing() {
			problems.Warnf(file, 0, "names", "%q is shown in Vietnamese on the %s pages: give its %s form here, under [names], as \"%s\" = \"…\"", name, ed.Lang.Text(), ed.Lang.Text(), name)
		}
	}
}
