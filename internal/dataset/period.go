package dataset

import (
	"cmp"
	"fmt"
	"strconv"
	"time"
)

// Grain is the length of a period: a year, a quarter, a month or a day.
type Grain uint8

const (
	GrainYear Grain = iota + 1
	GrainQuarter
	GrainMonth
	GrainDay
)

// Period is a calendar period as written in a CSV cell: 2024 (a year),
// 2025-Q2 (a quarter), 2026-10 (a month) or 2025-05-15 (a day).
type Period struct {
	Grain Grain
	Year  int
	N     int // the quarter (1–4) or the month (1–12); 0 for a year
	Day   int // 1–31 for a day; 0 otherwise
}

// ParsePeriod reads s as a period of one of the grains allowed; it reports
// false when s is not one.
func ParsePeriod(s string, allowed ...Grain) (Period, bool) {
	p, ok := parsePeriod(s)
	if !ok {
		return Period{}, false
	}
	for _, g := range allowed {
		if p.Grain == g {
			return p, true
		}
	}
	return Period{}, false
}

func parsePeriod(s string) (Period, bool) {
	digits := func(t string) (int, bool) {
		if t == "" {
			return 0, false
		}
		for i := 0; i < len(t); i++ {
			if t[i] < '0' || t[i] > '9' {
				return 0, false
			}
		}
		n, err := strconv.Atoi(t)
		return n, err == nil
	}
	if len(s) < 4 {
		return Period{}, false
	}
	y, ok := digits(s[:4])
	if !ok || y < 1 {
		return Period{}, false
	}
	rest := s[4:]
	switch {
	case rest == "":
		return Period{Grain: GrainYear, Year: y}, true
	case len(rest) == 3 && rest[0] == '-' && rest[1] == 'Q':
		q, ok := digits(rest[2:])
		if !ok || q < 1 || q > 4 {
			return Period{}, false
		}
		return Period{Grain: GrainQuarter, Year: y, N: q}, true
	case len(rest) == 3 && rest[0] == '-':
		m, ok := digits(rest[1:])
		if !ok || m < 1 || m > 12 {
			return Period{}, false
		}
		return Period{Grain: GrainMonth, Year: y, N: m}, true
	case len(rest) == 6 && rest[0] == '-' && rest[3] == '-':
		m, ok1 := digits(rest[1:3])
		d, ok2 := digits(rest[4:])
		if !ok1 || !ok2 || m < 1 || m > 12 || d < 1 {
			return Period{}, false
		}
		if t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC); t.Day() != d {
			return Period{}, false // 2025-02-30
		}
		return Period{Grain: GrainDay, Year: y, N: m, Day: d}, true
	}
	return Period{}, false
}

// String is the canonical form, as written in a CSV cell.
func (p Period) String() string {
	switch p.Grain {
	case GrainYear:
		return fmt.Sprintf("%04d", p.Year)
	case GrainQuarter:
		return fmt.Sprintf("%04d-Q%d", p.Year, p.N)
	case GrainMonth:
		return fmt.Sprintf("%04d-%02d", p.Year, p.N)
	case GrainDay:
		return fmt.Sprintf("%04d-%02d-%02d", p.Year, p.N, p.Day)
	}
	return ""
}

// startMonth is the first month of the period (1–12).
func (p Period) startMonth() int {
	switch p.Grain {
	case GrainQuarter:
		return 3*(p.N-1) + 1
	case GrainMonth, GrainDay:
		return p.N
	}
	return 1
}

// Compare orders periods by their first day; a longer period comes before
// a shorter one that starts on the same day (2025 before 2025-Q1 before
// 2025-01).
func (p Period) Compare(q Period) int {
	return cmp.Or(
		cmp.Compare(p.Year, q.Year),
		cmp.Compare(p.startMonth(), q.startMonth()),
		cmp.Compare(max(p.Day, 1), max(q.Day, 1)),
		cmp.Compare(p.Grain, q.Grain),
	)
}

// Next is the period that follows p, of the same grain.
func (p Period) Next() Period {
	switch p.Grain {
	case GrainYear:
		p.Year++
	case GrainQuarter:
		if p.N++; p.N > 4 {
			p.N, p.Year = 1, p.Year+1
		}
	case GrainMonth:
		if p.N++; p.N > 12 {
			p.N, p.Year = 1, p.Year+1
		}
	case GrainDay:
		t := time.Date(p.Year, time.Month(p.N), p.Day+1, 0, 0, 0, 0, time.UTC)
		p.Year, p.N, p.Day = t.Year(), int(t.Month()), t.Day()
	}
	return p
}

// Steps is how many periods of p's grain lie from p to q (q of the same
// grain, not before p); days are not counted and give -1.
func (p Period) Steps(q Period) int {
	switch p.Grain {
	case GrainYear:
		return q.Year - p.Year
	case GrainQuarter:
		return 4*(q.Year-p.Year) + q.N - p.N
	case GrainMonth:
		return 12*(q.Year-p.Year) + q.N - p.N
	}
	return -1
}
