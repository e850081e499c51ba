// Package tomlfile decodes one TOML document (a site.toml, a data file or
// the front matter of a page) into a typed Go value, strictly: syntax
// errors, wrong types and unknown keys all become problems that name the
// file, the line and the field, in words an editor can act on.
package tomlfile

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"github.com/congkhai/congkhai/internal/problem"
	"github.com/congkhai/congkhai/internal/tomlpos"
	"github.com/congkhai/congkhai/internal/vntext"
)

// Doc is a TOML document that sits somewhere in a file.
type Doc struct {
	File      string // path shown in problems, slash-separated
	firstLine int
	// src is the TOML text preceded by as many newlines as lines come before
	// it in the file, so that every line number the TOML library and the
	// position index report is already a line number of the file.
	src string
	ix  *tomlpos.Index
}

// New returns the document text that starts at line firstLine (1-based) of file.
func New(file string, text []byte, firstLine int) *Doc {
	pad := max(firstLine-1, 0)
	return &Doc{File: file, firstLine: pad + 1, src: strings.Repeat("\n", pad) + string(text)}
}

// Decode decodes the document into v (a pointer to a struct) and records
// every problem found in problems. It reports whether decoding succeeded;
// after a failure v may be partly filled and should not be validated.
func (d *Doc) Decode(v any, problems *problem.List) bool {
	if line := vntext.InvalidUTF8Line([]byte(d.src)); line > 0 {
		problems.Errorf(d.File, line, "", "the file is not valid UTF-8 text; save it as UTF-8 (Unicode)")
		return false
	}
	md, err := toml.Decode(d.src, v)
	if err != nil {
		problems.Add(d.decodeProblem(err))
		return false
	}
	ok := true
	undecoded := md.Undecoded()
	seen := make(map[string]bool, len(undecoded))
	for _, k := range undecoded {
		name := k.String()
		seen[name] = true
		// Report a misspelt table once, not once per key inside it.
		if len(k) > 1 && seen[toml.Key(k[:len(k)-1]).String()] {
			continue
		}
		ok = false
		msg := fmt.Sprintf("unknown key %q", k[len(k)-1])
		if s := suggest(reflect.TypeOf(v), k); s != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", s)
		}
		var paths []string
		for _, p := range d.index().Matching(strings.Join(k, ".")) {
			// An unknown array is reported where its key is written, not
			// once more for each of its elements.
			if !strings.HasSuffix(p, "]") {
				paths = append(paths, p)
			}
		}
		if len(paths) == 0 {
			problems.Errorf(d.File, 0, name, "%s", msg)
			continue
		}
		for _, p := range paths {
			problems.Errorf(d.File, d.Line(p), p, "%s", msg)
		}
	}
	return ok
}

// Line returns the line of the field at path (e.g. channels[1].fees[0]),
// or of its closest enclosing table when the field itself is absent, or 0.
func (d *Doc) Line(path string) int {
	pos, ok := d.index().Nearest(path)
	if !ok {
		// A missing top-level key: point at the start of the document.
		return d.firstLine
	}
	return pos.Line
}

// Errorf records an error about the field at path.
func (d *Doc) Errorf(problems *problem.List, path, format string, args ...any) {
	problems.Errorf(d.File, d.Line(path), path, format, args...)
}

// Warnf records a warning about the field at path.
func (d *Doc) Warnf(problems *problem.List, path, format string, args ...any) {
	problems.Warnf(d.File, d.Line(path), path, format, args...)
}

// index is built only when a problem needs a line number: most documents
// have none, and scanning costs time on large sites.
func (d *Doc) index() *tomlpos.Index {
	if d.ix == nil {
		d.ix = tomlpos.Scan([]byte(d.src))
	}
	return d.ix
}

// lastKeyError matches the type errors of github.com/BurntSushi/toml, which
// are plain strings: toml: line 5 (last key "synced_at"): incompatible types: ...
var lastKeyError = regexp.MustCompile(`^toml: (?:line (\d+) )?\(last key "([^"]*)"\): (.*)$`)

// decodeProblem turns an error of the TOML library into a problem.
func (d *Doc) decodeProblem(err error) problem.Problem {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		if strings.HasPrefix(pe.Message, "parsing time") {
			// A date written in quotes, decoded into a time.Time.
			return problem.Problem{File: d.File, Line: pe.Position.Line, Field: pe.LastKey,
				Message: plainTypeError("TOML value has type string; destination has type time.Time")}
		}
		col := d.runeCol(pe.Position.Line, pe.Position.Col)
		return problem.Problem{
			File:    d.File,
			Line:    pe.Position.Line,
			Col:     col,
			Field:   pe.LastKey,
			Message: "TOML syntax: " + pe.Message,
			Excerpt: d.excerpt(pe.Position.Line, col, max(pe.Position.Len, 1)),
		}
	}
	if m := lastKeyError.FindStringSubmatch(err.Error()); m != nil {
		line, _ := strconv.Atoi(m[1])
		field := m[2]
		if line == 0 {
			line = d.Line(field)
		}
		return problem.Problem{File: d.File, Line: line, Field: field, Message: plainTypeError(m[3])}
	}
	return problem.Problem{File: d.File, Message: strings.TrimPrefix(err.Error(), "toml: ")}
}

