package contacts

import (
	"strings"
	"testing"
)

// TestVocabProblems: the vocabulary checks of danh-ba.toml name the value
// and list every allowed one; an empty value in a list is unknown, not
// missing.
func TestVocabProblems(t *testing.T) {
	const f = "data/danh-ba.toml:"
	const head = "updated = 2026-10-20\n" // line 1
	tests := []struct {
		name string
		src  string
		want string
	}{
		{"unknown reception kind", head + person + strings.Replace(reception, `kind = "dinh_ky"`, `kind = "dinh ky"`, 1),
			f + `10: reception[0].kind: "dinh ky" is not a kind of reception: use one of "dinh_ky", "thuong_xuyen", "dot_xuat"`},
		{"unknown if_holiday", head + person + strings.Replace(reception, `if_holiday = "next_working_day"`, `if_holiday = "next"`, 1),
			f + `14: reception[0].if_holiday: "next" is not a choice: use one of "next_working_day", "previous_working_day", "skip"`},
		{"empty channel", head + "[[hotlines]]\nid = \"tong-dai\"\nname = \"Tổng đài\"\nnumber = \"1022\"\nchannels = [\"dien_thoai\", \"\"]\n",
			f + `6: hotlines[0].channels[1]: "" is not a channel: use one of "dien_thoai", "zalo", "email", "ung_dung", "website", "facebook", "sms"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, got := loadText(t, tc.src); len(got) != 1 || got[0] != tc.want {
				t.Errorf("problems\n got: %q\nwant: %q", got, tc.want)
			}
		})
	}
}
