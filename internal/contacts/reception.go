package contacts

import (
	"github.com/congkhai/congkhai/internal/msg"
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

// Describe says the rule as citizens read it: "Every Thursday", "Day 15
// of every month", "The third Tuesday of every month", "Every working
// day" (Thứ Năm hằng tuần …). It is the zero Text for an unknown or
// missing rule.
func (r Rule) Describe() msg.Text {
	switch r.Freq {
	case Weekly:
		return msg.T("Every %s", r.Weekday.Label())
	case MonthlyDay:
		if r.Day > 28 {
			return msg.T("Day %d of every month (the last day of a month that has no day %d)", r.Day, r.Day)
		}
		return msg.T("Day %d of every month", r.Day)
	case MonthlyNthWeekday:
		s := msg.T("The %s %s of every month", ordinal(r.Nth), r.Weekday.Label())
		if r.Nth == 5 {
			s = msg.T("%s (when the month has one)", s)
		}
		return s
	case Workdays:
		return msg.T("Every working day")
	}
	return msg.Text{}
}

// Describe says the whole reception rule, with its hours and what
// happens on a day off: "Day 15 of every month, from 07:30 to 11:30; if it
// falls on a day off, it moves to the next working day" (Ngày 15 hằng
// tháng, từ 07:30 đến 11:30; nếu trùng ngày nghỉ thì tiếp vào ngày làm
// việc tiếp theo).
func (r *Reception) Describe() msg.Text {
	s := r.Rule.Describe()
	if s.IsZero() {
		s = msg.T("When needed")
	}
	if !r.Time.Start.IsZero() && !r.Time.End.IsZero() {
		s = msg.T("%s, from %s to %s", s, r.Time.Start.String(), r.Time.End.String())
	}
	if c := r.holidayClause(); !c.IsZero() {
		s = msg.T("%s; %s", s, c)
	}
	return s
}

// holidayClause says what happens on a day off. A rule on a weekday moves
// only for holidays; a day of the month also moves when it is a Saturday
// or a Sunday, so its clause says "a day off" (ngày nghỉ).
func (r *Reception) holidayClause() msg.Text {
	switch r.Rule.Freq {
	case Weekly, MonthlyNthWeekday:
		switch r.IfHoliday {
		case NextWorkingDay:
			return msg.T("if it falls on a public holiday, it moves to the next working day")
		case PreviousWorkingDay:
			return msg.T("if it falls on a public holiday, it moves to the working day before")
		case SkipHoliday:
			return msg.T("if it falls on a public holiday, there is none")
		}
	case MonthlyDay:
		switch r.IfHoliday {
		case NextWorkingDay:
			return msg.T("if it falls on a day off, it moves to the next working day")
		case PreviousWorkingDay:
			return msg.T("if it falls on a day off, it moves to the working day before")
		case SkipHoliday:
			return msg.T("if it falls on a day off, there is none")
		}
	}
	return msg.Text{}
}

// ordinal is the ordinal of a week in the month: first (thứ nhất) … last.
func ordinal(n int) msg.Text {
	switch n {
	case 1:
		return msg.T("first")
	case 2:
		return msg.T("second")
	case 3:
		return msg.T("third")
	case 4:
		return msg.T("fourth")
	case 5:
		return msg.T("fifth")
	case -1:
		return msg.T("last")
	}
	return msg.T("%dth", n)
}
