package chart

import (
	"github.com/congkhai/congkhai/internal/chart/spec"
	"github.com/congkhai/congkhai/internal/locale"
)

// Highlight is one latest figure of a chart, for the key figures a
// dashboard shows as plain numbers.
type Highlight struct {
	Label  string // the measure: "Tỷ lệ giải quyết đúng hạn", "On-time rate"
	Value  string // formatted with its unit: "98,45%", "98.45%"
	Period string // when: "Tháng 10/2026", "October 2026"
}

// highlights are the latest values of a chart over time whose series are
// measures, not units: its lines (the rates riding on counts), or its one
// series. The parts of a stack, rankings and charts with a series per unit
// have no single latest figure.
func highlights(loc *locale.Locale, f *Frame) []Highlight {
	if f.Chart.Kind == spec.Ranking || f.X == nil || !f.X.Type.IsPeriod() {
		return nil
	}
	if f.Chart.SeriesBy != "" {
		return unitHighlight(loc, f)
	}
	var lines, bars []Highlight
	for _, s := range f.Series {
		last := latest(s.Values, len(s.Values))
		if last < 0 {
			continue
		}
		h := Highlight{
			Label:  upperFirst(loc.NameOf(s.Column.Label)),
			Value:  withUnit(loc, s.Values[last], s.Column),
			Period: categoryLong(loc, f.Categories[last]),
		}
		if s.Role == RoleLine {
			lines = append(lines, h)
		} else {
			bars = append(bars, h)
		}
	}
	if len(lines) > 0 {
		return lines
	}
	if len(bars) == 1 {
		return bars
	}
	return nil
}

// unitHighlight is the latest figure of a chart with a series per unit when
// one unit alone has it (a yearly index of the province, whose series
// changes unit at a merger): "Chỉ số PAPI – Thành phố Hồ Chí Minh".
func unitHighlight(loc *locale.Locale, f *Frame) []Highlight {
	for i := len(f.Categories) - 1; i >= 0; i-- {
		var with []Series
		for _, s := range f.Series {
			if !s.Values[i].IsMissing() {
				with = append(with, s)
			}
		}
		switch len(with) {
		case 0:
			continue
		case 1:
			s := with[0]
			return []Highlight{{
				Label:  loc.NameOf(f.Chart.Title) + " – " + seriesName(loc, s),
				Value:  withUnit(loc, s.Values[i], s.Column),
				Period: categoryLong(loc, f.Categories[i]),
			}}
		}
		return nil
	}
	return nil
}
