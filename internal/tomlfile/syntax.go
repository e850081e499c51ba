package tomlfile

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/congkhai/congkhai/internal/msg"
)

// syntaxRule turns one of the TOML library's syntax errors, matched by
// its words, into a message that says what an editor most likely wrote
// and what to write instead. The library says them in English only.
type syntaxRule struct {
	re   *regexp.Regexp
	text func(m []string) msg.Text
}

// syntaxRules are the library's errors editors meet, most specific first
// (BurntSushi/toml v1.6.0, lex.go and parse.go).
var syntaxRules = []syntaxRule{
	{regexp.MustCompile(`^expected value but found '[“”„‟«»]' instead$`), func([]string) msg.Text {
		return msg.T(`a text is in curly quotes “…”: write it between straight quotes "…" (word processors change them)`)
	}},
	{regexp.MustCompile(`^expected value but found '[‘’]' instead$`), func([]string) msg.Text {
		return msg.T(`a text is in curly quotes ‘…’: write it between straight quotes "…" (word processors change them)`)
	}},
	{regexp.MustCompile(`^expected value but found (.+) instead$`), func(m []string) msg.Text {
		return msg.T("expected a value after =, but found %s: put a text in quotes \"…\", a number as digits, a date as 2025-07-01, true or false", m[1])
	}},
	{regexp.MustCompile(`^unexpected EOF; expected value$`), func([]string) msg.Text {
		return msg.T("the file ends where a value was expected: write the value after =")
	}},
	{regexp.MustCompile(`^strings cannot contain newlines$`), func([]string) msg.Text {
		return msg.T(`a text in quotes does not end on its line: close it with " before the end of the line (for several lines, use """ … """)`)
	}},
	{regexp.MustCompile(`^unexpected EOF; expected '"'$`), func([]string) msg.Text {
		return msg.T(`a text in quotes is never closed: end it with "`)
	}},
	{regexp.MustCompile(`^Key '(.*)' has already been defined\.$`), func(m []string) msg.Text {
		return msg.T("%q is given a second time: each key is written once (remove one, or merge them)", m[1])
	}},
	{regexp.MustCompile(`^Key '(.*)' was already created as a hash\.$`), func(m []string) msg.Text {
		return msg.T("%q is already a table above: a table is written once", m[1])
	}},
	{regexp.MustCompile(`^expected a comma \(','\) or array terminator \('\]'\), but got (.+)$`), func(m []string) msg.Text {
		return msg.T("a list is not closed as it should be: put a comma between its values and ] after the last one (found %s)", m[1])
	}},
	{regexp.MustCompile(`^expected a comma or an inline table terminator '\}', but got (.+) instead$`), func(m []string) msg.Text {
		return msg.T("a table in { } is not closed as it should be: put a comma between its keys and } after the last one, on the same line (found %s)", m[1])
	}},
	{regexp.MustCompile(`^newlines not allowed within inline tables$`), func([]string) msg.Text {
		return msg.T("a table in { } must be written on one line: close it with } on its line")
	}},
	{regexp.MustCompile(`^Invalid integer "0\d+": cannot have leading zeroes$`), func([]string) msg.Text {
		return msg.T("a number does not start with 0; a date is written year-month-day, such as 2025-07-01, not 01/07/2025")
	}},
	{regexp.MustCompile(`^Invalid (integer|float) ("[^"]*"): cannot have leading zeroes$`), func(m []string) msg.Text {
		return msg.T("%s: a number does not start with 0", m[2])
	}},
	{regexp.MustCompile(`^invalid datetime: ("[^"]*")$`), func(m []string) msg.Text {
		if t, ok := calendarMistake(strings.Trim(m[1], `"`)); ok {
			return t
		}
		return msg.T("%s is not a valid date or time: a date is written year-month-day, 2025-07-01, a time 07:30:00 (or put the text in quotes)", m[1])
	}},
	{regexp.MustCompile(`^invalid escape in string '\\(.)'$`), func(m []string) msg.Text {
		return msg.T(`a backslash before %s in a text in quotes starts a special character: for the slash of a number such as 1872/QĐ-BTP write /; for a backslash itself write \\, or put the text in single quotes '…'`, m[1])
	}},
	{regexp.MustCompile(`^unexpected comma$`), func([]string) msg.Text {
		return msg.T("two commas in a row, or a comma before the first value of a list: remove one")
	}},
	{regexp.MustCompile(`^Key '(.*)' was already created and cannot be used as an array\.$`), func(m []string) msg.Text {
		return msg.T("%[1]q is a single [%[1]s] table above and a list of [[%[1]s]] tables here: write each of them as [[%[1]s]]", m[1])
	}},
	{regexp.MustCompile(`^(\d+) is out of range for int64$`), func(m []string) msg.Text {
		return msg.T("%s is too large a number: check its digits", m[1])
	}},
	{regexp.MustCompile(`^expected '\.' or '=', but got (.+) instead$`), func(m []string) msg.Text {
		return msg.T("a key must be followed by = and its value (found %s): write key = value", m[1])
	}},
	{regexp.MustCompile(`^unexpected EOF; expected key separator '='$`), func([]string) msg.Text {
		return msg.T("the file ends after a key: write key = value")
	}},
	{regexp.MustCompile(`^expected a top-level item to end with a newline, comment, or EOF, but got (.+) instead$`), func(m []string) msg.Text {
		return msg.T("one key = value per line: start a new line before %s", m[1])
	}},
	{regexp.MustCompile(`^unexpected '=': key name appears blank$`), func([]string) msg.Text {
		return msg.T("a key is missing before =: write key = value")
	}},
	{regexp.MustCompile(`^expected end of table array name delimiter '\]', but got (.+) instead$`), func(m []string) msg.Text {
		return msg.T("a [[table]] header is not closed: end it with ]] (found %s)", m[1])
	}},
	{regexp.MustCompile(`^expected '\.' or '\]' to end table name, but got (.+) instead$`), func(m []string) msg.Text {
		return msg.T("a [table] header is not closed: end it with ] (found %s)", m[1])
	}},
}

