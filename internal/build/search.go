package build

import (
	"maps"
	"slices"
	"strings"

	"github.com/congkhai/congkhai/internal/catalog"
	"github.com/congkhai/congkhai/internal/content"
	"github.com/congkhai/congkhai/internal/locale"
	"github.com/congkhai/congkhai/internal/procedure"
	"github.com/congkhai/congkhai/internal/render"
	"github.com/congkhai/congkhai/internal/search"
	"github.com/congkhai/congkhai/internal/vntext"
)

// Where the search page and its index are published.
const (
	searchPath      = "/tim-kiem/"
	searchIndexPath = searchPath + "index/"
)

// searchJobs lists the search page, whose content without JavaScript is
// the browse groups and how to find a procedure, and the index's
// manifest, which stands for every file of the index: their names are
// only known once every page is written.
func searchJobs(ed *edition, add func(*output)) {
	add(generated(&output{path: indexFile(ed.path(searchPath)), origin: "the search page"},
		render.Data{Layout: render.LayoutSearch, Title: ed.loc.T("Search"), Path: ed.path(searchPath), Breadcrumbs: []render.Crumb{ed.home()}}))
	add(&output{path: ed.path(searchIndexPath)[1:] + search.ManifestName, origin: "the search index", searchIndex: true})
}

// newSearch makes the index of the plan's documents, with the words of
// those that have no body already in it: the lists, the directory's
// pages and every person, unit and hotline. Content pages are added as
// they are rendered (indexPage), since their text is read only then.
func (p *plan) newSearch(ed *edition) *search.Builder {
	var docs []search.Doc
	var generated []*job // pages without a file, each with its doc
	facets := facetsOf(ed.catalog)
	for _, j := range p.jobs {
		if p.editionOf(j.output) != ed {
			continue
		}
		d, ok := p.searchDoc(j, facets)
		if !ok {
			continue
		}
		j.searchDoc = len(docs)
		docs = append(docs, d)
		if j.page == nil {
			generated = append(generated, j)
		}
	}
	var people []contactDoc
	if p.dir != nil && ed.addrs[ed.path(directoryPaths.DirectoryPath)] {
		people = p.contactDocs(ed)
		for i := range people {
			people[i].slot = len(docs)
			docs = append(docs, people[i].doc)
		}
	}
	b, ids := search.NewBuilder(docs)
	w := b.NewWriter()
	for _, j := range p.jobs {
		if j.searchDoc >= 0 && p.editionOf(j.output) == ed {
			j.searchDoc = ids[j.searchDoc]
		}
	}
	for _, j := range generated {
		w.Begin(j.searchDoc)
		w.Add(search.Title, j.data.Title)
		w.Add(search.Description, generatedDescription(ed, j.data))
		w.End()
	}
	for _, c := range people {
		w.Begin(ids[c.slot])
		w.Add(search.Title, c.doc.Title)
		c.add(w)
		w.End()
	}
	return b
}

// searchDoc says what the index knows of a job's page before it is
// rendered; ok is false for what is not searched (redirects, files, the
// not-found page, the poster, the search page, later pages of a list).
func (p *plan) searchDoc(j *job, facets map[*content.Page][]string) (d search.Doc, ok bool) {
	j.searchDoc = -1
	if !j.html || j.alias > 0 {
		return d, false
	}
	if pg := j.page; pg != nil {
		d = search.Doc{Kind: search.Page, URL: pg.Path, Title: pg.Title}
		if pr := pg.Procedure; pg.Kind == content.KindProcedure && pr != nil {
			d.Kind, d.Code = search.Procedure, pr.Code
			d.Sub = pr.Field + " · " + pr.Agency
			d.Facets = facets[pg]
		} else if pg.Parent != nil && pg.Parent.Kind != content.KindHome {
			d.Sub = pg.Parent.Title
		}
		return d, true
	}
	data := j.data
	if data == nil {
		// Made late (the open data pages, which give the sizes of files
		// written by then): not searched.
		return d, false
	}
	switch data.Layout {
	case render.LayoutGroups, render.LayoutDirectory, render.LayoutReception, render.LayoutDashboard,
		render.LayoutOffices, render.LayoutOffice, render.LayoutLate, render.LayoutFeedback, render.LayoutLookup, render.LayoutStatement:
		return search.Doc{Kind: search.Page, URL: data.Path, Title: data.Title}, true
	case render.LayoutGroup:
		if data.Paginator.Number > 1 {
			return d, false
		}
		return search.Doc{Kind: search.Page, URL: data.Path, Title: data.Title, Sub: data.Dimension.Title}, true
	}
	return d, false
}

