package build

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/congkhai/congkhai/internal/catalog"
	"github.com/congkhai/congkhai/internal/config"
	"github.com/congkhai/congkhai/internal/contacts"
	"github.com/congkhai/congkhai/internal/content"
	"github.com/congkhai/congkhai/internal/dataset"
	"github.com/congkhai/congkhai/internal/msg"
	"github.com/congkhai/congkhai/internal/office"
	"github.com/congkhai/congkhai/internal/personaldata"
	"github.com/congkhai/congkhai/internal/problem"
	"github.com/congkhai/congkhai/internal/procedure"
	"github.com/congkhai/congkhai/internal/render"
	"github.com/congkhai/congkhai/internal/static"
)

// checkedSite is a loaded site whose parts have been checked against each
// other, with the procedures grouped and every output file listed: the
// second stage of a build.
type checkedSite struct {
	*loadedSite
	catalog *catalog.Catalog
	// editions are the site in each of its languages, the default first
	// (whose site and catalog are the ones above).
	editions []*edition
	// pairs are the versions of generated pages in other languages whose
	// addresses differ (pairGroups).
	pairs map[pairKey]string
	// dated are the directory's dated receptions (receptionDates), which
	// the schedule of every language, the calendar and the export list.
	dated []contacts.Occurrence
	// outputs are the files the site publishes, in a fixed order: where
	// each goes and what it is made from (listOutputs).
	outputs []*output
	// exports are the families of open data the site publishes, and
	// feedLinks the feeds each page announces, by its path (openDataJobs).
	exports   []*export
	feedLinks map[string][]render.FeedLink
	// dataFailed is set when a data file or a chart did not load or pass,
	// so that a page's chart is not reported as unknown without saying why.
	dataFailed bool
	// unbuilt are the files the site would publish but cannot, because of
	// problems in what they come from, by site path (/danh-ba/index.html),
	// each with where to look (data/danh-ba.toml:83): what links to one
	// says so, rather than that there is no such page.
	unbuilt map[string]string
}

// check runs every check that needs more than one file: the codes pages
// and site.toml refer to, the form files procedures name, the sections, the spellings the lists group by,
// the chart names, personal data anywhere in data/, two outputs at one
// address, and the menu's links.
func check(l *loadedSite, problems *problem.List) *checkedSite {
	c := &checkedSite{loadedSite: l}
	for _, e := range l.site.Editions() {
		e.CheckSections(l.cfg, problems)
		e.CheckCodes(problems)
		// A translation's related procedures are the site's codes: one
		// not translated is listed in the site's language.
		checkRelated(e, l.site, problems)
		checkForms(e, l.static, problems)
	}
	l.site.CheckTranslations(problems)
	popular := checkPopular(l.opts.Source, l.cfg, l.site, problems)
	c.catalog = catalog.Build(l.site, popular, l.locales[0])
	c.catalog.CheckSpellings(problems)
	c.editions = newEditions(c, popular)
	for _, ed := range c.editions[1:] {
		ed.catalog.CheckSpellings(problems)
		c.pairGroups(ed)
	}
	if l.offices != nil {
		var fields []string
		for _, g := range c.catalog.Fields.Groups {
			fields = append(fields, g.Name)
		}
		l.offices.CheckReferences(func(code string) bool { return l.site.ProcedureByCode(code) != nil }, fields, problems)
		checkReceived(l, problems)
	}

	before := problems.Errors()
	l.charts.CheckNames(problems)
	c.dataFailed = l.dataLoadFailed || problems.Errors() > before
	personaldata.Lint(l.data, l.consented, problems)

	if l.dir != nil {
		c.dated = receptionDates(c)
	}
	c.outputs = listOutputs(c)
	c.unbuilt = unbuiltOutputs(c, problems)
	checkCollisions(l.site, c.outputs, problems)
	checkMenu(l.opts.Source, l.cfg, c.outputs, c.unbuilt, problems)
	return c
}

