// Package frontmatter splits a content file into its TOML front matter,
// written between two +++ lines, and its Markdown body.
package frontmatter

import (
	"bytes"
	"errors"

	"github.com/congkhai/congkhai/internal/msg"
)

// Split is a content file cut in two.
type Split struct {
	FrontMatter []byte // TOML text between the +++ lines
	FirstLine   int    // line of the file where FrontMatter starts (1-based)
	Body        []byte // Markdown after the closing +++ line
	BodyLine    int    // line of the file where Body starts
}

// Error is a problem with the shape of the file, at a line.
type Error struct {
	Line int
	Msg  msg.Text
}

func (e *Error) Error() string { return e.Text().String() }

// Text is the error's message (msg.Of).
func (e *Error) Text() msg.Text { return msg.T("line %d: %v", e.Line, e.Msg) }

var bom = []byte("\xef\xbb\xbf")

// Parse splits src. A file must open with a line holding only +++ (a UTF-8
// byte order mark before it is allowed) and close the front matter with a
// second such line.
func Parse(src []byte) (Split, error) {
	src = bytes.TrimPrefix(src, bom)
	if len(bytes.TrimSpace(src)) == 0 {
		return Split{}, &Error{Line: 1, Msg: msg.T("the file is empty; it needs front matter between +++ lines, then the text")}
	}
	first, rest, _ := cutLine(src)
	switch string(bytes.TrimSpace(first)) {
	case "+++":
	case "---":
		return Split{}, &Error{Line: 1, Msg: msg.T("front matter in YAML (between --- lines) is not supported; write it in TOML between +++ lines")}
	default:
		return Split{}, &Error{Line: 1, Msg: msg.T("the file must start with a +++ line that opens the TOML front matter")}
	}
	fmStart := len(src) - len(rest)
	line := 2
	for len(rest) > 0 {
		l, next, _ := cutLine(rest)
		if string(bytes.TrimSpace(l)) == "+++" {
			fmEnd := len(src) - len(rest)
			return Split{
				FrontMatter: src[fmStart:fmEnd],
				FirstLine:   2,
				Body:        next,
				BodyLine:    line + 1,
			}, nil
		}
		rest = next
		line++
	}
	return Split{}, &Error{Line: 1, Msg: msg.T("the front matter opened by +++ on line 1 is never closed: add a +++ line after it")}
}

// cutLine returns the first line of b without its line end, and the rest.
func cutLine(b []byte) (line, rest []byte, found bool) {
	line, rest, found = bytes.Cut(b, []byte("\n"))
	return bytes.TrimSuffix(line, []byte("\r")), rest, found
}

// IsError reports whether err is a shape error from Parse.
func IsError(err error) (*Error, bool) {
	var e *Error
	ok := errors.As(err, &e)
	return e, ok
}
