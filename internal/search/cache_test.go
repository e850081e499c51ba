package search

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// cacheCases are texts whose words the cache must read as the scanner
// does: letters next to digits, numbers, phone numbers after words,
// marks, long words, bytes that are not UTF-8, characters past U+2000.
var cacheCases = []string{
	"Đăng ký khai sinh, đăng ký kết hôn. ĐĂNG KÝ như được",
	"Gọi 0274 3800 101 hoặc 0912.000.101; lệ phí 100.000 đồng",
	"số 1/2025/TT-BTP, mẫu TK1-TS, A4, x2 2x",
	"gọi 0274 3800 xin chào 3800 101 chào",
	"+84 274 3800 101 chào +84 chào",
	"e\u0301 \u0301\u0301 \u0301a a\u0301b",
	"abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz ngắn abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz",
	"\xffabc \xc3 ab\xe1\xbb đ\xc4 “trích” – 漢字 ½ ² x²",
	"Ⅻ ⅻ ϴ θ ß ẞ İ i",
}

// TestCacheReadsAsTheScanner: a scanner with its cache finds the same
// words, with the same folds and offsets, as one without, the first time
// it reads a text and each time after.
func TestCacheReadsAsTheScanner(t *testing.T) {
	for _, text := range append(cacheCases, exampleBodies(t)...) {
		checkCache(t, text)
	}
}

// TestCacheGivesTheSameIndex: an index whose Writer reads the bodies
// through its cache is the one read without it, file for file.
func TestCacheGivesTheSameIndex(t *testing.T) {
	texts := append(cacheCases, exampleBodies(t)...)
	with, without := indexOf(texts, false), indexOf(texts, true)
	if !slices.EqualFunc(with, without, func(a, b File) bool { return a.Name == b.Name && bytes.Equal(a.Data, b.Data) }) {
		t.Fatalf("the index with the cache differs from the index without it")
	}
}

func FuzzCache(f *testing.F) {
	for _, c := range cacheCases {
		f.Add(c, "khai sinh 0274 3800")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		checkCache(t, a+" "+b+" "+a)
		texts := []string{a, b, a + b, b + " " + a}
		with, without := indexOf(texts, false), indexOf(texts, true)
		if !slices.EqualFunc(with, without, func(a, b File) bool { return a.Name == b.Name && bytes.Equal(a.Data, b.Data) }) {
			t.Fatalf("the index of %q with the cache differs from the index without it", texts)
		}
	})
}

// checkCache compares the words of text read by a scanner with a cache,
// twice, with those read by one without.
func checkCache(t *testing.T, text string) {
	t.Helper()
	var want collect
	plain := scanner{}
	plain.scan(text, &want)
	cached := scanner{cache: &wordCache{}}
	for pass := range 2 {
		var got collect
		cached.scan(text, &got)
		if !slices.Equal(got, want) {
			t.Fatalf("pass %d over %q: with the cache %v, without %v", pass+1, text, got, want)
		}
	}
}

// indexOf is the index of texts, one document each, their bodies read
// with the cache or not.
func indexOf(texts []string, noCache bool) []File {
	docs := make([]Doc, len(texts))
	for i := range docs {
		docs[i] = Doc{Kind: Procedure, URL: "/" + strconv.Itoa(i) + "/", Title: "t" + strconv.Itoa(i)}
	}
	b, ids := NewBuilder(docs)
	w := b.NewWriter()
	w.noCache = noCache
	for i, text := range texts {
		w.Begin(ids[i])
		w.Add(Title, docs[i].Title)
		w.Add(Body, text)
		w.End()
	}
	return b.Files()
}

// exampleBodies are the procedures of the example portal, as text.
func exampleBodies(t *testing.T) []string {
	files, _ := filepath.Glob(filepath.Join("..", "..", "content", "thu-tuc", "*.md"))
	if len(files) == 0 {
		t.Fatal("no procedures in the example portal")
	}
	var out []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(b))
	}
	return out
}

// TestCacheStartsAgain: texts of more words than the cache keeps (it
// empties itself and starts again) give the same words and the same
// index as without it.
func TestCacheStartsAgain(t *testing.T) {
	word := func(n int) string {
		b := []byte("tu")
		for ; n > 0; n /= 26 {
			b = append(b, byte('a'+n%26))
		}
		return string(b)
	}
	var texts []string
	for d := range 3 {
		var sb strings.Builder
		for i := d * maxCachedWords / 2; i < d*maxCachedWords/2+maxCachedWords+100; i++ {
			sb.WriteString(word(i))
			sb.WriteString(" Đường ")
		}
		texts = append(texts, sb.String())
	}
	checkCache(t, strings.Join(texts, " "))
	with, without := indexOf(texts, false), indexOf(texts, true)
	if !slices.EqualFunc(with, without, func(a, b File) bool { return a.Name == b.Name && bytes.Equal(a.Data, b.Data) }) {
		t.Fatal("the index with a cache that started again differs from the index without it")
	}
}