// unbuiltOutputs lists the files that problems keep the site from
// publishing: the page of a content file that did not load, the pages and
// files of a directory in error, the dashboard when a data file or
// ECharts is missing or wrong, and the CSV file of a dataset in error.
func unbuiltOutputs(c *checkedSite, problems *problem.List) map[string]string {
	unbuilt := map[string]string{}
	see := func(file string) string {
		if p, ok := problems.FirstError(file); ok {
			return p.Place()
		}
		return file
	}
	for _, f := range c.site.Failed {
		unbuilt["/"+indexFile(f.Path)] = see(f.File)
	}
	if c.dir == nil {
		if p, ok := problems.FirstError(contacts.FileName); ok {
			for _, path := range []string{indexFile(directoryPaths.DirectoryPath), indexFile(directoryPaths.PosterPath),
				indexFile(directoryPaths.SchedulePath), directoryPaths.CalendarPath[1:]} {
				unbuilt["/"+path] = p.Place()
			}
		}
	}
	if c.offices == nil {
		if p, ok := problems.FirstError(office.FileName); ok {
			unbuilt["/"+indexFile(render.OfficesPath)] = p.Place()
		}
	}
	var dataProblem string
	for _, p := range problems.Sorted() {
		if p.Severity != problem.Error || !strings.HasPrefix(p.File, dataset.Folder+"/") || p.File == contacts.FileName || p.File == office.FileName {
			continue
		}
		if dataProblem == "" {
			dataProblem = p.Place()
		}
		if base, ok := strings.CutSuffix(path.Base(p.File), path.Ext(p.File)); ok {
			csv := csvDir + base + ".csv"
			if _, seen := unbuilt[csv]; !seen {
				unbuilt[csv] = see(p.File)
			}
		}
	}
	if c.echarts == nil {
		if p, ok := problems.FirstError(echartsFile); ok {
			dataProblem = p.Place()
		}
		if dataProblem != "" {
			unbuilt["/"+indexFile(dashboardPath)] = dataProblem
		}
	}
	// What is published after all is not unbuilt.
	for _, o := range c.outputs {
		delete(unbuilt, "/"+o.path)
	}
	return unbuilt
}

// checkPopular returns the popular codes that exist and reports the others.
func checkPopular(dir string, cfg *config.Config, site *content.Site, problems *problem.List) []string {
	var ok []string
	for i, code := range cfg.Procedures.Popular {
		if site.ProcedureByCode(code) == nil {
			field := fmt.Sprintf("procedures.popular[%d]", i)
			problems.Errorf(config.FileName, config.FieldLine(dir, field), field, "%s", noProcedure(site, code, problems))
			continue
		}
		ok = append(ok, code)
	}
	return ok
}

// noProcedure says why no procedure has the code: none has it, or the
// file that has it could not be built, and where to look.
func noProcedure(site *content.Site, code string, problems *problem.List) msg.Text {
	for _, f := range site.Failed {
		if f.Code == code {
			where := f.File
			if p, ok := problems.FirstError(f.File); ok {
				where = p.Place()
			}
			return msg.T("%q is the code of %s, which could not be built: see %s", code, f.File, where)
		}
	}
	return msg.T("no procedure has the code %q", code)
}

// checkForms checks that every form a procedure names is a file of the
// site's static folder.
func checkForms(site *content.Site, files *static.Files, problems *problem.List) {
	for _, p := range site.Procedures {
		for _, f := range p.Forms {
			if _, ok := files.StaticFile(f.File); !ok {
				problems.Errorf(p.File, content.FieldLine(site.Dir, p, f.Field()), f.Field(), "%q not found: put the form at %s%s", f.File, static.StaticDir, f.File)
			}
		}
	}
}

