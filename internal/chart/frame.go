package chart

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/congkhai/congkhai/internal/chart/spec"
	"github.com/congkhai/congkhai/internal/dataset"
	"github.com/congkhai/congkhai/internal/locale"
	"github.com/congkhai/congkhai/internal/msg"
	"github.com/congkhai/congkhai/internal/problem"
)

// maxCategories bounds the periods along an axis: 2000-01 to 2099-12 fits.
const maxCategories = 1200

// maxSeries bounds the series of a chart with series_by: no reader tells
// more lines apart, and a column with a different value on every row (a
// name, a code) would otherwise draw one series per row, slowly.
const maxSeries = 500

// Role says how a series is drawn.
type Role uint8

const (
	RoleBar Role = iota
	RoleLine
)

// Frame is the data of one chart, ready to draw: the categories along the
// axis and, for every series, one value per category (missing where the
// data has none, so that charts show a gap).
type Frame struct {
	Dataset *dataset.Dataset
	Chart   *Spec
	X       *dataset.Column // the axis column; nil for a ranking without periods
	// Categories are the values along the axis: periods in order, every
	// period between the first and the last included (a period absent from
	// the file is a gap, not a jump), or texts in the order of the file.
	// For a ranking they are the units' names, in rank order.
	Categories []dataset.Value
	Series     []Series
	Breaks     []Break

	// Ranking only: the period ranked (nil without x), the ranked column
	// and its value for each category.
	At         *dataset.Period
	Ranked     *dataset.Column
	RankValues []dataset.Value

	// Units holds the chart's main measure per unit at category UnitsAt,
	// largest first, when the dataset has a unit column and two units or
	// more have a value there (the rows of a chart that adds units up).
	Units   []UnitValue
	UnitsAt int
}

// Series is one line or one set of bars.
type Series struct {
	// Name is the column's label, or the group's name with series_by, as
	// the data writes it (Vietnamese); a page shows it in its language.
	Name string
	// Former is set for a unit that no longer exists: its figures are
	// labelled as a former unit's, "Tỉnh Bình Dương (cũ)" (FormerName).
	Former bool
	Column *dataset.Column
	Role   Role
	Values []dataset.Value // one per category
}

// Break marks where one series ends and the next one begins: with
// series_by = "unit_id", Bình Dương until 2024 and Thành phố Hồ Chí Minh
// from 2025. The two are never joined.
type Break struct {
	Last int // the last category of the series that ends
	At   int // the first category of the series that begins
	// Before and After are the names of the two series as the data
	// writes them: Before is a former unit's (FormerName), After is as
	// it was when the break was found.
	Before string
	After  string
}

// UnitValue is a unit's value of a measure.
type UnitValue struct {
	ID    string
	Name  string
	Value dataset.Value
}

// Primary is the measure a chart is mainly about: its first line, else its
// first bar, or the ranked value.
func (f *Frame) Primary() *dataset.Column {
	if f.Ranked != nil {
		return f.Ranked
	}
	c := f.Chart
	if len(c.lines) > 0 {
		return c.lines[0]
	}
	if len(c.bars) > 0 {
		return c.bars[0]
	}
	return nil
}

// Stacked reports whether the bars of the chart are stacked.
func (f *Frame) Stacked() bool {
	return f.Chart.Kind == spec.StackedBar || (f.Chart.Kind == spec.Ranking && len(f.Chart.bars) > 0)
}

// Frame returns the chart's data, drawn once when the site was loaded.
// Every page that places the chart shares it, on several goroutines at
// once: read it, never change it.
func (c *Spec) Frame() *Frame { return c.frame }

// framer draws one chart's data and collects what prevents it.
type framer struct {
	ds     *dataset.Dataset
	c      *Spec
	f      *Frame
	issues []problem.Problem
}

func (b *framer) chartErr(field, format string, args ...any) {
	if len(b.issues) >= 10 {
		return
	}
	b.issues = append(b.issues, problem.Problem{File: b.ds.DescFile, Line: b.ds.Line(b.c.path + field), Field: b.c.path + field}.Say(msg.T(format, args...)))
}

func (b *framer) cellErr(row *dataset.Row, col *dataset.Column, format string, args ...any) {
	if len(b.issues) >= 10 {
		return
	}
	b.issues = append(b.issues, problem.Problem{File: b.ds.CSVFile, Line: row.Line, Field: col.Name}.Say(msg.T(format, args...)))
}

