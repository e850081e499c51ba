package tomlfile

import (
	"encoding"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/congkhai/congkhai/internal/problem"
)

// The TOML library stops at the first value of the wrong type, picks it
// in the random order of a Go map, and reports the line of the last key
// with the same name without indices: a wrong fees[0].amount_vnd in the
// first channel was reported at the fees of the last one. typeProblems
// finds every such value itself, at its own path and line, in a fixed
// order, following the library's rules for the types the schemas use.

var (
	timeType          = reflect.TypeFor[time.Time]()
	dateType          = reflect.TypeFor[Date]()
	unmarshalerType   = reflect.TypeFor[toml.Unmarshaler]()
	textUnmarshalType = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// typeProblems returns a problem for every value of the document that the
// library cannot decode into v, or none if it finds none.
func (d *Doc) typeProblems(v any) []problem.Problem {
	var data map[string]any
	if _, err := toml.Decode(d.src, &data); err != nil {
		return nil
	}
	var out []problem.Problem
	d.checkType(data, reflect.TypeOf(v), "", &out)
	return out
}

func (d *Doc) checkType(data any, t reflect.Type, path string, out *[]problem.Problem) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == timeType {
		if _, ok := data.(time.Time); !ok {
			d.typeMismatch(data, "time.Time", path, out)
		}
		return
	}
	if t == dateType {
		switch x, ok := data.(time.Time); {
		case !ok:
			d.typeMismatch(data, "time.Time", path, out)
		case timeOfDay(x):
			*out = append(*out, problem.Problem{File: d.File, Line: d.Line(path), Field: path,
				Message: "expected " + describeGoType("time.Time") + ", found a time of day"})
		}
		return
	}
	if pt := reflect.PointerTo(t); pt.Implements(unmarshalerType) || pt.Implements(textUnmarshalType) {
		return // the type decodes its own values
	}
	switch k := t.Kind(); {
	case k >= reflect.Int && k <= reflect.Uint64:
		if _, ok := data.(int64); !ok {
			d.typeMismatch(data, "integer", path, out)
		}
	case k == reflect.Float32 || k == reflect.Float64:
		switch data.(type) {
		case float64, int64:
		default:
			d.typeMismatch(data, "float", path, out)
		}
	case k == reflect.String:
		if _, ok := data.(string); !ok {
			d.typeMismatch(data, "string", path, out)
		}
	case k == reflect.Bool:
		if _, ok := data.(bool); !ok {
			d.typeMismatch(data, "boolean", path, out)
		}
	case k == reflect.Slice || k == reflect.Array:
		dv := reflect.ValueOf(data)
		if dv.Kind() != reflect.Slice {
			d.typeMismatch(data, "slice", path, out)
			return
		}
		for i := range dv.Len() {
			d.checkType(dv.Index(i).Interface(), t.Elem(), path+"["+strconv.Itoa(i)+"]", out)
		}
	case k == reflect.Map:
		m, ok := data.(map[string]any)
		if !ok {
			d.typeMismatch(data, "map", path, out)
			return
		}
		for _, key := range slices.Sorted(maps.Keys(m)) {
			d.checkType(m[key], t.Elem(), join(path, key), out)
		}
	case k == reflect.Struct:
		m, ok := data.(map[string]any)
		if !ok {
			*out = append(*out, problem.Problem{File: d.File, Line: d.Line(path), Field: path,
				Message: fmt.Sprintf("expected a table (key = value pairs), found %s", describeTOMLType(fmtType(data)))})
			return
		}
		for _, key := range slices.Sorted(maps.Keys(m)) {
			if f, ok := structField(t, key); ok {
				d.checkType(m[key], f.Type, join(path, key), out)
			}
		}
	}
}

func (d *Doc) typeMismatch(data any, dest, path string, out *[]problem.Problem) {
	msg := plainTypeError(fmt.Sprintf("TOML value has type %s; destination has type %s", fmtType(data), dest))
	*out = append(*out, problem.Problem{File: d.File, Line: d.Line(path), Field: path, Message: msg})
}

// structField finds the field a key decodes into as the library does: the
// exact name first, else one that differs only in case.
func structField(t reflect.Type, key string) (reflect.StructField, bool) {
	if f, ok := fieldByKey(t, key); ok {
		return f, true
	}
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Anonymous && f.Tag.Get("toml") == "" && elem(f.Type).Kind() == reflect.Struct {
			if inner, ok := structField(elem(f.Type), key); ok {
				return inner, true
			}
			continue
		}
		if name := keyName(f); name != "" && strings.EqualFold(name, key) {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// fmtType names a decoded value's type as the library's messages do.
func fmtType(v any) string {
	return strings.ReplaceAll(fmt.Sprintf("%T", v), "interface {}", "any")
}
