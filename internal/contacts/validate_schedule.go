package contacts

import (
	"fmt"
	"time"

	"github.com/congkhai/congkhai/internal/msg"
	"github.com/congkhai/congkhai/internal/problem"
	"github.com/congkhai/congkhai/internal/tomlfile"
	"github.com/congkhai/congkhai/internal/vntext"
)

// maxHolidayDays is the longest holiday range accepted: Tết is at most
// about ten days, so a longer range is almost surely a mistyped year.
const maxHolidayDays = 31

// validateHolidays checks the days off: a name, one date or a range of at
// most maxHolidayDays, and no day listed twice.
func (d *Directory) validateHolidays(r reporter) {
	taken := map[time.Time]int{}
	for i := range d.Holidays {
		h := &d.Holidays[i]
		path := fmt.Sprintf("holidays[%d]", i)
		r.required(path+".name", h.Name, msg.T(`the holiday's name, such as "Quốc khánh"`))
		field := path + ".date"
		switch {
		case h.Date.Given() && (h.From.Given() || h.To.Given()):
			r.Errorf(path+".date", "give either date (one day) or from and to (a range), not both")
			continue
		case !h.Date.Given() && !h.From.Given() && !h.To.Given():
			r.Errorf(path+".date", "required: the day off, such as date = 2026-09-02, or a range from = 2027-02-05 and to = 2027-02-11")
			continue
		case !h.Date.Given() && !h.From.Given():
			r.Errorf(path+".from", "required with to: the first day off, such as 2027-02-05")
			continue
		case !h.Date.Given() && !h.To.Given():
			r.Errorf(path+".to", "required with from: the last day off, such as 2027-02-11")
			continue
		}
		const write = "write the day off, such as 2026-09-02"
		if !tomlfile.CheckEarliest(r, path+".date", h.Date, msg.T(write)) ||
			!tomlfile.CheckEarliest(r, path+".from", h.From, msg.T(write)) || !tomlfile.CheckEarliest(r, path+".to", h.To, msg.T(write)) {
			continue
		}
		if !h.Date.Given() {
			field = path + ".from"
			if h.To.Before(h.From) {
				r.Errorf(path+".to", "%s is before from %s", h.To, h.From)
				continue
			}
			if n := absDays(h.To.Time().Sub(h.From.Time())) + 1; n > maxHolidayDays {
				r.Errorf(path+".to", "makes a holiday of %d days, from %s to %s: check the year (at most %d days)", n, h.From, h.To, maxHolidayDays)
				continue
			}
		}
		first, last := h.Span()
		for x := first.Time(); !x.After(last.Time()); x = x.AddDate(0, 0, 1) {
			if j, dup := taken[x]; dup {
				r.Errorf(field, "%s is already a holiday in holidays[%d] (%q): list each day off once", day(x), j, d.Holidays[j].Name)
				break
			}
		}
		for x := first.Time(); !x.After(last.Time()); x = x.AddDate(0, 0, 1) {
			if _, dup := taken[x]; !dup {
				taken[x] = i
			}
		}
	}
}

