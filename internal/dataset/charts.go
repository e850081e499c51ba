package dataset

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/congkhai/congkhai/internal/problem"
	"github.com/congkhai/congkhai/internal/vntext"
)

// Chart kinds.
const (
	KindLine       = "line"        // lines over x
	KindBar        = "bar"         // bars side by side over x; lines on a second axis
	KindStackedBar = "stacked_bar" // bars stacked over x; lines on a second axis
	KindRanking    = "ranking"     // horizontal bars, one per unit, sorted
)

// Kinds lists the chart kinds.
var Kinds = []string{KindLine, KindBar, KindStackedBar, KindRanking}

// ChartSpec declares one chart drawn from a dataset, in the description:
//
//	[[charts]]
//	name = "dung-han-theo-thang"        # required: a slug, unique across the site; pages place the chart by it
//	title = "Hồ sơ giải quyết theo tháng"   # required: the caption
//	kind = "stacked_bar"                # line | bar | stacked_bar | ranking
//	x = "period"                        # the column along the axis: a period or text column;
//	                                    # for a ranking, the period column that "at" picks from (optional)
//	bars = ["resolved_early", "resolved_on_time", "resolved_late"]
//	                                    # bar, stacked_bar: the columns drawn as bars;
//	                                    # ranking: parts stacked in each bar (optional)
//	lines = ["on_time_rate"]            # line: the columns drawn as lines;
//	                                    # bar, stacked_bar: lines on a second axis (0–100 for rates)
//	where = { unit_id = "so-tu-phap" }  # optional: only the rows with these values
//	sum_by_x = true                     # optional: add up the rows of each x; rates are recomputed from the sums
//	series_by = "unit_id"               # optional: one series per value of this column (one measure only);
//	                                    # a series that ends before the next begins is drawn with a break
//	value = "on_time_rate"              # ranking: the value the units are ranked by (required)
//	label = "unit_name"                 # ranking: the column naming each bar (default: unit_name_column)
//	at = "latest"                       # ranking: "latest" (default) or a period such as "2026-10"
//	order = "desc"                      # ranking: "desc" (largest first, default) or "asc"
//	y_min = 0                           # optional: bounds of the value axis (default: bars from 0,
//	y_max = 80                          # lines fitted to the data, percentages at most 100)
//
// Measures (bars, lines, value) are numeric columns or computed rates.
type ChartSpec struct {
	Name     string            `toml:"name"`
	Title    string            `toml:"title"`
	Kind     string            `toml:"kind"`
	X        string            `toml:"x"`
	Bars     []string          `toml:"bars"`
	Lines    []string          `toml:"lines"`
	Where    map[string]string `toml:"where"`
	SumByX   bool              `toml:"sum_by_x"`
	SeriesBy string            `toml:"series_by"`
	Value    string            `toml:"value"`
	Label    string            `toml:"label"`
	At       string            `toml:"at"`
	Order    string            `toml:"order"`
	YMin     *float64          `toml:"y_min"`
	YMax     *float64          `toml:"y_max"`

	path     string // charts[i]
	x        *Column
	bars     []*Column
	lines    []*Column
	where    []condition
	seriesBy *Column
	value    *Column
	label    *Column
	at       *Period // nil: the latest
	frame    *Frame  // the chart's data, drawn once at load
}

// condition keeps the rows whose column holds value.
type condition struct {
	col   *Column
	value string
}

// checkCharts validates the chart declarations and then draws each one's
// data once, so that every problem is found when the site is loaded, not
// only when a page places the chart; the frame is kept for every page
// that does.
func (ds *Dataset) checkCharts(d *Description, problems *problem.List) {
	names := map[string]int{}
	for i := range d.Charts {
		c := &d.Charts[i]
		c.path = fmt.Sprintf("charts[%d]", i)
		before := problems.Errors()
		ds.resolveChart(c, i, names, problems)
		if problems.Errors() > before {
			continue
		}
		f, issues := ds.frame(c)
		if len(issues) > 0 {
			for _, p := range issues {
				problems.Add(p)
			}
			continue
		}
		c.frame = f
		ds.Charts = append(ds.Charts, c)
	}
}

