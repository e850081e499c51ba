package procedure

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/congkhai/congkhai/internal/locale"
	"github.com/congkhai/congkhai/internal/msg"
	"github.com/congkhai/congkhai/internal/tomlfile"
)

// report is one problem received by fakeReporter.
type report struct {
	warning bool
	path    string
	msg     string
}

func (r report) String() string {
	sev := "error"
	if r.warning {
		sev = "warning"
	}
	return fmt.Sprintf("%s %s: %s", sev, r.path, r.msg)
}

// fakeReporter records what Validate reports.
type fakeReporter struct{ got []report }

func (f *fakeReporter) Errorf(path, format string, args ...any) {
	f.got = append(f.got, report{path: path, msg: fmt.Sprintf(format, args...)})
}

func (f *fakeReporter) Warnf(path, format string, args ...any) {
	f.got = append(f.got, report{warning: true, path: path, msg: fmt.Sprintf(format, args...)})
}

func ptr[T any](v T) *T { return &v }

func date(y int, m time.Month, d int) tomlfile.Date { return tomlfile.NewDate(y, m, d) }

// rules is the reference date and staleness limit every case uses.
var rules = Rules{Today: time.Date(2025, 9, 1, 0, 0, 0, 0, time.UTC), StaleAfterDays: 90}

// validProcedure returns a record with no problem under rules.
func validProcedure() *Procedure {
	return &Procedure{
		Code:                 "1.001193",
		LegacyCodes:          []string{"1.000001"},
		Title:                "Đăng ký khai sinh",
		Decision:             "1872/QĐ-BTP",
		Field:                "Hộ tịch",
		Level:                []Level{LevelXa},
		Kind:                 "TTHC được luật giao quy định chi tiết",
		Subjects:             []string{"Công dân Việt Nam"},
		Agency:               "Ủy ban nhân dân phường Thủ Dầu Một",
		CoordinatingAgencies: []string{"Công an phường"},
		OnlineLevel:          OnlineFull,
		OnlineURL:            "https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=1.001193",
		Channels: []Channel{
			{
				Kind:           ChannelInPerson,
				ProcessingTime: ProcessingTime{Value: ptr(1), Unit: UnitWorkingDays, Text: "Ngay trong ngày làm việc"},
				Fees: []Fee{
					{Type: FeeLevy, AmountVND: ptr[int64](0), Text: ""},
					{Type: FeeCharge, AmountVND: ptr[int64](8000), UnitText: "bản sao", Text: "8.000 đồng/bản sao"},
				},
			},
			{
				Kind:           ChannelOnline,
				ProcessingTime: ProcessingTime{Value: ptr(0), Unit: UnitSameDay, Text: "Trong ngày"},
				Fees:           []Fee{{Type: FeeLevy, Text: "Miễn lệ phí"}},
			},
		},
		Dossier: []Case{
			{Case: "Giấy tờ phải nộp", Documents: []Document{
				{Name: "Tờ khai đăng ký khai sinh", Originals: ptr(1), Copies: ptr(0),
					Form: &Form{Title: "Tờ khai", File: "/bieu-mau/to-khai-khai-sinh.docx"}},
				{Name: "Giấy chứng sinh", Originals: ptr(0), Copies: ptr(1)},
			}},
			{Case: "Giấy tờ phải xuất trình", Documents: []Document{
				{Name: "Căn cước", Originals: ptr(0), Copies: ptr(0), ShowOnly: true},
			}},
		},
		DossierSets:   ptr(1),
		Result:        []string{"Giấy khai sinh (bản chính)"},
		LegalBasis:    []LegalDoc{{Number: "60/2014/QH13", Title: "Luật Hộ tịch", Issued: date(2014, 11, 20), Issuer: "Quốc hội"}},
		Keywords:      []string{"khai sinh"},
		SourceURL:     "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001193",
		SyncedAt:      date(2025, 8, 1),
		EffectiveFrom: date(2025, 7, 1),
		Related:       []string{"1.000656"},
		Aliases:       []string{"/khai-sinh/"},
	}
}

// want is one expected report: the path, a substring of the message and
// whether it is a warning.
type want struct {
	path    string
	has     string
	warning bool
}

func e(path, has string) want { return want{path: path, has: has} }
func w(path, has string) want { return want{path: path, has: has, warning: true} }

func TestValidProcedureHasNoProblems(t *testing.T) {
	var r fakeReporter
	validProcedure().Validate(&r, rules)
	if len(r.got) != 0 {
		t.Fatalf("valid procedure reported %q", r.got)
	}
}

