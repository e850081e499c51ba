package late

import (
	"fmt"
	"strings"
	"testing"

	"github.com/congkhai/congkhai/internal/i18n"
	"github.com/congkhai/congkhai/internal/locale"
	"github.com/congkhai/congkhai/internal/problem"
)

const header = "ky,don_vi,ma_thu_tuc,ngay_nhan,ngay_hen_tra,ngay_tra,so_ngay_tre,ngay_xin_loi,ly_do,ngay_hen_moi\n"

func parse(t *testing.T, src string, units map[string]bool) (*File, []string) {
	t.Helper()
	var l problem.List
	f := Parse(FileName, []byte(src), units, &l)
	var got []string
	for _, p := range l.Sorted() {
		got = append(got, p.String())
	}
	return f, got
}

// rows returns n resolved late dossiers of unit in period, the first
// apologies of them with a letter, each late days[i % len(days)] days,
// with reason.
func rows(period, unit string, n, apologies int, days []int, reason string) string {
	var b strings.Builder
	for i := range n {
		apology, promised := "", ""
		if i < apologies {
			apology, promised = period+"-09", period+"-20"
		}
		fmt.Fprintf(&b, "%s,%s,1.001193,%s-01,%s-10,%s-15,%d,%s,%s,%s\n", period, unit, period, period, period, days[i%len(days)], apology, reason, promised)
	}
	return b.String()
}

// TestSuppression: a group of 1 or 2 dossiers is "< 3" in every figure,
// and so is every reason counted 1 or 2 within a larger group; a group of
// 0 dossiers of a reason is 0, and from 3 on every figure is published;
// the export carries the same cells.
func TestSuppression(t *testing.T) {
	totals := Totals{{"2026-10", "a"}: {Name: "Cơ quan A", Resolved: 200}, {"2026-10", "b"}: {Name: "Cơ quan B", Resolved: 100},
		{"2026-10", "c"}: {Name: "Cơ quan C", Resolved: 50}, {"2026-09", "a"}: {Name: "Cơ quan A", Resolved: 10}}
	src := header + rows("2026-10", "a", 1, 1, []int{4}, "xac_minh") +
		rows("2026-10", "b", 2, 1, []int{1, 9}, "qua_tai") +
		rows("2026-10", "c", 3, 2, []int{1, 2, 6}, "xac_minh") +
		rows("2026-09", "a", 4, 4, []int{2, 3}, "lien_thong") + rows("2026-09", "a", 1, 0, []int{5}, "khac")
	f, got := parse(t, src, totals.Units())
	if f == nil {
		t.Fatal(got)
	}
	type row struct{ late, share, apology, median, reasons string }
	want := map[string]row{
		"2026-10 a": {"< 3", "< 3", "< 3", "< 3", "< 3 < 3 < 3 < 3 < 3 < 3"},
		"2026-10 b": {"< 3", "< 3", "< 3", "< 3", "< 3 < 3 < 3 < 3 < 3 < 3"},
		"2026-10 c": {"3", "6,0%", "66,7%", "2,0", "0 3 0 0 0 0"},
		"2026-09 a": {"5", "50,0%", "80,0%", "3,0", "4 0 0 0 0 < 3"},
	}
	groups := f.Groups(totals, locale.Vietnamese())
	if len(groups) != len(want) || groups[0].Period != "2026-10" || groups[3].Period != "2026-09" || groups[3].Month != "Tháng 9/2026" {
		t.Fatalf("groups: %+v", groups)
	}
	for _, g := range groups {
		var reasons []string
		for _, c := range g.Reasons {
			reasons = append(reasons, c.Text)
		}
		got := row{g.Late.Text, g.ShareLate.Text, g.ShareApology.Text, g.MedianDays.Text, strings.Join(reasons, " ")}
		if w := want[g.Period+" "+g.Unit]; got != w {
			t.Errorf("%s %s = %+v, want %+v", g.Period, g.Unit, got, w)
		}
	}
	csv := string(CSV(groups))
	for _, line := range []string{
		"2026-10,a,Cơ quan A,< 3,200,< 3,< 3,< 3,< 3,< 3,< 3,< 3,< 3,< 3",
		"2026-10,c,Cơ quan C,3,50,6.0,66.7,2.0,0,3,0,0,0,0",
		"2026-09,a,Cơ quan A,5,10,50.0,80.0,3.0,4,0,0,0,0,< 3",
	} {
		if !strings.Contains(csv, line+"\n") {
			t.Errorf("export lacks %q:\n%s", line, csv)
		}
	}

	// In English the page writes the figures the English way; the export
	// is the same file.
	cat, err := i18n.Load(i18n.English)
	if err != nil {
		t.Fatal(err)
	}
	en := f.Groups(totals, locale.New(i18n.English, cat, nil))
	if g := en[2]; g.Month != "October 2026" || g.ShareLate.Text != "6.0%" || g.ShareApology.Text != "66.7%" || g.MedianDays.Text != "2.0" {
		t.Errorf("English group: %+v", g)
	}
	if CSV(en) == nil || string(CSV(en)) != csv {
		t.Errorf("the English export differs:\n%s", CSV(en))
	}
}

