package personaldata

import (
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
)

func TestFindMobiles(t *testing.T) {
	tests := []struct {
		text string
		want string // "line:col:digits" joined by spaces
	}{
		{"0912345678", "1:1:0912345678"},
		{"Gọi 0912 345 678.", "1:5:0912345678"},
		{"0912.345.678", "1:1:0912345678"},
		{"0912-345-678", "1:1:0912345678"},
		{"091 234 5678", "1:1:0912345678"},
		{"0903.12.34.56", "1:1:0903123456"},
		{"0912\u00a0345\u00a0678", "1:1:0912345678"},
		{"0912\t345 678", "1:1:0912345678"},
		{"+84 912 345 678", "1:1:0912345678"},
		{"+84912345678", "1:1:0912345678"},
		{"(+84) 912.345.678", "1:1:0912345678"},
		{"(+84)912345678", "1:1:0912345678"},
		{"(+84 912 345 678)", "1:2:0912345678"},
		{"(+84912345678)", "1:2:0912345678"},
		{"+84 0912 345 678", "1:1:0912345678"},
		{"tel:+84912345678", "1:5:0912345678"},
		{"SĐT:0362345678;", "1:5:0362345678"},
		{"0567 890 123, 0701 234 567 và 0888 123 456", "1:1:0567890123 1:15:0701234567 1:31:0888123456"},
		{"Số 12 0912 345 678 (ông An)", "1:7:0912345678"},
		{"0912 345 678 12 người", "1:1:0912345678"},
		{"a\n\n```\nĐiện thoại: 0912 345 678\n```\n", "4:13:0912345678"},
		{"| Ông An | 0912.345.678 |", "1:12:0912345678"},
		{"ệ0912345678", "1:2:0912345678"},
		{"\xff\xfe0912345678", "1:2:0912345678"},
		{"[gọi](tel:0912345678)", "1:11:0912345678"},
		{"0912345678,0913456789", "1:1:0912345678 1:12:0913456789"},
		{"2026-09,3,0912345678", "1:11:0912345678"}, // cells of a CSV file
		// not mobile numbers
		{"0274 3822 123, 028 3829 1234, (0274) 3822 123", ""}, // landlines
		{"0274.3822.123 và 02743822123", ""},
		{"Gọi 1022, 113, 0274 1022, 1800 1096, 1900 571 255", ""}, // short and service numbers
		{"079123456789 và 079 123 456 789", ""},                   // citizen IDs
		{"09123456789", ""},                                       // 11 digits
		{"091234567", ""},                                         // 9 digits
		{"0212345678", ""},                                        // starts like a landline
		{"0112345678 0412345678 0612345678", ""},                  // no such prefixes
		{"84912345678", ""},                                       // 84 without its +
		{"+85 912 345 678", ""},                                   // another country
		{"1.0912.345.678", ""},                                    // a grouped amount
		{"0912.345.678.901", ""},                                  // a longer grouping
		{"0.0912345678", ""},                                      // a decimal
		{"09 1234 5678", ""},                                      // first group too short
		{"0912 345 67 8", ""},                                     // a group of one digit
		{"0912  345  678", ""},                                    // double spaces
		{"2025-07-15, 1.001193, 8.000 đồng, 10/2026", ""},
		{"+84 ", ""},
	}
	for _, tc := range tests {
		var got []string
		for _, m := range FindMobiles([]byte(tc.text)) {
			got = append(got, fmt.Sprintf("%d:%d:%s", m.Line, m.Col, m.Digits))
			if want := m.Digits[:4] + "****" + m.Digits[8:]; m.Masked != want {
				t.Errorf("FindMobiles(%q): masked %q, want %q", tc.text, m.Masked, want)
			}
		}
		if strings.Join(got, " ") != tc.want {
			t.Errorf("FindMobiles(%q) = %q, want %q", tc.text, strings.Join(got, " "), tc.want)
		}
	}
}

// BenchmarkFind scans the example portal's longest procedure page, as the
// content lint does for every page: it should cost little next to decoding
// the front matter, and allocate nothing when it finds nothing.
func BenchmarkFind(b *testing.B) {
	src, err := os.ReadFile("../../content/thu-tuc/dang-ky-khai-sinh.md")
	if err != nil {
		b.Skip(err)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if len(FindIDs(src)) > 0 || len(FindMobiles(src)) > 0 {
			b.Fatal("the example page has personal data")
		}
	}
}

// TestHasDigit: every byte value, in every position of a word.
func TestHasDigit(t *testing.T) {
	for b := range 256 {
		for pos := range 8 {
			var w [8]byte
			for i := range w {
				w[i] = 'a'
			}
			w[pos] = byte(b)
			x := uint64(0)
			for i := 7; i >= 0; i-- {
				x = x<<8 | uint64(w[i])
			}
			if got, want := hasDigit(x), isDigit(byte(b)); got != want {
				t.Fatalf("hasDigit with byte %#x at %d = %v, want %v", b, pos, got, want)
			}
		}
	}
	if hasDigit(0xffffffffffffffff) || hasDigit(0) || !hasDigit(0x3939393939393939) {
		t.Error("hasDigit of full words")
	}
	// Words of any bytes, their neighbours included.
	rnd := rand.New(rand.NewPCG(1, 2))
	for range 100000 {
		x := rnd.Uint64()
		want := false
		for i := range 8 {
			want = want || isDigit(byte(x>>(8*i)))
		}
		if hasDigit(x) != want {
			t.Fatalf("hasDigit(%#x) = %v, want %v", x, !want, want)
		}
	}
}
