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
// part of a string or of a comment.
func stripJSComments(js []byte) []byte {
	if bytes.ContainsAny(js, "`") || bytes.Contains(js, []byte("/*")) || bytes.Contains(js, []byte("\\\n")) || bytes.Contains(js, []byte("\\\r\n")) {
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
