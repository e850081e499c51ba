package procedure

import (
	"reflect"
	"strings"
	"testing"
	"time"
	"unsafe"
)

// fill sets every field reachable from v to a value that is not zero, so
// that a field Pack forgot, or decodes wrong, shows as a difference.
func fill(v reflect.Value, n *int) {
	*n++
	switch v.Kind() {
	case reflect.String:
		v.SetString("giá trị " + string(rune('a'+*n%26)))
	case reflect.Int, reflect.Int64:
		v.SetInt(int64(*n) * 1000003)
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem(), n)
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), 2, 2)
		for i := range 2 {
			fill(s.Index(i), n)
		}
		v.Set(s)
	case reflect.Struct:
		if v.Type() == timeType {
			v.Set(reflect.ValueOf(time.Date(2020+*n%5, time.July, 1+*n%28, 0, 0, 0, 0, time.UTC)))
			return
		}
		for i := range v.NumField() {
			fill(v.Field(i), n)
		}
	}
}

func TestPackRoundTrip(t *testing.T) {
	var full Procedure
	n := 0
	fill(reflect.ValueOf(&full).Elem(), &n)
	zero := 0
	tests := map[string]*Procedure{
		"every field set": &full,
		"empty":           {},
		"nil and empty slices, zero pointers": {
			Level: []Level{}, Channels: []Channel{{Fees: []Fee{{AmountVND: new(int64)}}}},
			Dossier: []Case{{Documents: []Document{{Originals: &zero, Copies: nil}}}},
		},
	}
	for name, p := range tests {
		t.Run(name, func(t *testing.T) {
			texts := NewTexts()
			got, err := Unpack(p.Pack(texts), texts)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, p) {
				t.Errorf("Unpack(Pack(p)) = %+v, want %+v", got, p)
			}
			// On its own, with its texts, as the build cache keeps it.
			alone, err := Decode(p.Encode())
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(alone, p) {
				t.Errorf("Decode(Encode(p)) = %+v, want %+v", alone, p)
			}
		})
	}
}

// TestPackTimes: dates are packed as instants with their offset, whatever
// the zone they were written in.
func TestPackTimes(t *testing.T) {
	texts := NewTexts()
	for _, when := range []time.Time{
		{},
		time.Date(2025, 7, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2025, 7, 1, 8, 30, 0, 500, time.FixedZone("", 7*3600)),
		time.Date(1900, 1, 1, 0, 0, 0, 0, time.FixedZone("", -(3*3600+30*60))),
	} {
		got, err := Unpack((&Procedure{SyncedAt: when}).Pack(texts), texts)
		if err != nil {
			t.Fatal(err)
		}
		_, wantOff := when.Zone()
		_, gotOff := got.SyncedAt.Zone()
		if !got.SyncedAt.Equal(when) || gotOff != wantOff || got.SyncedAt.IsZero() != when.IsZero() {
			t.Errorf("packed %v, unpacked %v", when, got.SyncedAt)
		}
	}
}

func TestUnpackTruncated(t *testing.T) {
	var full Procedure
	n := 0
	fill(reflect.ValueOf(&full).Elem(), &n)
	texts := NewTexts()
	b := full.Pack(texts)
	for i := range len(b) {
		if _, err := Unpack(b[:i], texts); err == nil {
			t.Fatalf("Unpack of the first %d of %d bytes: no error", i, len(b))
		}
	}
}

func TestSummaryKeepsWhatListsUse(t *testing.T) {
	var full Procedure
	n := 0
	fill(reflect.ValueOf(&full).Elem(), &n)
	s := full.Summary()
	if s.Code != full.Code || s.Title != full.Title || s.Field != full.Field || s.Agency != full.Agency ||
		!reflect.DeepEqual(s.Level, full.Level) || !reflect.DeepEqual(s.Related, full.Related) ||
		!s.EffectiveTo.Equal(full.EffectiveTo) || !s.SyncedAt.Equal(full.SyncedAt) {
		t.Errorf("Summary() = %+v lost a field lists use", s)
	}
	if s.Channels != nil || s.Dossier != nil || s.LegalBasis != nil {
		t.Errorf("Summary() kept the dossier, channels or legal basis")
	}
}

// FuzzUnpack: whatever the bytes, Unpack returns an error or a record,
// never a panic.
func FuzzUnpack(f *testing.F) {
	var full Procedure
	n := 0
	fill(reflect.ValueOf(&full).Elem(), &n)
	texts := NewTexts()
	f.Add(full.Pack(texts))
	f.Add((&Procedure{}).Pack(texts))
	f.Fuzz(func(t *testing.T, b []byte) {
		if p, err := Unpack(b, texts); err == nil {
			if _, err := Unpack(p.Pack(texts), texts); err != nil {
				t.Fatalf("a record Unpack made does not pack again: %v", err)
			}
		}
	})
}

func TestTextsKeptOnce(t *testing.T) {
	texts := NewTexts()
	a := &Procedure{Code: "1.000001", Agency: "Ủy ban nhân dân xã A", Subjects: []string{"Công dân Việt Nam"}}
	b := &Procedure{Code: "1.000002", Agency: "Ủy ban nhân dân xã A", Subjects: []string{"Công dân Việt Nam"}}
	a.Pack(texts)
	n := len(texts.list)
	b.Pack(texts)
	if got := len(texts.list); got != n+1 { // only the new code
		t.Errorf("packing a second record with the same agency and subjects added %d texts, want 1", got-n)
	}
}

// TestPackSharesTexts: after Pack the record holds the table's copies, so
// that its summary, kept in memory, does not keep texts of its own.
func TestPackSharesTexts(t *testing.T) {
	texts := NewTexts()
	agency := strings.Clone("Ủy ban nhân dân xã A")
	p := &Procedure{Agency: agency}
	p.Pack(texts)
	kept := texts.Intern("Ủy ban nhân dân xã A")
	if unsafe.StringData(p.Agency) != unsafe.StringData(kept) {
		t.Error("the record's agency is not the table's copy")
	}
	if unsafe.StringData(p.Summary().Agency) != unsafe.StringData(kept) {
		t.Error("the summary's agency is not the table's copy")
	}
}

// FuzzDecode: a record read back from a cache file that was damaged is
// refused or decoded, never a panic, and a decoded one encodes to the
// same bytes.
func FuzzDecode(f *testing.F) {
	var full Procedure
	n := 0
	fill(reflect.ValueOf(&full).Elem(), &n)
	f.Add(full.Encode())
	f.Add((&Procedure{}).Encode())
	f.Add([]byte{0xff, 0xff, 0xff, 0xff, 0x0f})
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := Decode(b)
		if err != nil {
			return
		}
		again, err := Decode(p.Encode())
		if err != nil || !reflect.DeepEqual(again, p) {
			t.Fatalf("re-encoded record differs: %v", err)
		}
	})
}
