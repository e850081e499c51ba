package vntext

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Đường dây nóng", "duong-day-nong"},
		{"Thủ tục hành chính", "thu-tuc-hanh-chinh"},
		{"ĐĂNG KÝ KHAI SINH", "dang-ky-khai-sinh"},
		{"Hộ tịch", "ho-tich"},
		{"  Chứng thực -- bản sao!  ", "chung-thuc-ban-sao"},
		{"Ủy ban nhân dân phường Thủ Dầu Một", "uy-ban-nhan-dan-phuong-thu-dau-mot"},
		{"Bảo trợ xã hội", "bao-tro-xa-hoi"},
		{"Người có công", "nguoi-co-cong"},
		{"1.001193", "1-001193"},
		{"Luật 60/2014/QH13", "luat-60-2014-qh13"},
		{"漢字", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Slug(tt.in); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSlugSameForNFCAndNFD(t *testing.T) {
	nfc := "Đường dây nóng"
	nfd := "\u0110u\u031bo\u031b\u0300ng da\u0302y no\u0301ng" // decomposed
	if NFC(nfd) != nfc {
		t.Fatalf("NFC(%q) = %q, want %q", nfd, NFC(nfd), nfc)
	}
	if Slug(nfd) != Slug(nfc) {
		t.Fatalf("Slug differs: %q vs %q", Slug(nfd), Slug(nfc))
	}
}

func TestIsSlug(t *testing.T) {
	for s, want := range map[string]bool{
		"dang-ky-khai-sinh": true, "a": true, "a1-b2": true,
		"": false, "-a": false, "a-": false, "a--b": false, "A": false, "đ": false, "a_b": false,
	} {
		if got := IsSlug(s); got != want {
			t.Errorf("IsSlug(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestCollatorOrder(t *testing.T) {
	want := []string{
		"an", "ăn", "ân", "Ba", "Bảo", "Chứng thực", "Cư trú", "Dân tộc", "Đăng ký", "Đất đai",
		"ma", "mà", "mả", "mã", "má", "mạ", "Oa", "Ô tô", "Ơn", "Xây dựng",
	}
	got := slices.Clone(want)
	slices.Reverse(got)
	c := NewCollator()
	slices.SortFunc(got, c.Compare)
	if !slices.Equal(got, want) {
		t.Errorf("sorted\n got %q\nwant %q", got, want)
	}
}

func FuzzSlug(f *testing.F) {
	for _, s := range []string{"Đường dây nóng", "a--b", "\xff\xfe", "Ủy ban"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Slug(s)
		if got != "" && !IsSlug(got) {
			t.Fatalf("Slug(%q) = %q is not a slug", s, got)
		}
		if Slug(NFC(s)) != got {
			t.Fatalf("Slug differs between %q and its NFC form", s)
		}
	})
}

func TestStableNFC(t *testing.T) {
	for _, s := range []string{"Đường dây nóng – “1022”", "abc", "Ủy ban nhân dân phường Thủ Dầu Một"} {
		if !stableNFC(s) {
			t.Errorf("stableNFC(%q) = false", s)
		}
	}
	for _, s := range []string{"Đu\u031bo\u031b\u0300ng", "\u212B", "漢字", "e\u0301"} {
		if stableNFC(s) {
			t.Errorf("stableNFC(%q) = true, want the full check", s)
		}
	}
}

func TestCollatorKeyOrder(t *testing.T) {
	c := NewCollator()
	words := []string{"an", "ăn", "ân", "Ba", "Bảo", "Dân tộc", "Đăng ký", "ma", "mà", "mả", "mã", "má", "mạ", "Ô tô", "Ơn"}
	for i := 1; i < len(words); i++ {
		if bytes.Compare(c.Key(words[i-1]), c.Key(words[i])) >= 0 {
			t.Errorf("Key(%q) >= Key(%q)", words[i-1], words[i])
		}
	}
}

func FuzzNFC(f *testing.F) {
	for _, s := range []string{"Đường", "Đu\u031bo\u031b\u0300ng", "\u212B", "e\u0301", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := NFC(s), norm.NFC.String(s); got != want {
			t.Fatalf("NFC(%q) = %q, want %q", s, got, want)
		}
	})
}

// FuzzFold checks that folding letter by letter, with the table of Latin
// letters, gives what folding the whole decomposed string gives.
func FuzzFold(f *testing.F) {
	for _, s := range []string{"Đường dây nóng", "Thủ tục hành chính", "e\u0301", "Ǆ ǅ ǆ", "K Å", "\xff\xfe", "한국어 Ελληνικά Кириллица"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Fold(s)
		if !utf8.ValidString(s) {
			return // text is checked to be UTF-8 when it is read
		}
		if want := string(appendDecomposed(nil, s)); got != want {
			t.Fatalf("Fold(%q) = %q, want %q", s, got, want)
		}
	})
}

func TestNotSlug(t *testing.T) {
	for _, tt := range []struct{ s, example, want string }{
		{"Liên hệ", "gioi-thieu", `"Liên hệ" is not a slug: use lowercase letters, digits and hyphens, such as "lien-he"`},
		{"..", "gioi-thieu", `".." is not a slug: use lowercase letters, digits and hyphens, such as "gioi-thieu"`},
	} {
		if got := NotSlug(tt.s, tt.example).String(); got != tt.want {
			t.Errorf("NotSlug(%q) = %q, want %q", tt.s, got, tt.want)
		}
	}
}

func TestClosest(t *testing.T) {
	names := []string{"period", "received", "on_time", "Đơn vị"}
	for want, got := range map[string]string{
		"perod":                 "period",
		"PERIOD":                "period",
		"recieved":              "received",
		"đon vị":                "Đơn vị",
		"late":                  "",
		strings.Repeat("p", 65): "",
	} {
		if c := Closest(want, names); c != got {
			t.Errorf("Closest(%q) = %q, want %q", want, c, got)
		}
	}
}
