package opendata

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/congkhai/congkhai/internal/personaldata"
	"github.com/congkhai/congkhai/internal/procedure"
	"github.com/congkhai/congkhai/internal/tomlfile"
)

func ptr[T any](v T) *T { return &v }

// sample is a record with every kind of field set, and some left empty.
func sample() *procedure.Procedure {
	return &procedure.Procedure{
		Code: "1.001193", Title: "Thủ tục đăng ký khai sinh", Decision: "1872/QĐ-BTP", Field: "Hộ tịch",
		Level: []procedure.Level{procedure.LevelXa}, Subjects: []string{"Công dân Việt Nam", "Người nước ngoài"},
		Agency: "Ủy ban nhân dân cấp xã", OnlineLevel: procedure.OnlineFull, OnlineURL: "https://dichvucong.gov.vn/x",
		Channels: []procedure.Channel{
			{Kind: procedure.ChannelInPerson, ProcessingTime: procedure.ProcessingTime{Unit: procedure.UnitSameDay, Text: "Trong ngày"},
				Fees: []procedure.Fee{
					{Type: procedure.FeeLevy, AmountVND: ptr[int64](8000), Text: "Miễn lệ phí khi đăng ký đúng hạn; miễn cho hộ nghèo"},
					{Type: procedure.FeeCharge, AmountVND: ptr[int64](8000), UnitText: "bản sao", Text: "=HYPERLINK(\"x\")"},
				}},
			{Kind: procedure.ChannelOnline, ProcessingTime: procedure.ProcessingTime{Value: ptr(3), Unit: procedure.UnitWorkingDays, Text: "03 ngày làm việc"},
				Fees: []procedure.Fee{{Type: procedure.FeeLevy, Text: "Không nêu mức"}, {Type: procedure.FeeCharge, AmountVND: ptr[int64](0)}}},
			{Kind: procedure.ChannelPost, ProcessingTime: procedure.ProcessingTime{Value: ptr(15), Unit: procedure.UnitDays, Text: "15 ngày"}},
		},
		Dossier: []procedure.Case{{Case: "Giấy tờ phải nộp", Documents: []procedure.Document{
			{Name: "Tờ khai", Originals: ptr(1), Copies: ptr(0), Form: &procedure.Form{Title: "Tờ khai", File: "/bieu-mau/to-khai.docx"}},
			{Name: "Giấy chứng sinh", ShowOnly: true},
		}}},
		DossierSets: ptr(2),
		Result:      []string{"Giấy khai sinh"},
		LegalBasis:  []procedure.LegalDoc{{Number: "60/2014/QH13", Title: "Luật Hộ tịch", Issued: tomlfile.NewDate(2014, 11, 20)}},
		SourceURL:   "https://dichvucong.gov.vn/x", SyncedAt: tomlfile.NewDate(2026, 10, 5),
		EffectiveFrom: tomlfile.NewDate(2025, 7, 1),
		Description:   "</script><b>khai sinh</b> & \u2028",
		// The record of a consent is not published, the number only where
		// the page's text shows it.
		PublishedMobiles: []personaldata.Consent{{Number: "0912 345 678", ConsentRef: "Văn bản đồng ý số 12 ngày 2025-07-10"}},
	}
}

// assertNoConsent fails when an export holds the consent record of sample.
func assertNoConsent(t *testing.T, out []byte) {
	t.Helper()
	for _, s := range []string{"published_mobiles", "0912 345 678", "Văn bản đồng ý"} {
		if bytes.Contains(out, []byte(s)) {
			t.Errorf("the export holds %q, of a consent record", s)
		}
	}
}

func meta() Meta {
	return Meta{Title: "Thủ tục hành chính", Publisher: "UBND phường", Page: "https://x.gov.vn/du-lieu/thu-tuc/",
		License: License{"CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"}, Updated: time.Date(2026, 10, 5, 0, 0, 0, 0, time.UTC)}
}