// draw draws the chart's data, or returns what prevents it.
func (c *Spec) draw() (*Frame, []problem.Problem) {
	ds := c.Dataset
	b := &framer{ds: ds, c: c, f: &Frame{Dataset: ds, Chart: c, X: c.x}}
	rows := c.filter()
	if len(rows) == 0 {
		conds := make([]string, len(c.where))
		for i, w := range c.where {
			conds[i] = fmt.Sprintf("%s = %q", w.col.Name, w.value)
		}
		b.chartErr(".where", "no row of %s has %s: check the values against the file", ds.CSVFile, strings.Join(conds, " and "))
		return nil, b.issues
	}
	if c.Kind == spec.Ranking {
		b.ranking(rows)
	} else {
		b.series(rows)
	}
	return b.f, b.issues
}

// filter returns the indices of the rows that meet the chart's where.
func (c *Spec) filter() []int {
	var out []int
rows:
	for i, r := range c.Dataset.Rows {
		for _, w := range c.where {
			if r.Values[w.col.Index].Text != w.value {
				continue rows
			}
		}
		out = append(out, i)
	}
	return out
}

// group is the rows of one series, by category.
type group struct {
	key         dataset.Value
	name        string
	former      bool // a unit that no longer exists (breaks)
	cells       map[int][]int
	first, last int
}

func (b *framer) series(rows []int) {
	ds, c, f := b.ds, b.c, b.f
	index, ok := b.categories(rows)
	if !ok {
		return
	}
	var groups []*group
	byKey := map[string]*group{}
	for _, r := range rows {
		row := &ds.Rows[r]
		key := dataset.Value{}
		if c.seriesBy != nil {
			if key = row.Values[c.seriesBy.Index]; key.IsMissing() {
				b.cellErr(row, c.seriesBy, "empty, but chart %q draws one series per %s: fill it in", c.Name, c.seriesBy.Name)
				return
			}
		}
		g := byKey[key.Text]
		if g == nil {
			g = &group{key: key, name: key.Text, cells: map[int][]int{}, first: -1}
			byKey[key.Text] = g
			groups = append(groups, g)
		}
		if c.seriesBy != nil && c.seriesBy == ds.UnitColumn && ds.UnitNameColumn != nil && g.name == key.Text {
			if n := row.Values[ds.UnitNameColumn.Index].Text; n != "" {
				g.name = n
			}
		}
		i := index[categoryKey(row.Values[c.x.Index])]
		g.cells[i] = append(g.cells[i], r)
		if g.first < 0 || i < g.first {
			g.first = i
		}
		g.last = max(g.last, i)
		if len(groups) > maxSeries {
			b.chartErr(".series_by", "draws one series per value of %q, and %s has more than %d of them: a chart shows at most %d; choose a column with fewer values, or narrow the rows with where",
				c.seriesBy.Name, ds.CSVFile, maxSeries, maxSeries)
			return
		}
	}
	if !b.checkCells(groups) {
		return
	}
	if c.seriesBy != nil {
		f.Breaks = breaks(groups)
	}
	measures := append(append([]*dataset.Column{}, c.bars...), c.lines...)
	for _, g := range groups {
		cache := map[int][]dataset.Value{}
		for j, m := range measures {
			s := Series{Name: m.Label, Column: m, Role: RoleBar, Values: make([]dataset.Value, len(f.Categories))}
			if j >= len(c.bars) {
				s.Role = RoleLine
			}
			if c.seriesBy != nil {
				s.Name, s.Former = g.name, g.former
			}
			for i, idx := range g.cells {
				vals, ok := cache[i]
				if !ok {
					vals = ds.SumRows(idx)
					cache[i] = vals
				}
				s.Values[i] = vals[m.Index]
			}
			f.Series = append(f.Series, s)
		}
	}
	b.unitsAtLatest(rows, index)
}

// breaks finds the series that take over from another: a series whose
// rows begin after another's rows have ended. Each series that ends is
// paired with at most one that begins: the closest one after it, so that
// UBND thành phố Thủ Dầu Một (until 2025-06) is followed by UBND phường
// Thủ Dầu Một (from 2025-07) while the units present throughout have none.
// A unit that ended is marked as a former unit, whose name is written
// "Tỉnh Bình Dương (cũ)" in the legend, the table and the description
// (FormerName).
func breaks(groups []*group) []Break {
	ordered := slices.Clone(groups)
	slices.SortStableFunc(ordered, func(a, b *group) int { return cmp.Compare(a.first, b.first) })
	used := map[*group]bool{}
	var out []Break
	for _, z := range ordered {
		var best *group
		for _, a := range ordered {
			if a != z && !used[a] && a.last < z.first && (best == nil || a.last > best.last) {
				best = a
			}
		}
		if best != nil {
			used[best] = true
			best.former = true
			out = append(out, Break{Last: best.last, At: z.first, Before: best.name, After: z.name})
		}
	}
	return out
}

