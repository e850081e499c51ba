package procedure

import (
	"bytes"
	"encoding/binary"
	"reflect"
	"strings"
	"testing"
	"time"
	"unsafe"

	"github.com/congkhai/congkhai/internal/tomlfile"
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
		if v.Type() == dateType {
			v.Set(reflect.ValueOf(tomlfile.NewDate(2020+*n%5, time.July, 1+*n%28)))
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
		// 0 đồng (free) is not an amount left out, 0 days is not a value
		// left out, and a written 0001-01-01 is not a date left out.
		"zero values written and left out": {
			Channels: []Channel{
				{ProcessingTime: ProcessingTime{Value: &zero}, Fees: []Fee{{AmountVND: new(int64)}, {}}},
				{Fees: []Fee{{}}},
			},
			DossierSets: &zero,
			SyncedAt:    tomlfile.NewDate(1, 1, 1), EffectiveFrom: tomlfile.NewDate(1, 1, 1),
			LegalBasis: []LegalDoc{{Issued: tomlfile.NewDate(1, 1, 1)}, {}},
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

// TestPackDates: a date packs as the day it is, 0001-01-01 included, and a
// date not given stays not given.
func TestPackDates(t *testing.T) {
	texts := NewTexts()
	for _, when := range []tomlfile.Date{
		{},
		tomlfile.NewDate(1, 1, 1),
		tomlfile.NewDate(0, 1, 1),
		tomlfile.NewDate(1945, 9, 2),
		tomlfile.NewDate(1969, 12, 31),
		tomlfile.NewDate(1970, 1, 1),
		tomlfile.NewDate(2025, 7, 1),
		tomlfile.NewDate(9999, 12, 31),
	} {
		got, err := Unpack((&Procedure{SyncedAt: when, LegalBasis: []LegalDoc{{Issued: when}}}).Pack(texts), texts)
		if err != nil {
			t.Fatal(err)
		}
		if got.SyncedAt != when || got.LegalBasis[0].Issued != when {
			t.Errorf("packed %#v, unpacked %#v and %#v", when, got.SyncedAt, got.LegalBasis[0].Issued)
		}
	}
}

// TestPackKeepsZeroValues: what a record says with a zero (free, none,
// 0001-01-01) is not lost in the packing, nor added where nothing was said.
func TestPackKeepsZeroValues(t *testing.T) {
	zero := 0
	p := &Procedure{
		Channels: []Channel{{ProcessingTime: ProcessingTime{Value: &zero}, Fees: []Fee{{AmountVND: new(int64)}, {Text: "Theo quy định"}}}},
		SyncedAt: tomlfile.NewDate(1, 1, 1),
	}
	texts := NewTexts()
	got, err := Unpack(p.Pack(texts), texts)
	if err != nil {
		t.Fatal(err)
	}
	free, unstated := got.Channels[0].Fees[0], got.Channels[0].Fees[1]
	if !free.HasAmount() || !free.Free() || unstated.HasAmount() || unstated.Free() {
		t.Errorf("fees unpacked as %+v and %+v: want free, then no amount", free, unstated)
	}
	if v := got.Channels[0].ProcessingTime.Value; v == nil || *v != 0 {
		t.Errorf("processing_time.value unpacked as %v, want 0", v)
	}
	if got.DossierSets != nil || got.EffectiveFrom.Given() {
		t.Errorf("dossier_sets %v, effective_from %#v: want neither, as packed", got.DossierSets, got.EffectiveFrom)
	}
	if !got.SyncedAt.Given() || got.SyncedAt.String() != "0001-01-01" {
		t.Errorf("synced_at unpacked as %#v, want 0001-01-01", got.SyncedAt)
	}
}

// TestUnpackDateOutOfRange: a date no TOML file can write is an error, not
// a day thousands of years away.
func TestUnpackDateOutOfRange(t *testing.T) {
	texts := NewTexts()
	good := (&Procedure{SyncedAt: tomlfile.NewDate(2025, 7, 1)}).Pack(texts)
	for _, day := range []int64{maxDay + 1, minDay - 1, 1 << 62} {
		b := appendDate(nil, tomlfile.NewDate(2025, 7, 1))
		bad := binary.AppendVarint([]byte{dateGiven}, day)
		i := bytes.Index(good, b)
		if i < 0 {
			t.Fatal("the packed date is not where expected")
		}
		packed := append(append(append([]byte(nil), good[:i]...), bad...), good[i+len(b):]...)
		if _, err := Unpack(packed, texts); err == nil || !strings.Contains(err.Error(), "out of range") {
			t.Errorf("day %d: Unpack error %v, want a date out of range", day, err)
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
	f.Add((&Procedure{SyncedAt: tomlfile.NewDate(1, 1, 1), EffectiveTo: tomlfile.NewDate(9999, 12, 31)}).Pack(texts))
	f.Fuzz(func(t *testing.T, b []byte) {
		if p, err := Unpack(b, texts); err == nil {
			q, err := Unpack(p.Pack(texts), texts)
			if err != nil {
				t.Fatalf("a record Unpack made does not pack again: %v", err)
			}
			if !reflect.DeepEqual(p, q) {
				t.Fatalf("a record Unpack made changed in a round trip:\n%+v\n%+v", p, q)
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
