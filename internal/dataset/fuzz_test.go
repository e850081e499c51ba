package dataset

import (
	"testing"

	"github.com/congkhai/congkhai/internal/boundtest"
	"github.com/congkhai/congkhai/internal/problem"
)

// fuzzDesc describes the columns a, b, c, d that the fuzzer's CSV files
// start with, so that it reaches typing, rates, totals and keys (and the
// decoding of [[charts]]; package chart fuzzes their drawing).
const fuzzDesc = `title = "F"
source = "F"
updated = 2025-09-01
key = ["a", "b"]
unit_column = "b"
[[columns]]
name = "a"
type = "period"
label = "Kỳ"
[[columns]]
name = "b"
type = "text"
label = "Đơn vị"
[[columns]]
name = "c"
type = "decimal"
label = "C"
max = 1000
[[columns]]
name = "d"
type = "integer"
label = "D"
[[computed]]
name = "r"
label = "Tỷ lệ"
numerator = ["c"]
denominator = ["c", "d"]
[[totals]]
total = "d"
parts = ["c", "c"]
tolerance = 0.5
[[charts]]
name = "f-line"
title = "Line"
kind = "line"
x = "a"
lines = ["r"]
series_by = "b"
[[charts]]
name = "f-rank"
title = "Ranking"
kind = "ranking"
x = "a"
value = "r"
label = "b"
[[charts]]
name = "f-stack"
title = "Stack"
kind = "stacked_bar"
x = "a"
bars = ["c", "d"]
lines = ["r"]
sum_by_x = true
`

// checkProblems fails when a problem lacks a file or has a negative line
// or column.
func checkProblems(t *testing.T, pl *problem.List) {
	t.Helper()
	for _, p := range pl.Sorted() {
		if p.File == "" || p.Line < 0 || p.Col < 0 || p.Message == "" {
			t.Fatalf("bad problem %+v", p)
		}
	}
}

// FuzzReadCSV: any bytes are read or refused, never a panic, and every
// problem names a file and a line ≥ 0.
func FuzzReadCSV(f *testing.F) {
	for _, s := range []string{
		"a,b,c,d\n2025-05,x,1.5,3\n2025-06,y,,4\n",
		"\uFEFFa;b;c;d\r\n2025-Q1;x;1,5;3\r\n2025;y;2;4\r\n;;;\r\n",
		"a,b,c,d\n\"2025-05\",\"x, \"\"y\"\"\nz\",1,2\n",
		"a,b,c,d\n2025-05,x,1\n2025-05,x,1,2,3\n",
		"a,b,c,d\n2025-05,x,12a,1.840\n",
		"a,b,c,d\n2025-05,x,1,2\n2025-05,x,1,2\n2030-01,z,999,1\n",
		"a\tb\n1\t2\n",
		"\xFF\xFEa\x00,\x00b\x00\n\x00",
		"a,b\nS\xf5\xd2,1\n",
		"a,b,c,d\n2025-05,\"unclosed\n",
		"a,,a\n1,2,3\n",
		"",
		"\r\r\r",
		"a,b,c,d\n0001,x,1,1\n9999,y,1,1\n",
		"a,b,c,d\n2025-05,x,1,1\n2025-Q2,y,1,1\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		var pl problem.List
		tab, ok := ReadCSV("data/x.csv", src, &pl)
		checkProblems(t, &pl)
		if ok && tab == nil {
			t.Fatal("ok without a table")
		}
		if tab != nil {
			for _, r := range tab.Records {
				if len(r.Cells) != len(tab.Header) || len(r.Pos) != len(r.Cells) || r.Line < 1 {
					t.Fatalf("bad record %+v", r)
				}
			}
		}
		var pl2 problem.List
		// Whatever the file holds, reading and typing it costs bounded work.
		boundtest.Check(t, len(src), func() { Parse("data/x.csv", src, "data/x.toml", []byte(fuzzDesc), &pl2) })
		checkProblems(t, &pl2)
	})
}
