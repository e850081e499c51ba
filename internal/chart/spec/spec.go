// Package spec is the [[charts]] table of a dataset's description, as
// written. Package dataset decodes a description whole, in one pass of the
// TOML decoder, so that every unknown key and wrong type of the file is
// reported together; it keeps these declarations without reading them.
// Package chart checks them against the dataset's columns and draws them.
package spec

// Chart kinds.
const (
	Line       = "line"        // lines over x
	Bar        = "bar"         // bars side by side over x; lines on a second axis
	StackedBar = "stacked_bar" // bars stacked over x; lines on a second axis
	Ranking    = "ranking"     // horizontal bars, one per unit, sorted
)

// Kinds returns the chart kinds, in the order messages list them.
func Kinds() []string { return []string{Line, Bar, StackedBar, Ranking} }

// Chart declares one chart drawn from a dataset, in the description:
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
type Chart struct {
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
}
