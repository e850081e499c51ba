package procedure

import (
	"encoding/binary"
	"errors"
	"fmt"
	"reflect"
	"time"
)

// A site keeps every procedure in memory from the time its file is read
// until its page is written, after every list is known. As Go values the
// records of 100,000 procedures are over 300 MB of small objects full of
// pointers, which the garbage collector walks on every cycle: a quarter of
// the CPU time of such a build. Packed, a record is one byte slice with no
// pointers, which the collector never looks into; the page decodes it
// again when it is rendered. Lists keep only Summary, unpacked.

// Pack encodes p. Unpack gives back a record equal to p.
func (p *Procedure) Pack() []byte {
	return appendValue(nil, reflect.ValueOf(p).Elem())
}

// Unpack decodes a record made by Pack.
func Unpack(b []byte) (*Procedure, error) {
	p := new(Procedure)
	rest, err := readValue(b, reflect.ValueOf(p).Elem())
	if err != nil {
		return nil, fmt.Errorf("unpacking a procedure: %w", err)
	}
	if len(rest) > 0 {
		return nil, fmt.Errorf("unpacking a procedure: %d bytes left over", len(rest))
	}
	return p, nil
}

// Summary is a copy of p with only what lists and the checks of the whole
// site use: code, title, field, agency, levels, dates, related codes and
// aliases.
func (p *Procedure) Summary() *Procedure {
	return &Procedure{
		Code: p.Code, Title: p.Title, Field: p.Field, Agency: p.Agency, Level: p.Level,
		SyncedAt: p.SyncedAt, EffectiveFrom: p.EffectiveFrom, EffectiveTo: p.EffectiveTo,
		Related: p.Related, Aliases: p.Aliases, Description: p.Description,
	}
}

var timeType = reflect.TypeFor[time.Time]()

// The encoding follows the type: strings and slices are a length and their
// elements, integers are varints, a pointer or a slice is preceded by 0
// when nil, and a time is its MarshalBinary form. Structs are their fields
// in order, so a field added to the schema is covered without more code.
func appendValue(b []byte, v reflect.Value) []byte {
	switch v.Kind() {
	case reflect.String:
		b = binary.AppendUvarint(b, uint64(v.Len()))
		return append(b, v.String()...)
	case reflect.Int, reflect.Int64:
		return binary.AppendVarint(b, v.Int())
	case reflect.Bool:
		if v.Bool() {
			return append(b, 1)
		}
		return append(b, 0)
	case reflect.Pointer:
		if v.IsNil() {
			return append(b, 0)
		}
		return appendValue(append(b, 1), v.Elem())
	case reflect.Slice:
		if v.IsNil() {
			return append(b, 0)
		}
		b = binary.AppendUvarint(b, uint64(v.Len())+1)
		for i := range v.Len() {
			b = appendValue(b, v.Index(i))
		}
		return b
	case reflect.Struct:
		if v.Type() == timeType {
			t, err := v.Interface().(time.Time).MarshalBinary()
			if err != nil { // a zone offset that is not whole minutes
				panic(fmt.Sprintf("procedure: packing a time: %v", err))
			}
			return append(append(b, byte(len(t))), t...)
		}
		for i := range v.NumField() {
			b = appendValue(b, v.Field(i))
		}
		return b
	}
	panic("procedure: cannot pack a field of kind " + v.Kind().String())
}

var errShort = errors.New("the data ends too soon")

func readValue(b []byte, v reflect.Value) ([]byte, error) {
	switch v.Kind() {
	case reflect.String:
		n, k := binary.Uvarint(b)
		if k <= 0 || uint64(len(b)-k) < n {
			return nil, errShort
		}
		v.SetString(string(b[k : k+int(n)]))
		return b[k+int(n):], nil
	case reflect.Int, reflect.Int64:
		n, k := binary.Varint(b)
		if k <= 0 {
			return nil, errShort
		}
		v.SetInt(n)
		return b[k:], nil
	case reflect.Bool:
		if len(b) == 0 {
			return nil, errShort
		}
		v.SetBool(b[0] == 1)
		return b[1:], nil
	case reflect.Pointer:
		if len(b) == 0 {
			return nil, errShort
		}
		if b[0] == 0 {
			return b[1:], nil
		}
		v.Set(reflect.New(v.Type().Elem()))
		return readValue(b[1:], v.Elem())
	case reflect.Slice:
		n, k := binary.Uvarint(b)
		if k <= 0 || n > uint64(len(b)) { // every element takes a byte at least
			return nil, errShort
		}
		b = b[k:]
		if n == 0 {
			return b, nil
		}
		s := reflect.MakeSlice(v.Type(), int(n-1), int(n-1))
		for i := range s.Len() {
			var err error
			if b, err = readValue(b, s.Index(i)); err != nil {
				return nil, err
			}
		}
		v.Set(s)
		return b, nil
	case reflect.Struct:
		if v.Type() == timeType {
			if len(b) == 0 || len(b) < 1+int(b[0]) {
				return nil, errShort
			}
			var t time.Time
			if err := t.UnmarshalBinary(b[1 : 1+int(b[0])]); err != nil {
				return nil, err
			}
			v.Set(reflect.ValueOf(t))
			return b[1+int(b[0]):], nil
		}
		for i := range v.NumField() {
			var err error
			if b, err = readValue(b, v.Field(i)); err != nil {
				return nil, err
			}
		}
		return b, nil
	}
	return nil, fmt.Errorf("cannot unpack a field of kind %s", v.Kind())
}
