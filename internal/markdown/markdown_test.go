package markdown

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/yuin/goldmark/util"

	"github.com/congkhai/congkhai/internal/boundtest"
	"github.com/congkhai/congkhai/internal/limits"
)

// toHTML renders d with WriteHTML into a new buffer.
func toHTML(d *Document, embedHTML func(Embed) ([]byte, error)) ([]byte, error) {
	var buf bytes.Buffer
	err := d.WriteHTML(&buf, embedHTML)
	return buf.Bytes(), err
}

func TestHeadingIDs(t *testing.T) {
	src := "## Trình tự thực hiện\n\n## Đường dây nóng\n\n## Đường dây nóng\n\n## Ghi chú {#luu-y}\n\n## !!!\n"
	doc := New("/").Parse([]byte(src))
	want := []string{"trinh-tu-thuc-hien", "duong-day-nong", "duong-day-nong-1", "luu-y", "muc"}
	if len(doc.Headings) != len(want) {
		t.Fatalf("got %d headings, want %d", len(doc.Headings), len(want))
	}
	for i, h := range doc.Headings {
		if h.ID != want[i] {
			t.Errorf("heading %d %q: id %q, want %q", i, h.Text, h.ID, want[i])
		}
	}
	if doc.Headings[3].Text != "Ghi chú" {
		t.Errorf("explicit-id heading text = %q", doc.Headings[3].Text)
	}
	if doc.Headings[1].Line != 3 {
		t.Errorf("line = %d, want 3", doc.Headings[1].Line)
	}
	html, err := toHTML(doc, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(html), `<h2 id="duong-day-nong">Đường dây nóng</h2>`) {
		t.Errorf("html:\n%s", html)
	}
}

func TestHasHeading(t *testing.T) {
	doc := New("/").Parse([]byte("## Yêu cầu, điều kiện thực hiện\n\n### Trình tự thực hiện\n"))
	if !doc.HasHeading(2, "Yêu cầu, điều kiện thực hiện") {
		t.Error("level-2 heading not found")
	}
	if doc.HasHeading(2, "Trình tự thực hiện") {
		t.Error("level-3 heading counted as level 2")
	}
}

// TestEmptyItems: a list item with nothing after its marker ("1. " of the
// procedure scaffold, "- ", "2." at the end of a line) is found with its
// line; an item whose text is on the next line, or "[ ]", is not empty.
func TestEmptyItems(t *testing.T) {
	src := "## Trình tự thực hiện\n\n1. \n2. Nộp hồ sơ.\n3.\n\n- a\n- \n-\n  tiếp dòng sau\n* [ ] \n"
	doc := New("/").Parse([]byte(src))
	if want := []int{3, 5, 8}; !slices.Equal(doc.EmptyItems, want) {
		t.Errorf("EmptyItems = %v, want %v", doc.EmptyItems, want)
	}
	if doc := New("/").Parse([]byte("1. Một\n2. Hai\n")); len(doc.EmptyItems) > 0 {
		t.Errorf("EmptyItems of a full list = %v", doc.EmptyItems)
	}
}

func TestLinksUnderSubpath(t *testing.T) {
	src := "[a](/thu-tuc/khai-sinh/) [b](https://dichvucong.gov.vn/) [c](#buoc-1) ![d](/anh/logo.png) [e](//cdn.example/x) [f](javascript:alert(1))\n"
	doc := New("/portal/").Parse([]byte(src))
	html, err := toHTML(doc, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`href="/portal/thu-tuc/khai-sinh/"`, `href="https://dichvucong.gov.vn/"`, `href="#buoc-1"`,
		`src="/portal/anh/logo.png"`, `href="//cdn.example/x"`,
	} {
		if !strings.Contains(string(html), want) {
			t.Errorf("missing %s in\n%s", want, html)
		}
	}
	if strings.Contains(string(html), "javascript:") {
		t.Errorf("javascript: link kept:\n%s", html)
	}
	if len(doc.Links) != 6 || doc.Links[0].Dest != "/thu-tuc/khai-sinh/" || !doc.Links[3].Image {
		t.Errorf("links = %+v", doc.Links)
	}
}

