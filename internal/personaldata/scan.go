package personaldata

import (
	"bytes"
	"encoding/binary"
	"unicode/utf8"
)

// The finders read a file's bytes as they are, line by line, without
// copying them: a build lints every file of content/ and data/, and most
// have nothing to find, so the scan allocates only for what it finds.

// find returns the citizen ID numbers (with ids) and the mobile numbers
// (with mobiles) of src, in order, in one pass over the text.
func find(src []byte, ids, mobiles bool) (idm []IDMatch, mm []MobileMatch) {
	for r := newDigitRuns(src); r.next(); {
		i, j := r.i, runEnd(r.line, r.i)
		next := j
		// At most one of the two starts at a run: an ID number has 12
		// digits, a mobile 10. The mobile first: it may start before i, at
		// its +84, and columns are asked in order.
		if mobiles {
			if start, end, digits, ok := mobileAt(r.line, i); ok {
				mm = append(mm, MobileMatch{Line: r.n, Col: r.cols.of(start), Digits: digits, Masked: mask(digits)})
				next = end
			}
		}
		if ids {
			if digits, ok := idAt(r.line, i, j); ok {
				idm = append(idm, IDMatch{Line: r.n, Col: r.cols.of(i), Masked: mask(digits)})
			}
		}
		r.i = next
	}
	return idm, mm
}

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
		// Most of a text is not digits: skip it eight bytes at a time.
		for r.i+8 <= len(r.line) && !hasDigit(binary.LittleEndian.Uint64(r.line[r.i:])) {
			r.i += 8
		}
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

// hasDigit reports whether any of the eight bytes of x is an ASCII digit,
// with no branch per byte: for each byte b below 128 (the high bit of x
// is masked out, so UTF-8 bytes never count), 185-b has its high bit set
// when b <= '9' and b+80 when b >= '0'; neither borrows nor carries into
// the next byte. (Bit Twiddling Hacks, "has a byte between m and n".)
func hasDigit(x uint64) bool {
	const ones = 0x0101010101010101
	low := x & (ones * 0x7f)
	return (ones*(0x7f+'9'+1)-low)&^x&(low+ones*(0x7f-('0'-1)))&(ones*0x80) != 0
}

// mask hides the middle of a number's digits, keeping the first four and
// the last two: 0791******89, 0912****78.
func mask(digits string) string {
	b := []byte(digits)
	for i := 4; i < len(b)-2; i++ {
		b[i] = '*'
	}
	return string(b)
}
