package search

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/congkhai/congkhai/internal/boundtest"
	"github.com/congkhai/congkhai/internal/vntext"
)

// TestTokens: words with their offsets in the text, which the script
// uses to mark them in a snippet.
func TestTokens(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want []string // the text of each word, then its fold
	}{
		{"Đăng ký khai sinh", []string{"Đăng:dang", "ký:ky", "khai:khai", "sinh:sinh"}},
		{"ĐƯỜNG dây NÓNG", []string{"ĐƯỜNG:duong", "dây:day", "NÓNG:nong"}},
		{"Thủ tục 1.001193.", []string{"Thủ:thu", "tục:tuc", "1.001193:1001193"}},
		{"Lệ phí 100.000 đồng", []string{"Lệ:le", "phí:phi", "100.000:100000", "đồng:dong"}},
		{"Gọi 0274 3800 101, 0912.000.101", []string{"Gọi:goi", "0274 3800 101:02743800101", "0912.000.101:0912000101"}},
		{"+84 274 3800 101", []string{"84 274 3800 101:02743800101"}},
		{"(028) 3829 1234", []string{"028) 3829 1234:02838291234"}},
		{"0274 3800 101 0912 000 101", []string{"0274 3800 101:02743800101", "0912 000 101:0912000101"}},
		{"năm 2024 2025", []string{"năm:nam", "2024:2024", "2025:2025"}},
		{"số 1/2025/TT-BTP", []string{"số:so", "1:1", "2025:2025", "TT:tt", "BTP:btp"}},
	} {
		var got []string
		for _, tok := range Tokens(tt.in) {
			got = append(got, tt.in[tok.Start:tok.End]+":"+tok.Fold)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Tokens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestRanking states what ranks above what, and why, on the index of
// testdata/docs.json; testdata/vectors.json has every order in full.
func TestRanking(t *testing.T) {
	ix := openDir(t, indexDir)
	for _, tt := range []struct {
		q, above, below, why string
		facets               []string
	}{
		{q: "dang ky khai sinh", above: "/thu-tuc/dang-ky-khai-sinh/", below: "/thu-tuc/khai-sinh-ket-hop-nhan-cha-me-con/",
			why: "fewer words in the title"},
		{q: "Đăng ký", above: "/thu-tuc/dang-ky-thanh-lap-ho-kinh-doanh/", below: "/thu-tuc/ky-thi-nang-luc/",
			why: "the diacritics typed"},
		{q: "đăng kỳ", above: "/thu-tuc/ky-thi-nang-luc/", below: "/thu-tuc/dang-ky-thuong-tru/",
			why: "the diacritics typed"},
		{q: "khai sinh", above: "/thu-tuc/khai-sinh-ket-hop-nhan-cha-me-con/", below: "/huong-dan/nop-truc-tuyen/",
			why: "title above body"},
		{q: "khu pho", above: "/danh-ba/#cong-an-phuong-thu-dau-mot", below: "/gioi-thieu/",
			why: "meta fields above body"},
		{q: "thinh lap doanh", above: "/thu-tuc/dang-ky-thanh-lap-ho-kinh-doanh/", below: "/thanh-lap-doan/",
			why: "one word matched by a typo above two"},
		{q: "dang ky", facets: []string{"linh-vuc=ho-tich"}, above: "/thu-tuc/dang-ky-ket-hon/", below: "/thu-tuc/dang-ky-khai-sinh/",
			why: "equal scores in the Vietnamese order of titles (kết before khai)"},
	} {
		got := urls(t, ix, tt.q, tt.facets)
		a, b := slices.Index(got, tt.above), slices.Index(got, tt.below)
		if a < 0 || b < 0 || a > b {
			t.Errorf("%q: %s should rank above %s (%s); got %v", tt.q, tt.above, tt.below, tt.why, got)
		}
	}
}

// TestEveryWordMatches compares the results of whole words (no prefix,
// no typo) with the documents of testdata/docs.json that have every word,
// found by reading each document's every text.
func TestEveryWordMatches(t *testing.T) {
	var docs []fixtureDoc
	readJSON(t, docsFile, &docs)
	words := map[string]map[string]bool{} // address → its folded words
	for _, d := range docs {
		texts := append([]string{d.Title, d.Code, d.Description, d.Body}, d.Keywords...)
		texts = append(texts, d.Meta...)
		texts = append(texts, d.Phones...)
		words[d.URL] = map[string]bool{}
		for _, text := range texts {
			for _, tok := range Tokens(text) {
				words[d.URL][tok.Fold] = true
			}
		}
	}
	ix := openDir(t, indexDir)
	for _, q := range []string{"dang ky khai sinh", "giấy phép xây dựng", "ho kinh doanh", "chu tich uy ban", "ngay trong ngay", "phuong", "1.001193", "0274 3800 101"} {
		var want []string
		for url, has := range words {
			all := true
			for _, w := range ParseQuery(q).Words {
				all = all && has[w.Fold]
			}
			if all {
				want = append(want, url)
			}
		}
		got := urls(t, ix, q+" ", nil)
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%q finds %v, but the documents with every word are %v", q, got, want)
		}
	}
}

// FuzzParseQuery checks what any input typed gives: at most
// MaxQueryWords words, each once, folded as vntext.Fold folds its text
// (digits alone for a phone number), only the last one a prefix, and the
// same words for the NFC form of the input; in bounded time.
func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{
		"dang ky khai sinh", "Đăng ký khai sinh ", "1.001193", "0274 3800 1", "+84 274 3800 101", "(+84) 912-000-101",
		"khai sinh khai", "giấy phép, xây dựng!", "Đu\u031bo\u031b\u0300ng", "\xff\xfe", "+", "(((", "8.000,5", strings.Repeat("a ", 300),
		"한국어 Ελληνικά", "İ", "ǅ", "0" + strings.Repeat("1 ", 20),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var q Query
		boundtest.Check(t, len(s), func() { q = ParseQuery(s) })
		if len(q.Words) > MaxQueryWords {
			t.Fatalf("%q: %d words", s, len(q.Words))
		}
		seen := map[string]bool{}
		for i, w := range q.Words {
			if w.Fold == "" || seen[w.Fold] {
				t.Fatalf("%q: word %d is %+v (empty or repeated)", s, i, w)
			}
			seen[w.Fold] = true
			if !utf8.ValidString(w.Text) || utf8.RuneCountInString(w.Text) > MaxWordRunes && !allDigits(w.Text) {
				t.Fatalf("%q: word %q", s, w.Text)
			}
			if allDigits(w.Text) {
				if w.Fold != w.Text {
					t.Fatalf("%q: number %q folded as %q", s, w.Text, w.Fold)
				}
			} else if w.Fold != vntext.Fold(w.Text) || strings.ContainsFunc(w.Text, func(r rune) bool { return unicode.ToLower(r) != r }) {
				t.Fatalf("%q: %q folded as %q", s, w.Text, w.Fold)
			}
		}
		if utf8.ValidString(s) {
			again := ParseQuery(vntext.NFC(s))
			if !slices.Equal(again.Words, q.Words) {
				t.Fatalf("%q: %v, but its NFC form gives %v", s, q.Words, again.Words)
			}
		}
	})
}

