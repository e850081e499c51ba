package contacts

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/congkhai/congkhai/internal/msg"
)

// Clock is a time of day, written in TOML as a local time (start =
// 07:30:00) or as text ("07:30", "7:30"). Decoding never fails: a value
// that is not a time of day is kept and reported by validation with its
// field path and line.
type Clock struct {
	sec int    // seconds since midnight
	set bool   // a time of day was given
	bad string // what was given instead, when it is not a time of day
}

// NewClock returns the time of day h:m.
func NewClock(h, m int) Clock { return Clock{sec: h*3600 + m*60, set: true} }

// UnmarshalTOML implements toml.Unmarshaler.
func (c *Clock) UnmarshalTOML(v any) error {
	*c = Clock{}
	switch x := v.(type) {
	case time.Time:
		if x.Year() != 0 || x.Month() != 1 || x.Day() != 1 {
			c.bad = "a date " + x.Format("2006-01-02")
			return nil
		}
		c.sec, c.set = x.Hour()*3600+x.Minute()*60+x.Second(), true
	case string:
		if sec, ok := parseClock(x); ok {
			c.sec, c.set = sec, true
		} else {
			c.bad = fmt.Sprintf("%q", x)
		}
	case int64:
		c.bad = "the number " + strconv.FormatInt(x, 10)
	default:
		c.bad = "a value that is not a time of day"
	}
	return nil
}

// parseClock reads H:MM, HH:MM or HH:MM:SS.
func parseClock(s string) (int, bool) {
	parts := strings.Split(s, ":")
	if len(parts) < 2 || len(parts) > 3 || len(parts[0]) < 1 || len(parts[0]) > 2 {
		return 0, false
	}
	limits := []int{23, 59, 59}
	sec := 0
	for i, p := range parts {
		if i > 0 && len(p) != 2 {
			return 0, false
		}
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 || n > limits[i] || strings.ContainsAny(p, "+-") {
			return 0, false
		}
		sec = sec*60 + n
	}
	if len(parts) == 2 {
		sec *= 60
	}
	return sec, true
}

// IsZero reports whether no time of day was given.
func (c Clock) IsZero() bool { return !c.set }

// Hour, Minute and Second return the parts of the time of day.
func (c Clock) Hour() int   { return c.sec / 3600 }
func (c Clock) Minute() int { return c.sec / 60 % 60 }
func (c Clock) Second() int { return c.sec % 60 }

// Before reports whether c is earlier in the day than d.
func (c Clock) Before(d Clock) bool { return c.sec < d.sec }

// String is "07:30", or "07:30:15" when seconds were given.
func (c Clock) String() string {
	if !c.set {
		return ""
	}
	if c.Second() != 0 {
		return fmt.Sprintf("%02d:%02d:%02d", c.Hour(), c.Minute(), c.Second())
	}
	return fmt.Sprintf("%02d:%02d", c.Hour(), c.Minute())
}

// on returns the time of day on date d in zone loc.
func (c Clock) on(d time.Time, loc *time.Location) time.Time {
	return time.Date(d.Year(), d.Month(), d.Day(), c.Hour(), c.Minute(), c.Second(), 0, loc)
}

// Problem returns the error of a time of day that another file requires
// (a reception point's opening hours): one that is not a time of day, or
// none given; example is what the message suggests, such as 07:30:00.
func (c Clock) Problem(example string) error {
	switch {
	case c.bad != "":
		return msg.Errorf("expected a time of day such as 07:30:00 (without quotes), found %s", c.bad)
	case !c.set:
		return msg.Errorf("required: a time of day such as %s", example)
	}
	return nil
}