// TestReasonLabels: every reason has a label in Vietnamese and in English.
func TestReasonLabels(t *testing.T) {
	vi := locale.Vietnamese()
	want := map[Reason][2]string{
		"lien_thong": {"Chờ cơ quan phối hợp, liên thông", "Waiting for another agency to take part"},
		"qua_tai":    {"Quá tải, thiếu nhân lực", "Too much work, too few staff"},
		"khac":       {"Lý do khác", "Other reason"},
	}
	for _, r := range Reasons() {
		l := r.Label()
		if l.IsZero() || vi.Text(l) == l.String() {
			t.Errorf("%s: label %q, %q", r, vi.Text(l), l.String())
		}
		if w, ok := want[r]; ok && (vi.Text(l) != w[0] || l.String() != w[1]) {
			t.Errorf("%s: label %q, %q, want %q", r, vi.Text(l), l.String(), w)
		}
	}
	if !Reason("moi").Label().IsZero() {
		t.Error("an unknown reason has a label")
	}
}

// TestOpenByProcedure: open dossiers by procedure and agency, the latest
// promised date, a count below 3 suppressed.
func TestOpenByProcedure(t *testing.T) {
	src := header +
		"2026-10,a,1.001193,2026-10-01,2026-10-10,,5,2026-10-09,lien_thong,2026-11-05\n" +
		"2026-10,a,1.001193,2026-10-01,2026-10-10,,5,2026-10-09,lien_thong,2026-11-12\n" +
		"2026-10,a,1.004222,2026-10-01,2026-10-10,,5,,lien_thong,2026-11-03\n" +
		"2026-10,a,1.004222,2026-10-01,2026-10-10,,5,,lien_thong,2026-11-04\n" +
		"2026-10,a,1.004222,2026-10-01,2026-10-10,,5,,lien_thong,2026-11-02\n" +
		"2026-10,a,1.004222,2026-10-01,2026-10-10,2026-10-20,5,,lien_thong,\n"
	f, got := parse(t, src, nil)
	if f == nil {
		t.Fatal(got)
	}
	open := f.OpenByProcedure(Totals{{"2026-10", "a"}: {Name: "Cơ quan A"}}, locale.Vietnamese())
	if len(open) != 2 || open[0].Code != "1.001193" || open[0].Count.Text != "< 3" || open[0].Promised.Format("2006-01-02") != "2026-11-12" ||
		open[1].Count.Text != "3" || open[1].UnitName != "Cơ quan A" || open[1].Promised.Format("2006-01-02") != "2026-11-04" {
		t.Errorf("open = %+v", open)
	}
}

