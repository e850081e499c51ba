package tomlfile

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/congkhai/congkhai/internal/msg"
	"github.com/congkhai/congkhai/internal/problem"
)

type item struct {
	Name  string `toml:"name"`
	Count int    `toml:"count"`
}

type inner struct {
	Key  string    `toml:"key"`
	When time.Time `toml:"when"`
}

// page has a Date, the type of the schemas' dates, and inner a
// time.Time, which the type checker knows too.
type page struct {
	Title string   `toml:"title"`
	Count int      `toml:"count"`
	Draft bool     `toml:"draft"`
	Tags  []string `toml:"tags"`
	Date  Date     `toml:"date"`
	Inner inner    `toml:"inner"`
	Items []item   `toml:"items"`
}

func TestDecodeValid(t *testing.T) {
	src := `title = "Giới thiệu"
count = 3
draft = true
tags = ["Hộ tịch", "Chứng thực"]
date = 2025-07-15

[inner]
key = "Đường dây nóng"
when = 2025-06-30

[[items]]
name = "một"
count = 1

[[items]]
name = "hai"
`
	var v page
	var problems problem.List
	if !New("content/a.md", []byte(src), 2).Decode(&v, &problems) {
		t.Fatalf("Decode failed: %v", problems.Sorted())
	}
	if problems.Len() != 0 {
		t.Fatalf("problems: %v", problems.Sorted())
	}
	want := page{
		Title: "Giới thiệu", Count: 3, Draft: true, Tags: []string{"Hộ tịch", "Chứng thực"},
		Date:  NewDate(2025, 7, 15),
		Inner: inner{Key: "Đường dây nóng", When: time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC)},
		Items: []item{{"một", 1}, {"hai", 0}},
	}
	if v.Title != want.Title || v.Count != want.Count || v.Draft != want.Draft || !slices.Equal(v.Tags, want.Tags) ||
		!slices.Equal(v.Items, want.Items) || v.Inner.Key != want.Inner.Key {
		t.Errorf("decoded %+v\nwant %+v", v, want)
	}
	if !v.Date.Equal(want.Date) || !DateOf(v.Inner.When).Time().Equal(want.Inner.When) {
		t.Errorf("dates %v %v", v.Date, v.Inner.When)
	}
}

