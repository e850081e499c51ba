package office

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/congkhai/congkhai/internal/contacts"
	"github.com/congkhai/congkhai/internal/i18n"
	"github.com/congkhai/congkhai/internal/locale"
	"github.com/congkhai/congkhai/internal/problem"
	"github.com/congkhai/congkhai/internal/tomlfile"
)

func parse(t *testing.T, src string) (*File, []string) {
	t.Helper()
	var l problem.List
	f := Parse(FileName, []byte(src), &l)
	var got []string
	for _, p := range l.Sorted() {
		got = append(got, p.String())
	}
	return f, got
}

func example(t *testing.T) *File {
	t.Helper()
	src, err := os.ReadFile("testdata/diem-tiep-nhan.toml")
	if err != nil {
		t.Fatal(err)
	}
	f, got := parse(t, string(src))
	if f == nil || len(got) > 0 {
		t.Fatalf("example: %v", got)
	}
	return f
}

func day(y int, m time.Month, d int) time.Time { return tomlfile.NewDate(y, m, d).Time() }

func TestParseExample(t *testing.T) {
	f := example(t)
	if len(f.Points) != 2 || f.Point("cong-an-phuong") != &f.Points[1] || f.Point("x") != nil {
		t.Fatalf("points = %d", len(f.Points))
	}
	p := &f.Points[0]
	if p.Tel.Display() != "0274 3800 200" || p.Email != "tthcc.thudaumot@example.gov.vn" {
		t.Errorf("phone, email = %v, %v", p.Tel, p.Email)
	}
	if got := f.For("1.001193", "Hộ tịch"); len(got) != 1 || got[0] != p {
		t.Errorf("For(hộ tịch) = %v", got)
	}
	// Fields match without regard to case or marks written another way.
	if got := f.For("1.004222", "đăng ký, quản lý cư trú"); len(got) != 1 || got[0] != &f.Points[1] {
		t.Errorf("For(cư trú) = %v", got)
	}
	if got := f.For("3.000333", "Lý lịch tư pháp"); got != nil {
		t.Errorf("For(lý lịch tư pháp) = %v, want none", got)
	}
	var none *File
	if none.For("1.001193", "Hộ tịch") != nil {
		t.Error("a site without reception points has points")
	}
}

// TestWeek: the week of the build's date, Monday to Sunday, with morning
// and afternoon hours, Saturday morning, Sunday closed, and the
// directory's days off closing the place with their name.
func TestWeek(t *testing.T) {
	p := &example(t).Points[0]
	cal := contacts.NewCalendar([]contacts.Holiday{
		{Date: tomlfile.NewDate(2027, 1, 1), Name: "Tết Dương lịch"},
		{From: tomlfile.NewDate(2027, 2, 4), To: tomlfile.NewDate(2027, 2, 10), Name: "Tết Nguyên đán"},
	})
	tests := []struct {
		today time.Time
		want  []string // weekday text: hours or holiday, "*" marks today
	}{
		{day(2026, 11, 1), []string{
			"Thứ Hai 26/10/2026 07:30–11:30, 13:30–17:00", "Thứ Ba 27/10/2026 07:30–11:30, 13:30–17:00",
			"Thứ Tư 28/10/2026 07:30–11:30, 13:30–17:00", "Thứ Năm 29/10/2026 07:30–11:30, 13:30–17:00",
			"Thứ Sáu 30/10/2026 07:30–11:30, 13:30–17:00", "Thứ Bảy 31/10/2026 07:30–11:30",
			"Chủ nhật 01/11/2026 *"}},
		{day(2026, 12, 30), []string{
			"Thứ Hai 28/12/2026 07:30–11:30, 13:30–17:00", "Thứ Ba 29/12/2026 07:30–11:30, 13:30–17:00",
			"Thứ Tư 30/12/2026 07:30–11:30, 13:30–17:00 *", "Thứ Năm 31/12/2026 07:30–11:30, 13:30–17:00",
			"Thứ Sáu 01/01/2027 nghỉ Tết Dương lịch", "Thứ Bảy 02/01/2027 07:30–11:30", "Chủ nhật 03/01/2027"}},
		{day(2027, 2, 8), []string{
			"Thứ Hai 08/02/2027 nghỉ Tết Nguyên đán *", "Thứ Ba 09/02/2027 nghỉ Tết Nguyên đán",
			"Thứ Tư 10/02/2027 nghỉ Tết Nguyên đán", "Thứ Năm 11/02/2027 07:30–11:30, 13:30–17:00",
			"Thứ Sáu 12/02/2027 07:30–11:30, 13:30–17:00", "Thứ Bảy 13/02/2027 07:30–11:30", "Chủ nhật 14/02/2027"}},
	}
	for _, tc := range tests {
		week := p.Week(tc.today, cal, locale.Vietnamese())
		var got []string
		for _, d := range week {
			s := d.Weekday + " " + d.Text
			if d.Open() {
				s += " " + d.Hours
			}
			if d.Holiday != "" {
				s += " nghỉ " + d.Holiday
			}
			if d.Today {
				s += " *"
			}
			got = append(got, s)
		}
		if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("week of %s:\n%s\nwant\n%s", tc.today.Format(time.DateOnly), strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
		}
		if on := p.On(tc.today, cal, locale.Vietnamese()); on.Hours != week[(int(tc.today.Weekday())+6)%7].Hours {
			t.Errorf("On(%s) = %+v", tc.today, on)
		}
	}
}