func TestRawHTMLOmitted(t *testing.T) {
	html, _ := toHTML(New("/").Parse([]byte("<script>alert(1)</script>\n\nxin chào <img src=x onerror=alert(1)>\n")), nil)
	if strings.Contains(string(html), "<script") || strings.Contains(string(html), "onerror") {
		t.Errorf("raw HTML passed through:\n%s", html)
	}
}

func TestTables(t *testing.T) {
	html, _ := toHTML(New("/").Parse([]byte("| Bước | Nội dung |\n|---|---|\n| 1 | Nộp hồ sơ |\n")), nil)
	if !strings.Contains(string(html), "<th>Bước</th>") {
		t.Errorf("GFM table not rendered:\n%s", html)
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte("## Trình tự thực hiện {#x}\n\n[a](/b/) ![c](/d)\n| a |\n|---|\n"))
	f.Add([]byte(strings.Repeat("  - x\n", 10) + strings.Repeat(">", 16) + " y\n"))
	c := New("/portal/", "chart")
	f.Fuzz(func(t *testing.T, src []byte) {
		var doc *Document
		var err error
		run := func() {
			doc = c.Parse(src)
			_, err = toHTML(doc, nil)
		}
		if TooDeep(src, limits.MarkdownDepth) == 0 {
			// A body within the limits costs bounded work.
			boundtest.Check(t, len(src), run)
		} else {
			run()
		}
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Count(string(src), "\n") + 1
		for _, h := range doc.Headings {
			if h.Line < 1 || h.Line > lines {
				t.Fatalf("heading line %d out of 1..%d", h.Line, lines)
			}
		}
	})
}

func TestEmbeds(t *testing.T) {
	src := "Mở đầu.\n\n```chart\nho-so-theo-thang\n```\n\n```go\nfmt.Println()\n```\n\n```chart\n  hai-long  \n```\n"
	doc := New("/", "chart").Parse([]byte(src))
	want := []Embed{{Fence: "chart", Name: "ho-so-theo-thang", Line: 3}, {Fence: "chart", Name: "hai-long", Line: 11}}
	if !slices.Equal(doc.Embeds, want) {
		t.Fatalf("Embeds = %+v, want %+v", doc.Embeds, want)
	}
	if plain := New("/").Parse([]byte(src)); len(plain.Embeds) != 0 {
		t.Errorf("a converter without embeds found %+v", plain.Embeds)
	}
	html, err := toHTML(doc, func(e Embed) ([]byte, error) {
		return []byte(`<figure data-name="` + e.Name + `"></figure>`), nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{`<figure data-name="ho-so-theo-thang"></figure>`, `<figure data-name="hai-long"></figure>`, `<code class="language-go">`} {
		if !strings.Contains(string(html), s) {
			t.Errorf("missing %s in\n%s", s, html)
		}
	}
	if strings.Contains(string(html), "language-chart") {
		t.Errorf("a chart block was rendered as code:\n%s", html)
	}
}

func TestTableCaptions(t *testing.T) {
	src := "## Lệ phí\n\n| Việc | Mức |\n|---|---|\n| Khai sinh | 0 |\n\nBảng: Mức lệ phí hộ tịch\n\n## Thời hạn\n\n| Việc | Ngày |\n|---|---|\n| Kết hôn | 1 |\n"
	html, err := toHTML(New("/").Parse([]byte(src)), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`<div class="table-scroll" role="region" aria-label="Mức lệ phí hộ tịch" tabindex="0">`,
		"<table>\n<caption>Mức lệ phí hộ tịch</caption>",
		`<caption class="visually-hidden">Thời hạn</caption>`,
	} {
		if !strings.Contains(string(html), want) {
			t.Errorf("missing %q in\n%s", want, html)
		}
	}
	if strings.Contains(string(html), "<p>Bảng:") {
		t.Errorf("the caption paragraph stayed:\n%s", html)
	}
}

// goldmark writes into a util.BufWriter as it is; bufferWriter must be one.
var _ util.BufWriter = bufferWriter{}
