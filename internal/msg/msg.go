// Package msg holds what congkhai tells editors in a form that can be
// printed in English, the language the code is written in, or in another
// language through a translator. A message is its English format, exactly
// as the code writes it (the key a translation is found by, as in
// gettext), and its arguments, each already formatted with its verb, or a
// message in its own right that is translated too:
//
//	msg.T("required when %s > 0", "amount_vnd")
//	msg.Errorf("%s: %w", name, err) // an error whose words are a message
package msg

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"syscall"
)

// Translator gives the format a message is printed with in a language.
type Translator interface {
	// Translate returns the translation of key, an English format as the
	// code writes it, or "" when there is none. A translation has the
	// verbs of the key, in any order when it gives their argument indexes
	// (%[2]s).
	Translate(key string) string
}

// Text is one message.
type Text struct {
	key     string
	english string
	args    []arg
	// system is set when english is the system's words rather than the
	// key's: they are what an untranslated message says.
	system bool
}

// arg is one argument of a message: text already formatted with its
// verb, or a message, formatted with verb once translated.
type arg struct {
	text string
	msg  *Text
	verb string
}

// T returns the message format prints with args, as fmt.Sprintf would.
func T(format string, args ...any) Text {
	return newText(format, fmt.Sprintf(format, args...), args)
}

// Plain returns a message that is s itself, never translated: what a
// library or the system says, or words taken from a file.
func Plain(s string) Text {
	return Text{key: "%s", english: s, args: []arg{{text: s}}}
}

// Words returns the message that is s, words the code holds whole, such
// as a flag's usage: unlike T, s is not a format, and it is its own key.
func Words(s string) Text {
	return Text{key: strings.ReplaceAll(s, "%", "%%"), english: s}
}

func newText(format, english string, args []any) Text {
	t := Text{key: format, english: english}
	if len(args) == 0 {
		return t
	}
	t.args = make([]arg, len(args))
	done := make([]bool, len(args))
	for _, v := range Verbs(format) {
		if v.Arg < 0 || v.Arg >= len(args) || done[v.Arg] {
			continue
		}
		done[v.Arg] = true
		spec := v.Spec
		if v.Rune == 'w' {
			spec = spec[:len(spec)-1] + "v"
		}
		if m, ok := Of(args[v.Arg]); ok {
			t.args[v.Arg] = arg{msg: &m, verb: spec}
		} else {
			t.args[v.Arg] = arg{text: fmt.Sprintf(spec, args[v.Arg])}
		}
	}
	return t
}

// String returns the message in English.
func (t Text) String() string { return t.english }

// Key returns the English format the message was made with.
func (t Text) Key() string { return t.key }

// IsZero reports whether t is the zero Text, no message at all.
func (t Text) IsZero() bool { return t.key == "" && t.english == "" }

// In returns the message in the language of tr, English where tr has no
// translation; a nil tr is English.
func (t Text) In(tr Translator) string {
	if tr == nil {
		return t.english
	}
	format := tr.Translate(t.key)
	if format == "" {
		if t.system || !t.hasMessages() {
			return t.english
		}
		format = t.key
	}
	return t.fill(format, tr)
}

func (t Text) hasMessages() bool {
	for _, a := range t.args {
		if a.msg != nil {
			return true
		}
	}
	return false
}

// fill writes format with t's arguments in place of its verbs.
func (t Text) fill(format string, tr Translator) string {
	var b strings.Builder
	last := 0
	for _, v := range Verbs(format) {
		b.WriteString(strings.ReplaceAll(format[last:v.Start], "%%", "%"))
		last = v.End
		if v.Arg < 0 || v.Arg >= len(t.args) {
			b.WriteString("%!(BADINDEX)")
			continue
		}
		a := t.args[v.Arg]
		if a.msg != nil {
			b.WriteString(fmt.Sprintf(a.verb, a.msg.In(tr)))
		} else {
			b.WriteString(a.text)
		}
	}
	b.WriteString(strings.ReplaceAll(format[last:], "%%", "%"))
	return b.String()
}

// Verb is one verb of a format: format[Start:End] is Spec, such as %-6d
// or %[2]q, and Arg the index of the argument it formats.
type Verb struct {
	Start, End int
	Spec       string // without the argument index
	Rune       rune
	Arg        int
}

