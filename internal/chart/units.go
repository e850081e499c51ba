package chart

import (
	"cmp"
	"slices"

	"github.com/congkhai/congkhai/internal/dataset"
	"github.com/congkhai/congkhai/internal/vntext"
)

// unitsAtLatest fills f.Units: the main measure per unit at the last
// category where the chart has a value of it.
func (b *framer) unitsAtLatest(rows []int, index map[string]int) {
	ds, f := b.ds, b.f
	m := f.Primary()
	if ds.UnitColumn == nil || m == nil {
		return
	}
	latest := -1
	for _, s := range f.Series {
		if s.Column != m {
			continue
		}
		for i, v := range s.Values {
			if !v.IsMissing() {
				latest = max(latest, i)
			}
		}
	}
	if latest < 0 {
		return
	}
	byUnit := map[string][]int{}
	var ids []string
	for _, r := range rows {
		row := &ds.Rows[r]
		if index[categoryKey(row.Values[b.c.x.Index])] != latest {
			continue
		}
		id := row.Values[ds.UnitColumn.Index].Text
		if _, ok := byUnit[id]; !ok {
			ids = append(ids, id)
		}
		byUnit[id] = append(byUnit[id], r)
	}
	var units []UnitValue
	for _, id := range ids {
		v := ds.SumRows(byUnit[id])[m.Index]
		if v.IsMissing() || id == "" {
			continue
		}
		units = append(units, UnitValue{ID: id, Name: unitName(ds, byUnit[id], id), Value: v})
	}
	if len(units) < 2 {
		return
	}
	sortUnits(units, true)
	f.Units, f.UnitsAt = units, latest
}

func unitName(ds *dataset.Dataset, rows []int, id string) string {
	if ds.UnitNameColumn != nil {
		for _, r := range rows {
			if n := ds.Rows[r].Values[ds.UnitNameColumn.Index].Text; n != "" {
				return n
			}
		}
	}
	return id
}

// ranking draws one bar per unit at one period, sorted.
func (b *framer) ranking(rows []int) {
	ds, c, f := b.ds, b.c, b.f
	if c.x != nil {
		var want dataset.Period
		if c.at != nil {
			want = *c.at
		} else {
			found := false
			for _, r := range rows {
				v := ds.Rows[r].Values[c.x.Index]
				if v.Kind == dataset.Time && (!found || v.Period.Compare(want) > 0) {
					want, found = v.Period, true
				}
			}
			if !found {
				b.chartErr(".x", "no row has a %s to rank by", c.x.Name)
				return
			}
		}
		var at []int
		for _, r := range rows {
			if v := ds.Rows[r].Values[c.x.Index]; v.Kind == dataset.Time && v.Period == want {
				at = append(at, r)
			}
		}
		if len(at) == 0 {
			b.chartErr(".at", "no row has %s = %s", c.x.Name, want)
			return
		}
		rows, f.At = at, &want
	}
	units := make([]UnitValue, 0, len(rows))
	lineOf := map[string]int{}
	byName := map[string]int{}
	for _, r := range rows {
		row := &ds.Rows[r]
		name := row.Values[c.label.Index].Text
		if name == "" {
			b.cellErr(row, c.label, "empty, but chart %q names each bar by it: fill it in", c.Name)
			return
		}
		if first, dup := lineOf[name]; dup {
			b.chartErr("", "two rows for %q (lines %d and %d of %s): narrow the rows with where so that each bar has one row", name, first, row.Line, ds.CSVFile)
			return
		}
		lineOf[name] = row.Line
		byName[name] = r
		units = append(units, UnitValue{ID: name, Name: name, Value: row.Values[c.value.Index]})
	}
	sortUnits(units, c.Order != "asc")
	f.Ranked = c.value
	measures := c.bars
	if len(measures) == 0 {
		measures = []*dataset.Column{c.value}
	}
	f.Series = make([]Series, len(measures))
	for j, m := range measures {
		f.Series[j] = Series{Name: m.Label, Column: m, Role: RoleBar, Values: make([]dataset.Value, len(units))}
	}
	for i, u := range units {
		f.Categories = append(f.Categories, dataset.Value{Kind: dataset.String, Text: u.Name})
		f.RankValues = append(f.RankValues, u.Value)
		for j, m := range measures {
			f.Series[j].Values[i] = ds.Rows[byName[u.Name]].Values[m.Index]
		}
	}
	for _, u := range units {
		if !u.Value.IsMissing() {
			f.Units = append(f.Units, u)
		}
	}
	if ds.UnitColumn != nil && c.label != ds.UnitColumn {
		for i := range f.Units {
			f.Units[i].ID = ds.Rows[byName[f.Units[i].Name]].Values[ds.UnitColumn.Index].Text
		}
	}
}

// sortUnits orders units by value (largest first when desc), missing
// values last, equal values in Vietnamese alphabetical order.
func sortUnits(units []UnitValue, desc bool) {
	coll := vntext.NewCollator()
	slices.SortStableFunc(units, func(a, b UnitValue) int {
		am, bm := a.Value.IsMissing(), b.Value.IsMissing()
		switch {
		case am && bm:
			return coll.Compare(a.Name, b.Name)
		case am:
			return 1
		case bm:
			return -1
		}
		d := cmp.Compare(a.Value.Num, b.Value.Num)
		if desc {
			d = -d
		}
		return cmp.Or(d, coll.Compare(a.Name, b.Name))
	})
}
