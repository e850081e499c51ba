package opendata

import (
	"bytes"
	"encoding/json"
	"strings"

	"github.com/congkhai/congkhai/internal/dataset"
)

// A dataset is published again as CSV and JSON: the columns of its file in
// their order, then the rates congkhai computes (dataset.Formula), every
// value typed by its column: numbers with "." as the decimal mark and the
// decimals they were written with (a rate with its declared decimals),
// periods in their canonical form (2026-10, 2025-Q2), an empty cell empty
// (CSV) or null (JSON), never 0.

// columns are the dataset's columns in order, without the gaps of
// columns it does not describe.
func columns(ds *dataset.Dataset) []*dataset.Column {
	var out []*dataset.Column
	for _, c := range ds.Columns {
		if c != nil {
			out = append(out, c)
		}
	}
	return out
}

// DatasetColumns describes the columns of the dataset's exports.
func DatasetColumns(ds *dataset.Dataset) []Column {
	var out []Column
	for _, c := range columns(ds) {
		out = append(out, Column{Name: c.Name, Label: c.Label, Type: columnType(c), Unit: c.Unit})
	}
	return out
}

// columnType says in Vietnamese what a column holds.
func columnType(c *dataset.Column) string {
	if f := c.Formula; f != nil {
		return "tỷ lệ do cổng tính: (" + names(f.Numerator) + ") / (" + names(f.Denominator) + ") × 100, " + decimals(c.Decimals)
	}
	switch c.Type {
	case dataset.Integer:
		return typeInt
	case dataset.Decimal:
		return "số thập phân (dấu chấm)"
	case dataset.Percent:
		return "tỷ lệ phần trăm (dấu chấm, không có ký hiệu %)"
	case dataset.Year:
		return "năm (YYYY)"
	case dataset.Month:
		return "tháng (YYYY-MM)"
	case dataset.Quarter:
		return "quý (YYYY-Qn)"
	case dataset.Date:
		return typeDate
	case dataset.PeriodT:
		return "kỳ: năm (YYYY), quý (YYYY-Qn) hoặc tháng (YYYY-MM)"
	case dataset.Bool:
		return typeBool
	}
	return typeText
}

func names(cols []*dataset.Column) string {
	var n []string
	for _, c := range cols {
		n = append(n, c.Name)
	}
	return strings.Join(n, " + ")
}

func decimals(n int) string {
	if n == 0 {
		return "làm tròn đến số nguyên"
	}
	return "làm tròn đến " + string(rune('0'+n)) + " chữ số thập phân"
}

// cell writes a value as the CSV export holds it.
func cell(v dataset.Value) string {
	switch v.Kind {
	case dataset.Number:
		return dataset.FormatPlain(v.Num, v.Dec)
	case dataset.Time:
		return v.Period.String()
	case dataset.Flag:
		if v.Num == 1 {
			return "true"
		}
		return "false"
	}
	return v.Text
}

