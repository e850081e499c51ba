package opendata

import (
	"io"
	"strconv"

	"github.com/congkhai/congkhai/internal/locale"
	"github.com/congkhai/congkhai/internal/procedure"
)

// Column is one column of a CSV export as its page describes it.
type Column struct {
	Name  string // in the header row
	Label string // in Vietnamese
	Type  string // what a cell holds, in Vietnamese
	Unit  string
}

// What cells hold, as the pages say it.
const (
	typeText  = "chữ"
	typeList  = "danh sách, các giá trị cách nhau bởi “; ”"
	typeInt   = "số nguyên"
	typeDate  = "ngày (YYYY-MM-DD)"
	typeURL   = "địa chỉ web"
	typeCode  = "mã"
	typeCodes = "danh sách mã, cách nhau bởi “; ”"
	typeBool  = "đúng/sai (true/false)"
)

// channelColumns are the columns of each channel kind, after its kind's
// name: truc_tiep_processing_time_text.
var channelColumns = []struct{ suffix, label, typ, unit string }{
	{"processing_time_value", "thời hạn giải quyết (số)", typeInt, ""},
	{"processing_time_unit", "đơn vị của thời hạn (ngay_lam_viec, ngay, gio, trong_ngay)", typeCode, ""},
	{"processing_time_text", "thời hạn giải quyết (nguyên văn)", typeText, ""},
	{"fee_types", "loại phí của từng khoản (le_phi, phi)", typeCodes, ""},
	{"fee_amounts_vnd", "mức thu của từng khoản; 0 là miễn phí, để trống là không nêu mức", typeList, "đồng"},
	{"fee_unit_texts", "đơn vị tính của từng khoản", typeList, ""},
	{"fee_texts", "nội dung từng khoản phí, lệ phí (nguyên văn, cả trường hợp miễn)", typeList, ""},
	{"note", "mô tả", typeText, ""},
}

// ProcedureColumns are the columns of the procedures CSV, in order. Each
// channel kind (truc_tiep, truc_tuyen, buu_chinh) has a group of columns
// of its own, empty when the procedure has no such channel; the fees of a
// channel are one item each in its four fee_* cells, in the same order.
func ProcedureColumns() []Column {
	cols := []Column{
		{"url", "Địa chỉ trang của thủ tục", typeURL, ""},
		{"code", "Mã thủ tục", typeCode, ""},
		{"legacy_codes", "Mã cũ", typeCodes, ""},
		{"title", "Tên thủ tục", typeText, ""},
		{"decision", "Số quyết định công bố", typeText, ""},
		{"field", "Lĩnh vực", typeText, ""},
		{"level", "Cấp thực hiện (bo, tinh, xa, huyen, khac)", typeCodes, ""},
		{"kind", "Loại thủ tục", typeText, ""},
		{"subjects", "Đối tượng thực hiện", typeList, ""},
		{"agency", "Cơ quan thực hiện", typeText, ""},
		{"competent_agency", "Cơ quan có thẩm quyền", typeText, ""},
		{"delegated_agency", "Cơ quan được ủy quyền", typeText, ""},
		{"coordinating_agencies", "Cơ quan phối hợp", typeList, ""},
		{"reception_address", "Địa chỉ tiếp nhận hồ sơ", typeText, ""},
		{"online_level", "Mức độ dịch vụ công trực tuyến (toan_trinh, mot_phan, khong)", typeCode, ""},
		{"online_url", "Địa chỉ nộp hồ sơ trực tuyến", typeURL, ""},
	}
	for _, k := range procedure.ChannelKinds() {
		for _, c := range channelColumns {
			cols = append(cols, Column{string(k) + "_" + c.suffix, locale.OrVietnamese(nil).Text(k.Label()) + ": " + c.label, c.typ, c.unit})
		}
	}
	return append(cols,
		Column{"dossier_sets", "Số lượng bộ hồ sơ", typeInt, "bộ"},
		Column{"dossier_cases", "Các trường hợp của thành phần hồ sơ", typeList, ""},
		Column{"dossier_documents", "Tên các giấy tờ, theo thứ tự các trường hợp", typeList, ""},
		Column{"forms", "Địa chỉ các mẫu đơn, tờ khai", typeList, ""},
		Column{"result", "Kết quả thực hiện", typeList, ""},
		Column{"legal_basis", "Số ký hiệu các văn bản căn cứ pháp lý", typeList, ""},
		Column{"legal_basis_titles", "Trích yếu các văn bản căn cứ pháp lý, cùng thứ tự", typeList, ""},
		Column{"keywords", "Từ khóa", typeList, ""},
		Column{"source_url", "Nguồn (Cơ sở dữ liệu quốc gia về thủ tục hành chính)", typeURL, ""},
		Column{"synced_at", "Ngày đồng bộ", typeDate, ""},
		Column{"effective_from", "Hiệu lực từ ngày", typeDate, ""},
		Column{"effective_to", "Hiệu lực đến ngày", typeDate, ""},
		Column{"related", "Mã các thủ tục liên quan", typeCodes, ""},
		Column{"aliases", "Địa chỉ cũ của trang", typeList, ""},
		Column{"description", "Mô tả", typeText, ""},
	)
}

