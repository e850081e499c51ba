package late

import (
	"github.com/congkhai/congkhai/internal/datafiles"
	"github.com/congkhai/congkhai/internal/dataset"
	"github.com/congkhai/congkhai/internal/problem"
)

// TotalsDataset is the dataset whose monthly totals per agency the share
// of late dossiers is counted against: data/ho-so-thang.csv, with the
// columns period, unit_id, unit_name, resolved_early, resolved_on_time and
// resolved_late.
const TotalsDataset = "ho-so-thang"

// TotalsOf returns the monthly totals of ds (nil when ds is nil or lacks
// the columns).
func TotalsOf(ds *dataset.Dataset) Totals {
	if ds == nil {
		return nil
	}
	cols := []*dataset.Column{ds.Column("period"), ds.Column("unit_id"), ds.Column("unit_name"),
		ds.Column("resolved_early"), ds.Column("resolved_on_time"), ds.Column("resolved_late")}
	for _, c := range cols {
		if c == nil {
			return nil
		}
	}
	t := Totals{}
	for _, r := range ds.Rows {
		n := 0
		for _, c := range cols[3:] {
			n += int(r.Values[c.Index].Num)
		}
		t[[2]string{r.Values[cols[0].Index].Text, r.Values[cols[1].Index].Text}] = Unit{Name: r.Values[cols[2].Index].Text, Resolved: n,
			ResolvedLate: int(r.Values[cols[5].Index].Num)}
	}
	return t
}

// Units are the unit_ids of totals.
func (t Totals) Units() map[string]bool {
	if t == nil {
		return nil
	}
	u := map[string]bool{}
	for k := range t {
		u[k[1]] = true
	}
	return u
}

// Load reads data/ho-so-tre-han.csv from siteDir with readFile (the
// personal-data lint sees its bytes), checks its rows against totals, and
// returns nil when there is no file or it has errors.
func Load(siteDir string, readFile func(name string) ([]byte, error), totals Totals, problems *problem.List) *File {
	src, ok := datafiles.ReadOptional(siteDir, FileName, readFile, problems)
	if !ok {
		return nil
	}
	return Parse(FileName, src, totals.Units(), problems)
}

// CheckTotals warns, at the first row of each, about an agency's month
// whose dossiers resolved late are not as many as data/ho-so-thang.csv
// counts (resolved_late): one of the two files misses some.
func (f *File) CheckTotals(totals Totals, problems *problem.List) {
	type group struct{ line, n int }
	groups := map[[2]string]*group{}
	var order [][2]string
	for _, d := range f.Dossiers {
		k := [2]string{d.Period, d.Unit}
		g := groups[k]
		if g == nil {
			g = &group{line: d.Line}
			groups[k] = g
			order = append(order, k)
		}
		if !d.Open() {
			g.n++
		}
	}
	for _, k := range order {
		u, ok := totals[k]
		if g := groups[k]; ok && g.n != u.ResolvedLate {
			problems.Warnf(FileName, g.line, "", "%s, %s: %d dossiers resolved late here, %d in data/ho-so-thang.csv (resolved_late): list every late dossier once", k[0], k[1], g.n, u.ResolvedLate)
		}
	}
}
