package dataset

import (
	"fmt"
	"strings"

	"github.com/congkhai/congkhai/internal/chart/spec"
	"github.com/congkhai/congkhai/internal/problem"
	"github.com/congkhai/congkhai/internal/tomlfile"
)

// Description is the sidecar of a CSV file: data/<name>.toml beside
// data/<name>.csv. It says what the figures are and where they come from,
// gives every column a type, a Vietnamese label and a unit, declares the
// rates congkhai computes from counts and the totals it checks, and the
// charts drawn from the file:
//
//	title = "Tình hình giải quyết hồ sơ thủ tục hành chính"   # required
//	description = "…"                   # optional; say here when figures are fictional
//	source = "Hệ thống thông tin giải quyết TTHC"          # required
//	source_url = "https://…"            # optional
//	updated = 2026-10-31                # required: when the figures were last updated
//	fictional = true                    # optional: the figures are made up (example data)
//	key = ["period", "unit_id"]         # optional: columns whose values identify a row
//	decimal = "auto"                    # "." | "," | "auto" (default: "," when cells are separated by ";")
//	unit_column = "unit_id"             # optional: the column naming the agency or administrative unit
//	unit_name_column = "unit_name"      # optional: the column with its name
//
//	[[columns]]                         # one per column of the CSV, any order
//	name = "received"                   # the name in the header row
//	type = "integer"                    # text | integer | decimal | percent | year | month | quarter | date | period | bool
//	label = "Hồ sơ tiếp nhận"           # required
//	unit = "hồ sơ"                      # optional
//	decimals = 0                        # optional: decimals shown (default: integer 0, percent 2, decimal as written)
//	max = 18                            # optional: the largest value allowed (a maximum score)
//	required = true                     # optional: no empty cells (key columns are always required)
//
//	[[computed]]                        # a rate congkhai computes: sum(numerator) / sum(denominator) × 100
//	name = "on_time_rate"
//	label = "Tỷ lệ giải quyết đúng hạn"
//	unit = "%"                          # default "%"
//	decimals = 2                        # default 2
//	numerator = ["resolved_early", "resolved_on_time"]
//	denominator = ["resolved_early", "resolved_on_time", "resolved_late"]
//
//	[[totals]]                          # parts that must add up to a total, on every row
//	total = "total"
//	parts = ["publicity", "progress", "online", "satisfaction", "digitisation"]
//	tolerance = 0.02                    # default 0
//
//	[[charts]]                          # see package chart/spec
//
// A rate is never read from a CSV column unless the description declares
// that column itself (type = "percent"): where counts exist, declare a
// [[computed]] rate, so that every rate on the site uses one formula.
type Description struct {
	Title          string         `toml:"title"`
	Description    string         `toml:"description"`
	Source         string         `toml:"source"`
	SourceURL      string         `toml:"source_url"`
	Updated        tomlfile.Date  `toml:"updated"`
	Fictional      bool           `toml:"fictional"`
	Key            []string       `toml:"key"`
	Decimal        string         `toml:"decimal"`
	UnitColumn     string         `toml:"unit_column"`
	UnitNameColumn string         `toml:"unit_name_column"`
	Columns        []ColumnSpec   `toml:"columns"`
	Computed       []ComputedSpec `toml:"computed"`
	Totals         []TotalSpec    `toml:"totals"`
	Charts         []spec.Chart   `toml:"charts"`
}

// ColumnSpec describes one column of the CSV.
type ColumnSpec struct {
	Name     string   `toml:"name"`
	Type     Type     `toml:"type"`
	Label    string   `toml:"label"`
	Unit     string   `toml:"unit"`
	Decimals *int     `toml:"decimals"`
	Max      *float64 `toml:"max"`
	Required bool     `toml:"required"`
}

// ComputedSpec declares a rate computed from counts.
type ComputedSpec struct {
	Name        string   `toml:"name"`
	Label       string   `toml:"label"`
	Unit        string   `toml:"unit"`
	Decimals    *int     `toml:"decimals"`
	Numerator   []string `toml:"numerator"`
	Denominator []string `toml:"denominator"`
}

// TotalSpec declares columns that must add up to another on every row.
type TotalSpec struct {
	Total     string   `toml:"total"`
	Parts     []string `toml:"parts"`
	Tolerance float64  `toml:"tolerance"`
}

