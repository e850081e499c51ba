package build

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/congkhai/congkhai/internal/contacts"
	"github.com/congkhai/congkhai/internal/content"
	"github.com/congkhai/congkhai/internal/dataset"
	"github.com/congkhai/congkhai/internal/locale"
	"github.com/congkhai/congkhai/internal/msg"
	"github.com/congkhai/congkhai/internal/opendata"
	"github.com/congkhai/congkhai/internal/problem"
	"github.com/congkhai/congkhai/internal/render"
)

// The open data of a site: every export under /du-lieu/ with its page,
// the list of them, the DCAT catalogue, and the Atom feeds. These are
// outputs like every other (listed here, in the check stage); the
// procedures export is streamed in the write stage, one record unpacked at
// a time, and the pages that give its size are made when they are
// rendered, once it is written (output.late).
const (
	// openDataPath lists every export; each has a page and a folder below.
	openDataPath = csvDir
	catalogPath  = openDataPath + "catalog.jsonld"
	// feedFile is the name of a list's Atom feed, in the list's folder.
	feedFile = "feed.atom"
)

// export is one family of published data: its page, and its files.
type export struct {
	view     render.Export // what its page shows; the files' sizes are filled when rendered
	files    []exportFile
	keywords []string
}

// exportFile is one file of an export, as the catalogue describes it.
type exportFile struct {
	title, path string
	format      string // as pages name it: JSON, CSV, vCard…
	media       string // its media type
	euFormat    string // the EU file type, for DCAT
	schema      string // the path of its JSON Schema, "" for none
}

// jsonFile, csvFile and schemaFile are the files of an export, by kind.
func jsonFile(title, path, schema string) exportFile {
	return exportFile{title, path, "JSON", "application/json", "JSON", schema}
}

func csvFile(title, path string) exportFile {
	return exportFile{title, path, "CSV", "text/csv", "CSV", ""}
}

func schemaFile(title, path string) exportFile {
	return exportFile{title, path, "JSON Schema", "application/json", "JSON", ""}
}

// streamed is the state of a file the write stage streams: its size, known
// once it is written. Pages that give the size wait for it (plan.fileSize).
type streamed struct {
	done chan struct{}
	size int64
}

func (s *streamed) reset() { s.done, s.size = make(chan struct{}), -1 }

func (s *streamed) wait() int64 { <-s.done; return s.size }

