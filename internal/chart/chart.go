// Package chart turns a chart declared in a dataset's description into
// what a page shows: the ECharts option (built with go-echarts and written
// as JSON, never as a script), a caption, a Vietnamese description written
// from the data for screen readers, and the full data as a table, which is
// also what readers without JavaScript see.
//
// A page places a chart as a <figure>: the caption in <figcaption>, the
// option in <script type="application/json" id="ID"> for the site's own
// script to pass to echarts.init(el, null, {renderer: "svg"}), the
// description (aria-describedby), the table and a link to the CSV file.
// The option is JSON from json.Marshal, which writes <, > and & as \u003c,
// \u003e and \u0026, so no text from a CSV cell or a label can end the
// script element.
package chart

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/congkhai/congkhai/internal/dataset"
	"github.com/congkhai/congkhai/internal/vntext"
)

// Renderer is the ECharts renderer every chart uses: SVG scales with the
// page and prints sharply.
const Renderer = "svg"

// Chart is one chart, ready for a page.
type Chart struct {
	// ID is a JavaScript identifier derived from the page and the chart's
	// name, such as chart_ket_qua_phuc_vu_dung_han_theo_thang: the same
	// on every build.
	ID   string
	Name string // the chart's name in the description
	Kind string // line, bar, stacked_bar or ranking

	Caption     string // the chart's title, for <figcaption>
	Description string // Vietnamese sentences written from the data
	OptionJSON  []byte // the ECharts option, for <script type="application/json">
	Renderer    string // always "svg"
	Height      string // a CSS height such as "420px"; the width is left to CSS (100%)
	Table       Table  // every figure drawn, for readers without the chart
	// Highlights are the latest figures, for a dashboard's key numbers.
	Highlights []Highlight

	CSVFile   string // the dataset's CSV, relative to the site folder (data/ho-so-thang.csv), to link for download
	Source    string
	SourceURL string
	Updated   time.Time
	Fictional bool // the figures are made up (example data)
}

// ID returns the chart's element and variable name for page (a path such
// as /ket-qua-phuc-vu/) and chart name: "chart_", then the two as ASCII
// slugs with underscores. Chart names are slugs unique across the site, so
// two charts on one page never share an ID.
func ID(page, name string) string {
	parts := []string{"chart"}
	for _, s := range []string{page, name} {
		if slug := vntext.Slug(s); slug != "" {
			parts = append(parts, strings.ReplaceAll(slug, "-", "_"))
		}
	}
	return strings.Join(parts, "_")
}

// Build draws the chart called name, looked up across the site's
// datasets, for the page at path page.
func Build(page string, sets []*dataset.Dataset, name string) (*Chart, error) {
	ds, spec, ok := dataset.FindChart(sets, name)
	if !ok {
		return nil, fmt.Errorf("no chart is called %q: its name is set in a [[charts]] table of a data/*.toml file", name)
	}
	return BuildSpec(page, ds, spec)
}

// BuildSpec draws chart spec of dataset ds for the page at path page.
func BuildSpec(page string, ds *dataset.Dataset, spec *dataset.ChartSpec) (*Chart, error) {
	if ds == nil || spec == nil {
		return nil, errors.New("no dataset or chart given")
	}
	f, err := ds.Frame(spec)
	if err != nil {
		return nil, err
	}
	c := &Chart{
		ID:        ID(page, spec.Name),
		Name:      spec.Name,
		Kind:      spec.Kind,
		Caption:   spec.Title,
		Renderer:  Renderer,
		Height:    height(f),
		CSVFile:   ds.CSVFile,
		Source:    ds.Source,
		SourceURL: ds.SourceURL,
		Updated:   ds.Updated,
		Fictional: ds.Fictional,
	}
	c.Description = describe(f)
	c.Table = table(f)
	c.Highlights = highlights(f)
	if c.OptionJSON, err = option(f, c.ID, c.Height, c.Description); err != nil {
		return nil, fmt.Errorf("chart %q: %w", spec.Name, err)
	}
	return c, nil
}

// height is the chart's CSS height: fixed for charts over time, and for a
// ranking enough room for each bar.
func height(f *dataset.Frame) string {
	if f.Chart.Kind == dataset.KindRanking {
		return fmt.Sprintf("%dpx", max(240, 96+36*len(f.Categories)))
	}
	return "420px"
}
