// Package locale is a portal language as pages write it: the portal's
// translation tables (i18n) and the way the language writes numbers,
// amounts, dates, periods and weekdays. Vietnamese is vnformat's; English
// writes 1,234.5, VND 50,000 and 1 July 2025. Layouts, views and charts
// take a *Locale, so that a page's every word and figure follow its
// language.
package locale

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/congkhai/congkhai/internal/i18n"
	"github.com/congkhai/congkhai/internal/msg"
	"github.com/congkhai/congkhai/internal/vnformat"
)

// Locale is one language of the portal.
type Locale struct {
	lang i18n.Lang
	// tr translates the portal's texts (English formats, as messages);
	// nil for English without a site's table.
	tr msg.Translator
	// names gives the site's data names (fields, agencies, positions,
	// chart titles) in this language, keyed by their Vietnamese form.
	names map[string]string
	// missing are the names asked for that have no form in this
	// language, for the build's warnings.
	missing sync.Map
}

// New returns the locale of lang with its translator and the site's
// names (nil for none).
func New(lang i18n.Lang, tr msg.Translator, names map[string]string) *Locale {
	return &Locale{lang: lang, tr: tr, names: names}
}

// Vietnamese is the locale of the Vietnamese edition with the built-in
// tables alone, for tests, tools that have no site and what is given no
// locale: one for the program, since the tables never change.
var Vietnamese = sync.OnceValue(func() *Locale {
	c, err := i18n.Load(i18n.Vietnamese)
	if err != nil {
		panic(err) // the tables are compiled in; a test checks they load
	}
	return New(i18n.Vietnamese, c, nil)
})

// OrVietnamese is l, or Vietnamese when it is nil: the language of a view
// or a file made without one.
func OrVietnamese(l *Locale) *Locale {
	if l == nil {
		return Vietnamese()
	}
	return l
}

// Lang returns the locale's language.
func (l *Locale) Lang() i18n.Lang { return l.lang }

// English reports whether the locale writes English.
func (l *Locale) English() bool { return l.lang == i18n.English }

// Translator returns what translates the locale's messages.
func (l *Locale) Translator() msg.Translator { return l.tr }

// T returns the text format gives with args, in the locale's language.
func (l *Locale) T(format string, args ...any) string {
	return msg.T(format, args...).In(l.tr)
}

// Text returns a message in the locale's language.
func (l *Locale) Text(t msg.Text) string { return t.In(l.tr) }

// Plural is T with one of two English formats by n: one for 1, other for
// any other count. Vietnamese has one form, the translation of other.
func (l *Locale) Plural(n int, one, other string, args ...any) string {
	format := l.PluralForm(n, one, other)
	return l.T(format, args...)
}

// PluralForm is the one of a plural's two English forms that the
// language's text of n is made from: one for 1 in English, other else.
func (l *Locale) PluralForm(n int, one, other string) string {
	if n == 1 && l.English() {
		return one
	}
	return other
}

// Name returns a data name (a field, an agency, a position, a chart's
// title) in the locale's language and true, or the name as written and
// false when the site gives it no form in this language. Vietnamese
// names are their own.
func (l *Locale) Name(vi string) (string, bool) {
	if l.lang == i18n.Vietnamese || vi == "" {
		return vi, true
	}
	if s, ok := l.names[vi]; ok {
		return s, true
	}
	l.missing.Store(vi, true)
	return vi, false
}

// Missing returns the names Name was asked for that have no form in the
// locale's language, sorted.
func (l *Locale) Missing() []string {
	var out []string
	l.missing.Range(func(k, _ any) bool {
		out = append(out, k.(string))
		return true
	})
	slices.Sort(out)
	return out
}

// NameOf is Name's name alone: in the locale's language, or as written.
func (l *Locale) NameOf(vi string) string {
	s, _ := l.Name(vi)
	return s
}

// Int writes n with the thousands grouped: 1.234.567 or 1,234,567.
func (l *Locale) Int(n int64) string {
	if l.English() {
		return strings.ReplaceAll(vnformat.Int(n), ".", ",")
	}
	return vnformat.Int(n)
}

// Number writes x rounded to dec decimals (vnformat.Round): 1.840,5 or
// 1,840.5.
func (l *Locale) Number(x float64, dec int) string {
	s := vnformat.Number(x, dec)
	if !l.English() {
		return s
	}
	return swapSeparators(s)
}

