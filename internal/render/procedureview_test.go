package render

import (
	"testing"
	"time"

	"github.com/congkhai/congkhai/internal/config"
	"github.com/congkhai/congkhai/internal/i18n"
	"github.com/congkhai/congkhai/internal/locale"
	"github.com/congkhai/congkhai/internal/procedure"
)

// english is the English locale with the built-in tables.
func english(t *testing.T) *locale.Locale {
	t.Helper()
	cat, err := i18n.Load(i18n.English)
	if err != nil {
		t.Fatal(err)
	}
	return locale.New(i18n.English, cat, nil)
}

func TestPaperCount(t *testing.T) {
	n := func(i int) *int { return &i }
	vi, en := locale.Vietnamese(), english(t)
	tests := []struct {
		doc    procedure.Document
		vi, en string
	}{
		{procedure.Document{Originals: n(1)}, "1 bản chính", "1 original"},
		{procedure.Document{Copies: n(2)}, "2 bản sao", "2 copies"},
		{procedure.Document{Originals: n(1), Copies: n(2)}, "1 bản chính, 2 bản sao", "1 original, 2 copies"},
		{procedure.Document{Originals: n(0), Copies: n(1)}, "1 bản sao", "1 copy"},
		{procedure.Document{Originals: n(3)}, "3 bản chính", "3 originals"},
		{procedure.Document{}, "", ""},
		{procedure.Document{Originals: n(1), ShowOnly: true}, "Mang bản chính để xuất trình (không nộp)", "Bring the original to show (you do not hand it in)"},
	}
	for _, tt := range tests {
		if got := paperCount(vi, tt.doc); got != tt.vi {
			t.Errorf("paperCount(%+v) = %q, want %q", tt.doc, got, tt.vi)
		}
		if got := paperCount(en, tt.doc); got != tt.en {
			t.Errorf("English paperCount(%+v) = %q, want %q", tt.doc, got, tt.en)
		}
	}
}

func TestFeeHeading(t *testing.T) {
	amount := func(v int64) *int64 { return &v }
	vi, en := locale.Vietnamese(), english(t)
	tests := []struct {
		fee    procedure.Fee
		vi, en string
	}{
		{procedure.Fee{Type: procedure.FeeType("le_phi")}, "Lệ phí", "Charge"},
		{procedure.Fee{Type: procedure.FeeType("le_phi"), AmountVND: amount(0)}, "Lệ phí: miễn phí", "Charge: free"},
		{procedure.Fee{Type: procedure.FeeType("phi"), AmountVND: amount(8000), UnitText: "bản"}, "Phí: 8.000 đồng/bản", "Fee: VND 8,000/bản"},
		{procedure.Fee{Type: procedure.FeeType("phi"), AmountVND: amount(1500000)}, "Phí: 1.500.000 đồng", "Fee: VND 1,500,000"},
	}
	for _, tt := range tests {
		if got := feeHeading(vi, tt.fee); got != tt.vi {
			t.Errorf("feeHeading(%+v) = %q, want %q", tt.fee, got, tt.vi)
		}
		if got := feeHeading(en, tt.fee); got != tt.en {
			t.Errorf("English feeHeading(%+v) = %q, want %q", tt.fee, got, tt.en)
		}
	}
}