func TestValidate(t *testing.T) {
	const required = "required"
	tests := []struct {
		name   string
		mutate func(p *Procedure)
		rules  *Rules // nil: rules
		want   []want
	}{
		// Required text fields.
		{"code empty", func(p *Procedure) { p.Code = "" }, nil, []want{e("code", required)}},
		{"code blank", func(p *Procedure) { p.Code = "  " }, nil, []want{e("code", required)}},
		{"title empty", func(p *Procedure) { p.Title = "" }, nil, []want{e("title", required)}},
		{"title blank", func(p *Procedure) { p.Title = " \t" }, nil, []want{e("title", required)}},
		{"decision empty", func(p *Procedure) { p.Decision = "" }, nil, []want{e("decision", required)}},
		{"field empty", func(p *Procedure) { p.Field = "" }, nil, []want{e("field", required)}},
		{"agency empty", func(p *Procedure) { p.Agency = "" }, nil, []want{e("agency", required)}},
		{"legacy code blank", func(p *Procedure) { p.LegacyCodes = []string{"1.000001", ""} }, nil, []want{e("legacy_codes[1]", required)}},
		{"no legacy codes ok", func(p *Procedure) { p.LegacyCodes = nil }, nil, nil},
		{"optional fields empty ok", func(p *Procedure) {
			p.Kind, p.CompetentAgency, p.DelegatedAgency, p.ReceptionAddress, p.Description = "", "", "", "", ""
			p.CoordinatingAgencies, p.Keywords, p.Related, p.Aliases = nil, nil, nil, nil
			p.DossierSets = nil
		}, nil, nil},

		// Code pattern.
		{"code 2.000635 ok", func(p *Procedure) { p.Code = "2.000635" }, nil, nil},
		{"code without dot", func(p *Procedure) { p.Code = "1001193" }, nil, []want{e("code", `"1001193" is not a procedure code`)}},
		{"code five digits", func(p *Procedure) { p.Code = "1.00119" }, nil, []want{e("code", `"1.00119" is not a procedure code`)}},
		{"code seven digits", func(p *Procedure) { p.Code = "1.0011930" }, nil, []want{e("code", `"1.0011930" is not a procedure code`)}},
		{"code starting with 0", func(p *Procedure) { p.Code = "0.001193" }, nil, []want{e("code", `"0.001193" is not a procedure code`)}},
		{"code leading space", func(p *Procedure) { p.Code = " 1.001193" }, nil, []want{e("code", `" 1.001193" is not a procedure code`)}},
		{"code trailing newline", func(p *Procedure) { p.Code = "1.001193\n" }, nil, []want{e("code", `is not a procedure code`)}},
		{"code with letters", func(p *Procedure) { p.Code = "1.00119a" }, nil, []want{e("code", `such as "1.001193"`)}},

		// Levels.
		{"level missing", func(p *Procedure) { p.Level = nil }, nil, []want{e("level", `required: a list such as ["xa"]`)}},
		{"level unknown", func(p *Procedure) { p.Level = []Level{LevelXa, "phuong"} }, nil,
			[]want{e("level[1]", `"phuong" is not a level: use one of "bo", "tinh", "xa", "huyen", "khac"`)}},
		{"level case matters", func(p *Procedure) { p.Level = []Level{"Xa"} }, nil, []want{e("level[0]", `"Xa" is not a level`)}},
		{"every level but huyen ok", func(p *Procedure) { p.Level = []Level{LevelBo, LevelTinh, LevelXa, LevelKhac} }, nil, nil},

		// District level ended on 2025-07-01.
		{"huyen without effective_to", func(p *Procedure) {
			p.Level = []Level{LevelHuyen}
			p.EffectiveFrom = date(2020, 1, 1)
		}, nil, []want{e("effective_to", `required for level "huyen"`)}},
		{"huyen ending on the reform date", func(p *Procedure) {
			p.Level = []Level{LevelHuyen}
			p.EffectiveFrom = date(2020, 1, 1)
			p.EffectiveTo = date(2025, 7, 1)
		}, nil, []want{e("effective_to", `is 2025-07-01, but level "huyen" ceased on 2025-07-01`)}},
		{"huyen ending later", func(p *Procedure) {
			p.Level = []Level{LevelXa, LevelHuyen}
			p.EffectiveFrom = date(2020, 1, 1)
			p.EffectiveTo = date(2026, 1, 1)
		}, nil, []want{e("effective_to", `is 2026-01-01`)}},
		{"huyen ending the day before the reform ok", func(p *Procedure) {
			p.Level = []Level{LevelHuyen}
			p.EffectiveFrom = date(2020, 1, 1)
			p.EffectiveTo = date(2025, 6, 30)
		}, nil, nil},
		{"huyen ending on the last evening before the reform ok", func(p *Procedure) {
			p.Level = []Level{LevelHuyen}
			p.EffectiveFrom = date(2020, 1, 1)
			p.EffectiveTo = tomlfile.DateOf(time.Date(2025, 6, 30, 23, 59, 0, 0, time.UTC))
		}, nil, nil},

		// Subjects.
		{"subjects missing", func(p *Procedure) { p.Subjects = nil }, nil, []want{e("subjects", "required: who may use the procedure")}},
		{"subjects empty list", func(p *Procedure) { p.Subjects = []string{} }, nil, []want{e("subjects", "required")}},
		{"subject blank", func(p *Procedure) { p.Subjects = []string{"Công dân", " "} }, nil, []want{e("subjects[1]", required)}},

		// Online level.
		{"online level missing", func(p *Procedure) { p.OnlineLevel = "" }, nil,
			[]want{e("online_level", `required: use one of "toan_trinh", "mot_phan", "khong"`)}},
		{"online level unknown", func(p *Procedure) { p.OnlineLevel = "muc_4" }, nil,
			[]want{e("online_level", `"muc_4" is not an online level: use one of "toan_trinh", "mot_phan", "khong"`)}},
		{"mot_phan needs no online channel", func(p *Procedure) {
			p.OnlineLevel = OnlinePartial
			p.Channels = p.Channels[:1]
			p.OnlineURL = ""
		}, nil, nil},
		{"toan_trinh without online channel", func(p *Procedure) { p.Channels = p.Channels[:1] }, nil,
			[]want{e("online_level", `"toan_trinh" (fully online), so a channel with kind = "truc_tuyen" is required`)}},
		{"toan_trinh without online_url", func(p *Procedure) { p.OnlineURL = "" }, nil,
			[]want{e("online_url", `required when online_level is "toan_trinh"`)}},
		{"toan_trinh with neither", func(p *Procedure) {
			p.Channels = p.Channels[:1]
			p.OnlineURL = ""
		}, nil, []want{e("online_level", "truc_tuyen"), e("online_url", "required when")}},

		// URLs.
		{"online_url not a URL", func(p *Procedure) { p.OnlineURL = "dichvucong.gov.vn" }, nil,
			[]want{e("online_url", `"dichvucong.gov.vn" is not a web address starting with https://`)}},
		{"online_url ftp", func(p *Procedure) { p.OnlineURL = "ftp://dichvucong.gov.vn/" }, nil, []want{e("online_url", "is not a web address")}},
		{"online_url without host", func(p *Procedure) { p.OnlineURL = "https:///x" }, nil, []want{e("online_url", "is not a web address")}},
		{"online_url unparseable", func(p *Procedure) { p.OnlineURL = "https://a b/%zz" }, nil, []want{e("online_url", "is not a web address")}},
		{"online_url http ok", func(p *Procedure) { p.OnlineURL = "http://dichvucong.gov.vn/" }, nil, nil},
		{"source_url missing", func(p *Procedure) { p.SourceURL = "" }, nil, []want{e("source_url", required)}},
		{"source_url relative", func(p *Procedure) { p.SourceURL = "/thu-tuc/" }, nil, []want{e("source_url", `"/thu-tuc/" is not a web address`)}},
		{"source_url javascript", func(p *Procedure) { p.SourceURL = "javascript:alert(1)" }, nil, []want{e("source_url", "is not a web address")}},

		// Channels.
		{"channels missing", func(p *Procedure) { p.Channels = nil; p.OnlineLevel = OnlineNone }, nil,
			[]want{e("channels", "required: at least one [[channels]] table")}},
		{"channels missing with toan_trinh", func(p *Procedure) { p.Channels = nil }, nil,
			[]want{e("channels", "required"), e("online_level", "truc_tuyen")}},
		{"channel kind missing", func(p *Procedure) { p.Channels[0].Kind = "" }, nil,
			[]want{e("channels[0].kind", `required: use one of "truc_tiep", "truc_tuyen", "buu_chinh"`)}},
		{"channel kind unknown", func(p *Procedure) { p.Channels[0].Kind = "email" }, nil,
			[]want{e("channels[0].kind", `"email" is not a channel: use one of "truc_tiep", "truc_tuyen", "buu_chinh"`)}},
		{"channel kind duplicate", func(p *Procedure) { p.Channels[1].Kind = ChannelInPerson }, nil,
			[]want{
				e("channels[1].kind", `"truc_tiep" is already used by channels[0]: each channel kind appears once`),
				e("online_level", "truc_tuyen"),
			}},
		{"every channel kind once ok", func(p *Procedure) {
			c := p.Channels[0]
			c.Kind = ChannelPost
			p.Channels = append(p.Channels, c)
		}, nil, nil},
		{"processing time text missing", func(p *Procedure) { p.Channels[1].ProcessingTime.Text = " " }, nil,
			[]want{e("channels[1].processing_time.text", "required: the processing time in the words of the national database")}},
		{"processing time unit missing", func(p *Procedure) { p.Channels[0].ProcessingTime.Unit = "" }, nil,
			[]want{e("channels[0].processing_time.unit", `required: use one of "ngay_lam_viec", "ngay", "gio", "trong_ngay"`)}},
		{"processing time unit unknown", func(p *Procedure) { p.Channels[0].ProcessingTime.Unit = "tuan" }, nil,
			[]want{e("channels[0].processing_time.unit", `"tuan" is not a unit: use one of "ngay_lam_viec", "ngay", "gio", "trong_ngay"`)}},
		{"processing time value negative", func(p *Procedure) { p.Channels[0].ProcessingTime.Value = ptr(-1) }, nil,
			[]want{e("channels[0].processing_time.value", "must not be negative")}},
		{"processing time value zero ok", func(p *Procedure) {
			p.Channels[0].ProcessingTime.Value = ptr(0)
			p.Channels[0].ProcessingTime.Text = "Trong ngày"
		}, nil, nil},
		// The template's value = 0 left beside the text "05 ngày làm việc",
		// or a value changed without its text: the summary would say 0.
		{"processing time value not in its text", func(p *Procedure) {
			p.Channels[0].ProcessingTime.Value = ptr(0)
			p.Channels[0].ProcessingTime.Text = "05 ngày làm việc"
		}, nil, []want{w("channels[0].processing_time.value", `0 is not among the numbers of the text "05 ngày làm việc": the page's summary shows the value`)}},
		{"processing time value among several numbers", func(p *Procedure) {
			p.Channels[0].ProcessingTime.Value = ptr(20)
			p.Channels[0].ProcessingTime.Text = "Không quá 15 ngày; không quá 20 ngày đối với công trình cấp III"
		}, nil, nil},
		{"processing time value left out ok", func(p *Procedure) { p.Channels[0].ProcessingTime.Value = nil }, nil, nil},
		// No fee listed builds (the model leaves fees optional), but is
		// not taken for free: the page says they are not published.
		{"no fees warned", func(p *Procedure) { p.Channels[0].Fees = nil }, nil,
			[]want{w("channels[0].fees", `no fee given: the page says the fees are not published; for a procedure without fees write fees = [{ type = "le_phi", amount_vnd = 0`)}},

		// Fees.
		{"fee type missing", func(p *Procedure) { p.Channels[0].Fees[1].Type = "" }, nil,
			[]want{e("channels[0].fees[1].type", `required: use one of "le_phi", "phi"`)}},
		{"fee type unknown", func(p *Procedure) { p.Channels[0].Fees[1].Type = "thue" }, nil,
			[]want{e("channels[0].fees[1].type", `"thue" is not a fee type: use one of "le_phi", "phi"`)}},
		{"fee amount without text", func(p *Procedure) { p.Channels[0].Fees[1].Text = "" }, nil,
			[]want{e("channels[0].fees[1].text", "required when amount_vnd > 0: copy the fee wording verbatim, with its exemptions")}},
		{"fee amount with blank text", func(p *Procedure) { p.Channels[0].Fees[1].Text = "  \n" }, nil,
			[]want{e("channels[0].fees[1].text", "required when amount_vnd > 0")}},
		{"fee without amount or text", func(p *Procedure) { p.Channels[1].Fees[0].Text = "" }, nil,
			[]want{e("channels[1].fees[0].text", "required when amount_vnd is not given: the fee wording, verbatim")}},
		{"free fee without text ok", func(p *Procedure) { p.Channels[0].Fees[0].Text = "" }, nil, nil},
		{"fee negative amount", func(p *Procedure) { p.Channels[0].Fees[1].AmountVND = ptr[int64](-5) }, nil,
			[]want{e("channels[0].fees[1].amount_vnd", "must not be negative (0 means free)")}},
		{"fee negative amount without text: one problem", func(p *Procedure) {
			p.Channels[0].Fees[1].AmountVND = ptr[int64](-5)
			p.Channels[0].Fees[1].Text = ""
		}, nil, []want{e("channels[0].fees[1].amount_vnd", "must not be negative")}},

		// Dossier.
		{"dossier missing", func(p *Procedure) { p.Dossier = nil }, nil,
			[]want{e("dossier", "required: at least one [[dossier]] table")}},
		{"dossier case blank", func(p *Procedure) { p.Dossier[1].Case = "" }, nil,
			[]want{e("dossier[1].case", "required: the situation these papers are for")}},
		{"dossier documents missing", func(p *Procedure) { p.Dossier[1].Documents = nil }, nil,
			[]want{e("dossier[1].documents", "required: at least one paper")}},
		{"document name blank", func(p *Procedure) { p.Dossier[0].Documents[1].Name = " " }, nil,
			[]want{e("dossier[0].documents[1].name", required)}},
		{"document originals missing", func(p *Procedure) { p.Dossier[0].Documents[0].Originals = nil }, nil,
			[]want{e("dossier[0].documents[0].originals", "required: how many (0 if none)")}},
		{"document copies missing", func(p *Procedure) { p.Dossier[0].Documents[0].Copies = nil }, nil,
			[]want{e("dossier[0].documents[0].copies", "required: how many (0 if none)")}},
		{"document counts missing", func(p *Procedure) {
			p.Dossier[0].Documents[1].Originals = nil
			p.Dossier[0].Documents[1].Copies = nil
		}, nil, []want{
			e("dossier[0].documents[1].originals", "required"),
			e("dossier[0].documents[1].copies", "required"),
		}},
		{"document originals negative", func(p *Procedure) { p.Dossier[0].Documents[0].Originals = ptr(-1) }, nil,
			[]want{e("dossier[0].documents[0].originals", "must not be negative")}},
		{"document copies negative", func(p *Procedure) { p.Dossier[0].Documents[0].Copies = ptr(-2) }, nil,
			[]want{e("dossier[0].documents[0].copies", "must not be negative")}},
		{"document both zero", func(p *Procedure) { p.Dossier[0].Documents[0].Originals = ptr(0) }, nil,
			[]want{e("dossier[0].documents[0]", "originals and copies are both 0: say how many to bring, or set show_only = true")}},
		{"document both zero, show only ok", func(p *Procedure) {
			p.Dossier[0].Documents[0].Originals = ptr(0)
			p.Dossier[0].Documents[0].ShowOnly = true
		}, nil, nil},
		{"show only no longer shown", func(p *Procedure) { p.Dossier[1].Documents[0].ShowOnly = false }, nil,
			[]want{e("dossier[1].documents[0]", "both 0")}},
		{"form title blank", func(p *Procedure) { p.Dossier[0].Documents[0].Form.Title = "" }, nil,
			[]want{e("dossier[0].documents[0].form.title", required)}},
		{"form file relative", func(p *Procedure) { p.Dossier[0].Documents[0].Form.File = "bieu-mau/to-khai.docx" }, nil,
			[]want{e("dossier[0].documents[0].form.file", `"bieu-mau/to-khai.docx" must be a path in the static folder starting with /`)}},
		{"form file empty", func(p *Procedure) { p.Dossier[0].Documents[0].Form.File = "" }, nil,
			[]want{e("dossier[0].documents[0].form.file", `"" must be a path`)}},
		{"form file URL", func(p *Procedure) { p.Dossier[0].Documents[0].Form.File = "https://x.gov.vn/a.docx" }, nil,
			[]want{e("dossier[0].documents[0].form.file", "starting with /")}},
		{"dossier_sets negative", func(p *Procedure) { p.DossierSets = ptr(-1) }, nil, []want{e("dossier_sets", "must not be negative")}},
		{"dossier_sets zero", func(p *Procedure) { p.DossierSets = ptr(0) }, nil,
			[]want{e("dossier_sets", "is 0, but a dossier is submitted in at least 1 set: write the number of sets, or leave dossier_sets out")}},
		{"dossier_sets left out ok", func(p *Procedure) { p.DossierSets = nil }, nil, nil},

		// Result, legal basis, keywords, related.
		{"result missing", func(p *Procedure) { p.Result = nil }, nil, []want{e("result", "required: what the citizen receives")}},
		{"result blank", func(p *Procedure) { p.Result = []string{"x", ""} }, nil, []want{e("result[1]", required)}},
		{"legal basis missing", func(p *Procedure) { p.LegalBasis = nil }, nil, []want{e("legal_basis", "required: at least one legal document")}},
		{"legal basis number and title blank", func(p *Procedure) { p.LegalBasis[0].Number, p.LegalBasis[0].Title = "", " " }, nil,
			[]want{e("legal_basis[0].number", required), e("legal_basis[0].title", required)}},
		{"legal basis issuer and date optional", func(p *Procedure) { p.LegalBasis[0].Issuer, p.LegalBasis[0].Issued = "", tomlfile.Date{} }, nil, nil},
		{"keyword blank", func(p *Procedure) { p.Keywords = []string{"", "x"} }, nil, []want{e("keywords[0]", required)}},
		{"related blank", func(p *Procedure) { p.Related = []string{""} }, nil, []want{e("related[0]", required)}},
		{"related not a code", func(p *Procedure) { p.Related = []string{"1.000656", "khai-sinh"} }, nil,
			[]want{e("related[1]", `"khai-sinh" is not a procedure code such as "1.001193"`)}},

		// Sync date and staleness.
		{"synced_at missing", func(p *Procedure) { p.SyncedAt = tomlfile.Date{} }, nil,
			[]want{e("synced_at", "required: the date the record was last checked")}},
		{"synced exactly at the limit", func(p *Procedure) { p.SyncedAt = date(2025, 6, 3) }, nil, nil},
		{"synced one day over the limit", func(p *Procedure) { p.SyncedAt = date(2025, 6, 2) }, nil,
			[]want{w("synced_at", "last synced 2025-06-02, 91 days before 2025-09-01 (limit 90 days): check the record against the national database")}},
		{"synced on the reference date", func(p *Procedure) { p.SyncedAt = date(2025, 9, 1) }, nil, nil},
		{"synced after the reference date", func(p *Procedure) { p.SyncedAt = date(2025, 9, 2) }, nil,
			[]want{w("synced_at", "2025-09-02 is after the site's reference date 2025-09-01")}},
		{"no reference date: no staleness", func(p *Procedure) { p.SyncedAt = date(2011, 1, 1) }, &Rules{}, nil},
		{"no limit: no staleness", func(p *Procedure) { p.SyncedAt = date(2011, 1, 1) }, &Rules{Today: rules.Today}, nil},
		{"no limit: future still warned", func(p *Procedure) { p.SyncedAt = date(2026, 1, 1) }, &Rules{Today: rules.Today},
			[]want{w("synced_at", "is after the site's reference date")}},

		// Dates out of their range: a written 0001-01-01 is a date, never
		// "required".
		{"synced_at 0001-01-01", func(p *Procedure) { p.SyncedAt = date(1, 1, 1) }, nil,
			[]want{e("synced_at", "0001-01-01 is before the national procedure database existed (Decree 63/2010/NĐ-CP, 2010-06-08): write the day the record was last checked against the national database, such as 2025-07-15")}},
		{"synced_at the day before the database", func(p *Procedure) { p.SyncedAt = date(2010, 6, 7) }, &Rules{},
			[]want{e("synced_at", "2010-06-07 is before the national procedure database existed")}},
		{"synced_at the day the database began", func(p *Procedure) { p.SyncedAt = date(2010, 6, 8) }, &Rules{}, nil},
		{"synced_at a year after the reference date", func(p *Procedure) { p.SyncedAt = date(2026, 9, 1) }, nil,
			[]want{w("synced_at", "2026-09-01 is after the site's reference date 2025-09-01")}},
		{"synced_at more than a year after the reference date", func(p *Procedure) { p.SyncedAt = date(2026, 9, 2) }, nil,
			[]want{e("synced_at", "2026-09-02 is more than a year after the site's reference date 2025-09-01: check the year; write the day the record was last checked")}},
		{"synced_at far ahead without a reference date", func(p *Procedure) { p.SyncedAt = date(2205, 1, 1) }, &Rules{}, nil},
		{"effective_from 0001-01-01", func(p *Procedure) { p.EffectiveFrom = date(1, 1, 1) }, nil,
			[]want{e("effective_from", "0001-01-01 is before 1945-09-02, earlier than any date a portal publishes: write the day the procedure takes effect, such as 2025-07-01")}},
		{"effective_from the day before 1945-09-02", func(p *Procedure) { p.EffectiveFrom = date(1945, 9, 1) }, nil,
			[]want{e("effective_from", "1945-09-01 is before 1945-09-02")}},
		{"effective_from 1945-09-02", func(p *Procedure) { p.EffectiveFrom = date(1945, 9, 2) }, nil, nil},
		{"effective_from five years ahead", func(p *Procedure) { p.EffectiveFrom = date(2030, 9, 1) }, nil, nil},
		{"effective_from more than five years ahead", func(p *Procedure) { p.EffectiveFrom = date(2030, 9, 2) }, nil,
			[]want{e("effective_from", "2030-09-02 is more than 5 years after the site's reference date 2025-09-01: check the year; write the day the procedure takes effect")}},
		{"effective_to 0001-01-01", func(p *Procedure) { p.EffectiveTo = date(1, 1, 1) }, nil,
			[]want{e("effective_to", "0001-01-01 is before 1945-09-02, earlier than any date a portal publishes: write the last day the procedure applies, such as 2025-06-30, or remove effective_to while it applies")}},
		{"effective_to before an effective_from out of range", func(p *Procedure) {
			p.EffectiveFrom, p.EffectiveTo = date(1, 1, 1), date(2025, 1, 1)
		}, nil, []want{e("effective_from", "0001-01-01 is before 1945-09-02")}},
		{"huyen ending on 0001-01-01", func(p *Procedure) {
			p.Level = []Level{LevelHuyen}
			p.EffectiveFrom, p.EffectiveTo = date(2020, 1, 1), date(1, 1, 1)
		}, nil, []want{e("effective_to", "0001-01-01 is before 1945-09-02")}},
		{"issued 0001-01-01", func(p *Procedure) { p.LegalBasis[0].Issued = date(1, 1, 1) }, nil,
			[]want{e("legal_basis[0].issued", "0001-01-01 is before 1945-09-02, earlier than any date a portal publishes: write the day the document was issued (ngày ban hành), such as 2014-11-20, or remove issued")}},
		{"issued 1945-09-02", func(p *Procedure) { p.LegalBasis[0].Issued = date(1945, 9, 2) }, nil, nil},
		{"issued after the reference date", func(p *Procedure) { p.LegalBasis[0].Issued = date(2025, 9, 2) }, nil,
			[]want{w("legal_basis[0].issued", "2025-09-02 is after the site's reference date 2025-09-01: check the day the document was issued, or as_of in site.toml")}},
		{"issued more than a year after the reference date", func(p *Procedure) {
			p.LegalBasis = append(p.LegalBasis, LegalDoc{Number: "1/2026/QH16", Title: "Luật", Issued: date(2062, 9, 2)})
		}, nil, []want{e("legal_basis[1].issued", "2062-09-02 is more than a year after the site's reference date 2025-09-01: check the year")}},
		{"every date 0001-01-01: none required", func(p *Procedure) {
			p.SyncedAt, p.EffectiveFrom, p.EffectiveTo, p.LegalBasis[0].Issued = date(1, 1, 1), date(1, 1, 1), date(1, 1, 1), date(1, 1, 1)
		}, nil, []want{
			e("synced_at", "0001-01-01 is before"), e("effective_from", "0001-01-01 is before"),
			e("effective_to", "0001-01-01 is before"), e("legal_basis[0].issued", "0001-01-01 is before"),
		}},

		// Validity.
		{"effective_from missing", func(p *Procedure) { p.EffectiveFrom = tomlfile.Date{} }, nil,
			[]want{e("effective_from", "required: the date the procedure takes effect")}},
		{"effective_to before effective_from", func(p *Procedure) { p.EffectiveTo = date(2025, 6, 30) }, nil,
			[]want{e("effective_to", "2025-06-30 is before effective_from 2025-07-01")}},
		{"effective_to same day ok", func(p *Procedure) { p.EffectiveTo = p.EffectiveFrom }, nil, nil},
		{"effective_to without effective_from", func(p *Procedure) {
			p.EffectiveFrom = tomlfile.Date{}
			p.EffectiveTo = date(2025, 1, 1)
		}, nil, []want{e("effective_from", "required")}},
		{"huyen ending before it started", func(p *Procedure) {
			p.Level = []Level{LevelHuyen}
			p.EffectiveTo = date(2025, 6, 30)
		}, nil, []want{e("effective_to", "is before effective_from")}},

		// Everything at once: every problem is reported, not only the first.
		{"empty record", func(p *Procedure) { *p = Procedure{} }, nil, []want{
			e("code", required), e("title", required), e("decision", required), e("field", required),
			e("agency", required), e("level", required), e("subjects", required), e("online_level", required),
			e("channels", required), e("dossier", required), e("result", required), e("legal_basis", required),
			e("source_url", required), e("synced_at", required), e("effective_from", required),
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := validProcedure()
			tt.mutate(p)
			rl := rules
			if tt.rules != nil {
				rl = *tt.rules
			}
			var r fakeReporter
			p.Validate(&r, rl)
			checkReports(t, r.got, tt.want)
		})
	}
}

