package personaldata

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzFindIDs feeds arbitrary bytes to FindIDs, as the lint does with
// every file of data/. Whatever the input: no panic, and every match is
// at a line and column of the text, with 12 characters of which the
// middle six are hidden.
func FuzzFindIDs(f *testing.F) {
	f.Add([]byte("updated = 2026-10-20\n# 079 123 456 789\n\xff"))
	f.Add([]byte("Họ tên,CCCD\r\nNguyễn Văn An,096123456789\r\n"))
	f.Add([]byte("079.123.456.789 1.079.123.456.789 0.079123456789 079-123-456-789"))
	f.Add([]byte("ệ079123456789\n12 079 123 456 789 012"))
	f.Fuzz(func(t *testing.T, src []byte) {
		lines := strings.Split(string(src), "\n")
		for _, m := range FindIDs(src) {
			if m.Line < 1 || m.Line > len(lines) || m.Col < 1 || m.Col > utf8.RuneCountInString(lines[m.Line-1]) {
				t.Fatalf("match at %d:%d outside the text", m.Line, m.Col)
			}
			if len(m.Masked) != 12 || m.Masked[4:10] != "******" {
				t.Fatalf("masked %q, want 12 characters with the middle six hidden", m.Masked)
			}
		}
	})
}
