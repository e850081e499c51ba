// Package late holds data/ho-so-tre-han.csv, the dossiers resolved late
// or still overdue, one row each, and what is published of them ("biết
// xin lỗi"): per agency and month, how many were late, the share of all
// dossiers resolved, the share with a written apology, the median days
// late and the reasons; and the open late dossiers by procedure with the
// date promised anew. Rows are never published: no name, no ID number,
// no dossier number (a column that looks like one fails the build), and
// every group of fewer than MinGroup dossiers is shown as "< 3".
package late

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/congkhai/congkhai/internal/dataset"
	"github.com/congkhai/congkhai/internal/locale"
	"github.com/congkhai/congkhai/internal/msg"
)

// FileName is the file of late dossiers, relative to the site folder.
const FileName = dataset.LateDossiersFile

// MinGroup is the smallest group whose figures are published: a group of
// 1 or 2 dossiers is shown as "< 3" (small-cell suppression), so that no
// one's dossier can be singled out.
const MinGroup = 3

// Suppressed is what a page and the export show for a count below
// MinGroup, and for every figure derived from such a group.
const Suppressed = "< 3"

// Reason is why a dossier was late: a slug whose label citizens read.
type Reason string

// Reasons lists the reasons in the order pages show them.
func Reasons() []Reason {
	return []Reason{"lien_thong", "xac_minh", "bo_sung", "qua_tai", "he_thong", "khac"}
}

// Label is the name of the reason; the zero Text for an unknown one.
func (r Reason) Label() msg.Text {
	switch r {
	case "lien_thong":
		return msg.T("Waiting for another agency to take part")
	case "xac_minh":
		return msg.T("Checks or a site visit were needed")
	case "bo_sung":
		return msg.T("Waiting for papers added after the deadline")
	case "qua_tai":
		return msg.T("Too much work, too few staff")
	case "he_thong":
		return msg.T("Software or system failure")
	case "khac":
		return msg.T("Other reason")
	}
	return msg.Text{}
}

// Dossier is one late dossier, as the file gives it.
type Dossier struct {
	Line     int
	Period   string // the month it falls in: 2026-10
	Unit     string // unit_id, as data/ho-so-thang.csv names agencies
	Code     string // the procedure's code
	Received time.Time
	Due      time.Time
	Resolved time.Time // zero: still open
	DaysLate int       // working days late
	Apology  time.Time // the apology letter; zero: none
	Reason   Reason
	Promised time.Time // the new date promised to the citizen
}

// Open reports whether the dossier is still not resolved.
func (d Dossier) Open() bool { return d.Resolved.IsZero() }

// Unit is an agency's monthly total from data/ho-so-thang.csv: the share
// of dossiers late is counted against it.
type Unit struct {
	Name         string
	Resolved     int // dossiers resolved that month, early, on time or late
	ResolvedLate int // of which late
}

// Totals are the units' monthly totals, by period and unit_id.
type Totals map[[2]string]Unit

// File is data/ho-so-tre-han.csv, validated.
type File struct {
	Dossiers []Dossier
}

// Cell is one published figure: its text (suppressed or not) and, for
// sorting and tests, the number (-1 when suppressed or missing).
type Cell struct {
	Text  string
	Value float64
}

// count is n as published.
func count(loc *locale.Locale, n int) Cell {
	if n > 0 && n < MinGroup {
		return Cell{Text: Suppressed, Value: -1}
	}
	return Cell{Text: loc.Int(int64(n)), Value: float64(n)}
}

// share is part/whole in percent, one decimal, or "–" when whole is 0;
// suppressed (Suppressed) when the group it describes is.
func share(loc *locale.Locale, part, whole int, suppressed bool) Cell {
	switch {
	case suppressed:
		return Cell{Text: Suppressed, Value: -1}
	case whole == 0:
		return Cell{Text: "–", Value: -1}
	}
	v := float64(part) * 100 / float64(whole)
	return Cell{Text: loc.Number(v, 1) + "%", Value: v}
}

