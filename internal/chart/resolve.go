package chart

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/congkhai/congkhai/internal/chart/spec"
	"github.com/congkhai/congkhai/internal/dataset"
	"github.com/congkhai/congkhai/internal/msg"
	"github.com/congkhai/congkhai/internal/problem"
	"github.com/congkhai/congkhai/internal/vntext"
)

// Spec is a chart declared in a dataset's description, checked against
// the dataset's columns, with its data drawn once when the site loads.
type Spec struct {
	spec.Chart
	Dataset *dataset.Dataset

	path     string // charts[i]
	x        *dataset.Column
	bars     []*dataset.Column
	lines    []*dataset.Column
	where    []condition
	seriesBy *dataset.Column
	value    *dataset.Column
	label    *dataset.Column
	at       *dataset.Period // nil: the latest
	frame    *Frame          // the chart's data, drawn once at load
}

// condition keeps the rows whose column holds value.
type condition struct {
	col   *dataset.Column
	value string
}

// resolve checks the declarations of one dataset's charts and then draws
// each one's data once, so that every problem is found when the site is
// loaded, not only when a page places the chart; the frame is kept for
// every page that does. A dataset with a chart in error gives no chart at
// all, and ok is false.
func resolve(ds *dataset.Dataset, problems *problem.List) (specs []*Spec, ok bool) {
	names := map[string]int{}
	failed := false
	for i := range ds.Charts {
		c := &Spec{Chart: ds.Charts[i], Dataset: ds, path: fmt.Sprintf("charts[%d]", i)}
		before := problems.Errors()
		c.check(i, names, problems)
		if problems.Errors() > before {
			failed = true
			continue
		}
		f, issues := c.draw()
		if len(issues) > 0 {
			for _, p := range issues {
				problems.Add(p)
			}
			failed = true
			continue
		}
		c.frame = f
		specs = append(specs, c)
	}
	if failed {
		return nil, false
	}
	return specs, true
}