// Verbs lists the verbs of format in order, leaving out %%. An explicit
// index ([n]) sets the argument of its verb and of those after it, as in
// package fmt; a * width or precision takes an argument too, so they are
// not counted as verbs but shift the index like fmt does.
func Verbs(format string) []Verb {
	var out []Verb
	next := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		start := i
		i++
		if i < len(format) && format[i] == '%' {
			continue
		}
		var spec strings.Builder
		spec.WriteByte('%')
		for i < len(format) && strings.IndexByte("+-# 0", format[i]) >= 0 {
			spec.WriteByte(format[i])
			i++
		}
		index := func() {
			if i < len(format) && format[i] == '[' {
				end := strings.IndexByte(format[i:], ']')
				if end > 0 {
					if n, err := strconv.Atoi(format[i+1 : i+end]); err == nil && n > 0 {
						next = n - 1
					}
					i += end + 1
				}
			}
		}
		number := func() {
			index()
			if i < len(format) && format[i] == '*' {
				spec.WriteByte('*')
				next++
				i++
				return
			}
			for i < len(format) && format[i] >= '0' && format[i] <= '9' {
				spec.WriteByte(format[i])
				i++
			}
		}
		number()
		if i < len(format) && format[i] == '.' {
			spec.WriteByte('.')
			i++
			number()
		}
		index()
		if i >= len(format) {
			break
		}
		r := rune(format[i])
		if r >= 0x80 {
			break // a verb is ASCII; anything else is a malformed format
		}
		spec.WriteRune(r)
		out = append(out, Verb{Start: start, End: i + 1, Spec: spec.String(), Rune: r, Arg: next})
		next++
	}
	return out
}

// Error is an error whose words are a message.
type Error struct {
	text    Text
	wrapped []error
}

// Errorf returns the error fmt.Errorf would, whose words can be translated:
// %w wraps an error as in package fmt, and an argument that is an error
// made by Errorf (or a Text) is translated too.
func Errorf(format string, args ...any) error {
	err := fmt.Errorf(format, args...)
	e := &Error{text: newText(format, err.Error(), args)}
	switch w := err.(type) {
	case interface{ Unwrap() error }:
		e.wrapped = []error{w.Unwrap()}
	case interface{ Unwrap() []error }:
		e.wrapped = w.Unwrap()
	}
	return e
}

// Err returns an error whose words are t.
func Err(t Text) error { return &Error{text: t} }

func (e *Error) Error() string   { return e.text.english }
func (e *Error) Unwrap() []error { return e.wrapped }

// Text returns the error's message.
func (e *Error) Text() Text { return e.text }

// Of returns v as a message when it is one: a Text, an error made by
// Errorf, or an error of the system that has words of its own here (a
// file that does not exist, a permission refused).
func Of(v any) (Text, bool) {
	switch v := v.(type) {
	case Text:
		return v, true
	case *Text:
		if v != nil {
			return *v, true
		}
	case interface{ Text() Text }:
		return v.Text(), true
	case error:
		return systemText(v)
	}
	return Text{}, false
}

// Localize returns err's words in the language of tr.
func Localize(err error, tr Translator) string {
	if t, ok := Of(err); ok {
		return t.In(tr)
	}
	return err.Error()
}

// FromError returns err as a message: its own when it has one, its words
// as they are otherwise.
func FromError(err error) Text {
	if t, ok := Of(err); ok {
		return t
	}
	return Plain(err.Error())
}

// systemText gives the commonest errors of the file system words of their
// own, so that "permission denied" can be translated; in English they
// keep the system's words.
func systemText(err error) (Text, bool) {
	var t Text
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe) && error(pe) == err:
		why, ok := reason(pe.Err)
		if !ok {
			return Text{}, false
		}
		switch pe.Op {
		case "open":
			t = T("cannot open %s: %v", pe.Path, why)
		case "read":
			t = T("cannot read %s: %v", pe.Path, why)
		case "write":
			t = T("cannot write %s: %v", pe.Path, why)
		case "stat", "lstat":
			t = T("cannot look at %s: %v", pe.Path, why)
		case "mkdir":
			t = T("cannot create the folder %s: %v", pe.Path, why)
		case "remove", "unlinkat":
			t = T("cannot remove %s: %v", pe.Path, why)
		default:
			return Text{}, false
		}
	case errors.As(err, &le) && error(le) == err:
		why, ok := reason(le.Err)
		if !ok {
			return Text{}, false
		}
		t = T("cannot rename %s to %s: %v", le.Old, le.New, why)
	default:
		var ok bool
		if t, ok = reason(err); !ok {
			return Text{}, false
		}
	}
	t.english, t.system = err.Error(), true
	return t, true
}

// reason is what the system says of why, when why is one of the reasons
// an editor meets and can act on.
func reason(why error) (Text, bool) {
	if _, ok := why.(syscall.Errno); !ok && why != fs.ErrNotExist && why != fs.ErrPermission && why != fs.ErrExist {
		return Text{}, false
	}
	var t Text
	switch {
	case errors.Is(why, fs.ErrNotExist):
		t = T("no such file or folder")
	case errors.Is(why, fs.ErrPermission):
		t = T("permission denied")
	case errors.Is(why, fs.ErrExist):
		t = T("it already exists")
	case errors.Is(why, syscall.ENOSPC):
		t = T("no space left on the disk")
	case errors.Is(why, syscall.EROFS):
		t = T("the disk can only be read")
	case errors.Is(why, syscall.ENOTDIR):
		t = T("a part of the path is a file, not a folder")
	case errors.Is(why, syscall.EISDIR):
		t = T("it is a folder")
	default:
		return Text{}, false
	}
	t.english, t.system = why.Error(), true
	return t, true
}
