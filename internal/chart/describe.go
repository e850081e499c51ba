package chart

import (
	"fmt"
	"math"
	"strings"

	"github.com/congkhai/congkhai/internal/chart/spec"
	"github.com/congkhai/congkhai/internal/dataset"
	"github.com/congkhai/congkhai/internal/locale"
	"github.com/congkhai/congkhai/internal/vnformat"
)

// maxTrends bounds the series described one by one; beyond it only the
// highest and lowest unit are named.
const maxTrends = 3

// describe writes the chart's figures as sentences in the page's
// language, for screen readers and for anyone who cannot see the chart:
// the latest value with its period and unit, the change since the
// previous period, the highest and lowest unit when there are several,
// and any change of unit in a series. Every text taken from a CSV cell
// stays plain text: the page escapes it.
func describe(loc *locale.Locale, f *Frame) string {
	var s []string
	switch {
	case f.Chart.Kind == spec.Ranking:
		s = describeRanking(loc, f)
	case f.X != nil && f.X.Type.IsPeriod():
		s = describeTime(loc, f)
	default:
		s = describeCategories(loc, f)
	}
	s = append(s, describeBreaks(loc, f)...)
	if f.Dataset.Fictional {
		s = append(s, loc.T("The figures are fictional."))
	}
	return strings.Join(s, " ")
}

func describeTime(loc *locale.Locale, f *Frame) []string {
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
		out = append(out, describeStack(loc, f))
	case named && len(subjects) > maxTrends:
	default:
		for _, s := range subjects[:min(len(subjects), maxTrends)] {
			out = append(out, trend(loc, f, s, named))
		}
	}
	if len(f.Units) > 1 {
		about := len(out) > 0 && !stack && subjects[0].Column == f.Primary() && !named
		out = append(out, extremes(loc, f, about))
	}
	return out
}

