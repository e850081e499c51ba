package contacts

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/congkhai/congkhai/internal/boundtest"
	"github.com/congkhai/congkhai/internal/locale"
	"github.com/congkhai/congkhai/internal/problem"
)

// FuzzLoad feeds arbitrary bytes to the loader as data/danh-ba.toml (Parse
// is Load without reading the file). Whatever the input: no panic, every
// problem names the file, an accepted directory has no error, and what it
// renders (occurrences, iCalendar, vCards, descriptions) is well formed.
func FuzzLoad(f *testing.F) {
	example, err := os.ReadFile("testdata/danh-ba.toml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(example)
	f.Add([]byte(strings.ReplaceAll(string(example), "\n", "\r\n")))
	f.Add([]byte("updated = 2026-10-20\n" + person + reception))
	f.Add([]byte("updated = 2026-10-20\n" + person + "  [[people.phones]]\n  kind = \"di_dong\"\n  number = \"0912 345 678\"\n"))
	f.Add([]byte("updated = 2026-10-20\n[[holidays]]\nfrom = 2027-02-05\nto = 2027-02-11\nname = \"Tết\"\n" + person +
		strings.Replace(reception, `rule = { freq = "weekly", weekday = "thu_nam" }`, `rule = { freq = "monthly_nth_weekday", nth = -1, weekday = "thu_nam" }`, 1) +
		"  [[reception.exceptions]]\n  date = 2027-02-25\n  moved_to = 2027-02-26\n  note = \"x\"\n"))
	f.Add([]byte("updated = 2026-10-20\n" + person + strings.Replace(reception, "end = 11:30:00", `end = "7h"`, 1)))
	f.Add([]byte("updated = \"x\"\n[[people]]\nid = 5\n"))
	f.Add([]byte("[[reception]]\nrule = { freq = \"monthly_day\", day = 31 }\ntime = { start = 23:59:59, end = 00:00:00 }\n"))
	f.Add([]byte("updated = 2026-10-20\n# 079 123 456 789\n\xff"))
	f.Fuzz(func(t *testing.T, src []byte) {
		var l problem.List
		var d *Directory
		boundtest.Check(t, len(src), func() { d = Parse(FileName, src, &l) })
		for _, p := range l.Sorted() {
			if p.File != FileName || p.Line < 0 || p.Message == "" {
				t.Fatalf("problem without a file, line or message: %#v", p)
			}
		}
		if d == nil {
			if l.Errors() == 0 {
				t.Fatalf("no directory and no error")
			}
			return
		}
		if l.Errors() != 0 {
			t.Fatalf("a directory with errors: %v", l.Err())
		}
		d.Groups()
		d.HotlinePeople()
		vi := locale.Vietnamese()
		for i := range d.Reception {
			vi.Text(d.Reception[i].Describe())
		}
		updated := d.Updated.Time()
		occ := d.Occurrences(updated, 3)
		end := addMonths(updated, 3)
		for i, o := range occ {
			if o.Date.Before(updated) || !o.Date.Before(end) {
				t.Fatalf("occurrence %s outside [%s, %s)", day(o.Date), day(updated), day(end))
			}
			if i > 0 && o.Start.Before(occ[i-1].Start) {
				t.Fatalf("occurrences not sorted at %d", i)
			}
			if !o.Cancelled && o.Reception.Rule.Freq != Workdays && !calendarOf(d.Holidays).working(o.Date) && o.Exception == nil &&
				(o.Moved() || o.Reception.Rule.Freq == MonthlyDay) {
				t.Fatalf("occurrence moved to or left on a day off: %s", day(o.Date))
			}
			o.Remark(vi)
		}
		var buf bytes.Buffer
		if err := WriteICS(&buf, occ, icsOptions); err != nil {
			t.Fatalf("WriteICS: %v", err)
		}
		parseContentLines(t, buf.Bytes())
		for i := range d.People {
			buf.Reset()
			if err := WriteVCard(&buf, &d.People[i], icsOptions); err != nil {
				t.Fatalf("WriteVCard: %v", err)
			}
			parseContentLines(t, buf.Bytes())
		}
	})
}
