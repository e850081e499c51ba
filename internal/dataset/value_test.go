package dataset

import (
	"slices"
	"testing"
)

func TestParseCell(t *testing.T) {
	tests := []struct {
		in   string
		typ  Type
		mark byte
		kind Kind
		num  float64
		dec  int
		err  string
	}{
		{in: "", typ: Integer, mark: '.', kind: Missing},
		{in: "", typ: Percent, mark: ',', kind: Missing},
		{in: "1840", typ: Integer, mark: '.', kind: Number, num: 1840},
		{in: "-12", typ: Integer, mark: '.', kind: Number, num: -12},
		{in: "0", typ: Integer, mark: ',', kind: Number, num: 0},
		{in: "12a", typ: Integer, mark: '.', err: `"12a" is not a whole number`},
		{in: "1.840", typ: Integer, mark: ',', err: `"1.840" is not a whole number: write 1840, without a thousands separator`},
		{in: "1.840", typ: Integer, mark: '.', err: `"1.840" is not a whole number: write 1840, without a thousands separator`},
		{in: "1,840,000", typ: Integer, mark: '.', err: `"1,840,000" is not a whole number: write 1840000, without a thousands separator`},
		{in: "12,5", typ: Integer, mark: ',', err: `"12,5" is not a whole number: this column holds counts, written without decimals or thousands separators`},
		{in: "1 840", typ: Integer, mark: '.', err: `"1 840" is not a whole number`},
		{in: "--1", typ: Integer, mark: '.', err: `"--1" is not a whole number`},
		{in: "1e9", typ: Integer, mark: '.', err: `"1e9" is not a whole number`},
		{in: "9999999999999999", typ: Integer, mark: '.', err: `"9999999999999999" is too large`},
		{in: "47.4488", typ: Decimal, mark: '.', kind: Number, num: 47.4488, dec: 4},
		{in: "47,4488", typ: Decimal, mark: ',', kind: Number, num: 47.4488, dec: 4},
		{in: "47.178", typ: Decimal, mark: '.', kind: Number, num: 47.178, dec: 3},
		{in: "95", typ: Decimal, mark: ',', kind: Number, num: 95},
		{in: "-0,5", typ: Decimal, mark: ',', kind: Number, num: -0.5, dec: 1},
		{in: "95.5", typ: Decimal, mark: ',', err: `"95.5" uses ".", but the decimal mark of this file is ",": write 95,5, or set decimal = "." in the description`},
		{in: "95,5", typ: Decimal, mark: '.', err: `"95,5" uses ",", but the decimal mark of this file is ".": write 95.5, or set decimal = "," in the description`},
		{in: "1.840", typ: Decimal, mark: ',', err: `"1.840" is ambiguous: write 1840 for a whole number (without a thousands separator), or 1,840 with the decimal mark of this file, ","`},
		{in: "1.840,5", typ: Decimal, mark: ',', err: `"1.840,5" is not a number: write it without a thousands separator, with "," as the decimal mark, such as 95,5`},
		{in: ",5", typ: Decimal, mark: ',', err: `",5" is not a number: write digits with "," as the decimal mark, such as 95,5`},
		{in: "5,", typ: Decimal, mark: ',', err: `"5," is not a number: write digits with "," as the decimal mark, such as 95,5`},
		{in: "abc", typ: Decimal, mark: '.', err: `"abc" is not a number: write digits with "." as the decimal mark, such as 95.5`},
		{in: "NaN", typ: Decimal, mark: '.', err: `"NaN" is not a number: write digits with "." as the decimal mark, such as 95.5`},
		{in: "95,50%", typ: Percent, mark: ',', kind: Number, num: 95.5, dec: 2},
		{in: "100", typ: Percent, mark: '.', kind: Number, num: 100},
		{in: "98.45 %", typ: Percent, mark: '.', kind: Number, num: 98.45, dec: 2},
		{in: "100.5", typ: Percent, mark: '.', err: `"100.5" is not a percentage from 0 to 100`},
		{in: "-1", typ: Percent, mark: '.', err: `"-1" is not a percentage from 0 to 100`},
		{in: "95.5%", typ: Percent, mark: ',', err: `"95.5%" uses ".", but the decimal mark of this file is ",": write 95,5, or set decimal = "." in the description`},
		{in: "x%", typ: Percent, mark: '.', err: `"x%" is not a percentage: write digits with "." as the decimal mark, such as 95.5`},
		{in: "n/a", typ: Percent, mark: '.', err: `"n/a" says there is no figure: leave the cell empty instead (an empty cell is shown as not reported), never a number in its place`},
		{in: "–", typ: Integer, mark: ',', err: `"–" says there is no figure: leave the cell empty instead (an empty cell is shown as not reported), never a number in its place`},
		{in: "Chưa có", typ: Decimal, mark: ',', err: `"Chưa có" says there is no figure: leave the cell empty instead (an empty cell is shown as not reported), never a number in its place`},
		{in: "2024", typ: Year, mark: '.', kind: Time},
		{in: "24", typ: Year, mark: '.', err: `"24" is not a year: write four digits, such as 2024`},
		{in: "2026-10", typ: Month, mark: '.', kind: Time},
		{in: "2026-13", typ: Month, mark: '.', err: `"2026-13" is not a month: write YYYY-MM, such as 2026-10 (in Excel, format the column as Text so that it keeps this form)`},
		{in: "10/2026", typ: Month, mark: '.', err: `"10/2026" is not a month: write YYYY-MM, such as 2026-10 (in Excel, format the column as Text so that it keeps this form)`},
		{in: "2026-1", typ: Month, mark: '.', err: `"2026-1" is not a month: write YYYY-MM, such as 2026-10 (in Excel, format the column as Text so that it keeps this form)`},
		{in: "2025-Q2", typ: Quarter, mark: '.', kind: Time},
		{in: "2025-Q5", typ: Quarter, mark: '.', err: `"2025-Q5" is not a quarter: write YYYY-Qn, such as 2025-Q2`},
		{in: "2025-07-01", typ: Date, mark: '.', kind: Time},
		{in: "2025-02-30", typ: Date, mark: '.', err: `"2025-02-30" is not a date: write YYYY-MM-DD, such as 2025-07-01 (in Excel, format the column as Text so that it keeps this form)`},
		{in: "2025-Q2", typ: PeriodT, mark: '.', kind: Time},
		{in: "2024", typ: PeriodT, mark: '.', kind: Time},
		{in: "2025-07-01", typ: PeriodT, mark: '.', err: `"2025-07-01" is not a period: write a year (2024), a quarter (2025-Q2) or a month (2026-10) (in Excel, format the column as Text so that it keeps this form)`},
		{in: "có", typ: Bool, mark: '.', kind: Flag, num: 1},
		{in: "FALSE", typ: Bool, mark: '.', kind: Flag, num: 0},
		{in: "maybe", typ: Bool, mark: '.', err: `"maybe" is not true or false: write true or false (or có / không)`},
		{in: "</script>", typ: Text, mark: '.', kind: String},
	}
	for _, tt := range tests {
		v, err := parseCell(tt.in, tt.typ, tt.mark)
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("parseCell(%q, %s, %q) error = %v\n want %s", tt.in, tt.typ, tt.mark, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("parseCell(%q, %s, %q): %v", tt.in, tt.typ, tt.mark, err)
			continue
		}
		if v.Kind != tt.kind || v.Num != tt.num || v.Dec != tt.dec {
			t.Errorf("parseCell(%q, %s, %q) = %+v, want kind %d num %v dec %d", tt.in, tt.typ, tt.mark, v, tt.kind, tt.num, tt.dec)
		}
		if tt.kind == Missing && !v.IsMissing() {
			t.Errorf("parseCell(%q): an empty cell must be missing, not %+v", tt.in, v)
		}
	}
}

