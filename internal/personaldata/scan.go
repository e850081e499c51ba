package personaldata

import (
	"bytes"
	"unicode/utf8"
)

// The finders read a file's bytes as they are, line by line, without
// copying them: a build lints every file of content/ and data/, and most
// have nothing to find, so the scan allocates only for what it finds.

// lines calls fn with every line of src (without its "\n") and its number,
// 1-based.
func lines(src []byte, fn func(line []byte, n int)) {
	for n := 1; ; n++ {
		i := bytes.IndexByte(src, '\n')
		if i < 0 {
			fn(src, n)
			return
		}
		fn(src[:i], n)
		src = src[i+1:]
	}
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