// VND writes an amount of đồng: 50.000 đồng, VND 50,000.
func (l *Locale) VND(amount int64) string {
	if l.English() {
		return "VND " + l.Int(amount)
	}
	return vnformat.VND(amount)
}

// FileSize writes a size for a download link: 12,5 KB or 12.5 KB.
func (l *Locale) FileSize(n int64) string {
	s := vnformat.FileSize(n)
	if !l.English() {
		return s
	}
	if n < 1024 {
		return l.Plural(int(n), "%d byte", "%d bytes", n)
	}
	return swapSeparators(s)
}

// Date writes the day of t, or "" for the zero time: 01/7/2025 or
// 1 July 2025.
func (l *Locale) Date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return l.Day(t.Date())
}

// Day writes a calendar day given by its numbers.
func (l *Locale) Day(year int, month time.Month, day int) string {
	if l.English() {
		return fmt.Sprintf("%d %s %d", day, month, year)
	}
	return vnformat.Day(year, month, day)
}

// OnDay writes a day as a sentence gives it: ngày 01/7/2025, on 1 July 2025.
func (l *Locale) OnDay(year int, month time.Month, day int) string {
	if l.English() {
		return "on " + l.Day(year, month, day)
	}
	return vnformat.OnDay(year, month, day)
}

// DayMonth writes the day of t without its year: 02/9, 2 September.
func (l *Locale) DayMonth(t time.Time) string {
	if l.English() {
		return fmt.Sprintf("%d %s", t.Day(), t.Month())
	}
	return vnformat.DayMonth(t)
}

// Month writes a month for a chart's axis: 10/2026, Oct 2026.
func (l *Locale) Month(year int, month time.Month) string {
	if l.English() {
		return month.String()[:3] + " " + strconv.Itoa(year)
	}
	return vnformat.Month(year, month)
}

// Quarter writes a quarter for an axis: Q2/2025, Q2 2025.
func (l *Locale) Quarter(year, q int) string {
	if l.English() {
		return fmt.Sprintf("Q%d %d", q, year)
	}
	return vnformat.Quarter(year, q)
}

// MonthLong writes a month in words: Tháng 10/2026, October 2026.
func (l *Locale) MonthLong(year int, month time.Month) string {
	if l.English() {
		return month.String() + " " + strconv.Itoa(year)
	}
	return vnformat.MonthLong(year, month)
}

// QuarterLong writes a quarter in words: Quý 2/2025, Quarter 2, 2025.
func (l *Locale) QuarterLong(year, q int) string {
	if l.English() {
		return fmt.Sprintf("Quarter %d, %d", q, year)
	}
	return vnformat.QuarterLong(year, q)
}

// YearLong writes a year in words: Năm 2024, 2024.
func (l *Locale) YearLong(year int) string {
	if l.English() {
		return strconv.Itoa(year) // a year needs no word in English
	}
	return vnformat.YearLong(year)
}

// DayLong writes a day that begins a row: Ngày 15/5/2025, 15 May 2025.
func (l *Locale) DayLong(year int, month time.Month, day int) string {
	if l.English() {
		return l.Day(year, month, day)
	}
	return vnformat.DayLong(year, month, day)
}

// Weekday names a day of the week: Thứ Hai, Monday; "" for a value that
// is not one.
func (l *Locale) Weekday(d time.Weekday) string { return l.Text(WeekdayText(d)) }

// WeekdayText is the name of a day of the week as a message, Monday
// (Thứ Hai) … Sunday (Chủ nhật), for pages and editors alike; the zero
// Text for a value that is not one.
func WeekdayText(d time.Weekday) msg.Text {
	switch d {
	case time.Monday:
		return msg.T("Monday")
	case time.Tuesday:
		return msg.T("Tuesday")
	case time.Wednesday:
		return msg.T("Wednesday")
	case time.Thursday:
		return msg.T("Thursday")
	case time.Friday:
		return msg.T("Friday")
	case time.Saturday:
		return msg.T("Saturday")
	case time.Sunday:
		return msg.T("Sunday")
	}
	return msg.Text{}
}

// swapSeparators turns the Vietnamese separators of a number written by
// vnformat (1.234,5) into the English ones (1,234.5).
func swapSeparators(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '.':
			return ','
		case ',':
			return '.'
		}
		return r
	}, s)
}
