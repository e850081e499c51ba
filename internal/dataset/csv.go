package dataset

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/congkhai/congkhai/internal/limits"
	"github.com/congkhai/congkhai/internal/msg"
	"github.com/congkhai/congkhai/internal/problem"
	"github.com/congkhai/congkhai/internal/vntext"
)

// Table is a CSV file read as text: the names in its header row and the
// records below it, each cell trimmed and in Unicode NFC, with where it is
// in the file.
//
// The reader accepts what spreadsheet programs write: UTF-8 with or without
// a byte order mark, "," or ";" between cells (Excel in a Vietnamese locale
// writes ";"), quoted cells holding delimiters, line breaks and doubled
// quotes, CRLF or LF line ends. Empty lines, and rows whose cells are all
// empty (Excel writes ";;;;" for a row that once held formatting), are
// skipped wherever they are: they carry no data and no key.
type Table struct {
	File      string
	Delimiter byte // ',' or ';'
	Header    []string
	HeaderPos []Pos
	Records   []Record
}

// Pos is a 1-based line and a 1-based column counted in characters.
type Pos struct{ Line, Col int }

// Record is one row of data.
type Record struct {
	Line  int      // the line its first cell starts on
	Cells []string // one per header name
	Pos   []Pos    // where each cell starts
}

// ReadCSV reads src, the bytes of the CSV file named file (as shown in
// problems, such as data/ho-so-thang.csv). It records every problem and
// reports ok=false when there was one; the table is nil when not even the
// header could be read, and otherwise holds the records that could be read.
func ReadCSV(file string, src []byte, problems *problem.List) (t *Table, ok bool) {
	rep := newReporter(file, problems)
	defer rep.flush()
	if line, col, why, good := checkEncoding(src); !good {
		rep.errorAt(line, col, "", "%v", why)
		return nil, false
	}
	text := bytes.TrimPrefix(src, []byte("\uFEFF"))
	if len(bytes.TrimSpace(text)) == 0 {
		rep.errorAt(0, 0, "", "the file is empty: its first line must be the header naming the columns, such as period,unit_id,received")
		return nil, false
	}
	if bytes.IndexByte(text, '\r') >= 0 && bytes.IndexByte(text, '\n') < 0 && bytes.Count(text, []byte{'\r'}) > 1 {
		rep.errorAt(1, 0, "", "the lines end with a lone carriage return (old Mac line ends), so the file reads as one line; %v", msg.T(saveAsUTF8))
		return nil, false
	}
	delim, why := detectDelimiter(text)
	if !why.IsZero() {
		rep.errorAt(1, 0, "", "%v", why)
		return nil, false
	}

	lines := lineStarts(text)
	r := csv.NewReader(bytes.NewReader(text))
	r.Comma = rune(delim)
	r.FieldsPerRecord = -1
	r.TrimLeadingSpace = true
	r.ReuseRecord = false

	t = &Table{File: file, Delimiter: delim}
	header := true
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			reportSyntax(rep, text, lines, err)
			return headerOrNil(t, header), false
		}
		if len(rec) > limits.CSVColumns {
			line, _ := r.FieldPos(0)
			rep.errorAt(line, 0, "", "this line has %d cells: a CSV file may have at most %d columns; check that the file is separated by %s", len(rec), limits.CSVColumns, quoteByte(delim))
			return headerOrNil(t, header), false
		}
		if len(t.Records) == limits.CSVRows {
			line, _ := r.FieldPos(0)
			rep.errorAt(line, 0, "", "the file has more than %d rows: split it into files of at most %d rows, by year for instance", limits.CSVRows, limits.CSVRows)
			return t, false
		}
		pos := make([]Pos, len(rec))
		blank := true
		for i := range rec {
			line, byteCol := r.FieldPos(i)
			pos[i] = Pos{Line: line, Col: charCol(text, lines, line, byteCol)}
			if n := len(rec[i]); n > limits.CSVCellBytes {
				rep.errorAt(pos[i].Line, pos[i].Col, "", "%s: a cell holds a value, not a text", limits.TooLarge(msg.T("the cell"), int64(n), limits.CSVCellBytes))
				rec[i] = ""
				blank = false
				continue
			}
			rec[i] = vntext.NFC(strings.TrimSpace(rec[i]))
			if rec[i] != "" {
				blank = false
			}
		}
		if blank {
			continue
		}
		if header {
			header = false
			t.Header, t.HeaderPos = rec, pos
			checkHeader(rep, t)
			continue
		}
		if len(rec) != len(t.Header) {
			rep.errorAt(pos[0].Line, 0, "", "%d cells, the header has %d: %s", len(rec), len(t.Header), raggedHint(len(rec) > len(t.Header), delim))
			continue
		}
		t.Records = append(t.Records, Record{Line: pos[0].Line, Cells: rec, Pos: pos})
	}
	if header {
		rep.errorAt(0, 0, "", "the file is empty: its first line must be the header naming the columns")
		return nil, false
	}
	if len(t.Records) == 0 && rep.errors == 0 {
		rep.errorAt(t.HeaderPos[0].Line, 0, "", "the file has a header but no rows of data")
	}
	return t, rep.errors == 0
}

