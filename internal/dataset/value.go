package dataset

import (
	"math"
	"strconv"
	"strings"

	"github.com/congkhai/congkhai/internal/msg"
)

// Type is the declared type of a column.
type Type string

const (
	Text    Type = "text"    // any text: names, identifiers
	Integer Type = "integer" // a whole number: 1840
	Decimal Type = "decimal" // a number: 47.4488 or 47,4488
	Percent Type = "percent" // a number from 0 to 100, optionally followed by %
	Year    Type = "year"    // YYYY
	Month   Type = "month"   // YYYY-MM
	Quarter Type = "quarter" // YYYY-Qn
	Date    Type = "date"    // YYYY-MM-DD
	PeriodT Type = "period"  // a year, a quarter or a month (files that mix them)
	Bool    Type = "bool"    // true/false, có/không, 1/0
)

// Types lists every column type, in the order the documentation gives
// them, in a new slice each call.
func Types() []Type {
	return []Type{Text, Integer, Decimal, Percent, Year, Month, Quarter, Date, PeriodT, Bool}
}

// Numeric reports whether values of t are numbers that a chart can draw.
func (t Type) Numeric() bool { return t == Integer || t == Decimal || t == Percent }

// IsPeriod reports whether values of t are periods.
func (t Type) IsPeriod() bool {
	return t == Year || t == Month || t == Quarter || t == Date || t == PeriodT
}

// Grains are the period grains a column of type t accepts.
func (t Type) Grains() []Grain {
	switch t {
	case Year:
		return []Grain{GrainYear}
	case Month:
		return []Grain{GrainMonth}
	case Quarter:
		return []Grain{GrainQuarter}
	case Date:
		return []Grain{GrainDay}
	case PeriodT:
		return []Grain{GrainYear, GrainQuarter, GrainMonth}
	}
	return nil
}

// Kind says what a Value holds.
type Kind uint8

const (
	Missing Kind = iota // an empty cell, or a rate whose inputs are missing: never zero
	Number
	String
	Time
	Flag
)

// Value is one typed cell.
type Value struct {
	Kind   Kind
	Num    float64 // Number, and Flag as 1 or 0
	Dec    int     // decimals of a Number as written, or as declared for a computed rate
	Text   string  // the cell as written (trimmed, NFC); empty when Missing
	Period Period  // Time
}

// IsMissing reports whether v has no value.
func (v Value) IsMissing() bool { return v.Kind == Missing }

// noFigure reports whether a cell's text is one of the marks that
// spreadsheets and editors write for a figure that does not exist.
func noFigure(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "n/a", "na", "#n/a", "-", "–", "—", "null", "không có", "chưa có", "không", "chưa báo cáo", "?":
		return true
	}
	return false
}

// maxMagnitude keeps numbers exact in a float64 and readable.
const maxMagnitude = 1e15

// parseCell reads the text of a cell as a value of type t. mark is the
// decimal mark of the file ('.' or ','). The error is a sentence an editor
// can act on, without the file and line (the caller adds them).
func parseCell(s string, t Type, mark byte) (Value, error) {
	if s == "" {
		return Value{}, nil
	}
	v, err := parseTyped(s, t, mark)
	// Only a cell that is no number is looked at again: the numbers of a
	// file cost nothing more.
	if err != nil && (t == Integer || t == Decimal || t == Percent) && noFigure(s) {
		return Value{}, msg.Errorf("%q says there is no figure: leave the cell empty instead (an empty cell is shown as not reported), never a number in its place", s)
	}
	return v, err
}

// parseTyped is parseCell of a cell that is not empty.
func parseTyped(s string, t Type, mark byte) (Value, error) {
	switch t {
	case Text:
		return Value{Kind: String, Text: s}, nil
	case Integer:
		return parseInteger(s, mark)
	case Decimal:
		return parseDecimal(s, s, mark, msg.T("a number"))
	case Percent:
		body := strings.TrimSpace(strings.TrimSuffix(s, "%"))
		v, err := parseDecimal(body, s, mark, msg.T("a percentage"))
		if err != nil {
			return v, err
		}
		if v.Num < 0 || v.Num > 100 {
			return Value{}, msg.Errorf("%q is not a percentage from 0 to 100", s)
		}
		v.Text = s
		return v, nil
	case Bool:
		switch strings.ToLower(s) {
		case "true", "có", "1", "x":
			return Value{Kind: Flag, Num: 1, Text: s}, nil
		case "false", "không", "0":
			return Value{Kind: Flag, Num: 0, Text: s}, nil
		}
		return Value{}, msg.Errorf("%q is not true or false: write true or false (or có / không)", s)
	}
	if t.IsPeriod() {
		p, ok := ParsePeriod(s, t.Grains()...)
		if !ok {
			return Value{}, msg.Errorf("%q is not %s", s, PeriodHint(t))
		}
		return Value{Kind: Time, Text: s, Period: p}, nil
	}
	return Value{}, msg.Errorf("unknown type %q", t)
}