// TestProcedureViewEnglish: the answers of a procedure's first screen, in
// English and in Vietnamese, from the same record.
func TestProcedureViewEnglish(t *testing.T) {
	base, err := config.ParseBaseURL("https://x.example.gov.vn/")
	if err != nil {
		t.Fatal(err)
	}
	n := func(i int) *int { return &i }
	amount := func(v int64) *int64 { return &v }
	days := func(v int, u procedure.TimeUnit) procedure.ProcessingTime {
		return procedure.ProcessingTime{Value: n(v), Unit: u, Text: "nguyên văn"}
	}
	docs := []procedure.Document{{Name: "Tờ khai", Originals: n(1)}, {Name: "Giấy chứng sinh", Copies: n(1)}, {Name: "CCCD", ShowOnly: true}}
	tests := []struct {
		name string
		p    procedure.Procedure
		// want are Meta, Online, Time, Fee, FeeNote and MorePapers, in
		// English then in Vietnamese.
		en, vi [6]string
	}{
		{"same everywhere",
			procedure.Procedure{Field: "Hộ tịch", Level: []procedure.Level{procedure.LevelXa}, OnlineLevel: procedure.OnlineFull,
				Channels: []procedure.Channel{{Kind: procedure.ChannelInPerson, ProcessingTime: days(3, procedure.UnitWorkingDays)},
					{Kind: procedure.ChannelOnline, ProcessingTime: days(3, procedure.UnitWorkingDays)}},
				Dossier: []procedure.Case{{Documents: docs}}},
			// No fee listed is not free (a deleted line must not say so).
			[6]string{"Field: Hộ tịch · Commune level", "Yes, fully online", "3 working days", "Fees not published: ask where you apply", "", "and 2 other documents"},
			[6]string{"Lĩnh vực Hộ tịch · Cấp xã", "Được, toàn trình", "3 ngày làm việc", "Chưa công bố phí, lệ phí: hỏi nơi tiếp nhận hồ sơ", "", "và 2 giấy tờ khác"}},
		{"free in person, no fee listed online",
			procedure.Procedure{Field: "Hộ tịch", OnlineLevel: procedure.OnlinePartial,
				Channels: []procedure.Channel{
					{Kind: procedure.ChannelInPerson, ProcessingTime: days(1, procedure.UnitWorkingDays),
						Fees: []procedure.Fee{{Type: procedure.FeeLevy, AmountVND: amount(0)}}},
					{Kind: procedure.ChannelOnline, ProcessingTime: days(1, procedure.UnitWorkingDays)}},
				Dossier: []procedure.Case{{Documents: docs[:1]}}},
			[6]string{"Field: Hộ tịch", "Yes, in part (you still need to go to the reception place)", "1 working day",
				"Charge: free (when you apply in person)", "The amount depends on how you apply", ""},
			[6]string{"Lĩnh vực Hộ tịch", "Được, một phần (vẫn phải đến nơi tiếp nhận)", "1 ngày làm việc",
				"Lệ phí: miễn phí (nộp trực tiếp)", "Mức thu theo từng cách nộp", ""}},
		{"by channel",
			procedure.Procedure{Field: "Hộ tịch", Level: []procedure.Level{procedure.LevelTinh, procedure.LevelXa}, OnlineLevel: procedure.OnlinePartial,
				Channels: []procedure.Channel{
					{Kind: procedure.ChannelInPerson, ProcessingTime: days(1, procedure.UnitWorkingDays),
						Fees: []procedure.Fee{{Type: procedure.FeeLevy, AmountVND: amount(8000), UnitText: "bản"}}},
					{Kind: procedure.ChannelOnline, ProcessingTime: procedure.ProcessingTime{Unit: procedure.UnitSameDay},
						Fees: []procedure.Fee{{Type: procedure.FeeLevy, AmountVND: amount(4000), UnitText: "bản"}}}},
				Dossier: []procedure.Case{{Documents: docs[:2]}}},
			[6]string{"Field: Hộ tịch · Province level · Commune level", "Yes, in part (you still need to go to the reception place)",
				"In person: 1 working day; Online: within the day", "Charge: VND 8,000/bản (when you apply in person)",
				"The amount depends on how you apply", "and 1 other document"},
			[6]string{"Lĩnh vực Hộ tịch · Cấp tỉnh · Cấp xã", "Được, một phần (vẫn phải đến nơi tiếp nhận)",
				"Trực tiếp: 1 ngày làm việc; Trực tuyến: trong ngày", "Lệ phí: 8.000 đồng/bản (nộp trực tiếp)",
				"Mức thu theo từng cách nộp", "và 1 giấy tờ khác"}},
		// Free for everyone: a text that says "miễn" is no exemption of a
		// fee, and the summary does not say that some pay less.
		{"free, its text saying so",
			procedure.Procedure{Field: "Chứng thực", OnlineLevel: procedure.OnlineNone,
				Channels: []procedure.Channel{{Kind: procedure.ChannelPost, ProcessingTime: days(2, procedure.UnitHours),
					Fees: []procedure.Fee{{Type: procedure.FeeCharge, AmountVND: amount(0), Text: "Miễn cho người có công"}}}},
				Dossier: []procedure.Case{{Documents: docs[:1]}}},
			[6]string{"Field: Chứng thực", "Not yet: apply in person or by post", "2 hours", "Free of charge", "", ""},
			[6]string{"Lĩnh vực Chứng thực", "Chưa: chỉ nộp trực tiếp hoặc qua bưu chính", "2 giờ", "Miễn phí", "", ""}},
	}
	for _, tc := range tests {
		for _, lang := range []struct {
			loc  *locale.Locale
			want [6]string
		}{{english(t), tc.en}, {locale.Vietnamese(), tc.vi}} {
			site := NewSite(Site{Config: &config.Config{Base: base}, Today: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), Locale: lang.loc})
			v := NewProcedureView(&tc.p, "/thu-tuc/a/", site, nil)
			got := [6]string{v.Meta, v.Online, v.Time, v.Fee, v.FeeNote, v.MorePapers}
			if got != lang.want {
				t.Errorf("%s in %s:\n got %q\nwant %q", tc.name, lang.loc.Lang(), got, lang.want)
			}
		}
	}
}

// TestMentionsExemption: a fee's text that says some pay less or nothing,
// in Vietnamese or in an English translation's words.
func TestMentionsExemption(t *testing.T) {
	for text, want := range map[string]bool{
		"Miễn lệ phí đối với đăng ký khai sinh đúng hạn":               true,
		"Giảm 50% cho hộ nghèo":                                        true,
		"No charge for a birth registered on time":                     true,
		"in the other cases exempted under Article 11":                 true,
		"Reduced by half for poor households":                          true,
		"Lệ phí cấp bản sao: 8.000 đồng/bản":                           false,
		"Fee for copies of the birth certificate: VND 8,000 per copy.": false,
	} {
		if got := mentionsExemption(text); got != want {
			t.Errorf("mentionsExemption(%q) = %v, want %v", text, got, want)
		}
	}
}
