package dataset

import (
	"github.com/congkhai/congkhai/internal/msg"
	"github.com/congkhai/congkhai/internal/problem"
)

// maxCellProblems bounds the problems reported for the cells of one file:
// a file saved with the wrong delimiter or decimal mark would otherwise
// give one problem per cell, and the first ones say what to fix.
const maxCellProblems = 50

// reporter records the problems of one CSV file, up to maxCellProblems,
// and then how many more there were.
type reporter struct {
	problems *problem.List
	file     string
	n        int
	dropped  int
	errors   int
	// from is the line of the first problem left out: the note that
	// says so sorts there, after the problems listed above it.
	from int
}

func newReporter(file string, problems *problem.List) *reporter {
	return &reporter{problems: problems, file: file}
}

// errorAt records an error at line and column (both 1-based, 0 when
// unknown) about field, usually the name of a column.
func (r *reporter) errorAt(line, col int, field, format string, args ...any) {
	r.errors++
	if r.n >= maxCellProblems {
		if r.dropped == 0 {
			r.from = max(line, 0)
		}
		r.dropped++
		return
	}
	r.n++
	r.problems.Add(problem.Problem{File: r.file, Line: max(line, 0), Col: max(col, 0), Field: field}.Say(msg.T(format, args...)))
}

// flush reports how many problems were left out.
func (r *reporter) flush() {
	if r.dropped > 0 {
		r.problems.Errorf(r.file, r.from, "", "%d more problems from this line on are not listed (%d in this file): fix the ones above first", r.dropped, r.n+r.dropped)
		r.dropped = 0
	}
}