// checkReports asserts that got and want are the same set of reports:
// the same paths and severities, each message containing its substring.
func checkReports(t *testing.T, got []report, wants []want) {
	t.Helper()
	got = slices.Clone(got)
	wants = slices.Clone(wants)
	slices.SortStableFunc(got, func(a, b report) int { return cmp.Compare(a.path, b.path) })
	slices.SortStableFunc(wants, func(a, b want) int { return cmp.Compare(a.path, b.path) })
	ok := len(got) == len(wants)
	if ok {
		for i := range got {
			if got[i].path != wants[i].path || got[i].warning != wants[i].warning || !strings.Contains(got[i].msg, wants[i].has) {
				ok = false
			}
		}
	}
	if !ok {
		var b strings.Builder
		for _, r := range got {
			fmt.Fprintf(&b, "\n  got  %s", r)
		}
		for _, x := range wants {
			sev := "error"
			if x.warning {
				sev = "warning"
			}
			fmt.Fprintf(&b, "\n  want %s %s: …%s…", sev, x.path, x.has)
		}
		t.Errorf("reports differ:%s", b.String())
	}
}

func TestValidateDoesNotModify(t *testing.T) {
	p := validProcedure()
	p.Code = "bad"
	p.Channels[0].Kind = "x"
	before := fmt.Sprintf("%+v", *p)
	var r fakeReporter
	p.Validate(&r, rules)
	if after := fmt.Sprintf("%+v", *p); after != before {
		t.Errorf("Validate modified the record:\n%s\n%s", before, after)
	}
}

