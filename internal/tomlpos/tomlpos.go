// Package tomlpos records where keys, tables and array elements are defined
// in TOML source text, so that problems found after decoding (for example
// "channels[1].fees[0].text: required") can be reported with a line number.
//
// The scanner is deliberately lenient: the text has normally been accepted by
// a real TOML decoder already, so it only needs to understand enough syntax to
// keep the line count exact and the paths right. On any input, valid or not,
// it terminates in time roughly linear in the input size and never panics.
//
// Paths join keys with "." and address array elements as "[i]" (0-based):
//
//	code
//	channels[1].fees[0].text
//	people[2].phones[0].number
//
// Quoted keys contribute their unquoted text as a single component, even if
// it contains a ".".
package tomlpos

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Limits that keep adversarial input cheap. Valid documents of the kind we
// index are far below them; beyond them values are still skipped correctly
// (so line numbers stay exact) but nothing more is recorded.
const (
	// maxDepth bounds the nesting of arrays and inline tables handled
	// recursively; deeper values are skipped iteratively.
	maxDepth = 64
	// maxPathLen bounds the length of a recorded path, so that a long table
	// name repeated as a prefix of many keys cannot cost quadratic time.
	maxPathLen = 1024
)

// Pos is a 1-based line and column (column counted in bytes, 1-based).
type Pos struct{ Line, Col int }

// Index maps paths to positions.
type Index struct {
	pos   map[string]Pos
	order []string // paths in document order
}

// Scan indexes src. It never fails: unparseable parts are skipped.
//
// Keys are recorded at the position of their first byte (the opening quote
// for quoted keys), array elements at the first byte of the value, and
// table headers at their opening bracket. Only the first definition of a
// path is kept.
func Scan(src []byte) *Index {
	s := &scanner{
		src:    src,
		line:   1,
		ix:     &Index{pos: make(map[string]Pos)},
		arrays: make(map[string]int),
	}
	s.document()
	return s.ix
}

// Lookup returns the position of path, ok=false if unknown.
func (ix *Index) Lookup(path string) (Pos, bool) {
	p, ok := ix.pos[path]
	return p, ok
}

// Nearest returns the position of path or of its closest known ancestor
// (dropping trailing `.key` / `[i]` components one by one); ok=false if none.
// Used when a required field is missing: point at the table that lacks it.
func (ix *Index) Nearest(path string) (Pos, bool) {
	for {
		if p, ok := ix.pos[path]; ok {
			return p, true
		}
		var more bool
		if path, more = parent(path); !more {
			return Pos{}, false
		}
	}
}

// Paths returns every recorded path in document order.
func (ix *Index) Paths() []string {
	return append([]string(nil), ix.order...)
}

// Matching returns every recorded path whose StripIndices form equals
// keyNoIndices, in document order. It places keys reported without indices,
// such as those of BurntSushi/toml's MetaData.Undecoded. An array and its
// elements share a stripped form, so Matching("level") returns "level",
// "level[0]", ... Pass such a key as strings.Join(key, "."): toml.Key's
// String method quotes components that are not bare keys.
func (ix *Index) Matching(keyNoIndices string) []string {
	var out []string
	for _, p := range ix.order {
		if StripIndices(p) == keyNoIndices {
			out = append(out, p)
		}
	}
	return out
}

// StripIndices turns `channels[1].fees[0].text` into `channels.fees.text`
// (the form github.com/BurntSushi/toml's MetaData.Undecoded keys print as).
func StripIndices(path string) string {
	if !strings.Contains(path, "[") {
		return path
	}
	var b strings.Builder
	for i := 0; i < len(path); i++ {
		if n := indexLen(path[i:]); n > 0 {
			i += n - 1
			continue
		}
		b.WriteByte(path[i])
	}
	return b.String()
}

// indexLen returns the length of the "[digits]" at the start of s, or 0.
func indexLen(s string) int {
	if len(s) < 3 || s[0] != '[' {
		return 0
	}
	i := 1
	for i < len(s) && '0' <= s[i] && s[i] <= '9' {
		i++
	}
	if i == 1 || i == len(s) || s[i] != ']' {
		return 0
	}
	return i + 1
}

// parent drops the last `.key` or `[i]` component of path; more=false when
// there is nothing left.
func parent(path string) (string, bool) {
	if strings.HasSuffix(path, "]") {
		if i := strings.LastIndexByte(path, '['); i >= 0 {
			return path[:i], true
		}
	}
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		return path[:i], true
	}
	return "", false
}

