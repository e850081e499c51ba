package content

import (
	"reflect"

	"github.com/congkhai/congkhai/internal/procedure"
)

// intern replaces every string reachable from v (a pointer to a decoded
// value) by its copy in texts, the table that also holds the texts of the
// packed procedure records: the decoder gives every file its own copies,
// and its strings point into the whole front matter of their file, which
// one kept field would keep alive. It walks the value by reflection, so
// that a field added to the schema later is covered too.
func intern(v any, texts *procedure.Texts) {
	internValue(reflect.ValueOf(v), texts)
}

func internValue(v reflect.Value, texts *procedure.Texts) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			internValue(v.Elem(), texts)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				internValue(v.Field(i), texts)
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			internValue(v.Index(i), texts)
		}
	case reflect.String:
		if s := v.String(); s != "" && v.CanSet() {
			v.SetString(texts.Intern(s))
		}
	}
}
