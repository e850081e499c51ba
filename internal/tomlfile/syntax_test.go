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
		{"effective_from = 01/07/2025\n", "a date is written year-month-day, such as 2025-07-01, not 01/07/2025"},
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
