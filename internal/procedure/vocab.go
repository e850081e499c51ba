package procedure

import (
	"slices"

	"github.com/congkhai/congkhai/internal/msg"
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

// Label is the name of the level as pages write it, in sentence case as
// it begins a line or a list item: Commune level (Cấp xã). A level that
// is not in the vocabulary is written as it is.
func (l Level) Label() msg.Text {
	switch l {
	case LevelBo:
		return msg.T("Ministry level")
	case LevelTinh:
		return msg.T("Province level")
	case LevelXa:
		return msg.T("Commune level")
	case LevelHuyen:
		return msg.T("District level (before 1 July 2025)")
	case LevelKhac:
		return msg.T("Other agency")
	}
	return msg.Plain(string(l))
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

// Label is the name of the online level.
func (o OnlineLevel) Label() msg.Text {
	switch o {
	case OnlineFull:
		return msg.T("Full online public service")
	case OnlinePartial:
		return msg.T("Partial online public service")
	case OnlineNone:
		return msg.T("Information only")
	}
	return msg.Plain(string(o))
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

// Label is the name of the channel.
func (c ChannelKind) Label() msg.Text {
	switch c {
	case ChannelInPerson:
		return msg.T("In person")
	case ChannelOnline:
		return msg.T("Online")
	case ChannelPost:
		return msg.T("By public postal service")
	}
	return msg.Plain(string(c))
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

// Label is the name of the fee type: Fee (Phí) or Charge (Lệ phí), as
// the Law on Fees and Charges names them in English.
func (f FeeType) Label() msg.Text {
	switch f {
	case FeeCharge:
		return msg.T("Fee")
	case FeeLevy:
		return msg.T("Charge")
	}
	return msg.Plain(string(f))
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

// Label is the name of the unit, within a sentence.
func (u TimeUnit) Label() msg.Text {
	switch u {
	case UnitWorkingDays:
		return msg.T("working days")
	case UnitDays:
		return msg.T("days")
	case UnitHours:
		return msg.T("hours")
	case UnitSameDay:
		return msg.T("within the day")
	}
	return msg.Plain(string(u))
}

// Valid reports whether u is a known unit.
func (u TimeUnit) Valid() bool { return slices.Contains(TimeUnits(), u) }