// validateReception checks the reception rules and links each to its
// host; it needs the holidays checked first.
func (d *Directory) validateReception(r reporter) {
	cal := calendarOf(d.Holidays)
	seen := map[string]int{}
	for i := range d.Reception {
		rc := &d.Reception[i]
		path := fmt.Sprintf("reception[%d]", i)
		if r.required(path+".id", rc.ID, msg.T(`a short name in lowercase letters, digits and hyphens, such as "chu-tich-dinh-ky"`)) {
			if !vntext.IsSlug(rc.ID) {
				r.Errorf(path+".id", "%s", vntext.NotSlug(rc.ID, "chu-tich-dinh-ky"))
			} else if j, dup := seen[rc.ID]; dup {
				r.Errorf(path+".id", "%q is already the id of reception[%d]", rc.ID, j)
			}
			seen[rc.ID] = i
		}
		if r.required(path+".host", rc.Host, msg.T(`the id of the person who receives citizens, such as "chu-tich"`)) {
			rc.HostPerson = d.Person(rc.Host)
			if rc.HostPerson == nil {
				r.Errorf(path+".host", "%s", d.unknownHost(rc.Host))
			}
		}
		if err := problem.CheckVocab(rc.Kind, msg.T("a kind of reception"), ReceptionKinds()); err != nil {
			r.Errorf(path+".kind", "%v", err)
		}
		ruleOK := validateRule(r, path+".rule", rc.Rule, rc.Kind)
		validateTime(r, path+".time", rc.Time)
		r.required(path+".place", rc.Place, msg.T("where citizens come, such as the address of the citizen reception office"))
		hasRule := rc.Rule.Freq != ""
		switch {
		case rc.Rule.Freq == Workdays && rc.IfHoliday != "" && rc.IfHoliday != SkipHoliday:
			r.Errorf(path+".if_holiday", `freq = "workdays" already leaves out days off: remove if_holiday`)
		case rc.Rule.Freq == Workdays || !hasRule && rc.IfHoliday == "":
		case rc.IfHoliday == "":
			r.Errorf(path+".if_holiday", "required: what happens when a date is a day off: %s", problem.Quoted(HolidayPolicies()))
		case !rc.IfHoliday.Valid():
			r.Errorf(path+".if_holiday", "%s", problem.NotInVocab(rc.IfHoliday, msg.T("a choice"), HolidayPolicies()))
		}
		if len(rc.Exceptions) > 0 && !hasRule {
			r.Errorf(path+".exceptions", "a reception without a rule has no dates to cancel or move: give a rule or remove the exceptions")
			continue
		}
		validateExceptions(r, path, rc, cal, ruleOK && (rc.Rule.Freq == Workdays || rc.IfHoliday.Valid()))
	}
}

// unknownHost explains a host id that is not a person's.
func (d *Directory) unknownHost(id string) msg.Text {
	if len(d.People) == 0 {
		return msg.T("%q is not the id of any [[people]] entry, and the file lists none: add the person who receives citizens", id)
	}
	ids := make([]string, 0, 5)
	for i := 0; i < len(d.People) && i < 5; i++ {
		ids = append(ids, d.People[i].ID)
	}
	more := ""
	if len(d.People) > 5 {
		more = ", ..."
	}
	return msg.T("%q is not the id of any [[people]] entry: use one of %s%s", id, problem.Quoted(ids), more)
}

// validateRule checks a rule and reports whether it can produce dates.
func validateRule(r reporter, path string, rule Rule, kind ReceptionKind) bool {
	unused := func(field string, given bool) {
		if given {
			r.Errorf(path+"."+field, "is not used with freq = %q: remove it", rule.Freq)
		}
	}
	needWeekday := func() {
		switch {
		case rule.Weekday == "":
			r.Errorf(path+".weekday", "required with freq = %q: one of %s", rule.Freq, problem.Quoted(Weekdays()))
		case !rule.Weekday.Valid():
			r.Errorf(path+".weekday", "%s", problem.NotInVocab(rule.Weekday, msg.T("a weekday"), Weekdays()))
		}
	}
	switch rule.Freq {
	case "":
		if kind != ReceptionAdHoc || rule != (Rule{}) {
			r.Errorf(path+".freq", "required: use one of %s (only kind = \"dot_xuat\" may have no rule)", problem.Quoted(Freqs()))
		}
		return false
	case Weekly:
		needWeekday()
		unused("day", rule.Day != 0)
		unused("nth", rule.Nth != 0)
	case MonthlyDay:
		if rule.Day < 1 || rule.Day > 31 {
			r.Errorf(path+".day", "required with freq = \"monthly_day\": a day of the month from 1 to 31 (in a shorter month, 29 to 31 mean its last day)")
		}
		unused("weekday", rule.Weekday != "")
		unused("nth", rule.Nth != 0)
	case MonthlyNthWeekday:
		needWeekday()
		if !(rule.Nth >= 1 && rule.Nth <= 5 || rule.Nth == -1) {
			r.Errorf(path+".nth", "required with freq = \"monthly_nth_weekday\": which one in the month, 1 to 5, or -1 for the last")
		}
		unused("day", rule.Day != 0)
	case Workdays:
		unused("weekday", rule.Weekday != "")
		unused("day", rule.Day != 0)
		unused("nth", rule.Nth != 0)
	default:
		r.Errorf(path+".freq", "%s", problem.NotInVocab(rule.Freq, msg.T("a frequency"), Freqs()))
		return false
	}
	return rule.valid()
}