// generatedDescription is what a result quotes of a generated page.
func generatedDescription(ed *edition, d *render.Data) string {
	t := ed.loc.T
	switch d.Layout {
	case render.LayoutGroup:
		return ed.loc.Plural(len(d.Group.Procedures), "%d administrative procedure of %s %s.", "%d administrative procedures of %s %s.",
			len(d.Group.Procedures), strings.ToLower(d.Dimension.Title), d.Group.Name)
	case render.LayoutGroups:
		return t("Administrative procedures by %s.", strings.ToLower(d.Title))
	case render.LayoutDirectory:
		return t("The phone numbers and official e-mail addresses of the leaders, and the hotlines that take complaints and proposals.")
	case render.LayoutReception:
		return t("When the leaders receive citizens: days, hours and places.")
	case render.LayoutDashboard:
		return t("How dossiers were handled, how satisfied citizens are, and the indexes of administrative reform.")
	case render.LayoutOffices:
		return t("Where to hand in applications and collect the results: addresses, opening hours and the fields each place handles.")
	case render.LayoutOffice:
		return t("Address, opening hours and the procedures this place takes applications for.")
	case render.LayoutLate:
		return t("Applications handled late, by agency and month, and the letters of apology sent to citizens.")
	case render.LayoutFeedback:
		return t("How to send feedback, a complaint or a proposal about an administrative procedure.")
	case render.LayoutLookup:
		return t("Check the status of your application with the number on your receipt.")
	case render.LayoutStatement:
		return t("How accessible this portal is, what is not yet, and whom to tell about a problem.")
	}
	return ""
}

// facetsOf lists, for every procedure, the browse groups it is in, as the
// search page's filters name them: the last folder of the dimension's
// address and the group's slug ("linh-vuc=ho-tich").
func facetsOf(cat *catalog.Catalog) map[*content.Page][]string {
	out := map[*content.Page][]string{}
	for _, dim := range cat.Dimensions() {
		for _, g := range dim.Groups {
			for _, pg := range g.Procedures {
				out[pg] = append(out[pg], dim.Key()+"="+g.Slug)
			}
		}
	}
	return out
}

// contactDoc is a person, a unit or a hotline of the directory, with what
// it adds to the index besides its name.
type contactDoc struct {
	doc  search.Doc
	add  func(*search.Writer)
	slot int // its place in the list of documents
}

// contactDocs are the directory's hotlines, people and units.
func (p *plan) contactDocs(ed *edition) []contactDoc {
	var out []contactDoc
	dirPath := ed.path(directoryPaths.DirectoryPath)
	name := ed.loc.NameOf
	for i := range p.dir.Hotlines {
		h := &p.dir.Hotlines[i]
		out = append(out, contactDoc{doc: search.Doc{Kind: search.Contact, URL: dirPath + "#" + h.ID, Title: name(h.Name), Sub: joinSub(h.Tel.Display(), name(h.Organization))},
			add: func(w *search.Writer) {
				w.AddPhone(h.Tel)
				for _, n := range h.Numbers {
					w.AddPhone(n.Tel)
				}
				w.Add(search.Meta, name(h.Organization))
				w.Add(search.Meta, name(h.Hours))
				w.Add(search.Body, name(h.Note))
			}})
	}
	for i := range p.dir.People {
		pe := &p.dir.People[i]
		out = append(out, contactDoc{doc: search.Doc{Kind: search.Contact, URL: dirPath + "#" + pe.ID, Title: pe.FullName, Sub: joinSub(name(pe.Position), name(pe.Organization))},
			add: func(w *search.Writer) {
				for _, ph := range pe.Phones {
					w.AddPhone(ph.Tel)
				}
				w.Add(search.Meta, name(pe.Position))
				w.Add(search.Meta, name(pe.Organization))
				w.Add(search.Body, name(pe.Note))
			}})
	}
	for i := range p.dir.Organizations {
		o := &p.dir.Organizations[i]
		out = append(out, contactDoc{doc: search.Doc{Kind: search.Contact, URL: dirPath + "#" + vntext.Slug(o.Name), Title: name(o.Name), Sub: name(o.Address)},
			add: func(w *search.Writer) {
				w.AddPhone(o.Tel)
				w.Add(search.Meta, name(o.Address))
			}})
	}
	return out
}

