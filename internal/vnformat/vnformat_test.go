package vnformat

import (
	"math"
	"strconv"
	"testing"
	"time"
)

func TestFormat(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	ict := time.FixedZone("ICT", 7*3600)
	round := func(x float64, dec int) string { return strconv.FormatFloat(Round(x, dec), 'g', -1, 64) }
	tests := []struct {
		call, got, want string
	}{
		{"Month(2026, 10)", Month(2026, time.October), "10/2026"},
		{"Month(999, 1)", Month(999, time.January), "1/999"},
		{"Quarter(2025, 2)", Quarter(2025, 2), "Q2/2025"},
		{"MonthLong(2026, 10)", MonthLong(2026, time.October), "Tháng 10/2026"},
		{"MonthLong(2025, 1)", MonthLong(2025, time.January), "Tháng 1/2025"},
		{"QuarterLong(2025, 2)", QuarterLong(2025, 2), "Quý 2/2025"},
		{"YearLong(2024)", YearLong(2024), "Năm 2024"},
		{"DayLong(2025, 5, 15)", DayLong(2025, time.May, 15), "Ngày 15/5/2025"},

		{"Int(0)", Int(0), "0"},
		{"Int(7)", Int(7), "7"},
		{"Int(999)", Int(999), "999"},
		{"Int(1000)", Int(1000), "1.000"},
		{"Int(123456)", Int(123456), "123.456"},
		{"Int(1234567)", Int(1234567), "1.234.567"},
		{"Int(-1)", Int(-1), "-1"},
		{"Int(-999)", Int(-999), "-999"},
		{"Int(-1000)", Int(-1000), "-1.000"},
		{"Int(MaxInt64)", Int(math.MaxInt64), "9.223.372.036.854.775.807"},
		{"Int(MinInt64)", Int(math.MinInt64), "-9.223.372.036.854.775.808"},

		{"VND(0)", VND(0), "0 đồng"},
		{"VND(5)", VND(5), "5 đồng"},
		{"VND(999)", VND(999), "999 đồng"},
		{"VND(1000)", VND(1000), "1.000 đồng"},
		{"VND(8000)", VND(8000), "8.000 đồng"},
		{"VND(75000)", VND(75000), "75.000 đồng"},
		{"VND(100000)", VND(100000), "100.000 đồng"},
		{"VND(1000000)", VND(1000000), "1.000.000 đồng"},
		{"VND(1234567890)", VND(1234567890), "1.234.567.890 đồng"},
		{"VND(-5)", VND(-5), "-5 đồng"},
		{"VND(-1000)", VND(-1000), "-1.000 đồng"},
		{"VND(-123456)", VND(-123456), "-123.456 đồng"},

		{"Number(1840, 0)", Number(1840, 0), "1.840"},
		{"Number(95.5, 2)", Number(95.5, 2), "95,50"},
		{"Number(98.4523, 2)", Number(98.4523, 2), "98,45"},
		{"Number(0.005, 2)", Number(0.005, 2), "0,01"},
		{"Number(-0.001, 2)", Number(-0.001, 2), "0,00"},
		{"Number(-1234567.891, 1)", Number(-1234567.891, 1), "-1.234.567,9"},
		{"Number(47.4488, 4)", Number(47.4488, 4), "47,4488"},
		{"Number(100, 0)", Number(100, 0), "100"},
		{"Number(999.996, 2)", Number(999.996, 2), "1.000,00"},
		{"Number(12, -1)", Number(12, -1), "12"},
		{"Number(12.7, -1)", Number(12.7, -1), "13"},
		{"Number(0, 0)", Number(0, 0), "0"},
		{"Number(0, 2)", Number(0, 2), "0,00"},
		{"Number(-0.0, 1)", Number(math.Copysign(0, -1), 1), "0,0"},
		{"Number(-0.4, 0)", Number(-0.4, 0), "0"},
		{"Number(-0.5, 0)", Number(-0.5, 0), "-1"},
		{"Number(2.5, 0)", Number(2.5, 0), "3"},
		{"Number(-999.5, 0)", Number(-999.5, 0), "-1.000"},
		{"Number(-0.05, 1)", Number(-0.05, 1), "-0,1"},
		{"Number(1e15, 0)", Number(1e15, 0), "1.000.000.000.000.000"},
		{"Number(123456789.25, 1)", Number(123456789.25, 1), "123.456.789,3"},

		{"Round(2.5, 0)", round(2.5, 0), "3"},
		{"Round(-2.5, 0)", round(-2.5, 0), "-3"},
		{"Round(0.125, 2)", round(0.125, 2), "0.13"},
		{"Round(98.4523, 2)", round(98.4523, 2), "98.45"},
		{"Round(1234.5, -1)", round(1234.5, -1), "1234.5"},
		{"Round(0, 3)", round(0, 3), "0"},
		{"Round(1e300, 10)", round(1e300, 10), "1e+300"},

		{"FileSize(0)", FileSize(0), "0 byte"},
		{"FileSize(1)", FileSize(1), "1 byte"},
		{"FileSize(1023)", FileSize(1023), "1023 byte"},
		{"FileSize(1024)", FileSize(1024), "1 KB"},
		{"FileSize(1536)", FileSize(1536), "1,5 KB"},
		{"FileSize(12.5 KB)", FileSize(12*1024 + 512), "12,5 KB"},
		{"FileSize(100 KB)", FileSize(100 * 1024), "100 KB"},
		{"FileSize(1 MB - 53)", FileSize(1024*1024 - 53), "1023,9 KB"},
		{"FileSize(1 MB - 52)", FileSize(1024*1024 - 52), "1 MB"},
		{"FileSize(1 MB)", FileSize(1024 * 1024), "1 MB"},
		{"FileSize(3 MB)", FileSize(3 * 1024 * 1024), "3 MB"},
		{"FileSize(3.5 MB)", FileSize(3*1024*1024 + 512*1024), "3,5 MB"},

		{"Date(zero)", Date(time.Time{}), ""},
		{"Date(2025-07-15)", Date(day(2025, 7, 15)), "15/7/2025"},
		{"Date(2025-01-05)", Date(day(2025, 1, 5)), "05/01/2025"},
		{"Date(2025-12-31 23:30 ICT)", Date(time.Date(2025, 12, 31, 23, 30, 0, 0, ict)), "31/12/2025"},
		{"Date(0999-07-01)", Date(day(999, 7, 1)), "01/7/0999"},
		{"Date(0001-01-02)", Date(day(1, 1, 2)), "02/01/0001"},
		{"Date(9999-12-31)", Date(day(9999, 12, 31)), "31/12/9999"},

		{"Day(2025, 5, 15)", Day(2025, 5, 15), "15/5/2025"},
		{"Day(2025, 12, 1)", Day(2025, 12, 1), "01/12/2025"},
		{"Day(999, 7, 1)", Day(999, 7, 1), "01/7/0999"},
		{"Day(1, 1, 1)", Day(1, 1, 1), "01/01/0001"},
		// Decree 30/2020: the month takes a leading zero for January and
		// February only; the day always has two digits.
		{"Day(2025, 7, 1)", Day(2025, 7, 1), "01/7/2025"},
		{"Day(2026, 2, 15)", Day(2026, 2, 15), "15/02/2026"},
		{"Day(2026, 3, 9)", Day(2026, 3, 9), "09/3/2026"},
		{"Day(2026, 10, 10)", Day(2026, 10, 10), "10/10/2026"},
		{"Day(12, 3, 4)", Day(12, 3, 4), "04/3/0012"},
		{"OnDay(2025, 7, 1)", OnDay(2025, 7, 1), "ngày 01/7/2025"},
		{"DayMonth(2026-12-24)", DayMonth(day(2026, 12, 24)), "24/12"},

		{"DayMonth(2026-09-02)", DayMonth(day(2026, 9, 2)), "02/9"},
		{"DayMonth(2027-01-01)", DayMonth(day(2027, 1, 1)), "01/01"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s = %q, want %q", tt.call, tt.got, tt.want)
		}
	}
}
