// Package office holds data/diem-tiep-nhan.toml: the places where citizens
// hand in dossiers (the one-stop counters and public-administration
// service centres), when each is open, what it receives, how to book a
// turn and how it serves people with disabilities. Its hours are read
// with the directory's weekdays and times of day, and its days off are the
// directory's holidays (contacts.Calendar).
package office

import (
	"time"

	"github.com/congkhai/congkhai/internal/contacts"
	"github.com/congkhai/congkhai/internal/contacts/phone"
	"github.com/congkhai/congkhai/internal/locale"
	"github.com/congkhai/congkhai/internal/msg"
	"github.com/congkhai/congkhai/internal/tomlfile"
	"github.com/congkhai/congkhai/internal/vntext"
)

// FileName is the file of reception points, relative to the site folder.
const FileName = "data/diem-tiep-nhan.toml"

// File is data/diem-tiep-nhan.toml.
type File struct {
	Updated tomlfile.Date `toml:"updated"` // when the data was last checked
	Points  []Point       `toml:"points"`

	doc *tomlfile.Doc // for the lines of problems found in the check stage
}

// Point is one place that receives dossiers.
type Point struct {
	ID         string         `toml:"id"` // its page is /diem-tiep-nhan/<id>/
	Name       string         `toml:"name"`
	Address    string         `toml:"address"`
	Phone      string         `toml:"phone"`
	Email      contacts.Email `toml:"email"`
	BookingURL string         `toml:"booking_url"` // a queue ticket or an appointment, online
	MapURL     string         `toml:"map_url"`     // a map service's page of the place: a link, never an embed
	// Fields and Procedures are what it receives: every procedure of a
	// field (as procedures write it), and procedures by code.
	Fields        []string      `toml:"fields"`
	Procedures    []string      `toml:"procedures"`
	Hours         []Hours       `toml:"hours"`
	Accessibility Accessibility `toml:"accessibility"`
	Note          string        `toml:"note"`

	Tel phone.Number `toml:"-"` // Phone, parsed
}

// Hours is one opening time of some weekdays: days = ["thu_hai", …],
// open = 07:30:00, close = 11:30:00. A day may have several (morning and
// afternoon).
type Hours struct {
	Days  []contacts.Weekday `toml:"days"`
	Open  contacts.Clock     `toml:"open"`
	Close contacts.Clock     `toml:"close"`
}

// Accessibility is what the place offers people with disabilities, the
// elderly and pregnant women. Every feature is required, true or false:
// a feature left out would read as one the place lacks, or has.
type Accessibility struct {
	StepFree          *bool  `toml:"step_free"`          // entrance without steps, or a ramp
	WheelchairCounter *bool  `toml:"wheelchair_counter"` // a low counter a wheelchair user can reach
	AccessibleToilet  *bool  `toml:"accessible_toilet"`
	HearingLoop       *bool  `toml:"hearing_loop"`
	SignLanguage      *bool  `toml:"sign_language"` // an interpreter on request
	ReaderHelp        *bool  `toml:"reader_help"`   // staff who read and fill in forms on request
	Priority          *bool  `toml:"priority"`      // served first: elderly, pregnant and disabled people
	Note              string `toml:"note"`          // how to ask for the help on request
}

// Feature is one accessibility feature as a page shows it.
type Feature struct {
	Key   string // the TOML key, for problems and CSS
	Label msg.Text
	Has   bool
}

// Features lists the accessibility features in a fixed order.
func (a Accessibility) Features() []Feature {
	f := func(key string, label msg.Text, v *bool) Feature {
		return Feature{Key: key, Label: label, Has: v != nil && *v}
	}
	return []Feature{
		f("step_free", msg.T("Step-free entrance for wheelchairs: level or with a ramp"), a.StepFree),
		f("wheelchair_counter", msg.T("A low reception counter that wheelchair users can reach"), a.WheelchairCounter),
		f("accessible_toilet", msg.T("Accessible toilet"), a.AccessibleToilet),
		f("hearing_loop", msg.T("Hearing loop for hearing aids"), a.HearingLoop),
		f("sign_language", msg.T("Sign language interpreting on request"), a.SignLanguage),
		f("reader_help", msg.T("Staff who read forms aloud and help fill them in, on request"), a.ReaderHelp),
		f("priority", msg.T("Priority for older people, pregnant women and disabled people"), a.Priority),
	}
}