// trend describes the latest value of one series and its change since the
// previous period with a value.
func trend(loc *locale.Locale, f *Frame, s Series, named bool) string {
	last := latest(s.Values, len(s.Values))
	label := loc.NameOf(s.Column.Label)
	if last < 0 {
		if named {
			return loc.T("%s: no figures yet.", seriesName(loc, s))
		}
		return loc.T("%s: no figures yet.", upperFirst(label))
	}
	v, c := s.Values[last], s.Column
	var b strings.Builder
	switch {
	case named:
		fmt.Fprintf(&b, "%s, %s: %s", seriesName(loc, s), inText(loc, f.Categories[last]), withUnit(loc, v, c))
	case c.Type == dataset.Integer:
		b.WriteString(loc.T("%s: the %s came to %s", opening(loc, f.Categories[last]), lowerFirst(label), withUnit(loc, v, c)))
	default:
		b.WriteString(loc.T("%s: the %s reached %s", opening(loc, f.Categories[last]), lowerFirst(label), withUnit(loc, v, c)))
	}
	if prev := latest(s.Values, last); prev >= 0 {
		b.WriteString(loc.T(", %s from %s", change(loc, v, s.Values[prev], c), inText(loc, f.Categories[prev])))
	}
	b.WriteString(".")
	if !named && last < len(f.Categories)-1 {
		b.WriteString(" ")
		b.WriteString(loc.T("No figures yet for %s.", opening(loc, f.Categories[len(f.Categories)-1])))
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

// change says how much v rose or fell from prev, as shown (rounded):
// "tăng 0,32 điểm phần trăm", "giảm 120 hồ sơ", "không đổi"; "up 0.32
// percentage points".
func change(loc *locale.Locale, v, prev dataset.Value, c *dataset.Column) string {
	dec := max(decimals(v, c), decimals(prev, c))
	d := vnformat.Round(vnformat.Round(v.Num, dec)-vnformat.Round(prev.Num, dec), dec)
	if d == 0 {
		return loc.T("unchanged")
	}
	amount := loc.Number(math.Abs(d), dec)
	switch c.Unit {
	case "":
	case "%":
		if math.Abs(d) == 1 {
			amount = loc.T("%s percentage point", amount)
		} else {
			amount = loc.T("%s percentage points", amount)
		}
	default:
		amount += " " + unit(loc, c)
	}
	if d < 0 {
		return loc.T("down %s", amount)
	}
	return loc.T("up %s", amount)
}

// describeStack lists the parts of stacked bars at the latest period.
func describeStack(loc *locale.Locale, f *Frame) string {
	last := -1
	for _, s := range f.Series {
		last = max(last, latest(s.Values, len(s.Values)))
	}
	if last < 0 {
		return loc.T("No figures yet.")
	}
	parts := make([]string, 0, len(f.Series))
	for _, s := range f.Series {
		v := s.Values[last]
		if v.IsMissing() {
			parts = append(parts, lowerFirst(seriesName(loc, s))+": "+MissingLabel(loc))
			continue
		}
		parts = append(parts, fmt.Sprintf("%s %s", lowerFirst(seriesName(loc, s)), withUnit(loc, v, s.Column)))
	}
	return fmt.Sprintf("%s: %s.", opening(loc, f.Categories[last]), strings.Join(parts, "; "))
}

// extremes names the highest and the lowest unit. about says whether the
// sentence before was about the same measure at the same period.
func extremes(loc *locale.Locale, f *Frame, about bool) string {
	c := f.Primary()
	hi, lo := f.Units[0], f.Units[len(f.Units)-1]
	if about {
		return loc.T("It was highest at %s (%s) and lowest at %s (%s).", loc.NameOf(hi.Name), withUnit(loc, hi.Value, c), loc.NameOf(lo.Name), withUnit(loc, lo.Value, c))
	}
	return loc.T("%s: the %s was highest at %s (%s) and lowest at %s (%s).", opening(loc, f.Categories[f.UnitsAt]), lowerFirst(loc.NameOf(c.Label)),
		loc.NameOf(hi.Name), withUnit(loc, hi.Value, c), loc.NameOf(lo.Name), withUnit(loc, lo.Value, c))
}

func describeRanking(loc *locale.Locale, f *Frame) []string {
	c := f.Ranked
	label := lowerFirst(loc.NameOf(c.Label))
	when := ""
	if f.At != nil {
		when = opening(loc, dataset.Value{Kind: dataset.Time, Period: *f.At})
	}
	var out []string
	switch len(f.Units) {
	case 0:
		if when != "" {
			out = append(out, loc.T("%s: no figures yet for the %s.", when, label))
		} else {
			out = append(out, loc.T("No figures yet for the %s.", label))
		}
	case 1:
		u := f.Units[0]
		if when != "" {
			when += ", "
		}
		out = append(out, upperFirst(fmt.Sprintf("%s%s: %s %s.", when, label, loc.NameOf(u.Name), withUnit(loc, u.Value, c))))
	default:
		hi, lo := f.Units[0], f.Units[len(f.Units)-1]
		if f.Chart.Order == "asc" {
			hi, lo = lo, hi
		}
		if when != "" {
			out = append(out, upperFirst(loc.T("%s, %s: highest %s (%s), lowest %s (%s).", when, label, loc.NameOf(hi.Name), withUnit(loc, hi.Value, c), loc.NameOf(lo.Name), withUnit(loc, lo.Value, c))))
		} else {
			out = append(out, upperFirst(loc.T("%s: highest %s (%s), lowest %s (%s).", label, loc.NameOf(hi.Name), withUnit(loc, hi.Value, c), loc.NameOf(lo.Name), withUnit(loc, lo.Value, c))))
		}
	}
	n := len(f.Categories)
	var s string
	switch {
	case n == 1 && f.Chart.Order == "asc":
		s = loc.T("The chart ranks %d unit from lowest to highest.", n)
	case n == 1:
		s = loc.T("The chart ranks %d unit from highest to lowest.", n)
	case f.Chart.Order == "asc":
		s = loc.T("The chart ranks %d units from lowest to highest.", n)
	default:
		s = loc.T("The chart ranks %d units from highest to lowest.", n)
	}
	if missing := n - len(f.Units); missing == 1 {
		s += " " + loc.T("%d unit has no figures yet.", missing)
	} else if missing > 0 {
		s += " " + loc.T("%d units have no figures yet.", missing)
	}
	return append(out, s)
}

// describeCategories names the highest and lowest category of each series
// when the axis holds texts (criteria, units) rather than periods.
func describeCategories(loc *locale.Locale, f *Frame) []string {
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
			out = append(out, loc.T("%s: no figures yet.", upperFirst(seriesName(loc, s))))
			continue
		}
		out = append(out, loc.T("%s: highest %s (%s), lowest %s (%s).", upperFirst(seriesName(loc, s)),
			categoryLong(loc, f.Categories[hi]), withUnit(loc, s.Values[hi], s.Column), categoryLong(loc, f.Categories[lo]), withUnit(loc, s.Values[lo], s.Column)))
	}
	return out
}

// describeBreaks says where a series changes unit, and that the two are
// not joined.
func describeBreaks(loc *locale.Locale, f *Frame) []string {
	var out []string
	for _, b := range f.Breaks {
		out = append(out, loc.T("From %s, the figures are those of %s, a different unit from %s, whose figures end in %s, so the two series are not joined.",
			inText(loc, f.Categories[b.At]), loc.NameOf(b.After), FormerName(loc, b.Before), inText(loc, f.Categories[b.Last])))
	}
	return out
}