// checkRelated checks the codes of the related procedures of an
// edition's pages against the site's (the default edition's) codes.
func checkRelated(ed, site *content.Site, problems *problem.List) {
	for _, p := range ed.Procedures {
		for i, code := range p.Procedure.Related {
			if code == p.Procedure.Code {
				f := fmt.Sprintf("related[%d]", i)
				problems.Errorf(p.File, content.FieldLine(site.Dir, p, f), f, "a procedure cannot be related to itself")
			} else if site.ProcedureByCode(code) == nil && ed.ProcedureByCode(code) == nil {
				f := fmt.Sprintf("related[%d]", i)
				problems.Errorf(p.File, content.FieldLine(site.Dir, p, f), f, "%s", noProcedure(site, code, problems))
			}
		}
	}
}

// checkCollisions reports two outputs written to one file. When a page and
// a redirect collide, the redirect is blamed: the old address is the one to
// drop.
func checkCollisions(site *content.Site, outputs []*output, problems *problem.List) {
	seen := map[string]*output{}
	for _, j := range outputs {
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
			line = content.FieldLine(site.Dir, j.page, field)
		}
		problems.Errorf(file, line, field, "/%s is also produced by %s: each address can hold one page", j.path, other.origin)
	}
	// A file and a folder of the same name cannot both be written: an
	// alias /sitemap.xml is written as sitemap.xml/index.html.
	blamedFiles := map[*output]bool{} // a file is reported once, not once per page below it
	for _, j := range outputs {
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
				line = content.FieldLine(site.Dir, blamed.page, field)
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

// checkMenu reports menu entries that point at no page, or at one that
// problems elsewhere keep from being built.
func checkMenu(dir string, cfg *config.Config, outputs []*output, unbuilt map[string]string, problems *problem.List) {
	published := map[string]bool{}
	for _, o := range outputs {
		published["/"+o.path] = true
	}
	type entry struct {
		field string
		item  config.MenuItem
	}
	var menu []entry
	for i, m := range cfg.Menu {
		menu = append(menu, entry{fmt.Sprintf("menu[%d].url", i), m})
	}
	for _, e := range cfg.Editions()[1:] {
		for i, m := range e.Menu {
			menu = append(menu, entry{fmt.Sprintf("languages.%s.menu[%d].url", e.Lang, i), m})
		}
	}
	for _, me := range menu {
		m, field := me.item, me.field
		u, _, _ := strings.Cut(m.URL, "#")
		if published[u] || published[u+"index.html"] || published[u+"/index.html"] {
			continue
		}
		if where, ok := lookupFile(unbuilt, u); ok {
			problems.Errorf(config.FileName, config.FieldLine(dir, field), field, "%q could not be built: see %s", m.URL, where)
			continue
		}
		problems.Errorf(config.FileName, config.FieldLine(dir, field), field, "%q is not a page of this site", m.URL)
	}
}

// lookupFile finds an address in a map of files by site path, as a file
// or as a page (/a/ and /a are /a/index.html).
func lookupFile[V any](files map[string]V, addr string) (V, bool) {
	for _, f := range []string{addr, addr + "index.html", addr + "/index.html"} {
		if v, ok := files[f]; ok {
			return v, true
		}
	}
	var zero V
	return zero, false
}

// checkReceived warns of each procedure of the jurisdiction's level, in
// force on the reference date, that no reception point receives, by its
// code or its field: its page can only give its reception_address, with
// no hours and no week. A procedure of another level (a province's, filed
// with its police) may be received elsewhere.
func checkReceived(l *loadedSite, problems *problem.List) {
	for _, pg := range l.site.Procedures {
		pr := pg.Procedure
		own := slices.ContainsFunc(pr.Level, func(lv procedure.Level) bool { return string(lv) == l.cfg.Jurisdiction.Level })
		if !own || !pr.InForceOn(l.today) || len(l.offices.For(pr.Code, pr.Field)) > 0 {
			continue
		}
		problems.Warnf(pg.File, content.FieldLine(l.opts.Source, pg, "field"), "field",
			"no reception point of %s receives this procedure (code %s, field %q): add its code or its field to the points that take it, so that its page says where to go and when",
			office.FileName, pr.Code, pr.Field)
	}
}
