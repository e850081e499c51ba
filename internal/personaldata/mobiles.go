package personaldata

import (
	"github.com/congkhai/congkhai/internal/contacts/phone"
)

// MobileMatch is one suspected mobile number in a text.
type MobileMatch struct {
	Line, Col int    // 1-based, of its first character; the column counts characters
	Digits    string // as dialled inside Viet Nam: 0912345678
	Masked    string // the digits with the middle four hidden: 0912****78
}

// FindMobiles returns every suspected mobile number (số di động) in src, in
// order.
//
// What counts as a mobile number: ten digits that package phone reads as
// a mobile, written together (0912345678) or in groups separated by one
// space, no-break space, tab, dot or hyphen, the first group of three
// digits or more and the others of two or more (0912 345 678,
// 091.234.5678, 0903-12-34-56); or the same after +84 or (+84), with or
// without its 0 (+84 912 345 678, (+84) 912.345.678, +84912345678). The
// number must stand alone: a run of digits that goes on past the tenth
// digit, or that a dot or a hyphen joins to more digits before or after it
// (1.091.234.567.890, 0.0912345678), is not a phone number. A comma is not
// such a join: it separates the cells of a CSV file (2026-09,0912345678)
// far more often than it starts a decimal fraction of ten digits.
// Landlines (11 digits from 02), short numbers (1022), 1800 and 1900
// numbers and citizen ID numbers (12 digits) never match, nor does
// 84912345678 written without its +, which is as likely an amount.
func FindMobiles(src []byte) []MobileMatch {
	_, mobiles := find(src, false, true)
	return mobiles
}

// mobileAt reports whether a mobile number is written from the group of
// digits that starts at line[i], or from the +84 just before it: where
// its text starts and ends, and its digits.
func mobileAt(line []byte, i int) (start, end int, digits string, ok bool) {
	if i >= 2 && (line[i-1] == '.' || line[i-1] == '-') && isDigit(line[i-2]) {
		return 0, 0, "", false // a group inside a longer number
	}
	start, from, want := i, i, 10
	switch {
	case i >= 1 && line[i-1] == '+' && hasPrefix(line[i:], "84"):
		// +84 912 345 678, (+84) 912 345 678, +84912345678, +84 0912 345 678
		start, from = i-1, i+2
		if i >= 2 && line[i-2] == '(' && from < len(line) && line[from] == ')' {
			start, from = i-2, from+1
		}
		if from < len(line) && !isDigit(line[from]) {
			next, _ := separatorAt(line, from)
			if next < 0 {
				return 0, 0, "", false
			}
			from = next
		}
		if from >= len(line) || !isDigit(line[from]) {
			return 0, 0, "", false
		}
		if line[from] != '0' {
			want = 9
		}
	case line[i] != '0':
		return 0, 0, "", false
	}
	end, ok = groupsOf(line, from, want, from == i)
	if !ok {
		return 0, 0, "", false
	}
	n, err := phone.Parse(string(line[start:end]))
	if err != nil || n.Kind() != phone.Mobile {
		return 0, 0, "", false
	}
	return start, end, n.Digits(), true
}

// groupsOf reads groups of digits from line[from], one separator between
// two groups, until they hold want digits, and returns where the last one
// ends. It fails when the digits go past want within a group, when a group
// after the first has fewer than two digits, when the first has fewer than
// three (only when firstLong), and when a dot or a hyphen joins the last
// group to more digits.
func groupsOf(line []byte, from, want int, firstLong bool) (end int, ok bool) {
	count := 0
	for g, i := 0, from; ; g++ {
		j := i
		for j < len(line) && isDigit(line[j]) {
			j++
		}
		n := j - i
		if (g == 0 && firstLong && n < 3) || (g > 0 && n < 2) {
			return 0, false
		}
		count += n
		switch {
		case count > want:
			return 0, false
		case count == want:
			if next, sep := separatorAt(line, j); next >= 0 && (sep == '.' || sep == '-') {
				return 0, false
			}
			return j, true
		}
		next, _ := separatorAt(line, j)
		if next < 0 {
			return 0, false
		}
		i = next
	}
}

// separatorAt reports whether line[i] is one separator between two groups
// of digits (a space, a no-break space, a tab, a dot or a hyphen followed
// by a digit): where the next group starts and the separator (' ' for a
// no-break space), or -1.
func separatorAt(line []byte, i int) (next int, sep byte) {
	if i >= len(line) {
		return -1, 0
	}
	switch c := line[i]; {
	case c == ' ' || c == '\t' || c == '.' || c == '-':
		next, sep = i+1, c
	case c == 0xC2 && i+1 < len(line) && line[i+1] == 0xA0: // U+00A0
		next, sep = i+2, ' '
	default:
		return -1, 0
	}
	if next >= len(line) || !isDigit(line[next]) {
		return -1, 0
	}
	return next, sep
}

func hasPrefix(b []byte, prefix string) bool {
	return len(b) >= len(prefix) && string(b[:len(prefix)]) == prefix
}
