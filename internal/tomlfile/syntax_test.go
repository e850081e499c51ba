package tomlfile

import (
	"strings"
	"testing"

	"github.com/congkhai/congkhai/internal/problem"
)

// TestSyntaxMessages decodes the mistakes editors make and checks the
// message each gets, from the library's own error.
func TestSyntaxMessages(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"field = “Hộ tịch”\n", `a text is in curly quotes “…”: write it between straight quotes "…"`},
		{"field = ‘Hộ tịch’\n", `a text is in curly quotes ‘…’`},
		{"field = Hộ tịch\n", `expected a value after =, but found "Hộ": put a text in quotes`},
		{"field =\n", "expected a value after =, but found '\\n'"},
		{"field = \"Hộ tịch\ncode = \"1\"\n", `a text in quotes does not end on its line`},
		{"field = \"a\"\nfield = \"b\"\n", `"field" is given a second time`},
		{"level = [\"xa\"\nkind = \"x\"\n", `a list is not closed as it should be: put a comma between its values and ] after the last one (found 'k')`},
		{"t = { a = 1\n", `a table in { }`},
		{"effective_from = 01/07/2025\n", "a date is written year-month-day: write 2025-07-01, not 01/07/2025"},
		{"effective_from = 28/2/2026\n", "effective_from: a date is written year-month-day: write 2026-02-28, not 28/2/2026"},
		{"effective_from = 31/02/2026\n", "a date is written year-month-day, such as 2025-07-01, and 31/02/2026 is no day of the calendar"},
		{"t = { value = 8h, unit = \"gio\" }\n", `a number is written in digits only: write value = 8, and the unit as unit = "gio"`},
		{"t = { start = 07:30:00, end = 11h30 }\n", "a time is written hours:minutes:seconds: write 11:30:00, not 11h30"},
		{"start = 7h\n", "a time is written hours:minutes:seconds: write 07:00:00, not 7h"},
		{"t = { a = \"le_phi\", x = 8.000 đồng }\n", "an amount is written in digits only, without dots or a unit: write 8000, not 8.000 đồng"},
		{"x = 8000đ\n", "an amount is written in digits only, without dots or a unit: write 8000, not 8000đ"},
		{"code = \"1872\\QĐ-BTP\"\n", `a backslash before Q in a text in quotes starts a special character: for the slash of a number such as 1872/QĐ-BTP write /`},
		{"level = [\"xa\",, \"tinh\"]\n", "two commas in a row, or a comma before the first value of a list: remove one"},
		{"[channels]\na = 1\n[[channels]]\na = 2\n", `"channels" is a single [channels] table above and a list of [[channels]] tables here: write each of them as [[channels]]`},
		{"x = 99999999999999999999\n", "99999999999999999999 is too large a number: check its digits"},
		{"start = 2026-02-31\n", "2026-02-31 is not a day of the calendar: month 2 of 2026 has 28 days"},
		{"start = 2024-02-30\n", "month 2 of 2024 has 29 days"},
		{"start = 2026-13-01\n", "2026-13-01: a month is 01 to 12"},
		{"start = 25:00:00\n", "25:00:00 is not a time of day: hours go from 00 to 23"},
		{"start = 11:70\n", "11:70 is not a time of day"},
		{"field = \"hạn 01/07/2025\ncode = \"1\"\n", `a text in quotes does not end on its line`},
		{"start = 7:30\n", `"7:30" is not a valid date or time`},
		{"field \"Hộ tịch\"\n", `a key must be followed by = and its value (found '"'): write key = value`},
		{"a = 1 b = 2\n", `one key = value per line`},
		{"= 1\n", `a key is missing before =`},
		{"[[channels]\n", `a [[table]] header is not closed: end it with ]]`},
		{"[channels\n", `a [table] header is not closed: end it with ]`},
		{"x = 1.2.3\n", "TOML syntax: "},
	} {
		var ps problem.List
		New("f.toml", []byte(tc.src), 1).Decode(&struct {
			Field, Kind, Code, Start, T, B, EffectiveFrom any
			Level, Channels, A, X                         any
		}{}, &ps)
		lines := ps.Lines()
		if len(lines) == 0 || !strings.Contains(lines[0], tc.want) {
			t.Errorf("%q: %q, want …%s…", tc.src, lines, tc.want)
		}
	}
}