func (c *Spec) check(i int, names map[string]int, problems *problem.List) {
	ds, p := c.Dataset, c.path
	errf := func(field, format string, args ...any) { ds.Errorf(problems, p+field, format, args...) }
	switch {
	case c.Name == "":
		errf(".name", "required: a name such as \"dung-han-theo-thang\", by which pages place the chart")
	case !vntext.IsSlug(c.Name):
		errf(".name", "%s", vntext.NotSlug(c.Name, "theo-thang"))
	default:
		if j, dup := names[c.Name]; dup {
			errf(".name", "%q is already the name of charts[%d]", c.Name, j)
		} else {
			names[c.Name] = i
		}
	}
	if strings.TrimSpace(c.Title) == "" {
		errf(".title", "required: the chart's caption, in Vietnamese")
	}
	if err := problem.CheckVocab(c.Kind, msg.T("a chart kind"), spec.Kinds()); err != nil {
		errf(".kind", "%v", err)
		return
	}
	ranking := c.Kind == spec.Ranking

	// The axis.
	if c.X == "" && !ranking {
		errf(".x", "required: the column along the horizontal axis, such as \"period\"")
	}
	if c.x = ds.Ref(problems, p+".x", c.X, dataset.RefAny); c.x != nil {
		switch {
		case c.x.Type.Numeric() || c.x.Formula != nil:
			errf(".x", "%q is a number column: x must be a period or text column", c.X)
			c.x = nil
		case ranking && !c.x.Type.IsPeriod():
			errf(".x", "%q is a %s column: for a ranking, x is the period column that \"at\" picks the rows from", c.X, c.x.Type)
			c.x = nil
		}
	}

	// The measures.
	seen := map[string]bool{}
	measures := func(key string, list []string) []*dataset.Column {
		var out []*dataset.Column
		for j, name := range list {
			path := fmt.Sprintf("%s.%s[%d]", p, key, j)
			if seen[name] {
				ds.Errorf(problems, path, "%q is already drawn in this chart", name)
				continue
			}
			seen[name] = true
			if col := measure(ds, problems, path, name); col != nil {
				out = append(out, col)
			}
		}
		return out
	}
	c.bars = measures("bars", c.Bars)
	c.lines = measures("lines", c.Lines)
	switch c.Kind {
	case spec.Line:
		if len(c.Lines) == 0 {
			errf(".lines", "required for a line chart: the columns drawn as lines, such as [\"on_time_rate\"]")
		}
		if len(c.Bars) > 0 {
			errf(".bars", "a line chart has no bars: use kind = \"bar\" or \"stacked_bar\" to draw bars with lines on a second axis")
		}
	case spec.Bar, spec.StackedBar:
		if len(c.Bars) == 0 {
			errf(".bars", "required for a %s chart: the columns drawn as bars", c.Kind)
		}
	case spec.Ranking:
		if len(c.Lines) > 0 {
			errf(".lines", "a ranking has no lines: name the ranked value with value, and its parts with bars")
		}
		if c.Value == "" {
			errf(".value", "required for a ranking: the column or rate the units are ranked by")
		}
		c.value = measure(ds, problems, p+".value", c.Value)
	}
	if !ranking {
		for _, kv := range [][2]string{{"value", c.Value}, {"label", c.Label}, {"at", c.At}, {"order", c.Order}} {
			if kv[1] != "" {
				errf("."+kv[0], "only a ranking has %s", kv[0])
			}
		}
	}

	// Rows and series.
	for _, k := range slices.Sorted(maps.Keys(c.Where)) {
		path := p + ".where." + k
		if col := ds.Ref(problems, path, k, dataset.RefCSV); col != nil {
			if strings.TrimSpace(c.Where[k]) == "" {
				ds.Errorf(problems, path, "an empty value matches no row: write the value the rows must have")
				continue
			}
			c.where = append(c.where, condition{col: col, value: vntext.NFC(strings.TrimSpace(c.Where[k]))})
		}
	}
	if c.seriesBy = ds.Ref(problems, p+".series_by", c.SeriesBy, dataset.RefAny); c.seriesBy != nil {
		switch {
		case ranking:
			errf(".series_by", "a ranking has one bar per unit: remove series_by")
		case c.seriesBy.Type.Numeric() || c.seriesBy.Formula != nil:
			errf(".series_by", "%q is a number column: series_by must be a text or period column, such as unit_id", c.SeriesBy)
		case len(c.Bars)+len(c.Lines) != 1:
			errf(".series_by", "draws one series per value of %q, so the chart must draw one column: keep one name in bars or lines", c.SeriesBy)
		}
	}
	if c.SumByX {
		if ranking {
			errf(".sum_by_x", "a ranking draws one row per unit: narrow the rows with where instead")
		}
		for _, col := range append(append([]*dataset.Column{}, c.bars...), c.lines...) {
			if col.Type == dataset.Percent && col.Formula == nil {
				errf(".sum_by_x", "%q holds percentages, which cannot be added up: declare a [[computed]] rate from counts, which is recomputed from the sums", col.Name)
			}
		}
	}

	if c.YMin != nil && c.YMax != nil && *c.YMin >= *c.YMax {
		errf(".y_max", "must be larger than y_min (%s)", dataset.FormatPlain(*c.YMin, -1))
	}

	// Ranking options.
	if ranking {
		switch c.Order {
		case "", "desc", "asc":
		default:
			errf(".order", "%q is not an order: use \"desc\" (largest first) or \"asc\" (smallest first)", c.Order)
		}
		label := c.Label
		path := p + ".label"
		if label == "" && ds.UnitNameColumn != nil {
			label = ds.UnitNameColumn.Name
		} else if label == "" && ds.UnitColumn != nil {
			label = ds.UnitColumn.Name
		}
		if label == "" {
			errf(".label", "required for a ranking: the column naming each bar, such as \"unit_name\" (or set unit_name_column)")
		}
		c.label = ds.Ref(problems, path, label, dataset.RefText)
		if c.At != "" && c.At != "latest" {
			if c.X == "" {
				errf(".at", "needs x: the period column to pick the rows from")
			} else if c.x != nil {
				if per, ok := dataset.ParsePeriod(c.At, c.x.Type.Grains()...); ok {
					c.at = &per
				} else {
					errf(".at", "%q is not \"latest\" or %s", c.At, dataset.PeriodHint(c.x.Type))
				}
			}
		}
	}
}

// measure resolves a column a chart draws, at path of the description: a
// numeric column or a computed rate.
func measure(ds *dataset.Dataset, problems *problem.List, path, name string) *dataset.Column {
	c := ds.Ref(problems, path, name, dataset.RefAny)
	if c != nil && !c.Type.Numeric() {
		ds.Errorf(problems, path, "%q is a %s column: a chart draws numbers, so name a numeric column or a computed rate", name, c.Type)
		return nil
	}
	return c
}
