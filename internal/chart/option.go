package chart

import (
	"encoding/json"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/congkhai/congkhai/internal/chart/spec"
	"github.com/congkhai/congkhai/internal/dataset"
	"github.com/congkhai/congkhai/internal/locale"
)

// item is a data point with a label of its own: the value already written
// the way of the page's language, because ECharts would write 1840.5 as
// "1,840.5" on a Vietnamese page.
// Label texts hold digits, "," "." and "%" only, never text from a CSV
// cell, so ECharts' {a}/{b}/{c} templates cannot be triggered.
type item struct {
	Value any         `json:"value"`
	Label *opts.Label `json:"label,omitempty"`
}

// echart is what go-echarts' Bar and Line have in common.
type echart interface {
	Validate()
	JSON() map[string]any
}

// option builds the ECharts option of a frame with go-echarts and writes
// it as JSON: Validate() first (it moves the axis data into place), then
// json.Marshal of JSON(), which escapes <, > and &. go-echarts' page
// renderer, its asset host and its inline script are never used.
func option(loc *locale.Locale, f *Frame, id, height, description string) ([]byte, error) {
	labels := make([]string, len(f.Categories))
	for i, v := range f.Categories {
		labels[i] = categoryLabel(loc, v)
	}
	global := []charts.GlobalOpts{
		charts.WithInitializationOpts(opts.Initialization{ChartID: id, Renderer: Renderer, Width: "100%", Height: height, Theme: "white"}),
		charts.WithColorsOpts(opts.Colors(Palette())),
		charts.WithAnimation(false),
		charts.WithAriaOpts(&opts.Aria{
			Enabled: opts.Bool(true),
			Label:   &opts.AriaLabel{Enabled: opts.Bool(true), Description: description},
			Decal:   &opts.AriaDecal{Show: opts.Bool(true)},
		}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Type: "scroll", Bottom: "0"}),
	}
	var c echart
	switch {
	case f.Chart.Kind == spec.Ranking:
		c = ranking(loc, f, labels, global)
	case f.Chart.Kind == spec.Line:
		c = lineChart(loc, f, labels, global)
	default:
		c = barChart(loc, f, labels, global)
	}
	c.Validate()
	return json.Marshal(c.JSON())
}

func tooltip(pointer string) charts.GlobalOpts {
	return charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis", AxisPointer: &opts.AxisPointer{Type: pointer}})
}

func grid(right string) charts.GlobalOpts {
	return charts.WithGridOpts(opts.Grid{Left: "2%", Right: right, Top: "48", Bottom: "56", ContainLabel: opts.Bool(true)})
}

func categoryAxis(labels []string) opts.XAxis {
	return opts.XAxis{Type: "category", Data: labels, AxisTick: &opts.AxisTick{AlignWithLabel: opts.Bool(true)}}
}

// valueAxis is an axis for the numbers of column c. Bars start at 0;
// lines fit the data (scale) and percentages never pass 100.
func valueAxis(loc *locale.Locale, c *dataset.Column, bars bool) opts.YAxis {
	y := opts.YAxis{Type: "value", Name: unit(loc, c)}
	if bars {
		y.Min = 0
	} else {
		y.Scale = opts.Bool(true)
	}
	if c.Unit == "%" {
		y.Max = 100
	}
	return y
}

// bounded applies the chart's y_min and y_max to its main value axis.
func bounded(y opts.YAxis, c *Spec) opts.YAxis {
	if c.YMin != nil {
		y.Min = *c.YMin
	}
	if c.YMax != nil {
		y.Max = *c.YMax
	}
	return y
}

// lineChart draws lines only: one per column, or one per unit with
// series_by, each with its own symbol and dash type.
func lineChart(loc *locale.Locale, f *Frame, labels []string, global []charts.GlobalOpts) echart {
	l := charts.NewLine()
	l.SetGlobalOptions(append(global, tooltip("line"), grid("4%"),
		charts.WithXAxisOpts(categoryAxis(labels)),
		charts.WithYAxisOpts(bounded(valueAxis(loc, f.Primary(), false), f.Chart)))...)
	l.SetXAxis(labels)
	for i, s := range f.Series {
		l.AddSeries(seriesName(loc, s), nil, lineSeries(loc, f, i, s, 0))
	}
	return l
}

// barChart draws bars, side by side or stacked, and any lines on a second
// axis on the right (0–100 for a rate).
func barChart(loc *locale.Locale, f *Frame, labels []string, global []charts.GlobalOpts) echart {
	b := charts.NewBar()
	var bars, lines []int
	for i, s := range f.Series {
		if s.Role == RoleLine {
			lines = append(lines, i)
		} else {
			bars = append(bars, i)
		}
	}
	main := f.Primary()
	if len(bars) > 0 {
		main = f.Series[bars[0]].Column
	}
	b.SetGlobalOptions(append(global, tooltip("shadow"), grid("4%"),
		charts.WithXAxisOpts(categoryAxis(labels)),
		charts.WithYAxisOpts(bounded(valueAxis(loc, main, true), f.Chart)))...)
	b.SetXAxis(labels)
	for _, i := range bars {
		s := f.Series[i]
		color, _, _ := style(i)
		data := make([]any, len(s.Values))
		for j, v := range s.Values {
			data[j] = plotValue(v, s.Column)
		}
		b.AddSeries(seriesName(loc, s), nil, charts.WithSeriesOpts(func(ss *charts.SingleSeries) {
			ss.Data = data
			ss.ItemStyle = &opts.ItemStyle{Color: color}
			ss.BarMaxWidth = "48"
			if f.Stacked() {
				ss.Stack = "total"
			}
			if mark := breakMark(loc, f, s); mark != nil {
				ss.MarkLines = mark
			}
		}))
	}
	if len(lines) > 0 {
		rate := valueAxis(loc, f.Series[lines[0]].Column, true)
		rate.Position = "right"
		rate.SplitLine = &opts.SplitLine{Show: opts.Bool(false)}
		b.ExtendYAxis(rate)
		l := charts.NewLine()
		for _, i := range lines {
			l.AddSeries(seriesName(loc, f.Series[i]), nil, lineSeries(loc, f, i, f.Series[i], 1))
		}
		b.Overlap(l)
	}
	return b
}

