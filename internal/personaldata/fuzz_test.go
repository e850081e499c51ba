package personaldata

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/congkhai/congkhai/internal/contacts/phone"
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

// FuzzFindMobiles feeds arbitrary bytes to FindMobiles, as the lint does
// with every file of content/ and data/. Whatever the input: no panic, and
// every match is at a line and column of the text, with the ten digits of
// a mobile number that package phone reads as one, masked in the middle.
func FuzzFindMobiles(f *testing.F) {
	f.Add([]byte("+++\ntitle = \"Liên hệ\"\n+++\nGọi 0912 345 678 hoặc (+84) 912.345.678\n"))
	f.Add([]byte("0274 3822 123, 1022, 1800 1096, 079 123 456 789\r\n+84912345678\xff"))
	f.Add([]byte("1.0912.345.678 0,0912345678 0903.12.34.56 0912\u00a0345\u00a0678\t+84 0912 345 678"))
	f.Add([]byte("(+84)(+84) +84+84 0912345678-0913456789 ệ0912 345 678 9"))
	f.Fuzz(func(t *testing.T, src []byte) {
		lines := strings.Split(string(src), "\n")
		for _, m := range FindMobiles(src) {
			if m.Line < 1 || m.Line > len(lines) || m.Col < 1 || m.Col > utf8.RuneCountInString(lines[m.Line-1]) {
				t.Fatalf("match at %d:%d outside the text", m.Line, m.Col)
			}
			if n, err := phone.Parse(m.Digits); err != nil || n.Kind() != phone.Mobile || n.Digits() != m.Digits {
				t.Fatalf("match %q is not a mobile number's digits", m.Digits)
			}
			if len(m.Masked) != 10 || m.Masked[4:8] != "****" || m.Masked[:4] != m.Digits[:4] || m.Masked[8:] != m.Digits[8:] {
				t.Fatalf("masked %q, want the digits of %q with the middle four hidden", m.Masked, m.Digits)
			}
			if !strings.Contains(lines[m.Line-1], m.Digits[len(m.Digits)-2:]) {
				t.Fatalf("match %q not on its line %q", m.Digits, lines[m.Line-1])
			}
		}
		// The lint's one pass finds what the two finders find alone.
		ids, mobiles := find(src, true, true)
		if !slices.Equal(ids, FindIDs(src)) || !slices.Equal(mobiles, FindMobiles(src)) {
			t.Fatalf("one pass found %v %v, the finders alone %v %v", ids, mobiles, FindIDs(src), FindMobiles(src))
		}
	})
}
