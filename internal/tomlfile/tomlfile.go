// Package tomlfile decodes one TOML document (a site.toml, a data file or
// the front matter of a page) into a typed Go value, strictly: syntax
// errors, wrong types and unknown keys all become problems that name the
// file, the line and the field, in words an editor can act on.
package tomlfile

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"github.com/congkhai/congkhai/internal/limits"
	"github.com/congkhai/congkhai/internal/msg"
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
	// unreadable is why the text cannot be decoded (not UTF-8, a NUL
	// byte), at unreadableLine; Decode reports it.
	unreadable     msg.Text
	unreadableLine int
}

const (
	notUTF8 = "the file is not valid UTF-8 text; save it as UTF-8 (Unicode)"
	nulByte = "the file contains a NUL byte, as files saved as UTF-16 do; save it as UTF-8 (Unicode)"
)

// New returns the document text that starts at line firstLine (1-based) of
// file. text is the file's bytes as read: New checks that they are UTF-8
// (Decode reports it when they are not) and normalises them to NFC and to
// LF line ends.
func New(file string, text []byte, firstLine int) *Doc {
	return newDoc(file, text, firstLine, true)
}

// NewValidUTF8 is New for text the caller has already checked is valid
// UTF-8, such as front matter cut from a content file checked whole, so
// that no byte is checked twice. A NUL byte is still reported.
func NewValidUTF8(file string, text []byte, firstLine int) *Doc {
	return newDoc(file, text, firstLine, false)
}

func newDoc(file string, text []byte, firstLine int, checkUTF8 bool) *Doc {
	pad := max(firstLine-1, 0)
	d := &Doc{File: file, firstLine: pad + 1}
	// The bytes are checked as read, before NFC (which keeps invalid
	// bytes, NUL bytes and line ends where they are, so the line is the
	// file's either way).
	if why, line := unreadable(text, checkUTF8); !why.IsZero() {
		d.unreadable, d.unreadableLine = why, pad+line
	} else {
		// Editors' files arrive in NFC and NFD; keys and values are
		// compared and slugged in NFC.
		text = vntext.NFCBytes(text)
	}
	var b strings.Builder
	b.Grow(pad + len(text))
	for range pad {
		b.WriteByte('\n')
	}
	// Files saved on Windows end lines with CRLF; the TOML library then
	// reports some errors a line early, so lines are normalised first.
	if bytes.Contains(text, []byte("\r\n")) {
		text = bytes.ReplaceAll(text, []byte("\r\n"), []byte("\n"))
	}
	b.Write(text)
	d.src = b.String()
	return d
}

// unreadable returns why text cannot be read as TOML at all, and the
// line of text where, or nothing when it can.
func unreadable(text []byte, checkUTF8 bool) (why msg.Text, line int) {
	if checkUTF8 {
		if line := vntext.InvalidUTF8Line(text); line > 0 {
			return msg.T(notUTF8), line
		}
	}
	if i := bytes.IndexByte(text, 0); i >= 0 {
		return msg.T(nulByte), 1 + bytes.Count(text[:i], []byte("\n"))
	}
	return msg.Text{}, 0
}

// Decode decodes the document into v (a pointer to a struct) and records
// every problem found in problems. It reports whether decoding succeeded;
// after a failure v may be partly filled and should not be validated.
// Unknown keys are problems but not failures: v holds every known key, so
// that validation can report the file's other problems in the same run.
func (d *Doc) Decode(v any, problems *problem.List) bool {
	if !d.unreadable.IsZero() {
		problems.Add(problem.Problem{File: d.File, Line: d.unreadableLine}.Say(d.unreadable))
		return false
	}
	if depth, line := tooDeep(d.src, limits.TOMLDepth); depth > 0 {
		problems.Errorf(d.File, line, "", "tables and arrays nest more than %d deep here, and no file of a site needs that many: look for a { or [ that is never closed, or a key with too many dots", limits.TOMLDepth)
		return false
	}
	md, err := toml.Decode(d.src, v)
	if err != nil {
		var pe toml.ParseError
		if !errors.As(err, &pe) || strings.HasPrefix(pe.Message, "parsing time") || pe.Message == errNotDate.Error() {
			// A value of the wrong type (a date in quotes is one): report
			// every one, each at its own line (see typeProblems).
			if ps := d.typeProblems(v); len(ps) > 0 {
				for _, p := range ps {
					problems.Add(p)
				}
				return false
			}
		}
		problems.Add(d.decodeProblem(err))
		return false
	}
	undecoded := md.Undecoded()
	unknown := make(map[string]bool, len(undecoded))
	for _, k := range undecoded {
		unknown[strings.Join(k, ".")] = true
	}
	reported := make(map[string]bool, len(undecoded))
	for _, k := range undecoded {
		name := strings.Join(k, ".")
		if reported[name] || insideUnknown(k, unknown) {
			// Each key once, and a misspelt table once, not once more for
			// every key inside it.
			continue
		}
		reported[name] = true
		text := msg.T("unknown key %q", k[len(k)-1])
		if s := suggest(reflect.TypeOf(v), k); s != "" {
			text = msg.T("unknown key %q (did you mean %q?)", k[len(k)-1], s)
		}
		var paths []string
		for _, p := range d.index().Matching(name) {
			// An unknown array is reported where its key is written, not
			// once more for each of its elements.
			if !strings.HasSuffix(p, "]") {
				paths = append(paths, p)
			}
		}
		if len(paths) == 0 {
			problems.Errorf(d.File, 0, k.String(), "%v", text)
			continue
		}
		for _, p := range paths {
			problems.Errorf(d.File, d.Line(p), p, "%v", text)
		}
	}
	return true
}

