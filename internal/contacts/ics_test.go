package contacts

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"
)

// icsOptions are the options of the golden calendar.
var icsOptions = Options{
	ProdID:       "-//congkhai//congkhai//VI",
	Domain:       "thudaumot.example.gov.vn",
	Stamp:        time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC),
	CalendarName: "Lịch tiếp công dân, phường Thủ Dầu Một",
}

func TestWriteICSGolden(t *testing.T) {
	d := exampleDirectory(t)
	// From 15 December for a month: an exception that moves a date, New
	// Year's Day moved by one rule and skipped by another, a cancelled date
	// and every working day.
	occ := d.Occurrences(time.Date(2026, 12, 15, 0, 0, 0, 0, time.UTC), 1)
	var buf bytes.Buffer
	if err := WriteICS(&buf, occ, icsOptions); err != nil {
		t.Fatal(err)
	}
	golden(t, "lich-tiep-cong-dan.ics", buf.Bytes())
	props := parseContentLines(t, buf.Bytes())

	calendar := map[string]string{}
	events := map[string][]map[string]string{} // UID → properties of each event with it
	var cur map[string]string
	for _, p := range props {
		switch p.parent {
		case "VCALENDAR":
			calendar[p.name] = p.value
		case "VEVENT":
			if p.name == "UID" {
				cur = map[string]string{}
				events[p.value] = append(events[p.value], cur)
			}
			if cur == nil {
				t.Fatalf("VEVENT property %s before its UID", p.name)
			}
			cur[p.name] = p.value
		}
	}
	for name, want := range map[string]string{
		"VERSION": "2.0", "PRODID": "-//congkhai//congkhai//VI", "CALSCALE": "GREGORIAN", "METHOD": "PUBLISH",
		"X-WR-CALNAME": `Lịch tiếp công dân\, phường Thủ Dầu Một`, "NAME": `Lịch tiếp công dân\, phường Thủ Dầu Một`,
		"X-WR-TIMEZONE": "Asia/Ho_Chi_Minh",
	} {
		if calendar[name] != want {
			t.Errorf("calendar %s = %q, want %q", name, calendar[name], want)
		}
	}
	if !strings.Contains(buf.String(), "BEGIN:VTIMEZONE\r\nTZID:Asia/Ho_Chi_Minh\r\nBEGIN:STANDARD\r\n") ||
		!strings.Contains(buf.String(), "TZOFFSETFROM:+0700\r\nTZOFFSETTO:+0700\r\n") {
		t.Errorf("no VTIMEZONE for Asia/Ho_Chi_Minh at +07:00")
	}
	if len(events) != len(occ) {
		t.Fatalf("%d distinct UIDs for %d occurrences", len(events), len(occ))
	}
	for uid, evs := range events {
		if len(evs) != 1 {
			t.Errorf("UID %s is used %d times", uid, len(evs))
		}
		e := evs[0]
		if !strings.HasSuffix(uid, "@thudaumot.example.gov.vn") {
			t.Errorf("UID %s is not at the domain", uid)
		}
		for _, req := range []string{"DTSTAMP", "DTSTART;TZID=Asia/Ho_Chi_Minh", "DTEND;TZID=Asia/Ho_Chi_Minh", "SUMMARY", "LOCATION", "DESCRIPTION", "STATUS"} {
			if e[req] == "" {
				t.Errorf("event %s has no %s", uid, req)
			}
		}
		if e["DTSTAMP"] != "20261101T000000Z" {
			t.Errorf("event %s DTSTAMP = %s, want the reference date", uid, e["DTSTAMP"])
		}
		if e["DTEND;TZID=Asia/Ho_Chi_Minh"] <= e["DTSTART;TZID=Asia/Ho_Chi_Minh"] {
			t.Errorf("event %s ends before it starts", uid)
		}
	}

	// The events the window holds, by UID.
	checks := []struct{ uid, prop, want string }{
		{"chu-tich-dinh-ky-20261225", "DTSTART;TZID=Asia/Ho_Chi_Minh", "20261224T073000"},
		{"chu-tich-dinh-ky-20261225", "DESCRIPTION", `Chuyển từ 25/12 (Chủ tịch dự họp Hội đồng nhân dân thành phố ngày 25/12)\n` +
			`Thứ Sáu hằng tuần\, từ 07:30 đến 11:30\; nếu trùng ngày nghỉ lễ\, Tết thì tiếp vào ngày làm việc tiếp theo\n` +
			`Người tiếp: Chủ tịch Nguyễn Văn An\, Ủy ban nhân dân phường Thủ Dầu Một\n` +
			`Công dân mang theo giấy tờ tùy thân và tài liệu liên quan.`},
		{"chu-tich-dinh-ky-20270101", "DTSTART;TZID=Asia/Ho_Chi_Minh", "20270104T073000"},
		{"chu-tich-dinh-ky-20270101", "STATUS", "CONFIRMED"},
		{"chu-tich-dinh-ky-20270108", "STATUS", "CANCELLED"},
		{"chu-tich-dinh-ky-20270108", "SUMMARY", "[Không tiếp] Tiếp công dân định kỳ: Chủ tịch Nguyễn Văn An"},
		{"bi-thu-dau-thang-20270101", "STATUS", "CANCELLED"},
		{"bi-thu-dau-thang-20270101", "DTEND;TZID=Asia/Ho_Chi_Minh", "20270101T163000"},
		{"pho-chu-tich-hang-thang-20261215", "SUMMARY", "Tiếp công dân định kỳ: Phó Chủ tịch Trần Thị Minh Khai"},
		{"thuong-xuyen-20261231", "LOCATION", `Trụ sở tiếp công dân phường\, 01 Đường Quang Trung`},
	}
	for _, c := range checks {
		evs := events[c.uid+"@thudaumot.example.gov.vn"]
		if len(evs) == 0 {
			t.Errorf("no event %s", c.uid)
			continue
		}
		if got := evs[0][c.prop]; got != c.want {
			t.Errorf("%s %s\n got: %s\nwant: %s", c.uid, c.prop, got, c.want)
		}
	}
	if _, ok := events["thuong-xuyen-20270101@thudaumot.example.gov.vn"]; ok {
		t.Errorf("regular reception on New Year's Day")
	}
}

