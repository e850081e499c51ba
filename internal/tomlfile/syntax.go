package tomlfile

import (
	"regexp"

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
		return msg.T("%s is not a valid date or time: a date is written year-month-day, 2025-07-01, a time 07:30:00 (or put the text in quotes)", m[1])
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

// syntaxMessage is the message for the TOML library's syntax error
// message: one of syntaxRules, or its own words after "TOML syntax".
func syntaxMessage(library string) msg.Text {
	for _, r := range syntaxRules {
		if m := r.re.FindStringSubmatch(library); m != nil {
			return r.text(m)
		}
	}
	return msg.T("TOML syntax: %s", msg.Plain(library))
}
