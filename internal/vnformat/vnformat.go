// Package vnformat writes numbers, amounts, file sizes, dates and periods
// the way Vietnamese readers expect them: a dot between thousands, a comma
// before decimals (1.234,5), the day before the month (15/7/2025). The
// build writes every such figure through it (by internal/locale, which
// writes the other languages' too), so that pages, chart labels, tables
// and descriptions agree; weekdays are messages (locale.WeekdayText).
package vnformat

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Int writes n with a dot between thousands: 1.234.567, -1.000.
func Int(n int64) string { return grouped(strconv.FormatInt(n, 10)) }

// VND writes an amount of đồng: 8000 → "8.000 đồng".
func VND(amount int64) string { return Int(amount) + " đồng" }

// Number writes x rounded (as Round does) to dec decimals, none when dec
// is negative, with a dot between thousands and a comma before the
// decimals: 1.840, 95,50. A negative number that rounds to zero is written
// without its sign.
func Number(x float64, dec int) string {
	dec = max(dec, 0)
	s := strconv.FormatFloat(Round(x, dec), 'f', dec, 64)
	if strings.Trim(s, "-0.") == "" {
		s = strings.TrimPrefix(s, "-")
	}
	whole, frac, ok := strings.Cut(s, ".")
	s = grouped(whole)
	if ok {
		s += "," + frac
	}
	return s
}

// Round is x rounded to dec decimals, half away from zero, or x itself
// when dec is negative or x is too large to round. Numbers are drawn and
// compared rounded as Number shows them, so that a bar and its label agree.
func Round(x float64, dec int) float64 {
	if dec < 0 {
		return x
	}
	p := math.Pow(10, float64(dec))
	r := math.Round(x*p) / p
	if math.IsInf(r, 0) || math.IsNaN(r) {
		return x
	}
	return r
}

// grouped puts a dot between the thousands of a whole number written in
// digits, after its sign if it has one.
func grouped(s string) string {
	digits := strings.TrimPrefix(s, "-")
	var b strings.Builder
	b.WriteString(s[:len(s)-len(digits)])
	for i, c := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// FileSize writes a size in bytes for a download link: 1023 byte, 12,5 KB,
// 3 MB.
func FileSize(n int64) string {
	// Sizes are rounded to one decimal, so 1023,96 KB is shown as 1 MB.
	switch {
	case n < 1024:
		return strconv.FormatInt(n, 10) + " byte"
	case n < 1024*1024-52:
		return oneDecimal(float64(n)/1024) + " KB"
	default:
		return oneDecimal(float64(n)/(1024*1024)) + " MB"
	}
}

// oneDecimal writes f with one decimal after a comma, none when it is 0:
// 12,5 and 3.
func oneDecimal(f float64) string {
	s := strings.TrimSuffix(strconv.FormatFloat(f, 'f', 1, 64), ".0")
	return strings.Replace(s, ".", ",", 1)
}

// Dates are written as the Government writes them in its own documents
// (Decree 30/2020/NĐ-CP, Appendix I): the day in two digits, the month
// with a leading zero only for January and February, the year in full:
// 01/7/2025, 15/02/2026, 31/12/2025. A sentence says "ngày 01/7/2025"
// (OnDay).

// Date writes the day of t as Vietnamese official texts write a date,
// 15/7/2025, or "" for the zero time (a date left out).
func Date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return Day(t.Date())
}

// Day writes a calendar day given by its numbers, such as a day of a CSV,
// the way Date does: 15/5/2025, 01/02/2026. 1 January of year 1 is a day
// here, not a date left out.
func Day(year int, month time.Month, day int) string {
	b := make([]byte, 0, 10)
	b = appendDayMonth(b, month, day)
	b = append(b, '/')
	if year >= 0 && year < 1000 {
		b = append(b, "000"[:4-len(strconv.Itoa(year))]...)
	}
	return string(strconv.AppendInt(b, int64(year), 10))
}

// OnDay writes a day as a sentence gives it: ngày 01/7/2025.
func OnDay(year int, month time.Month, day int) string { return "ngày " + Day(year, month, day) }

// appendDayMonth appends 01/7 (day, then month) to b.
func appendDayMonth(b []byte, month time.Month, day int) []byte {
	if day < 10 {
		b = append(b, '0')
	}
	b = strconv.AppendInt(b, int64(day), 10)
	b = append(b, '/')
	if month < 3 {
		b = append(b, '0')
	}
	return strconv.AppendInt(b, int64(month), 10)
}

// The periods of performance data, in two forms: the short one for a
// chart's axis (10/2026, Q2/2025), the long one that begins a table row or a
// sentence (Tháng 10/2026, Quý 2/2025, Năm 2024, Ngày 15/05/2025).

// Month writes a month for an axis: 10/2026.
func Month(year int, month time.Month) string { return fmt.Sprintf("%d/%d", int(month), year) }

// Quarter writes a quarter for an axis: Q2/2025.
func Quarter(year, q int) string { return fmt.Sprintf("Q%d/%d", q, year) }

// MonthLong writes a month in words: Tháng 10/2026.
func MonthLong(year int, month time.Month) string { return "Tháng " + Month(year, month) }

// QuarterLong writes a quarter in words: Quý 2/2025.
func QuarterLong(year, q int) string { return fmt.Sprintf("Quý %d/%d", q, year) }

// YearLong writes a year in words: Năm 2024.
func YearLong(year int) string { return fmt.Sprintf("Năm %d", year) }

// DayLong writes a day in words: Ngày 15/5/2025.
func DayLong(year int, month time.Month, day int) string { return "Ngày " + Day(year, month, day) }

// DayMonth writes the day of t without its year, for a date of a year
// the reader knows: 02/9, 01/01.
func DayMonth(t time.Time) string { return string(appendDayMonth(nil, t.Month(), t.Day())) }
