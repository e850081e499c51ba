package late

import (
	"strconv"
	"strings"
	"time"

	"github.com/congkhai/congkhai/internal/dataset"
	"github.com/congkhai/congkhai/internal/msg"
	"github.com/congkhai/congkhai/internal/problem"
	"github.com/congkhai/congkhai/internal/procedure"
	"github.com/congkhai/congkhai/internal/vntext"
)

// Columns are the columns of the file, each required, in any order.
func Columns() []string {
	return []string{"ky", "don_vi", "ma_thu_tuc", "ngay_nhan", "ngay_hen_tra", "ngay_tra", "so_ngay_tre", "ngay_xin_loi", "ly_do", "ngay_hen_moi"}
}

// personalColumns are parts of column names that say a column holds
// personal data, which the file must never have (Decree 13/2023): names,
// identity and dossier numbers, phones, e-mails, addresses, birth dates.
func personalColumns() []string {
	return []string{"ho_ten", "ho_va_ten", "hoten", "ten_nguoi", "nguoi_nop", "nguoi_yeu_cau", "chu_ho_so", "cccd", "cmnd", "can_cuoc",
		"dinh_danh", "ho_chieu", "so_ho_so", "ma_ho_so", "dien_thoai", "sdt", "email", "thu_dien_tu", "dia_chi", "ngay_sinh",
		"full_name", "phone", "address", "id_number", "dossier_no", "dossier_number"}
}

// looksPersonal reports whether a column name says it holds personal
// data: one of personalColumns as whole words of it.
func looksPersonal(name string) bool {
	n := "_" + strings.ReplaceAll(vntext.Slug(name), "-", "_") + "_"
	for _, p := range personalColumns() {
		if strings.Contains(n, "_"+p+"_") {
			return true
		}
	}
	return false
}

// Parse reads the text of data/ho-so-tre-han.csv (file is the name shown
// in problems). units are the unit_ids of data/ho-so-thang.csv, which
// every row's don_vi must be one of (nil: not checked). It returns nil
// when there is an error.
func Parse(file string, src []byte, units map[string]bool, problems *problem.List) *File {
	var local problem.List
	defer problems.Merge(&local)
	t, ok := dataset.ReadCSV(file, src, &local)
	if t == nil {
		return nil
	}
	col := map[string]int{}
	for i, h := range t.Header {
		pos := t.HeaderPos[i]
		switch {
		case looksPersonal(h):
			local.Errorf(file, pos.Line, h, "the column %q looks like personal data (a name, an ID or dossier number, a phone, an address): late dossiers are published without any (Decree 13/2023/NĐ-CP); remove the column", h)
		case !contains(Columns(), h):
			local.Errorf(file, pos.Line, h, "unknown column %q: the columns are %s", h, problem.Quoted(Columns()))
		default:
			if _, dup := col[h]; dup {
				local.Errorf(file, pos.Line, h, "the column %q is given twice", h)
			}
			col[h] = i
		}
	}
	var missing []string
	for _, c := range Columns() {
		if _, ok := col[c]; !ok {
			missing = append(missing, c)
		}
	}
	if len(missing) > 0 {
		local.Errorf(file, 1, "", "missing columns: %s", problem.Quoted(missing))
	}
	if !ok || local.Errors() > 0 {
		return nil
	}
	f := &File{}
	for _, r := range t.Records {
		d := Dossier{Line: r.Line}
		bad := false
		cell := func(name string) string { return strings.TrimSpace(r.Cells[col[name]]) }
		errorf := func(name, format string, args ...any) {
			local.Errorf(file, r.Line, name, format, args...)
			bad = true
		}
		date := func(name string, required bool) time.Time {
			s := cell(name)
			if s == "" {
				if required {
					errorf(name, "required: a date such as 2026-10-15")
				}
				return time.Time{}
			}
			t, err := time.Parse(time.DateOnly, s)
			if err != nil {
				errorf(name, "%q is not a date: write it as 2026-10-15", s)
			}
			return t
		}
		d.Period = cell("ky")
		if p, err := time.Parse("2006-01", d.Period); err != nil || p.Format("2006-01") != d.Period {
			errorf("ky", "%q is not a month: write it as 2026-10", d.Period)
		}
		d.Unit = cell("don_vi")
		if d.Unit == "" {
			errorf("don_vi", "required: the agency's unit_id, as data/ho-so-thang.csv names it")
		} else if units != nil && !units[d.Unit] {
			errorf("don_vi", "%q is not a unit_id of data/ho-so-thang.csv, whose monthly totals the share of late dossiers is counted against", d.Unit)
		}
		d.Code = cell("ma_thu_tuc")
		if !procedure.ValidCode(d.Code) {
			errorf("ma_thu_tuc", "%q is not a procedure code: codes look like 1.001193", d.Code)
		}
		d.Received = date("ngay_nhan", true)
		d.Due = date("ngay_hen_tra", true)
		d.Resolved = date("ngay_tra", false)
		d.Apology = date("ngay_xin_loi", false)
		d.Promised = date("ngay_hen_moi", false)
		days := r.Cells[col["so_ngay_tre"]]
		if n, err := strconv.Atoi(strings.TrimSpace(days)); err != nil || n < 1 || n > 3650 {
			errorf("so_ngay_tre", "%q is not a number of working days late (1 or more)", days)
		} else {
			d.DaysLate = n
		}
		d.Reason = Reason(cell("ly_do"))
		if err := problem.CheckVocab(d.Reason, msg.T("a reason"), Reasons()); err != nil {
			errorf("ly_do", "%v", err)
		}
		switch {
		case bad:
		case d.Due.Before(d.Received):
			errorf("ngay_hen_tra", "%s is before ngay_nhan %s", d.Due.Format(time.DateOnly), d.Received.Format(time.DateOnly))
		case !d.Resolved.IsZero() && !d.Resolved.After(d.Due):
			errorf("ngay_tra", "%s is not after ngay_hen_tra %s: a dossier resolved by its due date is not late", d.Resolved.Format(time.DateOnly), d.Due.Format(time.DateOnly))
		case d.Open() && d.Promised.IsZero():
			errorf("ngay_hen_moi", "required for a dossier not yet resolved (ngay_tra empty): the new date promised to the citizen in the apology")
		case !d.Apology.IsZero() && d.Apology.Before(d.Received):
			errorf("ngay_xin_loi", "%s is before ngay_nhan %s", d.Apology.Format(time.DateOnly), d.Received.Format(time.DateOnly))
		}
		if !bad {
			f.Dossiers = append(f.Dossiers, d)
		}
	}
	if local.Errors() > 0 {
		return nil
	}
	return f
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
