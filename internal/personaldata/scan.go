package personaldata

import (
	"bytes"
	"unicode/utf8"
)

// The finders read a file's bytes as they are, line by line, without
// copying them: a build lints every file of content/ and data/, and most
// have nothing to find, so the scan allocates only for what it finds.

// digitRuns walks the runs of digits of a text, line by line, without
// copying it or allocating: a value on the caller's stack.
type digitRuns struct {
	rest []byte  // the text after line
	line []byte  // the current line, without its "\n"
	n    int     // its number, 1-based
	i    int     // where the current run of digits starts in line
	cols columns // of line
	last bool    // line is the last
}

func newDigitRuns(src []byte) digitRuns { return digitRuns{rest: src} }

// next moves to the next run of digits, at r.line[r.i], from r.i on; it
// reports false at the end of the text. The caller sets r.i past what it
// read of the run, at least one byte.
func (r *digitRuns) next() bool {
	for {
		for ; r.i < len(r.line); r.i++ {
			if isDigit(r.line[r.i]) {
				return true
			}
		}
		if r.last {
			return false
		}
		r.n++
		if k := bytes.IndexByte(r.rest, '\n'); k >= 0 {
			r.line, r.rest = r.rest[:k], r.rest[k+1:]
		} else {
			r.line, r.rest, r.last = r.rest, nil, true
		}
		r.i, r.cols = 0, newColumns(r.line)
	}
}

// runEnd is the end of the run of digits at line[i].
func runEnd(line []byte, i int) int {
	for i < len(line) && isDigit(line[i]) {
		i++
	}
	return i
}

// columns gives the 1-based columns, in characters, of bytes of one line,
// asked in increasing order: each is counted from the last, so that a long
// line with many numbers is read once. A run of bytes that are not UTF-8
// counts as one character, as an editor shows one replacement mark for
// it.
type columns struct {
	line    []byte
	at, col int // byte at is at column col
}

func newColumns(line []byte) columns { return columns{line: line, col: 1} }

// of returns the column of byte i, an ASCII byte at or after the last one
// asked for.
func (c *columns) of(i int) int {
	for j := c.at; j < i; {
		r, size := utf8.DecodeRune(c.line[j:i])
		j += size
		if r == utf8.RuneError && size == 1 {
			for j < i {
				if r, size := utf8.DecodeRune(c.line[j:i]); r != utf8.RuneError || size != 1 {
					break
				}
				j++
			}
		}
		c.col++
	}
	c.at = i
	return c.col
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// mask hides the middle of a number's digits, keeping the first four and
// the last two: 0791******89, 0912****78.
func mask(digits string) string {
	b := []byte(digits)
	for i := 4; i < len(b)-2; i++ {
		b[i] = '*'
	}
	return string(b)
}