// lineSeries styles the i-th series as a line on y axis yAxis: gaps where
// values are missing (never joined across them), symbols at every point,
// and the latest value written beside the last point.
func lineSeries(loc *locale.Locale, f *Frame, i int, s Series, yAxis int) charts.SeriesOpts {
	color, symbol, dash := style(i)
	data := make([]any, len(s.Values))
	last := -1
	for j, v := range s.Values {
		data[j] = plotValue(v, s.Column)
		if data[j] != nil {
			last = j
		}
	}
	if last >= 0 {
		data[last] = item{Value: data[last], Label: &opts.Label{Show: opts.Bool(true), Position: "top", Color: color, Formatter: shortValue(loc, s.Values[last], s.Column)}}
	}
	return charts.WithSeriesOpts(func(ss *charts.SingleSeries) {
		ss.Data = data
		ss.YAxisIndex = yAxis
		ss.Symbol = symbol
		ss.SymbolSize = 8
		ss.ShowSymbol = opts.Bool(true)
		ss.ConnectNulls = opts.Bool(false)
		ss.ItemStyle = &opts.ItemStyle{Color: color}
		ss.LineStyle = &opts.LineStyle{Color: color, Width: 2, Type: dash}
		ss.LabelLayout = &opts.LabelLayout{HideOverlap: opts.Bool(true)}
		if mark := breakMark(loc, f, s); mark != nil {
			ss.MarkLines = mark
		}
	})
}

// breakMark draws a dashed vertical line, labelled, where series s takes
// over from another unit (see Break), on the series that begins.
func breakMark(loc *locale.Locale, f *Frame, s Series) *opts.MarkLines {
	for _, b := range f.Breaks {
		if b.After != s.Name || s.Former {
			continue
		}
		at := categoryLabel(loc, f.Categories[b.At])
		return &opts.MarkLines{
			Data: []any{opts.MarkLineNameXAxisItem{Name: loc.T("Change of unit"), XAxis: at}},
			MarkLineStyle: opts.MarkLineStyle{
				Symbol:    []string{"none", "none"},
				Label:     &opts.Label{Show: opts.Bool(true), Position: "insideEndTop", Color: "#1f2937", Formatter: loc.T("Change of unit from %s", at)},
				LineStyle: &opts.LineStyle{Color: "#1f2937", Width: 1.5, Type: "dashed"},
			},
		}
	}
	return nil
}

// ranking draws horizontal bars, the first rank at the top, each labelled
// with its value; with parts (bars = [...]) they are stacked and the total
// is written at the end of each bar.
func ranking(loc *locale.Locale, f *Frame, labels []string, global []charts.GlobalOpts) echart {
	b := charts.NewBar()
	x := valueAxis(loc, f.Ranked, true)
	if len(f.Series) > 1 {
		x = valueAxis(loc, f.Series[0].Column, true)
		if f.Ranked.Max != nil {
			x.Max = *f.Ranked.Max
		}
	}
	x = bounded(x, f.Chart)
	b.SetGlobalOptions(append(global, tooltip("shadow"), grid("12%"),
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Name: x.Name, Min: x.Min, Max: x.Max}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true), AxisLabel: &opts.AxisLabel{Width: 220, Overflow: "break"}}))...)
	b.SetXAxis(labels)
	b.XYReversal()
	lastSeries := len(f.Series) - 1
	for i, s := range f.Series {
		color, _, _ := style(i)
		data := make([]any, len(s.Values))
		for j, v := range s.Values {
			data[j] = plotValue(v, s.Column)
			if i == lastSeries && data[j] != nil && !f.RankValues[j].IsMissing() {
				data[j] = item{Value: data[j], Label: &opts.Label{Show: opts.Bool(true), Position: "right", Color: "#1f2937", Formatter: shortValue(loc, f.RankValues[j], f.Ranked)}}
			}
		}
		b.AddSeries(seriesName(loc, s), nil, charts.WithSeriesOpts(func(ss *charts.SingleSeries) {
			ss.Data = data
			ss.ItemStyle = &opts.ItemStyle{Color: color}
			ss.BarMaxWidth = "28"
			if f.Stacked() {
				ss.Stack = "total"
			}
		}))
	}
	return b
}

// shortValue writes a value for a label in the chart: 98,45% or 1.840;
// 98.45% or 1,840.
func shortValue(loc *locale.Locale, v dataset.Value, c *dataset.Column) string {
	s := loc.Number(v.Num, decimals(v, c))
	if c.Unit == "%" {
		s += "%"
	}
	return s
}
