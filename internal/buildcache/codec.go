package buildcache

import (
	"encoding/binary"
	"errors"
)

// ErrEntry is the error of an entry that does not read back as written.
var ErrEntry = errors.New("damaged cache entry")

// Writer builds the payload of an entry: numbers as varints, texts and
// byte strings with their length.
type Writer struct{ b []byte }

// Bytes returns the payload written.
func (w *Writer) Bytes() []byte { return w.b }

// Byte writes one byte.
func (w *Writer) Byte(c byte) { w.b = append(w.b, c) }

// Bool writes a flag.
func (w *Writer) Bool(v bool) {
	if v {
		w.Byte(1)
	} else {
		w.Byte(0)
	}
}

// Uint writes a number that is never negative.
func (w *Writer) Uint(n uint64) { w.b = binary.AppendUvarint(w.b, n) }

// Int writes a number.
func (w *Writer) Int(n int64) { w.b = binary.AppendVarint(w.b, n) }

// Blob writes a byte string.
func (w *Writer) Blob(s []byte) {
	w.Uint(uint64(len(s)))
	w.b = append(w.b, s...)
}

// String writes a text.
func (w *Writer) String(s string) {
	w.Uint(uint64(len(s)))
	w.b = append(w.b, s...)
}

// Reader reads a payload written by a Writer. After the first error it
// reads zeros and empty strings, and Err reports the error: a caller reads
// everything, then checks once.
type Reader struct {
	b   []byte
	err error
}

// NewReader reads b.
func NewReader(b []byte) *Reader { return &Reader{b: b} }

// Err reports whether the payload was damaged: too short, or longer than
// what was read.
func (r *Reader) Err() error {
	if r.err == nil && len(r.b) > 0 {
		return ErrEntry
	}
	return r.err
}

func (r *Reader) fail() { r.err, r.b = ErrEntry, nil }

// Byte reads one byte.
func (r *Reader) Byte() byte {
	if len(r.b) == 0 {
		r.fail()
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

// Bool reads a flag.
func (r *Reader) Bool() bool { return r.Byte() == 1 }

// Uint reads a number that is never negative.
func (r *Reader) Uint() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return v
}

// Int reads a number.
func (r *Reader) Int() int64 {
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return v
}

// Count reads the length of a list, refusing one longer than what is left
// to read (each element takes a byte at least), so that a damaged length
// cannot make its reader allocate much.
func (r *Reader) Count() int {
	n := r.Uint()
	if n > uint64(len(r.b)) {
		r.fail()
		return 0
	}
	return int(n)
}

// Blob reads a byte string: a slice of the payload, not a copy.
func (r *Reader) Blob() []byte {
	n := r.Count()
	s := r.b[:n]
	r.b = r.b[n:]
	return s
}

// String reads a text.
func (r *Reader) String() string { return string(r.Blob()) }
