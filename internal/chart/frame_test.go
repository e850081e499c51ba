package chart

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/congkhai/congkhai/internal/dataset"
	"github.com/congkhai/congkhai/internal/problem"
)

// countsDesc is the dataset package's description of dossiers handled by
// month and unit, with a computed rate and the charts "tong" and
// "theo-don-vi".
func countsDesc(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile("../dataset/testdata/counts.toml")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// loadCharts reads a CSV with a description and checks its charts; the
// problems go to pl.
func loadCharts(csv, desc string, pl *problem.List) *Set {
	var sets []*dataset.Dataset
	if ds := dataset.Parse("data/x.csv", []byte(csv), "data/x.toml", []byte(desc), pl); ds != nil {
		sets = append(sets, ds)
	}
	return Load(sets, pl)
}

// frameOf draws the chart called name of a CSV described by countsDesc,
// failing the test on any problem.
func frameOf(t *testing.T, csv, name string) *Frame {
	t.Helper()
	var pl problem.List
	s := loadCharts(csv, countsDesc(t), &pl)
	if pl.Len() > 0 {
		t.Fatalf("problems: %v", pl.Lines())
	}
	c, ok := s.Find(name)
	if !ok {
		t.Fatalf("no chart %q", name)
	}
	return c.Frame()
}

// TestSumByX: summed rows give the rate of the sums, not the sum or the
// mean of the rates; a missing count makes the sum missing.
func TestSumByX(t *testing.T) {
	f := frameOf(t, `period,unit_id,early,on_time,late
2025-05,a,90,8,2
2025-05,b,10,0,90
2025-06,a,50,0,0
2025-06,b,,1,0
`, "tong")
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

// TestFrameOnce: a chart's frame is drawn when the site loads and shared
// by every page that places the chart.
func TestFrameOnce(t *testing.T) {
	var pl problem.List
	s := loadCharts("period,unit_id,early,on_time,late\n2025-05,a,90,8,2\n", countsDesc(t), &pl)
	c, ok := s.Find("tong")
	if !ok || pl.Len() > 0 {
		t.Fatalf("Find = %v, problems %v", ok, pl.Lines())
	}
	one := c.Frame()
	if one == nil {
		t.Fatal("no frame drawn at load")
	}
	if two := c.Frame(); two != one {
		t.Error("the frame was drawn again")
	}
	a, errA := New("/a/", c, vi)
	b, errB := New("/b/", c, vi)
	if errA != nil || errB != nil || a.ID == b.ID || a.Table.Caption != b.Table.Caption {
		t.Errorf("two pages: %v %v, IDs %q %q", errA, errB, a.ID, b.ID)
	}
}

// TestFramePeriods: every period between the first and the last is on the
// axis; one absent from the file is a gap.
func TestFramePeriods(t *testing.T) {
	f := frameOf(t, `period,unit_id,early,on_time,late
2024-11,a,1,1,0
2025-02,a,1,0,1
`, "theo-don-vi")
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
	if s := loadCharts(csv.String(), countsDesc(t), &pl); len(s.All()) > 0 {
		t.Fatalf("charts loaded with 50,000 series")
	}
	want := `data/x.toml:44: charts[1].series_by: draws one series per value of "unit_id", and data/x.csv has more than 500 of them: a chart shows at most 500; choose a column with fewer values, or narrow the rows with where`
	if got := pl.Lines(); !slices.Equal(got, []string{want}) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), want)
	}
}

// TestExampleBreaks: every chart of the example portal is drawn, and the
// merger of 2025 shows as a break, never as one line, and the unit that
// ended is named as a former one.
func TestExampleBreaks(t *testing.T) {
	s := examples(t)
	for _, c := range s.All() {
		if c.Frame() == nil {
			t.Errorf("%s: no frame", c.Name)
		}
	}
	papiChart, _ := s.Find("papi-tong-diem")
	f := papiChart.Frame()
	if len(f.Breaks) != 1 || f.Categories[f.Breaks[0].At].Text != "2025" || FormerName(vi, f.Breaks[0].Before) != "Tỉnh Bình Dương (cũ)" || f.Breaks[0].After != "Thành phố Hồ Chí Minh" {
		t.Errorf("papi breaks %+v", f.Breaks)
	}
	papi := f.Series[0].Values
	if papi[3].Num != 47.178 || papi[4].Num != 47.4488 || !papi[0].IsMissing() || !papi[6].IsMissing() {
		t.Errorf("PAPI values %+v: the published 2021 and 2022 totals, empty elsewhere", papi)
	}
	rate, _ := s.Find("ty-le-dung-han-theo-don-vi")
	f = rate.Frame()
	if len(f.Breaks) != 1 || f.Categories[f.Breaks[0].At].Text != "2025-07" || FormerName(vi, f.Breaks[0].Before) != "UBND thành phố Thủ Dầu Một (cũ)" || f.Breaks[0].After != "UBND phường Thủ Dầu Một" {
		t.Errorf("ho-so breaks %+v", f.Breaks)
	}
	if _, ok := s.Find("no-such-chart"); ok {
		t.Error("Find found a chart that does not exist")
	}
}