// loc is where keys are being recorded: the document root, a table or an
// array element, or nowhere (ok=false) when the path is unknown or too long.
// The root is kept apart from the table named by the empty key "".
type loc struct {
	path string
	root bool
	ok   bool
}

// rootLoc returns the location of the document root.
func rootLoc() loc { return loc{root: true, ok: true} }

// child returns the location of key inside l.
func (l loc) child(key string) loc {
	switch {
	case !l.ok || len(l.path)+1+len(key) > maxPathLen:
		return loc{}
	case l.root:
		return loc{path: key, ok: true}
	}
	return loc{path: l.path + "." + key, ok: true}
}

// element returns the location of the i-th element of the array at l.
func (l loc) element(i int) loc {
	idx := "[" + strconv.Itoa(i) + "]"
	if !l.ok || len(l.path)+len(idx) > maxPathLen {
		return loc{}
	}
	return loc{path: l.path + idx, ok: true}
}

// add records l at p, unless l is nowhere.
func (ix *Index) add(l loc, p Pos) {
	if !l.ok || l.root {
		return
	}
	if _, dup := ix.pos[l.path]; dup {
		return
	}
	ix.pos[l.path] = p
	ix.order = append(ix.order, l.path)
}

// scanner walks the source once. Every byte is consumed through next, which
// keeps line and lineStart exact whatever construct the byte belongs to.
type scanner struct {
	src       []byte
	off       int // next byte to read
	line      int // 1-based line of src[off]
	lineStart int // offset of the first byte of the current line
	ix        *Index

	// table is the current [table] or [[array]] element; keys are recorded
	// under it. After a malformed header it is nowhere.
	table loc

	// arrays counts the [[header]] elements seen per array path, so that
	// later headers refer to the last element.
	arrays map[string]int
}

// keyPart is one component of a (possibly dotted) key.
type keyPart struct {
	name string
	pos  Pos
}

func (s *scanner) eof() bool { return s.off >= len(s.src) }

// peek returns the next byte, or 0 at the end of input. Loops must still
// check eof, since 0 is also a legal (if invalid TOML) input byte.
func (s *scanner) peek() byte {
	if s.eof() {
		return 0
	}
	return s.src[s.off]
}

func (s *scanner) hasPrefix(p string) bool {
	return bytes.HasPrefix(s.src[s.off:], []byte(p))
}

func (s *scanner) pos() Pos { return Pos{Line: s.line, Col: s.off - s.lineStart + 1} }

// next consumes one byte.
func (s *scanner) next() {
	if s.eof() {
		return
	}
	if s.src[s.off] == '\n' {
		s.line++
		s.lineStart = s.off + 1
	}
	s.off++
}

func (s *scanner) skip(n int) {
	for ; n > 0; n-- {
		s.next()
	}
}

// consume consumes c if it is the next byte.
func (s *scanner) consume(c byte) bool {
	if !s.eof() && s.src[s.off] == c {
		s.next()
		return true
	}
	return false
}

// skipSpace skips blanks within a line.
func (s *scanner) skipSpace() {
	for !s.eof() && (s.src[s.off] == ' ' || s.src[s.off] == '\t') {
		s.next()
	}
}

// skipComment skips a comment up to, not including, the line end.
func (s *scanner) skipComment() {
	for !s.eof() && s.src[s.off] != '\n' {
		s.next()
	}
}

// skipLine skips the rest of the line including its line end. Used after a
// header or key/value pair to drop trailing comments (and any garbage).
func (s *scanner) skipLine() {
	s.skipComment()
	s.next()
}

// skipSpaceNL skips blanks, line ends and comments, as allowed between
// elements of arrays (and, leniently, of inline tables).
func (s *scanner) skipSpaceNL() {
	for !s.eof() {
		switch s.src[s.off] {
		case ' ', '\t', '\r', '\n':
			s.next()
		case '#':
			s.skipComment()
		default:
			return
		}
	}
}

// document scans top-level lines: blank lines, comments, headers and
// key/value pairs.
func (s *scanner) document() {
	s.table = rootLoc()
	// Skip a byte order mark like BurntSushi/toml does, including the
	// (invalid, but produced by some tools) UTF-16 ones.
	switch {
	case s.hasPrefix("\xEF\xBB\xBF"):
		s.skip(3)
	case s.hasPrefix("\xFF\xFE"), s.hasPrefix("\xFE\xFF"):
		s.skip(2)
	}
	for !s.eof() {
		s.skipSpace()
		switch s.peek() {
		case '#':
		case '[':
			s.header()
		case '\r', '\n':
		default:
			s.keyValue(s.table, 0)
		}
		s.skipLine()
	}
}

