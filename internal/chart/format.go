package chart

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/congkhai/congkhai/internal/dataset"
	"github.com/congkhai/congkhai/internal/locale"
	"github.com/congkhai/congkhai/internal/vnformat"
)

// MissingText stands in a table cell for a missing value; MissingLabel is
// what a screen reader says instead (in a visually hidden span), in the
// page's language.
const MissingText = "–"

// MissingLabel says that a value is missing: không có số liệu, no figures.
func MissingLabel(loc *locale.Locale) string { return loc.T("no figures") }

// unit is a column's unit in the page's language: "%" stays, a word
// ("hồ sơ") is a data name.
func unit(loc *locale.Locale, c *dataset.Column) string {
	if c.Unit == "" || c.Unit == "%" {
		return c.Unit
	}
	return loc.NameOf(c.Unit)
}

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
func formatCell(loc *locale.Locale, v dataset.Value, c *dataset.Column) string {
	switch v.Kind {
	case dataset.Missing:
		return MissingText
	case dataset.Number:
		s := loc.Number(v.Num, decimals(v, c))
		if c.Unit == "%" {
			s += "%"
		}
		return s
	case dataset.Time:
		return PeriodLabel(loc, v.Period)
	case dataset.Flag:
		if v.Num != 0 {
			return loc.T("Yes")
		}
		return loc.T("No")
	}
	return loc.NameOf(v.Text)
}

// withUnit writes a number with its unit, for sentences: 98,45%, 1.840 hồ
// sơ; 98.45%, 1,840 dossiers.
func withUnit(loc *locale.Locale, v dataset.Value, c *dataset.Column) string {
	s := loc.Number(v.Num, decimals(v, c))
	switch c.Unit {
	case "":
		return s
	case "%":
		return s + "%"
	}
	return s + " " + unit(loc, c)
}

// PeriodLabel names a period in words, as a table row or a sentence starts:
// Tháng 10/2026, Quý 2/2025, Năm 2024, Ngày 15/05/2025; October 2026,
// Quarter 2, 2025, Year 2024, 15 May 2025.
func PeriodLabel(loc *locale.Locale, p dataset.Period) string {
	switch p.Grain {
	case dataset.GrainYear:
		return loc.YearLong(p.Year)
	case dataset.GrainQuarter:
		return loc.QuarterLong(p.Year, p.N)
	case dataset.GrainMonth:
		return loc.MonthLong(p.Year, time.Month(p.N))
	case dataset.GrainDay:
		return loc.DayLong(p.Year, time.Month(p.N), p.Day)
	}
	return p.String()
}

// PeriodShort names a period on an axis: 10/2026, Q2/2025, 2024,
// 15/05/2025; Oct 2026, Q2 2025, 2024, 15 May 2025.
func PeriodShort(loc *locale.Locale, p dataset.Period) string {
	switch p.Grain {
	case dataset.GrainYear:
		return strconv.Itoa(p.Year)
	case dataset.GrainQuarter:
		return loc.Quarter(p.Year, p.N)
	case dataset.GrainMonth:
		return loc.Month(p.Year, time.Month(p.N))
	case dataset.GrainDay:
		return loc.Day(p.Year, time.Month(p.N), p.Day)
	}
	return p.String()
}

// categoryLabel names a category on an axis.
func categoryLabel(loc *locale.Locale, v dataset.Value) string {
	if v.Kind == dataset.Time {
		return PeriodShort(loc, v.Period)
	}
	return loc.NameOf(v.Text)
}

// categoryLong names a category in a table row, or where a sentence
// starts in Vietnamese.
func categoryLong(loc *locale.Locale, v dataset.Value) string {
	if v.Kind == dataset.Time {
		return PeriodLabel(loc, v.Period)
	}
	return loc.NameOf(v.Text)
}

// opening names a category where a sentence begins with it: Tháng
// 10/2026, October 2026 (English writes a year alone: 2024).
func opening(loc *locale.Locale, v dataset.Value) string {
	if loc.English() {
		return inText(loc, v)
	}
	return categoryLong(loc, v)
}

// inText names a category inside a sentence: tháng 9/2026, năm 2021;
// September 2026, 2021.
func inText(loc *locale.Locale, v dataset.Value) string {
	if !loc.English() {
		return lowerFirst(categoryLong(loc, v))
	}
	if v.Kind == dataset.Time && v.Period.Grain == dataset.GrainYear {
		return strconv.Itoa(v.Period.Year)
	}
	return categoryLong(loc, v)
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
