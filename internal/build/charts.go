package build

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/congkhai/congkhai/internal/chart"
	"github.com/congkhai/congkhai/internal/dataset"
	"github.com/congkhai/congkhai/internal/markdown"
	"github.com/congkhai/congkhai/internal/problem"
	"github.com/congkhai/congkhai/internal/render"
)

const (
	// dashboardPath is the performance dashboard.
	dashboardPath = "/ket-qua-phuc-vu/"
	// csvDir is where the CSV files behind the charts are published.
	csvDir = "/du-lieu/"
	// echartsFile is the ECharts build the portal serves itself, from the
	// npm package pinned in package-lock.json: the "common" build has line
	// and bar charts, the SVG renderer, aria descriptions and decal
	// patterns, at two thirds of the full build's size.
	echartsFile = "node_modules/echarts/dist/echarts.common.min.js"
)

// csvPath is where a dataset's CSV file is published.
func csvPath(ds *dataset.Dataset) string { return csvDir + ds.Name + ".csv" }

// addDataJobs publishes every CSV file and, when the site has charts,
// ECharts and the dashboard with every chart and the latest key figures.
func (p *plan) addDataJobs(view *render.Site, problems *problem.List) {
	for _, ds := range p.sets {
		p.jobs = append(p.jobs, &job{path: csvPath(ds)[1:], origin: ds.CSVFile, copy: filepath.Join(p.site.Dir, filepath.FromSlash(ds.CSVFile))})
	}
	if len(p.charts.All()) == 0 {
		return
	}
	src, err := os.ReadFile(filepath.Join(p.site.Dir, filepath.FromSlash(echartsFile)))
	if err != nil {
		problems.Errorf(echartsFile, 0, "", "not found: the charts in data/ need ECharts, which the portal serves itself; run `npm ci` in the site folder (package.json pins echarts 5.6.0), or `npm install echarts@5.6.0`")
		return
	}
	sum := sha256.Sum256(src)
	view.EChartsPath = "/js/echarts." + hex.EncodeToString(sum[:5]) + ".js"
	p.jobs = append(p.jobs, &job{path: view.EChartsPath[1:], origin: echartsFile, bytes: src})

	d := &render.Data{Site: view, Layout: render.LayoutDashboard, Title: "Kết quả phục vụ người dân, doanh nghiệp",
		Path: dashboardPath, HasCharts: true, Breadcrumbs: []render.Crumb{homeCrumb}}
	seen := map[string]bool{}
	var lastmod time.Time
	for _, ds := range p.sets {
		v := &render.DatasetView{Title: ds.Title, Description: ds.Description, Source: ds.Source, SourceURL: ds.SourceURL,
			Updated: ds.Updated, Fictional: ds.Fictional, CSVPath: csvPath(ds)}
		for _, spec := range p.charts.All() {
			if spec.Dataset != ds {
				continue
			}
			c, err := chart.New(dashboardPath, spec)
			if err != nil {
				ds.Errorf(problems, spec.Field(), "%v", err)
				continue
			}
			v.Figures = append(v.Figures, render.NewFigure(c, csvPath(ds)))
			for _, h := range c.Highlights {
				if !seen[h.Label] {
					seen[h.Label] = true
					d.KeyFigures = append(d.KeyFigures, h)
				}
			}
		}
		d.Datasets = append(d.Datasets, v)
		if ds.Updated.After(lastmod) {
			lastmod = ds.Updated
		}
	}
	view.DashboardPath = dashboardPath
	p.jobs = append(p.jobs, &job{path: indexFile(dashboardPath), origin: "the dashboard", layout: render.LayoutDashboard, html: true, data: d, lastmod: lastmod})
}

// chartHTML renders the charts a page places in its Markdown through
// partials/chart.html.
func (p *plan) chartHTML(page string) func(markdown.Embed) ([]byte, error) {
	return func(e markdown.Embed) ([]byte, error) {
		spec, ok := p.charts.Find(e.Name)
		if !ok {
			return nil, fmt.Errorf("unknown chart %q", e.Name)
		}
		c, err := chart.New(page, spec)
		if err != nil {
			return nil, err
		}
		return p.layouts.ExecutePartial("partials/chart.html", render.NewFigure(c, csvPath(spec.Dataset)))
	}
}
