package personaldata

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/congkhai/congkhai/internal/contacts"
	"github.com/congkhai/congkhai/internal/datafiles"
	"github.com/congkhai/congkhai/internal/problem"
)

func TestFindIDs(t *testing.T) {
	tests := []struct {
		text string
		want string // "line:col:masked" joined by spaces
	}{
		{"079123456789", "1:1:0791******89"},
		{"CCCD: 079123456789.", "1:7:0791******89"},
		{"số 001099012345, cấp ngày", "1:4:0010******45"},
		{"Họ tên,CCCD\nNguyễn Văn An,096123456789\n", "2:15:0961******89"},
		{"a\n\n  # CCCD 079 123 456 789\n", "3:10:0791******89"},
		{"079.123.456.789", "1:1:0791******89"},
		{"079-123-456-789", "1:1:0791******89"},
		{"x=079123456789;y=045000111222", "1:3:0791******89 1:18:0450******22"},
		{"\"079123456789\"", "1:2:0791******89"},
		{"ID079123456789", "1:3:0791******89"},
		{"2026-09,3,079123456789,5", "1:11:0791******89"}, // cells of a CSV line
		{"a;b\n1,079123456789;2", "2:3:0791******89"},     // even where "," could be a decimal mark
		// not ID numbers
		{"0791234567890", ""},                                // 13 digits
		{"79123456789", ""},                                  // 11 digits
		{"179123456789", ""},                                 // does not start with 0
		{"000123456789", ""},                                 // province code 000
		{"097123456789", ""},                                 // province code above 096
		{"0.079123456789", ""},                               // a decimal fraction
		{"079123456789.5", ""},                               // a decimal number
		{"1.079.123.456.789", ""},                            // a grouped amount
		{"079.123.456.789.000", ""},                          // a longer grouping
		{"079 123 456 7890", ""},                             // last group too long
		{"079 123.456 789", ""},                              // mixed separators
		{"0274 3822 123, 0912 345 678, +84 912 345 678", ""}, // phone numbers
		{"2026-10-20T07:30:00, 1.001193, 18001096", ""},      // dates, codes
		{"079  123  456  789", ""},                           // double spaces
		{"Văn bản đồng ý ngày 2025-07-10 số 12/2025", ""},    // consent text
		{strings.Repeat("0", 40), ""},                        // long run
		{"09123456789\n012345678901", "2:1:0123******01"},    // next line
		{"\xff079123456789", "1:2:0791******89"},             // invalid UTF-8 before it
		{"ệ079123456789", "1:2:0791******89"},                // column in characters
		{"079 123 456 789 012", ""},                          // five groups
		{"12 079 123 456 789", ""},                           // preceded by a group
	}
	for _, tc := range tests {
		var got []string
		for _, m := range FindIDs([]byte(tc.text)) {
			got = append(got, fmt.Sprintf("%d:%d:%s", m.Line, m.Col, m.Masked))
		}
		if strings.Join(got, " ") != tc.want {
			t.Errorf("FindIDs(%q) = %q, want %q", tc.text, strings.Join(got, " "), tc.want)
		}
	}
}

// writeSite writes files (slash-separated paths to contents) into a new
// site folder and returns it.
func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	site := t.TempDir()
	for name, text := range files {
		path := filepath.Join(site, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return site
}

func TestLint(t *testing.T) {
	site := writeSite(t, map[string]string{
		"data/danh-ba.toml":         "updated = 2026-10-20\n# CCCD của ông An: 079123456789\n",
		"data/thong-ke/tre-han.csv": "period,procedure_code,days_late\n2026-09,1.001193,3\n2026-09,1.000656,079 123 456 788\n",
		"data/sach.txt":             "không có gì\n",
		"data/anh.bin":              "\x00\x01 012345678901 \x02",
		"content/khai-sinh.md":      "079123456789 outside data/ is not linted\n",
	})
	var l problem.List
	Lint(datafiles.New(site), Consented{}, &l)
	const msg = ": personal identification numbers must not be published (Decree 13/2023/NĐ-CP); remove it from the file"
	want := []string{
		"data/anh.bin:1:4: looks like a citizen ID number (căn cước, 12 digits) 0123******01" + msg,
		"data/danh-ba.toml:2:20: looks like a citizen ID number (căn cước, 12 digits) 0791******89" + msg,
		"data/thong-ke/tre-han.csv:3:18: looks like a citizen ID number (căn cước, 12 digits) 0791******88" + msg,
	}
	var got []string
	for _, p := range l.Sorted() {
		got = append(got, p.String())
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("\n got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if l.Errors() != len(want) {
		t.Errorf("%d errors, want %d", l.Errors(), len(want))
	}

	// The ID in the directory's comment does not stop Load: the lint does.
	var ll problem.List
	if d := contacts.Load(site, os.ReadFile, &ll); d == nil || ll.Len() != 0 {
		t.Errorf("Load: %v", ll.Sorted())
	}
}

func TestLintNoDataFolder(t *testing.T) {
	var l problem.List
	Lint(datafiles.New(t.TempDir()), Consented{}, &l)
	if l.Len() != 0 {
		t.Errorf("no data/ folder: %v", l.Sorted())
	}
}

// TestLintMobiles: a mobile number in data/ is reported unless the
// directory publishes it (with its consent checked); with the directory
// in error, none is.
func TestLintMobiles(t *testing.T) {
	site := writeSite(t, map[string]string{
		"data/danh-ba.toml":         "updated = 2026-10-20\n# ông An: 0912 345 678\nnote = \"gọi 0988 000 102\"\n",
		"data/thong-ke/tre-han.csv": "period,procedure_code,phone\n2026-09,1.001193,0913.000.111\n2026-09,1.000656,02743822123\n",
	})
	const advice = ": a mobile in data/ is almost always a person's, and publishing it needs their written consent (Decree 13/2023/NĐ-CP): " +
		"remove it from the file, or give it as a [[people.phones]] number of data/danh-ba.toml with its consent_ref (official = true instead for a mobile the agency owns)"
	var l problem.List
	Lint(datafiles.New(site), Consented{"0988000102": true}, &l)
	want := []string{
		"data/danh-ba.toml:2:11: looks like a mobile number (số di động) 0912****78" + advice,
		"data/thong-ke/tre-han.csv:2:18: looks like a mobile number (số di động) 0913****11" + advice,
	}
	if got := l.Lines(); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("\n got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	var none problem.List
	Lint(datafiles.New(site), nil, &none)
	if none.Len() != 0 {
		t.Errorf("directory in error: %v", none.Lines())
	}
}
