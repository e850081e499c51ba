package problem

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
)

func TestString(t *testing.T) {
	tests := []struct {
		name string
		p    Problem
		want string
	}{
		{"whole file", Problem{File: "site.toml", Message: "not found"}, "site.toml: not found"},
		{"line", Problem{File: "content/a.md", Line: 3, Message: "bad"}, "content/a.md:3: bad"},
		{"line and field", Problem{File: "content/thu-tuc/khai-sinh.md", Line: 22, Field: "channels[1].fees[0].text", Message: "required when amount_vnd > 0"},
			"content/thu-tuc/khai-sinh.md:22: channels[1].fees[0].text: required when amount_vnd > 0"},
		{"line and column", Problem{File: "a.md", Line: 2, Col: 9, Message: "TOML syntax: x"}, "a.md:2:9: TOML syntax: x"},
		{"column without line is not shown", Problem{File: "a.md", Col: 9, Message: "m"}, "a.md: m"},
		{"field without line", Problem{File: "a.md", Field: "code", Message: "required"}, "a.md: code: required"},
		{"warning", Problem{Severity: Warning, File: "a.md", Line: 12, Field: "synced_at", Message: "old"}, "a.md:12: warning: synced_at: old"},
		{"warning without line or field", Problem{Severity: Warning, File: "a.md", Message: "m"}, "a.md: warning: m"},
		{"excerpt", Problem{File: "a.md", Line: 2, Col: 9, Message: "TOML syntax: x", Excerpt: "      2 | title = x\n                  ^\n\n"},
			"a.md:2:9: TOML syntax: x\n      2 | title = x\n                  ^"},
		{"command-line flag", Problem{File: "--base-url", Message: `"x" is not an address`}, `--base-url: "x" is not an address`},
		{"Vietnamese message", Problem{File: "a.md", Line: 1, Field: "field", Message: `"Hộ Tịch" is spelt differently from "Hộ tịch"`},
			`a.md:1: field: "Hộ Tịch" is spelt differently from "Hộ tịch"`},
	}
	for _, tt := range tests {
		if got := tt.p.String(); got != tt.want {
			t.Errorf("%s: String() = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestSeverityString(t *testing.T) {
	if Error.String() != "error" || Warning.String() != "warning" {
		t.Errorf("Error=%q Warning=%q", Error, Warning)
	}
}

func TestSorted(t *testing.T) {
	var l List
	l.Errorf("b.md", 1, "", "b1")
	l.Errorf("a.md", 10, "", "a10")
	l.Errorf("a.md", 2, "title", "required")
	l.Errorf("a.md", 2, "code", "required")
	l.Add(Problem{File: "a.md", Line: 2, Col: 5, Message: "syntax"})
	l.Errorf("a.md", 0, "", "whole file")
	l.Errorf("a.md", 2, "code", "required") // duplicate
	l.Warnf("a.md", 2, "code", "required")  // same place, but a warning: kept
	l.Errorf("a.md", 2, "code", "aaa")
	l.Errorf("", 0, "", "no file")
	l.Errorf("a.md", 10, "", "a10") // duplicate, not adjacent when added

	var got []string
	for _, p := range l.Sorted() {
		got = append(got, fmt.Sprintf("%s/%s", p.Severity, p))
	}
	want := []string{
		"error/: no file",
		"error/a.md: whole file",
		"error/a.md:2: code: aaa",
		"error/a.md:2: code: required",
		"warning/a.md:2: warning: code: required",
		"error/a.md:2: title: required",
		"error/a.md:2:5: syntax",
		"error/a.md:10: a10",
		"error/b.md:1: b1",
	}
	if !slices.Equal(got, want) {
		t.Errorf("Sorted()\n got %q\nwant %q", got, want)
	}
	if l.Len() != 11 {
		t.Errorf("Len() = %d, want 11 (duplicates are kept until sorted)", l.Len())
	}
	// Sorting does not change the list.
	if again := l.Sorted(); len(again) != len(want) || l.Len() != 11 {
		t.Errorf("second Sorted() has %d, Len %d", len(again), l.Len())
	}
}

// TestSortedRemovesEveryDuplicate: a duplicate is removed even when a
// problem that differs only in severity or excerpt was added between the
// two copies, and the order does not depend on the order of Add.
func TestSortedRemovesEveryDuplicate(t *testing.T) {
	e := Problem{File: "a.md", Line: 1, Field: "code", Message: "m"}
	w := e
	w.Severity = Warning
	x := e
	x.Excerpt = "x"
	var bugs []string
	for _, order := range [][]Problem{{e, w, e}, {e, x, e}, {w, e, w, e}} {
		var l List
		for _, p := range order {
			l.Add(p)
		}
		if got := l.Sorted(); len(got) != 2 {
			bugs = append(bugs, fmt.Sprintf("%d problems, want 2, from %q", len(got), order))
		}
	}
	var one, two List
	one.Add(e)
	one.Add(w)
	two.Add(w)
	two.Add(e)
	if !slices.Equal(one.Sorted(), two.Sorted()) {
		bugs = append(bugs, "order depends on the order of Add")
	}
	if len(bugs) > 0 {
		t.Errorf("problem.List.Sorted sorts without Severity and Excerpt, so CompactFunc misses non-adjacent duplicates: %s", strings.Join(bugs, "; "))
	}
}

func TestErr(t *testing.T) {
	var l List
	if err := l.Err(); err != nil {
		t.Errorf("empty list: Err() = %v", err)
	}
	l.Warnf("a.md", 3, "synced_at", "old")
	l.Warnf("b.md", 0, "", "other")
	if err := l.Err(); err != nil {
		t.Errorf("only warnings: Err() = %v", err)
	}
	if l.Errors() != 0 || l.Len() != 2 {
		t.Errorf("Errors() = %d, Len() = %d", l.Errors(), l.Len())
	}
	l.Errorf("b.md", 2, "code", "required")
	l.Errorf("a.md", 1, "", "first")
	err := l.Err()
	var le *ListError
	if !errors.As(err, &le) {
		t.Fatalf("Err() = %T %v, want *ListError", err, err)
	}
	want := "a.md:1: first\na.md:3: warning: synced_at: old\nb.md: warning: other\nb.md:2: code: required"
	if err.Error() != want {
		t.Errorf("Err().Error() =\n%s\nwant\n%s", err, want)
	}
	if len(le.Problems) != 4 || l.Errors() != 2 {
		t.Errorf("ListError has %d problems, Errors() = %d", len(le.Problems), l.Errors())
	}
}

func TestMerge(t *testing.T) {
	var a, b List
	a.Errorf("a.md", 1, "", "x")
	b.Warnf("b.md", 2, "f", "y")
	b.Errorf("a.md", 1, "", "x")
	b.Errorf("a.md", 1, "", "x")
	a.Merge(&b)
	if got, want := a.Lines(), []string{"a.md:1: x", "b.md:2: warning: f: y"}; !slices.Equal(got, want) {
		t.Errorf("after Merge %q, want %q", got, want)
	}
	if b.Len() != 3 {
		t.Errorf("Merge changed its argument: Len() = %d", b.Len())
	}
}

func TestConcurrent(t *testing.T) {
	var l List
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			for j := range 100 {
				if j%2 == 0 {
					l.Errorf(fmt.Sprintf("f%d.md", i), j, "", "e")
				} else {
					l.Warnf(fmt.Sprintf("f%d.md", i), j, "", "w")
				}
				_ = l.Errors()
			}
		})
	}
	wg.Wait()
	if l.Len() != 800 || l.Errors() != 400 || len(l.Sorted()) != 800 {
		t.Errorf("Len %d Errors %d Sorted %d", l.Len(), l.Errors(), len(l.Sorted()))
	}
}

