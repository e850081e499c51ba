package contacts

import (
	"fmt"

	"github.com/congkhai/congkhai/internal/tomlfile"
)

// Reception is one rule of citizen reception: who receives citizens, when,
// where and what happens on a day off.
type Reception struct {
	ID         string        `toml:"id"`
	Host       string        `toml:"host"` // a people.id
	Kind       ReceptionKind `toml:"kind"`
	Rule       Rule          `toml:"rule"`
	Time       TimeRange     `toml:"time"`
	Place      string        `toml:"place"`
	IfHoliday  HolidayPolicy `toml:"if_holiday"`
	Note       string        `toml:"note"`
	Exceptions []Exception   `toml:"exceptions"`

	HostPerson *Person `toml:"-"` // the person named by Host
}

// Rule says on which days a reception repeats.
//
//	weekly               every week on Weekday
//	monthly_day          on Day (1..31) of every month; in a shorter month
//	                     on its last day (day 31 → 30 April, 28 or 29 February)
//	monthly_nth_weekday  on the Nth (1..5, or -1 for the last) Weekday of
//	                     every month; a month without a fifth one has none
//	workdays             every working day: Monday to Friday, not a holiday
type Rule struct {
	Freq    Freq    `toml:"freq"`
	Weekday Weekday `toml:"weekday"`
	Day     int     `toml:"day"`
	Nth     int     `toml:"nth"`
}

// TimeRange is the hours of a reception.
type TimeRange struct {
	Start Clock `toml:"start"`
	End   Clock `toml:"end"`
}

// Exception cancels one date of a reception, or moves it to MovedTo.
type Exception struct {
	Date    tomlfile.Date `toml:"date"`
	MovedTo tomlfile.Date `toml:"moved_to"` // not given: the date is cancelled
	Note    string        `toml:"note"`
}

// Describe says the rule in Vietnamese: "Thứ Năm hằng tuần", "Ngày 15 hằng
// tháng", "Thứ Ba tuần thứ ba hằng tháng", "Tất cả các ngày làm việc".
// It returns "" for an unknown or missing rule.
func (r Rule) Describe() string {
	switch r.Freq {
	case Weekly:
		return r.Weekday.Label() + " hằng tuần"
	case MonthlyDay:
		s := fmt.Sprintf("Ngày %d hằng tháng", r.Day)
		if r.Day > 28 {
			s += fmt.Sprintf(" (tháng không có ngày %d thì vào ngày cuối tháng)", r.Day)
		}
		return s
	case MonthlyNthWeekday:
		s := r.Weekday.Label() + " tuần " + ordinal(r.Nth) + " hằng tháng"
		if r.Nth == 5 {
			s += " (nếu tháng đó có)"
		}
		return s
	case Workdays:
		return "Tất cả các ngày làm việc"
	}
	return ""
}

// Describe says the whole reception rule in Vietnamese, with its hours and
// what happens on a day off: "Ngày 15 hằng tháng, từ 07:30 đến 11:30; nếu
// trùng ngày nghỉ thì tiếp vào ngày làm việc tiếp theo".
func (r *Reception) Describe() string {
	s := r.Rule.Describe()
	if s == "" {
		s = "Khi cần thiết"
	}
	if !r.Time.Start.IsZero() && !r.Time.End.IsZero() {
		s += ", từ " + r.Time.Start.String() + " đến " + r.Time.End.String()
	}
	if c := r.holidayClause(); c != "" {
		s += "; " + c
	}
	return s
}

// holidayClause says what happens on a day off. A rule on a weekday moves
// only for holidays; a day of the month also moves when it is a Saturday
// or a Sunday, so its clause says "ngày nghỉ" (any day off).
func (r *Reception) holidayClause() string {
	off := "ngày nghỉ lễ, Tết"
	switch r.Rule.Freq {
	case Weekly, MonthlyNthWeekday:
	case MonthlyDay:
		off = "ngày nghỉ"
	default:
		return ""
	}
	switch r.IfHoliday {
	case NextWorkingDay:
		return "nếu trùng " + off + " thì tiếp vào ngày làm việc tiếp theo"
	case PreviousWorkingDay:
		return "nếu trùng " + off + " thì tiếp vào ngày làm việc liền trước"
	case SkipHoliday:
		return "nếu trùng " + off + " thì không tiếp"
	}
	return ""
}

// ordinal is the Vietnamese ordinal of a week in the month.
func ordinal(n int) string {
	switch n {
	case 1:
		return "thứ nhất"
	case 2:
		return "thứ hai"
	case 3:
		return "thứ ba"
	case 4:
		return "thứ tư"
	case 5:
		return "thứ năm"
	case -1:
		return "cuối cùng"
	}
	return fmt.Sprintf("thứ %d", n)
}