// Point returns the point with the id, or nil.
func (f *File) Point(id string) *Point {
	for i := range f.Points {
		if f.Points[i].ID == id {
			return &f.Points[i]
		}
	}
	return nil
}

// For returns the points that receive the procedure with code in field,
// in the order of the file.
func (f *File) For(code, field string) []*Point {
	if f == nil {
		return nil
	}
	var out []*Point
	want := vntext.Fold(field)
	for i := range f.Points {
		p := &f.Points[i]
		if p.receives(code, want) {
			out = append(out, p)
		}
	}
	return out
}

func (p *Point) receives(code, foldedField string) bool {
	for _, c := range p.Procedures {
		if c == code {
			return true
		}
	}
	for _, fl := range p.Fields {
		if foldedField != "" && vntext.Fold(fl) == foldedField {
			return true
		}
	}
	return false
}

// Day is one day of a point's week as pages show it.
type Day struct {
	Date    time.Time
	Weekday string // "Thứ Hai", "Monday"
	Text    string // "02/11/2026", "2 November 2026"
	Today   bool   // the build's reference date
	Hours   string // "07:30–11:30, 13:30–17:00"; "" when closed
	Holiday string // the day off's name, when it is one
	// dayMonth is the date without its year, "02/11", "2 November".
	dayMonth string
}

// Open reports whether the place opens on the day.
func (d Day) Open() bool { return d.Hours != "" }

// On returns the day of date for the point, written in the language of
// loc: its hours, or closed for a weekday without hours or a day off of
// cal.
func (p *Point) On(date time.Time, cal contacts.Calendar, loc *locale.Locale) Day {
	date = tomlfile.DateOf(date).Time()
	d := Day{Date: date, Weekday: loc.Weekday(date.Weekday()), Text: loc.Date(date), dayMonth: loc.DayMonth(date)}
	if name, off := cal.DayOff(date); off {
		d.Holiday = loc.NameOf(name)
		return d
	}
	for _, h := range p.Hours {
		for _, w := range h.Days {
			if w.Time() == date.Weekday() {
				if d.Hours != "" {
					d.Hours += ", "
				}
				d.Hours += h.Open.String() + "–" + h.Close.String()
			}
		}
	}
	return d
}

// Week returns the seven days, Monday to Sunday, of the week that holds
// today (the build's reference date, never the clock), with today marked.
func (p *Point) Week(today time.Time, cal contacts.Calendar, loc *locale.Locale) []Day {
	today = tomlfile.DateOf(today).Time()
	monday := today.AddDate(0, 0, -((int(today.Weekday()) + 6) % 7))
	days := make([]Day, 7)
	for i := range days {
		days[i] = p.On(monday.AddDate(0, 0, i), cal, loc)
		days[i].Today = days[i].Date.Equal(today)
	}
	return days
}

// Stretch is days in a row of a week that keep the same hours (or are
// closed for the same reason): what a procedure page shows of the week.
type Stretch struct {
	First, Last Day
}

// Days writes the stretch's weekdays and dates: "Thứ Hai – Thứ Sáu
// (26/10 – 30/10/2026)", or one day's.
func (s Stretch) Days() string {
	if s.First.Date.Equal(s.Last.Date) {
		return s.First.Weekday + " (" + s.First.Text + ")"
	}
	return s.First.Weekday + " – " + s.Last.Weekday + " (" + s.First.dayMonth + " – " + s.Last.Text + ")"
}

// Stretches groups the days of week that follow each other with the same
// hours and the same day off.
func Stretches(week []Day) []Stretch {
	var out []Stretch
	for _, d := range week {
		if n := len(out); n > 0 && out[n-1].Last.Hours == d.Hours && out[n-1].Last.Holiday == d.Holiday {
			out[n-1].Last = d
			continue
		}
		out = append(out, Stretch{First: d, Last: d})
	}
	return out
}