func TestPeriods(t *testing.T) {
	in := []string{"2025-Q2", "2024", "2025-05", "2025", "2025-Q1", "2025-01", "2025-04-01", "2026-10"}
	var ps []Period
	for _, s := range in {
		p, ok := parsePeriod(s)
		if !ok {
			t.Fatalf("parsePeriod(%q) failed", s)
		}
		if p.String() != s {
			t.Errorf("String() = %q, want %q", p.String(), s)
		}
		ps = append(ps, p)
	}
	slices.SortFunc(ps, Period.Compare)
	var got []string
	for _, p := range ps {
		got = append(got, p.String())
	}
	want := []string{"2024", "2025", "2025-Q1", "2025-01", "2025-Q2", "2025-04-01", "2025-05", "2026-10"}
	if !slices.Equal(got, want) {
		t.Errorf("order %v, want %v", got, want)
	}
	next := map[string]string{"2024": "2025", "2025-Q4": "2026-Q1", "2025-12": "2026-01", "2024-02-28": "2024-02-29", "2025-12-31": "2026-01-01"}
	for from, to := range next {
		p, _ := parsePeriod(from)
		if p.Next().String() != to {
			t.Errorf("%s.Next() = %s, want %s", from, p.Next(), to)
		}
	}
	a, _ := parsePeriod("2024-11")
	b, _ := parsePeriod("2026-10")
	if n := a.Steps(b); n != 23 {
		t.Errorf("steps 2024-11 → 2026-10 = %d, want 23", n)
	}
	for _, bad := range []string{"", "202", "0000", "2025-00", "2025-Q0", "2025-q2", "2025-1-01", "２０２５", "2025-05-", "2025-05-1x"} {
		if _, ok := parsePeriod(bad); ok {
			t.Errorf("parsePeriod(%q) accepted", bad)
		}
	}
}
