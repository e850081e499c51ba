package msg

import (
	"encoding/binary"
	"errors"
)

// maxDepth bounds how deeply messages nest in what Unmarshal accepts: the
// code nests a few; anything deeper is not something it wrote.
const maxDepth = 32

// AppendBinary appends t in the form Unmarshal reads, for a cache.
func (t Text) AppendBinary(b []byte) ([]byte, error) {
	b = appendString(b, t.key)
	b = appendString(b, t.english)
	b = append(b, boolByte(t.system))
	b = binary.AppendUvarint(b, uint64(len(t.args)))
	for _, a := range t.args {
		if a.msg == nil {
			b = append(b, 0)
			b = appendString(b, a.text)
			continue
		}
		b = append(b, 1)
		b = appendString(b, a.verb)
		var err error
		if b, err = a.msg.AppendBinary(b); err != nil {
			return nil, err
		}
	}
	return b, nil
}

func boolByte(v bool) byte {
	if v {
		return 1
	}
	return 0
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

var errCorrupt = errors.New("msg: corrupt message")

// Unmarshal reads a message written by AppendBinary.
func Unmarshal(b []byte) (Text, error) {
	d := decoder{b: b}
	t := d.text(0)
	if d.err == nil && len(d.b) > 0 {
		d.err = errCorrupt
	}
	if d.err != nil {
		return Text{}, d.err
	}
	return t, nil
}

type decoder struct {
	b   []byte
	err error
}

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	n, k := binary.Uvarint(d.b)
	if k <= 0 {
		d.err = errCorrupt
		return 0
	}
	d.b = d.b[k:]
	return n
}

func (d *decoder) string() string {
	n := d.uvarint()
	if d.err != nil || n > uint64(len(d.b)) {
		d.err = errCorrupt
		return ""
	}
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}

func (d *decoder) text(depth int) Text {
	if depth > maxDepth {
		d.err = errCorrupt
		return Text{}
	}
	t := Text{key: d.string(), english: d.string()}
	if d.err != nil || len(d.b) == 0 || d.b[0] > 1 {
		d.err = errCorrupt
		return Text{}
	}
	t.system = d.b[0] == 1
	d.b = d.b[1:]
	n := d.uvarint()
	// Each argument takes two bytes at least.
	if d.err != nil || n > uint64(len(d.b))/2 {
		d.err = errCorrupt
		return Text{}
	}
	if n > 0 {
		t.args = make([]arg, n)
	}
	for i := range t.args {
		if len(d.b) == 0 {
			d.err = errCorrupt
			return Text{}
		}
		tag := d.b[0]
		d.b = d.b[1:]
		switch tag {
		case 0:
			t.args[i].text = d.string()
		case 1:
			t.args[i].verb = d.string()
			m := d.text(depth + 1)
			t.args[i].msg = &m
		default:
			d.err = errCorrupt
		}
		if d.err != nil {
			return Text{}
		}
	}
	return t
}
