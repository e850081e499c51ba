package static

import "bytes"

// stripJSComments returns the script js without its whole-line comments
// (a line that is only a // comment) and without the indentation of its
// lines, which explain and lay out the theme's scripts for whoever edits
// them but weigh on every page a phone loads: a third of the search
// script's compressed size. Line ends stay, so that automatic semicolon
// insertion reads the same statements. A script this cannot be sure of is
// published as it is: one with a template literal (a backtick), a block
// comment or a line continued with a backslash, in which a line may be
// part of a string or of a comment, and one whose lines may end otherwise
// than with \n (a lone \r, U+2028, U+2029 end a line in JavaScript).
func stripJSComments(js []byte) []byte {
	if bytes.ContainsAny(js, "`\u2028\u2029") || bytes.Contains(js, []byte("/*")) || bytes.Contains(js, []byte("\\\n")) || bytes.Contains(js, []byte("\\\r\n")) ||
		bytes.Count(js, []byte("\r")) != bytes.Count(js, []byte("\r\n")) {
		return js
	}
	out := make([]byte, 0, len(js))
	for line := range bytes.Lines(js) {
		code := bytes.TrimLeft(line, " \t")
		if bytes.HasPrefix(code, []byte("//")) {
			continue
		}
		if len(bytes.TrimSpace(code)) == 0 {
			continue
		}
		out = append(out, code...)
	}
	return out
}