const point = `updated = 2026-10-20
[[points]]
id = "mot-cua"
name = "Bộ phận Một cửa"
address = "Số 1"
fields = ["Hộ tịch"]
  [[points.hours]]
  days = ["thu_hai"]
  open = 07:30:00
  close = 11:30:00
  [points.accessibility]
  step_free = true
  wheelchair_counter = true
  accessible_toilet = false
  hearing_loop = false
  sign_language = false
  reader_help = false
  priority = true
`

// TestParseProblems breaks each rule once: every problem with its line
// and field, and no file accepted.
func TestParseProblems(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"no points", "updated = 2026-10-20\n", []string{
			"data/diem-tiep-nhan.toml:1: points: required: at least one [[points]] table, each a place that receives dossiers"}},
		{"no date", strings.Replace(point, "updated = 2026-10-20", "", 1), []string{
			"data/diem-tiep-nhan.toml:1: updated: required: the date the reception points were last checked, such as 2026-10-20"}},
		{"bad id and links", strings.NewReplacer(`id = "mot-cua"`, `id = "Một cửa"`, `address = "Số 1"`,
			"address = \"Số 1\"\nbooking_url = \"http://x.vn/\"\nmap_url = \"javascript:alert(1)\"\nphone = \"0912 345 678\"").Replace(point), []string{
			`data/diem-tiep-nhan.toml:3: points[0].id: "Một cửa" is not a slug: use lowercase letters, digits and hyphens, such as "mot-cua"`,
			`data/diem-tiep-nhan.toml:6: points[0].booking_url: "http://x.vn/" is not a web address starting with https://`,
			`data/diem-tiep-nhan.toml:7: points[0].map_url: "javascript:alert(1)" is not a web address starting with https://`,
			"data/diem-tiep-nhan.toml:8: points[0].phone: 0912 345 678 is a mobile number: give the place's landline or switchboard, which citizens may call without anyone's consent being needed"}},
		{"duplicate id", point + strings.SplitN(point, "\n", 2)[1], []string{
			`data/diem-tiep-nhan.toml:20: points[1].id: "mot-cua" is already the id of points[0]: ids must be unique`}},
		{"nothing received", strings.Replace(point, `fields = ["Hộ tịch"]`, "", 1), []string{
			`data/diem-tiep-nhan.toml:2: points[0].fields: required: the fields it receives (as procedures write them, such as "Hộ tịch"), or procedures, a list of codes, or both`,
		}},
		{"bad code", strings.Replace(point, `fields = ["Hộ tịch"]`, `procedures = ["1001193"]`, 1), []string{
			`data/diem-tiep-nhan.toml:6: points[0].procedures[0]: "1001193" is not a procedure code: codes look like 1.001193`}},
		{"hours", strings.NewReplacer(`days = ["thu_hai"]`, `days = ["thu_hai", "thu_8"]`, "close = 11:30:00",
			"close = 11:30:00\n  [[points.hours]]\n  days = [\"thu_hai\"]\n  open = 11:00:00\n  close = \"5pm\"\n  [[points.hours]]\n  days = [\"thu_hai\"]\n  open = 10:00:00\n  close = 12:00:00\n  [[points.hours]]\n  open = 13:00:00\n  close = 13:00:00").Replace(point), []string{
			`data/diem-tiep-nhan.toml:8: points[0].hours[0].days[1]: "thu_8" is not a weekday: use one of "thu_hai", "thu_ba", "thu_tu", "thu_nam", "thu_sau", "thu_bay", "chu_nhat"`,
			`data/diem-tiep-nhan.toml:14: points[0].hours[1].close: expected a time of day such as 07:30:00 (without quotes), found "5pm"`,
			`data/diem-tiep-nhan.toml:16: points[0].hours[2].days[0]: "thu_hai" 10:00–12:00 overlaps hours[0] (07:30–11:30): give each time of a day once`,
			`data/diem-tiep-nhan.toml:19: points[0].hours[3].days: required: the weekdays of these hours, such as ["thu_hai", "thu_sau"]; use one of "thu_hai", "thu_ba", "thu_tu", "thu_nam", "thu_sau", "thu_bay", "chu_nhat"`,
			`data/diem-tiep-nhan.toml:21: points[0].hours[3].close: 13:00 is not after open 13:00: the place must close after it opens`}},
		{"accessibility", strings.NewReplacer("  hearing_loop = false\n", "", "reader_help = false", "reader_help = true").Replace(point), []string{
			"data/diem-tiep-nhan.toml:11: points[0].accessibility.hearing_loop: required: true or false (Hearing loop for hearing aids): citizens with a disability plan their visit on it",
			`data/diem-tiep-nhan.toml:11: points[0].accessibility.note: required with sign_language or reader_help: how to ask for the help, such as "Gọi trước 1 ngày làm việc theo số 0274 3800 200"`}},
		{"unknown key", strings.Replace(point, "priority = true", "priority = true\n  ramp = true", 1), []string{
			`data/diem-tiep-nhan.toml:19: points[0].accessibility.ramp: unknown key "ramp"`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, got := parse(t, tc.src)
			if f != nil {
				t.Error("a file with errors was accepted")
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("problems:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

func TestCheckReferences(t *testing.T) {
	f, got := parse(t, strings.Replace(point, `fields = ["Hộ tịch"]`, `fields = ["Hộ tịch", "Hộ khẩu"]`+"\nprocedures = [\"1.001193\", \"1.999999\"]", 1))
	if f == nil {
		t.Fatal(got)
	}
	var l problem.List
	f.CheckReferences(func(c string) bool { return c == "1.001193" }, []string{"Chứng thực", "Hộ tịch"}, &l)
	got = nil
	for _, p := range l.Sorted() {
		got = append(got, p.String())
	}
	want := []string{
		`data/diem-tiep-nhan.toml:6: points[0].fields[1]: "Hộ khẩu" is not the field of any procedure: use one of "Chứng thực", "Hộ tịch"`,
		`data/diem-tiep-nhan.toml:7: points[0].procedures[1]: "1.999999" is not the code of any procedure of the site`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestStretches: days in a row with the same hours, or closed for the
// same reason, are one stretch; a day off between working days splits.
func TestStretches(t *testing.T) {
	p := &example(t).Points[0]
	cal := contacts.NewCalendar([]contacts.Holiday{{From: tomlfile.NewDate(2026, 9, 1), To: tomlfile.NewDate(2026, 9, 2), Name: "Quốc khánh"}})
	var got []string
	for _, s := range Stretches(p.Week(day(2026, 9, 1), cal, locale.Vietnamese())) {
		got = append(got, s.Days()+": "+s.First.Hours+s.First.Holiday)
	}
	want := []string{
		"Thứ Hai (31/8/2026): 07:30–11:30, 13:30–17:00",
		"Thứ Ba – Thứ Tư (01/9 – 02/9/2026): Quốc khánh",
		"Thứ Năm – Thứ Sáu (03/9 – 04/9/2026): 07:30–11:30, 13:30–17:00",
		"Thứ Bảy (05/9/2026): 07:30–11:30",
		"Chủ nhật (06/9/2026): ",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("stretches:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// In English, with the days and dates the English way.
	cat, err := i18n.Load(i18n.English)
	if err != nil {
		t.Fatal(err)
	}
	en := locale.New(i18n.English, cat, nil)
	got = nil
	for _, s := range Stretches(p.Week(day(2026, 9, 1), cal, en)) {
		got = append(got, s.Days())
	}
	want = []string{"Monday (31 August 2026)", "Tuesday – Wednesday (1 September – 2 September 2026)",
		"Thursday – Friday (3 September – 4 September 2026)", "Saturday (5 September 2026)", "Sunday (6 September 2026)"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("English stretches:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	features := example(t).Points[0].Accessibility.Features()
	if l := features[0].Label; l.String() != "Step-free entrance for wheelchairs: level or with a ramp" ||
		locale.Vietnamese().Text(l) != "Lối vào cho xe lăn: ngang bằng hoặc có đường dốc" {
		t.Errorf("feature %s: %q, %q", features[0].Key, l.String(), locale.Vietnamese().Text(l))
	}
}
