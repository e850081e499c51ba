package build

import (
	"bytes"

	"github.com/congkhai/congkhai/internal/contacts"
	"github.com/congkhai/congkhai/internal/problem"
	"github.com/congkhai/congkhai/internal/render"
)

// directoryPaths are where the pages and files of data/danh-ba.toml are
// published.
var directoryPaths = render.DirectoryPaths{
	DirectoryPath: "/danh-ba/",
	PosterPath:    "/danh-ba/in/",
	SchedulePath:  "/lich-tiep-cong-dan/",
	CalendarPath:  "/lich-tiep-cong-dan.ics",
}

// addDirectoryJobs lists the directory page, its poster, the reception
// schedule with its calendar file, and a vCard per person.
func (p *plan) addDirectoryJobs(view *render.Site, problems *problem.List) {
	dir := view.Directory
	add := func(j *job) {
		j.lastmod = dir.Updated
		p.jobs = append(p.jobs, j)
	}
	home := []render.Crumb{homeCrumb}
	const origin = contacts.FileName

	page := func(layout, title, path string, crumbs []render.Crumb) *render.Data {
		return &render.Data{Site: view, Layout: layout, Title: title, Path: path, Breadcrumbs: crumbs}
	}
	add(&job{path: indexFile(directoryPaths.DirectoryPath), origin: origin, layout: render.LayoutDirectory, html: true,
		data: page(render.LayoutDirectory, "Đường dây nóng và danh bạ", directoryPaths.DirectoryPath, home)})
	dirCrumbs := append(home, render.Crumb{Title: "Đường dây nóng và danh bạ", Path: directoryPaths.DirectoryPath})
	add(&job{path: indexFile(directoryPaths.PosterPath), origin: origin, layout: render.LayoutPoster, html: true,
		data: page(render.LayoutPoster, "Đường dây nóng – bản in A4", directoryPaths.PosterPath, dirCrumbs)})

	months := p.cfg.Directory.Months
	var dated []contacts.Occurrence
	for _, o := range dir.Occurrences(view.Today, months) {
		// Reception on every working day is said once in words; listing
		// each day would drown the dated receptions.
		if o.Reception.Rule.Freq != contacts.Workdays {
			dated = append(dated, o)
		}
	}
	schedule := page(render.LayoutReception, "Lịch tiếp công dân", directoryPaths.SchedulePath, home)
	schedule.Occurrences = dated
	schedule.Until = view.Today.AddDate(0, months, 0)
	add(&job{path: indexFile(directoryPaths.SchedulePath), origin: origin, layout: render.LayoutReception, html: true, data: schedule})

	opts := contacts.Options{
		ProdID:       "-//congkhai//congkhai//VI",
		Domain:       p.cfg.Base.Hostname(),
		Stamp:        view.Today,
		CalendarName: "Lịch tiếp công dân – " + p.cfg.Jurisdiction.Name,
	}
	var ics bytes.Buffer
	if err := contacts.WriteICS(&ics, dated, opts); err != nil {
		problems.Errorf(origin, 0, "", "writing the calendar: %v", err)
	}
	add(&job{path: directoryPaths.CalendarPath[1:], origin: origin, bytes: ics.Bytes()})
	for i := range dir.People {
		person := &dir.People[i]
		var vcf bytes.Buffer
		if err := contacts.WriteVCard(&vcf, person, opts); err != nil {
			problems.Errorf(origin, 0, "", "writing the vCard of %s: %v", person.ID, err)
			continue
		}
		add(&job{path: directoryPaths.VCardPath(person)[1:], origin: origin, bytes: vcf.Bytes()})
	}
}
