package content

import (
	"reflect"
	"strings"
	"sync"
)

// interner keeps one copy of each text of the pages kept in memory: the
// agencies and fields of the procedures' summaries repeat by the thousand
// across a province's procedures, and the decoder gives every file its own
// copies. The decoder's strings also point into the whole front matter of
// their file, which one kept field would keep alive; every kept text is
// therefore a copy of its own. (The rest of a record is kept packed, see
// procedure.Pack.)
type interner struct {
	mu sync.Mutex
	m  map[string]string
}

func newInterner() *interner { return &interner{m: map[string]string{}} }

// all replaces every string reachable from v (a pointer to a decoded
// record) by its single copy. It walks the value by reflection, so that a
// field added to the schema later is covered too.
func (in *interner) all(v any) {
	in.mu.Lock()
	defer in.mu.Unlock()
	in.walk(reflect.ValueOf(v))
}

func (in *interner) walk(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			in.walk(v.Elem())
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				in.walk(v.Field(i))
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			in.walk(v.Index(i))
		}
	case reflect.String:
		if s := v.String(); s != "" && v.CanSet() {
			kept, ok := in.m[s]
			if !ok {
				kept = strings.Clone(s)
				in.m[kept] = kept
			}
			v.SetString(kept)
		}
	}
}
