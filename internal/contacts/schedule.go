package contacts

import (
	"cmp"
	"slices"
	"time"

	"github.com/congkhai/congkhai/internal/locale"
	"github.com/congkhai/congkhai/internal/tomlfile"
)

const (
	// maxShift is how many days a day off may push a reception (an
	// occurrence with no working day that close is cancelled) and how far
	// an exception may move one.
	maxShift = 60
	// maxMonths bounds Occurrences, so that any argument stays cheap.
	maxMonths = 120
)

// Occurrence is one concrete date of a reception.
type Occurrence struct {
	Reception *Reception
	Host      *Person   // nil when the host is unknown
	Date      time.Time // the day it takes place, midnight UTC
	Original  time.Time // the date the rule gives; differs from Date when moved
	Start     time.Time // Date at the start time, in Viet Nam time (UTC+07:00)
	End       time.Time
	Cancelled bool // by an exception, or because if_holiday = "skip"
	// Reason is why it moved or was cancelled: the holiday's name or the
	// exception's note; "" for a day of the month that fell on a weekend,
	// which Weekend says.
	Reason    string
	Weekend   bool
	Exception *Exception // the exception applied, if any
}

// Moved reports whether the occurrence takes place on another day than
// the rule gives.
func (o Occurrence) Moved() bool { return !o.Date.Equal(o.Original) }

// Remark says what happened to the occurrence, for pages and calendars,
// in the language of loc: "Moved from 2 September (Quốc khánh)", "No
// reception (Tết Nguyên đán)", or "" when it takes place as the rule says.
func (o Occurrence) Remark(loc *locale.Locale) string {
	var s string
	switch {
	case o.Cancelled:
		s = loc.T("No reception")
	case o.Moved():
		from := loc.DayMonth(o.Original)
		if o.Original.Year() != o.Date.Year() {
			from = loc.Date(o.Original)
		}
		s = loc.T("Moved from %s", from)
	default:
		return ""
	}
	switch {
	case o.Reason != "":
		reason := loc.NameOf(o.Reason)
		s += " (" + reason + ")"
	case o.Weekend:
		s += " (" + loc.Weekday(o.Original.Weekday()) + ")"
	}
	return s
}

// Occurrences returns every occurrence of every reception from the date of
// from (included) to the same day months calendar months later (excluded;
// the last day of that month when it is shorter), sorted by date, start
// time, host order and the order of the file. Pass the build's reference
// date (as_of or SOURCE_DATE_EPOCH), never the clock. Days off are applied
// per if_holiday, then exceptions; occurrences cancelled either way are
// included with Cancelled set, so that pages can say so. months is capped
// at 120.
func (d *Directory) Occurrences(from time.Time, months int) []Occurrence {
	if months <= 0 || from.IsZero() {
		return nil
	}
	start := tomlfile.DateOf(from).Time()
	end := addMonths(start, min(months, maxMonths))
	cal := calendarOf(d.Holidays)
	var out []Occurrence
	for i := range d.Reception {
		out = append(out, d.Reception[i].expand(start, end, cal)...)
	}
	seq := make(map[*Reception]int, len(d.Reception))
	for i := range d.Reception {
		seq[&d.Reception[i]] = i
	}
	slices.SortStableFunc(out, func(a, b Occurrence) int {
		return cmp.Or(
			a.Start.Compare(b.Start),
			hostOrder(a.Host, b.Host),
			cmp.Compare(seq[a.Reception], seq[b.Reception]),
			a.Original.Compare(b.Original),
		)
	})
	return out
}

func hostOrder(a, b *Person) int {
	oa, ob := 0, 0
	if a != nil {
		oa = a.Order
	}
	if b != nil {
		ob = b.Order
	}
	return byOrder(oa, ob)
}

// expand returns the occurrences of r whose final date is in [start, end).
func (r *Reception) expand(start, end time.Time, cal calendar) []Occurrence {
	if !r.Rule.valid() {
		return nil
	}
	// Dates up to maxShift days before or after the window may be moved
	// into it, by a day off or by an exception (validation keeps moved_to
	// within maxShift days).
	margin := 2*maxShift + 1
	loc := vietnamTime()
	var out []Occurrence
	active := map[time.Time]int{} // date → index in out of an occurrence taking place
	for _, orig := range r.Rule.dates(start.AddDate(0, 0, -margin), end.AddDate(0, 0, margin), cal) {
		o := r.place(orig, cal)
		if ex := r.exceptionFor(orig, o.Date); ex != nil {
			o.Exception, o.Reason, o.Weekend = ex, ex.Note, false
			o.Cancelled = !ex.MovedTo.Given()
			if !o.Cancelled {
				o.Date = ex.MovedTo.Time()
			}
		}
		if o.Date.Before(start) || !o.Date.Before(end) {
			continue
		}
		o.Start, o.End = r.Time.Start.on(o.Date, loc), r.Time.End.on(o.Date, loc)
		if !o.Cancelled {
			// A moved occurrence that lands on a day the reception takes
			// place anyway merges into it.
			if j, taken := active[o.Date]; taken {
				if out[j].Moved() && !o.Moved() {
					out[j] = o
				}
				continue
			}
			active[o.Date] = len(out)
		}
		out = append(out, o)
	}
	return out
}

// place applies the holiday policy to a date the rule gives.
func (r *Reception) place(orig time.Time, cal calendar) Occurrence {
	o := Occurrence{Reception: r, Host: r.HostPerson, Date: orig, Original: orig}
	if r.Rule.Freq == Workdays {
		return o // days off are not working days: nothing to move
	}
	name, off := cal[orig]
	if !off && r.Rule.Freq == MonthlyDay && weekend(orig) {
		o.Weekend, off = true, true
	}
	if !off {
		return o
	}
	o.Reason = name
	step := 0
	switch r.IfHoliday {
	case NextWorkingDay:
		step = 1
	case PreviousWorkingDay:
		step = -1
	}
	if step == 0 {
		o.Cancelled = true
		return o
	}
	if to, ok := cal.shift(orig, step); ok {
		o.Date = to
	} else {
		o.Cancelled = true
	}
	return o
}

