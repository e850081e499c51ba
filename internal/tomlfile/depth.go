package tomlfile

// depthScan finds the deepest nesting of tables and arrays in a TOML text,
// dotted keys counted, in one pass over its bytes and before the TOML
// library sees it: the library takes time in the square of the depth. The
// scan is lenient: it follows strings and comments well enough to count
// brackets, and leaves syntax errors to the library.
type depthScan struct {
	src   string
	i     int
	line  int // 1-based, of src
	limit int

	// deepest is the depth found first over the limit, at line; 0 when
	// the text keeps within it.
	deepest, at int
}

// tooDeep returns the nesting depth and the line of the first place in src
// that nests deeper than limit, or 0, 0.
func tooDeep(src string, limit int) (depth, line int) {
	s := &depthScan{src: src, line: 1, limit: limit}
	s.document()
	return s.deepest, s.at
}

func (s *depthScan) note(depth int) bool {
	if depth > s.limit && s.deepest == 0 {
		s.deepest, s.at = depth, s.line
	}
	return s.deepest != 0
}

// document scans the lines of the text: table headers, key/value pairs,
// comments and blank lines.
func (s *depthScan) document() {
	base := 0 // the depth of the current [table]
	for s.i < len(s.src) && s.deepest == 0 {
		switch c := s.src[s.i]; c {
		case ' ', '\t', '\r':
			s.i++
		case '\n':
			s.i++
			s.line++
		case '#':
			s.comment()
		case '[':
			s.i++
			array := s.i < len(s.src) && s.src[s.i] == '['
			if array {
				s.i++
			}
			base = s.key(']')
			if array {
				base++ // the table in the array
			}
			s.note(base)
			s.skipLine()
		default:
			depth := base + s.key('=')
			if s.note(depth) {
				return
			}
			if s.i < len(s.src) && s.src[s.i] == '=' {
				s.i++
				s.value(depth)
			}
			s.skipLine()
		}
	}
}

// key scans a bare, quoted or dotted key up to stop (not consumed, nor a
// newline) and returns how many parts it has.
func (s *depthScan) key(stop byte) int {
	parts := 1
	for s.i < len(s.src) {
		switch c := s.src[s.i]; c {
		case stop, '\n':
			return parts
		case '.':
			parts++
			s.i++
		case '"', '\'':
			s.str()
		default:
			s.i++
		}
	}
	return parts
}

// value scans the value of a key at depth: the elements of an array nest
// one deeper than the array, the keys of an inline table as many as their
// parts.
func (s *depthScan) value(depth int) {
	type frame struct {
		table bool
		owner int // the depth of the key or element that holds the bracket
	}
	var open []frame
	cur := depth // the depth of the value being scanned
	for s.i < len(s.src) && s.deepest == 0 {
		switch c := s.src[s.i]; c {
		case '[', '{':
			s.i++
			open = append(open, frame{table: c == '{', owner: cur})
			if c == '[' {
				cur++
				s.note(cur)
			} else if !s.tableKey(open[len(open)-1].owner, &cur) {
				return
			}
		case ',':
			s.i++
			if len(open) == 0 {
				return
			}
			top := open[len(open)-1]
			if !top.table {
				cur = top.owner + 1
			} else if !s.tableKey(top.owner, &cur) {
				return
			}
		case ']', '}':
			s.i++
			if len(open) == 0 {
				return
			}
			cur = open[len(open)-1].owner
			open = open[:len(open)-1]
			if len(open) == 0 {
				return
			}
		case '"', '\'':
			s.str()
			if len(open) == 0 {
				return
			}
		case '#':
			s.comment()
		case '\n':
			if len(open) == 0 {
				return
			}
			s.i++
			s.line++
		default:
			s.i++
		}
	}
}

// tableKey scans the key of a pair in an inline table whose owner is at
// depth owner, up to its "=", and sets *cur to the depth of its value (an
// empty table, {}, has no key). It reports false when that depth is over
// the limit.
func (s *depthScan) tableKey(owner int, cur *int) bool {
	for s.i < len(s.src) && (s.src[s.i] == ' ' || s.src[s.i] == '\t') {
		s.i++
	}
	if s.i >= len(s.src) || s.src[s.i] == '}' {
		return true // an empty table: the '}' closes it
	}
	*cur = owner + s.key('=')
	if s.note(*cur) {
		return false
	}
	if s.i < len(s.src) && s.src[s.i] == '=' {
		s.i++
	}
	return true
}

// str scans a basic, literal or multi-line string.
func (s *depthScan) str() {
	q := s.src[s.i]
	if s.i+2 < len(s.src) && s.src[s.i+1] == q && s.src[s.i+2] == q {
		s.i += 3
		for s.i < len(s.src) {
			switch {
			case s.src[s.i] == '\n':
				s.line++
			case q == '"' && s.src[s.i] == '\\':
				s.i++
				if s.i < len(s.src) && s.src[s.i] == '\n' {
					s.line++
				}
			case s.src[s.i] == q && s.i+2 < len(s.src) && s.src[s.i+1] == q && s.src[s.i+2] == q:
				s.i += 3
				for s.i < len(s.src) && s.src[s.i] == q { // up to two quotes of the content
					s.i++
				}
				return
			}
			s.i++
		}
		return
	}
	s.i++
	for s.i < len(s.src) {
		switch s.src[s.i] {
		case '\n':
			return // unterminated: the library reports it
		case '\\':
			if q == '"' {
				s.i++
			}
		case q:
			s.i++
			return
		}
		s.i++
	}
}

func (s *depthScan) comment() {
	for s.i < len(s.src) && s.src[s.i] != '\n' {
		s.i++
	}
}

// skipLine moves to the end of the line, past what follows a header or a
// value (a comment, or something the library will report).
func (s *depthScan) skipLine() {
	for s.i < len(s.src) && s.src[s.i] != '\n' {
		switch s.src[s.i] {
		case '"', '\'':
			s.str()
		default:
			s.i++
		}
	}
}
