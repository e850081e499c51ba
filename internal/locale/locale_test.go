package locale_test

import (
	"testing"
	"time"

	"github.com/congkhai/congkhai/internal/i18n"
	"github.com/congkhai/congkhai/internal/locale"
)

func english(t *testing.T, names map[string]string) *locale.Locale {
	t.Helper()
	cat, err := i18n.Load(i18n.English)
	if err != nil {
		t.Fatal(err)
	}
	return locale.New(i18n.English, cat, names)
}

// TestFigures: every figure as each language writes it.
func TestFigures(t *testing.T) {
	vi, en := locale.Vietnamese(), english(t, nil)
	day := time.Date(2025, time.July, 1, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct{ name, vi, en string }{
		{"Int", vi.Int(1234567), en.Int(1234567)},
		{"negative Int", vi.Int(-1000), en.Int(-1000)},
		{"Number", vi.Number(1840.45, 1), en.Number(1840.45, 1)},
		{"VND", vi.VND(50000), en.VND(50000)},
		{"free", vi.VND(0), en.VND(0)},
		{"FileSize KB", vi.FileSize(12800), en.FileSize(12800)},
		{"FileSize byte", vi.FileSize(1), en.FileSize(1)},
		{"FileSize bytes", vi.FileSize(900), en.FileSize(900)},
		{"Date", vi.Date(day), en.Date(day)},
		{"no date", vi.Date(time.Time{}), en.Date(time.Time{})},
		{"OnDay", vi.OnDay(2025, 7, 1), en.OnDay(2025, 7, 1)},
		{"DayMonth", vi.DayMonth(time.Date(2026, 9, 2, 0, 0, 0, 0, time.UTC)), en.DayMonth(time.Date(2026, 9, 2, 0, 0, 0, 0, time.UTC))},
		{"Month", vi.Month(2026, 10), en.Month(2026, 10)},
		{"Quarter", vi.Quarter(2025, 2), en.Quarter(2025, 2)},
		{"MonthLong", vi.MonthLong(2026, 10), en.MonthLong(2026, 10)},
		{"QuarterLong", vi.QuarterLong(2025, 2), en.QuarterLong(2025, 2)},
		{"YearLong", vi.YearLong(2024), en.YearLong(2024)},
		{"DayLong", vi.DayLong(2025, 5, 15), en.DayLong(2025, 5, 15)},
		{"Monday", vi.Weekday(time.Monday), en.Weekday(time.Monday)},
		{"Sunday", vi.Weekday(time.Sunday), en.Weekday(time.Sunday)},
		{"not a weekday", vi.Weekday(7), en.Weekday(-1)},
	} {
		want := map[string][2]string{
			"Int":            {"1.234.567", "1,234,567"},
			"negative Int":   {"-1.000", "-1,000"},
			"Number":         {"1.840,5", "1,840.5"},
			"VND":            {"50.000 đồng", "VND 50,000"},
			"free":           {"0 đồng", "VND 0"},
			"FileSize KB":    {"12,5 KB", "12.5 KB"},
			"FileSize byte":  {"1 byte", "1 byte"},
			"FileSize bytes": {"900 byte", "900 bytes"},
			"Date":           {"01/7/2025", "1 July 2025"},
			"no date":        {"", ""},
			"OnDay":          {"ngày 01/7/2025", "on 1 July 2025"},
			"DayMonth":       {"02/9", "2 September"},
			"Month":          {"10/2026", "Oct 2026"},
			"Quarter":        {"Q2/2025", "Q2 2025"},
			"MonthLong":      {"Tháng 10/2026", "October 2026"},
			"QuarterLong":    {"Quý 2/2025", "Quarter 2, 2025"},
			"YearLong":       {"Năm 2024", "2024"},
			"DayLong":        {"Ngày 15/5/2025", "15 May 2025"},
			"Monday":         {"Thứ Hai", "Monday"},
			"Sunday":         {"Chủ nhật", "Sunday"},
			"not a weekday":  {"", ""},
		}[tc.name]
		if tc.vi != want[0] || tc.en != want[1] {
			t.Errorf("%s: %q and %q, want %q and %q", tc.name, tc.vi, tc.en, want[0], want[1])
		}
	}
}

// TestTexts: a text in each language, a plural's forms, and a data name
// with and without its English form, the missing one remembered.
func TestTexts(t *testing.T) {
	vi, en := locale.Vietnamese(), english(t, map[string]string{"Hộ tịch": "Civil status"})
	if got := vi.T("Home"); got != "Trang chủ" {
		t.Errorf("vi Home: %q", got)
	}
	if got := en.T("Home"); got != "Home" {
		t.Errorf("en Home: %q", got)
	}
	for n, want := range map[int]string{0: "0 bytes", 1: "1 byte", 2: "2 bytes"} {
		if got := en.Plural(n, "%d byte", "%d bytes", n); got != want {
			t.Errorf("en plural %d: %q, want %q", n, got, want)
		}
	}
	if got := vi.Plural(1, "%d byte", "%d bytes", 1); got != "1 byte" {
		t.Errorf("vi plural 1: %q", got)
	}
	if got, ok := en.Name("Hộ tịch"); got != "Civil status" || !ok {
		t.Errorf("en Name: %q %v", got, ok)
	}
	if got, ok := en.Name("Chứng thực"); got != "Chứng thực" || ok {
		t.Errorf("en Name of a name without a form: %q %v", got, ok)
	}
	if got, ok := vi.Name("Chứng thực"); got != "Chứng thực" || !ok {
		t.Errorf("vi Name: %q %v", got, ok)
	}
	if got := en.Missing(); len(got) != 1 || got[0] != "Chứng thực" {
		t.Errorf("en Missing: %q", got)
	}
	if len(vi.Missing()) != 0 {
		t.Errorf("vi Missing: %q", vi.Missing())
	}
}