func TestForms(t *testing.T) {
	a := &Form{Title: "Tờ khai A", File: "/bieu-mau/a.docx"}
	b := &Form{Title: "Tờ khai B", File: "/bieu-mau/b.docx"}
	aAgain := &Form{Title: "Tờ khai A (bản khác)", File: "/bieu-mau/a.docx"}
	tests := []struct {
		name    string
		dossier []Case
		want    []Form
	}{
		{"none", nil, nil},
		{"documents without forms", []Case{{Documents: []Document{{Name: "x"}}}}, nil},
		{"order kept", []Case{{Documents: []Document{{Form: b}, {Form: a}}}}, []Form{*b, *a}},
		{"repeat in one case", []Case{{Documents: []Document{{Form: a}, {}, {Form: a}}}}, []Form{*a}},
		{"repeat across cases keeps the first", []Case{
			{Documents: []Document{{Form: a}}},
			{Documents: []Document{{Form: b}, {Form: aAgain}}},
		}, []Form{*a, *b}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &Procedure{Dossier: tt.dossier}
			if got := p.Forms(); !slices.Equal(got, tt.want) {
				t.Errorf("Forms() = %+v, want %+v", got, tt.want)
			}
		})
	}
}

// TestFormRefs: every form file that is a site path, repeats included,
// each with the field it is written at; others are Validate's to report.
func TestFormRefs(t *testing.T) {
	a := &Form{Title: "A", File: "/bieu-mau/a.docx"}
	rel := &Form{Title: "R", File: "bieu-mau/r.docx"}
	p := &Procedure{Dossier: []Case{
		{Documents: []Document{{Name: "x"}, {Form: a}}},
		{Documents: []Document{{Form: rel}, {Form: a}}},
	}}
	want := []FormRef{{Case: 0, Document: 1, File: a.File}, {Case: 1, Document: 1, File: a.File}}
	if got := p.FormRefs(); !slices.Equal(got, want) {
		t.Errorf("FormRefs() = %+v, want %+v", got, want)
	}
	if got := want[1].Field(); got != "dossier[1].documents[1].form.file" {
		t.Errorf("Field() = %q", got)
	}
}

