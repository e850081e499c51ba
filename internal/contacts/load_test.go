package contacts

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/congkhai/congkhai/internal/contacts/phone"
	"github.com/congkhai/congkhai/internal/locale"
	"github.com/congkhai/congkhai/internal/problem"
)

// loadText writes src as data/danh-ba.toml of a new site folder, loads it
// and returns the directory and every problem as file:line: field: message.
func loadText(t *testing.T, src string) (*Directory, []string) {
	t.Helper()
	site := t.TempDir()
	if err := os.MkdirAll(filepath.Join(site, "data"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(site, "data", "danh-ba.toml"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	var l problem.List
	d := Load(site, os.ReadFile, &l)
	var got []string
	for _, p := range l.Sorted() {
		got = append(got, p.String())
	}
	return d, got
}

func TestLoadExample(t *testing.T) {
	src, err := os.ReadFile("testdata/danh-ba.toml")
	if err != nil {
		t.Fatal(err)
	}
	d, got := loadText(t, string(src))
	if d == nil || len(got) > 0 {
		t.Fatalf("example: %v", got)
	}
	if d.Updated.String() != "2026-10-20" {
		t.Errorf("updated = %v", d.Updated)
	}
	ct := d.Person("chu-tich")
	if ct == nil || ct.Email != "chutich.ptdm@example.gov.vn" || ct.Org != &d.Organizations[0] {
		t.Fatalf("chu-tich = %+v", ct)
	}
	if ct.Phones[0].Tel.Display() != "0274 3800 001" || ct.Phones[1].Tel.TelURI() != "tel:+84912000001" {
		t.Errorf("chu-tich phones = %v, %v", ct.Phones[0].Tel, ct.Phones[1].Tel)
	}
	h := d.Hotlines[0]
	if h.Tel.Kind() != phone.Short || h.Numbers[0].Tel.Display() != "0274 1022" || d.Hotlines[1].Tel.Kind() != phone.TollFree {
		t.Errorf("hotlines = %v %v %v", h.Tel, h.Numbers[0].Tel, d.Hotlines[1].Tel)
	}
	if d.Reception[0].HostPerson != ct || d.Reception[2].Time.Start.String() != "14:00" {
		t.Errorf("reception links and times: %v %v", d.Reception[0].HostPerson, d.Reception[2].Time.Start)
	}
	if d.Organizations[0].Tel.Display() != "0274 3822 100" {
		t.Errorf("organization phone = %v", d.Organizations[0].Tel)
	}

	var names []string
	for _, g := range d.Groups() {
		names = append(names, g.Name+":")
		for _, p := range g.People {
			names = append(names, p.ID)
		}
	}
	want := "Ủy ban nhân dân phường Thủ Dầu Một: chu-tich pho-chu-tich to-tiep-cong-dan Đảng ủy phường Thủ Dầu Một: bi-thu"
	if strings.Join(names, " ") != want {
		t.Errorf("groups = %s\nwant %s", strings.Join(names, " "), want)
	}
	if hp := d.HotlinePeople(); len(hp) != 1 || hp[0] != ct {
		t.Errorf("hotline people = %v", hp)
	}
	if hs := d.HotlinesFor("Uỷ ban nhân dân phường Thủ Dầu Một"); len(hs) != 1 || hs[0].ID != "1022" {
		t.Errorf("HotlinesFor = %v", hs)
	}
	if hs := d.HotlinesFor(""); len(hs) != 0 {
		t.Errorf("HotlinesFor(\"\") = %v", hs)
	}
}

func TestLoadMissingFileIsNoDirectory(t *testing.T) {
	var l problem.List
	if d := Load(t.TempDir(), os.ReadFile, &l); d != nil || l.Len() != 0 {
		t.Fatalf("missing file: %v %v", d, l.Sorted())
	}
}

func TestLoadUnreadable(t *testing.T) {
	site := t.TempDir()
	if err := os.MkdirAll(filepath.Join(site, "data", "danh-ba.toml"), 0o755); err != nil {
		t.Fatal(err)
	}
	var l problem.List
	if d := Load(site, os.ReadFile, &l); d != nil || l.Errors() != 1 || !strings.HasPrefix(l.Sorted()[0].String(), "data/danh-ba.toml: cannot read: ") {
		t.Fatalf("a folder named danh-ba.toml: %v %v", d, l.Sorted())
	}
}

// person is a valid [[people]] entry to build cases on.
const person = `[[people]]
id = "chu-tich"
full_name = "Nguyễn Văn An"
position = "Chủ tịch"
organization = "Ủy ban nhân dân phường Thủ Dầu Một"
`

// reception is a valid [[reception]] entry hosted by person.
const reception = `[[reception]]
id = "tiep"
host = "chu-tich"
kind = "dinh_ky"
rule = { freq = "weekly", weekday = "thu_nam" }
time = { start = 07:30:00, end = 11:30:00 }
place = "Trụ sở"
if_holiday = "next_working_day"
`

func TestLoadProblems(t *testing.T) {
	const f = "data/danh-ba.toml:"
	const head = "updated = 2026-10-20\n" // line 1
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"unknown key", head + person + `emial = "a@example.gov.vn"` + "\n",
			[]string{f + `7: people[0].emial: unknown key "emial" (did you mean "email"?)`}},
		{"unknown key in a phone", head + person + "  [[people.phones]]\n  kind = \"co_dinh\"\n  numbre = \"0274 3822 123\"\n",
			[]string{
				f + `7: people[0].phones[0].number: required: a phone number such as 0274 3822 123 or 0912 345 678`,
				f + `9: people[0].phones[0].numbre: unknown key "numbre" (did you mean "number"?)`,
			}},
		{"syntax error", head + "[[people]]\nid = \"a\" x\n",
			[]string{f + "3:9: people: one key = value per line: start a new line before 'x'\n" +
				"      1 | updated = 2026-10-20\n      2 | [[people]]\n      3 | id = \"a\" x\n                  ^^"}},
		{"missing updated", person,
			[]string{f + "1: updated: required: the date the directory was last checked, such as 2026-10-20"}},
		{"quoted date", "updated = \"2026-10-20\"\n",
			[]string{f + "1: updated: expected a date such as 2025-07-15 (without quotes), found text"}},
		{"bad phone", head + person + "  [[people.phones]]\n  kind = \"co_dinh\"\n  number = \"0274 382 212\"\n",
			[]string{f + `9: people[0].phones[0].number: "0274 382 212" has 10 digits: a landline has 11, the 0, an area code starting with 2 and the subscriber number, such as 0274 3822 123 or 028 3829 1234`}},
		{"phone with letters", head + person + "  [[people.phones]]\n  kind = \"co_dinh\"\n  number = \"0274 3822 123 (máy lẻ 12)\"\n",
			[]string{f + `9: people[0].phones[0].number: "0274 3822 123 (máy lẻ 12)" contains "m", which is not part of a phone number: write one number per entry, with only digits, spaces, dots or hyphens (put an extension or opening hours in a note)`}},
		{"missing number and kind", head + person + "  [[people.phones]]\n  note = \"\"\n",
			[]string{
				f + `7: people[0].phones[0].kind: required: "co_dinh" (landline), "di_dong" (mobile) or "ngan" (short code, 1800 or 1900)`,
				f + `7: people[0].phones[0].number: required: a phone number such as 0274 3822 123 or 0912 345 678`,
			}},
		{"missing kind", head + person + "  [[people.phones]]\n  number = \"1900 571 255\"\n",
			[]string{f + `7: people[0].phones[0].kind: required: "co_dinh" (landline), "di_dong" (mobile) or "ngan" (short code, 1800 or 1900): for 1900 571 255, write kind = "ngan"`}},
		{"rule without freq", head + person + strings.Replace(reception, `rule = { freq = "weekly", weekday = "thu_nam" }`, `rule = { weekday = "thu_nam" }`, 1),
			[]string{f + `11: reception[0].rule.freq: required: use one of "weekly", "monthly_day", "monthly_nth_weekday", "workdays" (only kind = "dot_xuat" may have no rule)`}},
		{"kind that does not fit", head + person + "  [[people.phones]]\n  kind = \"co_dinh\"\n  number = \"0912 345 678\"\n  official = true\n",
			[]string{f + `8: people[0].phones[0].kind: is "co_dinh", but 0912 345 678 is a mobile number: write kind = "di_dong"`}},
		{"1800 is ngan", head + person + "  [[people.phones]]\n  kind = \"co_dinh\"\n  number = \"1800 1096\"\n",
			[]string{f + `8: people[0].phones[0].kind: is "co_dinh", but 1800 1096 is a toll-free (1800) number: write kind = "ngan"`}},
		{"unknown kind", head + person + "  [[people.phones]]\n  kind = \"mobile\"\n  number = \"0274 3822 123\"\n",
			[]string{f + `8: people[0].phones[0].kind: "mobile" is not a phone kind: use "co_dinh" (landline), "di_dong" (mobile) or "ngan" (short code, 1800 or 1900)`}},
		{"mobile without consent", head + person + "  [[people.phones]]\n  kind = \"di_dong\"\n  number = \"0912.345.678\"\n",
			[]string{f + `7: people[0].phones[0].consent_ref: required: 0912 345 678 is a mobile number that official = true does not mark as the agency's, ` +
				`and publishing a personal mobile needs the person's written consent (Decree 13/2023/NĐ-CP): ` +
				`write where the consent is recorded, such as consent_ref = "Văn bản đồng ý ngày 2025-07-10", set official = true if the agency owns the number, or remove it`}},
		{"mobile without consent declared as landline", head + person + "  [[people.phones]]\n  kind = \"co_dinh\"\n  number = \"0912345678\"\n",
			[]string{
				f + `7: people[0].phones[0].consent_ref: required: 0912 345 678 is a mobile number that official = true does not mark as the agency's, ` +
					`and publishing a personal mobile needs the person's written consent (Decree 13/2023/NĐ-CP): ` +
					`write where the consent is recorded, such as consent_ref = "Văn bản đồng ý ngày 2025-07-10", set official = true if the agency owns the number, or remove it`,
				f + `8: people[0].phones[0].kind: is "co_dinh", but 0912 345 678 is a mobile number: write kind = "di_dong"`,
			}},
		{"same number twice", head + person + "  [[people.phones]]\n  kind = \"co_dinh\"\n  number = \"0274 3822 123\"\n" +
			"  [[people.phones]]\n  kind = \"co_dinh\"\n  number = \"02743822123\"\n",
			[]string{f + `12: people[0].phones[1].number: 0274 3822 123 is already phones[0]`}},
		{"hotline without phone", head + person + "hotline = true\n",
			[]string{f + `7: people[0].hotline: is true, so at least one [[people.phones]] number is required for the "Đường dây nóng" badge`}},
		{"bad email", head + person + `email = "Chủ tịch <chutich@example.gov.vn>"` + "\n",
			[]string{f + `7: people[0].email: "Chủ tịch <chutich@example.gov.vn>" contains a space: write only the address, such as chutich.ptdm@example.gov.vn`}},
		{"email without dot", head + person + `email = "chutich@localhost"` + "\n",
			[]string{f + `7: people[0].email: "chutich@localhost": the domain "localhost" has no dot: expected an e-mail address such as chutich.ptdm@example.gov.vn`}},
		{"person without names", head + "[[people]]\nid = \"Chủ tịch\"\n",
			[]string{
				f + `2: people[0].full_name: required: the person's full name, such as "Nguyễn Văn An"`,
				f + `2: people[0].organization: required: the agency, such as "Ủy ban nhân dân phường Thủ Dầu Một"`,
				f + `2: people[0].position: required: the position, such as "Chủ tịch"`,
				f + `3: people[0].id: "Chủ tịch" is not a slug: use lowercase letters, digits and hyphens, such as "chu-tich"`,
			}},
		{"duplicate id across hotlines and people", head + "[[hotlines]]\nid = \"chu-tich\"\nname = \"Đường dây nóng\"\nnumber = \"1022\"\n" + person,
			[]string{f + `7: people[0].id: "chu-tich" is already the id of hotlines[0]: ids must be unique across hotlines and people`}},
		{"organization not listed", head + "[[organizations]]\nname = \"Ủy ban nhân dân phường Thủ Dầu Một\"\n" +
			"[[organizations]]\nname = \"Đảng ủy phường Thủ Dầu Một\"\n" + strings.Replace(person, "Ủy ban nhân dân", "UBND", 1),
			[]string{f + `10: people[0].organization: "UBND phường Thủ Dầu Một" is not the name of any [[organizations]] entry: use one of "Ủy ban nhân dân phường Thủ Dầu Một", "Đảng ủy phường Thủ Dầu Một"`}},
		{"organization spelt differently", head + "[[organizations]]\nname = \"Ủy ban nhân dân phường Thủ Dầu Một\"\n" + strings.Replace(person, "Ủy ban", "Uỷ Ban", 1),
			[]string{f + `8: people[0].organization: "Uỷ Ban nhân dân phường Thủ Dầu Một" is spelt differently in [[organizations]]: write it exactly as "Ủy ban nhân dân phường Thủ Dầu Một"`}},
		{"hotline problems", head + "[[hotlines]]\nid = \"1022\"\nname = \"Tổng đài\"\nnumber = \"1023\"\n" +
			"numbers = [{ label = \"\", number = \"+84 1022\" }]\nchannels = [\"email\", \"fax\", \"email\"]\nurl = \"1022.example.gov.vn\"\n",
			[]string{
				f + `5: hotlines[0].number: "1023" is not a known short code (111, 113, 114, 115, 1022): expected a mobile number such as 0912 345 678 or a landline such as 0274 3822 123`,
				f + `6: hotlines[0].numbers[0].label: required: when to dial this number, such as "Gọi từ di động"`,
				f + `6: hotlines[0].numbers[0].number: "+84 1022" cannot be dialled with +84: write it as "1022"`,
				f + `7: hotlines[0].channels[0]: is "email", so the hotline's email is required`,
				f + `7: hotlines[0].channels[1]: "fax" is not a channel: use one of "dien_thoai", "zalo", "email", "ung_dung", "website", "facebook", "sms"`,
				f + `7: hotlines[0].channels[2]: "email" is already channels[0]`,
				f + `7: hotlines[0].channels[2]: is "email", so the hotline's email is required`,
				f + `8: hotlines[0].url: "1022.example.gov.vn" is not a web address starting with https://`,
			}},
		{"missing host", head + person + strings.Replace(reception, `host = "chu-tich"`, `host = "pho-chu-tich"`, 1),
			[]string{f + `9: reception[0].host: "pho-chu-tich" is not the id of any [[people]] entry: use one of "chu-tich"`}},
		{"end before start", head + person + strings.Replace(reception, "end = 11:30:00", "end = 07:00:00", 1),
			[]string{f + `12: reception[0].time.end: 07:00 is not after start 07:30: the reception must end after it starts`}},
		{"time as text", head + person + strings.Replace(reception, "start = 07:30:00", `start = "7h30"`, 1),
			[]string{f + `12: reception[0].time.start: expected a time of day such as 07:30:00 (without quotes), found "7h30"`}},
		{"time as a date", head + person + strings.Replace(reception, "end = 11:30:00", `end = 2026-11-05`, 1),
			[]string{f + `12: reception[0].time.end: expected a time of day such as 07:30:00 (without quotes), found a date 2026-11-05`}},
		{"rule problems", head + person + strings.Replace(reception, `rule = { freq = "weekly", weekday = "thu_nam" }`,
			`rule = { freq = "weekly", weekday = "thứ năm", day = 5 }`, 1),
			[]string{
				f + `11: reception[0].rule.day: is not used with freq = "weekly": remove it`,
				f + `11: reception[0].rule.weekday: "thứ năm" is not a weekday: use one of "thu_hai", "thu_ba", "thu_tu", "thu_nam", "thu_sau", "thu_bay", "chu_nhat"`,
			}},
		{"day out of range", head + person + strings.Replace(reception, `rule = { freq = "weekly", weekday = "thu_nam" }`, `rule = { freq = "monthly_day", day = 32 }`, 1),
			[]string{f + `11: reception[0].rule.day: required with freq = "monthly_day": a day of the month from 1 to 31 (in a shorter month, 29 to 31 mean its last day)`}},
		{"nth out of range", head + person + strings.Replace(reception, `freq = "weekly"`, `freq = "monthly_nth_weekday", nth = 0`, 1),
			[]string{f + `11: reception[0].rule.nth: required with freq = "monthly_nth_weekday": which one in the month, 1 to 5, or -1 for the last`}},
		{"unknown freq", head + person + strings.Replace(reception, `freq = "weekly"`, `freq = "hang_tuan"`, 1),
			[]string{f + `11: reception[0].rule.freq: "hang_tuan" is not a frequency: use one of "weekly", "monthly_day", "monthly_nth_weekday", "workdays"`}},
		{"no rule", head + person + strings.Replace(reception, "rule = { freq = \"weekly\", weekday = \"thu_nam\" }\n", "", 1),
			[]string{f + `7: reception[0].rule.freq: required: use one of "weekly", "monthly_day", "monthly_nth_weekday", "workdays" (only kind = "dot_xuat" may have no rule)`}},
		{"if_holiday missing", head + person + strings.Replace(reception, "if_holiday = \"next_working_day\"\n", "", 1),
			[]string{f + `7: reception[0].if_holiday: required: what happens when a date is a day off: "next_working_day", "previous_working_day", "skip"`}},
		{"if_holiday with workdays", head + person + strings.Replace(reception, `rule = { freq = "weekly", weekday = "thu_nam" }`, `rule = { freq = "workdays" }`, 1),
			[]string{f + `14: reception[0].if_holiday: freq = "workdays" already leaves out days off: remove if_holiday`}},
		{"reception without id, kind or place", head + person + "[[reception]]\nhost = \"chu-tich\"\nrule = { freq = \"workdays\" }\ntime = { start = 07:30:00, end = 11:30:00 }\n",
			[]string{
				f + `7: reception[0].id: required: a short name in lowercase letters, digits and hyphens, such as "chu-tich-dinh-ky"`,
				f + `7: reception[0].kind: required: use one of "dinh_ky", "thuong_xuyen", "dot_xuat"`,
				f + `7: reception[0].place: required: where citizens come, such as the address of the citizen reception office`,
			}},
		{"exception problems", head + person + "[[holidays]]\ndate = 2026-12-25\nname = \"Nghỉ bù\"\n" + reception +
			"  [[reception.exceptions]]\n  date = 2026-12-23\n  note = \"Hoãn\"\n" +
			"  [[reception.exceptions]]\n  date = 2026-12-24\n  moved_to = 2026-12-25\n" +
			"  [[reception.exceptions]]\n  date = 2026-12-31\n  moved_to = 2027-01-02\n  note = \"Chuyển\"\n",
			[]string{
				f + `19: reception[0].exceptions[0].date: 2026-12-23 is not a date of this reception (Every Thursday): give a date it falls on, such as 2026-12-24`,
				f + `21: reception[0].exceptions[1].note: required: why, as citizens will read it, such as "Hoãn do lãnh đạo đi công tác"`,
				f + `23: reception[0].exceptions[1].moved_to: 2026-12-25 is a holiday (Nghỉ bù): move the reception to a working day`,
				f + `26: warning: reception[0].exceptions[2].moved_to: 2027-01-02 is a Saturday: check that the office is open`,
			}},
		{"exception moved too far", head + person + reception + "  [[reception.exceptions]]\n  date = 2026-12-24\n  moved_to = 2027-03-01\n  note = \"Hoãn\"\n",
			[]string{f + `17: reception[0].exceptions[0].moved_to: 2027-03-01 is 67 days from 2026-12-24: a reception moves by at most 60 days: for a later date, remove moved_to to cancel this one`}},
		{"duplicate holiday dates", head + "[[holidays]]\ndate = 2026-09-02\nname = \"Quốc khánh\"\n[[holidays]]\nfrom = 2026-09-01\nto = 2026-09-03\nname = \"Nghỉ lễ\"\n",
			[]string{f + `6: holidays[1].from: 2026-09-02 is already a holiday in holidays[0] ("Quốc khánh"): list each day off once`}},
		{"holiday problems", head + "[[holidays]]\nfrom = 2027-02-05\nto = 2028-02-11\nname = \"Tết\"\n[[holidays]]\nname = \"Giỗ Tổ\"\n" +
			"[[holidays]]\ndate = 2027-04-16\nfrom = 2027-04-16\nname = \"x\"\n[[holidays]]\nfrom = 2027-05-01\nname = \"y\"\n[[holidays]]\nfrom = 2027-09-02\nto = 2027-09-01\n",
			[]string{
				f + `4: holidays[0].to: makes a holiday of 372 days, from 2027-02-05 to 2028-02-11: check the year (at most 31 days)`,
				f + `6: holidays[1].date: required: the day off, such as date = 2026-09-02, or a range from = 2027-02-05 and to = 2027-02-11`,
				f + `9: holidays[2].date: give either date (one day) or from and to (a range), not both`,
				f + `12: holidays[3].to: required with from: the last day off, such as 2027-02-11`,
				f + `15: holidays[4].name: required: the holiday's name, such as "Quốc khánh"`,
				f + `17: holidays[4].to: 2027-09-01 is before from 2027-09-02`,
			}},
		// A written 0001-01-01 is a date before any a portal publishes,
		// never a date left out.
		{"updated 0001-01-01", "updated = 0001-01-01\n",
			[]string{f + "1: updated: 0001-01-01 is before 1945-09-02, earlier than any date a portal publishes: write the day the directory was last checked, such as 2026-10-20"}},
		{"holiday dates 0001-01-01", head + "[[holidays]]\ndate = 0001-01-01\nname = \"x\"\n[[holidays]]\nfrom = 0001-01-01\nto = 2027-01-01\nname = \"y\"\n" +
			"[[holidays]]\nfrom = 2027-01-01\nto = 0001-01-01\nname = \"z\"\n",
			[]string{
				f + "3: holidays[0].date: 0001-01-01 is before 1945-09-02, earlier than any date a portal publishes: write the day off, such as 2026-09-02",
				f + "6: holidays[1].from: 0001-01-01 is before 1945-09-02, earlier than any date a portal publishes: write the day off, such as 2026-09-02",
				f + "11: holidays[2].to: 0001-01-01 is before 1945-09-02, earlier than any date a portal publishes: write the day off, such as 2026-09-02",
			}},
		{"exception dates 0001-01-01", head + person + reception +
			"  [[reception.exceptions]]\n  date = 0001-01-01\n  note = \"Hoãn\"\n" +
			"  [[reception.exceptions]]\n  date = 2026-12-24\n  moved_to = 0001-01-01\n  note = \"Chuyển\"\n",
			[]string{
				f + "16: reception[0].exceptions[0].date: 0001-01-01 is before 1945-09-02, earlier than any date a portal publishes: write the date of the reception that is cancelled or moved, such as 2026-12-24",
				f + "20: reception[0].exceptions[1].moved_to: 0001-01-01 is before 1945-09-02, earlier than any date a portal publishes: write the day the reception moves to, such as 2026-12-25, or remove moved_to to cancel the date",
			}},
		{"not UTF-8", head + "# \xff\n",
			[]string{f + "2: the file is not valid UTF-8 text; save it as UTF-8 (Unicode)"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, got := loadText(t, tc.src)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("problems\n got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			errors := false
			for _, w := range tc.want {
				errors = errors || !strings.Contains(w, ": warning: ")
			}
			if errors != (d == nil) {
				t.Errorf("directory returned = %v with errors = %v", d != nil, errors)
			}
		})
	}
}

// TestLoadAdHocWithoutRule: an ad-hoc reception needs no rule and has no
// dates.
func TestLoadAdHocWithoutRule(t *testing.T) {
	src := "updated = 2026-10-20\n" + person + "[[reception]]\nid = \"dot-xuat\"\nhost = \"chu-tich\"\nkind = \"dot_xuat\"\n" +
		"time = { start = 07:30:00, end = 11:30:00 }\nplace = \"Trụ sở\"\nnote = \"Khi có vụ việc đông người\"\n"
	d, got := loadText(t, src)
	if d == nil || len(got) > 0 {
		t.Fatalf("ad hoc: %v", got)
	}
	if occ := d.Occurrences(d.Updated.Time(), 3); len(occ) != 0 {
		t.Errorf("ad hoc reception has %d occurrences", len(occ))
	}
	if s := locale.Vietnamese().Text(d.Reception[0].Describe()); s != "Khi cần thiết, từ 07:30 đến 11:30" {
		t.Errorf("Describe = %q", s)
	}
}