func validateTime(r reporter, path string, t TimeRange) {
	ok := true
	for _, f := range []struct {
		key string
		c   Clock
	}{{"start", t.Start}, {"end", t.End}} {
		switch {
		case f.c.bad != "":
			r.Errorf(path+"."+f.key, "expected a time of day such as 07:30:00 (without quotes), found %s", f.c.bad)
			ok = false
		case f.c.IsZero():
			r.Errorf(path+"."+f.key, "required: a time of day such as %s", map[string]string{"start": "07:30:00", "end": "11:30:00"}[f.key])
			ok = false
		}
	}
	if ok && !t.Start.Before(t.End) {
		r.Errorf(path+".end", "%s is not after start %s: the reception must end after it starts", t.End, t.Start)
	}
}

// validateExceptions checks the exceptions of a reception; the dates are
// checked against the rule only when checkDates (the rule is valid).
func validateExceptions(r reporter, path string, rc *Reception, cal calendar, checkDates bool) {
	seen := map[time.Time]int{}
	for j := range rc.Exceptions {
		ex := &rc.Exceptions[j]
		ep := fmt.Sprintf("%s.exceptions[%d]", path, j)
		r.required(ep+".note", ex.Note, msg.T(`why, as citizens will read it, such as "Hoãn do lãnh đạo đi công tác"`))
		if !ex.Date.Given() {
			r.Errorf(ep+".date", "required: the date of the reception that is cancelled or moved, such as 2026-12-24")
			continue
		}
		if !tomlfile.CheckEarliest(r, ep+".date", ex.Date, msg.T("write the date of the reception that is cancelled or moved, such as 2026-12-24")) {
			continue
		}
		date := ex.Date.Time()
		if k, dup := seen[date]; dup {
			r.Errorf(ep+".date", "%s is already exceptions[%d]", ex.Date, k)
		}
		seen[date] = j
		if checkDates {
			if ok, near := rc.fallsOn(date, cal); !ok {
				var hint msg.Text
				if !near.IsZero() {
					hint = msg.T(", such as %s", day(near))
				}
				r.Errorf(ep+".date", "%s is not a date of this reception (%s): give a date it falls on%s", ex.Date, rc.Rule.Describe(), hint)
			}
		}
		if !ex.MovedTo.Given() ||
			!tomlfile.CheckEarliest(r, ep+".moved_to", ex.MovedTo, msg.T("write the day the reception moves to, such as 2026-12-25, or remove moved_to to cancel the date")) {
			continue
		}
		moved := ex.MovedTo.Time()
		switch name, off := cal[moved]; {
		case moved.Equal(date):
			r.Errorf(ep+".moved_to", "is the same day as date: remove moved_to to cancel the date, or give another day")
		case absDays(moved.Sub(date)) > maxShift:
			r.Errorf(ep+".moved_to", "%s is %d days from %s: a reception moves by at most %d days: for a later date, remove moved_to to cancel this one",
				ex.MovedTo, absDays(moved.Sub(date)), ex.Date, maxShift)
		case off:
			r.Errorf(ep+".moved_to", "%s is a holiday (%s): move the reception to a working day", ex.MovedTo, name)
		case weekend(moved):
			r.Warnf(ep+".moved_to", "%s is a %s: check that the office is open", ex.MovedTo, Weekdays()[(int(moved.Weekday())+6)%7].Label())
		}
	}
}

// fallsOn reports whether date is a date the rule gives or a day off moved
// it to; otherwise it returns the nearest date the rule gives.
func (rc *Reception) fallsOn(date time.Time, cal calendar) (bool, time.Time) {
	var near time.Time
	best := -1
	for _, orig := range rc.Rule.dates(date.AddDate(0, 0, -maxShift-1), date.AddDate(0, 0, maxShift+2), cal) {
		if orig.Equal(date) || rc.place(orig, cal).Date.Equal(date) {
			return true, time.Time{}
		}
		if dist := absDays(orig.Sub(date)); best < 0 || dist < best {
			near, best = orig, dist
		}
	}
	return false, near
}