// openDataJobs lists the exports of the procedures, the directory and
// every dataset, their pages, the list of them and the catalogue, and the
// feeds; it keeps the exports in c.exports and the feeds' links in
// c.feedLinks for the pages that announce them.
func openDataJobs(c *checkedSite, add func(*output)) {
	if c.opts.noOpenData {
		return
	}
	cfg := c.cfg
	license := opendata.License{Name: cfg.OpenData.License, URL: cfg.OpenData.LicenseURL}
	meta := func(e *export) opendata.Meta {
		return opendata.Meta{Title: e.view.Title, Description: e.view.Description, Page: cfg.AbsURL(e.view.Path),
			Publisher: cfg.OpenData.Publisher, License: license, Updated: e.view.Updated}
	}
	if procs := c.site.Procedures; len(procs) > 0 {
		e := procedureExport(c)
		m := meta(e)
		// One pass over the records writes both files: each record is
		// unpacked once, and dropped before the next.
		csvOut := &output{path: e.files[1].path[1:], origin: "the procedures export"}
		jsonOut := &output{path: e.files[0].path[1:], origin: "the procedures export", with: []*output{csvOut},
			stream: func(p *plan, ws []io.Writer) error {
				j, err := opendata.NewProcedureJSON(ws[0], m, len(procs))
				if err != nil {
					return err
				}
				cw, err := opendata.NewProcedureCSV(ws[1], cfg.AbsURL)
				if err != nil {
					return err
				}
				for _, pg := range procs {
					rec, err := pg.Record()
					if err == nil {
						err = j.Add(cfg.AbsURL(pg.Path), rec)
					}
					if err == nil {
						err = cw.Add(cfg.AbsURL(pg.Path), rec)
					}
					if err != nil {
						return msg.Errorf("%s: %w", pg.File, err)
					}
				}
				if err := j.Close(); err != nil {
					return err
				}
				return cw.Close()
			}}
		csvOut.streamedBy = jsonOut
		add(jsonOut)
		add(csvOut)
		add(&output{path: e.files[2].path[1:], origin: "the procedures export", fixed: opendata.ProcedureSchema()})
		c.exports = append(c.exports, e)
	}
	if c.dir != nil {
		e := directoryExport(c)
		m := meta(e)
		in := opendata.DirectoryInput{Directory: c.dir, Occurrences: c.dated, Calendar: cfg.AbsURL(directoryPaths.CalendarPath),
			VCard: func(p *contacts.Person) string { return cfg.AbsURL(directoryPaths.VCardPath(p)) }, Locale: c.locales[0]}
		add(madeFile(e.files[0].path, contacts.FileName, func() ([]byte, error) { return opendata.DirectoryJSON(in, m) }))
		add(madeFile(e.files[1].path, contacts.FileName, func() ([]byte, error) { return opendata.DirectoryCSV(c.dir) }))
		add(&output{path: e.files[2].path[1:], origin: contacts.FileName, fixed: opendata.DirectorySchema()})
		c.exports = append(c.exports, e)
	}
	for _, ds := range c.sets {
		e := datasetExport(ds)
		m := meta(e)
		add(madeFile(e.files[0].path, ds.CSVFile, func() ([]byte, error) { return opendata.DatasetJSON(ds, m) }))
		add(madeFile(e.files[1].path, ds.CSVFile, func() ([]byte, error) { return opendata.DatasetCSV(ds) }))
		add(madeFile(e.files[2].path, ds.DescFile, func() ([]byte, error) { return opendata.DatasetSchema(ds) }))
		c.exports = append(c.exports, e)
	}
	feedJobs(c, add)
	if len(c.exports) == 0 {
		return
	}
	home := []render.Crumb{homeCrumb}
	const title = "Dữ liệu mở"
	var latest time.Time
	for i, e := range c.exports {
		latest = later(latest, e.view.Updated)
		add(&output{path: indexFile(e.view.Path), origin: "the page of " + e.view.Title, layout: render.LayoutExport, html: true,
			addr: e.view.Path, lastmod: e.view.Updated, late: true,
			make: func(p *plan, _ *problem.List) (*render.Data, []byte) {
				v := p.exportView(e)
				cat := p.dataCatalog()
				return &render.Data{Site: p.view, Layout: render.LayoutExport, Title: e.view.Title, Description: e.view.Description,
					Path: e.view.Path, Breadcrumbs: append(home, render.Crumb{Title: title, Path: openDataPath}), Export: v,
					LinkedData: func() []opendata.Node { return []opendata.Node{cat.DatasetLD(i)} }}, nil
			}})
	}
	add(&output{path: indexFile(openDataPath), origin: "the list of open data", layout: render.LayoutOpenData, html: true,
		addr: openDataPath, lastmod: latest, late: true,
		make: func(p *plan, _ *problem.List) (*render.Data, []byte) {
			d := &render.Data{Site: p.view, Layout: render.LayoutOpenData, Title: title, Path: openDataPath, Breadcrumbs: home,
				Description: "Thủ tục hành chính, danh bạ và số liệu của cổng ở dạng dữ liệu mở (JSON, CSV), với giấy phép, ngày cập nhật và danh mục DCAT.",
				CatalogPath: catalogPath, Feeds: p.feedLinks[openDataPath]}
			for _, e := range c.exports {
				d.Exports = append(d.Exports, p.exportView(e))
			}
			cat := p.dataCatalog()
			d.LinkedData = func() []opendata.Node { return []opendata.Node{cat.DataCatalogLD()} }
			return d, nil
		}})
	add(&output{path: catalogPath[1:], origin: "the open data catalogue", late: true,
		make: func(p *plan, problems *problem.List) (*render.Data, []byte) {
			b, err := p.dataCatalog().DCAT()
			if err != nil {
				problems.Errorf("the open data catalogue", 0, "", "%v", err)
			}
			return nil, b
		}})
}

