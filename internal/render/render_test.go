package render

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"html/template"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/congkhai/congkhai/internal/config"
	"github.com/congkhai/congkhai/internal/content"
	"github.com/congkhai/congkhai/internal/i18n"
	"github.com/congkhai/congkhai/internal/locale"
	"github.com/congkhai/congkhai/internal/problem"
	"github.com/congkhai/congkhai/internal/static"
)

func TestSitemap(t *testing.T) {
	got := Sitemap([]SitemapEntry{
		{URL: "https://x.example.gov.vn/portal/"},
		{URL: "https://x.example.gov.vn/portal/thu-tuc/", LastMod: time.Date(2025, 7, 15, 0, 0, 0, 0, time.UTC)},
		{URL: "https://x.example.gov.vn/portal/tim-kiem/?q=a&b=<c>", LastMod: time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC)},
		{URL: "https://x.example.gov.vn/portal/c%E1%BB%95ng/"},
	})
	want, err := os.ReadFile(filepath.Join("testdata", "sitemap.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("Sitemap:\n%s\nwant:\n%s", got, want)
	}
	// And it is well-formed XML whose locations read back unescaped.
	var set struct {
		URLs []struct {
			Loc     string `xml:"loc"`
			LastMod string `xml:"lastmod"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(got, &set); err != nil {
		t.Fatal(err)
	}
	if len(set.URLs) != 4 || set.URLs[2].Loc != "https://x.example.gov.vn/portal/tim-kiem/?q=a&b=<c>" || set.URLs[0].LastMod != "" {
		t.Errorf("read back %+v", set.URLs)
	}
}

func TestSitemapEmpty(t *testing.T) {
	want := xml.Header + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n</urlset>\n"
	if got := string(Sitemap(nil)); got != want {
		t.Errorf("Sitemap(nil) = %q, want %q", got, want)
	}
}

func TestRobots(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://x.example.gov.vn/sitemap.xml", "User-agent: *\nAllow: /\n\nSitemap: https://x.example.gov.vn/sitemap.xml\n"},
		{"https://x.example.gov.vn/portal/sitemap.xml", "User-agent: *\nAllow: /\n\nSitemap: https://x.example.gov.vn/portal/sitemap.xml\n"},
	}
	for _, tt := range tests {
		if got := string(Robots(tt.in)); got != tt.want {
			t.Errorf("Robots(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFuncs(t *testing.T) {
	base, err := config.ParseBaseURL("https://x.example.gov.vn/portal/")
	if err != nil {
		t.Fatal(err)
	}
	cfg := &config.Config{Base: base}
	site := t.TempDir()
	if err := os.MkdirAll(filepath.Join(site, "static", "bieu-mau"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(site, "static", "bieu-mau", "to-khai.docx"), make([]byte, 12*1024+512), 0o644); err != nil {
		t.Fatal(err)
	}
	theme := fstest.MapFS{"assets/css/congkhai.css": {Data: []byte("body{}")}}
	var problems problem.List
	files := static.Load(theme, site, &problems)
	if problems.Len() != 0 {
		t.Fatal(problems.Sorted())
	}
	css, err := files.Asset("css/congkhai.css")
	if err != nil {
		t.Fatal(err)
	}

	funcs := Funcs(cfg, files)
	maps.Copy(funcs, langFuncs(locale.Vietnamese(), funcs))
	tmpl := template.Must(template.New("t").Funcs(funcs).Parse(
		`{{url "/thu-tuc/"}}|{{absURL "/thu-tuc/"}}|{{asset "css/congkhai.css"}}|` +
			`{{download "/bieu-mau/to-khai.docx"}}|{{download "/bieu-mau/khong-co.pdf"}}|` +
			`{{vnd 8000}}|{{number 1234567}}|{{deref .N}}|{{deref .Nil}}|{{date .D}}|{{isoDate .D}}`))
	n := 3
	var b strings.Builder
	err = tmpl.Execute(&b, map[string]any{"N": &n, "Nil": (*int)(nil), "D": time.Date(2025, 7, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	want := "/portal/thu-tuc/|https://x.example.gov.vn/portal/thu-tuc/|/portal" + css.Path + "|" +
		"DOCX, 12,5 KB|PDF|" +
		"8.000 đồng|1.234.567|3|0|01/7/2025|2025-07-01"
	if b.String() != want {
		t.Errorf("got  %s\nwant %s", b.String(), want)
	}

	// The same in English: the functions of the language follow it.
	cat, err := i18n.Load(i18n.English)
	if err != nil {
		t.Fatal(err)
	}
	en := Funcs(cfg, files)
	maps.Copy(en, langFuncs(locale.New(i18n.English, cat, nil), en))
	b.Reset()
	err = template.Must(template.New("t").Funcs(en).Parse(`{{download "/bieu-mau/to-khai.docx"}}|{{vnd 8000}}|{{number 1234567}}|{{date .D}}`)).
		Execute(&b, map[string]any{"D": time.Date(2025, 7, 1, 0, 0, 0, 0, time.UTC)})
	if want := "DOCX, 12.5 KB|VND 8,000|1,234,567|1 July 2025"; err != nil || b.String() != want {
		t.Errorf("English: got %s %v\nwant %s", b.String(), err, want)
	}

	// A missing asset is an execution error, not an empty link.
	bad := template.Must(template.New("t").Funcs(Funcs(cfg, files)).Parse(`{{asset "css/none.css"}}`))
	if err := bad.Execute(&b, nil); err == nil || !strings.Contains(err.Error(), `asset "css/none.css" not found`) {
		t.Errorf("missing asset: err = %v", err)
	}
}

func TestSitemapIndex(t *testing.T) {
	entries := make([]SitemapEntry, SitemapLimit*2+1)
	for i := range entries {
		entries[i] = SitemapEntry{URL: fmt.Sprintf("https://x.example/p%d/", i)}
	}
	entries[SitemapLimit+5].LastMod = time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)
	files := Sitemaps(entries, func(p string) string { return "https://x.example" + p })
	if len(files) != 4 {
		t.Fatalf("%d files, want an index and 3 sitemaps", len(files))
	}
	index := string(files["sitemap.xml"])
	for _, want := range []string{"<sitemapindex", "<loc>https://x.example/sitemap-1.xml</loc></sitemap>", "<loc>https://x.example/sitemap-2.xml</loc><lastmod>2026-10-01</lastmod>", "sitemap-3.xml"} {
		if !strings.Contains(index, want) {
			t.Errorf("index lacks %s", want)
		}
	}
	if n := strings.Count(string(files["sitemap-1.xml"]), "<url>"); n != SitemapLimit {
		t.Errorf("sitemap-1.xml holds %d addresses", n)
	}
	if n := strings.Count(string(files["sitemap-3.xml"]), "<url>"); n != 1 {
		t.Errorf("sitemap-3.xml holds %d addresses", n)
	}
	small := Sitemaps(entries[:3], func(p string) string { return p })
	if len(small) != 1 || !strings.Contains(string(small["sitemap.xml"]), "<urlset") {
		t.Error("a small site should have one sitemap.xml")
	}
	// SitemapFiles names the same files, before they are written.
	for _, n := range []int{0, 3, SitemapLimit, SitemapLimit + 1, len(entries)} {
		got := SitemapFiles(entries[:n])
		want := slices.Sorted(maps.Keys(Sitemaps(entries[:n], func(p string) string { return p })))
		if !slices.Equal(got, want) {
			t.Errorf("SitemapFiles(%d) = %v, want %v", n, got, want)
		}
	}
}

// TestSitemapBytes: past 50 MB a sitemap is split too, even with fewer
// than 50,000 addresses (sitemaps.org): 30,000 addresses of 1,900
// characters are 58 MB, two files of at most 50 MB each.
func TestSitemapBytes(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 58 MB of sitemaps; the small limits of TestSitemapSplit cover the same code")
	}
	long := strings.Repeat("a", 1900)
	entries := make([]SitemapEntry, 30000)
	for i := range entries {
		entries[i] = SitemapEntry{URL: fmt.Sprintf("https://x.example/%s/%d/", long, i), LastMod: time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)}
	}
	files := Sitemaps(entries, func(p string) string { return "https://x.example" + p })
	if got, want := slices.Sorted(maps.Keys(files)), SitemapFiles(entries); !slices.Equal(got, want) || len(got) != 3 {
		t.Fatalf("files %v, SitemapFiles %v; want an index and 2 sitemaps", got, want)
	}
	total := 0
	for _, name := range []string{"sitemap-1.xml", "sitemap-2.xml"} {
		b := files[name]
		if len(b) > SitemapBytes {
			t.Errorf("%s is %d bytes, over %d", name, len(b), SitemapBytes)
		}
		total += strings.Count(string(b), "<url>")
	}
	if total != len(entries) {
		t.Errorf("the parts hold %d addresses, want %d", total, len(entries))
	}
	if n := len(files["sitemap-1.xml"]); n < SitemapBytes-4096 {
		t.Errorf("sitemap-1.xml is %d bytes: it should be filled up to the limit", n)
	}
}

// TestSitemapSplit: with small limits, each part is as long as it can be
// within both the count and the size, an entry exactly at the size fits,
// and one larger than the size alone still gets a part of its own.
func TestSitemapSplit(t *testing.T) {
	entry := func(i int) SitemapEntry { return SitemapEntry{URL: fmt.Sprintf("https://x/%03d", i)} }
	var b bytes.Buffer
	appendEntry(&b, entry(0))
	one := b.Len() // every entry has this size
	frame := len(urlsetHead) + len(urlsetTail)
	var entries []SitemapEntry
	for i := range 10 {
		entries = append(entries, entry(i))
	}
	for _, tt := range []struct {
		urls, size int
		want       []int // lengths of the parts
	}{
		{urls: 4, size: 1 << 20, want: []int{4, 4, 2}},
		{urls: 100, size: frame + 3*one, want: []int{3, 3, 3, 1}},
		{urls: 100, size: frame + 3*one - 1, want: []int{2, 2, 2, 2, 2}},
		{urls: 2, size: frame + 3*one, want: []int{2, 2, 2, 2, 2}},
		{urls: 100, size: 1, want: []int{1, 1, 1, 1, 1, 1, 1, 1, 1, 1}},
		{urls: 100, size: 1 << 20, want: []int{10}},
	} {
		var got []int
		for _, p := range splitSitemap(entries, tt.urls, tt.size) {
			got = append(got, len(p))
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%d addresses, %d bytes: parts %v, want %v", tt.urls, tt.size, got, tt.want)
		}
		files := sitemaps(entries, func(p string) string { return p }, tt.urls, tt.size)
		for name, f := range files {
			if name != "sitemap.xml" && len(f) > tt.size && strings.Count(string(f), "<url>") > 1 {
				t.Errorf("%s is %d bytes with several addresses, over %d", name, len(f), tt.size)
			}
		}
		if names := sitemapFiles(entries, tt.urls, tt.size); !slices.Equal(names, slices.Sorted(maps.Keys(files))) {
			t.Errorf("sitemapFiles %v, Sitemaps made %v", names, slices.Sorted(maps.Keys(files)))
		}
	}
}

func TestPaginate(t *testing.T) {
	items := make([]*content.Page, 95)
	for i := range items {
		items[i] = &content.Page{}
	}
	pages := Paginate(items, 10, "/l/")
	if len(pages) != 10 || len(pages[9].Items) != 5 || pages[3].First != 31 {
		t.Fatalf("got %d pages, last with %d items, page 4 starts at %d", len(pages), len(pages[9].Items), pages[3].First)
	}
	var nav []string
	for _, l := range pages[4].Pages() {
		switch {
		case l.Number == 0:
			nav = append(nav, "…")
		case l.Current:
			nav = append(nav, fmt.Sprintf("[%d]", l.Number))
		default:
			nav = append(nav, fmt.Sprint(l.Number))
		}
	}
	if got := strings.Join(nav, " "); got != "1 … 3 4 [5] 6 7 … 10" {
		t.Errorf("navigation of page 5: %s", got)
	}
	if p := pages[0].Prev(); p != nil {
		t.Error("page 1 has a previous page")
	}
	if n := pages[0].Next(); n == nil || n.Path != "/l/trang-2/" {
		t.Errorf("next of page 1: %+v", n)
	}
	if got := len(Paginate(nil, 10, "/l/")); got != 1 {
		t.Errorf("an empty list has %d pages, want 1", got)
	}
}