// ProcedureCSV streams the procedures CSV export, one row per procedure.
type ProcedureCSV struct {
	w   *CSVWriter
	row []string
	// absURL turns a form's site path into its absolute address.
	absURL func(string) string
}

// NewProcedureCSV writes the byte order mark and the header row to w.
// absURL turns a site path (a form file) into an absolute address.
func NewProcedureCSV(w io.Writer, absURL func(string) string) (*ProcedureCSV, error) {
	cw, err := NewCSV(w)
	if err != nil {
		return nil, err
	}
	c := &ProcedureCSV{w: cw, absURL: absURL}
	var header []string
	for _, col := range ProcedureColumns() {
		header = append(header, col.Name)
	}
	return c, cw.Write(header)
}

// Add writes the row of one procedure, published at the absolute address url.
func (c *ProcedureCSV) Add(url string, p *procedure.Procedure) error {
	row := append(c.row[:0], url, p.Code, joinList(p.LegacyCodes), p.Title, p.Decision, p.Field, joinList(slugs(p.Level)),
		p.Kind, joinList(p.Subjects), p.Agency, p.CompetentAgency, p.DelegatedAgency, joinList(p.CoordinatingAgencies),
		p.ReceptionAddress, string(p.OnlineLevel), p.OnlineURL)
	for _, k := range procedure.ChannelKinds() {
		row = appendChannels(row, p, k)
	}
	var cases, docs, forms []string
	for _, cs := range p.Dossier {
		cases = append(cases, cs.Case)
		for _, d := range cs.Documents {
			docs = append(docs, d.Name)
		}
	}
	for _, f := range p.Forms() {
		if len(f.File) > 0 && f.File[0] == '/' {
			forms = append(forms, c.absURL(f.File))
		} else {
			forms = append(forms, f.File)
		}
	}
	var numbers, titles []string
	for _, l := range p.LegalBasis {
		numbers = append(numbers, l.Number)
		titles = append(titles, l.Title)
	}
	sets := ""
	if p.DossierSets != nil {
		sets = strconv.Itoa(*p.DossierSets)
	}
	row = append(row, sets, joinList(cases), joinList(docs), joinList(forms), joinList(p.Result),
		joinList(numbers), joinList(titles), joinList(p.Keywords), p.SourceURL,
		p.SyncedAt.String(), p.EffectiveFrom.String(), p.EffectiveTo.String(), joinList(p.Related), joinList(p.Aliases), p.Description)
	c.row = row
	return c.w.Write(row)
}

// Close writes what is buffered.
func (c *ProcedureCSV) Close() error { return c.w.Flush() }

// appendChannels appends the cells of the channels of kind k: a second
// channel of the same kind adds its values after the first's.
func appendChannels(row []string, p *procedure.Procedure, k procedure.ChannelKind) []string {
	var values, units, texts, types, amounts, unitTexts, feeTexts, notes []string
	for _, ch := range p.Channels {
		if ch.Kind != k {
			continue
		}
		if v := ch.ProcessingTime.Value; v != nil {
			values = append(values, strconv.Itoa(*v))
		}
		if ch.ProcessingTime.Unit != "" {
			units = append(units, string(ch.ProcessingTime.Unit))
		}
		texts = append(texts, ch.ProcessingTime.Text)
		for _, f := range ch.Fees {
			types = append(types, string(f.Type))
			amount := ""
			if f.HasAmount() {
				amount = strconv.FormatInt(f.Amount(), 10)
			}
			amounts = append(amounts, amount)
			unitTexts = append(unitTexts, f.UnitText)
			feeTexts = append(feeTexts, f.Text)
		}
		if ch.Note != "" {
			notes = append(notes, ch.Note)
		}
	}
	return append(row, joinList(values), joinList(units), joinList(texts), joinList(types), joinList(amounts),
		joinList(unitTexts), joinList(feeTexts), joinList(notes))
}

// slugs are the values of a vocabulary as written in the files.
func slugs[T ~string](xs []T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
}
