package dataset

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/congkhai/congkhai/internal/problem"
)

// parse builds a dataset from text, failing the test on any problem.
func parse(t *testing.T, csv, desc string) *Dataset {
	t.Helper()
	var pl problem.List
	ds := Parse("data/x.csv", []byte(csv), "data/x.toml", []byte(desc), &pl)
	if ds == nil || pl.Len() > 0 {
		t.Fatalf("Parse: %v", problemLines(&pl))
	}
	return ds
}

const countsDesc = `title = "X"
source = "Y"
updated = 2025-09-01
unit_column = "unit_id"
[[columns]]
name = "period"
type = "month"
label = "Tháng"
[[columns]]
name = "unit_id"
type = "text"
label = "Đơn vị"
[[columns]]
name = "early"
type = "integer"
label = "Trước hạn"
[[columns]]
name = "on_time"
type = "integer"
label = "Đúng hạn"
[[columns]]
name = "late"
type = "integer"
label = "Trễ hạn"
[[computed]]
name = "rate"
label = "Tỷ lệ đúng hạn"
numerator = ["early", "on_time"]
denominator = ["early", "on_time", "late"]
[[charts]]
name = "tong"
title = "Tổng"
kind = "stacked_bar"
x = "period"
bars = ["early", "on_time", "late"]
lines = ["rate"]
sum_by_x = true
[[charts]]
name = "theo-don-vi"
title = "Theo đơn vị"
kind = "line"
x = "period"
lines = ["rate"]
series_by = "unit_id"
`

// TestComputedRates: one formula, (early + on time) / handled × 100;
// missing when an input is missing or nothing was handled, never 0.
func TestComputedRates(t *testing.T) {
	ds := parse(t, `period,unit_id,early,on_time,late
2025-05,a,90,8,2
2025-05,b,0,0,0
2025-05,c,,5,1
2025-05,d,1,0,2
`, countsDesc)
	rate := ds.Column("rate")
	want := []struct {
		missing bool
		num     float64
	}{{num: 98}, {missing: true}, {missing: true}, {num: 1.0 / 3 * 100}}
	for i, w := range want {
		v := ds.Rows[i].Values[rate.Index]
		if v.IsMissing() != w.missing || (!w.missing && math.Abs(v.Num-w.num) > 1e-9) {
			t.Errorf("row %d: rate = %+v, want %+v", i, v, w)
		}
	}
	if got := ds.Rows[3].Values[rate.Index].Text; got != "33.33" {
		t.Errorf("rate text %q, want 33.33 (2 decimals by default)", got)
	}
}

// TestSumByX: summed rows give the rate of the sums, not the sum or the
// mean of the rates; a missing count makes the sum missing.
func TestSumByX(t *testing.T) {
	ds := parse(t, `period,unit_id,early,on_time,late
2025-05,a,90,8,2
2025-05,b,10,0,90
2025-06,a,50,0,0
2025-06,b,,1,0
`, countsDesc)
	f, err := ds.Frame(ds.Chart("tong"))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Series) != 4 || f.Series[3].Role != RoleLine {
		t.Fatalf("series %+v", f.Series)
	}
	may := f.Series[3].Values[0]
	if may.Num != 54 { // (90+8+10+0) / 200
		t.Errorf("May rate %v, want 54 (the rate of the sums)", may.Num)
	}
	if !f.Series[3].Values[1].IsMissing() || !f.Series[0].Values[1].IsMissing() {
		t.Errorf("June: a missing count must make the sum and the rate missing: %+v %+v", f.Series[0].Values[1], f.Series[3].Values[1])
	}
	if f.Series[1].Values[1].Num != 1 {
		t.Errorf("June on time = %v, want 1", f.Series[1].Values[1].Num)
	}
	// The highest and lowest unit at the latest period with a rate (May).
	if len(f.Units) != 2 || f.Units[0].ID != "a" || f.Units[1].ID != "b" || f.UnitsAt != 0 {
		t.Errorf("units %+v at %d", f.Units, f.UnitsAt)
	}
}