func procedureJSON(t *testing.T, m Meta, ps ...*procedure.Procedure) []byte {
	t.Helper()
	var b bytes.Buffer
	j, err := NewProcedureJSON(&b, m, len(ps))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		if err := j.Add("https://x.gov.vn/thu-tuc/"+p.Code+"/", p); err != nil {
			t.Fatal(err)
		}
	}
	if err := j.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestProcedureJSON: the export is valid JSON against its schema, holds
// every field of the record with its values, and escapes what an HTML
// parser would take for markup.
func TestProcedureJSON(t *testing.T) {
	empty := &procedure.Procedure{Code: "2.000001", Title: "Trống", Level: []procedure.Level{procedure.LevelTinh}, OnlineLevel: procedure.OnlineNone}
	out := procedureJSON(t, meta(), sample(), empty)
	validate(t, "procedures", ProcedureSchema(), out)
	if bytes.Contains(out, []byte("</script>")) || !bytes.Contains(out, []byte(`\u003c/script\u003e`)) || !bytes.Contains(out, []byte(`\u2028`)) {
		t.Errorf("markup is not escaped:\n%s", out)
	}
	var doc struct {
		Count      int              `json:"count"`
		Updated    string           `json:"updated"`
		Procedures []map[string]any `json:"procedures"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Count != 2 || len(doc.Procedures) != 2 || doc.Updated != "2026-10-05" {
		t.Fatalf("count %d, %d procedures, updated %q", doc.Count, len(doc.Procedures), doc.Updated)
	}
	got := doc.Procedures[0]
	for _, key := range ProcedureFields() {
		if _, ok := got[key]; !ok {
			t.Errorf("field %s is missing", key)
		}
	}
	if len(got) != len(ProcedureFields()) {
		t.Errorf("%d fields, want %d", len(got), len(ProcedureFields()))
	}
	fees := got["channels"].([]any)[1].(map[string]any)["fees"].([]any)
	if fees[0].(map[string]any)["amount_vnd"] != nil || fees[1].(map[string]any)["amount_vnd"] != 0.0 {
		t.Errorf("an amount not stated must be null and a free one 0: %v", fees)
	}
	if got["code"] != "1.001193" || got["synced_at"] != "2026-10-05" || got["effective_to"] != nil {
		t.Errorf("code %v, synced_at %v, effective_to %v", got["code"], got["synced_at"], got["effective_to"])
	}
	if e := doc.Procedures[1]; e["legacy_codes"] == nil || len(e["channels"].([]any)) != 0 {
		t.Errorf("empty lists must be [], not null: %v", e)
	}
	// A number left out is null, never 0; a number written is itself.
	value := func(i int) any {
		return got["channels"].([]any)[i].(map[string]any)["processing_time"].(map[string]any)["value"]
	}
	if got["dossier_sets"] != 2.0 || doc.Procedures[1]["dossier_sets"] != nil || value(0) != nil || value(1) != 3.0 {
		t.Errorf("dossier_sets %v and %v, processing_time.value %v and %v; want 2 and null, null and 3",
			got["dossier_sets"], doc.Procedures[1]["dossier_sets"], value(0), value(1))
	}
	assertNoConsent(t, out)
}

// TestProcedureJSONCount: Close fails when the head announced another
// number of procedures.
func TestProcedureJSONCount(t *testing.T) {
	var b bytes.Buffer
	j, err := NewProcedureJSON(&b, meta(), 2)
	if err != nil {
		t.Fatal(err)
	}
	_ = j.Add("https://x/", sample())
	if err := j.Close(); err == nil {
		t.Error("Close accepted 1 procedure for 2 announced")
	}
}

// TestProcedureSchemaHasEveryField: the schema of a procedure lists every
// field of procedure.Procedure, so that a field added to the record
// cannot be exported without it (additionalProperties is false).
func TestProcedureSchemaHasEveryField(t *testing.T) {
	var s struct {
		Defs map[string]struct {
			Properties map[string]any `json:"properties"`
			Required   []string       `json:"required"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(ProcedureSchema(), &s); err != nil {
		t.Fatal(err)
	}
	def := s.Defs["procedure"]
	for _, key := range ProcedureFields() {
		if def.Properties[key] == nil || !slices.Contains(def.Required, key) {
			t.Errorf("the schema of a procedure lacks the required property %q", key)
		}
	}
	if len(def.Properties) != len(ProcedureFields()) {
		t.Errorf("the schema has %d properties, the export %d", len(def.Properties), len(ProcedureFields()))
	}
}

// TestProcedureCSV: one row per procedure under the header, with the
// byte order mark; lists joined with "; ", each channel kind in its
// columns, fees one item each, and a formula neutralised.
func TestProcedureCSV(t *testing.T) {
	var b bytes.Buffer
	c, err := NewProcedureCSV(&b, func(p string) string { return "https://x.gov.vn" + p })
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Add("https://x.gov.vn/thu-tuc/khai-sinh/", sample()); err != nil {
		t.Fatal(err)
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(b.String(), "\uFEFFurl,code,") || !strings.Contains(b.String(), "\r\n") {
		t.Fatalf("no BOM, header or CRLF: %q", b.String()[:40])
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(b.String(), "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || len(rows[0]) != len(ProcedureColumns()) || len(rows[1]) != len(rows[0]) {
		t.Fatalf("%d rows of %d cells, want 2 of %d", len(rows), len(rows[0]), len(ProcedureColumns()))
	}
	cell := map[string]string{}
	for i, name := range rows[0] {
		cell[name] = rows[1][i]
	}
	for name, want := range map[string]string{
		"code":                             "1.001193",
		"level":                            "xa",
		"subjects":                         "Công dân Việt Nam; Người nước ngoài",
		"truc_tiep_fee_types":              "le_phi; phi",
		"truc_tiep_fee_amounts_vnd":        "8000; 8000",
		"truc_tiep_fee_unit_texts":         "; bản sao",
		"truc_tiep_fee_texts":              "Miễn lệ phí khi đăng ký đúng hạn; miễn cho hộ nghèo; =HYPERLINK(\"x\")",
		"truc_tuyen_processing_time_value": "3",
		"truc_tuyen_fee_amounts_vnd":       "; 0",
		"buu_chinh_processing_time_text":   "15 ngày",
		"buu_chinh_processing_time_value":  "15",
		"buu_chinh_fee_types":              "",
		"forms":                            "https://x.gov.vn/bieu-mau/to-khai.docx",
		"dossier_documents":                "Tờ khai; Giấy chứng sinh",
		"legal_basis":                      "60/2014/QH13",
		"synced_at":                        "2026-10-05",
		"effective_to":                     "",
		"dossier_sets":                     "2",
		"truc_tiep_processing_time_value":  "",
	} {
		if cell[name] != want {
			t.Errorf("%s = %q, want %q", name, cell[name], want)
		}
	}
	assertNoConsent(t, b.Bytes())
}

// TestNeutralise: a cell that a spreadsheet would read as a formula gets
// a quote in front (OWASP CSV injection); numbers and other text stay.
func TestNeutralise(t *testing.T) {
	for in, want := range map[string]string{
		"=1+1":                     "'=1+1",
		"+84 912 000 101":          "'+84 912 000 101",
		"-2+3":                     "'-2+3",
		"@SUM(A1:A2)":              "'@SUM(A1:A2)",
		"\t=cmd":                   "'\t=cmd",
		"\r=cmd":                   "'\r=cmd",
		"-":                        "'-",
		"-12":                      "-12",
		"-0.5":                     "-0.5",
		"-.5":                      "'-.5",
		"12":                       "12",
		"":                         "",
		"Sở Tư pháp":               "Sở Tư pháp",
		"a=b":                      "a=b",
		"'=already":                "'=already",
		" =leading space":          " =leading space",
		"=HYPERLINK(\"http://x\")": "'=HYPERLINK(\"http://x\")",
	} {
		if got := Neutralise(in); got != want {
			t.Errorf("Neutralise(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestCSVWriterNeutralises: the writer neutralises every cell it writes.
func TestCSVWriterNeutralises(t *testing.T) {
	var b bytes.Buffer
	w, err := NewCSV(&b)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Write([]string{"=cmd|' /C calc'!A0", "@x", "-3", "ok"}); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if got, want := b.String(), "\uFEFF'=cmd|' /C calc'!A0,'@x,-3,ok\r\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
