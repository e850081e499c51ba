package opendata

import (
	"io"
	"strconv"
	"unsafe"

	"github.com/congkhai/congkhai/internal/locale"
	"github.com/congkhai/congkhai/internal/procedure"
	"github.com/congkhai/congkhai/internal/tomlfile"
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
	w     *CSVWriter
	cells cells
	row   []string
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
	r := &c.cells
	r.reset()
	r.text(url)
	r.text(p.Code)
	r.list(p.LegacyCodes...)
	r.text(p.Title)
	r.text(p.Decision)
	r.text(p.Field)
	r.begin()
	for _, l := range p.Level {
		r.item(string(l))
	}
	r.text(p.Kind)
	r.list(p.Subjects...)
	r.text(p.Agency)
	r.text(p.CompetentAgency)
	r.text(p.DelegatedAgency)
	r.list(p.CoordinatingAgencies...)
	r.text(p.ReceptionAddress)
	r.text(string(p.OnlineLevel))
	r.text(p.OnlineURL)
	for _, k := range procedure.ChannelKinds() {
		channelCells(r, p, k)
	}
	r.begin()
	if p.DossierSets != nil {
		r.int(int64(*p.DossierSets))
	}
	r.begin()
	for _, cs := range p.Dossier {
		r.item(cs.Case)
	}
	r.begin()
	for _, cs := range p.Dossier {
		for _, d := range cs.Documents {
			r.item(d.Name)
		}
	}
	r.begin()
	for _, f := range p.Forms() {
		if len(f.File) > 0 && f.File[0] == '/' {
			r.item(c.absURL(f.File))
		} else {
			r.item(f.File)
		}
	}
	r.list(p.Result...)
	r.begin()
	for _, l := range p.LegalBasis {
		r.item(l.Number)
	}
	r.begin()
	for _, l := range p.LegalBasis {
		r.item(l.Title)
	}
	r.list(p.Keywords...)
	r.text(p.SourceURL)
	r.date(p.SyncedAt)
	r.date(p.EffectiveFrom)
	r.date(p.EffectiveTo)
	r.list(p.Related...)
	r.list(p.Aliases...)
	r.text(p.Description)
	c.row = r.row(c.row[:0])
	return c.w.Write(c.row)
}

// Close writes what is buffered.
func (c *ProcedureCSV) Close() error { return c.w.Flush() }

// channelCells adds the cells of the channels of kind k: a second channel
// of the same kind adds its values after the first's.
func channelCells(r *cells, p *procedure.Procedure, k procedure.ChannelKind) {
	of := func(yield func(*procedure.Channel) bool) {
		for i := range p.Channels {
			if ch := &p.Channels[i]; ch.Kind == k && !yield(ch) {
				return
			}
		}
	}
	r.begin()
	for ch := range of {
		if v := ch.ProcessingTime.Value; v != nil {
			r.int(int64(*v))
		}
	}
	r.begin()
	for ch := range of {
		if ch.ProcessingTime.Unit != "" {
			r.item(string(ch.ProcessingTime.Unit))
		}
	}
	r.begin()
	for ch := range of {
		r.item(ch.ProcessingTime.Text)
	}
	r.begin()
	for ch := range of {
		for _, f := range ch.Fees {
			r.item(string(f.Type))
		}
	}
	r.begin()
	for ch := range of {
		for _, f := range ch.Fees {
			if f.HasAmount() {
				r.int(f.Amount())
			} else {
				r.item("")
			}
		}
	}
	r.begin()
	for ch := range of {
		for _, f := range ch.Fees {
			r.item(f.UnitText)
		}
	}
	r.begin()
	for ch := range of {
		for _, f := range ch.Fees {
			r.item(f.Text)
		}
	}
	r.begin()
	for ch := range of {
		if ch.Note != "" {
			r.item(ch.Note)
		}
	}
}

// cells makes the cells of a row in one buffer, reused from row to row:
// a repeated field's values are joined in place (ListSeparator), not
// gathered in a list and joined, which was most of what the export
// allocated.
type cells struct {
	buf  []byte
	ends []int // where each cell ends in buf
	// items is how many values the last cell holds.
	items int
}

func (r *cells) reset() { r.buf, r.ends = r.buf[:0], r.ends[:0] }

// begin starts a cell; its values follow.
func (r *cells) begin() {
	r.ends = append(r.ends, len(r.buf))
	r.items = 0
}

// item adds a value to the last cell.
func (r *cells) item(s string) {
	r.next()
	r.buf = append(r.buf, s...)
	r.end()
}

// int adds a number to the last cell.
func (r *cells) int(n int64) {
	r.next()
	r.buf = strconv.AppendInt(r.buf, n, 10)
	r.end()
}

// next begins a value of the last cell, after the separator when the
// cell has one already.
func (r *cells) next() {
	if r.items > 0 {
		r.buf = append(r.buf, ListSeparator...)
	}
	r.items++
}

// end ends the last cell where the buffer ends.
func (r *cells) end() { r.ends[len(r.ends)-1] = len(r.buf) }

// text adds a cell of one text, and list one of values.
func (r *cells) text(s string) { r.begin(); r.item(s) }

func (r *cells) list(values ...string) {
	r.begin()
	for _, v := range values {
		r.item(v)
	}
}

// date adds a cell of a date, 2026-10-05, empty when none is given.
func (r *cells) date(d tomlfile.Date) {
	r.begin()
	r.buf = d.Append(r.buf)
	r.end()
}

// row appends the cells to dst. They are the buffer's bytes, valid until
// the next reset: CSVWriter.Write copies them.
func (r *cells) row(dst []string) []string {
	start := 0
	for _, end := range r.ends {
		cell := ""
		if end > start {
			cell = unsafe.String(&r.buf[start], end-start)
		}
		dst = append(dst, cell)
		start = end
	}
	return dst
}

// slugs are the values of a vocabulary as written in the files.
func slugs[T ~string](xs []T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
}
