// Package problem collects what is wrong with a site's input files so that a
// build can report every problem at once, in the words an editor can act on:
//
//	content/thu-tuc/khai-sinh.md:14: channels[1].fees[0].text: required when amount_vnd > 0
package problem

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Severity says whether a problem stops the build.
type Severity int

const (
	Error Severity = iota
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Problem is one thing wrong with one input file.
type Problem struct {
	Severity Severity
	File     string // slash-separated, relative to the site folder
	Line     int    // 1-based; 0 when the problem concerns the whole file
	Col      int    // 1-based; 0 when unknown
	Field    string // path of the field, e.g. channels[1].fees[0].text
	Message  string
	// Excerpt is an optional multi-line excerpt of the input with a caret
	// under the offending column, printed below the problem line.
	Excerpt string
}

// String formats the problem as file:line: field: message, or
// file:line:col: when the column is known.
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Line)
		if p.Col > 0 {
			fmt.Fprintf(&b, ":%d", p.Col)
		}
	}
	b.WriteString(": ")
	b.WriteString(p.Detail())
	return b.String()
}

// Detail is what String prints after the position: the warning mark, the
// field, the message and the excerpt.
func (p Problem) Detail() string {
	var b strings.Builder
	if p.Severity == Warning {
		b.WriteString("warning: ")
	}
	if p.Field != "" {
		b.WriteString(p.Field)
		b.WriteString(": ")
	}
	b.WriteString(p.Message)
	if p.Excerpt != "" {
		b.WriteString("\n")
		b.WriteString(strings.TrimRight(p.Excerpt, "\n"))
	}
	return b.String()
}

// List gathers problems. It is safe for concurrent use, because pages are
// loaded and rendered on several goroutines.
type List struct {
	mu    sync.Mutex
	items []Problem
}

// Add records p.
func (l *List) Add(p Problem) {
	l.mu.Lock()
	l.items = append(l.items, p)
	l.mu.Unlock()
}

// Errorf records an error at file:line for field.
func (l *List) Errorf(file string, line int, field, format string, args ...any) {
	l.Add(Problem{Severity: Error, File: file, Line: line, Field: field, Message: fmt.Sprintf(format, args...)})
}

// Warnf records a warning at file:line for field.
func (l *List) Warnf(file string, line int, field, format string, args ...any) {
	l.Add(Problem{Severity: Warning, File: file, Line: line, Field: field, Message: fmt.Sprintf(format, args...)})
}

// Merge appends every problem of other.
func (l *List) Merge(other *List) {
	for _, p := range other.Sorted() {
		l.Add(p)
	}
}

// Sorted returns the problems without repeats, ordered by file, line,
// column, field and message, so that reports are the same on every run.
func (l *List) Sorted() []Problem {
	l.mu.Lock()
	out := slices.Clone(l.items)
	l.mu.Unlock()
	slices.SortStableFunc(out, func(a, b Problem) int {
		return cmp.Or(
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Col, b.Col),
			cmp.Compare(a.Field, b.Field),
			cmp.Compare(a.Message, b.Message),
			cmp.Compare(a.Severity, b.Severity),
			cmp.Compare(a.Excerpt, b.Excerpt),
		)
	})
	return slices.CompactFunc(out, func(a, b Problem) bool { return a == b })
}

// FirstError returns the first error about file, by line, when there is
// one: where to look for why it could not be used.
func (l *List) FirstError(file string) (Problem, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	var first Problem
	found := false
	for _, p := range l.items {
		if p.File == file && p.Severity == Error && (!found || p.Line < first.Line) {
			first, found = p, true
		}
	}
	return first, found
}

// Place is where the problem is, as file:line (file alone for the whole
// file).
func (p Problem) Place() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return p.File
}

// Lines returns every problem as its line (Problem.String), in the order
// of Sorted: what tests compare with the lines they expect.
func (l *List) Lines() []string {
	var out []string
	for _, p := range l.Sorted() {
		out = append(out, p.String())
	}
	return out
}

// Errors reports how many problems are errors.
func (l *List) Errors() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := 0
	for _, p := range l.items {
		if p.Severity == Error {
			n++
		}
	}
	return n
}

// Len reports how many problems were recorded.
func (l *List) Len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.items)
}

// Err returns nil when no error was recorded (warnings do not count), and
// otherwise an error whose message lists every problem, one per line.
func (l *List) Err() error {
	if l.Errors() == 0 {
		return nil
	}
	return &ListError{Problems: l.Sorted()}
}

// ListError is the error a failed build returns.
type ListError struct{ Problems []Problem }

func (e *ListError) Error() string {
	lines := make([]string, 0, len(e.Problems))
	for _, p := range e.Problems {
		lines = append(lines, p.String())
	}
	return strings.Join(lines, "\n")
}

// Quoted lists values for a message, each quoted: "a", "b", "c".
func Quoted[T ~string](vals []T) string {
	parts := make([]string, len(vals))
	for i, v := range vals {
		parts[i] = strconv.Quote(string(v))
	}
	return strings.Join(parts, ", ")
}

// CheckVocab checks v, the value of a field that takes one of all; noun
// names one of them, such as "a channel". It returns nil when v is one of
// all, and otherwise the error an editor reads: "required: use one of …"
// when v is empty, NotInVocab's message when it is unknown.
func CheckVocab[T ~string](v T, noun string, all []T) error {
	switch {
	case v == "":
		return errors.New("required: use one of " + Quoted(all))
	case !slices.Contains(all, v):
		return errors.New(NotInVocab(v, noun, all))
	}
	return nil
}

// NotInVocab is the message for v, a value that is not one of all:
// "x" is not a channel: use one of "a", "b".
func NotInVocab[T ~string](v T, noun string, all []T) string {
	return fmt.Sprintf("%q is not %s: use one of %s", v, noun, Quoted(all))
}