// calendarMistake explains a date or time of the right form that is no
// day of the calendar or time of day: 2026-02-31, 2026-13-01, 25:00:00.
func calendarMistake(s string) (msg.Text, bool) {
	if m := isoDate.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		if mo < 1 || mo > 12 {
			return msg.T("%s: a month is 01 to 12, written between the year and the day: year-month-day, such as 2025-07-01", s), true
		}
		if !onCalendar(y, mo, d) {
			return msg.T("%s is not a day of the calendar: month %d of %d has %d days", s, mo, y, daysIn(y, mo)), true
		}
	}
	if m := clockTime.FindStringSubmatch(s); m != nil {
		h, _ := strconv.Atoi(m[1])
		mi, _ := strconv.Atoi(m[2])
		sec, _ := strconv.Atoi(m[3])
		if h > 23 || mi > 59 || sec > 59 {
			return msg.T("%s is not a time of day: hours go from 00 to 23, minutes and seconds from 00 to 59", s), true
		}
	}
	return msg.Text{}, false
}

// daysIn is the number of days of month mo (1 to 12) of year y.
func daysIn(y, mo int) int { return time.Date(y, time.Month(mo)+1, 0, 0, 0, 0, 0, time.UTC).Day() }

// onCalendar reports whether day d of month mo of year y exists.
func onCalendar(y, mo, d int) bool { return mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(y, mo) }

var (
	isoDate   = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})$`)
	clockTime = regexp.MustCompile(`^(\d{2}):(\d{2})(?::(\d{2}))?$`)
)

// lineRules read the line of a syntax error for the values editors write
// the way of a form or a letter, which the library reads as far as it can
// (31/02/2026 as 31, then stops at "/"), so that its error is about the
// next character: each says how the value is written.
var lineRules = []struct {
	re   *regexp.Regexp
	text func(m []string) msg.Text
}{
	{regexp.MustCompile(`=\s*(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b`), func(m []string) msg.Text {
		d, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		y, _ := strconv.Atoi(m[3])
		written := strings.TrimLeft(m[0], "= \t")
		if !onCalendar(y, mo, d) {
			// 31/02/2026: no day to suggest.
			return msg.T("a date is written year-month-day, such as 2025-07-01, and %s is no day of the calendar", written)
		}
		return msg.T("a date is written year-month-day: write %s, not %s", fmt.Sprintf("%d-%02d-%02d", y, mo, d), written)
	}},
	{regexp.MustCompile(`([\w-]+)\s*=\s*((\d{1,2})\s*[hg]\s*(\d{2})?)\b`), func(m []string) msg.Text {
		if m[1] == "value" { // processing_time's value = 8h: a number of hours
			return msg.T("a number is written in digits only: write value = %s, and the unit as unit = \"gio\"", m[3])
		}
		h, _ := strconv.Atoi(m[3])
		mi, _ := strconv.Atoi(m[4])
		return msg.T("a time is written hours:minutes:seconds: write %02d:%02d:00, not %s", h, mi, m[2])
	}},
	{regexp.MustCompile(`(?i)=\s*(\d{1,3}(?:[.,]\d{3})*|\d+)\s*(đồng|đ|vnđ|vnd)`), func(m []string) msg.Text {
		digits := strings.NewReplacer(".", "", ",", "").Replace(m[1])
		return msg.T("an amount is written in digits only, without dots or a unit: write %s, not %s", digits, strings.TrimLeft(m[0], "= \t"))
	}},
}

// syntaxMessage is the message for the TOML library's syntax error
// message on the line of the file where it was found: one of lineRules
// or syntaxRules, or its own words after "TOML syntax".
func syntaxMessage(library, line string) msg.Text {
	if !strings.HasPrefix(library, "strings cannot") && !strings.HasPrefix(library, "unexpected EOF") {
		for _, r := range lineRules {
			if m := r.re.FindStringSubmatch(line); m != nil {
				return r.text(m)
			}
		}
	}
	for _, r := range syntaxRules {
		if m := r.re.FindStringSubmatch(library); m != nil {
			return r.text(m)
		}
	}
	return msg.T("TOML syntax: %s", msg.Plain(library))
}
