package procedure

import (
	"encoding/binary"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"time"

	"github.com/congkhai/congkhai/internal/tomlfile"
)

// A site keeps every procedure in memory from the time its file is read
// until its page is written, after every list is known. As Go values the
// records of 100,000 procedures are over 300 MB of small objects full of
// pointers, which the garbage collector walks on every cycle: a quarter of
// the CPU time of such a build. Packed, a record is one byte slice with no
// pointers, which the collector never looks into; the page decodes it
// again when it is rendered. Lists keep only Summary, unpacked.
//
// A packed record holds its texts by number in a Texts: papers, laws, fee
// wordings and agencies repeat by the thousand across a province's
// procedures, and are then kept once.

// Texts keeps each text of packed records once. It is safe for concurrent
// use.
type Texts struct {
	mu   sync.Mutex
	ids  map[string]uint64
	list []string
}

// NewTexts returns an empty table of texts.
func NewTexts() *Texts { return &Texts{ids: map[string]uint64{}} }

// Intern returns the table's copy of s, adding it, so that texts kept
// outside packed records (a summary, a page's title) are kept once too.
func (t *Texts) Intern(s string) string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.list[t.id(s)]
}

// id returns the number of s in the table, adding a copy of s (not a piece
// of the whole file it came from) when it is new. t.mu must be held.
func (t *Texts) id(s string) uint64 {
	id, ok := t.ids[s]
	if !ok {
		s = strings.Clone(s)
		id = uint64(len(t.list))
		t.list = append(t.list, s)
		t.ids[s] = id
	}
	return id
}

// Pack encodes p, with its texts in t, and makes p hold the table's copies
// of its texts, which a Summary of p then shares. Unpack gives back a
// record equal to p.
func (p *Procedure) Pack(t *Texts) []byte {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.appendValue(nil, reflect.ValueOf(p).Elem())
}

// Unpack decodes a record made by Pack with the same t.
func Unpack(b []byte, t *Texts) (*Procedure, error) {
	t.mu.Lock()
	list := t.list // texts are only ever added: this prefix stays as it is
	t.mu.Unlock()
	p := new(Procedure)
	rest, err := readValue(b, reflect.ValueOf(p).Elem(), list)
	if err != nil {
		return nil, fmt.Errorf("unpacking a procedure: %w", err)
	}
	if len(rest) > 0 {
		return nil, fmt.Errorf("unpacking a procedure: %d bytes left over", len(rest))
	}
	return p, nil
}

// Encode writes p with its own texts, for a record kept outside the site's
// table (the build cache): the number of texts, each text, then the packed
// record. Decode reads it back.
func (p *Procedure) Encode() []byte {
	local := NewTexts()
	packed := p.Pack(local)
	b := binary.AppendUvarint(nil, uint64(len(local.list)))
	for _, s := range local.list {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	return append(b, packed...)
}

// Decode reads a record written by Encode. Its texts are copies, not
// pieces of b.
func Decode(b []byte) (*Procedure, error) {
	n, k := binary.Uvarint(b)
	if k <= 0 || n > uint64(len(b)) {
		return nil, fmt.Errorf("decoding a procedure: %w", errShort)
	}
	b = b[k:]
	list := make([]string, n)
	for i := range list {
		l, k := binary.Uvarint(b)
		if k <= 0 || l > uint64(len(b)-k) {
			return nil, fmt.Errorf("decoding a procedure: %w", errShort)
		}
		list[i] = string(b[k : k+int(l)])
		b = b[k+int(l):]
	}
	return Unpack(b, &Texts{list: list})
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

var (
	dateType = reflect.TypeFor[tomlfile.Date]()
	timeType = reflect.TypeFor[time.Time]()
)

// The encoding follows the type: a string is its number in Texts, a slice
// its length and its elements, integers are varints, a pointer or a slice
// is preceded by 0 when nil, and a date is 0 when not given, else 1 and its
// day counted from 1970-01-01 (a given 0001-01-01 is a day like any
// other). Structs are their fields in order, so a field added to the
// schema is covered without more code.
func (t *Texts) appendValue(b []byte, v reflect.Value) []byte {
	switch v.Kind() {
	case reflect.String:
		id := t.id(v.String())
		if v.CanSet() {
			v.SetString(t.list[id])
		}
		return binary.AppendUvarint(b, id)
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
		return t.appendValue(append(b, 1), v.Elem())
	case reflect.Slice:
		if v.IsNil() {
			return append(b, 0)
		}
		b = binary.AppendUvarint(b, uint64(v.Len())+1)
		for i := range v.Len() {
			b = t.appendValue(b, v.Index(i))
		}
		return b
	case reflect.Struct:
		switch v.Type() {
		case dateType:
			return appendDate(b, v.Interface().(tomlfile.Date))
		case timeType:
			panic("procedure: a time.Time cannot say whether it was written: use tomlfile.Date")
		}
		for i := range v.NumField() {
			b = t.appendValue(b, v.Field(i))
		}
		return b
	}
	panic("procedure: cannot pack a field of kind " + v.Kind().String())
}

var errShort = errors.New("the data ends too soon")

var errText = errors.New("a text number out of range")

func readValue(b []byte, v reflect.Value, texts []string) ([]byte, error) {
	switch v.Kind() {
	case reflect.String:
		id, k := binary.Uvarint(b)
		if k <= 0 {
			return nil, errShort
		}
		if id >= uint64(len(texts)) {
			return nil, errText
		}
		v.SetString(texts[id])
		return b[k:], nil
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
		return readValue(b[1:], v.Elem(), texts)
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
			if b, err = readValue(b, s.Index(i), texts); err != nil {
				return nil, err
			}
		}
		v.Set(s)
		return b, nil
	case reflect.Struct:
		if v.Type() == dateType {
			d, rest, err := readDate(b)
			if err != nil {
				return nil, err
			}
			v.Set(reflect.ValueOf(d))
			return rest, nil
		}
		for i := range v.NumField() {
			var err error
			if b, err = readValue(b, v.Field(i), texts); err != nil {
				return nil, err
			}
		}
		return b, nil
	}
	return nil, fmt.Errorf("cannot unpack a field of kind %s", v.Kind())
}

// Packed dates: dateNone, or dateGiven and the day's number, counted
// from 1970-01-01.
const (
	dateNone = iota
	dateGiven
)

// The days TOML can write: years 0000 to 9999.
var minDay, maxDay = dayNumber(tomlfile.NewDate(0, 1, 1)), dayNumber(tomlfile.NewDate(9999, 12, 31))

func dayNumber(d tomlfile.Date) int64 { return d.Time().Unix() / 86400 }

func appendDate(b []byte, d tomlfile.Date) []byte {
	if !d.Given() {
		return append(b, dateNone)
	}
	return binary.AppendVarint(append(b, dateGiven), dayNumber(d))
}

func readDate(b []byte) (tomlfile.Date, []byte, error) {
	if len(b) == 0 {
		return tomlfile.Date{}, nil, errShort
	}
	kind, b := b[0], b[1:]
	switch kind {
	case dateNone:
		return tomlfile.Date{}, b, nil
	case dateGiven:
	default:
		return tomlfile.Date{}, nil, fmt.Errorf("a date of unknown kind %d", kind)
	}
	n, k := binary.Varint(b)
	if k <= 0 {
		return tomlfile.Date{}, nil, errShort
	}
	if n < minDay || n > maxDay {
		return tomlfile.Date{}, nil, fmt.Errorf("a date out of range (day %d)", n)
	}
	return tomlfile.DateOf(time.Unix(n*86400, 0).UTC()), b[k:], nil
}
