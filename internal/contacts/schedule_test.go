package contacts

import (
	"strings"
	"testing"
	"time"

	"github.com/congkhai/congkhai/internal/i18n"
	"github.com/congkhai/congkhai/internal/locale"
	"github.com/congkhai/congkhai/internal/tomlfile"
)

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// dt is a date as the directory file gives it.
func dt(y int, m time.Month, d int) tomlfile.Date { return tomlfile.NewDate(y, m, d) }

// rc returns a reception with the rule and policy, 07:30 to 11:30.
func rc(id string, rule Rule, policy HolidayPolicy, ex ...Exception) Reception {
	return Reception{ID: id, Kind: ReceptionScheduled, Rule: rule, IfHoliday: policy, Place: "Trụ sở",
		Time: TimeRange{Start: NewClock(7, 30), End: NewClock(11, 30)}, Exceptions: ex}
}

// show lists occurrences as "2026-09-03<2026-09-02 (Quốc khánh)": the date,
// "<" and the rule's date when moved, "x" before a cancelled one, and the
// reason in parentheses.
func show(occ []Occurrence) string {
	var parts []string
	for _, o := range occ {
		s := o.Date.Format("2006-01-02")
		if o.Cancelled {
			s = "x" + s
		}
		if o.Moved() {
			s += "<" + o.Original.Format("2006-01-02")
		}
		if o.Reason != "" {
			s += " (" + o.Reason + ")"
		}
		if o.Weekend {
			s += " (" + locale.Vietnamese().Weekday(o.Original.Weekday()) + ")"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, ", ")
}

var (
	quocKhanh  = Holiday{From: dt(2026, 9, 1), To: dt(2026, 9, 2), Name: "Quốc khánh"}
	tetDuong   = Holiday{Date: dt(2027, 1, 1), Name: "Tết Dương lịch"}
	tetNguyen  = Holiday{From: dt(2027, 2, 5), To: dt(2027, 2, 11), Name: "Tết Nguyên đán"}
	nghiBuTet  = Holiday{Date: dt(2027, 2, 12), Name: "Nghỉ bù"}
	weeklyThu  = Rule{Freq: Weekly, Weekday: "thu_nam"}
	weeklyWed  = Rule{Freq: Weekly, Weekday: "thu_tu"}
	weeklyFri  = Rule{Freq: Weekly, Weekday: "thu_sau"}
	weeklyMon  = Rule{Freq: Weekly, Weekday: "thu_hai"}
	workdays   = Rule{Freq: Workdays}
	thirdTue   = Rule{Freq: MonthlyNthWeekday, Nth: 3, Weekday: "thu_ba"}
	lastFri    = Rule{Freq: MonthlyNthWeekday, Nth: -1, Weekday: "thu_sau"}
	fifthMon   = Rule{Freq: MonthlyNthWeekday, Nth: 5, Weekday: "thu_hai"}
	firstFri   = Rule{Freq: MonthlyNthWeekday, Nth: 1, Weekday: "thu_sau"}
	monthly    = func(day int) Rule { return Rule{Freq: MonthlyDay, Day: day} }
	allOfMonth = func(y int, m time.Month) []Holiday {
		return []Holiday{{From: dt(y, m, 1), To: dt(y, m+1, 0), Name: "Nghỉ dài"}}
	}
)

func TestOccurrences(t *testing.T) {
	tests := []struct {
		name     string
		holidays []Holiday
		r        Reception
		from     time.Time
		months   int
		want     string
	}{
		{"weekly across a month end", nil, rc("a", weeklyThu, NextWorkingDay), date(2026, 10, 20), 1,
			"2026-10-22, 2026-10-29, 2026-11-05, 2026-11-12, 2026-11-19"},
		{"weekly from the day itself", nil, rc("a", weeklyThu, NextWorkingDay), date(2026, 10, 22), 1,
			"2026-10-22, 2026-10-29, 2026-11-05, 2026-11-12, 2026-11-19"},
		{"day 31 uses the last day of shorter months; weekends move to Monday across the month end", nil,
			rc("a", monthly(31), NextWorkingDay), date(2027, 1, 1), 6,
			"2027-02-01<2027-01-31 (Chủ nhật), 2027-03-01<2027-02-28 (Chủ nhật), 2027-03-31, 2027-04-30, 2027-05-31, 2027-06-30"},
		{"day 30 in February of a leap year", nil, rc("a", monthly(30), NextWorkingDay), date(2028, 2, 1), 1,
			"2028-02-29"},
		{"day 29 in February of a common year, moved back from Sunday", nil, rc("a", monthly(29), PreviousWorkingDay), date(2027, 2, 1), 1,
			"2027-02-26<2027-02-28 (Chủ nhật)"},
		{"day 29 in February of a leap year", nil, rc("a", monthly(29), PreviousWorkingDay), date(2028, 2, 1), 1,
			"2028-02-29"},
		{"day 15 on a Sunday, skipped", nil, rc("a", monthly(15), SkipHoliday), date(2026, 11, 1), 2,
			"x2026-11-15 (Chủ nhật), 2026-12-15"},
		{"third Tuesday", nil, rc("a", thirdTue, NextWorkingDay), date(2026, 11, 1), 4,
			"2026-11-17, 2026-12-15, 2027-01-19, 2027-02-16"},
		{"last Friday", nil, rc("a", lastFri, NextWorkingDay), date(2026, 11, 1), 4,
			"2026-11-27, 2026-12-25, 2027-01-29, 2027-02-26"},
		{"fifth Monday only in months that have one", nil, rc("a", fifthMon, NextWorkingDay), date(2026, 11, 1), 5,
			"2026-11-30, 2027-03-29"},
		{"holiday moved forward", []Holiday{quocKhanh}, rc("a", weeklyWed, NextWorkingDay), date(2026, 8, 25), 1,
			"2026-08-26, 2026-09-03<2026-09-02 (Quốc khánh), 2026-09-09, 2026-09-16, 2026-09-23"},
		{"holiday moved backward over another holiday, across the month end", []Holiday{quocKhanh}, rc("a", weeklyWed, PreviousWorkingDay), date(2026, 8, 25), 1,
			"2026-08-26, 2026-08-31<2026-09-02 (Quốc khánh), 2026-09-09, 2026-09-16, 2026-09-23"},
		{"holiday skipped", []Holiday{quocKhanh}, rc("a", weeklyWed, SkipHoliday), date(2026, 8, 25), 1,
			"2026-08-26, x2026-09-02 (Quốc khánh), 2026-09-09, 2026-09-16, 2026-09-23"},
		{"Tết range moves Thursday to Friday", []Holiday{tetNguyen}, rc("a", weeklyThu, NextWorkingDay), date(2027, 2, 1), 1,
			"2027-02-04, 2027-02-12<2027-02-11 (Tết Nguyên đán), 2027-02-18, 2027-02-25"},
		{"Tết and a following day off chain, over a weekend", []Holiday{tetNguyen, nghiBuTet}, rc("a", weeklyThu, NextWorkingDay), date(2027, 2, 1), 1,
			"2027-02-04, 2027-02-15<2027-02-11 (Tết Nguyên đán), 2027-02-18, 2027-02-25"},
		{"moved onto a date the reception has anyway: merged", []Holiday{tetNguyen}, rc("a", weeklyFri, NextWorkingDay), date(2027, 2, 1), 1,
			"2027-02-12, 2027-02-19, 2027-02-26"},
		{"moved back onto a date it has anyway: merged", []Holiday{tetNguyen}, rc("a", weeklyThu, PreviousWorkingDay), date(2027, 2, 1), 1,
			"2027-02-04, 2027-02-18, 2027-02-25"},
		{"first Friday skipped on New Year's Day", []Holiday{tetDuong}, rc("a", firstFri, SkipHoliday), date(2026, 12, 1), 2,
			"2026-12-04, x2027-01-01 (Tết Dương lịch)"},
		{"moved back into the previous year", []Holiday{tetDuong}, rc("a", weeklyFri, PreviousWorkingDay), date(2026, 12, 28), 1,
			"2026-12-31<2027-01-01 (Tết Dương lịch), 2027-01-08, 2027-01-15, 2027-01-22"},
		{"moved in from before the window", []Holiday{quocKhanh}, rc("a", weeklyWed, NextWorkingDay), date(2026, 9, 3), 1,
			"2026-09-03<2026-09-02 (Quốc khánh), 2026-09-09, 2026-09-16, 2026-09-23, 2026-09-30"},
		{"moved out of the window", []Holiday{quocKhanh}, rc("a", weeklyWed, NextWorkingDay), date(2026, 8, 3), 1,
			"2026-08-05, 2026-08-12, 2026-08-19, 2026-08-26"},
		{"no working day within 60 days: cancelled", append(append(allOfMonth(2027, 1), allOfMonth(2027, 2)...), allOfMonth(2027, 3)...),
			rc("a", weeklyMon, NextWorkingDay), date(2027, 1, 1), 1,
			"x2027-01-04 (Nghỉ dài), x2027-01-11 (Nghỉ dài), x2027-01-18 (Nghỉ dài), x2027-01-25 (Nghỉ dài)"},
		{"exceptions: cancel, move, move in from outside, move out", nil,
			rc("a", weeklyThu, NextWorkingDay,
				Exception{Date: dt(2026, 11, 12), Note: "Hoãn"},
				Exception{Date: dt(2026, 11, 19), MovedTo: dt(2026, 11, 20), Note: "Chuyển"},
				Exception{Date: dt(2026, 10, 29), MovedTo: dt(2026, 11, 2), Note: "Họp"},
				Exception{Date: dt(2026, 11, 26), MovedTo: dt(2026, 12, 1), Note: "Sang tháng sau"}),
			date(2026, 11, 1), 1,
			"2026-11-02<2026-10-29 (Họp), 2026-11-05, x2026-11-12 (Hoãn), 2026-11-20<2026-11-19 (Chuyển)"},
		{"exception on the date a holiday moved it to", []Holiday{quocKhanh},
			rc("a", weeklyWed, NextWorkingDay, Exception{Date: dt(2026, 9, 3), Note: "Hoãn"}), date(2026, 9, 1), 1,
			"x2026-09-03<2026-09-02 (Hoãn), 2026-09-09, 2026-09-16, 2026-09-23, 2026-09-30"},
		{"exception moves a skipped holiday to a working day", []Holiday{quocKhanh},
			rc("a", weeklyWed, SkipHoliday, Exception{Date: dt(2026, 9, 2), MovedTo: dt(2026, 9, 4), Note: "Tiếp bù"}), date(2026, 9, 1), 1,
			"2026-09-04<2026-09-02 (Tiếp bù), 2026-09-09, 2026-09-16, 2026-09-23, 2026-09-30"},
		{"months <= 0", nil, rc("a", weeklyThu, NextWorkingDay), date(2026, 11, 1), -3, ""},
		{"unknown rule", nil, rc("a", Rule{Freq: "hang_tuan"}, NextWorkingDay), date(2026, 11, 1), 1, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := &Directory{Holidays: tc.holidays, Reception: []Reception{tc.r}}
			if got := show(d.Occurrences(tc.from, tc.months)); got != tc.want {
				t.Errorf("\n got: %s\nwant: %s", got, tc.want)
			}
		})
	}
}

