package dataset

import (
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
		t.Fatalf("Parse: %v", pl.Lines())
	}
	return ds
}

// countsDesc describes the counts of dossiers handled by month and unit,
// with a computed rate and two charts; package chart's tests read it too.
func countsDesc(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile("testdata/counts.toml")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestComputedRates: one formula, (early + on time) / handled × 100;
// missing when an input is missing or nothing was handled, never 0.
func TestComputedRates(t *testing.T) {
	ds := parse(t, `period,unit_id,early,on_time,late
2025-05,a,90,8,2
2025-05,b,0,0,0
2025-05,c,,5,1
2025-05,d,1,0,2
`, countsDesc(t))
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
	if got := pl.Lines(); len(got) != 2 || got[0] != want {
		t.Errorf("problems %q\nwant first %q", got, want)
	}
}

// TestExamples: the example datasets of the portal load without a
// problem, each declaring two or three charts (package chart draws them).
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
	}
	if want := []string{"chi-so-766", "chi-so-nam", "hai-long", "ho-so-thang"}; !slices.Equal(names, want) {
		t.Errorf("datasets %v, want %v", names, want)
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
		t.Fatalf("problems: %v", pl.Lines())
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
		t.Errorf("Load without data/: %v %v", sets, pl.Lines())
	}
}
