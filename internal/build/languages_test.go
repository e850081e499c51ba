package build

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/congkhai/congkhai/internal/search"
)

// TestExampleSearchPerLanguage: each edition of the example portal has an
// index of its own pages: English words find the English birth
// registration in the English index and nothing in the Vietnamese one,
// Vietnamese words the other way round, and every result of an index is
// a page of its edition (the directory's entries of the English index
// included).
func TestExampleSearchPerLanguage(t *testing.T) {
	dest := exampleBuild(t)
	find := func(dir, q string) []string {
		t.Helper()
		return searchIndex(t, filepath.Join(dest, dir), q)
	}
	const vi, en = "tim-kiem/index", "en/tim-kiem/index"
	if got := find(en, "birth registration"); !slices.Contains(got, "/en/thu-tuc/dang-ky-khai-sinh/") {
		t.Errorf("English index, %q: %v", "birth registration", got)
	}
	if got := find(vi, "birth registration"); len(got) > 0 {
		t.Errorf("Vietnamese index, %q: %v, want nothing", "birth registration", got)
	}
	if got := find(vi, "dang ky khai sinh"); !slices.Contains(got, "/thu-tuc/dang-ky-khai-sinh/") {
		t.Errorf("Vietnamese index, %q: %v", "dang ky khai sinh", got)
	}
	for _, q := range []string{"registration", "hotline", "chair", "civil status"} {
		got := find(en, q)
		if len(got) == 0 {
			t.Errorf("English index, %q: nothing", q)
		}
		for _, u := range got {
			if !strings.HasPrefix(u, "/en/") {
				t.Errorf("English index, %q: %s is not a page of the English edition", q, u)
			}
		}
	}
	// The marker of a link to a Vietnamese page is markup, not words.
	for _, q := range []string{"span", "lang note", "tieng viet"} {
		if got := find(en, q); len(got) > 0 {
			t.Errorf("English index, %q: %v, want nothing", q, got)
		}
	}
	// A procedure's levels are words of its language.
	if got := find(en, "commune level"); !slices.Contains(got, "/en/thu-tuc/dang-ky-khai-sinh/") {
		t.Errorf("English index, %q: %v", "commune level", got)
	}
	if got := find(en, "cap xa"); slices.Contains(got, "/en/thu-tuc/dang-ky-khai-sinh/") {
		t.Errorf("English index, %q: %v: the Vietnamese label of a level", "cap xa", got)
	}
	for _, u := range find(vi, "ho tich") {
		if strings.HasPrefix(u, "/en/") {
			t.Errorf("Vietnamese index, %q: %s is an English page", "ho tich", u)
		}
	}
}

// searchIndex asks the search index published in dir what a citizen
// typing q finds, as search.js would: the addresses of the results.
func searchIndex(t *testing.T, dir, q string) []string {
	t.Helper()
	ix, err := search.Open(func(name string) ([]byte, error) { return os.ReadFile(filepath.Join(dir, name)) })
	if err != nil {
		t.Fatal(err)
	}
	res, err := ix.Search(search.ParseQuery(q+" "), nil)
	if err != nil {
		t.Fatal(err)
	}
	var urls []string
	for _, r := range res {
		h, err := ix.Hit(r.Doc)
		if err != nil {
			t.Fatal(err)
		}
		urls = append(urls, h.URL)
	}
	return urls
}