// exceptionFor returns the exception for the date the rule gives or the
// date a day off moved it to.
func (r *Reception) exceptionFor(orig, placed time.Time) *Exception {
	for i := range r.Exceptions {
		d := r.Exceptions[i].Date
		if d.Given() && (d.Time().Equal(orig) || d.Time().Equal(placed)) {
			return &r.Exceptions[i]
		}
	}
	return nil
}

// valid reports whether the rule can produce dates.
func (r Rule) valid() bool {
	switch r.Freq {
	case Weekly:
		return r.Weekday.Valid()
	case MonthlyDay:
		return r.Day >= 1 && r.Day <= 31
	case MonthlyNthWeekday:
		return r.Weekday.Valid() && (r.Nth >= 1 && r.Nth <= 5 || r.Nth == -1)
	case Workdays:
		return true
	}
	return false
}

// dates returns the dates in [lo, hi) the rule gives, before days off are
// applied.
func (r Rule) dates(lo, hi time.Time, cal calendar) []time.Time {
	var out []time.Time
	switch r.Freq {
	case Weekly:
		wd := r.Weekday.Time()
		for d := lo.AddDate(0, 0, (int(wd)-int(lo.Weekday())+7)%7); d.Before(hi); d = d.AddDate(0, 0, 7) {
			out = append(out, d)
		}
	case Workdays:
		for d := lo; d.Before(hi); d = d.AddDate(0, 0, 1) {
			if cal.working(d) {
				out = append(out, d)
			}
		}
	case MonthlyDay, MonthlyNthWeekday:
		for m := time.Date(lo.Year(), lo.Month(), 1, 0, 0, 0, 0, time.UTC); m.Before(hi); m = m.AddDate(0, 1, 0) {
			d, ok := r.inMonth(m)
			if ok && !d.Before(lo) && d.Before(hi) {
				out = append(out, d)
			}
		}
	}
	return out
}

// inMonth returns the date of a monthly rule in the month starting at m.
func (r Rule) inMonth(m time.Time) (time.Time, bool) {
	last := m.AddDate(0, 1, -1).Day()
	if r.Freq == MonthlyDay {
		return m.AddDate(0, 0, min(r.Day, last)-1), true
	}
	wd := int(r.Weekday.Time())
	if r.Nth == -1 {
		end := m.AddDate(0, 0, last-1)
		return end.AddDate(0, 0, -((int(end.Weekday()) - wd + 7) % 7)), true
	}
	first := 1 + (wd-int(m.Weekday())+7)%7
	day := first + 7*(r.Nth-1)
	if day > last {
		return time.Time{}, false
	}
	return m.AddDate(0, 0, day-1), true
}

// calendar maps each holiday date (midnight UTC) to the holiday's name.
type calendar map[time.Time]string

// calendarOf lists the days off. Holidays that validation rejects (no
// date, a range that ends before it starts or is too long) are left out.
func calendarOf(holidays []Holiday) calendar {
	cal := calendar{}
	for _, h := range holidays {
		first, last := h.Span()
		if !first.Given() || !last.Given() || last.Before(first) || last.Time().Sub(first.Time()) > maxHolidayDays*24*time.Hour {
			continue
		}
		for d := first.Time(); !d.After(last.Time()); d = d.AddDate(0, 0, 1) {
			if _, taken := cal[d]; !taken {
				cal[d] = h.Name
			}
		}
	}
	return cal
}

// working reports whether d is a working day: Monday to Friday and not a
// holiday.
func (c calendar) working(d time.Time) bool {
	_, off := c[d]
	return !off && !weekend(d)
}

// shift returns the nearest working day after (step 1) or before (step -1)
// d, at most maxShift days away.
func (c calendar) shift(d time.Time, step int) (time.Time, bool) {
	for i := 1; i <= maxShift; i++ {
		if x := d.AddDate(0, 0, step*i); c.working(x) {
			return x, true
		}
	}
	return time.Time{}, false
}

func weekend(d time.Time) bool { return d.Weekday() == time.Saturday || d.Weekday() == time.Sunday }

// addMonths returns the same day n months later, or the last day of that
// month when it is shorter.
func addMonths(d time.Time, n int) time.Time {
	first := time.Date(d.Year(), d.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	return first.AddDate(0, 0, min(d.Day(), last)-1)
}

func absDays(d time.Duration) int {
	if d < 0 {
		d = -d
	}
	return int(d / (24 * time.Hour))
}

// vietnamTime is Viet Nam's time zone, UTC+07:00 all year (no daylight
// saving since 1975), so it needs no time zone database.
func vietnamTime() *time.Location { return time.FixedZone("ICT", 7*3600) }

// Calendar is the directory's days off, for the pages that say when a
// place is open: the same list that moves and cancels receptions.
type Calendar struct{ days calendar }

// NewCalendar returns the days off of holidays (those validation rejects
// are left out, as for receptions).
func NewCalendar(holidays []Holiday) Calendar { return Calendar{calendarOf(holidays)} }

// DayOff returns the name of the holiday on the date of d, and whether it
// is one. Weekends are not days off here: a place says itself which days
// it opens.
func (c Calendar) DayOff(d time.Time) (string, bool) {
	name, off := c.days[tomlfile.DateOf(d).Time()]
	return name, off
}