// FormerName is the name of a unit that no longer exists, as its figures
// are labelled, in the page's language: "Tỉnh Bình Dương (cũ)".
func FormerName(loc *locale.Locale, vi string) string { return loc.T("%s (former)", loc.NameOf(vi)) }

// seriesName is a series' name in the page's language.
func seriesName(loc *locale.Locale, s Series) string {
	if s.Former {
		return FormerName(loc, s.Name)
	}
	return loc.NameOf(s.Name)
}

// categories fills f.Categories from the x values of rows and returns the
// index of each category by its key.
func (b *framer) categories(rows []int) (map[string]int, bool) {
	ds, c, f := b.ds, b.c, b.f
	index := map[string]int{}
	var periods []dataset.Period
	for _, r := range rows {
		row := &ds.Rows[r]
		v := row.Values[c.x.Index]
		if v.IsMissing() {
			b.cellErr(row, c.x, "empty, but chart %q places each row by its %s: fill it in", c.Name, c.x.Name)
			return nil, false
		}
		k := categoryKey(v)
		if _, ok := index[k]; ok {
			continue
		}
		index[k] = len(f.Categories)
		f.Categories = append(f.Categories, v)
		if v.Kind == dataset.Time {
			periods = append(periods, v.Period)
		}
	}
	if !c.x.Type.IsPeriod() {
		return index, true
	}
	slices.SortFunc(periods, dataset.Period.Compare)
	first, last := periods[0], periods[len(periods)-1]
	for _, p := range periods {
		if p.Grain != first.Grain {
			b.chartErr(".x", "the rows mix %s and %s periods (%s, %s): narrow them with where so that x holds one kind", grainName(first.Grain), grainName(p.Grain), first, p)
			return nil, false
		}
	}
	if first.Grain != dataset.GrainDay {
		n := first.Steps(last) + 1
		if n > maxCategories {
			b.chartErr(".x", "the periods run from %s to %s, %d in all: a chart shows at most %d", first, last, n, maxCategories)
			return nil, false
		}
		periods = periods[:0]
		for p := first; len(periods) < n; p = p.Next() {
			periods = append(periods, p)
		}
	}
	index = make(map[string]int, len(periods))
	f.Categories = make([]dataset.Value, len(periods))
	for i, p := range periods {
		f.Categories[i] = dataset.Value{Kind: dataset.Time, Text: p.String(), Period: p}
		index[p.String()] = i
	}
	return index, true
}

func categoryKey(v dataset.Value) string {
	if v.Kind == dataset.Time {
		return v.Period.String()
	}
	return v.Text
}

func grainName(g dataset.Grain) msg.Text {
	switch g {
	case dataset.GrainYear:
		return msg.T("year")
	case dataset.GrainQuarter:
		return msg.T("quarter")
	case dataset.GrainMonth:
		return msg.T("month")
	}
	return msg.T("day")
}

// checkCells refuses what a chart cannot draw honestly: several rows at one
// point of a series that are not to be added up, and one series that joins
// the figures of different units.
func (b *framer) checkCells(groups []*group) bool {
	ds, c, f := b.ds, b.c, b.f
	if !c.SumByX {
		for _, g := range groups {
			for i := range f.Categories {
				idx := g.cells[i]
				if len(idx) < 2 {
					continue
				}
				lines := make([]string, len(idx))
				for j, r := range idx {
					lines[j] = strconv.Itoa(ds.Rows[r].Line)
				}
				where := msg.T("%s = %s", c.x.Name, f.Categories[i].Text)
				if c.seriesBy != nil {
					where = msg.T("%s = %s and %s = %s", c.x.Name, f.Categories[i].Text, c.seriesBy.Name, g.key.Text)
				}
				b.chartErr("", "%d rows have %s (lines %s of %s): narrow them with where, draw one series per value with series_by, or add them up with sum_by_x = true",
					len(idx), where, strings.Join(lines, ", "), ds.CSVFile)
				return false
			}
		}
	}
	if ds.UnitColumn == nil || c.SumByX || c.seriesBy == ds.UnitColumn {
		return true
	}
	for _, g := range groups {
		var units []string
		for i := range f.Categories {
			for _, r := range g.cells[i] {
				if u := ds.Rows[r].Values[ds.UnitColumn.Index].Text; u != "" && !slices.Contains(units, u) {
					units = append(units, u)
				}
			}
		}
		if len(units) > 1 {
			b.chartErr("", "the rows belong to %d units (%s): one series would join the figures of different units; draw one series per unit with series_by = %q, or narrow the rows with where",
				len(units), strings.Join(units[:min(len(units), 4)], ", "), ds.UnitColumn.Name)
			return false
		}
	}
	return true
}