// PeriodHint says how to write a value of the period type t, for messages.
func PeriodHint(t Type) msg.Text {
	const excel = "in Excel, format the column as Text so that it keeps this form"
	switch t {
	case Year:
		return msg.T("a year: write four digits, such as 2024")
	case Month:
		return msg.T("a month: write YYYY-MM, such as 2026-10 (%v)", msg.T(excel))
	case Quarter:
		return msg.T("a quarter: write YYYY-Qn, such as 2025-Q2")
	case Date:
		return msg.T("a date: write YYYY-MM-DD, such as 2025-07-01 (%v)", msg.T(excel))
	}
	return msg.T("a period: write a year (2024), a quarter (2025-Q2) or a month (2026-10) (%v)", msg.T(excel))
}

// otherMark is the separator that is not the decimal mark.
func otherMark(mark byte) byte {
	if mark == ',' {
		return '.'
	}
	return ','
}

func parseInteger(s string, mark byte) (Value, error) {
	body := strings.TrimLeft(s, "+-")
	if len(s)-len(body) > 1 || !allDigits(body) {
		for _, sep := range []byte{'.', ','} {
			if allDigitsOr(body, sep) && groupedThousands(body, sep) {
				return Value{}, msg.Errorf("%q is not a whole number: write %s, without a thousands separator", s, strings.ReplaceAll(s, string(sep), ""))
			}
		}
		if strings.ContainsAny(body, ".,") {
			return Value{}, msg.Errorf("%q is not a whole number: this column holds counts, written without decimals or thousands separators", s)
		}
		return Value{}, msg.Errorf("%q is not a whole number", s)
	}
	n, err := strconv.ParseFloat(s, 64)
	if err != nil || math.Abs(n) >= maxMagnitude {
		return Value{}, msg.Errorf("%q is too large", s)
	}
	return Value{Kind: Number, Num: n, Text: s}, nil
}

// parseDecimal accepts digits with at most one decimal mark, which must be
// mark. Thousands separators are refused: in Vietnamese 1.840 means one
// thousand eight hundred and forty, elsewhere one point eight four, and a
// guess would silently change the figure.
func parseDecimal(s, shown string, mark byte, what msg.Text) (Value, error) {
	body := strings.TrimLeft(s, "+-")
	other := otherMark(mark)
	intPart, frac, hasMark := strings.Cut(body, string(mark))
	switch {
	case len(s)-len(body) > 1 || body == "":
		return Value{}, msg.Errorf("%q is not %s", shown, what)
	case strings.IndexByte(body, other) >= 0 && strings.IndexByte(body, mark) >= 0:
		return Value{}, msg.Errorf("%q is not %s: write it without a thousands separator, with %q as the decimal mark, such as %s", shown, what, string(mark), example(mark))
	case allDigitsOr(body, other) && groupedThousands(body, other):
		return Value{}, msg.Errorf("%q is ambiguous: write %s for a whole number (without a thousands separator), or %s with the decimal mark of this file, %q", shown, strings.ReplaceAll(s, string(other), ""), strings.ReplaceAll(s, string(other), string(mark)), string(mark))
	case strings.Count(body, string(other)) == 1 && allDigitsOr(body, other):
		return Value{}, msg.Errorf("%q uses %q, but the decimal mark of this file is %q: write %s, or set decimal = %q in the description", shown, string(other), string(mark), strings.ReplaceAll(s, string(other), string(mark)), string(other))
	case !allDigits(intPart) || (hasMark && !allDigits(frac)):
		return Value{}, msg.Errorf("%q is not %s: write digits with %q as the decimal mark, such as %s", shown, what, string(mark), example(mark))
	}
	n, err := strconv.ParseFloat(strings.Replace(s, string(mark), ".", 1), 64)
	if err != nil || math.Abs(n) >= maxMagnitude {
		return Value{}, msg.Errorf("%q is too large", shown)
	}
	return Value{Kind: Number, Num: n, Dec: len(frac), Text: s}, nil
}

func example(mark byte) string {
	if mark == ',' {
		return "95,5"
	}
	return "95.5"
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func allDigitsOr(s string, sep byte) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if (s[i] < '0' || s[i] > '9') && s[i] != sep {
			return false
		}
	}
	return true
}

// groupedThousands reports whether s is digits grouped by threes with sep,
// such as 1.840 or 12.345.678.
func groupedThousands(s string, sep byte) bool {
	parts := strings.Split(s, string(sep))
	if len(parts) < 2 || len(parts[0]) == 0 || len(parts[0]) > 3 {
		return false
	}
	for _, p := range parts[1:] {
		if len(p) != 3 {
			return false
		}
	}
	return true
}