func TestChannelAndHasLevel(t *testing.T) {
	p := validProcedure()
	if c := p.Channel(ChannelOnline); c == nil || c != &p.Channels[1] {
		t.Errorf("Channel(truc_tuyen) = %p, want %p", c, &p.Channels[1])
	}
	if c := p.Channel(ChannelPost); c != nil {
		t.Errorf("Channel(buu_chinh) = %+v, want nil", c)
	}
	if !p.HasLevel(LevelXa) || p.HasLevel(LevelTinh) {
		t.Errorf("HasLevel: level %v", p.Level)
	}
}

func TestInForceOn(t *testing.T) {
	from, to := date(2025, 7, 1), date(2025, 12, 31)
	none := tomlfile.Date{}
	tests := []struct {
		name     string
		from, to tomlfile.Date
		day      tomlfile.Date
		want     bool
	}{
		{"no dates", none, none, date(1990, 1, 1), true},
		{"before start", from, to, date(2025, 6, 30), false},
		{"first day", from, to, from, true},
		{"middle", from, to, date(2025, 9, 2), true},
		{"last day", from, to, to, true},
		{"day after", from, to, date(2026, 1, 1), false},
		{"open end", from, none, date(2099, 1, 1), true},
		{"open end, before start", from, none, date(2025, 1, 1), false},
		{"open start", none, to, date(1990, 1, 1), true},
		{"open start, after end", none, to, date(2026, 1, 1), false},
		// A written 0001-01-01 is a date, not an end left open.
		{"ended on 0001-01-01", none, date(1, 1, 1), date(2025, 1, 1), false},
	}
	for _, tt := range tests {
		p := &Procedure{EffectiveFrom: tt.from, EffectiveTo: tt.to}
		if got := p.InForceOn(tt.day.Time()); got != tt.want {
			t.Errorf("%s: InForceOn(%s) = %v, want %v", tt.name, tt.day, got, tt.want)
		}
	}
}

