// Package contacts holds a portal's contact directory (danh bạ) from
// data/danh-ba.toml: the hotlines citizens call, the leaders with their
// official e-mails and phones, and the schedule of citizen reception (lịch
// tiếp công dân) with the days off it depends on.
//
// Load reads and validates the file; every problem names the file, the line
// and the field path (people[2].phones[0].number). Occurrences turns the
// reception rules into concrete dates counted from the build's reference
// date; WriteICS and WriteVCard render them as an iCalendar file and as
// vCards. Phone numbers are parsed by the sub-package phone; citizen ID
// numbers in the file, and mobiles outside its phones, are
// personaldata.Lint's to find. The mobiles it publishes (Mobiles) may
// appear in the site's other files too.
//
// Dates are tomlfile.Date values: a date written is a date, checked
// against its range (none before 1945-09-02), and never taken for one
// left out.
//
// The file (keys in English, values that citizens read in Vietnamese;
// unknown keys are errors):
//
//	updated = 2026-10-20                       # required
//
//	[[organizations]]                          # optional; when given, every
//	name = "Ủy ban nhân dân phường ..."        # person's organization must be one
//	order = 1                                  # of them, spelt the same
//	address = "..."                            # address, email, phone: optional
//	email = "..."
//	phone = "..."
//
//	[[hotlines]]
//	id = "1022"                                # slug, unique across hotlines and people
//	name = "Tổng đài tiếp nhận phản ánh, kiến nghị"
//	number = "1022"
//	numbers = [{ label = "Gọi từ di động", number = "0274 1022" }]
//	hours = "24/7"
//	channels = ["dien_thoai", "zalo", "email", "ung_dung", "website", "facebook", "sms"]
//	email = "..."                              # required by the channel "email"
//	url = "https://..."                        # required by the channel "website"
//	organization = "..."                       # the agency served: see HotlinesFor
//	note = "..."
//
//	[[people]]
//	id = "chu-tich"
//	order = 1                                  # optional; unordered entries come last
//	full_name = "Nguyễn Văn An"                # family name first
//	position = "Chủ tịch"
//	organization = "..."
//	hotline = true                             # the "Đường dây nóng" badge; needs a phone
//	email = "..."                              # official mailbox, optional
//	note = "..."
//	  [[people.phones]]
//	  kind = "co_dinh"                         # co_dinh | di_dong | ngan (short code, 1800, 1900)
//	  number = "0274 3800 001"
//	  official = true                          # a mobile the agency owns
//	  consent_ref = "..."                      # required for a di_dong that is not official
//	  note = "..."
//
//	[[holidays]]                               # days off: date, or from and to (≤ 31 days)
//	date = 2026-09-02
//	name = "Quốc khánh"
//
//	[[reception]]
//	id = "chu-tich-dinh-ky"
//	host = "chu-tich"                          # a people.id
//	kind = "dinh_ky"                           # dinh_ky | thuong_xuyen | dot_xuat (may have no rule)
//	rule = { freq = "weekly", weekday = "thu_nam" }
//	time = { start = 07:30:00, end = 11:30:00 } # or "07:30"
//	place = "..."
//	note = "..."
//	if_holiday = "next_working_day"            # | previous_working_day | skip; not with workdays
//	  [[reception.exceptions]]
//	  date = 2026-12-24                        # a date the rule gives, or the one a day off moved it to
//	  moved_to = 2026-12-25                    # optional, within 60 days; without it the date is cancelled
//	  note = "Hoãn do ..."
//
// Working days are Monday to Friday that are not holidays. A rule on a
// weekday (weekly, monthly_nth_weekday) moves only when its date is a
// holiday; a day of the month (monthly_day) also moves when it falls on a
// Saturday or Sunday ("nếu trùng ngày nghỉ"). A move goes to the nearest
// working day, never onto a weekend or another holiday, at most 60 days
// away; it merges into an occurrence the reception has that day anyway.
package contacts
