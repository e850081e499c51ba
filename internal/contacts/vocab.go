package contacts

import (
	"slices"
	"time"

	"github.com/congkhai/congkhai/internal/contacts/phone"
	"github.com/congkhai/congkhai/internal/locale"
	"github.com/congkhai/congkhai/internal/msg"
)

// The vocabularies of danh-ba.toml: keys and values are ASCII slugs, the
// labels citizens read are messages, in the page's language. Each type
// lists its values in a function (so no package state can change) and is
// valid when it is one of them.

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

// Label is the name of the kind; the zero Text for an unknown one.
func (k PhoneKind) Label() msg.Text {
	switch k {
	case PhoneLandline:
		return msg.T("Landline")
	case PhoneMobile:
		return msg.T("Mobile")
	case PhoneShort:
		return msg.T("Short number or switchboard")
	}
	return msg.Text{}
}

// Valid reports whether k is a known kind.
func (k PhoneKind) Valid() bool { return slices.Contains(PhoneKinds(), k) }

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

// Label is the name of the channel; the zero Text for an unknown one.
func (c Channel) Label() msg.Text {
	switch c {
	case "dien_thoai":
		return msg.T("Phone")
	case "zalo":
		return msg.T("Zalo")
	case "email":
		return msg.T("Email")
	case "ung_dung":
		return msg.T("Mobile app")
	case "website":
		return msg.T("Web portal")
	case "facebook":
		return msg.T("Facebook")
	case "sms":
		return msg.T("Text message (SMS)")
	}
	return msg.Text{}
}

// Valid reports whether c is a known channel.
func (c Channel) Valid() bool { return slices.Contains(Channels(), c) }

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

// Label is the name of the kind; the zero Text for an unknown one.
func (k ReceptionKind) Label() msg.Text {
	switch k {
	case ReceptionScheduled:
		return msg.T("Scheduled citizen reception")
	case ReceptionRegular:
		return msg.T("Regular citizen reception")
	case ReceptionAdHoc:
		return msg.T("Unscheduled citizen reception")
	}
	return msg.Text{}
}

// Valid reports whether k is a known kind.
func (k ReceptionKind) Valid() bool { return slices.Contains(ReceptionKinds(), k) }

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

// Label is the weekday's name: Monday (Thứ Hai) … Sunday (Chủ nhật); the
// zero Text for an unknown one.
func (w Weekday) Label() msg.Text {
	return locale.WeekdayText(w.Time())
}

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