func (ds *Dataset) resolveChart(c *ChartSpec, i int, names map[string]int, problems *problem.List) {
	doc, p := ds.doc, c.path
	errf := func(field, format string, args ...any) { doc.Errorf(problems, p+field, format, args...) }
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
	if err := problem.CheckVocab(c.Kind, "a chart kind", Kinds); err != nil {
		errf(".kind", "%v", err)
		return
	}
	ranking := c.Kind == KindRanking

	// The axis.
	if c.X == "" && !ranking {
		errf(".x", "required: the column along the horizontal axis, such as \"period\"")
	}
	if c.x = ds.ref(problems, p+".x", c.X, refAny); c.x != nil {
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
	measures := func(key string, list []string) []*Column {
		var out []*Column
		for j, name := range list {
			path := fmt.Sprintf("%s.%s[%d]", p, key, j)
			if seen[name] {
				doc.Errorf(problems, path, "%q is already drawn in this chart", name)
				continue
			}
			seen[name] = true
			if col := ds.ref(problems, path, name, refMeasure); col != nil {
				out = append(out, col)
			}
		}
		return out
	}
	c.bars = measures("bars", c.Bars)
	c.lines = measures("lines", c.Lines)
	switch c.Kind {
	case KindLine:
		if len(c.Lines) == 0 {
			errf(".lines", "required for a line chart: the columns drawn as lines, such as [\"on_time_rate\"]")
		}
		if len(c.Bars) > 0 {
			errf(".bars", "a line chart has no bars: use kind = \"bar\" or \"stacked_bar\" to draw bars with lines on a second axis")
		}
	case KindBar, KindStackedBar:
		if len(c.Bars) == 0 {
			errf(".bars", "required for a %s chart: the columns drawn as bars", c.Kind)
		}
	case KindRanking:
		if len(c.Lines) > 0 {
			errf(".lines", "a ranking has no lines: name the ranked value with value, and its parts with bars")
		}
		if c.Value == "" {
			errf(".value", "required for a ranking: the column or rate the units are ranked by")
		}
		c.value = ds.ref(problems, p+".value", c.Value, refMeasure)
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
		if col := ds.ref(problems, path, k, refCSV); col != nil {
			if strings.TrimSpace(c.Where[k]) == "" {
				doc.Errorf(problems, path, "an empty value matches no row: write the value the rows must have")
				continue
			}
			c.where = append(c.where, condition{col: col, value: vntext.NFC(strings.TrimSpace(c.Where[k]))})
		}
	}
	if c.seriesBy = ds.ref(problems, p+".series_by", c.SeriesBy, refAny); c.seriesBy != nil {
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
		for _, col := range append(append([]*Column{}, c.bars...), c.lines...) {
			if col.Type == Percent && col.Formula == nil {
				errf(".sum_by_x", "%q holds percentages, which cannot be added up: declare a [[computed]] rate from counts, which is recomputed from the sums", col.Name)
			}
		}
	}

	if c.YMin != nil && c.YMax != nil && *c.YMin >= *c.YMax {
		errf(".y_max", "must be larger than y_min (%s)", formatPlain(*c.YMin, -1))
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
		c.label = ds.ref(problems, path, label, refText)
		if c.At != "" && c.At != "latest" {
			if c.X == "" {
				errf(".at", "needs x: the period column to pick the rows from")
			} else if c.x != nil {
				if per, ok := ParsePeriod(c.At, c.x.Type.grains()...); ok {
					c.at = &per
				} else {
					errf(".at", "%q is not \"latest\" or %s", c.At, periodHint(c.x.Type))
				}
			}
		}
	}
}