// header handles a [table] or [[array]] header line.
func (s *scanner) header() {
	at := s.pos()
	s.next() // '['
	array := s.consume('[')
	s.skipSpace()
	keys, ok := s.keys()
	if ok {
		s.skipSpace()
		ok = s.consume(']') && (!array || s.consume(']'))
	}
	s.table = loc{} // unless the header resolves below
	if !ok {
		return
	}

	l := rootLoc()
	for i, k := range keys {
		if l = l.child(k.name); !l.ok {
			return
		}
		s.ix.add(l, at)
		last := i == len(keys)-1
		if last && array {
			// Each [[path]] header appends a new element.
			n := s.arrays[l.path]
			s.arrays[l.path] = n + 1
			l = l.element(n)
			s.ix.add(l, at)
		} else if n := s.arrays[l.path]; !last && n > 0 {
			// [a.b] or [[a.b]] after [[a]] refers to the last element of a.
			l = l.element(n - 1)
		}
	}
	s.table = l
}

// keyValue handles `key = value` inside the table at l. Malformed pairs are
// left for the caller to skip.
func (s *scanner) keyValue(l loc, depth int) {
	keys, ok := s.keys()
	if !ok {
		return
	}
	s.skipSpace()
	if !s.consume('=') {
		return
	}
	for _, k := range keys {
		l = l.child(k.name)
		s.ix.add(l, k.pos)
	}
	s.skipSpace()
	s.value(l, depth)
}

// keys parses a possibly dotted key such as `a."b.c".d`.
func (s *scanner) keys() ([]keyPart, bool) {
	var parts []keyPart
	for {
		s.skipSpace()
		at := s.pos()
		name, ok := s.key()
		if !ok {
			return nil, false
		}
		parts = append(parts, keyPart{name, at})
		s.skipSpace()
		if !s.consume('.') {
			return parts, true
		}
	}
}

// key parses one bare, "basic" or 'literal' key component.
func (s *scanner) key() (string, bool) {
	switch s.peek() {
	case '"', '\'':
		q := s.src[s.off]
		s.next()
		start := s.off
		for !s.eof() && s.src[s.off] != '\n' {
			c := s.src[s.off]
			if c == q {
				raw := s.src[start:s.off]
				s.next()
				if q == '\'' {
					return string(raw), true
				}
				return unescape(raw), true
			}
			s.next()
			if c == '\\' && q == '"' && !s.eof() && s.src[s.off] != '\n' {
				s.next() // escaped byte, possibly a quote
			}
		}
		return "", false // unterminated
	default:
		start := s.off
		for !s.eof() && isBare(s.src[s.off]) {
			s.next()
		}
		return string(s.src[start:s.off]), s.off > start
	}
}

// isBare reports whether c may appear in a bare key. Bytes of non-ASCII
// UTF-8 sequences are accepted too, to be lenient.
func isBare(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		c == '_' || c == '-' || c >= utf8.RuneSelf
}

// value skips one value, recording array elements and inline table keys
// under l.
func (s *scanner) value(l loc, depth int) {
	switch s.peek() {
	case '"':
		s.basicString()
	case '\'':
		s.literalString()
	case '[', '{':
		if depth >= maxDepth {
			s.skipNested()
		} else if s.src[s.off] == '[' {
			s.array(l, depth+1)
		} else {
			s.inlineTable(l, depth+1)
		}
	default:
		s.scalar()
	}
}

// scalar skips a number, boolean or date. A date-time with a space
// (`1979-05-27 07:32:00`) stops at the space; callers skip the rest.
func (s *scanner) scalar() {
	for !s.eof() {
		switch s.src[s.off] {
		case ' ', '\t', '\r', '\n', ',', '[', ']', '{', '}', '#', '=', '"', '\'':
			return
		}
		s.next()
	}
}

// array scans `[ v, v, ... ]`, recording each element i as l[i].
func (s *scanner) array(l loc, depth int) {
	s.next() // '['
	i := 0
	inElem := false // a value of element i has been seen
	for {
		s.skipSpaceNL()
		if s.eof() {
			return
		}
		switch s.src[s.off] {
		case ']':
			s.next()
			return
		case ',':
			s.next()
			if inElem {
				i++
				inElem = false
			}
			continue
		}
		start := s.off
		if inElem {
			// Trailing part of the same element (the time of a date-time
			// with a space) or garbage: skip it without recording.
			s.value(loc{}, depth)
		} else {
			inElem = true
			e := l.element(i)
			s.ix.add(e, s.pos())
			s.value(e, depth)
		}
		if s.off == start {
			s.next() // stray byte such as '}' or '=': guarantee progress
		}
	}
}