// Group is one agency's month.
type Group struct {
	Period, Unit, UnitName string
	Month                  string // "Tháng 10/2026", "October 2026"
	Late                   Cell   // dossiers late, resolved late or still open
	StillOpen              string // of Late, those still open (past their date), "" for none or a small group
	Total                  string // dossiers resolved that month (the denominator), "" if unknown
	resolved               int    // Total as a number, -1 if unknown
	ShareLate              Cell   // resolved late, of all dossiers resolved that month
	ShareApology           Cell   // of the late dossiers, with a written apology
	MedianDays             Cell   // working days late
	Reasons                []Cell // one per Reasons()
}

// Groups returns the figures per agency and month, written in the
// language of loc, months newest first, agencies in the order of first
// appearance; every figure of a group of fewer than MinGroup dossiers is
// suppressed, and so is every reason count below it.
func (f *File) Groups(totals Totals, loc *locale.Locale) []Group {
	type key struct{ period, unit string }
	byKey := map[key][]Dossier{}
	var order []key
	for _, d := range f.Dossiers {
		k := key{d.Period, d.Unit}
		if _, seen := byKey[k]; !seen {
			order = append(order, k)
		}
		byKey[k] = append(byKey[k], d)
	}
	slices.SortStableFunc(order, func(a, b key) int { return -cmp.Compare(a.period, b.period) })
	out := make([]Group, 0, len(order))
	for _, k := range order {
		ds := byKey[k]
		n := len(ds)
		small := n < MinGroup
		g := Group{Period: k.period, Unit: k.unit, Late: count(loc, n), resolved: -1}
		if p, err := time.Parse("2006-01", k.period); err == nil {
			g.Month = loc.MonthLong(p.Year(), p.Month())
		}
		resolvedLate := 0
		for _, d := range ds {
			if !d.Open() {
				resolvedLate++
			}
		}
		if open := n - resolvedLate; open > 0 && !small {
			// Late counts them, the share of those handled late does not:
			// the table says so, or its figures seem not to agree.
			g.StillOpen = loc.Int(int64(open))
		}
		u, known := totals[[2]string{k.period, k.unit}]
		g.UnitName = cmp.Or(u.Name, k.unit)
		if known {
			g.Total, g.resolved = loc.Int(int64(u.Resolved)), u.Resolved
			g.ShareLate = share(loc, resolvedLate, u.Resolved, small)
		} else {
			g.ShareLate = Cell{Text: "–", Value: -1}
		}
		apologies := 0
		days := make([]int, 0, n)
		reasons := map[Reason]int{}
		for _, d := range ds {
			if !d.Apology.IsZero() {
				apologies++
			}
			days = append(days, d.DaysLate)
			reasons[d.Reason]++
		}
		g.ShareApology = share(loc, apologies, n, small)
		if small {
			g.MedianDays = Cell{Text: Suppressed, Value: -1}
		} else {
			m := median(days)
			g.MedianDays = Cell{Text: loc.Number(m, 1), Value: m}
		}
		for _, r := range Reasons() {
			c := count(loc, reasons[r])
			if small {
				c = Cell{Text: Suppressed, Value: -1}
			}
			g.Reasons = append(g.Reasons, c)
		}
		out = append(out, g)
	}
	return out
}

func median(xs []int) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n == 0 {
		return 0
	}
	if n%2 == 1 {
		return float64(s[n/2])
	}
	return float64(s[n/2-1]+s[n/2]) / 2
}

// OpenGroup is the open late dossiers of one procedure at one agency.
type OpenGroup struct {
	Code, Unit, UnitName string
	Count                Cell
	Promised             time.Time // the latest date promised
}

// OpenByProcedure returns the open late dossiers grouped by procedure and
// agency, by code, counted in the language of loc; counts below MinGroup
// are suppressed.
func (f *File) OpenByProcedure(totals Totals, loc *locale.Locale) []OpenGroup {
	names := map[string]string{}
	for k, u := range totals {
		names[k[1]] = u.Name
	}
	idx := map[[2]string]int{}
	var out []OpenGroup
	ns := []int{}
	for _, d := range f.Dossiers {
		if !d.Open() {
			continue
		}
		k := [2]string{d.Code, d.Unit}
		i, ok := idx[k]
		if !ok {
			i = len(out)
			idx[k] = i
			out = append(out, OpenGroup{Code: d.Code, Unit: d.Unit, UnitName: cmp.Or(names[d.Unit], d.Unit)})
			ns = append(ns, 0)
		}
		ns[i]++
		if d.Promised.After(out[i].Promised) {
			out[i].Promised = d.Promised
		}
	}
	for i := range out {
		out[i].Count = count(loc, ns[i])
	}
	slices.SortStableFunc(out, func(a, b OpenGroup) int { return cmp.Or(cmp.Compare(a.Code, b.Code), cmp.Compare(a.Unit, b.Unit)) })
	return out
}

