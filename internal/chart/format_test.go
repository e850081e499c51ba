package chart

import (
	"testing"

	"github.com/congkhai/congkhai/internal/dataset"
)

func TestPeriodLabels(t *testing.T) {
	tests := []struct {
		p           dataset.Period
		long, short string
	}{
		{dataset.Period{Grain: dataset.GrainMonth, Year: 2026, N: 10}, "Tháng 10/2026", "10/2026"},
		{dataset.Period{Grain: dataset.GrainQuarter, Year: 2025, N: 2}, "Quý 2/2025", "Q2/2025"},
		{dataset.Period{Grain: dataset.GrainYear, Year: 2024}, "Năm 2024", "2024"},
		{dataset.Period{Grain: dataset.GrainDay, Year: 2025, N: 7, Day: 1}, "Ngày 01/7/2025", "01/7/2025"},
	}
	for _, tt := range tests {
		if got := PeriodLabel(vi, tt.p); got != tt.long {
			t.Errorf("PeriodLabel(%v) = %q, want %q", tt.p, got, tt.long)
		}
		if got := PeriodShort(vi, tt.p); got != tt.short {
			t.Errorf("PeriodShort(%v) = %q, want %q", tt.p, got, tt.short)
		}
	}
}

func TestLowerFirst(t *testing.T) {
	for in, want := range map[string]string{
		"Tỷ lệ giải quyết đúng hạn": "tỷ lệ giải quyết đúng hạn",
		"Đúng hạn":                  "đúng hạn",
		"PAPI":                      "PAPI",
		"SIPAS theo năm":            "SIPAS theo năm",
		"UBND phường":               "UBND phường",
		"":                          "",
	} {
		if got := lowerFirst(in); got != want {
			t.Errorf("lowerFirst(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestPalette: every series colour keeps 3:1 against white for graphics
// (WCAG 1.4.11) and 4.5:1 for the value labels written in it; series also
// differ by symbol and dash.
func TestPalette(t *testing.T) {
	seen := map[string]bool{}
	for i, c := range Palette() {
		if r := contrast(c, "#ffffff"); r < 4.5 {
			t.Errorf("%s: contrast %.2f:1 against white", c, r)
		}
		if seen[c] {
			t.Errorf("%s twice", c)
		}
		seen[c] = true
		_, sym, _ := style(i)
		_, prev, _ := style(i + len(symbols) - 1)
		if sym == prev {
			t.Errorf("series %d has the symbol of the one before it", i)
		}
	}
	if r := contrast("#1f2937", "#ffffff"); r < 4.5 {
		t.Errorf("break label colour: %.2f:1", r)
	}
	Palette()[0] = "#ffffff"
	if Palette()[0] == "#ffffff" {
		t.Error("a caller recoloured the palette through the slice it was given")
	}
}