// TestPersonalColumns: a column that says it holds a name, an ID or a
// dossier number, a phone or an address fails, whatever its spelling;
// columns that only look alike do not.
func TestPersonalColumns(t *testing.T) {
	for _, name := range []string{"ho_ten", "Họ tên", "ho_va_ten_nguoi_nop", "so_cccd", "CMND", "so_ho_so", "ma_ho_so", "dien_thoai", "sdt_lien_he", "email", "dia_chi", "ngay_sinh", "phone", "dossier_number"} {
		if !looksPersonal(name) {
			t.Errorf("%q is not taken for personal data", name)
		}
	}
	for _, name := range []string{"ten_thu_tuc", "ma_thu_tuc", "so_ngay_tre", "don_vi", "ly_do", "unit_name", "hoso"} {
		if looksPersonal(name) {
			t.Errorf("%q is taken for personal data", name)
		}
	}
	_, got := parse(t, "ky,don_vi,Họ tên,ma_thu_tuc,ngay_nhan,ngay_hen_tra,ngay_tra,so_ngay_tre,ngay_xin_loi,ly_do,ngay_hen_moi,so_ho_so,ghi_chu\n", nil)
	want := []string{
		"data/ho-so-tre-han.csv:1: the file has a header but no rows of data",
		`data/ho-so-tre-han.csv:1: Họ tên: the column "Họ tên" looks like personal data (a name, an ID or dossier number, a phone, an address): late dossiers are published without any (Decree 13/2023/NĐ-CP); remove the column`,
		`data/ho-so-tre-han.csv:1: ghi_chu: unknown column "ghi_chu": the columns are "ky", "don_vi", "ma_thu_tuc", "ngay_nhan", "ngay_hen_tra", "ngay_tra", "so_ngay_tre", "ngay_xin_loi", "ly_do", "ngay_hen_moi"`,
		`data/ho-so-tre-han.csv:1: so_ho_so: the column "so_ho_so" looks like personal data (a name, an ID or dossier number, a phone, an address): late dossiers are published without any (Decree 13/2023/NĐ-CP); remove the column`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestParseProblems: each rule of a row broken once, at its line and
// column name; a file with any is refused.
func TestParseProblems(t *testing.T) {
	src := header +
		"2026-13,a,1.001193,2026-10-01,2026-10-10,2026-10-15,2,,xac_minh,\n" +
		"2026-10,x,1001193,2026-10-01,10/10/2026,2026-10-15,0,,bo_cau,\n" +
		"2026-10,a,1.001193,2026-10-01,2026-10-10,2026-10-10,2,,xac_minh,\n" +
		"2026-10,a,1.001193,2026-10-01,2026-10-10,,2,,xac_minh,\n" +
		"2026-10,a,1.001193,2026-10-11,2026-10-10,2026-10-15,2,,xac_minh,\n"
	f, got := parse(t, src, map[string]bool{"a": true})
	want := []string{
		`data/ho-so-tre-han.csv:2: ky: "2026-13" is not a month: write it as 2026-10`,
		`data/ho-so-tre-han.csv:3: don_vi: "x" is not a unit_id of data/ho-so-thang.csv, whose monthly totals the share of late dossiers is counted against`,
		`data/ho-so-tre-han.csv:3: ly_do: "bo_cau" is not a reason: use one of "lien_thong", "xac_minh", "bo_sung", "qua_tai", "he_thong", "khac"`,
		`data/ho-so-tre-han.csv:3: ma_thu_tuc: "1001193" is not a procedure code: codes look like 1.001193`,
		`data/ho-so-tre-han.csv:3: ngay_hen_tra: "10/10/2026" is not a date: write it as 2026-10-15`,
		`data/ho-so-tre-han.csv:3: so_ngay_tre: "0" is not a number of working days late (1 or more)`,
		`data/ho-so-tre-han.csv:4: ngay_tra: 2026-10-10 is not after ngay_hen_tra 2026-10-10: a dossier resolved by its due date is not late`,
		`data/ho-so-tre-han.csv:5: ngay_hen_moi: required for a dossier not yet resolved (ngay_tra empty): the new date promised to the citizen in the apology`,
		`data/ho-so-tre-han.csv:6: ngay_hen_tra: 2026-10-10 is before ngay_nhan 2026-10-11`,
	}
	if f != nil {
		t.Error("a file with errors was accepted")
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestCheckTotals: an agency's month with fewer or more dossiers resolved
// late than data/ho-so-thang.csv counts is a warning at its first row;
// open dossiers and months the totals lack are not counted.
func TestCheckTotals(t *testing.T) {
	src := header + rows("2026-10", "a", 3, 0, []int{2}, "khac") + rows("2026-10", "b", 2, 0, []int{2}, "khac") +
		"2026-10,b,1.001193,2026-10-01,2026-10-10,,5,,lien_thong,2026-11-05\n" + rows("2026-09", "c", 1, 0, []int{2}, "khac")
	f, got := parse(t, src, nil)
	if f == nil {
		t.Fatal(got)
	}
	var l problem.List
	f.CheckTotals(Totals{{"2026-10", "a"}: {ResolvedLate: 4}, {"2026-10", "b"}: {ResolvedLate: 2}}, &l)
	got = nil
	for _, p := range l.Sorted() {
		got = append(got, p.String())
	}
	want := "data/ho-so-tre-han.csv:2: warning: 2026-10, a: 3 dossiers resolved late here, 4 in data/ho-so-thang.csv (resolved_late): list every late dossier once"
	if strings.Join(got, "\n") != want {
		t.Errorf("problems:\n%s\nwant\n%s", strings.Join(got, "\n"), want)
	}
}

// TestChartCSV: every agency summed per month, a month below 3 left
// empty (the chart cannot draw "< 3"), months in order.
func TestChartCSV(t *testing.T) {
	src := header + rows("2026-10", "a", 2, 2, []int{2}, "khac") + rows("2026-10", "b", 2, 0, []int{2}, "khac") +
		rows("2026-09", "a", 1, 1, []int{2}, "khac")
	f, got := parse(t, src, nil)
	if f == nil {
		t.Fatal(got)
	}
	want := "period,late,with_apology\n2026-09,,\n2026-10,4,\n"
	if g := string(f.ChartCSV()); g != want {
		t.Errorf("ChartCSV:\n%s\nwant\n%s", g, want)
	}
}

// TestStillOpen: the late dossiers of a month count those still open,
// which the share handled late leaves out; the group says how many.
func TestStillOpen(t *testing.T) {
	totals := Totals{{"2026-10", "a"}: {Name: "Cơ quan A", Resolved: 200}}
	src := header + rows("2026-10", "a", 3, 3, []int{2}, "xac_minh") +
		"2026-10,a,1.001193,2026-10-01,2026-10-10,,5,2026-10-09,xac_minh,2026-10-20\n"
	f, got := parse(t, src, totals.Units())
	if f == nil {
		t.Fatal(got)
	}
	g := f.Groups(totals, locale.Vietnamese())[0]
	if g.Late.Text != "4" || g.StillOpen != "1" || g.ShareLate.Text != "1,5%" {
		t.Errorf("late %s, still open %q, share handled late %s; want 4, 1 and 1,5%%", g.Late.Text, g.StillOpen, g.ShareLate.Text)
	}
	small := Totals{{"2026-10", "a"}: {Name: "Cơ quan A", Resolved: 200}}
	f, got = parse(t, header+"2026-10,a,1.001193,2026-10-01,2026-10-10,,5,2026-10-09,xac_minh,2026-10-20\n", small.Units())
	if f == nil {
		t.Fatal(got)
	}
	if g := f.Groups(small, locale.Vietnamese())[0]; g.StillOpen != "" {
		t.Errorf("a group of 1: still open %q, want it suppressed", g.StillOpen)
	}
}
