package procedure

import (
	"slices"
	"strings"
)

// Level is Cấp thực hiện. Since 1 July 2025 local procedures run only at
// province (tinh) and commune (xa) level; huyen remains for archived records.
type Level string

const (
	LevelBo    Level = "bo"
	LevelTinh  Level = "tinh"
	LevelXa    Level = "xa"
	LevelHuyen Level = "huyen"
	LevelKhac  Level = "khac"
)

// Levels lists the levels in the order pages show them. Each call returns
// a new slice, so that no caller can change the vocabulary of another.
func Levels() []Level { return []Level{LevelBo, LevelTinh, LevelXa, LevelHuyen, LevelKhac} }

// Label is the Vietnamese name of the level, in sentence case as it
// begins a line or a list item: Cấp xã, Cấp tỉnh. Phrase is the same name
// within a sentence.
func (l Level) Label() string {
	switch l {
	case LevelBo:
		return "Cấp bộ"
	case LevelTinh:
		return "Cấp tỉnh"
	case LevelXa:
		return "Cấp xã"
	case LevelHuyen:
		return "Cấp huyện (trước 01/7/2025)"
	case LevelKhac:
		return "Cơ quan khác"
	}
	return string(l)
}

// Phrase is the level's name within a sentence: "thủ tục cấp xã". A
// level that is not in the vocabulary is written as it is.
func (l Level) Phrase() string {
	if !l.Valid() {
		return string(l)
	}
	s := l.Label() // every label begins with an ASCII capital
	return strings.ToLower(s[:1]) + s[1:]
}

// Valid reports whether l is a known level.
func (l Level) Valid() bool { return slices.Contains(Levels(), l) }

// OnlineLevel is Mức độ dịch vụ công trực tuyến (Decree 42/2022, Art. 11).
type OnlineLevel string

const (
	OnlineFull    OnlineLevel = "toan_trinh"
	OnlinePartial OnlineLevel = "mot_phan"
	OnlineNone    OnlineLevel = "khong"
)

// OnlineLevels lists the online levels, in a new slice.
func OnlineLevels() []OnlineLevel { return []OnlineLevel{OnlineFull, OnlinePartial, OnlineNone} }

// Label is the Vietnamese name of the online level.
func (o OnlineLevel) Label() string {
	switch o {
	case OnlineFull:
		return "Dịch vụ công trực tuyến toàn trình"
	case OnlinePartial:
		return "Dịch vụ công trực tuyến một phần"
	case OnlineNone:
		return "Chỉ cung cấp thông tin"
	}
	return string(o)
}

// Valid reports whether o is a known online level.
func (o OnlineLevel) Valid() bool { return slices.Contains(OnlineLevels(), o) }

// ChannelKind is Hình thức nộp.
type ChannelKind string

const (
	ChannelInPerson ChannelKind = "truc_tiep"
	ChannelOnline   ChannelKind = "truc_tuyen"
	ChannelPost     ChannelKind = "buu_chinh"
)

// ChannelKinds lists the channel kinds, in a new slice.
func ChannelKinds() []ChannelKind { return []ChannelKind{ChannelInPerson, ChannelOnline, ChannelPost} }

// Label is the Vietnamese name of the channel.
func (c ChannelKind) Label() string {
	switch c {
	case ChannelInPerson:
		return "Trực tiếp"
	case ChannelOnline:
		return "Trực tuyến"
	case ChannelPost:
		return "Dịch vụ bưu chính công ích"
	}
	return string(c)
}

// Valid reports whether c is a known channel kind.
func (c ChannelKind) Valid() bool { return slices.Contains(ChannelKinds(), c) }

// FeeType is Phí or Lệ phí.
type FeeType string

const (
	FeeCharge FeeType = "phi"
	FeeLevy   FeeType = "le_phi"
)

// FeeTypes lists the fee types, in a new slice.
func FeeTypes() []FeeType { return []FeeType{FeeLevy, FeeCharge} }

// Label is the Vietnamese name of the fee type.
func (f FeeType) Label() string {
	switch f {
	case FeeCharge:
		return "Phí"
	case FeeLevy:
		return "Lệ phí"
	}
	return string(f)
}

// Valid reports whether f is a known fee type.
func (f FeeType) Valid() bool { return slices.Contains(FeeTypes(), f) }

// TimeUnit is the unit of a processing time.
type TimeUnit string

const (
	UnitWorkingDays TimeUnit = "ngay_lam_viec"
	UnitDays        TimeUnit = "ngay"
	UnitHours       TimeUnit = "gio"
	UnitSameDay     TimeUnit = "trong_ngay"
)

// TimeUnits lists the processing-time units, in a new slice.
func TimeUnits() []TimeUnit { return []TimeUnit{UnitWorkingDays, UnitDays, UnitHours, UnitSameDay} }

// Label is the Vietnamese name of the unit.
func (u TimeUnit) Label() string {
	switch u {
	case UnitWorkingDays:
		return "ngày làm việc"
	case UnitDays:
		return "ngày"
	case UnitHours:
		return "giờ"
	case UnitSameDay:
		return "trong ngày"
	}
	return string(u)
}

// Valid reports whether u is a known unit.
func (u TimeUnit) Valid() bool { return slices.Contains(TimeUnits(), u) }
