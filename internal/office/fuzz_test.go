package office

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/congkhai/congkhai/internal/boundtest"
	"github.com/congkhai/congkhai/internal/contacts"
	"github.com/congkhai/congkhai/internal/locale"
	"github.com/congkhai/congkhai/internal/problem"
	"github.com/congkhai/congkhai/internal/tomlfile"
)

// FuzzParse feeds arbitrary bytes to the parser as data/diem-tiep-nhan.toml.
// Whatever the input: no panic, within the bounds of boundtest, every
// problem names the file, and an accepted file has no error and gives
// every point a week of seven days from Monday.
func FuzzParse(f *testing.F) {
	example, err := os.ReadFile("testdata/diem-tiep-nhan.toml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(example)
	f.Add([]byte(strings.ReplaceAll(string(example), "\n", "\r\n")))
	f.Add([]byte(point))
	f.Add([]byte(strings.Replace(point, "close = 11:30:00", `close = "7h"`, 1)))
	f.Add([]byte(strings.Replace(point, "step_free = true", "step_free = 1", 1)))
	f.Add([]byte("updated = \"x\"\n[[points]]\nid = 5\n[[points.hours]]\ndays = [1]\n"))
	f.Add([]byte("updated = 2026-10-20\n# 079 123 456 789\n\xff"))
	cal := contacts.NewCalendar([]contacts.Holiday{{Date: tomlfile.NewDate(2026, 11, 2), Name: "x"}})
	f.Fuzz(func(t *testing.T, src []byte) {
		var l problem.List
		var file *File
		boundtest.Check(t, len(src), func() { file = Parse(FileName, src, &l) })
		for _, p := range l.Sorted() {
			if p.File != FileName || p.Line < 0 || p.Message == "" {
				t.Fatalf("problem without a file, line or message: %#v", p)
			}
		}
		if file == nil {
			return
		}
		if l.Errors() > 0 {
			t.Fatalf("accepted with errors: %v", l.Sorted())
		}
		for i := range file.Points {
			week := file.Points[i].Week(day(2026, 11, 4), cal, locale.Vietnamese())
			if len(week) != 7 || week[0].Date.Weekday() != time.Monday || !week[2].Today || week[0].Open() {
				t.Fatalf("week of %s: %+v", file.Points[i].ID, week)
			}
		}
	})
}