// insideUnknown reports whether a table that encloses k is itself unknown.
func insideUnknown(k toml.Key, unknown map[string]bool) bool {
	for i := 1; i < len(k); i++ {
		if unknown[strings.Join(k[:i], ".")] {
			return true
		}
	}
	return false
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

// Has reports whether the document sets the field at path.
func (d *Doc) Has(path string) bool {
	_, ok := d.index().Lookup(path)
	return ok
}

// Errorf records an error about the field at path.
func (d *Doc) Errorf(problems *problem.List, path, format string, args ...any) {
	problems.Errorf(d.File, d.Line(path), path, format, args...)
}

// Warnf records a warning about the field at path.
func (d *Doc) Warnf(problems *problem.List, path, format string, args ...any) {
	problems.Warnf(d.File, d.Line(path), path, format, args...)
}

// Reporter records problems about the fields of one document, addressed
// by path (channels[1].fees[0].text): what the validator of a decoded
// record is given, so that it needs to know neither files nor lines.
type Reporter struct {
	doc      *Doc
	problems *problem.List
}

// Reporter returns a Reporter that records problems about d in problems.
func (d *Doc) Reporter(problems *problem.List) Reporter { return Reporter{d, problems} }

// Errorf records an error about the field at path.
func (r Reporter) Errorf(path, format string, args ...any) {
	r.doc.Errorf(r.problems, path, format, args...)
}

// Warnf records a warning about the field at path.
func (r Reporter) Warnf(path, format string, args ...any) {
	r.doc.Warnf(r.problems, path, format, args...)
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

// bareKey is a key as written before = without quotes.
var bareKey = regexp.MustCompile(`^[A-Za-z0-9_-]+$`)

// decodeProblem turns an error of the TOML library into a problem.
func (d *Doc) decodeProblem(err error) problem.Problem {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		if pe.Message == errNotDate.Error() {
			// A Date that typeProblems did not explain (it explains each).
			return problem.Problem{File: d.File, Line: pe.Position.Line, Field: pe.LastKey}.Say(
				msg.T("expected %s", describeGoType("time.Time")))
		}
		if strings.HasPrefix(pe.Message, "parsing time") {
			// A date written in quotes, decoded into a time.Time.
			return problem.Problem{File: d.File, Line: pe.Position.Line, Field: pe.LastKey}.Say(
				plainTypeError("TOML value has type string; destination has type time.Time"))
		}
		lineNo, col := d.syntaxPosition(pe.Position)
		line := d.lineText(lineNo)
		start := min(max(col-1, 0), len(line))
		end := min(start+max(pe.Position.Len, 1), len(line))
		field := pe.LastKey
		switch {
		case strings.HasPrefix(strings.TrimSpace(line), "["):
			// A broken table header: the last key the library names
			// belongs to the table before it.
			field = ""
		case field == "":
			// A value the library stopped in (synced_at = 31/02/2026)
			// before it named its key: the key of the line.
			if k, _, ok := strings.Cut(line, "="); ok && bareKey.MatchString(strings.TrimSpace(k)) {
				field = strings.TrimSpace(k)
			}
		}
		return problem.Problem{
			File:    d.File,
			Line:    lineNo,
			Col:     utf8.RuneCountInString(line[:start]) + 1,
			Field:   field,
			Excerpt: d.excerpt(lineNo, displayWidth(line[:start]), max(displayWidth(line[start:end]), 1)),
		}.Say(syntaxMessage(pe.Message, line))
	}
	if m := lastKeyError.FindStringSubmatch(err.Error()); m != nil {
		line, _ := strconv.Atoi(m[1])
		field := d.indexedPath(m[2], line)
		if line == 0 {
			line = d.Line(field)
		}
		return problem.Problem{File: d.File, Line: line, Field: field}.Say(plainTypeError(m[3]))
	}
	return problem.Problem{File: d.File}.Say(msg.Plain(strings.TrimPrefix(err.Error(), "toml: ")))
}

// syntaxPosition is the line and byte column (1-based) of a syntax error,
// counted from its byte offset: the library's own line is one too far
// when the offending character is a line end (an unclosed [table), and
// its column belongs to the line before when the offset starts a line.
func (d *Doc) syntaxPosition(pos toml.Position) (line, col int) {
	if pos.Start < 0 || pos.Start > len(d.src) {
		return pos.Line, pos.Col
	}
	before := d.src[:pos.Start]
	return 1 + strings.Count(before, "\n"), pos.Start - strings.LastIndexByte(before, '\n')
}

// indexedPath turns a key the library reports without array indices
// (items.count) into the path written at line (items[1].count).
func (d *Doc) indexedPath(key string, line int) string {
	for _, p := range d.index().Matching(key) {
		if pos, ok := d.index().Lookup(p); ok && pos.Line == line {
			return p
		}
	}
	return key
}

// tabWidth is how wide excerpts print a tab.
const tabWidth = 4

// displayWidth is how many columns s takes in an excerpt: one per
// character, tabWidth per tab.
func displayWidth(s string) int {
	return utf8.RuneCountInString(s) + strings.Count(s, "\t")*(tabWidth-1)
}

func (d *Doc) lineText(line int) string {
	lines := strings.Split(d.src, "\n")
	if line < 1 || line > len(lines) {
		return ""
	}
	return strings.TrimSuffix(lines[line-1], "\r")
}

// excerpt shows the offending line and up to two lines before it (never
// the lines before the document, such as the opening +++), with n carets
// starting offset columns into the line, in the style of BurntSushi/toml's
// ErrorWithPosition but counted in characters, not bytes.
func (d *Doc) excerpt(line, offset, n int) string {
	var b strings.Builder
	for l := max(line-2, d.firstLine); l <= line; l++ {
		fmt.Fprintf(&b, "% 7d | %s\n", l, strings.ReplaceAll(d.lineText(l), "\t", strings.Repeat(" ", tabWidth)))
	}
	fmt.Fprintf(&b, "% 10s%s%s", "", strings.Repeat(" ", offset), strings.Repeat("^", n))
	return b.String()
}

var (
	typeMismatch  = regexp.MustCompile(`TOML value has type (\S+); destination has type (\S+)`)
	tableMismatch = regexp.MustCompile(`type mismatch for \S+: expected table but found (\S+)`)
)

// plainTypeError rewrites the TOML library's type errors ("incompatible
// types: TOML value has type string; destination has type time.Time") into
// what the editor should write.
func plainTypeError(s string) msg.Text {
	if m := typeMismatch.FindStringSubmatch(s); m != nil {
		return msg.T("expected %s, found %s", describeGoType(m[2]), describeTOMLType(m[1]))
	}
	if m := tableMismatch.FindStringSubmatch(s); m != nil {
		return msg.T("expected a table (key = value pairs), found %s", describeTOMLType(m[1]))
	}
	return msg.Plain(s)
}

// describeGoType names the destination type of a field as an editor would
// write its value.
func describeGoType(t string) msg.Text {
	switch {
	case t == "time.Time":
		return msg.T("a date such as 2025-07-15 (without quotes)")
	case t == "string" || t == "primitive (string-like)":
		return msg.T(`text in quotes, such as "Hộ tịch"`)
	case t == "bool" || t == "boolean":
		return msg.T("true or false")
	case t == "slice" || strings.HasPrefix(t, "[]"):
		return msg.T(`a list in square brackets, such as ["xa"]`)
	case t == "integer" || strings.HasPrefix(t, "int") || strings.HasPrefix(t, "uint"):
		return msg.T("a whole number without quotes, such as 8000")
	case t == "float" || strings.HasPrefix(t, "float"):
		return msg.T("a number without quotes, such as 95.5")
	case t == "map" || strings.HasPrefix(t, "map[") || strings.Contains(t, "."):
		return msg.T("a table (key = value pairs)")
	}
	return msg.Plain(t)
}

// describeTOMLType names the type of a value found in the file; the
// library names it either the TOML way or the Go way.
func describeTOMLType(t string) msg.Text {
	switch {
	case t == "string":
		return msg.T("text")
	case t == "integer" || strings.HasPrefix(t, "int") || strings.HasPrefix(t, "uint"):
		return msg.T("a whole number")
	case t == "float" || strings.HasPrefix(t, "float"):
		return msg.T("a decimal number")
	case t == "bool" || t == "boolean":
		return msg.T("true/false")
	case t == "array" || t == "slice" || strings.HasPrefix(t, "[]"):
		return msg.T("a list")
	case t == "table" || t == "map" || strings.HasPrefix(t, "map["):
		return msg.T("a table")
	case t == "datetime" || t == "time.Time" || strings.HasPrefix(t, "toml.Local"):
		return msg.T("a date")
	}
	return msg.Plain(t)
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
	var names []string
	for i := range t.NumField() {
		if name := keyName(t.Field(i)); name != "" {
			names = append(names, name)
		}
	}
	return vntext.Closest(key[len(key)-1], names)
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
