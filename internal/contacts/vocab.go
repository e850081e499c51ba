package contacts

import (
	"time"

	"github.com/congkhai/congkhai/internal/contacts/phone"
	"github.com/congkhai/congkhai/internal/vnformat"
)

// The vocabularies of danh-ba.toml: keys and values are ASCII slugs, the
// labels citizens read are Vietnamese. Each type lists its values in a
// function (so no package state can change) and is valid when it has a
// label.

// PhoneKind is the kind of a person's number as the editor declares it.
type PhoneKind string

const (
	PhoneLandline PhoneKind = "co_dinh" // a landline
	PhoneMobile   PhoneKind = "di_dong" // a mobile
	// PhoneShort is a number of a switchboard service: a short code such as
	// 1022, or a 1800 or 1900 number. Like short codes, 1800/1900 numbers
	// have no area code and cannot be dialled from abroad.
	PhoneShort PhoneKind = "ngan"
)

// PhoneKinds lists the phone kinds.
func PhoneKinds() []PhoneKind { return []PhoneKind{PhoneLandline, PhoneMobile, PhoneShort} }

// Label is the Vietnamese name of the kind.
func (k PhoneKind) Label() string {
	switch k {
	case PhoneLandline:
		return "Điện thoại cố định"
	case PhoneMobile:
		return "Điện thoại di động"
	case PhoneShort:
		return "Số ngắn, tổng đài"
	}
	return ""
}

// Valid reports whether k is a known kind.
func (k PhoneKind) Valid() bool { return k.Label() != "" }

// accepts reports whether a number of parsed kind pk may be declared as k.
func (k PhoneKind) accepts(pk phone.Kind) bool {
	switch k {
	case PhoneLandline:
		return pk == phone.Landline
	case PhoneMobile:
		return pk == phone.Mobile
	case PhoneShort:
		return pk == phone.Short || pk == phone.TollFree || pk == phone.Premium
	}
	return false
}

// kindFor is the declared kind that fits a parsed number.
func kindFor(pk phone.Kind) PhoneKind {
	for _, k := range PhoneKinds() {
		if k.accepts(pk) {
			return k
		}
	}
	return ""
}

// Channel is a way to reach a hotline.
type Channel string

// Channels lists the channels.
func Channels() []Channel {
	return []Channel{"dien_thoai", "zalo", "email", "ung_dung", "website", "facebook", "sms"}
}

// Label is the Vietnamese name of the channel.
func (c Channel) Label() string {
	switch c {
	case "dien_thoai":
		return "Điện thoại"
	case "zalo":
		return "Zalo"
	case "email":
		return "Thư điện tử"
	case "ung_dung":
		return "Ứng dụng di động"
	case "website":
		return "Cổng thông tin điện tử"
	case "facebook":
		return "Facebook"
	case "sms":
		return "Tin nhắn SMS"
	}
	return ""
}

// Valid reports whether c is a known channel.
func (c Channel) Valid() bool { return c.Label() != "" }

// ReceptionKind is the kind of citizen reception (Luật Tiếp công dân 2013).
type ReceptionKind string

const (
	ReceptionScheduled ReceptionKind = "dinh_ky"      // by the head, on set days
	ReceptionRegular   ReceptionKind = "thuong_xuyen" // at the reception office, every working day
	ReceptionAdHoc     ReceptionKind = "dot_xuat"     // when a case needs it
)

// ReceptionKinds lists the reception kinds.
func ReceptionKinds() []ReceptionKind {
	return []ReceptionKind{ReceptionScheduled, ReceptionRegular, ReceptionAdHoc}
}

// Label is the Vietnamese name of the kind.
func (k ReceptionKind) Label() string {
	switch k {
	case ReceptionScheduled:
		return "Tiếp công dân định kỳ"
	case ReceptionRegular:
		return "Tiếp công dân thường xuyên"
	case ReceptionAdHoc:
		return "Tiếp công dân đột xuất"
	}
	return ""
}

// Valid reports whether k is a known kind.
func (k ReceptionKind) Valid() bool { return k.Label() != "" }

// Freq is how often a reception rule repeats.
type Freq string

const (
	Weekly            Freq = "weekly"              // every week on Weekday
	MonthlyDay        Freq = "monthly_day"         // on Day of every month
	MonthlyNthWeekday Freq = "monthly_nth_weekday" // on the Nth Weekday of every month
	Workdays          Freq = "workdays"            // every working day
)

// Freqs lists the frequencies.
func Freqs() []Freq { return []Freq{Weekly, MonthlyDay, MonthlyNthWeekday, Workdays} }

// Valid reports whether f is a known frequency.
func (f Freq) Valid() bool {
	switch f {
	case Weekly, MonthlyDay, MonthlyNthWeekday, Workdays:
		return true
	}
	return false
}

// Weekday is a day of the week as Vietnamese name it.
type Weekday string

// Weekdays lists the weekdays from Monday.
func Weekdays() []Weekday {
	return []Weekday{"thu_hai", "thu_ba", "thu_tu", "thu_nam", "thu_sau", "thu_bay", "chu_nhat"}
}

// Label is the Vietnamese name: "Thứ Hai" ... "Chủ nhật".
func (w Weekday) Label() string { return vnformat.Weekday(w.Time()) }

// Valid reports whether w is a known weekday.
func (w Weekday) Valid() bool { return w.Time() >= 0 }

// Time returns the weekday as time.Weekday, or -1 when w is unknown.
func (w Weekday) Time() time.Weekday {
	for i, v := range Weekdays() {
		if v == w {
			return time.Weekday((i + 1) % 7)
		}
	}
	return -1
}

// HolidayPolicy says what happens when a reception date is a day off.
type HolidayPolicy string

const (
	NextWorkingDay     HolidayPolicy = "next_working_day"
	PreviousWorkingDay HolidayPolicy = "previous_working_day"
	SkipHoliday        HolidayPolicy = "skip"
)

// HolidayPolicies lists the policies.
func HolidayPolicies() []HolidayPolicy {
	return []HolidayPolicy{NextWorkingDay, PreviousWorkingDay, SkipHoliday}
}

// Valid reports whether p is a known policy.
func (p HolidayPolicy) Valid() bool {
	switch p {
	case NextWorkingDay, PreviousWorkingDay, SkipHoliday:
		return true
	}
	return false
}
