package dataset

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/congkhai/congkhai/internal/msg"
	"github.com/congkhai/congkhai/internal/problem"
	"github.com/congkhai/congkhai/internal/vnformat"
)

// typeRows reads every cell as a value of its column's type and computes
// the declared rates.
func (ds *Dataset) typeRows(t *Table, problems *problem.List) {
	rep := newReporter(ds.CSVFile, problems)
	defer rep.flush()
	ds.Rows = make([]Row, 0, len(t.Records))
	for _, rec := range t.Records {
		row := Row{Line: rec.Line, Values: make([]Value, len(ds.Columns))}
		for i, cell := range rec.Cells {
			c := ds.Columns[i]
			if c == nil {
				continue
			}
			p := rec.Pos[i]
			v, err := parseCell(cell, c.Type, ds.DecimalMark)
			switch {
			case err != nil:
				rep.errorAt(p.Line, p.Col, c.Name, "%v", err)
				continue
			case v.IsMissing() && c.Required:
				rep.errorAt(p.Line, p.Col, c.Name, "required: the cell is empty, but every row needs a value here")
			case v.Kind == Number && c.Max != nil && v.Num > *c.Max:
				rep.errorAt(p.Line, p.Col, c.Name, "%s is above the maximum of %s", v.Text, FormatPlain(*c.Max, -1))
			}
			row.Values[i] = v
		}
		ds.computeRow(row.Values)
		ds.Rows = append(ds.Rows, row)
	}
}

// computeRow fills the computed rates of one row from its counts.
func (ds *Dataset) computeRow(values []Value) {
	for _, c := range ds.Columns {
		if c == nil || c.Formula == nil {
			continue
		}
		values[c.Index] = c.Formula.apply(values, c.Decimals)
	}
}

// apply computes sum(Numerator) / sum(Denominator) × 100: missing when an
// input is missing or the denominator is 0.
func (f *Formula) apply(values []Value, dec int) Value {
	sum := func(cols []*Column) (float64, bool) {
		s := 0.0
		for _, c := range cols {
			v := values[c.Index]
			if v.Kind != Number {
				return 0, false
			}
			s += v.Num
		}
		return s, true
	}
	num, ok1 := sum(f.Numerator)
	den, ok2 := sum(f.Denominator)
	if !ok1 || !ok2 || den == 0 {
		return Value{}
	}
	r := num / den * 100
	if math.IsNaN(r) || math.IsInf(r, 0) {
		return Value{}
	}
	return Value{Kind: Number, Num: r, Dec: dec, Text: FormatPlain(r, dec)}
}

// checkTotals reports rows whose parts do not add up to their total. Rows
// with a missing total or part are not checked: a missing value is not 0.
func (ds *Dataset) checkTotals(problems *problem.List) {
	rep := newReporter(ds.CSVFile, problems)
	defer rep.flush()
	for _, tt := range ds.Totals {
		names := make([]string, len(tt.Parts))
		dec := 0
		for i, p := range tt.Parts {
			names[i] = p.Name
		}
	rows:
		for _, row := range ds.Rows {
			total := row.Values[tt.Total.Index]
			if total.Kind != Number {
				continue
			}
			sum := 0.0
			dec = total.Dec
			for _, p := range tt.Parts {
				v := row.Values[p.Index]
				if v.Kind != Number {
					continue rows
				}
				sum += v.Num
				dec = max(dec, v.Dec)
			}
			if math.Abs(sum-total.Num) > tt.Tolerance+1e-9 {
				rep.errorAt(row.Line, 0, tt.Total.Name, "%s is not the sum of %s, which is %s (difference %s, tolerance %s)",
					total.Text, strings.Join(names, " + "), FormatPlain(sum, dec), FormatPlain(math.Abs(sum-total.Num), dec), FormatPlain(tt.Tolerance, -1))
			}
		}
	}
}

// checkKey reports rows that repeat the key of an earlier row.
func (ds *Dataset) checkKey(problems *problem.List) {
	if len(ds.Key) == 0 {
		return
	}
	rep := newReporter(ds.CSVFile, problems)
	defer rep.flush()
	seen := make(map[string]int, len(ds.Rows))
	for _, row := range ds.Rows {
		var b strings.Builder
		for _, c := range ds.Key {
			b.WriteString(strconv.Quote(row.Values[c.Index].Text))
			b.WriteByte(0)
		}
		k := b.String()
		if first, dup := seen[k]; dup {
			// The key is written out for the message only, as it is rare.
			parts := make([]string, len(ds.Key))
			for i, c := range ds.Key {
				parts[i] = fmt.Sprintf("%s = %s", c.Name, row.Values[c.Index].Text)
			}
			rep.errorAt(row.Line, 0, "", "duplicate row: %s is already on line %d; each row needs a different %s", strings.Join(parts, ", "), first, keyNames(ds.Key))
			continue
		}
		seen[k] = row.Line
	}
}

func keyNames(key []*Column) msg.Text {
	names := make([]string, len(key))
	for i, c := range key {
		names[i] = c.Name
	}
	if len(names) == 1 {
		return msg.Plain(names[0])
	}
	return msg.T("combination of %s", strings.Join(names, ", "))
}

// FormatPlain writes a number the way the CSV does (with "."), for
// messages: dec decimals, or as few as needed when dec < 0.
func FormatPlain(x float64, dec int) string {
	if dec < 0 {
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	return strconv.FormatFloat(vnformat.Round(x, dec), 'f', dec, 64)
}

// SumRows adds up the numbers of several rows, column by column; a sum
// with a missing value is missing. Rates are computed again from the sums,
// never added or averaged.
func (ds *Dataset) SumRows(idx []int) []Value {
	if len(idx) == 1 {
		return ds.Rows[idx[0]].Values
	}
	out := make([]Value, len(ds.Columns))
	for _, c := range ds.Columns {
		if c == nil || c.Formula != nil || (c.Type != Integer && c.Type != Decimal) {
			continue
		}
		sum, dec, ok := 0.0, 0, true
		for _, r := range idx {
			v := ds.Rows[r].Values[c.Index]
			if v.Kind != Number {
				ok = false
				break
			}
			sum += v.Num
			dec = max(dec, v.Dec)
		}
		if ok {
			out[c.Index] = Value{Kind: Number, Num: sum, Dec: dec, Text: FormatPlain(sum, dec)}
		}
	}
	ds.computeRow(out)
	return out
}
