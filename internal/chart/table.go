package chart

import (
	"strconv"

	"github.com/congkhai/congkhai/internal/chart/spec"
	"github.com/congkhai/congkhai/internal/dataset"
	"github.com/congkhai/congkhai/internal/locale"
)

// Table is every figure a chart draws, as an HTML table shows it: the view
// for readers without JavaScript and for screen readers. Texts are plain;
// the page's template escapes them.
type Table struct {
	Caption string
	Head    []string // the column headers; the first one heads the row headers
	Rows    []Row
}

// Row is one row: a period or a unit, then one cell per column.
type Row struct {
	Header string // for <th scope="row">
	Cells  []Cell
}

// Cell is one figure.
type Cell struct {
	Text    string // as shown: 1.840, 95,50% (1,840, 95.50%), or MissingText
	Missing bool   // no figure: show MissingText to the eye and MissingLabel to screen readers
	Numeric bool   // a number: aligned right
}

func table(loc *locale.Locale, f *Frame) Table {
	if f.Chart.Kind == spec.Ranking {
		return rankingTable(loc, f)
	}
	t := Table{Caption: loc.T("Figures: %s", loc.NameOf(f.Chart.Title))}
	x := loc.T("Period")
	if f.X != nil {
		x = loc.NameOf(f.X.Label)
	}
	t.Head = append(t.Head, x)
	for _, s := range f.Series {
		h := seriesName(loc, s)
		if f.Chart.SeriesBy == "" && s.Column.Unit != "" {
			h += " (" + unit(loc, s.Column) + ")"
		}
		t.Head = append(t.Head, h)
	}
	if f.Chart.SeriesBy != "" && len(f.Series) > 0 {
		c := f.Series[0].Column
		t.Caption += " — " + lowerFirst(loc.NameOf(c.Label))
		if c.Unit != "" {
			t.Caption += " (" + unit(loc, c) + ")"
		}
	}
	for i, cat := range f.Categories {
		r := Row{Header: categoryLong(loc, cat)}
		for _, s := range f.Series {
			r.Cells = append(r.Cells, cell(loc, s.Values[i], s.Column))
		}
		t.Rows = append(t.Rows, r)
	}
	return t
}

func rankingTable(loc *locale.Locale, f *Frame) Table {
	t := Table{Caption: loc.T("Figures: %s", loc.NameOf(f.Chart.Title))}
	if f.At != nil {
		t.Caption += " — " + inText(loc, dataset.Value{Kind: dataset.Time, Period: *f.At})
	}
	label := loc.T("Unit")
	if c := f.Dataset.Column(f.Chart.Label); c != nil {
		label = loc.NameOf(c.Label)
	} else if f.Dataset.UnitNameColumn != nil {
		label = loc.NameOf(f.Dataset.UnitNameColumn.Label)
	}
	t.Head = []string{label, loc.T("Rank"), headWithUnit(loc, f.Ranked)}
	parts := f.Series
	if len(parts) == 1 && parts[0].Column == f.Ranked {
		parts = nil
	}
	for _, s := range parts {
		t.Head = append(t.Head, headWithUnit(loc, s.Column))
	}
	rank := 0
	for i, cat := range f.Categories {
		v := f.RankValues[i]
		r := Row{Header: loc.NameOf(cat.Text)}
		switch {
		case v.IsMissing():
			r.Cells = append(r.Cells, cell(loc, v, f.Ranked))
		default:
			// Equal values share a rank: 1, 2, 2, 4.
			if i == 0 || f.RankValues[i-1].IsMissing() || plotValue(f.RankValues[i-1], f.Ranked) != plotValue(v, f.Ranked) {
				rank = i + 1
			}
			r.Cells = append(r.Cells, Cell{Text: strconv.Itoa(rank), Numeric: true})
		}
		r.Cells = append(r.Cells, cell(loc, v, f.Ranked))
		for _, s := range parts {
			r.Cells = append(r.Cells, cell(loc, s.Values[i], s.Column))
		}
		t.Rows = append(t.Rows, r)
	}
	return t
}

func headWithUnit(loc *locale.Locale, c *dataset.Column) string {
	if c.Unit == "" {
		return loc.NameOf(c.Label)
	}
	return loc.NameOf(c.Label) + " (" + unit(loc, c) + ")"
}

func cell(loc *locale.Locale, v dataset.Value, c *dataset.Column) Cell {
	return Cell{Text: formatCell(loc, v, c), Missing: v.IsMissing(), Numeric: v.Kind == dataset.Number}
}
