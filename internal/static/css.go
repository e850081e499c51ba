package static

// stripCSSComments returns the style sheet css without its comments, which
// explain the theme to whoever edits it but weigh on every page a phone
// loads: a comment between two tokens becomes a space, one beside a space
// or a bracket goes, and a line left blank goes with it. A comment that
// opens with /*! (a licence, by the convention minifiers follow) stays,
// and so does whatever is in a string or an unquoted url(). A comment
// that is not closed runs to the end of the sheet, as in CSS.
func stripCSSComments(css []byte) []byte {
	out := make([]byte, 0, len(css))
	for i := 0; i < len(css); {
		c := css[i]
		switch {
		case c == '"' || c == '\'':
			j := endOfString(css, i)
			out = append(out, css[i:j]...)
			i = j
		case c == '(' && hasURLBefore(css, i):
			j := endOfURL(css, i+1)
			out = append(out, css[i:j]...)
			i = j
		case c == '/' && i+1 < len(css) && css[i+1] == '*':
			end := len(css)
			for j := i + 2; j+1 < len(css); j++ {
				if css[j] == '*' && css[j+1] == '/' {
					end = j + 2
					break
				}
			}
			if i+2 < len(css) && css[i+2] == '!' {
				out = append(out, css[i:end]...)
				i = end
				continue
			}
			if separates(out, css, end) {
				out = append(out, ' ')
			}
			i = end
			// A line that held only the comment goes.
			if lineStartsBlank(out) && (end == len(css) || css[end] == '\n') {
				out = trimLineStart(out)
				if end < len(css) {
					i++
				}
			}
		default:
			out = append(out, c)
			i++
		}
	}
	return out
}

// endOfString is the index after the string that opens at css[i], its
// escapes included; a string cut by a newline or the end ends there.
func endOfString(css []byte, i int) int {
	quote := css[i]
	for j := i + 1; j < len(css); j++ {
		switch css[j] {
		case '\\':
			j++
		case quote:
			return j + 1
		case '\n':
			return j
		}
	}
	return len(css)
}

// hasURLBefore reports whether the bracket at css[i] opens url( with an
// unquoted address after it.
func hasURLBefore(css []byte, i int) bool {
	if i < 3 {
		return false
	}
	name := css[i-3 : i]
	if !(name[0]|0x20 == 'u' && name[1]|0x20 == 'r' && name[2]|0x20 == 'l') {
		return false
	}
	for j := i + 1; j < len(css); j++ {
		switch css[j] {
		case ' ', '\t', '\n', '\r', '\f':
			continue
		case '"', '\'':
			return false
		}
		return true
	}
	return false
}

// endOfURL is the index after the closing bracket of an unquoted url(
// whose address starts at css[i].
func endOfURL(css []byte, i int) int {
	for j := i; j < len(css); j++ {
		switch css[j] {
		case '\\':
			j++
		case ')':
			return j + 1
		}
	}
	return len(css)
}

// separates reports whether a comment between out and css[next:] keeps
// two tokens apart, which a space must then do.
func separates(out, css []byte, next int) bool {
	if len(out) == 0 || next >= len(css) {
		return false
	}
	return !quiet(out[len(out)-1]) && !quiet(css[next])
}

// quiet is a byte beside which a comment separates nothing.
func quiet(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\r', '\f', '{', '}', ';', ':', ',', '(', ')', '>', '+', '~':
		return true
	}
	return false
}

// lineStartsBlank reports whether the last line of out holds only spaces.
func lineStartsBlank(out []byte) bool {
	for j := len(out) - 1; j >= 0; j-- {
		switch out[j] {
		case '\n':
			return true
		case ' ', '\t':
			continue
		default:
			return false
		}
	}
	return true
}

// trimLineStart drops the spaces that start the last line of out.
func trimLineStart(out []byte) []byte {
	for len(out) > 0 && (out[len(out)-1] == ' ' || out[len(out)-1] == '\t') {
		out = out[:len(out)-1]
	}
	return out
}