// TestFrameOnce: a chart's frame is drawn when the dataset loads and
// shared by every page that places the chart; a chart of another dataset
// has none here.
func TestFrameOnce(t *testing.T) {
	ds := parse(t, `period,unit_id,early,on_time,late
2025-05,a,90,8,2
`, countsDesc)
	c := ds.Chart("tong")
	one, err := ds.Frame(c)
	if err != nil || one == nil {
		t.Fatalf("Frame = %v, %v", one, err)
	}
	if two, _ := ds.Frame(c); two != one {
		t.Error("the frame was drawn again")
	}
	other := parse(t, "period,unit_id,early,on_time,late\n2025-05,a,1,1,1\n", countsDesc)
	if f, err := ds.Frame(other.Chart("tong")); f != nil || err == nil || err.Error() != "the chart is not one of data/x.toml" {
		t.Errorf("Frame(chart of another dataset) = %v, %v", f, err)
	}
}

// TestFramePeriods: every period between the first and the last is on the
// axis; one absent from the file is a gap.
func TestFramePeriods(t *testing.T) {
	ds := parse(t, `period,unit_id,early,on_time,late
2024-11,a,1,1,0
2025-02,a,1,0,1
`, countsDesc)
	f, err := ds.Frame(ds.Chart("theo-don-vi"))
	if err != nil {
		t.Fatal(err)
	}
	var cats []string
	for _, c := range f.Categories {
		cats = append(cats, c.Text)
	}
	if want := []string{"2024-11", "2024-12", "2025-01", "2025-02"}; !slices.Equal(cats, want) {
		t.Errorf("categories %v, want %v", cats, want)
	}
	v := f.Series[0].Values
	if v[0].Num != 100 || !v[1].IsMissing() || !v[2].IsMissing() || v[3].Num != 50 {
		t.Errorf("values %+v", v)
	}
}

// TestSemicolonDecimalComma: Excel in a Vietnamese locale writes ";" and
// decimal commas; decimal = "auto" reads them, decimal = "." refuses them.
func TestSemicolonDecimalComma(t *testing.T) {
	csv := "\uFEFFyear;score\r\n2021;47,178\r\n2022;47,4488\r\n"
	desc := `title = "X"
source = "Y"
updated = 2025-09-01
%s
[[columns]]
name = "year"
type = "year"
label = "Năm"
[[columns]]
name = "score"
type = "decimal"
label = "Điểm"
`
	ds := parse(t, csv, strings.Replace(desc, "%s", "", 1))
	if ds.DecimalMark != ',' || ds.Delimiter != ';' {
		t.Errorf("delimiter %q, decimal mark %q", ds.Delimiter, ds.DecimalMark)
	}
	if got := ds.Rows[1].Values[1]; got.Num != 47.4488 || got.Dec != 4 {
		t.Errorf("score %+v", got)
	}
	var pl problem.List
	if Parse("data/x.csv", []byte(csv), "data/x.toml", []byte(strings.Replace(desc, "%s", `decimal = "."`, 1)), &pl) != nil {
		t.Fatal("decimal = \".\" accepted 47,178")
	}
	want := `data/x.csv:2:6: score: "47,178" is ambiguous: write 47178 for a whole number (without a thousands separator), or 47.178 with the decimal mark of this file, "."`
	if got := problemLines(&pl); len(got) != 2 || got[0] != want {
		t.Errorf("problems %q\nwant first %q", got, want)
	}
}

// TestExamples: the example datasets of the portal load without a
// problem, and the merger shows as a break.
func TestExamples(t *testing.T) {
	sets := loadExamples(t)
	var names []string
	for _, ds := range sets {
		names = append(names, ds.Name)
		if len(ds.Charts) < 2 || len(ds.Charts) > 3 {
			t.Errorf("%s: %d charts, want 2 or 3", ds.Name, len(ds.Charts))
		}
		if ds.Fictional && !strings.Contains(ds.Description, "giả định") {
			t.Errorf("%s: fictional figures, but the description does not say so", ds.Name)
		}
		for _, c := range ds.Charts {
			if _, err := ds.Frame(c); err != nil {
				t.Errorf("%s: %v", c.Name, err)
			}
		}
	}
	if want := []string{"chi-so-766", "chi-so-nam", "hai-long", "ho-so-thang"}; !slices.Equal(names, want) {
		t.Errorf("datasets %v, want %v", names, want)
	}
	ds, c, _ := FindChart(sets, "papi-tong-diem")
	f, _ := ds.Frame(c)
	if len(f.Breaks) != 1 || f.Categories[f.Breaks[0].At].Text != "2025" || f.Breaks[0].Before != "Tỉnh Bình Dương" || f.Breaks[0].After != "Thành phố Hồ Chí Minh" {
		t.Errorf("papi breaks %+v", f.Breaks)
	}
	papi := f.Series[0].Values
	if papi[3].Num != 47.178 || papi[4].Num != 47.4488 || !papi[0].IsMissing() || !papi[6].IsMissing() {
		t.Errorf("PAPI values %+v: the published 2021 and 2022 totals, empty elsewhere", papi)
	}
	ds, c, _ = FindChart(sets, "ty-le-dung-han-theo-don-vi")
	f, _ = ds.Frame(c)
	if len(f.Breaks) != 1 || f.Categories[f.Breaks[0].At].Text != "2025-07" || f.Breaks[0].Before != "UBND thành phố Thủ Dầu Một" || f.Breaks[0].After != "UBND phường Thủ Dầu Một" {
		t.Errorf("ho-so breaks %+v", f.Breaks)
	}
	if _, _, ok := FindChart(sets, "no-such-chart"); ok {
		t.Error("FindChart found a chart that does not exist")
	}
}

