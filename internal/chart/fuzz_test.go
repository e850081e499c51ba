package chart

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/congkhai/congkhai/internal/dataset"
	"github.com/congkhai/congkhai/internal/problem"
)

// fuzzCSV is the data the fuzzed descriptions describe: months and a year,
// several units, a unit that ends and one that begins, missing cells.
const fuzzCSV = `period,unit_id,unit_name,early,on_time,late,score,note
2025-05,a,Sở A,90,8,2,95.5,x
2025-05,b,Phường B,50,0,0,,
2025-06,a,Sở A,80,15,5,97.25,
2025-06,c,Phường C,0,0,0,100,"</script>"
2025-08,c,Phường C,,10,1,,
2024,a,Sở A,1,2,3,50,year
`

// FuzzDescription: any bytes as the description of a CSV file are loaded
// or refused, never a panic, every problem names a file and a line ≥ 0,
// and every chart that loads can be built into valid JSON.
func FuzzDescription(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/site/data/*.toml")
	more, _ := filepath.Glob("../dataset/testdata/example/*.toml")
	for _, file := range append(seeds, more...) {
		b, err := os.ReadFile(file)
		if err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(fuzzSeed))
	f.Add([]byte(strings.ReplaceAll(fuzzSeed, `kind = "line"`, `kind = "ranking"`)))
	f.Add([]byte(strings.ReplaceAll(fuzzSeed, `period`, `"period"`)))
	f.Add([]byte("title = \"\xff\"\n"))
	f.Add([]byte("[[charts]]\nname = 1\n"))
	f.Add([]byte(""))
	f.Fuzz(func(t *testing.T, desc []byte) {
		var pl problem.List
		var sets []*dataset.Dataset
		if ds := dataset.Parse("data/x.csv", []byte(fuzzCSV), "data/x.toml", desc, &pl); ds != nil {
			sets = append(sets, ds)
		}
		charts := Load(sets, &pl)
		for _, p := range pl.Sorted() {
			if p.File == "" || p.Line < 0 || p.Col < 0 || p.Message == "" {
				t.Fatalf("bad problem %+v", p)
			}
		}
		for _, sp := range charts.All() {
			c, err := New("/p/", sp, vi)
			if err != nil {
				t.Fatalf("chart %q loaded but cannot be built: %v", sp.Name, err)
			}
			if strings.ContainsAny(string(c.OptionJSON), "<>") || !jsIdentifier.MatchString(c.ID) {
				t.Fatalf("chart %q: ID %q, option %s", sp.Name, c.ID, c.OptionJSON)
			}
		}
	})
}

const fuzzSeed = `title = "F"
source = "F"
updated = 2025-09-01
key = ["period", "unit_id"]
unit_column = "unit_id"
unit_name_column = "unit_name"
[[columns]]
name = "period"
type = "period"
label = "Kỳ"
[[columns]]
name = "unit_id"
type = "text"
label = "Mã"
[[columns]]
name = "unit_name"
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
[[columns]]
name = "score"
type = "percent"
label = "Điểm"
[[columns]]
name = "note"
type = "text"
label = "Ghi chú"
[[computed]]
name = "rate"
label = "Tỷ lệ"
numerator = ["early", "on_time"]
denominator = ["early", "on_time", "late"]
[[charts]]
name = "c1"
title = "C1"
kind = "line"
x = "period"
lines = ["rate"]
series_by = "unit_id"
where = { note = "" }
[[charts]]
name = "c2"
title = "C2"
kind = "stacked_bar"
x = "period"
bars = ["early", "on_time", "late"]
lines = ["rate"]
sum_by_x = true
[[charts]]
name = "c3"
title = "C3"
kind = "ranking"
x = "period"
value = "score"
at = "2025-06"
`

// FuzzData: any bytes as the CSV of a description with charts are loaded
// or refused, never a panic; every chart that loads has one value per
// category in each series and builds into valid JSON.
func FuzzData(f *testing.F) {
	f.Add([]byte(fuzzCSV))
	f.Add([]byte(strings.ReplaceAll(fuzzCSV, "2025-06", "2025-Q2")))
	f.Add([]byte(strings.ReplaceAll(fuzzCSV, "2025-08", "2030-08")))
	f.Add([]byte("period,unit_id,unit_name,early,on_time,late,score,note\n"))
	f.Fuzz(func(t *testing.T, csv []byte) {
		var pl problem.List
		s := loadCharts(string(csv), fuzzSeed, &pl)
		for _, p := range pl.Sorted() {
			if p.File == "" || p.Line < 0 || p.Col < 0 || p.Message == "" {
				t.Fatalf("bad problem %+v", p)
			}
		}
		for _, sp := range s.All() {
			fr := sp.Frame()
			for _, ser := range fr.Series {
				if len(ser.Values) != len(fr.Categories) {
					t.Fatalf("series %q has %d values for %d categories", ser.Name, len(ser.Values), len(fr.Categories))
				}
			}
			if _, err := New("/p/", sp, vi); err != nil {
				t.Fatalf("chart %q loaded but cannot be built: %v", sp.Name, err)
			}
		}
	})
}
