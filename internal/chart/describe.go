package chart

import (
	"fmt"
	"math"
	"strings"

	"github.com/congkhai/congkhai/internal/chart/spec"
	"github.com/congkhai/congkhai/internal/dataset"
	"github.com/congkhai/congkhai/internal/vnformat"
)

// maxTrends bounds the series described one by one; beyond it only the
// highest and lowest unit are named.
const maxTrends = 3

// describe writes the chart's figures as Vietnamese sentences, for screen
// readers and for anyone who cannot see the chart: the latest value with its
// period and unit, the change since the previous period, the highest and
// lowest unit when there are several, and any change of unit in a series.
// Every text taken from a CSV cell stays plain text: the page escapes it.
func describe(f *Frame) string {
	var s []string
	switch {
	case f.Chart.Kind == spec.Ranking:
		s = describeRanking(f)
	case f.X != nil && f.X.Type.IsPeriod():
		s = describeTime(f)
	default:
		s = describeCategories(f)
	}
	s = append(s, describeBreaks(f)...)
	if f.Dataset.Fictional {
		s = append(s, "Số liệu giả định.")
	}
	return strings.Join(s, " ")
}

func describeTime(f *Frame) []string {
	var out []string
	named := f.Chart.SeriesBy != ""
	var subjects []Series
	for _, s := range f.Series {
		if s.Role == RoleLine {
			subjects = append(subjects, s)
		}
	}
	stack := false
	if len(subjects) == 0 {
		subjects = f.Series
		stack = f.Stacked() && len(f.Series) > 1 && !named
	}
	switch {
	case stack:
		out = append(out, describeStack(f))
	case named && len(subjects) > maxTrends:
	default:
		for _, s := range subjects[:min(len(subjects), maxTrends)] {
			out = append(out, trend(f, s, named))
		}
	}
	if len(f.Units) > 1 {
		about := len(out) > 0 && !stack && subjects[0].Column == f.Primary() && !named
		out = append(out, extremes(f, about))
	}
	return out
}

// trend describes the latest value of one series and its change since the
// previous period with a value.
func trend(f *Frame, s Series, named bool) string {
	last := latest(s.Values, len(s.Values))
	if last < 0 {
		if named {
			return fmt.Sprintf("%s: chưa có số liệu.", s.Name)
		}
		return fmt.Sprintf("%s: chưa có số liệu.", upperFirst(s.Column.Label))
	}
	v, c := s.Values[last], s.Column
	when := categoryLong(f.Categories[last])
	var b strings.Builder
	if named {
		fmt.Fprintf(&b, "%s, %s: %s", s.Name, lowerFirst(when), withUnit(v, c))
	} else {
		fmt.Fprintf(&b, "%s, %s %s %s", when, lowerFirst(c.Label), verb(c), withUnit(v, c))
	}
	if prev := latest(s.Values, last); prev >= 0 {
		fmt.Fprintf(&b, ", %s so với %s", change(v, s.Values[prev], c), lowerFirst(categoryLong(f.Categories[prev])))
	}
	b.WriteString(".")
	if !named && last < len(f.Categories)-1 {
		fmt.Fprintf(&b, " %s chưa có số liệu.", categoryLong(f.Categories[len(f.Categories)-1]))
	}
	return b.String()
}

// latest is the index of the last value before end that is not missing,
// or -1.
func latest(values []dataset.Value, end int) int {
	for i := min(end, len(values)) - 1; i >= 0; i-- {
		if !values[i].IsMissing() {
			return i
		}
	}
	return -1
}

func verb(c *dataset.Column) string {
	if c.Type == dataset.Integer {
		return "là"
	}
	return "đạt"
}

// change says how much v rose or fell from prev, as shown (rounded):
// "tăng 0,32 điểm phần trăm", "giảm 120 hồ sơ", "không đổi".
func change(v, prev dataset.Value, c *dataset.Column) string {
	dec := max(decimals(v, c), decimals(prev, c))
	d := vnformat.Round(vnformat.Round(v.Num, dec)-vnformat.Round(prev.Num, dec), dec)
	if d == 0 {
		return "không đổi"
	}
	word := "tăng"
	if d < 0 {
		word = "giảm"
	}
	amount := vnformat.Number(math.Abs(d), dec)
	switch c.Unit {
	case "":
	case "%":
		amount += " điểm phần trăm"
	default:
		amount += " " + c.Unit
	}
	return word + " " + amount
}