// CSV writes the published figures per agency and month as CSV, with the
// same suppression as the pages: the export never holds a smaller group.
func CSV(groups []Group) []byte {
	var b strings.Builder
	b.WriteString("period,unit_id,unit_name,late,resolved_total,share_late_pct,share_apology_pct,median_days_late")
	for _, r := range Reasons() {
		b.WriteString(",reason_" + string(r))
	}
	b.WriteString("\n")
	num := func(c Cell) string {
		if c.Value < 0 {
			return csvField(c.Text)
		}
		return strconv.FormatFloat(c.Value, 'f', -1, 64)
	}
	for _, g := range groups {
		fields := []string{g.Period, g.Unit, csvField(g.UnitName), num(g.Late), total(g),
			roundNum(g.ShareLate), roundNum(g.ShareApology), roundNum(g.MedianDays)}
		for _, r := range g.Reasons {
			fields = append(fields, num(r))
		}
		b.WriteString(strings.Join(fields, ",") + "\n")
	}
	return []byte(b.String())
}

// total is the resolved dossiers of g for the CSV, "" if unknown.
func total(g Group) string {
	if g.resolved < 0 || g.Total == "" {
		return ""
	}
	return strconv.Itoa(g.resolved)
}

func roundNum(c Cell) string {
	if c.Value < 0 {
		return csvField(c.Text)
	}
	return strconv.FormatFloat(c.Value, 'f', 1, 64)
}

func csvField(s string) string {
	if strings.ContainsAny(s, ",\"\n") {
		return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
	}
	return s
}

// Month is one month of all agencies together, for the chart: the late
// dossiers and those with an apology letter, each "" when below MinGroup
// (a chart cannot draw "< 3": the month is left empty and its table cell
// says so).
type Month struct {
	Period        string
	Late, Apology string
}

// ChartName is the name of the chart of late dossiers by month.
const ChartName = "ho-so-tre-han-va-thu-xin-loi-theo-thang"

// ChartCSV is the figures of the chart, every agency summed per month, as
// CSV: the columns the description ChartDescription declares, a month
// below MinGroup left empty.
func (f *File) ChartCSV() []byte {
	late, apology := map[string]int{}, map[string]int{}
	var periods []string
	for _, d := range f.Dossiers {
		if _, seen := late[d.Period]; !seen {
			periods = append(periods, d.Period)
		}
		late[d.Period]++
		if !d.Apology.IsZero() {
			apology[d.Period]++
		}
	}
	slices.Sort(periods)
	var b strings.Builder
	b.WriteString("period,late,with_apology\n")
	cell := func(n int) string {
		if n < MinGroup {
			return ""
		}
		return strconv.Itoa(n)
	}
	for _, p := range periods {
		b.WriteString(p + "," + cell(late[p]) + "," + cell(apology[p]) + "\n")
	}
	return []byte(b.String())
}

// ChartDescription is the description of ChartCSV, with its chart,
// updated on the day given (the build's reference date).
func ChartDescription(updated time.Time) []byte {
	return []byte(strings.Replace(chartDescription, "{updated}", updated.Format(time.DateOnly), 1))
}

const chartDescription = `title = "Hồ sơ trễ hạn và thư xin lỗi theo tháng"
source = "Hệ thống thông tin giải quyết thủ tục hành chính"
updated = {updated}
key = ["period"]

[[columns]]
name = "period"
type = "month"
label = "Tháng"

[[columns]]
name = "late"
type = "integer"
label = "Hồ sơ trễ hạn"
unit = "hồ sơ"

[[columns]]
name = "with_apology"
type = "integer"
label = "Có thư xin lỗi"
unit = "hồ sơ"

[[charts]]
name = "` + ChartName + `"
title = "Hồ sơ trễ hạn và hồ sơ có thư xin lỗi theo tháng, các cơ quan cộng lại"
kind = "bar"
x = "period"
bars = ["late", "with_apology"]
`