func headerOrNil(t *Table, noHeader bool) *Table {
	if noHeader {
		return nil
	}
	return t
}

func raggedHint(more bool, delim byte) msg.Text {
	if more {
		return msg.T("a value holding %[1]s must be in double quotes, or there is an extra %[1]s", quoteByte(delim))
	}
	return msg.T("a %[1]s is missing; an empty value still needs its %[1]s", quoteByte(delim))
}

func quoteByte(b byte) string { return `"` + string(b) + `"` }

// checkHeader refuses empty and repeated column names.
func checkHeader(rep *reporter, t *Table) {
	seen := make(map[string]int, len(t.Header))
	for i, name := range t.Header {
		p := t.HeaderPos[i]
		if name == "" {
			rep.errorAt(p.Line, p.Col, "", "column %d has no name in the header: every column needs one", i+1)
			continue
		}
		if j, dup := seen[name]; dup {
			rep.errorAt(p.Line, p.Col, name, "the header names %q twice (columns %d and %d): column names must be different", name, j+1, i+1)
			continue
		}
		seen[name] = i
	}
}

// detectDelimiter looks at the header line, outside quotes: the delimiter
// is "," or ";", whichever appears more often. Tabs are refused: such a
// file is a "Unicode Text" or TSV export.
func detectDelimiter(text []byte) (byte, msg.Text) {
	var commas, semis, tabs int
	quoted := false
scan:
	for _, c := range text {
		switch {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '\n':
			break scan
		case c == ',':
			commas++
		case c == ';':
			semis++
		case c == '\t':
			tabs++
		}
	}
	switch {
	case commas == 0 && semis == 0 && tabs > 0:
		return 0, msg.T(`the cells are separated by tabs (a "Unicode Text" or TSV export), not by "," or ";"; %v`, msg.T(saveAsUTF8))
	case semis > commas:
		return ';', msg.Text{}
	case commas > 0 && commas == semis:
		return 0, msg.T(`the header has as many "," as ";", so the delimiter is unclear: separate the cells with one of them and put names that contain the other in double quotes`)
	}
	return ',', msg.Text{}
}

// reportSyntax reports a CSV syntax error (a stray or unclosed quote).
func reportSyntax(rep *reporter, text []byte, lines []int, err error) {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		rep.errorAt(0, 0, "", "cannot read the file: %v", err)
		return
	}
	col := charCol(text, lines, pe.Line, pe.Column)
	switch {
	case errors.Is(pe.Err, csv.ErrBareQuote):
		rep.errorAt(pe.Line, col, "", `a double quote (") inside a value that does not start with one: put the whole value in double quotes and double each quote inside it, such as "Sở ""A"""`)
	case errors.Is(pe.Err, csv.ErrQuote):
		if pe.StartLine != pe.Line {
			rep.errorAt(pe.StartLine, 0, "", "a value opened with a double quote (\") on this line is not closed where it should be (the file reads on to line %d): close the quote, and double each quote inside it", pe.Line)
			return
		}
		if atEnd(text, lines, pe.Line, pe.Column) {
			// The last line's quote: the reader found the end of the
			// file, not a stray quote.
			rep.errorAt(pe.StartLine, 0, "", "a value opened with a double quote (\") on this line is never closed: close the quote, and double each quote inside it")
			return
		}
		rep.errorAt(pe.Line, col, "", `a stray double quote (") after a quoted value: the value must end at the closing quote; double each quote inside it`)
	default:
		rep.errorAt(pe.Line, col, "", "%v", pe.Err)
	}
}

// atEnd reports whether the byte column byteCol (1-based) of line is at
// or past the end of text, a final line end aside.
func atEnd(text []byte, starts []int, line, byteCol int) bool {
	if line < 1 || line > len(starts) {
		return false
	}
	return starts[line-1]+byteCol-1 >= len(bytes.TrimRight(text, "\r\n"))
}

// lineStarts returns the byte offset where each line starts.
func lineStarts(text []byte) []int {
	starts := []int{0}
	for i, c := range text {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// charCol turns the 1-based byte column of encoding/csv into a column
// counted in characters, as editors count them.
func charCol(text []byte, starts []int, line, byteCol int) int {
	if line < 1 || line > len(starts) || byteCol < 1 {
		return 0
	}
	start := starts[line-1]
	end := min(start+byteCol-1, len(text))
	if end < start {
		return 0
	}
	return utf8.RuneCount(text[start:end]) + 1
}
