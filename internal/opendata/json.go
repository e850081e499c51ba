package opendata

import (
	"encoding/json"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Object is a JSON object whose keys keep the order they were added in:
// what encoding/json does for structs, for objects whose keys are only
// known at run time (a dataset's columns, JSON-LD nodes). A member whose
// value is nil is left out; write Null for a JSON null.
type Object []Member

// Member is one key of an Object.
type Member struct {
	Key   string
	Value any
}

// Null is a JSON null member value, which Object does not leave out.
var Null = json.RawMessage("null")

// Set appends key with value.
func (o *Object) Set(key string, value any) { *o = append(*o, Member{key, value}) }

// MarshalJSON writes the members in order.
func (o Object) MarshalJSON() ([]byte, error) { return appendJSON(nil, o) }

// appendJSON appends v as JSON, for the values Objects hold: texts,
// numbers, booleans, Objects, Nodes and lists of them are written here,
// in one pass (json.Marshal would marshal and check every nested Object
// again); anything else by encoding/json.
func appendJSON(b []byte, v any) ([]byte, error) {
	var err error
	switch x := v.(type) {
	case nil:
		return append(b, "null"...), nil
	case string:
		return appendString(b, x), nil
	case bool:
		return strconv.AppendBool(b, x), nil
	case int:
		return strconv.AppendInt(b, int64(x), 10), nil
	case int64:
		return strconv.AppendInt(b, x, 10), nil
	case json.RawMessage:
		return append(b, x...), nil
	case Object:
		b = append(b, '{')
		first := true
		for _, m := range x {
			if m.Value == nil {
				continue
			}
			if !first {
				b = append(b, ',')
			}
			first = false
			b = appendString(b, m.Key)
			b = append(b, ':')
			if b, err = appendJSON(b, m.Value); err != nil {
				return nil, err
			}
		}
		return append(b, '}'), nil
	case Node: // after Object, which is one too
		w := jsonWriter{b: b}
		err := x.appendNode(&w)
		return w.b, err
	case []Object:
		return appendList(b, x)
	case []Node:
		return appendList(b, x)
	case []string:
		return appendList(b, x)
	case []any:
		return appendList(b, x)
	}
	j, err := json.Marshal(v)
	return append(b, j...), err
}

func appendList[T any](b []byte, xs []T) ([]byte, error) {
	b = append(b, '[')
	for i, x := range xs {
		if i > 0 {
			b = append(b, ',')
		}
		var err error
		if b, err = appendJSON(b, x); err != nil {
			return nil, err
		}
	}
	return append(b, ']'), nil
}

// indent writes v as JSON indented by two spaces, with a final newline:
// the small exports, which people also read.
func indent(v any) ([]byte, error) {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

const hex = "0123456789abcdef"

// appendString appends s as a JSON string. Like encoding/json it escapes
// <, > and & too, and U+2028 and U+2029, so that the text is safe in an
// HTML <script> element as well as in a file; invalid UTF-8 becomes
// U+FFFD.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	b = appendEscaped(b, s)
	return append(b, '"')
}

// appendEscaped appends s escaped as in a JSON string, without the
// quotes.
func appendEscaped(b []byte, s string) []byte {
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	return append(b, s[start:]...)
}

// appendInt appends n as a JSON number.
func appendInt(b []byte, n int64) []byte { return strconv.AppendInt(b, n, 10) }

// jsonWriter appends JSON to a buffer a token at a time and puts the
// commas between members and items itself: what writes the nodes every
// page has straight into the page's buffer, without building them first.
type jsonWriter struct {
	b []byte
	// more is set once a value is written at this level: the next member
	// or item begins with a comma.
	more bool
}

func (w *jsonWriter) comma() {
	if w.more {
		w.b = append(w.b, ',')
	}
}

func (w *jsonWriter) beginObject() { w.comma(); w.b = append(w.b, '{'); w.more = false }
func (w *jsonWriter) endObject()   { w.b = append(w.b, '}'); w.more = true }
func (w *jsonWriter) beginList()   { w.comma(); w.b = append(w.b, '['); w.more = false }
func (w *jsonWriter) endList()     { w.b = append(w.b, ']'); w.more = true }

// key begins the member key: its value comes next.
func (w *jsonWriter) key(k string) {
	w.comma()
	w.b = appendString(w.b, k)
	w.b = append(w.b, ':')
	w.more = false
}

// string writes a text value: a member's after key, or a list's item.
func (w *jsonWriter) string(s string) { w.comma(); w.b = appendString(w.b, s); w.more = true }

// joined writes the text value that parts make one after the other,
// without making it when they are valid UTF-8: then each escaped on its
// own is the same as the whole escaped. A byte of invalid UTF-8 at the
// end of one part could begin a rune with the next's first, so parts not
// valid are joined first.
func (w *jsonWriter) joined(parts ...string) {
	w.comma()
	for _, s := range parts {
		if !utf8.ValidString(s) {
			w.b = appendString(w.b, strings.Join(parts, ""))
			w.more = true
			return
		}
	}
	w.b = append(w.b, '"')
	for _, s := range parts {
		w.b = appendEscaped(w.b, s)
	}
	w.b = append(w.b, '"')
	w.more = true
}

func (w *jsonWriter) int(n int64) { w.comma(); w.b = appendInt(w.b, n); w.more = true }

// named writes a node of schema.org type typ with only its name.
func (w *jsonWriter) named(typ, name string) {
	w.beginObject()
	w.text("@type", typ)
	w.text("name", name)
	w.endObject()
}

// value writes v as appendJSON does: a node made as an Object.
func (w *jsonWriter) value(v any) error {
	w.comma()
	b, err := appendJSON(w.b, v)
	if err != nil {
		return err
	}
	w.b, w.more = b, true
	return nil
}

// text writes the member key with the text s.
func (w *jsonWriter) text(key, s string) { w.key(key); w.string(s) }