func TestWriteICSDeterministic(t *testing.T) {
	d := exampleDirectory(t)
	var a, b bytes.Buffer
	from := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	if err := WriteICS(&a, d.Occurrences(from, 3), icsOptions); err != nil {
		t.Fatal(err)
	}
	if err := WriteICS(&b, exampleDirectory(t).Occurrences(from, 3), icsOptions); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Errorf("two writes differ")
	}
	parseContentLines(t, a.Bytes())
}

func TestWriteICSEmpty(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteICS(&buf, nil, Options{ProdID: "-//x//y//VI", Domain: "example.vn", Stamp: icsOptions.Stamp}); err != nil {
		t.Fatal(err)
	}
	props := parseContentLines(t, buf.Bytes())
	for _, p := range props {
		if p.name == "X-WR-CALNAME" || p.parent == "VEVENT" {
			t.Errorf("unexpected %s in an empty calendar without a name", p.name)
		}
	}
}

func TestWriteICSErrors(t *testing.T) {
	r := &Reception{ID: "a"}
	occ := Occurrence{Reception: r, Date: date(2026, 11, 5), Original: date(2026, 11, 5)}
	tests := []struct {
		name   string
		events []Occurrence
		o      Options
		want   string
	}{
		{"no ProdID", nil, Options{Domain: "example.vn", Stamp: icsOptions.Stamp}, "directory: Options.ProdID is required"},
		{"no domain", nil, Options{ProdID: "x", Stamp: icsOptions.Stamp}, `directory: Options.Domain "" must be a host name such as example.gov.vn`},
		{"bad domain", nil, Options{ProdID: "x", Domain: "a b", Stamp: icsOptions.Stamp}, `directory: Options.Domain "a b" must be a host name such as example.gov.vn`},
		{"no stamp", nil, Options{ProdID: "x", Domain: "example.vn"}, "directory: Options.Stamp is required: the build's reference date"},
		{"no reception", []Occurrence{{}}, icsOptions, "ics: event 0 has no reception"},
		{"same UID twice", []Occurrence{occ, occ}, icsOptions, "ics: two events have the UID a-20261105@thudaumot.example.gov.vn"},
	}
	for _, tc := range tests {
		if err := WriteICS(&bytes.Buffer{}, tc.events, tc.o); err == nil || err.Error() != tc.want {
			t.Errorf("%s: error %v, want %s", tc.name, err, tc.want)
		}
	}
	// An occurrence without hours is an all-day event.
	var buf bytes.Buffer
	if err := WriteICS(&buf, []Occurrence{occ}, icsOptions); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "\r\nDTSTART;VALUE=DATE:20261105\r\n") {
		t.Errorf("no all-day DTSTART in\n%s", buf.String())
	}
	if err := WriteICS(failingWriter{}, nil, icsOptions); err == nil {
		t.Errorf("a write error was not returned")
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }
