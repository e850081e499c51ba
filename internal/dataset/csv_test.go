package dataset

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/congkhai/congkhai/internal/boundtest"
	"github.com/congkhai/congkhai/internal/limits"
	"github.com/congkhai/congkhai/internal/problem"
)

// TestReadCSVDialects: what spreadsheets and exports write is read the same.
func TestReadCSVDialects(t *testing.T) {
	want := [][]string{{"2025-05", "Sở Tư pháp", "1840"}, {"2025-06", "UBND phường", ""}}
	tests := []struct {
		name   string
		src    string
		delim  byte
		header []string
		want   [][]string
		lines  []int
	}{
		{name: "comma LF", src: "period,unit,received\n2025-05,Sở Tư pháp,1840\n2025-06,UBND phường,\n", delim: ',', want: want, lines: []int{2, 3}},
		{name: "no final newline", src: "period,unit,received\n2025-05,Sở Tư pháp,1840\n2025-06,UBND phường,", delim: ',', want: want, lines: []int{2, 3}},
		{name: "UTF-8 BOM", src: "\uFEFFperiod,unit,received\n2025-05,Sở Tư pháp,1840\n2025-06,UBND phường,\n", delim: ',', want: want, lines: []int{2, 3}},
		{name: "CRLF", src: "period,unit,received\r\n2025-05,Sở Tư pháp,1840\r\n2025-06,UBND phường,\r\n", delim: ',', want: want, lines: []int{2, 3}},
		{name: "semicolon (Excel, Vietnamese locale)", src: "\uFEFFperiod;unit;received\r\n2025-05;Sở Tư pháp;1840\r\n2025-06;UBND phường;\r\n", delim: ';', want: want, lines: []int{2, 3}},
		{name: "trailing empty lines", src: "period,unit,received\n2025-05,Sở Tư pháp,1840\n2025-06,UBND phường,\n\n\n\r\n", delim: ',', want: want, lines: []int{2, 3}},
		{name: "trailing rows of empty cells", src: "period;unit;received\n2025-05;Sở Tư pháp;1840\n2025-06;UBND phường;\n;;\n;;\n", delim: ';', want: want, lines: []int{2, 3}},
		{name: "blank line in the middle", src: "period,unit,received\n2025-05,Sở Tư pháp,1840\n\n,,\n2025-06,UBND phường,\n", delim: ',', want: want, lines: []int{2, 5}},
		{name: "header names and cells trimmed", src: " period , unit ,received \n2025-05 , Sở Tư pháp ,1840\n2025-06,UBND phường,\u00a0\n", delim: ',', want: want, lines: []int{2, 3}},
		{name: "NFD text becomes NFC", src: "period,unit,received\n2025-05,So\u031b\u0309 Tu\u031b pha\u0301p,1840\n2025-06,UBND phu\u031bo\u031b\u0300ng,\n", delim: ',', want: want, lines: []int{2, 3}},
		{
			name:  "quoted cells with delimiters, quotes and line breaks",
			src:   "period,unit,received\n\"2025-05\",\"Sở Tư pháp, \"\"một cửa\"\"\",1840\n2025-06,\"UBND\nphường\",\"\"\n2025-07,\"a;b\",3\n",
			delim: ',',
			want:  [][]string{{"2025-05", `Sở Tư pháp, "một cửa"`, "1840"}, {"2025-06", "UBND\nphường", ""}, {"2025-07", "a;b", "3"}},
			lines: []int{2, 3, 5},
		},
		{name: "a comma inside quotes does not decide the delimiter", src: "\"period, month\";unit;received\n2025-05;Sở Tư pháp;1840\n", delim: ';', header: []string{"period, month", "unit", "received"}, want: [][]string{{"2025-05", "Sở Tư pháp", "1840"}}, lines: []int{2}},
		{name: "one column", src: "period\n2025-05\n", delim: ',', want: [][]string{{"2025-05"}}, lines: []int{2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var pl problem.List
			tab, ok := ReadCSV("data/x.csv", []byte(tt.src), &pl)
			if !ok || tab == nil {
				t.Fatalf("ReadCSV failed: %v", pl.Lines())
			}
			if tab.Delimiter != tt.delim {
				t.Errorf("delimiter %q, want %q", tab.Delimiter, tt.delim)
			}
			header := tt.header
			if header == nil {
				header = []string{"period", "unit", "received"}[:len(tt.want[0])]
			}
			if !slices.Equal(tab.Header, header) {
				t.Errorf("header %q", tab.Header)
			}
			var got [][]string
			var lines []int
			for _, r := range tab.Records {
				got = append(got, r.Cells)
				lines = append(lines, r.Line)
			}
			if !slices.EqualFunc(got, tt.want, slices.Equal) {
				t.Errorf("records\n got %q\nwant %q", got, tt.want)
			}
			if !slices.Equal(lines, tt.lines) {
				t.Errorf("lines %v, want %v", lines, tt.lines)
			}
		})
	}
}

// TestReadCSVErrors: every file that cannot be read is refused with a
// problem naming the line and saying what to do.
func TestReadCSVErrors(t *testing.T) {
	const saveAs = `open it in Excel and save it again as "CSV UTF-8 (Comma delimited) (*.csv)"`
	utf16 := func(s string, bom []byte, big bool) string {
		b := append([]byte{}, bom...)
		for _, r := range s {
			if big {
				b = append(b, 0, byte(r))
			} else {
				b = append(b, byte(r), 0)
			}
		}
		return string(b)
	}
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{name: "empty file", src: "", want: []string{"data/x.csv: the file is empty: its first line must be the header naming the columns, such as period,unit_id,received"}},
		{name: "only blank lines", src: "\n\r\n  \n", want: []string{"data/x.csv: the file is empty: its first line must be the header naming the columns, such as period,unit_id,received"}},
		{name: "only a BOM", src: "\uFEFF", want: []string{"data/x.csv: the file is empty: its first line must be the header naming the columns, such as period,unit_id,received"}},
		{name: "only empty cells", src: ",,\n,,\n", want: []string{"data/x.csv: the file is empty: its first line must be the header naming the columns"}},
		{name: "header only", src: "period,unit,received\n", want: []string{"data/x.csv:1: the file has a header but no rows of data"}},
		{name: "header only, CRLF and empty rows", src: "period;unit;received\r\n;;\r\n", want: []string{"data/x.csv:1: the file has a header but no rows of data"}},
		{
			name: "ragged rows",
			src:  "period,unit,received\n2025-05,Sở Tư pháp,1840\n2025-06,UBND phường\n2025-07,Sở Tư pháp,1,2\n2025-08,Sở Tư pháp,5\n",
			want: []string{
				`data/x.csv:3: 2 cells, the header has 3: a "," is missing; an empty value still needs its ","`,
				`data/x.csv:4: 4 cells, the header has 3: a value holding "," must be in double quotes, or there is an extra ","`,
			},
		},
		{name: "UTF-16 LE with BOM (Excel Unicode Text)", src: utf16("period,unit\n", []byte{0xFF, 0xFE}, false), want: []string{`data/x.csv:1:1: the file is saved as UTF-16 (Excel's "Unicode Text"), not UTF-8; ` + saveAs}},
		{name: "UTF-16 BE with BOM", src: utf16("period,unit\n", []byte{0xFE, 0xFF}, true), want: []string{`data/x.csv:1:1: the file is saved as UTF-16 (Excel's "Unicode Text"), not UTF-8; ` + saveAs}},
		{name: "UTF-32 LE with BOM", src: "\xFF\xFE\x00\x00p\x00\x00\x00", want: []string{"data/x.csv:1:1: the file is saved as UTF-32, not UTF-8; " + saveAs}},
		{name: "UTF-16 without BOM", src: utf16("period,unit\n2025-05,a\n", nil, false), want: []string{"data/x.csv:1:2: the file looks like UTF-16 without a byte order mark, not UTF-8; " + saveAs}},
		{name: "a NUL byte", src: "period,unit\n2025-05,a\x00b\n", want: []string{"data/x.csv:2:10: the file contains a NUL byte, so it is not text; " + saveAs}},
		{
			// "Sở Tư pháp" in Windows-1258: o-horn 0xF5 then the hook above 0xD2.
			name: "Windows-1258",
			src:  "period,unit\n2025-05,S\xf5\xd2 T\xfd pha\xecp\n",
			want: []string{"data/x.csv:2:10: the file is not UTF-8: byte 0xF5 is from an older Vietnamese encoding (it looks like Windows-1258); " + saveAs},
		},
		{
			// "Sở Tư pháp" in TCVN3 (ABC): ở is 0xAB... single bytes per letter.
			name: "TCVN3",
			src:  "period,unit\n2025-05,S\xab T\xad ph\xb8p\n",
			want: []string{"data/x.csv:2:10: the file is not UTF-8: byte 0xAB is from an older Vietnamese encoding (TCVN3/ABC, VNI or Windows-1258); " + saveAs},
		},
		{name: "tabs", src: "period\tunit\n2025-05\ta\n", want: []string{`data/x.csv:1: the cells are separated by tabs (a "Unicode Text" or TSV export), not by "," or ";"; ` + saveAs}},
		{name: "as many commas as semicolons", src: "a,b;c\n1,2;3\n", want: []string{`data/x.csv:1: the header has as many "," as ";", so the delimiter is unclear: separate the cells with one of them and put names that contain the other in double quotes`}},
		{name: "old Mac line ends", src: "period,unit\r2025-05,a\r2025-06,b\r", want: []string{"data/x.csv:1: the lines end with a lone carriage return (old Mac line ends), so the file reads as one line; " + saveAs}},
		{name: "bare quote", src: "period,unit\n2025-05,Sở \"A\"\n", want: []string{`data/x.csv:2:12: a double quote (") inside a value that does not start with one: put the whole value in double quotes and double each quote inside it, such as "Sở ""A"""`}},
		{name: "stray quote after a quoted value", src: "period,unit\n2025-05,\"Sở \"A\"\"\n", want: []string{`data/x.csv:2:13: a stray double quote (") after a quoted value: the value must end at the closing quote; double each quote inside it`}},
		{name: "unclosed quote on the last line", src: "period,unit\n2025-05,\"Sở A\n", want: []string{`data/x.csv:2: a value opened with a double quote (") on this line is never closed: close the quote, and double each quote inside it`}},
		{name: "unclosed quote on the last line, no line end", src: "period,unit\n2025-05,\"Sở A", want: []string{`data/x.csv:2: a value opened with a double quote (") on this line is never closed: close the quote, and double each quote inside it`}},
		{name: "unclosed quote", src: "period,unit\n2025-05,\"Sở A\n2025-06,b\n", want: []string{`data/x.csv:2: a value opened with a double quote (") on this line is not closed where it should be (the file reads on to line 3): close the quote, and double each quote inside it`}},
		{
			name: "duplicate and empty header names",
			src:  "period,unit,,unit\n2025-05,a,b,c\n",
			want: []string{
				"data/x.csv:1:13: column 3 has no name in the header: every column needs one",
				`data/x.csv:1:14: unit: the header names "unit" twice (columns 2 and 4): column names must be different`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var pl problem.List
			_, ok := ReadCSV("data/x.csv", []byte(tt.src), &pl)
			if ok {
				t.Fatalf("ReadCSV accepted the file")
			}
			got := pl.Lines()
			if !slices.Equal(got, tt.want) {
				t.Errorf("problems\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(tt.want, "\n     "))
			}
		})
	}
}

