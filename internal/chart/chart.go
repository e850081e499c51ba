// Package chart checks the charts declared in the descriptions of a site's
// datasets ([[charts]], see package chart/spec), draws each one's data once
// (Frame), checks the charts pages place with a ```chart block, and turns
// a chart into what a page shows, in the page's language: the ECharts
// option (built with go-echarts and written as JSON, never as a script), a
// caption, a description written from the data for screen readers, and
// the full data as a table, which is also what readers without JavaScript
// see. The frame is drawn once; its words and figures are written for
// each language by New.
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
	"fmt"
	"strings"
	"time"

	"github.com/congkhai/congkhai/internal/chart/spec"
	"github.com/congkhai/congkhai/internal/locale"
	"github.com/congkhai/congkhai/internal/msg"
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
	Description string // sentences written from the data, in the page's language
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

// New draws chart c for the page at path page, in the language of loc:
// its sentences, figures and periods, and the names of the data (title,
// series, columns, units) as the site gives them in that language.
func New(page string, c *Spec, loc *locale.Locale) (*Chart, error) {
	if c == nil || c.frame == nil {
		return nil, msg.Errorf("no chart given")
	}
	if loc == nil {
		return nil, msg.Errorf("chart %q: no language given", c.Name)
	}
	f, ds := c.frame, c.Dataset
	ch := &Chart{
		ID:        ID(page, c.Name),
		Name:      c.Name,
		Kind:      c.Kind,
		Caption:   loc.NameOf(c.Title),
		Renderer:  Renderer,
		Height:    height(f),
		CSVFile:   ds.CSVFile,
		Source:    ds.Source,
		SourceURL: ds.SourceURL,
		Updated:   ds.Updated,
		Fictional: ds.Fictional,
	}
	ch.Description = describe(loc, f)
	ch.Table = table(loc, f)
	ch.Highlights = highlights(loc, f)
	var err error
	if ch.OptionJSON, err = option(loc, f, ch.ID, ch.Height, ch.Description); err != nil {
		return nil, msg.Errorf("chart %q: %w", c.Name, err)
	}
	return ch, nil
}

// height is the chart's CSS height: fixed for charts over time, and for a
// ranking enough room for each bar.
func height(f *Frame) string {
	if f.Chart.Kind == spec.Ranking {
		return fmt.Sprintf("%dpx", max(240, 96+36*len(f.Categories)))
	}
	return "420px"
}