// decodeDescription decodes the sidecar strictly (unknown keys are errors).
func decodeDescription(file string, src []byte, problems *problem.List) (*Description, *tomlfile.Doc) {
	doc := tomlfile.New(file, src, 1)
	var d Description
	if !doc.Decode(&d, problems) {
		return nil, doc
	}
	return &d, doc
}

// schema checks the description against the header of the CSV and
// resolves every column it names. It fills ds.Columns, ds.Key,
// ds.Totals and the unit columns.
func (ds *Dataset) schema(d *Description, t *Table, problems *problem.List) {
	doc := ds.doc
	required := func(path, v, hint string) {
		if strings.TrimSpace(v) == "" {
			doc.Errorf(problems, path, "required: %s", hint)
		}
	}
	required("title", d.Title, "what the figures are, in Vietnamese")
	required("source", d.Source, "where the figures come from")
	if !d.Updated.Given() {
		doc.Errorf(problems, "updated", "required: the date the figures were last updated, such as 2026-10-31 (without quotes)")
	}
	tomlfile.CheckEarliest(doc.Reporter(problems), "updated", d.Updated, "write the day the figures were last updated, such as 2026-10-31")
	switch d.Decimal {
	case "", "auto":
		ds.DecimalMark = '.'
		if t.Delimiter == ';' {
			ds.DecimalMark = ','
		}
	case ".", ",":
		ds.DecimalMark = d.Decimal[0]
	default:
		doc.Errorf(problems, "decimal", `%q is not a decimal mark: use ".", "," or "auto" ("," when the cells are separated by ";")`, d.Decimal)
		ds.DecimalMark = '.'
	}
	if len(d.Columns) == 0 {
		doc.Errorf(problems, "columns", "required: a [[columns]] table with name, type and label for each column of %s", ds.CSVFile)
	}

	// Columns of the CSV, in header order.
	inHeader := make(map[string]int, len(t.Header))
	for i, h := range t.Header {
		if _, dup := inHeader[h]; !dup && h != "" {
			inHeader[h] = i
		}
	}
	described := make(map[string]int, len(d.Columns))
	ds.Columns = make([]*Column, len(t.Header))
	for i, c := range d.Columns {
		path := fmt.Sprintf("columns[%d]", i)
		if strings.TrimSpace(c.Name) == "" {
			doc.Errorf(problems, path+".name", "required: the column's name as written in the header row of %s", ds.CSVFile)
			continue
		}
		if j, dup := described[c.Name]; dup {
			doc.Errorf(problems, path+".name", "%q is already described by columns[%d]", c.Name, j)
			continue
		}
		described[c.Name] = i
		idx, ok := inHeader[c.Name]
		if !ok {
			doc.Errorf(problems, path+".name", "%q is not a column of %s%s (its header has: %s)", c.Name, ds.CSVFile, didYouMean(c.Name, t.Header), strings.Join(t.Header, ", "))
			continue
		}
		if err := problem.CheckVocab(c.Type, "a column type", Types()); err != nil {
			doc.Errorf(problems, path+".type", "%v", err)
		}
		required(path+".label", c.Label, "the column's name in Vietnamese, as readers will see it")
		col := &Column{Name: c.Name, Type: c.Type, Label: c.Label, Unit: c.Unit, Decimals: -1, Max: c.Max, Required: c.Required, Index: idx, path: path}
		switch c.Type {
		case Integer:
			col.Decimals = 0
		case Percent:
			col.Decimals = 2
			if col.Unit == "" {
				col.Unit = "%"
			}
		}
		if c.Decimals != nil {
			if *c.Decimals < 0 || *c.Decimals > 6 {
				doc.Errorf(problems, path+".decimals", "must be from 0 to 6")
			} else if c.Type.Numeric() {
				col.Decimals = *c.Decimals
			} else {
				doc.Errorf(problems, path+".decimals", "only numeric columns have decimals; %q is %s", c.Name, c.Type)
			}
		}
		if c.Max != nil && !c.Type.Numeric() {
			doc.Errorf(problems, path+".max", "only numeric columns have a maximum; %q is %s", c.Name, c.Type)
		}
		ds.Columns[idx] = col
	}
	for i, h := range t.Header {
		if _, ok := described[h]; !ok && h != "" {
			p := t.HeaderPos[i]
			problems.Add(problem.Problem{File: ds.CSVFile, Line: p.Line, Col: p.Col, Field: h,
				Message: fmt.Sprintf("the column is not described in %s: add a [[columns]] table with name = %q, its type and its label", ds.DescFile, h)})
		}
	}

	ds.computedColumns(d, problems)
	ds.resolveKey(d, problems)
	ds.UnitColumn = ds.Ref(problems, "unit_column", d.UnitColumn, RefText)
	ds.UnitNameColumn = ds.Ref(problems, "unit_name_column", d.UnitNameColumn, RefText)
	if ds.UnitNameColumn != nil && ds.UnitColumn == nil && d.UnitColumn == "" {
		doc.Errorf(problems, "unit_name_column", "needs unit_column too: the column that identifies the unit")
	}
	ds.resolveTotals(d, problems)
}

