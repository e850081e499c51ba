package livereload

import (
	"strconv"
	"strings"

	"github.com/congkhai/congkhai/internal/msg"
	"github.com/congkhai/congkhai/internal/problem"
)

// Problem is one build problem shown in the overlay: where it is and what
// is wrong, in the editor's words.
type Problem struct {
	File    string // slash-separated, relative to the site folder
	Line    int    // 1-based; 0 when the problem concerns the whole file
	Message string // may span several lines, e.g. with a caret excerpt
}

// String formats the problem as file:line: message, leaving out the line
// when it is 0 and the file when it is empty.
func (p Problem) String() string {
	var b strings.Builder
	if p.File != "" {
		b.WriteString(p.File)
		if p.Line > 0 {
			b.WriteByte(':')
			b.WriteString(strconv.Itoa(p.Line))
		}
		b.WriteString(": ")
	}
	b.WriteString(p.Message)
	return b.String()
}

// FromProblems converts a build's problems for the overlay, in the
// language of tr. The message keeps what the terminal shows after
// file:line: the warning mark, the field path and the excerpt with its
// caret.
func FromProblems(ps []problem.Problem, tr msg.Translator) []Problem {
	out := make([]Problem, 0, len(ps))
	for _, p := range ps {
		out = append(out, Problem{File: p.File, Line: p.Line, Message: p.DetailIn(tr)})
	}
	return out
}

// wireProblem is a Problem as sent in a problems event; Text is String().
type wireProblem struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Message string `json:"message"`
	Text    string `json:"text"`
}

func toWire(ps []Problem) []wireProblem {
	out := make([]wireProblem, len(ps))
	for i, p := range ps {
		out[i] = wireProblem{File: p.File, Line: p.Line, Message: p.Message, Text: p.String()}
	}
	return out
}
