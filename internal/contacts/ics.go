package contacts

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/congkhai/congkhai/internal/locale"
	"github.com/congkhai/congkhai/internal/msg"
)

// Options configure WriteICS and WriteVCard.
type Options struct {
	// ProdID identifies the generator, such as "-//congkhai//congkhai//VI".
	ProdID string
	// Domain is the site's host name (thudaumot.example.gov.vn); UIDs end
	// in it so that they are unique across sites.
	Domain string
	// Stamp is DTSTAMP of every event: the build's reference date, never
	// the clock, so that the same input gives the same file.
	Stamp time.Time
	// CalendarName is the calendar's name in calendar apps.
	CalendarName string
	// Locale is the language of the events and cards; nil is Vietnamese.
	Locale *locale.Locale
}

// locale returns the language of the files.
func (o Options) locale() *locale.Locale {
	return locale.OrVietnamese(o.Locale)
}

// TZID is the time zone of every event: Viet Nam, UTC+07:00 all year.
const TZID = "Asia/Ho_Chi_Minh"

// WriteICS writes events as one iCalendar file (RFC 5545) that calendar
// apps import or subscribe to: METHOD:PUBLISH, a VTIMEZONE for Viet Nam,
// and one VEVENT per occurrence in the order given. A cancelled occurrence
// is written with STATUS:CANCELLED, so that subscribers drop it. The UID of
// an event is its reception's id and the date its rule gives
// (chu-tich-dinh-ky-20261105@Domain), so an event moved by a day off keeps
// its UID and calendar apps update it in place.
func WriteICS(w io.Writer, events []Occurrence, o Options) error {
	if err := o.check(true); err != nil {
		return err
	}
	var c contentLines
	c.prop("BEGIN", "VCALENDAR")
	c.prop("VERSION", "2.0")
	c.prop("PRODID", escapeText(o.ProdID))
	c.prop("CALSCALE", "GREGORIAN")
	c.prop("METHOD", "PUBLISH")
	if o.CalendarName != "" {
		c.prop("NAME", escapeText(o.CalendarName))
		c.prop("X-WR-CALNAME", escapeText(o.CalendarName))
	}
	c.prop("X-WR-TIMEZONE", TZID)
	c.prop("BEGIN", "VTIMEZONE")
	c.prop("TZID", TZID)
	c.prop("BEGIN", "STANDARD")
	c.prop("DTSTART", "19700101T000000")
	c.prop("TZOFFSETFROM", "+0700")
	c.prop("TZOFFSETTO", "+0700")
	c.prop("TZNAME", "ICT")
	c.prop("END", "STANDARD")
	c.prop("END", "VTIMEZONE")
	stamp := o.Stamp.UTC().Format("20060102T150405Z")
	lang := o.locale()
	uids := make(map[string]bool, len(events))
	for i, e := range events {
		if e.Reception == nil {
			return msg.Errorf("ics: event %d has no reception", i)
		}
		uid := fmt.Sprintf("%s-%s@%s", e.Reception.ID, e.Original.Format("20060102"), o.Domain)
		if uids[uid] {
			return msg.Errorf("ics: two events have the UID %s", uid)
		}
		uids[uid] = true
		c.prop("BEGIN", "VEVENT")
		c.prop("UID", escapeText(uid))
		c.prop("DTSTAMP", stamp)
		if e.End.After(e.Start) {
			loc := vietnamTime()
			c.prop("DTSTART;TZID="+TZID, e.Start.In(loc).Format("20060102T150405"))
			c.prop("DTEND;TZID="+TZID, e.End.In(loc).Format("20060102T150405"))
		} else {
			c.prop("DTSTART;VALUE=DATE", e.Date.Format("20060102"))
		}
		c.prop("SUMMARY", escapeText(e.summary(lang)))
		if e.Reception.Place != "" {
			c.prop("LOCATION", escapeText(e.Reception.Place))
		}
		c.prop("DESCRIPTION", escapeText(e.description(lang)))
		if e.Cancelled {
			c.prop("STATUS", "CANCELLED")
		} else {
			c.prop("STATUS", "CONFIRMED")
		}
		c.prop("END", "VEVENT")
	}
	c.prop("END", "VCALENDAR")
	_, err := io.WriteString(w, c.String())
	return err
}

// summary is the event's title: "Scheduled citizen reception: Chủ tịch
// Nguyễn Văn An", prefixed with "[No reception] " when cancelled.
func (e Occurrence) summary(loc *locale.Locale) string {
	k := e.Reception.Kind.Label()
	if k.IsZero() {
		k = msg.T("Citizen reception")
	}
	s := loc.Text(k)
	if e.Host != nil {
		s += ": " + strings.TrimSpace(loc.NameOf(e.Host.Position)+" "+e.Host.FullName)
	}
	if e.Cancelled {
		s = loc.T("[No reception] %s", s)
	}
	return s
}

// description says what changed, the rule, the host and the note, one per
// line.
func (e Occurrence) description(loc *locale.Locale) string {
	var lines []string
	if r := e.Remark(loc); r != "" {
		lines = append(lines, r)
	}
	lines = append(lines, loc.Text(e.Reception.Describe()))
	if h := e.Host; h != nil {
		who := strings.TrimSpace(loc.NameOf(h.Position) + " " + h.FullName)
		if h.Organization != "" {
			who += ", " + loc.NameOf(h.Organization)
		}
		lines = append(lines, loc.T("Received by: %s", who))
	}
	if e.Reception.Note != "" {
		lines = append(lines, e.Reception.Note)
	}
	return strings.Join(lines, "\n")
}

// check reports options that would make an invalid or unstable file.
func (o Options) check(calendar bool) error {
	switch {
	case strings.TrimSpace(o.ProdID) == "":
		return msg.Errorf("directory: Options.ProdID is required")
	case o.Domain == "" || strings.IndexFunc(o.Domain, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '-' || r == ':')
	}) >= 0:
		return msg.Errorf("directory: Options.Domain %q must be a host name such as example.gov.vn", o.Domain)
	case calendar && o.Stamp.IsZero():
		return msg.Errorf("directory: Options.Stamp is required: the build's reference date")
	}
	return nil
}