// computedColumns appends the declared rates after the CSV columns.
func (ds *Dataset) computedColumns(d *Description, problems *problem.List) {
	doc := ds.doc
	for i, c := range d.Computed {
		path := fmt.Sprintf("computed[%d]", i)
		if strings.TrimSpace(c.Name) == "" {
			doc.Errorf(problems, path+".name", "required: a name for the rate, such as on_time_rate")
			continue
		}
		if ds.Column(c.Name) != nil {
			doc.Errorf(problems, path+".name", "%q is already a column: congkhai computes this rate from counts, so remove the precomputed column from the CSV or give the rate another name", c.Name)
			continue
		}
		if strings.TrimSpace(c.Label) == "" {
			doc.Errorf(problems, path+".label", "required: the rate's name in Vietnamese")
		}
		col := &Column{Name: c.Name, Type: Percent, Label: c.Label, Unit: c.Unit, Decimals: 2, Index: len(ds.Columns), path: path, Formula: &Formula{}}
		if col.Unit == "" {
			col.Unit = "%"
		}
		if c.Decimals != nil {
			if *c.Decimals < 0 || *c.Decimals > 6 {
				doc.Errorf(problems, path+".decimals", "must be from 0 to 6")
			} else {
				col.Decimals = *c.Decimals
			}
		}
		for _, part := range []struct {
			key   string
			names []string
			dst   *[]*Column
		}{{"numerator", c.Numerator, &col.Formula.Numerator}, {"denominator", c.Denominator, &col.Formula.Denominator}} {
			if len(part.names) == 0 {
				doc.Errorf(problems, path+"."+part.key, "required: a list of count columns, such as [\"resolved_early\", \"resolved_on_time\"]")
			}
			for j, name := range part.names {
				if in := ds.Ref(problems, fmt.Sprintf("%s.%s[%d]", path, part.key, j), name, RefCount); in != nil {
					*part.dst = append(*part.dst, in)
				}
			}
		}
		ds.Columns = append(ds.Columns, col)
	}
}

func (ds *Dataset) resolveKey(d *Description, problems *problem.List) {
	seen := map[string]bool{}
	for i, name := range d.Key {
		path := fmt.Sprintf("key[%d]", i)
		if seen[name] {
			ds.doc.Errorf(problems, path, "%q is already in the key", name)
			continue
		}
		seen[name] = true
		if c := ds.Ref(problems, path, name, RefCSV); c != nil {
			c.Required = true
			ds.Key = append(ds.Key, c)
		}
	}
}

func (ds *Dataset) resolveTotals(d *Description, problems *problem.List) {
	for i, tt := range d.Totals {
		path := fmt.Sprintf("totals[%d]", i)
		total := ds.Ref(problems, path+".total", tt.Total, RefNumber)
		if len(tt.Parts) < 2 {
			ds.doc.Errorf(problems, path+".parts", "required: at least two columns that add up to %q", tt.Total)
		}
		var parts []*Column
		for j, name := range tt.Parts {
			if c := ds.Ref(problems, fmt.Sprintf("%s.parts[%d]", path, j), name, RefNumber); c != nil {
				parts = append(parts, c)
			}
		}
		if tt.Tolerance < 0 {
			ds.doc.Errorf(problems, path+".tolerance", "must not be negative")
		}
		if total != nil && len(parts) == len(tt.Parts) {
			ds.Totals = append(ds.Totals, Total{Total: total, Parts: parts, Tolerance: tt.Tolerance})
		}
	}
}