// DatasetCSV is the dataset as CSV: a header of column names, then one
// row per row of its file.
func DatasetCSV(ds *dataset.Dataset) ([]byte, error) {
	var b bytes.Buffer
	w, err := NewCSV(&b)
	if err != nil {
		return nil, err
	}
	cols := columns(ds)
	row := make([]string, len(cols))
	for i, c := range cols {
		row[i] = c.Name
	}
	if err := w.Write(row); err != nil {
		return nil, err
	}
	for _, r := range ds.Rows {
		for i, c := range cols {
			row[i] = cell(r.Values[c.Index])
		}
		if err := w.Write(row); err != nil {
			return nil, err
		}
	}
	if err := w.Flush(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// DatasetJSON is the dataset as JSON: the export's head, what the
// description says of the figures and of each column, then the rows, one
// a line, each an object keyed by column name.
func DatasetJSON(ds *dataset.Dataset, m Meta) ([]byte, error) {
	b, err := openHead(m)
	if err != nil {
		return nil, err
	}
	type columnDoc struct {
		Name     string `json:"name"`
		Label    string `json:"label"`
		Type     string `json:"type"`
		Unit     string `json:"unit"`
		Computed string `json:"computed"`
	}
	cols := columns(ds)
	var key []string
	for _, c := range ds.Key {
		key = append(key, c.Name)
	}
	about := struct {
		Name      string      `json:"name"`
		Source    string      `json:"source"`
		SourceURL string      `json:"source_url"`
		Fictional bool        `json:"fictional"`
		Key       []string    `json:"key"`
		Columns   []columnDoc `json:"columns"`
	}{Name: ds.Name, Source: ds.Source, SourceURL: ds.SourceURL, Fictional: ds.Fictional, Key: append([]string{}, key...)}
	for _, c := range cols {
		cd := columnDoc{Name: c.Name, Label: c.Label, Type: string(c.Type), Unit: c.Unit}
		if c.Formula != nil {
			cd.Computed = "(" + names(c.Formula.Numerator) + ") / (" + names(c.Formula.Denominator) + ") × 100"
		}
		about.Columns = append(about.Columns, cd)
	}
	a, err := json.MarshalIndent(about, "  ", "  ")
	if err != nil {
		return nil, err
	}
	// The members of about, after the head's.
	a = bytes.TrimSuffix(bytes.TrimPrefix(a, []byte("{\n")), []byte("\n  }"))
	b = append(b, ",\n"...)
	b = append(b, a...)
	b = append(b, ",\n  \"rows\": ["...)
	for i, r := range ds.Rows {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, "\n{"...)
		for k, c := range cols {
			if k > 0 {
				b = append(b, ',')
			}
			b = appendString(b, c.Name)
			b = append(b, ':')
			b = appendCell(b, r.Values[c.Index])
		}
		b = append(b, '}')
	}
	return append(b, "\n]}\n"...), nil
}

// appendCell appends a value as the JSON export holds it.
func appendCell(b []byte, v dataset.Value) []byte {
	switch v.Kind {
	case dataset.Missing:
		return append(b, "null"...)
	case dataset.Number:
		return append(b, dataset.FormatPlain(v.Num, v.Dec)...)
	case dataset.Flag:
		if v.Num == 1 {
			return append(b, "true"...)
		}
		return append(b, "false"...)
	}
	return appendString(b, cell(v))
}

// DatasetSchema is the JSON Schema (draft 2020-12) of the dataset's JSON
// export, made from its columns: each row has every column, of its type
// or null when the column allows empty cells.
func DatasetSchema(ds *dataset.Dataset) ([]byte, error) {
	props := Object{}
	var required []string
	for _, c := range columns(ds) {
		p := Object{{"description", c.Label}}
		nullable := !c.Required
		typ := func(t string) any {
			if nullable {
				return []string{t, "null"}
			}
			return t
		}
		switch {
		case c.Formula != nil || c.Type == dataset.Percent:
			p.Set("type", typ("number"))
			p.Set("minimum", 0)
			p.Set("maximum", 100)
		case c.Type == dataset.Integer:
			p.Set("type", typ("integer"))
		case c.Type == dataset.Decimal:
			p.Set("type", typ("number"))
		case c.Type == dataset.Bool:
			p.Set("type", typ("boolean"))
		case c.Type.IsPeriod():
			p.Set("type", typ("string"))
			p.Set("pattern", periodPattern(c.Type))
		default:
			p.Set("type", typ("string"))
		}
		if c.Max != nil {
			p.Set("maximum", *c.Max)
		}
		props.Set(c.Name, p)
		required = append(required, c.Name)
	}
	row := Object{{"type", "object"}, {"additionalProperties", false}, {"required", required}, {"properties", props}}
	headRequired := []string{"title", "description", "publisher", "license", "updated", "page", "name", "source", "source_url", "fictional", "key", "columns", "rows"}
	license := Object{{"oneOf", []any{
		Object{{"type", "null"}},
		Object{{"type", "object"}, {"additionalProperties", false}, {"required", []string{"name", "url"}},
			{"properties", Object{{"name", Object{{"type", "string"}}}, {"url", Object{{"type", "string"}, {"format", "uri"}}}}}},
	}}}
	str := Object{{"type", "string"}}
	column := Object{{"type", "object"}, {"additionalProperties", false}, {"required", []string{"name", "label", "type", "unit", "computed"}},
		{"properties", Object{{"name", str}, {"label", str}, {"type", str}, {"unit", str}, {"computed", str}}}}
	s := Object{
		{"$schema", "https://json-schema.org/draft/2020-12/schema"},
		{"title", ds.Title},
		{"description", "The JSON export of data/" + ds.Name + ".csv on a congkhai portal: every row, each value typed by its column, computed rates included; null is an empty cell, never 0."},
		{"type", "object"},
		{"additionalProperties", false},
		{"required", headRequired},
		{"properties", Object{
			{"title", str}, {"description", str}, {"publisher", str}, {"license", license},
			{"updated", Object{{"type", []string{"string", "null"}}, {"pattern", `^[0-9]{4}-[0-9]{2}-[0-9]{2}$`}}},
			{"page", Object{{"type", "string"}, {"format", "uri"}}},
			{"name", Object{{"const", ds.Name}}},
			{"source", str}, {"source_url", str}, {"fictional", Object{{"type", "boolean"}}},
			{"key", Object{{"type", "array"}, {"items", str}}},
			{"columns", Object{{"type", "array"}, {"items", column}}},
			{"rows", Object{{"type", "array"}, {"items", row}}},
		}},
	}
	return indent(s)
}

// periodPattern is the shape of a period column's values.
func periodPattern(t dataset.Type) string {
	switch t {
	case dataset.Year:
		return `^[0-9]{4}$`
	case dataset.Month:
		return `^[0-9]{4}-[0-9]{2}$`
	case dataset.Quarter:
		return `^[0-9]{4}-Q[1-4]$`
	case dataset.Date:
		return `^[0-9]{4}-[0-9]{2}-[0-9]{2}$`
	}
	return `^[0-9]{4}(-Q[1-4]|-[0-9]{2})?$`
}
