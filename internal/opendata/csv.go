package opendata

import (
	"encoding/csv"
	"io"
	"regexp"
	"strings"
)

// bom is the byte order mark that makes Excel read a CSV file as UTF-8.
const bom = "\uFEFF"

// ListSeparator joins the values of a repeated field in one CSV cell:
// "Công dân Việt Nam; Người nước ngoài". The JSON exports keep lists as
// arrays, for values that hold a semicolon themselves.
const ListSeparator = "; "

// CSVWriter writes a CSV export: UTF-8 with a byte order mark for Excel,
// comma-separated, quoted where needed (RFC 4180, CRLF line ends), every
// cell safe to open in a spreadsheet (Neutralise).
type CSVWriter struct {
	w    *csv.Writer
	cell []string
}

// NewCSV starts a CSV export on w with its byte order mark.
func NewCSV(w io.Writer) (*CSVWriter, error) {
	if _, err := io.WriteString(w, bom); err != nil {
		return nil, err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	return &CSVWriter{w: cw}, nil
}

// Write writes one row, each cell neutralised.
func (c *CSVWriter) Write(row []string) error {
	c.cell = c.cell[:0]
	for _, s := range row {
		c.cell = append(c.cell, Neutralise(s))
	}
	return c.w.Write(c.cell)
}

// Flush writes what is buffered and reports any error of the rows before.
func (c *CSVWriter) Flush() error {
	c.w.Flush()
	return c.w.Error()
}

// Neutralise makes a cell safe to open in a spreadsheet (OWASP, CSV
// injection): a cell that begins with =, +, -, @, a tab or a carriage
// return could be read as a formula, and gets a single quote in front,
// which spreadsheets show as text. A plain number (-12, -0.5) is a value,
// not a formula, and is kept as it is, so that numeric columns stay
// numbers.
func Neutralise(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		if s[0] == '-' && plainNumber.MatchString(s[1:]) {
			return s
		}
		return "'" + s
	}
	return s
}

// plainNumber is digits with at most one decimal point between digits.
var plainNumber = regexp.MustCompile(`^[0-9]+(\.[0-9]+)?$`)

// joinList joins the values of a repeated field for one cell.
func joinList(values []string) string { return strings.Join(values, ListSeparator) }