func TestFee(t *testing.T) {
	tests := []struct {
		name      string
		amount    *int64
		free, has bool
		value     int64
	}{
		{"not given", nil, false, false, 0},
		{"zero", ptr[int64](0), true, true, 0},
		{"amount", ptr[int64](8000), false, true, 8000},
		{"negative", ptr[int64](-5), false, true, -5},
	}
	for _, tt := range tests {
		f := Fee{AmountVND: tt.amount}
		if f.Free() != tt.free || f.HasAmount() != tt.has || f.Amount() != tt.value {
			t.Errorf("%s: Free=%v HasAmount=%v Amount=%d, want %v %v %d",
				tt.name, f.Free(), f.HasAmount(), f.Amount(), tt.free, tt.has, tt.value)
		}
	}
}

// labelled is a vocabulary value.
type labelled interface {
	~string
	Label() msg.Text
	Valid() bool
}

func checkVocab[T labelled](t *testing.T, name string, vocab func() []T) {
	t.Helper()
	vals := vocab()
	if len(vals) > 0 {
		vals[0] = "khong-co"
		if vocab()[0] == "khong-co" {
			t.Errorf("%s: a caller changed the vocabulary through the slice it was given", name)
		}
		vals = vocab()
	}
	if len(vals) == 0 {
		t.Errorf("%s: empty vocabulary", name)
	}
	labels := map[string]T{}
	vi := locale.Vietnamese()
	for _, v := range vals {
		l := vi.Text(v.Label())
		if strings.TrimSpace(l) == "" || l == string(v) || l == v.Label().String() {
			t.Errorf("%s %q: Label() = %q, want a label with a Vietnamese translation", name, v, l)
		}
		if other, dup := labels[l]; dup {
			t.Errorf("%s %q and %q share the label %q", name, v, other, l)
		}
		labels[l] = v
		if !v.Valid() {
			t.Errorf("%s %q: Valid() = false", name, v)
		}
	}
	var unknown T = "khong-co"
	if unknown.Valid() {
		t.Errorf("%s: unknown value is valid", name)
	}
	if got := vi.Text(unknown.Label()); got != "khong-co" {
		t.Errorf("%s: Label of an unknown value = %q, want the value itself", name, got)
	}
}

