package markdown

import "bytes"

// TooDeep returns the first line of src (1-based) whose lists and block
// quotes nest deeper than limit, or 0. It looks at the bytes only, before
// goldmark, which slows with the depth of nested lists: a line can open a
// container only after the markers and the indentation of those it is in
// (two columns at least for a list item, one for a quote), so the markers
// a line begins with, and half its indentation, bound its depth. Lines in
// fenced code are not Markdown and are passed over.
func TooDeep(src []byte, limit int) (line int) {
	var fence []byte // the fence of the code block the scan is in
	for n := 1; len(src) > 0; n++ {
		var text []byte
		text, src, _ = bytes.Cut(src, []byte("\n"))
		depth, rest, opens := prefix(text)
		if fence != nil {
			if bytes.HasPrefix(bytes.TrimLeft(rest, " \t"), fence) {
				fence = nil
			}
			continue
		}
		if f := fenceOf(rest); f != nil {
			fence = f
			continue
		}
		if opens && depth > limit {
			return n
		}
	}
	return 0
}

// prefix measures the container markers a line begins with: it returns
// their depth (markers, plus half the indentation), the rest of the line,
// and whether the line has a marker at all.
func prefix(line []byte) (depth int, rest []byte, opens bool) {
	indent := 0
	for {
		i := 0
		for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
			if line[i] == '\t' {
				indent += 4 - indent%4
			} else {
				indent++
			}
			i++
		}
		line = line[i:]
		if len(line) == 0 {
			return depth + indent/2, line, opens
		}
		switch n := marker(line); {
		case line[0] == '>':
			line = line[1:]
		case n > 0:
			line = line[n:]
		default:
			return depth + indent/2, line, opens
		}
		depth++
		opens = true
	}
}

// marker returns the length of the list marker line begins with ("- ",
// "* ", "+ ", "1. ", "12) "), or 0.
func marker(line []byte) int {
	if len(line) >= 1 && (line[0] == '-' || line[0] == '*' || line[0] == '+') {
		if len(line) == 1 || line[1] == ' ' || line[1] == '\t' {
			return min(2, len(line))
		}
		return 0
	}
	i := 0
	for i < len(line) && i < 9 && line[i] >= '0' && line[i] <= '9' {
		i++
	}
	if i == 0 || i >= len(line) || (line[i] != '.' && line[i] != ')') {
		return 0
	}
	if i+1 == len(line) || line[i+1] == ' ' || line[i+1] == '\t' {
		return min(i+2, len(line))
	}
	return 0
}

// fenceOf returns the fence a line opens (``` or ~~~, three or more), or
// nil.
func fenceOf(rest []byte) []byte {
	rest = bytes.TrimLeft(rest, " \t")
	for _, c := range []byte{'`', '~'} {
		n := 0
		for n < len(rest) && rest[n] == c {
			n++
		}
		if n >= 3 {
			return rest[:n]
		}
	}
	return nil
}
