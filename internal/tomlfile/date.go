package tomlfile

import (
	"fmt"
	"time"

	"github.com/congkhai/congkhai/internal/msg"
)

// Date is a date field of a document: the calendar day written, and
// whether a day was written at all. A time.Time cannot say the second: its
// zero value is 0001-01-01, a day an editor can write, who must then be
// told that the year is wrong, not that the date is missing.
//
// A Date decodes from a TOML date (2025-07-15) or date-time (the day as
// written, in its own offset); text, a number or a time of day is a type
// error at the field's line. The zero Date is a date left out. A Date holds
// no pointer (a time.Time holds its zone's), so that the dates of the
// records a site keeps cost the garbage collector nothing.
type Date struct {
	day   int64 // days since 1970-01-01
	given bool
}

const secondsPerDay = 24 * 60 * 60

// NewDate returns the given date year-month-day (normalised as time.Date
// does: 31 April is 1 May).
func NewDate(year int, month time.Month, day int) Date {
	// Midnight UTC is a whole number of days from 1970-01-01.
	return Date{day: time.Date(year, month, day, 0, 0, 0, 0, time.UTC).Unix() / secondsPerDay, given: true}
}

// DateOf returns the calendar day of t in t's own zone, so that dates
// compare and print the same on every machine.
func DateOf(t time.Time) Date { return NewDate(t.Year(), t.Month(), t.Day()) }

// Given reports whether a date was written (or made by NewDate or DateOf).
func (d Date) Given() bool { return d.given }

// Time returns the day at midnight UTC, or the zero time.Time when no date
// was given. A given 0001-01-01 is the zero time.Time too: ask Given.
func (d Date) Time() time.Time {
	if !d.given {
		return time.Time{}
	}
	return time.Unix(d.day*secondsPerDay, 0).UTC()
}

// Before, After and Equal compare two dates by day; a date not given
// counts as 0001-01-01 in Before and After, so check Given first. Equal
// is true for two dates not given.
func (d Date) Before(e Date) bool { return d.days() < e.days() }
func (d Date) After(e Date) bool  { return d.days() > e.days() }
func (d Date) Equal(e Date) bool  { return d == e }

// days is d's day number, a date not given being 0001-01-01.
func (d Date) days() int64 {
	if !d.given {
		return earliestTime
	}
	return d.day
}

// earliestTime is the day number of 0001-01-01, time.Time's zero
// (TestDateCompare checks it).
const earliestTime = -719162

// AddDate returns the date years, months and days later (as
// time.Time.AddDate); a date not given stays not given.
func (d Date) AddDate(years, months, days int) Date {
	if !d.given {
		return d
	}
	return DateOf(d.Time().AddDate(years, months, days))
}

// String is the date as TOML writes it, 2025-07-15, or "" when none was
// given.
func (d Date) String() string { return string(d.Append(nil)) }

// Append appends the date as String writes it to b, for a writer that
// reuses its buffer; nothing when none was given.
func (d Date) Append(b []byte) []byte {
	if !d.given {
		return b
	}
	return d.Time().AppendFormat(b, time.DateOnly)
}

// errNotDate is what UnmarshalTOML returns for a value that is not a date;
// Decode then reports every such value, each at its own line, in the words
// of typeProblems.
var errNotDate = msg.Errorf("tomlfile: not a date")

// UnmarshalTOML implements toml.Unmarshaler.
func (d *Date) UnmarshalTOML(v any) error {
	t, ok := v.(time.Time)
	if !ok || timeOfDay(t) {
		return errNotDate
	}
	*d = DateOf(t)
	return nil
}

// timeOfDay reports whether t is a TOML local time (07:30:00): a time of
// day without a date, which the TOML library decodes at year 0 in a zone
// of its own.
func timeOfDay(t time.Time) bool { return t.Location().String() == "time-local" }

// EarliestDate is the earliest day a date of a portal may be: 2 September
// 1945, when the Democratic Republic of Viet Nam was proclaimed. No law,
// procedure, holiday or record a portal publishes is older: an earlier
// date is 0001-01-01 or a mistyped year. A function, so that no caller can
// move it.
func EarliestDate() Date { return NewDate(1945, 9, 2) }

// Errorer is where CheckEarliest reports: a Reporter, or any validator's.
type Errorer interface {
	Errorf(path, format string, args ...any)
}

// CheckEarliest reports to r, at path, a given date before EarliestDate,
// with write saying what to write instead (such as "write the day the
// directory was last checked, such as 2026-10-20"). It reports whether d is a
// plausible date: not given, or not before EarliestDate.
func CheckEarliest(r Errorer, path string, d Date, write msg.Text) bool {
	if !d.given || !d.Before(EarliestDate()) {
		return true
	}
	r.Errorf(path, "%s is before %s, earlier than any date a portal publishes: %s", d, EarliestDate(), write)
	return false
}

// GoString makes %#v and test failures readable.
func (d Date) GoString() string {
	if !d.given {
		return "tomlfile.Date{}"
	}
	y, m, dd := d.Time().Date()
	return fmt.Sprintf("tomlfile.NewDate(%d, %d, %d)", y, m, dd)
}
