package markdown

import (
	"strings"
	"testing"
	"time"
)

func TestTooDeep(t *testing.T) {
	nested := func(levels int) string {
		var b strings.Builder
		for i := range levels {
			b.WriteString(strings.Repeat("  ", i) + "- mục\n")
		}
		return b.String()
	}
	tests := []struct {
		name  string
		src   string
		limit int
		want  int
	}{
		{"no containers", "# Tiêu đề\n\nĐoạn văn.\n", 2, 0},
		{"a flat list", "- a\n- b\n- c\n", 1, 0},
		{"three levels within three", nested(3), 3, 0},
		{"three levels over two", nested(3), 2, 3},
		{"ordered lists", "1. a\n   1. b\n      1. c\n", 2, 3},
		{"quotes", "> a\n>> b\n> > > c\n", 2, 3},
		{"quotes in lists", "- > - > x\n", 3, 1},
		{"indented text opens nothing", "- a\n\n                                        text\n", 2, 0},
		{"fenced code is not Markdown", "```\n" + nested(10) + "```\n- a\n", 2, 0},
		{"tilde fences", "~~~~\n>>>>>>>>\n~~~~\n", 2, 0},
		{"a fence in a list", "- ```\n  >>>>>>\n  ```\n", 2, 0},
		{"thematic break", "---\n* * *\n", 3, 0},
		{"tabs", "\t\t\t\t- x\n", 4, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := TooDeep([]byte(tt.src), tt.limit); got != tt.want {
				t.Errorf("TooDeep = %d, want %d", got, tt.want)
			}
		})
	}
}

// TestTooDeepIsQuick: the scan of a body that would keep goldmark busy
// for a minute (lists nested 2,000 deep, 4 MB) takes milliseconds.
func TestTooDeepIsQuick(t *testing.T) {
	var b strings.Builder
	for i := range 2000 {
		b.WriteString(strings.Repeat("  ", i) + "- x\n")
	}
	start := time.Now()
	if line := TooDeep([]byte(b.String()), 16); line != 17 {
		t.Errorf("line %d, want 17: the 17th level", line)
	}
	if d := time.Since(start); d > 100*time.Millisecond {
		t.Errorf("took %v", d)
	}
}