// madeFile is a generated file whose bytes make gives in the plan.
func madeFile(sitePath, origin string, make func() ([]byte, error)) *output {
	return &output{path: sitePath[1:], origin: origin, make: func(_ *plan, problems *problem.List) (*render.Data, []byte) {
		b, err := make()
		if err != nil {
			problems.Errorf(origin, 0, "", "writing %s: %v", sitePath, err)
		}
		return nil, b
	}}
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// latestChange is the last date any of pages changed.
func latestChange(pages []*content.Page) time.Time {
	var t time.Time
	for _, pg := range pages {
		t = later(t, pg.LastChanged())
	}
	return t
}

// exportFiles are the JSON, CSV and schema of an export under its folder.
func exportFiles(id string) []exportFile {
	dir := openDataPath + id + "/"
	return []exportFile{
		jsonFile("Tệp JSON", dir+id+".json", dir+id+".schema.json"),
		csvFile("Tệp CSV", dir+id+".csv"),
		schemaFile("Lược đồ JSON Schema", dir+id+".schema.json"),
	}
}

func procedureExport(c *checkedSite) *export {
	const id = "thu-tuc"
	e := &export{files: exportFiles(id), keywords: []string{"thủ tục hành chính", "dịch vụ công", c.cfg.Jurisdiction.Name}}
	e.view = render.Export{Kind: "procedures", ID: id, Title: "Thủ tục hành chính", Path: openDataPath + id + "/",
		Description: fmt.Sprintf("Mọi thủ tục hành chính công khai trên cổng (%d thủ tục), đủ mọi trường: mã, tên, lĩnh vực, cấp và cơ quan thực hiện, cách nộp, thời hạn và phí, lệ phí, thành phần hồ sơ, căn cứ pháp lý, nguồn và ngày đồng bộ với Cơ sở dữ liệu quốc gia về thủ tục hành chính.", len(c.site.Procedures)),
		Updated:     latestChange(c.site.Procedures), Columns: opendata.ProcedureColumns(),
		Source: "Cơ sở dữ liệu quốc gia về thủ tục hành chính", SourceURL: "https://csdl.dichvucong.gov.vn/"}
	return e
}

func directoryExport(c *checkedSite) *export {
	const id = "danh-ba"
	e := &export{files: exportFiles(id), keywords: []string{"đường dây nóng", "danh bạ", "tiếp công dân"}}
	e.files = append(e.files, exportFile{"Lịch tiếp công dân (iCalendar)", directoryPaths.CalendarPath, "iCalendar", "text/calendar", "ICS", ""})
	for i := range c.dir.People {
		p := &c.dir.People[i]
		e.files = append(e.files, exportFile{"vCard: " + p.FullName, directoryPaths.VCardPath(p), "vCard", "text/vcard", "VCARD", ""})
	}
	e.view = render.Export{Kind: "directory", ID: id, Title: "Danh bạ và lịch tiếp công dân", Path: openDataPath + id + "/",
		Description: "Đường dây nóng, số điện thoại và thư điện tử công vụ của lãnh đạo và cơ quan, lịch tiếp công dân định kỳ và các buổi tiếp sắp tới, như trên trang danh bạ và trang lịch tiếp công dân.",
		Updated:     c.dir.Updated.Time(), Columns: opendata.DirectoryColumns()}
	return e
}

func datasetExport(ds *dataset.Dataset) *export {
	e := &export{files: exportFiles(ds.Name), keywords: []string{"kết quả phục vụ", "thống kê"}}
	e.view = render.Export{Kind: "dataset", ID: ds.Name, Title: ds.Title, Path: openDataPath + ds.Name + "/",
		Description: ds.Description, Updated: ds.Updated, Source: ds.Source, SourceURL: ds.SourceURL, Fictional: ds.Fictional,
		Columns: opendata.DatasetColumns(ds), Original: render.ExportFile{Title: "Tệp gốc", Path: csvPath(ds), Format: "CSV"}}
	if e.view.Description == "" {
		e.view.Description = ds.Title
	}
	return e
}

// exportView is e's page data, with the size of every file.
func (p *plan) exportView(e *export) *render.Export {
	v := e.view
	v.Files = nil
	for _, f := range e.files {
		v.Files = append(v.Files, render.ExportFile{Title: f.title, Path: f.path, Format: f.format, Bytes: p.fileSize(f.path)})
	}
	if v.Original.Path != "" {
		v.Original.Bytes = p.fileSize(v.Original.Path)
	}
	return &v
}

// dataCatalog is every export as the catalogue lists it, with the size
// of every file.
func (p *plan) dataCatalog() *opendata.Catalog {
	cfg := p.cfg
	cat := &opendata.Catalog{URL: cfg.AbsURL(catalogPath), Title: "Dữ liệu mở – " + cfg.Title,
		Description: "Dữ liệu công khai của " + cfg.Jurisdiction.Name + ": thủ tục hành chính, danh bạ và số liệu kết quả phục vụ.",
		Home:        cfg.AbsURL("/"), Page: cfg.AbsURL(openDataPath), Publisher: cfg.OpenData.Publisher, Email: cfg.OpenData.Email,
		License:  opendata.License{Name: cfg.OpenData.License, URL: cfg.OpenData.LicenseURL},
		Language: cfg.Language, Area: opendata.Area{Name: cfg.Jurisdiction.Name, Parent: cfg.Jurisdiction.Parent}}
	for _, e := range p.exports {
		d := opendata.Dataset{ID: e.view.ID, Title: e.view.Title, Description: e.view.Description, Page: cfg.AbsURL(e.view.Path),
			Keywords: e.keywords, Updated: e.view.Updated}
		for _, f := range e.files {
			schema := ""
			if f.schema != "" {
				schema = cfg.AbsURL(f.schema)
			}
			d.Files = append(d.Files, opendata.File{Title: f.title, URL: cfg.AbsURL(f.path), MediaType: f.media, Format: f.euFormat,
				Size: p.fileSize(f.path), Schema: schema})
		}
		cat.Datasets = append(cat.Datasets, d)
	}
	return cat
}

// fileSize is the size of the output at sitePath: -1 when unknown. For a
// streamed file it waits until the file is written, which its job,
// dispatched before any page that asks, does.
func (p *plan) fileSize(sitePath string) int64 {
	j := p.byPath[sitePath[1:]]
	switch {
	case j == nil:
		return -1
	case j.streamed != nil:
		return j.streamed.wait()
	case j.copy != "":
		info, err := os.Stat(j.copy)
		if err != nil {
			return -1
		}
		return info.Size()
	}
	return int64(len(j.bytes))
}

// resetStreams makes the size of every streamed file unknown again,
// before its stream runs.
func (p *plan) resetStreams() {
	for _, j := range p.jobs {
		if j.streamed != nil {
			j.streamed.reset()
		}
	}
}

// runStream writes the files of a streamed job (its own and those of its
// outputs' with) into temporary files, then publishes each with
// out.CopyFile (which writes nothing when the destination holds the same
// bytes), and records their sizes.
func (p *plan) runStream(j *job, out sink) (err error) {
	jobs := []*job{j}
	for _, o := range j.with {
		jobs = append(jobs, p.byPath[o.path])
	}
	sizes := make([]int64, len(jobs))
	for i := range sizes {
		sizes[i] = -1
	}
	defer func() {
		for i, sj := range jobs {
			sj.streamed.size = sizes[i]
			close(sj.streamed.done)
		}
	}()
	files := make([]*os.File, len(jobs))
	bufs := make([]*bufio.Writer, len(jobs))
	ws := make([]io.Writer, len(jobs))
	defer func() {
		for _, f := range files {
			if f != nil {
				f.Close()
				os.Remove(f.Name())
			}
		}
	}()
	for i := range jobs {
		if files[i], err = os.CreateTemp("", "congkhai-export-*"); err != nil {
			return err
		}
		bufs[i] = bufio.NewWriterSize(files[i], 256<<10)
		ws[i] = bufs[i]
	}
	if err := j.stream(p, ws); err != nil {
		return err
	}
	for i, sj := range jobs {
		if err := bufs[i].Flush(); err != nil {
			return err
		}
		info, err := files[i].Stat()
		if err != nil {
			return err
		}
		if err := out.CopyFile(sj.path, files[i].Name()); err != nil {
			return err
		}
		sizes[i] = info.Size()
	}
	return nil
}

// receptionDates are the dated receptions the schedule page and the
// calendar list: reception on every working day is said once in words,
// and listing each day would drown the dated receptions.
func receptionDates(c *checkedSite) []contacts.Occurrence {
	var dated []contacts.Occurrence
	for _, o := range c.dir.Occurrences(c.today, c.cfg.Directory.Months) {
		if o.Reception.Rule.Freq != contacts.Workdays {
			dated = append(dated, o)
		}
	}
	return dated
}

// feedJobs lists the Atom feeds of every edition: the procedures changed
// last, those of each field, and the pages of every other section with
// dates, each in its edition's language.
func feedJobs(c *checkedSite, add func(*output)) {
	c.feedLinks = map[string][]render.FeedLink{}
	for _, ed := range c.editions {
		editionFeeds(c, ed, add)
	}
}

// editionFeeds lists the feeds of one edition.
func editionFeeds(c *checkedSite, ed *edition, add func(*output)) {
	cfg := ed.cfg
	t := ed.loc.T
	rights := ""
	if cfg.OpenData.HasLicense() {
		rights = cfg.OpenData.License + " – " + cfg.OpenData.LicenseURL
	}
	publisher := ed.loc.NameOf(cfg.OpenData.Publisher)
	feed := func(title, page string, pages []*content.Page, summary func(*content.Page) string, category func(*content.Page) string) *output {
		self := page + feedFile
		sorted := slices.Clone(pages)
		slices.SortStableFunc(sorted, func(a, b *content.Page) int {
			if c := b.LastChanged().Compare(a.LastChanged()); c != 0 {
				return c
			}
			return cmp.Compare(a.Path, b.Path)
		})
		sorted = sorted[:min(len(sorted), opendata.FeedEntries)]
		f := &opendata.Feed{Title: title, ID: cfg.AbsURL(self), Self: cfg.AbsURL(self), Page: cfg.AbsURL(page), Author: publisher,
			Rights: rights, Language: cfg.Language}
		for _, pg := range sorted {
			f.Entries = append(f.Entries, opendata.Entry{Title: pg.Title, URL: cfg.AbsURL(pg.Path), Updated: pg.LastChanged(), Summary: summary(pg), Category: category(pg)})
		}
		c.feedLinks[page] = append(c.feedLinks[page], render.FeedLink{Title: title, Path: self})
		o := madeFile(self, "the feed of "+page, f.Atom)
		if ed.n > 0 {
			o.ed = ed
		}
		return o
	}
	noCategory := func(*content.Page) string { return "" }
	var siteFeeds []render.FeedLink
	if cat := ed.catalog; cat.Section != nil && len(ed.site.Procedures) > 0 {
		field := func(pg *content.Page) string { return pg.Procedure.Field }
		summary := func(pg *content.Page) string { return procedureSummary(ed.loc, pg) }
		add(feed(t("Procedures updated lately – %s", cfg.Title), cat.Section.Path, ed.site.Procedures, summary, field))
		siteFeeds = append(siteFeeds, c.feedLinks[cat.Section.Path]...)
		for _, g := range cat.Fields.Groups {
			add(feed(t("Procedures of the field %s updated lately – %s", g.Name, cfg.Title), g.Path, g.Procedures, summary, noCategory))
		}
	}
	for _, sec := range ed.site.Pages {
		if sec.Kind != content.KindSection || sec == ed.site.ProcedureSection {
			continue
		}
		dated := slices.DeleteFunc(slices.Clone(sec.Pages), func(pg *content.Page) bool { return pg.LastChanged().IsZero() })
		if len(dated) == 0 {
			continue
		}
		add(feed(sec.Title+" – "+cfg.Title, sec.Path, dated, func(pg *content.Page) string { return pg.Description }, noCategory))
		siteFeeds = append(siteFeeds, c.feedLinks[sec.Path]...)
	}
	c.feedLinks[ed.Path] = siteFeeds
	if ed.n == 0 {
		c.feedLinks[openDataPath] = siteFeeds
	}
}

// procedureSummary says what a procedure is, for its feed entry: its
// description, or its field, agency and levels.
func procedureSummary(loc *locale.Locale, pg *content.Page) string {
	p := pg.Procedure
	if p.Description != "" {
		return p.Description
	}
	var levels []string
	for _, l := range p.Level {
		levels = append(levels, loc.Text(l.Label()))
	}
	return loc.T("Procedure code %s. Field %s; %s; handled by %s. Synchronised on %s.",
		p.Code, p.Field, strings.Join(levels, ", "), p.Agency, loc.Date(p.SyncedAt.Time()))
}