func joinSub(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + " · " + b
}

// indexPage adds a rendered content page to the index: its title, its
// description, its record's fields and the text of its body (body.text).
func (p *plan) indexPage(j *job, text []byte, rec *procedure.Procedure, bufs *pageBuffers) {
	ed := p.editionOf(j.output)
	if ed.search == nil || j.searchDoc < 0 {
		return
	}
	if len(bufs.search) <= ed.n {
		bufs.search = append(bufs.search, make([]*search.Writer, ed.n+1-len(bufs.search))...)
	}
	if bufs.search[ed.n] == nil {
		bufs.search[ed.n] = ed.search.NewWriter()
	}
	w := bufs.search[ed.n]
	pg := j.page
	w.Begin(j.searchDoc)
	w.Add(search.Title, pg.Title)
	// The description, then the text, are what a result quotes.
	w.Add(search.Description, pg.Description)
	w.AddBytes(search.Body, text)
	if rec != nil {
		addRecord(w, rec, ed.loc)
	}
	w.End()
}

// addRecord indexes what a procedure's record says besides its title and
// description: its codes, keywords, field, agency, levels, results and
// subjects, and the papers to bring, with the numbers of its legal basis,
// as body text. Fees, times and notes are left to the page: the index
// costs every build the time to read what it holds.
func addRecord(w *search.Writer, rec *procedure.Procedure, loc *locale.Locale) {
	w.Add(search.Code, rec.Code)
	for _, c := range rec.LegacyCodes {
		w.Add(search.Code, c)
	}
	for _, k := range rec.Keywords {
		w.Add(search.Keywords, k)
	}
	w.Add(search.Meta, rec.Field)
	w.Add(search.Meta, rec.Agency)
	for _, l := range rec.Level {
		w.Add(search.Meta, loc.Text(l.Label()))
	}
	for _, r := range rec.Result {
		w.Add(search.Meta, r)
	}
	for _, s := range rec.Subjects {
		w.Add(search.Meta, s)
	}
	for _, c := range rec.Dossier {
		for _, d := range c.Documents {
			w.Add(search.Body, d.Name)
			if d.Form != nil {
				w.Add(search.Body, d.Form.Title)
			}
		}
	}
	for _, l := range rec.LegalBasis {
		w.Add(search.Body, l.Number)
	}
}

// writeSearch writes the files of the index into out. A partial build
// (a Session's, after an edit) leaves out the files the last build wrote:
// their names are hashes of their content, so a name the index still has
// holds what it held. It returns how many files the index has.
func (p *plan) writeSearch(out sink, partial bool) (files int, err error) {
	for _, ed := range p.editions {
		n, err := p.writeSearchOf(ed, out, partial)
		files += n
		if err != nil {
			return files, err
		}
	}
	return files, nil
}

// writeSearchOf writes the index of one edition, as writeSearch does.
func (p *plan) writeSearchOf(ed *edition, out sink, partial bool) (files int, err error) {
	if ed.search == nil {
		return 0, nil
	}
	dir := ed.path(searchIndexPath)[1:]
	written := map[string]bool{}
	for _, f := range ed.search.Files() {
		written[f.Name] = true
		if partial && ed.searchFiles[f.Name] && f.Name != search.ManifestName {
			continue
		}
		if err := out.WriteFile(dir+f.Name, f.Data); err != nil {
			return len(written), err
		}
	}
	// A file of the index is named by a hash of its content: those of the
	// last build that no longer are the index's are taken out, so that the
	// folder holds what a whole build writes.
	if r, ok := out.(remover); ok && partial {
		for _, name := range slices.Sorted(maps.Keys(ed.searchFiles)) {
			if !written[name] {
				if err := r.Remove(dir + name); err != nil {
					return len(written), err
				}
			}
		}
	}
	ed.searchFiles = written
	return len(written), nil
}

// remover is an output that can take a file out: a Session's, which
// updates the last build in place.
type remover interface {
	Remove(sitePath string) error
}