// describeStack lists the parts of stacked bars at the latest period.
func describeStack(f *Frame) string {
	last := -1
	for _, s := range f.Series {
		last = max(last, latest(s.Values, len(s.Values)))
	}
	if last < 0 {
		return "Chưa có số liệu."
	}
	parts := make([]string, 0, len(f.Series))
	for _, s := range f.Series {
		v := s.Values[last]
		if v.IsMissing() {
			parts = append(parts, lowerFirst(s.Name)+": "+MissingLabel)
			continue
		}
		parts = append(parts, fmt.Sprintf("%s %s", lowerFirst(s.Name), withUnit(v, s.Column)))
	}
	return fmt.Sprintf("%s: %s.", categoryLong(f.Categories[last]), strings.Join(parts, "; "))
}

// extremes names the highest and the lowest unit. about says whether the
// sentence before was about the same measure at the same period.
func extremes(f *Frame, about bool) string {
	c := f.Primary()
	hi, lo := f.Units[0], f.Units[len(f.Units)-1]
	s := fmt.Sprintf("cao nhất: %s (%s); thấp nhất: %s (%s).", hi.Name, withUnit(hi.Value, c), lo.Name, withUnit(lo.Value, c))
	if about {
		return upperFirst(s)
	}
	return fmt.Sprintf("%s, %s %s", categoryLong(f.Categories[f.UnitsAt]), lowerFirst(c.Label), s)
}

func describeRanking(f *Frame) []string {
	c := f.Ranked
	when := ""
	if f.At != nil {
		when = PeriodLabel(*f.At) + ", "
	}
	var out []string
	switch len(f.Units) {
	case 0:
		out = append(out, fmt.Sprintf("%schưa có số liệu về %s.", when, lowerFirst(c.Label)))
	case 1:
		u := f.Units[0]
		out = append(out, upperFirst(fmt.Sprintf("%s%s: %s %s.", when, lowerFirst(c.Label), u.Name, withUnit(u.Value, c))))
	default:
		hi, lo := f.Units[0], f.Units[len(f.Units)-1]
		if f.Chart.Order == "asc" {
			hi, lo = lo, hi
		}
		out = append(out, upperFirst(fmt.Sprintf("%s%s: cao nhất là %s (%s), thấp nhất là %s (%s).", when, lowerFirst(c.Label), hi.Name, withUnit(hi.Value, c), lo.Name, withUnit(lo.Value, c))))
	}
	order := "từ cao đến thấp"
	if f.Chart.Order == "asc" {
		order = "từ thấp đến cao"
	}
	s := fmt.Sprintf("Biểu đồ xếp %d đơn vị %s.", len(f.Categories), order)
	if missing := len(f.Categories) - len(f.Units); missing > 0 {
		s += fmt.Sprintf(" %d đơn vị chưa có số liệu.", missing)
	}
	return append(out, s)
}

// describeCategories names the highest and lowest category of each series
// when the axis holds texts (criteria, units) rather than periods.
func describeCategories(f *Frame) []string {
	var out []string
	for _, s := range f.Series[:min(len(f.Series), maxTrends)] {
		hi, lo := -1, -1
		for i, v := range s.Values {
			if v.IsMissing() {
				continue
			}
			if hi < 0 || v.Num > s.Values[hi].Num {
				hi = i
			}
			if lo < 0 || v.Num < s.Values[lo].Num {
				lo = i
			}
		}
		if hi < 0 {
			out = append(out, fmt.Sprintf("%s: chưa có số liệu.", upperFirst(s.Name)))
			continue
		}
		out = append(out, fmt.Sprintf("%s: cao nhất là %s (%s), thấp nhất là %s (%s).", upperFirst(s.Name),
			categoryLong(f.Categories[hi]), withUnit(s.Values[hi], s.Column), categoryLong(f.Categories[lo]), withUnit(s.Values[lo], s.Column)))
	}
	return out
}

// describeBreaks says where a series changes unit, and that the two are
// not joined.
func describeBreaks(f *Frame) []string {
	var out []string
	for _, b := range f.Breaks {
		out = append(out, fmt.Sprintf("Từ %s, số liệu thuộc về %s, một đơn vị khác với %s, có số liệu đến %s, nên hai chuỗi số liệu không được nối với nhau.",
			lowerFirst(categoryLong(f.Categories[b.At])), b.After, b.Before, lowerFirst(categoryLong(f.Categories[b.Last]))))
	}
	return out
}