func loadExamples(t *testing.T) []*Dataset {
	t.Helper()
	site := t.TempDir()
	if err := os.MkdirAll(filepath.Join(site, Folder), 0o755); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("testdata/example/*")
	if len(files) == 0 { // once moved to the example site's data/ folder
		files, _ = filepath.Glob("../../data/*")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(site, Folder, filepath.Base(f)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var pl problem.List
	sets := Load(site, os.ReadFile, &pl)
	if pl.Len() > 0 {
		t.Fatalf("problems: %v", problemLines(&pl))
	}
	return sets
}

// TestExampleTotals: the components of the 766 index add up to its total
// on every row (within 0.02), and the on-time counts add up.
func TestExampleTotals(t *testing.T) {
	for _, ds := range loadExamples(t) {
		if ds.Name == "chi-so-766" && len(ds.Totals) != 1 {
			t.Errorf("chi-so-766 declares %d totals", len(ds.Totals))
		}
		if ds.Name != "ho-so-thang" {
			continue
		}
		rate := ds.Column("on_time_rate")
		num := func(r Row, name string) float64 { return r.Values[ds.Column(name).Index].Num }
		months := map[string]bool{}
		for _, r := range ds.Rows {
			months[r.Values[0].Text] = true
			if v := r.Values[rate.Index]; v.IsMissing() || v.Num < 94 || v.Num > 100 {
				t.Errorf("line %d: on-time rate %v, want about 95–100", r.Line, v)
			}
			// What was to be handled was handled or is still in progress.
			in := num(r, "carried_over") + num(r, "received")
			out := num(r, "resolved_early") + num(r, "resolved_on_time") + num(r, "resolved_late") + num(r, "in_progress_not_due") + num(r, "in_progress_overdue")
			if in != out {
				t.Errorf("line %d: carried over + received = %v, resolved + in progress = %v", r.Line, in, out)
			}
			if v := r.Values[ds.Column("received_online").Index]; !v.IsMissing() && v.Num > num(r, "received") {
				t.Errorf("line %d: more received online than received", r.Line)
			}
		}
		if len(months) != 24 {
			t.Errorf("%d months, want 24 (2024-11 to 2026-10)", len(months))
		}
	}
}

func TestLoadWithoutDataFolder(t *testing.T) {
	var pl problem.List
	if sets := Load(t.TempDir(), os.ReadFile, &pl); sets != nil || pl.Len() != 0 {
		t.Errorf("Load without data/: %v %v", sets, problemLines(&pl))
	}
}

// TestFrameTooManySeries: series_by on a column with a different value on
// every row is refused quickly, not drawn as one series per row (pairing
// the series that take over from one another took time in the square of
// their number: 40,000 rows took 40 seconds).
func TestFrameTooManySeries(t *testing.T) {
	var csv strings.Builder
	csv.WriteString("period,unit_id,early,on_time,late\n")
	for i := range 50000 {
		fmt.Fprintf(&csv, "2025-%02d,u%d,1,1,0\n", i%12+1, i)
	}
	var pl problem.List
	ds := Parse("data/x.csv", []byte(csv.String()), "data/x.toml", []byte(countsDesc), &pl)
	if ds != nil {
		t.Fatalf("Parse succeeded with 50,000 series")
	}
	want := `data/x.toml:44: charts[1].series_by: draws one series per value of "unit_id", and data/x.csv has more than 500 of them: a chart shows at most 500; choose a column with fewer values, or narrow the rows with where`
	if got := problemLines(&pl); !slices.Equal(got, []string{want}) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), want)
	}
}