func TestVocabularies(t *testing.T) {
	checkVocab(t, "Level", Levels)
	checkVocab(t, "OnlineLevel", OnlineLevels)
	checkVocab(t, "ChannelKind", ChannelKinds)
	checkVocab(t, "FeeType", FeeTypes)
	checkVocab(t, "TimeUnit", TimeUnits)

	// Spot checks of the wording citizens read, in Vietnamese and in
	// English.
	vi := locale.Vietnamese()
	for _, tc := range []struct {
		label  msg.Text
		vi, en string
	}{
		{LevelXa.Label(), "Cấp xã", "Commune level"},
		{LevelHuyen.Label(), "Cấp huyện (trước 01/7/2025)", "District level (before 1 July 2025)"},
		{LevelKhac.Label(), "Cơ quan khác", "Other agency"},
		{Level("moi").Label(), "moi", "moi"},
		{OnlineFull.Label(), "Dịch vụ công trực tuyến toàn trình", "Full online public service"},
		{OnlineNone.Label(), "Chỉ cung cấp thông tin", "Information only"},
		{ChannelInPerson.Label(), "Trực tiếp", "In person"},
		{ChannelPost.Label(), "Dịch vụ bưu chính công ích", "By public postal service"},
		{FeeLevy.Label(), "Lệ phí", "Charge"},
		{FeeCharge.Label(), "Phí", "Fee"},
		{UnitWorkingDays.Label(), "ngày làm việc", "working days"},
	} {
		if got := vi.Text(tc.label); got != tc.vi {
			t.Errorf("label %q in Vietnamese: %q, want %q", tc.label.Key(), got, tc.vi)
		}
		if got := tc.label.String(); got != tc.en {
			t.Errorf("label %q in English: %q, want %q", tc.label.Key(), got, tc.en)
		}
	}
	if !slices.Equal(Levels(), []Level{LevelBo, LevelTinh, LevelXa, LevelHuyen, LevelKhac}) {
		t.Errorf("Levels() = %q: pages show levels in this fixed order", Levels())
	}
}

func TestCodePattern(t *testing.T) {
	for code, want := range map[string]bool{
		"1.001193": true, "2.000635": true, "9.999999": true,
		"1001193": false, "1.00119": false, "0.001193": false, " 1.001193": false,
		"1.001193 ": false, "1.001193\n": false, "10.001193": false, "1,001193": false, "": false,
		"1.００1193": false, // full-width digits are not \d
	} {
		if got := ValidCode(code); got != want {
			t.Errorf("ValidCode(%q) = %v, want %v", code, got, want)
		}
	}
}

func TestRequiredHeadings(t *testing.T) {
	want := []string{"Trình tự thực hiện", "Yêu cầu, điều kiện thực hiện"}
	if !slices.Equal(RequiredHeadings(), want) {
		t.Errorf("RequiredHeadings() = %q, want %q", RequiredHeadings(), want)
	}
	RequiredHeadings()[0] = "Trình tự"
	if !slices.Equal(RequiredHeadings(), want) {
		t.Errorf("after a caller changed its copy, RequiredHeadings() = %q, want %q", RequiredHeadings(), want)
	}
}
