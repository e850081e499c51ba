package chart

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/congkhai/congkhai/internal/dataset"
	"github.com/congkhai/congkhai/internal/vnformat"
)

// MissingText stands in a table cell for a missing value; MissingLabel is
// what a screen reader says instead (in a visually hidden span).
const (
	MissingText  = "–"
	MissingLabel = "không có số liệu"
)

// decimals is how many decimals to show for v of column c.
func decimals(v dataset.Value, c *dataset.Column) int {
	if c.Decimals >= 0 {
		return c.Decimals
	}
	return v.Dec
}

// plotValue is the number drawn for v: rounded as it is shown, or nil
// (JSON null, a gap) when missing.
func plotValue(v dataset.Value, c *dataset.Column) any {
	if v.Kind != dataset.Number && v.Kind != dataset.Flag {
		return nil
	}
	return vnformat.Round(v.Num, decimals(v, c))
}

// formatCell writes a value for a table cell: numbers with "%" for
// percentages (other units are in the column header), periods in words.
func formatCell(v dataset.Value, c *dataset.Column) string {
	switch v.Kind {
	case dataset.Missing:
		return MissingText
	case dataset.Number:
		s := vnformat.Number(v.Num, decimals(v, c))
		if c.Unit == "%" {
			s += "%"
		}
		return s
	case dataset.Time:
		return PeriodLabel(v.Period)
	case dataset.Flag:
		if v.Num != 0 {
			return "Có"
		}
		return "Không"
	}
	return v.Text
}

// withUnit writes a number with its unit, for sentences: 98,45%, 1.840 hồ sơ.
func withUnit(v dataset.Value, c *dataset.Column) string {
	s := vnformat.Number(v.Num, decimals(v, c))
	switch c.Unit {
	case "":
		return s
	case "%":
		return s + "%"
	}
	return s + " " + c.Unit
}

// PeriodLabel names a period in words, as a table row or a sentence starts:
// Tháng 10/2026, Quý 2/2025, Năm 2024, Ngày 15/05/2025.
func PeriodLabel(p dataset.Period) string {
	switch p.Grain {
	case dataset.GrainYear:
		return vnformat.YearLong(p.Year)
	case dataset.GrainQuarter:
		return vnformat.QuarterLong(p.Year, p.N)
	case dataset.GrainMonth:
		return vnformat.MonthLong(p.Year, time.Month(p.N))
	case dataset.GrainDay:
		return vnformat.DayLong(p.Year, time.Month(p.N), p.Day)
	}
	return p.String()
}

// PeriodShort names a period on an axis: 10/2026, Q2/2025, 2024, 15/05/2025.
func PeriodShort(p dataset.Period) string {
	switch p.Grain {
	case dataset.GrainYear:
		return strconv.Itoa(p.Year)
	case dataset.GrainQuarter:
		return vnformat.Quarter(p.Year, p.N)
	case dataset.GrainMonth:
		return vnformat.Month(p.Year, time.Month(p.N))
	case dataset.GrainDay:
		return vnformat.Day(p.Year, time.Month(p.N), p.Day)
	}
	return p.String()
}

// categoryLabel names a category on an axis.
func categoryLabel(v dataset.Value) string {
	if v.Kind == dataset.Time {
		return PeriodShort(v.Period)
	}
	return v.Text
}

// categoryLong names a category in a table row or a sentence.
func categoryLong(v dataset.Value) string {
	if v.Kind == dataset.Time {
		return PeriodLabel(v.Period)
	}
	return v.Text
}

// lowerFirst lowercases the first letter of a label that continues a
// sentence, but not an acronym: "Tỷ lệ đúng hạn" → "tỷ lệ đúng hạn",
// "PAPI" stays.
func lowerFirst(s string) string {
	word, _, _ := strings.Cut(s, " ")
	upper := 0
	for _, r := range word {
		if unicode.IsUpper(r) {
			upper++
		}
	}
	if upper > 1 {
		return s
	}
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToLower(r)) + s[size:]
}

// upperFirst capitalises the first letter of a sentence.
func upperFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}