func TestDecodeProblems(t *testing.T) {
	tests := []struct {
		name      string
		src       string
		firstLine int      // 0: 1
		want      []string // Problem.String() of every problem, sorted
	}{
		{
			name: "syntax error on a Vietnamese line",
			src:  "title = \"Đường dây nóng\" x\n",
			want: []string{"f.md:1:25: title: one key = value per line: start a new line before 'x'\n" +
				"      1 | title = \"Đường dây nóng\" x\n" +
				"                                  ^^"},
		},
		{
			name: "syntax error with lines before it",
			src:  "title = \"Ủy ban\"\ncount = 1\ndraft = true\ntags = [\"Ủy ban\" \"x\"]\n",
			want: []string{"f.md:4:18: tags: a list is not closed as it should be: put a comma between its values and ] after the last one (found '\"')\n" +
				"      2 | count = 1\n" +
				"      3 | draft = true\n" +
				"      4 | tags = [\"Ủy ban\" \"x\"]\n" +
				"                           ^"},
		},
		{
			name: "unclosed table header: its own line, no field of the table before",
			src:  "title = \"a\"\n[inner]\nname = \"b\"\n[items\ncount = 1\n",
			want: []string{"f.md:4:7: a [table] header is not closed: end it with ] (found '\\n')\n" +
				"      2 | [inner]\n" +
				"      3 | name = \"b\"\n" +
				"      4 | [items\n" +
				"                ^"},
		},
		{
			name: "unclosed array: the error at the start of the next line",
			src:  "tags = [\"a\", \"b\"\ncount = 1\n",
			want: []string{"f.md:2:1: tags: a list is not closed as it should be: put a comma between its values and ] after the last one (found 'c')\n" +
				"      1 | tags = [\"a\", \"b\"\n" +
				"      2 | count = 1\n" +
				"          ^"},
		},
		{
			name:      "syntax error in front matter: file lines, no line before the document",
			src:       "count = 1 2\n",
			firstLine: 2,
			want: []string{"f.md:2:10: count: one key = value per line: start a new line before '2'\n" +
				"      2 | count = 1 2\n" +
				"                   ^^"},
		},
		{
			name:      "syntax error with CRLF line ends",
			src:       "title = \"a\"\r\ncount = 1 2\r\n",
			firstLine: 2,
			want: []string{"f.md:3:10: count: one key = value per line: start a new line before '2'\n" +
				"      2 | title = \"a\"\n" +
				"      3 | count = 1 2\n" +
				"                   ^^"},
		},
		{
			name:      "unclosed string in a CRLF file",
			src:       "title = \"a\"\r\ncount = \"x\r\n",
			firstLine: 2,
			want: []string{"f.md:3:11: count: a text in quotes does not end on its line: close it with \" before the end of the line (for several lines, use \"\"\" … \"\"\")\n" +
				"      2 | title = \"a\"\n" +
				"      3 | count = \"x\n" +
				"                    ^"},
		},
		{
			name: "unclosed string",
			src:  "title = \"Đường\n",
			want: []string{"f.md:1:15: title: a text in quotes does not end on its line: close it with \" before the end of the line (for several lines, use \"\"\" … \"\"\")\n" +
				"      1 | title = \"Đường\n" +
				"                        ^"},
		},
		{
			name: "invalid date",
			src:  "date = 2025-13-01\n",
			want: []string{"f.md:1:8: date: 2025-13-01: a month is 01 to 12, written between the year and the day: year-month-day, such as 2025-07-01\n" +
				"      1 | date = 2025-13-01\n" +
				"                 ^^^^^^^^^^"},
		},
		{
			name: "carets count characters, not bytes",
			src:  "title = Đường\n",
			want: []string{"f.md:1:9: title: expected a value after =, but found \"Đường\": put a text in quotes \"…\", a number as digits, a date as 2025-07-01, true or false\n" +
				"      1 | title = Đường\n" +
				"                  ^^^^^"},
		},
		{
			name: "caret under a line indented with a tab",
			src:  "\ttitle = \"a\" x\n",
			want: []string{"f.md:1:13: title: one key = value per line: start a new line before 'x'\n" +
				"      1 |     title = \"a\" x\n" +
				"                         ^^"},
		},
		{
			name:      "string where a date is expected",
			src:       "title = \"a\"\ndate = \"2025-07-15\"\n",
			firstLine: 2,
			want:      []string{"f.md:3: date: expected a date such as 2025-07-15 (without quotes), found text"},
		},
		{
			name: "number where a date is expected",
			src:  "date = 20250715\n",
			want: []string{"f.md:1: date: expected a date such as 2025-07-15 (without quotes), found a whole number"},
		},
		{
			name: "time of day where a date is expected",
			src:  "title = \"a\"\ndate = 07:30:00\n",
			want: []string{"f.md:2: date: expected a date such as 2025-07-15 (without quotes), found a time of day"},
		},
		{
			name: "dates of the wrong type with another value of the wrong type",
			src:  "date = \"2025-07-15\"\ncount = \"2\"\n",
			want: []string{
				"f.md:1: date: expected a date such as 2025-07-15 (without quotes), found text",
				"f.md:2: count: expected a whole number without quotes, such as 8000, found text",
			},
		},
		{
			name: "string where a nested date is expected",
			src:  "[inner]\nkey = \"a\"\nwhen = \"30/06/2025\"\n",
			want: []string{"f.md:3: inner.when: expected a date such as 2025-07-15 (without quotes), found text"},
		},
		{
			name: "string where an int is expected",
			src:  "title = \"a\"\n\ncount = \"5\"\n",
			want: []string{"f.md:3: count: expected a whole number without quotes, such as 8000, found text"},
		},
		{
			name: "string where a list is expected",
			src:  "tags = \"Hộ tịch\"\n",
			want: []string{`f.md:1: tags: expected a list in square brackets, such as ["xa"], found text`},
		},
		{
			name: "int where a string is expected",
			src:  "count = 1\ntitle = 5\n",
			want: []string{`f.md:2: title: expected text in quotes, such as "Hộ tịch", found a whole number`},
		},
		{
			name: "list where a string is expected",
			src:  "title = [\"a\"]\n",
			want: []string{`f.md:1: title: expected text in quotes, such as "Hộ tịch", found a list`},
		},
		{
			name: "decimal where an int is expected",
			src:  "count = 1.5\n",
			want: []string{"f.md:1: count: expected a whole number without quotes, such as 8000, found a decimal number"},
		},
		{
			name: "text where a bool is expected",
			src:  "draft = \"yes\"\n",
			want: []string{"f.md:1: draft: expected true or false, found text"},
		},
		{
			name: "bool where a string is expected",
			src:  "title = true\n",
			want: []string{`f.md:1: title: expected text in quotes, such as "Hộ tịch", found true/false`},
		},
		{
			name: "date where a string is expected",
			src:  "title = 2025-07-15\n",
			want: []string{`f.md:1: title: expected text in quotes, such as "Hộ tịch", found a date`},
		},
		{
			// The library reports the line of the last items.count.
			name: "wrong type in the first of several array elements: its own line and index",
			src:  "items = [\n  { name = \"a\", count = 1.5 },\n  { name = \"b\", count = 2 },\n  { name = \"c\", count = 3 },\n]\n",
			want: []string{"f.md:2: items[0].count: expected a whole number without quotes, such as 8000, found a decimal number"},
		},
		{
			name: "wrong type in the second [[items]] table",
			src:  "[[items]]\nname = \"a\"\n[[items]]\nname = 5\n[[items]]\nname = \"c\"\n",
			want: []string{`f.md:4: items[1].name: expected text in quotes, such as "Hộ tịch", found a whole number`},
		},
		{
			// The library stops at one of them, picked in map order.
			name: "every value of the wrong type, each once, in a fixed order",
			src:  "title = 1\ncount = \"2\"\ndraft = \"yes\"\ntags = \"a\"\ndate = \"2025-07-15\"\n[inner]\nwhen = \"30/06/2025\"\n[[items]]\nname = true\n",
			want: []string{
				`f.md:1: title: expected text in quotes, such as "Hộ tịch", found a whole number`,
				"f.md:2: count: expected a whole number without quotes, such as 8000, found text",
				"f.md:3: draft: expected true or false, found text",
				`f.md:4: tags: expected a list in square brackets, such as ["xa"], found text`,
				"f.md:5: date: expected a date such as 2025-07-15 (without quotes), found text",
				"f.md:7: inner.when: expected a date such as 2025-07-15 (without quotes), found text",
				`f.md:9: items[0].name: expected text in quotes, such as "Hộ tịch", found true/false`,
			},
		},
		{
			name: "value where a table is expected",
			src:  "inner = 3\n",
			want: []string{"f.md:1: inner: expected a table (key = value pairs), found a whole number"},
		},
		{
			name: "unknown top-level key",
			src:  "title = \"a\"\ntitel = \"b\"\n",
			want: []string{`f.md:2: titel: unknown key "titel" (did you mean "title"?)`},
		},
		{
			name:      "unknown key in front matter, no suggestion",
			src:       "title = \"a\"\n\nauthor = \"b\"\n",
			firstLine: 2,
			want:      []string{`f.md:4: author: unknown key "author"`},
		},
		{
			name: "unknown keys each reported",
			src:  "titel = \"a\"\ncuont = 1\n",
			want: []string{
				`f.md:1: titel: unknown key "titel" (did you mean "title"?)`,
				`f.md:2: cuont: unknown key "cuont" (did you mean "count"?)`,
			},
		},
		{
			name: "unknown key inside a table",
			src:  "[inner]\nkye = \"a\"\n",
			want: []string{`f.md:2: inner.kye: unknown key "kye" (did you mean "key"?)`},
		},
		{
			name: "unknown key inside [[array]] elements, once per occurrence",
			src:  "[[items]]\nname = \"a\"\nnmae = \"b\"\n[[items]]\nname = \"c\"\n[[items]]\nnmae = \"d\"\n",
			want: []string{
				`f.md:3: items[0].nmae: unknown key "nmae" (did you mean "name"?)`,
				`f.md:7: items[2].nmae: unknown key "nmae" (did you mean "name"?)`,
			},
		},
		{
			name: "unknown key inside inline tables of an array",
			src:  "items = [\n  { name = \"a\", cuont = 1 },\n  { cuont = 2 },\n]\n",
			want: []string{
				`f.md:2: items[0].cuont: unknown key "cuont" (did you mean "count"?)`,
				`f.md:3: items[1].cuont: unknown key "cuont" (did you mean "count"?)`,
			},
		},
		{
			name: "misspelt table reported once",
			src:  "title = \"a\"\n[innr]\nkey = \"a\"\nwhen = 2025-01-01\n",
			want: []string{`f.md:2: innr: unknown key "innr" (did you mean "inner"?)`},
		},
		{
			name: "misspelt array of tables reported once",
			src:  "[[itemz]]\nname = \"a\"\n[[itemz]]\nname = \"b\"\n",
			want: []string{`f.md:1: itemz: unknown key "itemz" (did you mean "items"?)`},
		},
		{
			name: "unknown array reported once",
			src:  "tagz = [\"a\", \"b\"]\n",
			want: []string{`f.md:1: tagz: unknown key "tagz" (did you mean "tags"?)`},
		},
		{
			name: "misspelt table with a sub-table first reported once",
			src:  "[innr.sub]\nx = 1\n[innr]\nkey = \"a\"\n",
			want: []string{`f.md:1: innr: unknown key "innr" (did you mean "inner"?)`},
		},
		{
			name: "unknown sub-table of a known table",
			src:  "[inner]\nkey = \"a\"\n[inner.deep]\nx = 1\n",
			want: []string{`f.md:3: inner.deep: unknown key "deep"`},
		},
		{
			name: "invalid UTF-8",
			src:  "title = \"a\"\ntags = [\"\xff\"]\n",
			want: []string{"f.md:2: the file is not valid UTF-8 text; save it as UTF-8 (Unicode)"},
		},
		{
			name:      "invalid UTF-8 in front matter gives the file's line",
			src:       "title = \"Giới thiệu\"\ncount = 1\n\xe1\xbb\n",
			firstLine: 2,
			want:      []string{"f.md:4: the file is not valid UTF-8 text; save it as UTF-8 (Unicode)"},
		},
		{
			name:      "invalid UTF-8 on the first line of front matter",
			src:       "\xc3(\n",
			firstLine: 2,
			want:      []string{"f.md:2: the file is not valid UTF-8 text; save it as UTF-8 (Unicode)"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v page
			var problems problem.List
			first := max(tt.firstLine, 1)
			ok := New("f.md", []byte(tt.src), first).Decode(&v, &problems)
			got := problemStrings(&problems)
			if !slices.Equal(got, tt.want) {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			// Unknown keys are reported, but decoding goes on so that the
			// file is still validated; every other problem is a failure.
			unknownOnly := true
			for _, line := range got {
				if !strings.Contains(line, "unknown key") {
					unknownOnly = false
				}
			}
			if ok != unknownOnly {
				t.Errorf("Decode returned %v; want %v (only unknown keys: %v)", ok, unknownOnly, unknownOnly)
			}
		})
	}
}

// problemStrings is the problems, sorted, as the command prints them.
func problemStrings(problems *problem.List) []string {
	var out []string
	for _, p := range problems.Sorted() {
		out = append(out, p.String())
	}
	return out
}

// decodeProblems decodes d into a page and returns what Decode returned
// and the problems it recorded.
func decodeProblems(d *Doc) (bool, []string) {
	var problems problem.List
	ok := d.Decode(&page{}, &problems)
	return ok, problemStrings(&problems)
}

// TestUnknownKeyRecordedOnce: each unknown key is recorded once in the
// list, not once per undecoded key that shares its stripped path.
func TestUnknownKeyRecordedOnce(t *testing.T) {
	src := "[[items]]\nnmae = \"a\"\n[[items]]\nnmae = \"b\"\n"
	var problems problem.List
	New("f.md", []byte(src), 1).Decode(&page{}, &problems)
	if n, m := problems.Len(), len(problems.Sorted()); n != m {
		t.Errorf("tomlfile.Doc.Decode records each unknown key of an array of tables once per element (%d recorded, %d distinct): problem.List.Errors() over-counts", n, m)
	}
}

func TestLine(t *testing.T) {
	src := "title = \"a\"\n\n[inner]\nkey = \"b\"\n\n[[items]]\nname = \"x\"\n[[items]]\ncount = 2\n"
	tests := []struct {
		path      string
		firstLine int
		want      int
	}{
		{"title", 1, 1},
		{"inner", 1, 3},
		{"inner.key", 1, 4},
		{"inner.when", 1, 3}, // missing: its table
		{"items", 1, 6},
		{"items[0]", 1, 6},
		{"items[0].name", 1, 7},
		{"items[1]", 1, 8},
		{"items[1].count", 1, 9},
		{"items[1].name", 1, 8}, // missing: its element
		{"draft", 1, 1},         // missing top-level key: first line
		{"draft", 2, 2},         // ... of the document, in file lines
		{"title", 2, 2},
		{"inner.key", 2, 5},
		{"nothing.at.all", 5, 5},
	}
	for _, tt := range tests {
		if got := New("f.md", []byte(src), tt.firstLine).Line(tt.path); got != tt.want {
			t.Errorf("firstLine %d: Line(%q) = %d, want %d", tt.firstLine, tt.path, got, tt.want)
		}
	}
	if got := New("f.md", nil, 2).Line("title"); got != 2 {
		t.Errorf("empty document: Line(title) = %d, want 2", got)
	}
}

func TestErrorfWarnf(t *testing.T) {
	doc := New("content/a.md", []byte("title = \"a\"\n[inner]\nkey = \"\"\n"), 2)
	var problems problem.List
	doc.Errorf(&problems, "inner.key", "required")
	doc.Warnf(&problems, "inner.when", "is %d days old", 91)
	got := problems.Sorted()
	want := []problem.Problem{
		{Severity: problem.Error, File: "content/a.md", Line: 4, Field: "inner.key", Message: "required"},
		{Severity: problem.Warning, File: "content/a.md", Line: 3, Field: "inner.when", Message: "is 91 days old"},
	}
	slices.SortFunc(want, func(a, b problem.Problem) int { return a.Line - b.Line })
	if !slices.EqualFunc(got, want, problem.Problem.Same) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

func TestDateOf(t *testing.T) {
	ict := time.FixedZone("ICT", 7*3600)
	tests := []struct {
		in   time.Time
		want string
	}{
		{time.Time{}, "0001-01-01"},
		{time.Date(2025, 7, 15, 0, 0, 0, 0, time.UTC), "2025-07-15"},
		{time.Date(2025, 7, 15, 23, 59, 59, 999, time.UTC), "2025-07-15"},
		// The calendar date as written, not the UTC instant (which is the 14th).
		{time.Date(2025, 7, 15, 0, 30, 0, 0, ict), "2025-07-15"},
		{time.Date(2025, 7, 15, 0, 0, 0, 0, time.Local), "2025-07-15"},
	}
	for _, tt := range tests {
		got := DateOf(tt.in)
		if !got.Given() || got.String() != tt.want || got.Time().Location() != time.UTC || got.Time().Hour() != 0 {
			t.Errorf("DateOf(%v) = %#v, want %s", tt.in, got, tt.want)
		}
	}
}

// TestDecodeDate: a date written is given, whatever the day, 0001-01-01
// included; a date left out is not.
func TestDecodeDate(t *testing.T) {
	tests := []struct {
		src   string
		given bool
		want  string
	}{
		{"", false, ""},
		{"date = 2025-07-15\n", true, "2025-07-15"},
		{"date = 0001-01-01\n", true, "0001-01-01"},
		{"date = 0000-01-01\n", true, "0000-01-01"},
		{"date = 9999-12-31\n", true, "9999-12-31"},
		{"date = 2025-07-15T23:30:00+07:00\n", true, "2025-07-15"},
		{"date = 2025-07-15T00:30:00-05:00\n", true, "2025-07-15"},
		{"date = 2025-07-15T08:00:00\n", true, "2025-07-15"},
	}
	for _, tt := range tests {
		var v page
		var problems problem.List
		if !New("f.md", []byte(tt.src), 1).Decode(&v, &problems) || problems.Len() > 0 {
			t.Errorf("%q: %v", tt.src, problems.Sorted())
			continue
		}
		if v.Date.Given() != tt.given || v.Date.String() != tt.want {
			t.Errorf("%q decoded as %#v, want given %v, %q", tt.src, v.Date, tt.given, tt.want)
		}
	}
	var v page
	var problems problem.List
	New("f.md", []byte("date = 0001-01-01\n"), 1).Decode(&v, &problems)
	if !v.Date.Given() || !v.Date.Time().IsZero() || v.Date.Equal(Date{}) {
		t.Errorf("0001-01-01 decoded as %#v: want a given date equal to no other", v.Date)
	}
}

func TestDateCompare(t *testing.T) {
	a, b := NewDate(2025, 6, 30), NewDate(2025, 7, 1)
	if !a.Before(b) || a.After(b) || !b.After(a) || a.Equal(b) || !a.Equal(NewDate(2025, 6, 30)) {
		t.Error("dates do not compare by day")
	}
	if NewDate(1, 1, 1).day != earliestTime || (Date{}).Before(NewDate(1, 1, 1)) || !(Date{}).Before(a) {
		t.Error("a date not given does not compare as 0001-01-01")
	}
	if !(Date{}).Equal(Date{}) || (Date{}).Equal(NewDate(1, 1, 1)) {
		t.Error("a date not given must equal only another date not given")
	}
	if got := a.AddDate(0, 0, 1); !got.Equal(b) {
		t.Errorf("AddDate = %v, want %v", got, b)
	}
	if got := (Date{}).AddDate(1, 0, 0); got.Given() {
		t.Errorf("AddDate of no date = %#v, want no date", got)
	}
	if s := (Date{}).String(); s != "" {
		t.Errorf("String of no date = %q", s)
	}
}

type errorer struct{ got []string }

func (e *errorer) Errorf(path, format string, args ...any) {
	e.got = append(e.got, path+": "+fmt.Sprintf(format, args...))
}

func TestCheckEarliest(t *testing.T) {
	const write = "write the day it was checked, such as 2025-07-15"
	tests := []struct {
		d    Date
		ok   bool
		want string
	}{
		{Date{}, true, ""},
		{NewDate(2025, 7, 15), true, ""},
		{NewDate(1945, 9, 2), true, ""},
		{NewDate(1945, 9, 1), false, "d: 1945-09-01 is before 1945-09-02, earlier than any date a portal publishes: " + write},
		{NewDate(1, 1, 1), false, "d: 0001-01-01 is before 1945-09-02, earlier than any date a portal publishes: " + write},
	}
	for _, tt := range tests {
		var e errorer
		if ok := CheckEarliest(&e, "d", tt.d, msg.T(write)); ok != tt.ok || strings.Join(e.got, "\n") != tt.want {
			t.Errorf("CheckEarliest(%v) = %v %q, want %v %q", tt.d, ok, e.got, tt.ok, tt.want)
		}
	}
}

// TestNULByteLine: a NUL byte (a file saved as UTF-16) is reported on the
// line where it is, in file lines.
func TestNULByteLine(t *testing.T) {
	var problems problem.List
	New("f.md", []byte("\x00title = 1\n"), 2).Decode(&page{}, &problems)
	got := problems.Sorted()
	if len(got) != 1 {
		t.Fatalf("problems = %v", got)
	}
	want := "f.md:2: the file contains a NUL byte, as files saved as UTF-16 do; save it as UTF-8 (Unicode)"
	if got[0].String() != want {
		t.Errorf("got %q, want %q", got[0].String(), want)
	}
}

// TestNewNFC: New normalises the text to NFC, so that its callers pass the
// bytes as read.
func TestNewNFC(t *testing.T) {
	nfd := "title = \"Phu\u031bo\u031b\u0300ng Thu\u0309 Da\u0302\u0300u Mo\u0323\u0302t\"\r\n"
	for name, doc := range map[string]*Doc{
		"New":          New("f.md", []byte(nfd), 2),
		"NewValidUTF8": NewValidUTF8("f.md", []byte(nfd), 2),
	} {
		var v page
		var problems problem.List
		if !doc.Decode(&v, &problems) || problems.Len() != 0 {
			t.Fatalf("%s: Decode: %v", name, problems.Sorted())
		}
		if want := "Phường Thủ Dầu Một"; v.Title != want {
			t.Errorf("%s: title = %q (% x), want %q in NFC", name, v.Title, v.Title, want)
		}
	}
}

// TestNewInvalidUTF8NotHiddenByNFC: text that is both decomposed (NFD) and
// not UTF-8 is reported as not UTF-8, on the line of the bad byte, even
// next to combining marks that NFC would compose.
func TestNewInvalidUTF8NotHiddenByNFC(t *testing.T) {
	src := "title = \"Mo\u0323\u0302t\"\r\ntags = [\"a\u0300\xff\u0301\"]\n"
	ok, got := decodeProblems(New("f.md", []byte(src), 3))
	if ok {
		t.Fatal("Decode succeeded")
	}
	want := []string{"f.md:4: the file is not valid UTF-8 text; save it as UTF-8 (Unicode)"}
	if !slices.Equal(got, want) {
		t.Errorf("problems = %q, want %q", got, want)
	}
}

// TestNewValidUTF8NULByte: text already checked for UTF-8 is still checked
// for NUL bytes, with the same problem as New.
func TestNewValidUTF8NULByte(t *testing.T) {
	_, got := decodeProblems(NewValidUTF8("f.md", []byte("title = \"a\"\r\n\x00count = 1\n"), 2))
	want := []string{"f.md:3: the file contains a NUL byte, as files saved as UTF-16 do; save it as UTF-8 (Unicode)"}
	if !slices.Equal(got, want) {
		t.Errorf("problems = %q, want %q", got, want)
	}
}

func TestHas(t *testing.T) {
	d := New("f.md", []byte("title = \"a\"\n[inner]\nname = \"b\"\n[[items]]\nnmae = \"c\"\n"), 1)
	for path, want := range map[string]bool{"title": true, "inner.name": true, "items[0].nmae": true, "code": false, "inner.code": false} {
		if got := d.Has(path); got != want {
			t.Errorf("Has(%q) = %v, want %v", path, got, want)
		}
	}
}
