package opendata

import (
	"bufio"
	"io"
	"reflect"
	"strconv"
	"strings"

	"github.com/congkhai/congkhai/internal/msg"
	"github.com/congkhai/congkhai/internal/procedure"
	"github.com/congkhai/congkhai/internal/tomlfile"
)

// The procedures export holds every field of every procedure record, as
// JSON (ProcedureJSON: one object per procedure, the keys of the front
// matter in the order of procedure.Procedure) and as a flat CSV
// (ProcedureCSV: one row per procedure). Both are written one record at a
// time, so that a portal of 100,000 procedures never holds more than one
// record unpacked: the caller unpacks a record, adds it and drops it.

// ProcedureJSON streams the procedures JSON export:
//
//	{"title": …, "description": …, "publisher": …, "license": {…}|null,
//	 "updated": "2026-10-12", "page": …, "count": 18,
//	 "procedures": [
//	{"url": …, "code": "1.001193", "legacy_codes": [], "title": …, …},
//	…
//	]}
//
// with one procedure a line. Every key is always there: an empty text is
// "", an empty list [], a date or an amount not given is null (an amount
// of 0 is free of charge; null is not stated).
type ProcedureJSON struct {
	w     *bufio.Writer
	buf   []byte
	count int
	want  int
	enc   recordEncoder
}

// NewProcedureJSON writes the head of the export, for count procedures, to w.
func NewProcedureJSON(w io.Writer, m Meta, count int) (*ProcedureJSON, error) {
	j := &ProcedureJSON{w: bufio.NewWriterSize(w, 64<<10), want: count}
	b, err := openHead(m)
	if err != nil {
		return nil, err
	}
	b = append(b, ",\n  \"count\": "...)
	b = appendInt(b, int64(count))
	b = append(b, ",\n  \"procedures\": ["...)
	_, err = j.w.Write(b)
	return j, err
}

// Add writes one procedure, published at the absolute address url.
func (j *ProcedureJSON) Add(url string, p *procedure.Procedure) error {
	b := j.buf[:0]
	if j.count > 0 {
		b = append(b, ',')
	}
	b = append(b, '\n', '{')
	b = appendString(b, "url")
	b = append(b, ':')
	b = appendString(b, url)
	b = j.enc.appendFields(b, reflect.ValueOf(p).Elem(), true)
	b = append(b, '}')
	j.buf = b
	j.count++
	_, err := j.w.Write(b)
	return err
}

// Close ends the export. It fails when fewer or more procedures were
// added than the head announced.
func (j *ProcedureJSON) Close() error {
	if _, err := j.w.WriteString("\n]}\n"); err != nil {
		return err
	}
	if err := j.w.Flush(); err != nil {
		return err
	}
	if j.count != j.want {
		return msg.Errorf("the procedures export announced %d procedures and holds %d", j.want, j.count)
	}
	return nil
}

var dateType = reflect.TypeFor[tomlfile.Date]()

// recordEncoder writes records as JSON by reflection, keyed by their
// TOML names: a field added to procedure.Procedure is exported without
// more code, and the JSON Schema test fails until the schema has it too.
// It keeps the fields of each struct type it met, with their keys
// already written as JSON.
type recordEncoder struct {
	fields map[reflect.Type][]encField
}

// encField is one field of a struct as the export writes it.
type encField struct {
	index int
	key   []byte // "code":
}

func (e *recordEncoder) fieldsOf(t reflect.Type) []encField {
	if fs, ok := e.fields[t]; ok {
		return fs
	}
	var fs []encField
	for i := range t.NumField() {
		if key := fieldKey(t.Field(i)); key != "" {
			fs = append(fs, encField{i, append(appendString(nil, key), ':')})
		}
	}
	if e.fields == nil {
		e.fields = map[reflect.Type][]encField{}
	}
	e.fields[t] = fs
	return fs
}

// appendFields appends the members of struct v; comma says a member was
// written before.
func (e *recordEncoder) appendFields(b []byte, v reflect.Value, comma bool) []byte {
	for _, f := range e.fieldsOf(v.Type()) {
		if comma {
			b = append(b, ',')
		}
		comma = true
		b = append(b, f.key...)
		b = e.appendValue(b, v.Field(f.index))
	}
	return b
}

// fieldKey is a field's TOML name, "" for a field that is not in the file
// or that is not published (tagged opendata:"-", such as the records of
// consent to publish a mobile number, as the directory export leaves out
// those of its people).
func fieldKey(f reflect.StructField) string {
	key, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
	if key == "-" || !f.IsExported() || f.Tag.Get("opendata") == "-" {
		return ""
	}
	return key
}

func (e *recordEncoder) appendValue(b []byte, v reflect.Value) []byte {
	switch v.Kind() {
	case reflect.String:
		return appendString(b, v.String())
	case reflect.Int, reflect.Int64:
		return appendInt(b, v.Int())
	case reflect.Bool:
		return strconv.AppendBool(b, v.Bool())
	case reflect.Pointer:
		if v.IsNil() {
			return append(b, "null"...)
		}
		return e.appendValue(b, v.Elem())
	case reflect.Slice:
		b = append(b, '[')
		for i := range v.Len() {
			if i > 0 {
				b = append(b, ',')
			}
			b = e.appendValue(b, v.Index(i))
		}
		return append(b, ']')
	case reflect.Struct:
		if v.Type() == dateType {
			// By its address, which boxes nothing: the records' fields
			// are addressable, reached from a pointer.
			if v.CanAddr() {
				return appendDate(b, *v.Addr().Interface().(*tomlfile.Date))
			}
			return appendDate(b, v.Interface().(tomlfile.Date))
		}
		b = append(b, '{')
		b = e.appendFields(b, v, false)
		return append(b, '}')
	}
	panic("opendata: cannot export a field of kind " + v.Kind().String())
}

// appendDate appends a date as "2026-10-05", or null for none given.
func appendDate(b []byte, d tomlfile.Date) []byte {
	if !d.Given() {
		return append(b, "null"...)
	}
	b = append(b, '"')
	b = d.Append(b)
	return append(b, '"')
}

// ProcedureFields lists the keys of a procedure in the JSON export, in
// order, with "url" first: the test of the schema checks it has each.
func ProcedureFields() []string {
	keys := []string{"url"}
	t := reflect.TypeFor[procedure.Procedure]()
	for i := range t.NumField() {
		if k := fieldKey(t.Field(i)); k != "" {
			keys = append(keys, k)
		}
	}
	return keys
}