func allDigits(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// TestExcerpt: what a result quotes is the description and the text, with
// every run of spaces made one, and when they go on past it, ends with a
// whole word and " …".
func TestExcerpt(t *testing.T) {
	long := strings.Repeat("Trình tự thực hiện ", 20)
	for _, tt := range []struct{ desc, body, want string }{
		{"Hướng dẫn  đăng ký.", "Nộp\nhồ sơ.", "Hướng dẫn đăng ký. Nộp hồ sơ."},
		{"", long, strings.Repeat("Trình tự thực hiện ", 9) + "Trình tự …"}, // 180 runes reached in "thực"
		{"", strings.Repeat("a", 179) + " đường dây", strings.Repeat("a", 179) + " …"},
		{"", strings.Repeat("a", 180) + " ", strings.Repeat("a", 180)},
	} {
		b, ids := NewBuilder([]Doc{{Kind: Page, URL: "/x/", Title: "x"}})
		w := b.NewWriter()
		w.Begin(ids[0])
		w.Add(Title, "x")
		w.Add(Description, tt.desc)
		w.Add(Body, tt.body)
		w.End()
		files := map[string][]byte{}
		for _, f := range b.Files() {
			files[f.Name] = f.Data
		}
		ix, err := Open(func(name string) ([]byte, error) { return files[name], nil })
		if err != nil {
			t.Fatal(err)
		}
		h, err := ix.Hit(0)
		if err != nil {
			t.Fatal(err)
		}
		if h.Excerpt != tt.want {
			t.Errorf("excerpt of %q, %q:\n%q\nwant\n%q", tt.desc, tt.body, h.Excerpt, tt.want)
		}
	}
}
