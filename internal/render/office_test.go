package render

import (
	"strings"
	"testing"

	"github.com/congkhai/congkhai/internal/config"
	"github.com/congkhai/congkhai/internal/locale"
)

// TestSurvey: the survey's address with the procedure's code or the
// place's id filled in and escaped, a parameter left empty dropped, and
// the QR code made of the very address.
func TestSurvey(t *testing.T) {
	tests := []struct {
		tmpl, code, point, want string
	}{
		{"https://dvc.example.gov.vn/danh-gia?ma_thu_tuc={ma_thu_tuc}&noi={diem_tiep_nhan}", "1.001193", "",
			"https://dvc.example.gov.vn/danh-gia?ma_thu_tuc=1.001193"},
		{"https://dvc.example.gov.vn/danh-gia?ma_thu_tuc={ma_thu_tuc}&noi={diem_tiep_nhan}", "", "mot-cua",
			"https://dvc.example.gov.vn/danh-gia?noi=mot-cua"},
		{"https://dvc.example.gov.vn/danh-gia?nguon=cong&ma={ma_thu_tuc}", "1.001193", "",
			"https://dvc.example.gov.vn/danh-gia?nguon=cong&ma=1.001193"},
		{"https://dvc.example.gov.vn/danh-gia?ma={ma_thu_tuc}", "a&b=c", "", "https://dvc.example.gov.vn/danh-gia?ma=a%26b%3Dc"},
	}
	for _, tc := range tests {
		s := &Site{Config: &config.Config{Feedback: config.Feedback{SurveyURL: tc.tmpl}}}
		v := s.Survey(tc.code, tc.point)
		if v == nil || v.URL != tc.want {
			t.Errorf("Survey(%q, %q) of %s = %+v, want %s", tc.code, tc.point, tc.tmpl, v, tc.want)
			continue
		}
		qr, err := SurveyQR(locale.Vietnamese(), v.URL)
		if err != nil || !strings.Contains(string(qr), `aria-label="Mã QR của phiếu khảo sát sự hài lòng: `+strings.ReplaceAll(tc.want, "&", "&amp;")+`"`) {
			t.Errorf("QR of %s: %.200s %v", tc.want, qr, err)
		}
	}
	if v := (&Site{Config: &config.Config{}}).Survey("1.001193", ""); v != nil {
		t.Errorf("a site without a survey has %+v", v)
	}
}