// TestReadCSVCap: a file with a problem on every line reports the first
// ones and how many more.
func TestReadCSVCap(t *testing.T) {
	src := "a,b\n" + strings.Repeat("1\n", maxCellProblems+7)
	var pl problem.List
	ReadCSV("data/x.csv", []byte(src), &pl)
	got := pl.Lines()
	// The note comes last, at the line of the first problem left out.
	last := fmt.Sprintf("data/x.csv:%d: 7 more problems from this line on are not listed (%d in this file): fix the ones above first", maxCellProblems+2, maxCellProblems+7)
	if len(got) != maxCellProblems+1 || got[len(got)-1] != last {
		t.Errorf("got %d problems, last %q, want %q", len(got), got[len(got)-1], last)
	}
}

// TestReadCSVLimits: too many columns or rows, or a cell too long, are
// refused with the line, in bounded work.
func TestReadCSVLimits(t *testing.T) {
	var rows strings.Builder
	rows.WriteString("a,b\n")
	for i := range limits.CSVRows + 1 {
		fmt.Fprintf(&rows, "%d,x\n", i)
	}
	tests := []struct {
		name, src, want string
	}{
		{"columns", strings.Repeat("c,", limits.CSVColumns) + "c\n1\n",
			`data/x.csv:1: this line has 257 cells: a CSV file may have at most 256 columns; check that the file is separated by ","`},
		{"rows", rows.String(),
			"data/x.csv:500002: the file has more than 500000 rows: split it into files of at most 500000 rows, by year for instance"},
		{"cell", "a,b\n1," + strings.Repeat("x", limits.CSVCellBytes+1) + "\n",
			"data/x.csv:2:3: the cell is 4.1 KiB: at most 4 KiB: a cell holds a value, not a text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var pl problem.List
			boundtest.Check(t, len(tt.src), func() { ReadCSV("data/x.csv", []byte(tt.src), &pl) })
			if got := pl.Lines(); !slices.Equal(got, []string{tt.want}) {
				t.Errorf("problems\n%s\nwant\n%s", strings.Join(got, "\n"), tt.want)
			}
		})
	}
}