// runeCol converts a 1-based byte column on line into a 1-based column
// counted in characters, as editors count them.
func (d *Doc) runeCol(line, byteCol int) int {
	text := d.lineText(line)
	if byteCol-1 > len(text) {
		return utf8.RuneCountInString(text) + 1
	}
	return utf8.RuneCountInString(text[:max(byteCol-1, 0)]) + 1
}

func (d *Doc) lineText(line int) string {
	lines := strings.Split(d.src, "\n")
	if line < 1 || line > len(lines) {
		return ""
	}
	return strings.TrimSuffix(lines[line-1], "\r")
}

// excerpt shows the offending line and up to two lines before it (never
// the lines before the document, such as the opening +++), with carets
// under the offending characters, in the style of BurntSushi/toml's
// ErrorWithPosition but with columns counted in characters.
func (d *Doc) excerpt(line, col, n int) string {
	var b strings.Builder
	for l := max(line-2, d.firstLine); l <= line; l++ {
		fmt.Fprintf(&b, "% 7d | %s\n", l, strings.ReplaceAll(d.lineText(l), "\t", "    "))
	}
	fmt.Fprintf(&b, "% 10s%s%s", "", strings.Repeat(" ", max(col-1, 0)), strings.Repeat("^", n))
	return b.String()
}

var typeMismatch = regexp.MustCompile(`TOML value has type (\S+); destination has type (\S+)`)

// plainTypeError rewrites "incompatible types: TOML value has type string;
// destination has type time.Time" into what the editor should write.
func plainTypeError(msg string) string {
	m := typeMismatch.FindStringSubmatch(msg)
	if m == nil {
		return msg
	}
	return fmt.Sprintf("expected %s, found %s", describeGoType(m[2]), describeTOMLType(m[1]))
}

func describeGoType(t string) string {
	switch {
	case t == "time.Time":
		return "a date such as 2025-07-15 (without quotes)"
	case t == "string":
		return `text in quotes, such as "Hộ tịch"`
	case t == "bool":
		return "true or false"
	case t == "slice" || strings.HasPrefix(t, "[]"):
		return `a list in square brackets, such as ["xa"]`
	case t == "map" || strings.HasPrefix(t, "map[") || strings.Contains(t, "."):
		return "a table (key = value pairs)"
	case strings.HasPrefix(t, "int") || strings.HasPrefix(t, "uint"):
		return "a whole number without quotes, such as 8000"
	case strings.HasPrefix(t, "float"):
		return "a number without quotes, such as 95.5"
	}
	return t
}

func describeTOMLType(t string) string {
	switch t {
	case "string":
		return "text"
	case "integer":
		return "a whole number"
	case "float":
		return "a decimal number"
	case "bool", "boolean":
		return "true/false"
	case "array", "slice":
		return "a list"
	case "table", "map":
		return "a table"
	case "datetime", "time.Time":
		return "a date"
	}
	return t
}

// suggest returns the known key closest to the misspelt last part of key,
// looking at the struct that should have held it.
func suggest(t reflect.Type, key toml.Key) string {
	for _, part := range key[:len(key)-1] {
		t = elem(t)
		if t.Kind() != reflect.Struct {
			return ""
		}
		f, ok := fieldByKey(t, part)
		if !ok {
			return ""
		}
		t = f.Type
	}
	t = elem(t)
	if t.Kind() != reflect.Struct {
		return ""
	}
	want := key[len(key)-1]
	best, bestDist := "", 3 // suggest only close misspellings
	for i := range t.NumField() {
		name := keyName(t.Field(i))
		if name == "" {
			continue
		}
		if d := distance(strings.ToLower(want), name); d < bestDist {
			best, bestDist = name, d
		}
	}
	return best
}

func elem(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array {
		t = t.Elem()
	}
	return t
}

func fieldByKey(t reflect.Type, key string) (reflect.StructField, bool) {
	for i := range t.NumField() {
		if keyName(t.Field(i)) == key {
			return t.Field(i), true
		}
	}
	return reflect.StructField{}, false
}

func keyName(f reflect.StructField) string {
	if !f.IsExported() {
		return ""
	}
	tag, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
	if tag == "-" {
		return ""
	}
	if tag == "" {
		return f.Name
	}
	return tag
}

// distance is the Levenshtein edit distance between a and b.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// Date returns the calendar date of a TOML date value as midnight UTC, so
// that dates compare and print the same on every machine.
func Date(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}