func TestQuoted(t *testing.T) {
	type kind string
	if got, want := Quoted([]kind{"dinh_ky", "dot \"xuat\""}), `"dinh_ky", "dot \"xuat\""`; got != want {
		t.Errorf("Quoted = %s, want %s", got, want)
	}
	if got := Quoted([]string(nil)); got != "" {
		t.Errorf("Quoted(nil) = %q, want empty", got)
	}
}

func TestCheckVocab(t *testing.T) {
	type kind string
	all := []kind{"dinh_ky", "thuong_xuyen"}
	if err := CheckVocab(kind("dinh_ky"), "a kind of reception", all); err != nil {
		t.Errorf("known value: %v", err)
	}
	tests := []struct {
		v    kind
		want string
	}{
		{"", `required: use one of "dinh_ky", "thuong_xuyen"`},
		{"dot_xuat", `"dot_xuat" is not a kind of reception: use one of "dinh_ky", "thuong_xuyen"`},
		{"Dinh_ky", `"Dinh_ky" is not a kind of reception: use one of "dinh_ky", "thuong_xuyen"`},
	}
	for _, tt := range tests {
		if err := CheckVocab(tt.v, "a kind of reception", all); err == nil || err.Error() != tt.want {
			t.Errorf("CheckVocab(%q) = %v, want %s", tt.v, err, tt.want)
		}
	}
	// An empty value in a list is unknown, not missing.
	if got, want := NotInVocab(kind(""), "a channel", all), `"" is not a channel: use one of "dinh_ky", "thuong_xuyen"`; got != want {
		t.Errorf("NotInVocab = %s, want %s", got, want)
	}
}

func TestFirstError(t *testing.T) {
	var l List
	l.Warnf("a.toml", 2, "", "w")
	l.Errorf("a.toml", 9, "", "late")
	l.Errorf("a.toml", 4, "x", "early")
	l.Errorf("b.toml", 0, "", "whole file")
	if p, ok := l.FirstError("a.toml"); !ok || p.Place() != "a.toml:4" || p.Message != "early" {
		t.Errorf("FirstError(a.toml) = %v, %v", p, ok)
	}
	if p, ok := l.FirstError("b.toml"); !ok || p.Place() != "b.toml" {
		t.Errorf("FirstError(b.toml) = %v, %v", p, ok)
	}
	if _, ok := l.FirstError("c.toml"); ok {
		t.Error("FirstError of a file without problems")
	}
}
