package build

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/congkhai/congkhai"
	"github.com/congkhai/congkhai/internal/corpus"
	"github.com/congkhai/congkhai/internal/txtartest"
)

// TestLongListsArePaginated: with more procedures than page_size, each
// list is split into numbered pages linked to each other, and the
// procedures index shows a few per field with a link to the rest, so that
// no page grows with the size of the site.
func TestLongListsArePaginated(t *testing.T) {
	site := filepath.Join(t.TempDir(), "site")
	if err := corpus.Write(site, corpus.Options{Procedures: 120, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	cfg := readFile(t, site, "site.toml")
	txtartest.WriteFile(t, filepath.Join(site, "site.toml"), []byte(strings.Replace(cfg, "[procedures]\n", "[procedures]\npage_size = 10\n", 1)))
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := Run(Options{Source: site, Destination: dest, Theme: congkhai.Theme}); err != nil {
		t.Fatal(err)
	}
	// The commune level holds most of the procedures: several pages.
	first := readFile(t, dest, "thu-tuc/cap/xa/index.html")
	items := regexp.MustCompile(`<ul class="procedure-list">`).FindAllStringIndex(first, -1)
	if len(items) != 1 || strings.Count(first, `<span class="meta">Mã `) != 10 {
		t.Errorf("page 1 lists %d procedures, want 10", strings.Count(first, `<span class="meta">Mã `))
	}
	for _, want := range []string{`<nav class="pagination" aria-label="Các trang của danh sách">`, `href="/thu-tuc/cap/xa/trang-2/" rel="next"`, `aria-current="page">1</a>`} {
		if !strings.Contains(first, want) {
			t.Errorf("page 1 lacks %s", want)
		}
	}
	second := readFile(t, dest, "thu-tuc/cap/xa/trang-2/index.html")
	for _, want := range []string{`href="/thu-tuc/cap/xa/" rel="prev"`, `aria-current="page">2</a>`, "trang 2/"} {
		if !strings.Contains(second, want) {
			t.Errorf("page 2 lacks %s", want)
		}
	}
	// Every procedure is on exactly one page of its level's list.
	pages, _ := filepath.Glob(filepath.Join(dest, "thu-tuc", "cap", "*", "index.html"))
	more, _ := filepath.Glob(filepath.Join(dest, "thu-tuc", "cap", "*", "trang-*", "index.html"))
	total := 0
	for _, p := range append(pages, more...) {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		total += strings.Count(string(b), `<span class="meta">Mã `)
	}
	if total != 120 {
		t.Errorf("the level lists hold %d procedures, want 120", total)
	}
	index := readFile(t, dest, "thu-tuc/index.html")
	if !strings.Contains(index, "Xem tất cả") || strings.Count(index, `<span class="meta">Mã `) >= 120 {
		t.Errorf("the procedures index lists %d procedures in full", strings.Count(index, `<span class="meta">Mã `))
	}
}