func TestWorkdays(t *testing.T) {
	d := &Directory{Holidays: []Holiday{quocKhanh}, Reception: []Reception{rc("a", workdays, "")}}
	occ := d.Occurrences(date(2026, 8, 27), 1) // to 2026-09-26
	got := show(occ)
	want := "2026-08-27, 2026-08-28, 2026-08-31, 2026-09-03, 2026-09-04, 2026-09-07, 2026-09-08, 2026-09-09, 2026-09-10, 2026-09-11, " +
		"2026-09-14, 2026-09-15, 2026-09-16, 2026-09-17, 2026-09-18, 2026-09-21, 2026-09-22, 2026-09-23, 2026-09-24, 2026-09-25"
	if got != want {
		t.Errorf("\n got: %s\nwant: %s", got, want)
	}
}

func TestOccurrenceTimesAndOrder(t *testing.T) {
	first := &Person{ID: "chu-tich", Order: 1}
	second := &Person{ID: "pho-chu-tich", Order: 2}
	unordered := &Person{ID: "to-tiep", Order: 0}
	afternoon := rc("chieu", weeklyThu, NextWorkingDay)
	afternoon.Time = TimeRange{Start: NewClock(13, 30), End: NewClock(16, 30)}
	afternoon.HostPerson = first
	r2 := rc("pho", weeklyThu, NextWorkingDay)
	r2.HostPerson = second
	r3 := rc("to", weeklyThu, NextWorkingDay)
	r3.HostPerson = unordered
	r1 := rc("chu", weeklyThu, NextWorkingDay)
	r1.HostPerson = first
	d := &Directory{Reception: []Reception{afternoon, r3, r2, r1}}
	occ := d.Occurrences(date(2026, 11, 5), 0)
	if occ != nil {
		t.Fatalf("0 months gave %d occurrences", len(occ))
	}
	occ = d.Occurrences(time.Date(2026, 11, 5, 23, 0, 0, 0, time.UTC), 1)[:4]
	var got []string
	for _, o := range occ {
		got = append(got, o.Reception.ID+" "+o.Start.Format(time.RFC3339)+" "+o.End.Format("15:04"))
	}
	want := []string{
		"chu 2026-11-05T07:30:00+07:00 11:30",
		"pho 2026-11-05T07:30:00+07:00 11:30",
		"to 2026-11-05T07:30:00+07:00 11:30",
		"chieu 2026-11-05T13:30:00+07:00 16:30",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("order\n got: %s\nwant: %s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if occ[0].Host != first || occ[0].Reception != &d.Reception[3] {
		t.Errorf("occurrence does not point at its reception and host")
	}
	// 120 months from 2026-01-01 (to 2036-01-01) have 522 Thursdays.
	if n, capped := len(d.Occurrences(date(2026, 1, 1), 120)), len(d.Occurrences(date(2026, 1, 1), 1_000_000)); n != 4*522 || capped != n {
		t.Errorf("120 months: %d occurrences, a million months: %d; want %d for both", n, capped, 4*522)
	}
	if occ := d.Occurrences(time.Time{}, 1); occ != nil {
		t.Errorf("zero from gave %d occurrences", len(occ))
	}
}

func TestRemark(t *testing.T) {
	tests := []struct {
		o    Occurrence
		want string
	}{
		{Occurrence{Date: date(2026, 9, 3), Original: date(2026, 9, 3)}, ""},
		{Occurrence{Date: date(2026, 9, 3), Original: date(2026, 9, 2), Reason: "Quốc khánh"}, "Chuyển từ 02/9 (Quốc khánh)"},
		{Occurrence{Date: date(2026, 12, 31), Original: date(2027, 1, 1), Reason: "Tết Dương lịch"}, "Chuyển từ 01/01/2027 (Tết Dương lịch)"},
		{Occurrence{Date: date(2026, 9, 2), Original: date(2026, 9, 2), Reason: "Quốc khánh", Cancelled: true}, "Không tiếp (Quốc khánh)"},
		{Occurrence{Date: date(2026, 9, 3), Original: date(2026, 9, 2), Reason: "Hoãn do họp", Cancelled: true}, "Không tiếp (Hoãn do họp)"},
		{Occurrence{Date: date(2026, 9, 3), Original: date(2026, 9, 2)}, "Chuyển từ 02/9"},
	}
	vi := locale.Vietnamese()
	for _, tc := range tests {
		if got := tc.o.Remark(vi); got != tc.want {
			t.Errorf("Remark(%s) = %q, want %q", show([]Occurrence{tc.o}), got, tc.want)
		}
	}

	en := english(t)
	for _, tc := range []struct {
		o    Occurrence
		want string
	}{
		{Occurrence{Date: date(2026, 9, 3), Original: date(2026, 9, 2), Reason: "Quốc khánh"}, "Moved from 2 September (Quốc khánh)"},
		{Occurrence{Date: date(2026, 12, 31), Original: date(2027, 1, 1)}, "Moved from 1 January 2027"},
		{Occurrence{Date: date(2026, 9, 2), Original: date(2026, 9, 2), Reason: "Quốc khánh", Cancelled: true}, "No reception (Quốc khánh)"},
		{Occurrence{Date: date(2026, 11, 16), Original: date(2026, 11, 15), Weekend: true}, "Moved from 15 November (Sunday)"},
	} {
		if got := tc.o.Remark(en); got != tc.want {
			t.Errorf("English Remark(%s) = %q, want %q", show([]Occurrence{tc.o}), got, tc.want)
		}
	}
}

// english is the English locale with the built-in tables.
func english(t *testing.T) *locale.Locale {
	t.Helper()
	cat, err := i18n.Load(i18n.English)
	if err != nil {
		t.Fatal(err)
	}
	return locale.New(i18n.English, cat, nil)
}

func TestDescribe(t *testing.T) {
	rules := []struct {
		rule Rule
		want string
	}{
		{weeklyThu, "Thứ Năm hằng tuần"},
		{Rule{Freq: Weekly, Weekday: "chu_nhat"}, "Chủ nhật hằng tuần"},
		{monthly(15), "Ngày 15 hằng tháng"},
		{monthly(31), "Ngày 31 hằng tháng (tháng không có ngày 31 thì vào ngày cuối tháng)"},
		{thirdTue, "Thứ Ba tuần thứ ba hằng tháng"},
		{firstFri, "Thứ Sáu tuần thứ nhất hằng tháng"},
		{lastFri, "Thứ Sáu tuần cuối cùng hằng tháng"},
		{fifthMon, "Thứ Hai tuần thứ năm hằng tháng (nếu tháng đó có)"},
		{workdays, "Tất cả các ngày làm việc"},
		{Rule{}, ""},
		{Rule{Freq: "hang_tuan"}, ""},
	}
	vi := locale.Vietnamese()
	for _, tc := range rules {
		if got := vi.Text(tc.rule.Describe()); got != tc.want {
			t.Errorf("%+v.Describe() = %q, want %q", tc.rule, got, tc.want)
		}
	}

	noTime := func(r Reception) *Reception { r.Time = TimeRange{}; return &r }
	afternoon := rc("a", workdays, "")
	afternoon.Time = TimeRange{Start: NewClock(7, 30), End: NewClock(16, 30)}
	receptions := []struct {
		r    *Reception
		want string
	}{
		{noTime(rc("a", monthly(15), NextWorkingDay)), "Ngày 15 hằng tháng; nếu trùng ngày nghỉ thì tiếp vào ngày làm việc tiếp theo"},
		{noTime(rc("a", thirdTue, "")), "Thứ Ba tuần thứ ba hằng tháng"},
		{noTime(rc("a", workdays, "")), "Tất cả các ngày làm việc"},
		{ptr(rc("a", weeklyThu, "")), "Thứ Năm hằng tuần, từ 07:30 đến 11:30"},
		{ptr(rc("a", weeklyThu, NextWorkingDay)), "Thứ Năm hằng tuần, từ 07:30 đến 11:30; nếu trùng ngày nghỉ lễ, Tết thì tiếp vào ngày làm việc tiếp theo"},
		{ptr(rc("a", thirdTue, PreviousWorkingDay)), "Thứ Ba tuần thứ ba hằng tháng, từ 07:30 đến 11:30; nếu trùng ngày nghỉ lễ, Tết thì tiếp vào ngày làm việc liền trước"},
		{ptr(rc("a", monthly(10), SkipHoliday)), "Ngày 10 hằng tháng, từ 07:30 đến 11:30; nếu trùng ngày nghỉ thì không tiếp"},
		{&afternoon, "Tất cả các ngày làm việc, từ 07:30 đến 16:30"},
		{noTime(rc("a", Rule{}, "")), "Khi cần thiết"},
	}
	for _, tc := range receptions {
		if got := vi.Text(tc.r.Describe()); got != tc.want {
			t.Errorf("Describe() = %q\n                want %q", got, tc.want)
		}
	}

	// The same in English.
	en := english(t)
	for _, tc := range []struct {
		r    *Reception
		want string
	}{
		{ptr(rc("a", weeklyThu, NextWorkingDay)), "Every Thursday, from 07:30 to 11:30; if it falls on a public holiday, it moves to the next working day"},
		{noTime(rc("a", thirdTue, "")), "The third Tuesday of every month"},
		{noTime(rc("a", lastFri, SkipHoliday)), "The last Friday of every month; if it falls on a public holiday, there is none"},
		{noTime(rc("a", fifthMon, "")), "The fifth Monday of every month (when the month has one)"},
		{noTime(rc("a", monthly(15), PreviousWorkingDay)), "Day 15 of every month; if it falls on a day off, it moves to the working day before"},
		{noTime(rc("a", monthly(31), "")), "Day 31 of every month (the last day of a month that has no day 31)"},
		{&afternoon, "Every working day, from 07:30 to 16:30"},
		{noTime(rc("a", Rule{}, "")), "When needed"},
	} {
		if got := en.Text(tc.r.Describe()); got != tc.want {
			t.Errorf("English Describe() = %q\n                        want %q", got, tc.want)
		}
	}
}

func ptr[T any](v T) *T { return &v }

func TestAddMonths(t *testing.T) {
	tests := []struct{ from, want time.Time }{
		{date(2026, 11, 15), date(2027, 2, 15)},
		{date(2027, 1, 31), date(2027, 2, 28)},
		{date(2028, 1, 31), date(2028, 2, 29)},
		{date(2026, 12, 31), date(2027, 1, 31)},
	}
	for i, tc := range tests {
		n := []int{3, 1, 1, 1}[i]
		if got := addMonths(tc.from, n); !got.Equal(tc.want) {
			t.Errorf("addMonths(%s, %d) = %s, want %s", day(tc.from), n, day(got), day(tc.want))
		}
	}
}

func TestClock(t *testing.T) {
	tests := []struct {
		in   any
		want string // String(), or "bad: ..." for the recorded value
	}{
		{time.Date(0, 1, 1, 7, 30, 0, 0, time.UTC), "07:30"},
		{time.Date(0, 1, 1, 7, 30, 15, 0, time.UTC), "07:30:15"},
		{"07:30", "07:30"},
		{"7:30", "07:30"},
		{"13:05:09", "13:05:09"},
		{"00:00", "00:00"},
		{"23:59:59", "23:59:59"},
		{"24:00", `bad: "24:00"`},
		{"7h30", `bad: "7h30"`},
		{"07:3", `bad: "07:3"`},
		{"07:60", `bad: "07:60"`},
		{"+7:30", `bad: "+7:30"`},
		{"07:30:00:00", `bad: "07:30:00:00"`},
		{"", `bad: ""`},
		{time.Date(2026, 11, 5, 7, 30, 0, 0, time.UTC), "bad: a date 2026-11-05"},
		{int64(730), "bad: the number 730"},
		{[]any{"07:30"}, "bad: a value that is not a time of day"},
	}
	for _, tc := range tests {
		var c Clock
		if err := c.UnmarshalTOML(tc.in); err != nil {
			t.Fatalf("UnmarshalTOML(%v) failed: %v", tc.in, err)
		}
		got := c.String()
		if c.bad != "" {
			got = "bad: " + c.bad
		}
		if got != tc.want || (c.bad != "") != c.IsZero() {
			t.Errorf("Clock(%#v) = %q (zero %v), want %q", tc.in, got, c.IsZero(), tc.want)
		}
	}
}