// inlineTable scans `{ k = v, ... }`, recording keys under l. Line ends and
// comments are accepted between pairs (TOML 1.1).
func (s *scanner) inlineTable(l loc, depth int) {
	s.next() // '{'
	for {
		s.skipSpaceNL()
		if s.eof() {
			return
		}
		switch s.src[s.off] {
		case '}':
			s.next()
			return
		case ',':
			s.next()
			continue
		}
		start := s.off
		s.keyValue(l, depth)
		if s.off == start {
			s.next() // guarantee progress on garbage
		}
	}
}

// skipNested skips an array or inline table nested too deeply to scan
// recursively, balancing brackets and skipping strings and comments.
func (s *scanner) skipNested() {
	depth := 0
	for !s.eof() {
		switch s.src[s.off] {
		case '[', '{':
			depth++
			s.next()
		case ']', '}':
			depth--
			s.next()
			if depth <= 0 {
				return
			}
		case '"':
			s.basicString()
		case '\'':
			s.literalString()
		case '#':
			s.skipComment()
		default:
			s.next()
		}
	}
}

// basicString skips a basic string, single-quoted or triple-quoted.
func (s *scanner) basicString() {
	if s.hasPrefix(`"""`) {
		s.skip(3)
		s.multiLine('"', true)
		return
	}
	s.next()
	for !s.eof() && s.src[s.off] != '\n' {
		c := s.src[s.off]
		s.next()
		if c == '"' {
			return
		}
		if c == '\\' && !s.eof() && s.src[s.off] != '\n' {
			s.next() // escaped byte, possibly a quote
		}
	}
}

// literalString skips a literal string, single-quoted or triple-quoted.
func (s *scanner) literalString() {
	if s.hasPrefix(`'''`) {
		s.skip(3)
		s.multiLine('\'', false)
		return
	}
	s.next()
	for !s.eof() && s.src[s.off] != '\n' {
		c := s.src[s.off]
		s.next()
		if c == '\'' {
			return
		}
	}
}

// multiLine skips the body and closing delimiter of a multi-line string
// quoted with q. Up to two extra quotes before the closing delimiter belong
// to the content (`"""a""""` is `a"`).
func (s *scanner) multiLine(q byte, escapes bool) {
	delim := strings.Repeat(string(q), 3)
	for !s.eof() {
		c := s.src[s.off]
		if c == q && s.hasPrefix(delim) {
			s.skip(3)
			for i := 0; i < 2 && s.peek() == q; i++ {
				s.next()
			}
			return
		}
		s.next()
		if c == '\\' && escapes {
			s.next() // escaped byte: a quote, or a line end (counted by next)
		}
	}
}

// unescape decodes the escapes of a basic-string key. Invalid escapes are
// kept as written; the decoder that accepted the document has rejected them
// anyway.
func unescape(raw []byte) string {
	if bytes.IndexByte(raw, '\\') < 0 {
		return string(raw)
	}
	var b strings.Builder
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c != '\\' || i+1 == len(raw) {
			b.WriteByte(c)
			continue
		}
		i++
		switch e := raw[i]; e {
		case 'b':
			b.WriteByte('\b')
		case 't':
			b.WriteByte('\t')
		case 'n':
			b.WriteByte('\n')
		case 'f':
			b.WriteByte('\f')
		case 'r':
			b.WriteByte('\r')
		case 'e':
			b.WriteByte('\x1b')
		case '"', '\\':
			b.WriteByte(e)
		case 'x', 'u', 'U':
			n := hexDigits(e)
			if i+n < len(raw) {
				if r, err := strconv.ParseUint(string(raw[i+1:i+1+n]), 16, 32); err == nil && utf8.ValidRune(rune(r)) {
					b.WriteRune(rune(r))
					i += n
					continue
				}
			}
			b.WriteByte('\\')
			b.WriteByte(e)
		default:
			b.WriteByte('\\')
			b.WriteByte(e)
		}
	}
	return b.String()
}

// hexDigits is the number of hex digits following the escape \e.
func hexDigits(e byte) int {
	switch e {
	case 'x':
		return 2
	case 'u':
		return 4
	}
	return 8
}
