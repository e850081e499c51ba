package render

import (
	"bytes"
	"html/template"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/congkhai/congkhai"
	"github.com/congkhai/congkhai/internal/config"
	"github.com/congkhai/congkhai/internal/i18n"
	"github.com/congkhai/congkhai/internal/locale"
	"github.com/congkhai/congkhai/internal/problem"
	"github.com/congkhai/congkhai/internal/static"
)

// englishLocale is the English edition's locale with the built-in tables.
func englishLocale(t *testing.T) *locale.Locale {
	t.Helper()
	c, err := i18n.Load(i18n.English)
	if err != nil {
		t.Fatal(err)
	}
	return locale.New(i18n.English, c, nil)
}

// loadTheme loads the built-in theme's layouts, with the layouts of the
// site folder site in their place, in Vietnamese and English.
func loadTheme(t *testing.T, site string) (*Layouts, *problem.List) {
	t.Helper()
	var problems problem.List
	files := static.Load(congkhai.Theme, site, &problems)
	base, err := config.ParseBaseURL("https://x.example.gov.vn/")
	if err != nil {
		t.Fatal(err)
	}
	funcs := Funcs(&config.Config{Base: base}, files)
	l := LoadLayouts(congkhai.Theme, site, funcs, []*locale.Locale{locale.Vietnamese(), englishLocale(t)}, &problems)
	return l, &problems
}

// TestThemeTextsTranslated checks the built-in layouts against
// internal/i18n/vi/theme.toml: every text a layout writes has its
// Vietnamese, and every line of that file is a text some layout writes.
func TestThemeTextsTranslated(t *testing.T) {
	l, problems := loadTheme(t, t.TempDir())
	if problems.Len() != 0 {
		t.Fatalf("the built-in theme has problems:\n%s", strings.Join(problems.Lines(), "\n"))
	}
	texts := l.Texts()
	if len(texts) == 0 {
		t.Fatal("the built-in layouts have no texts (T, plural)")
	}
	cat, err := i18n.Load(i18n.Vietnamese)
	if err != nil {
		t.Fatal(err)
	}
	used := map[string]bool{}
	for _, x := range texts {
		used[x.Key] = true
		if x.One || !hasLetters(x.Key) {
			continue
		}
		tr := cat.Translate(x.Key)
		if tr == "" {
			t.Errorf("%s:%d: no Vietnamese for %q", x.File, x.Line, x.Key)
			continue
		}
		if err := i18n.SameVerbs(x.Key, tr); err != nil {
			t.Errorf("%s:%d: %q: %v", x.File, x.Line, x.Key, err)
		}
	}

	// Every key of the theme's table is written by a layout: none is left
	// behind when a layout changes its words.
	src, err := os.ReadFile(filepath.Join("..", "i18n", "vi", "theme.toml"))
	if err != nil {
		t.Fatal(err)
	}
	var table struct {
		Messages map[string]string `toml:"messages"`
	}
	if _, err := toml.Decode(string(src), &table); err != nil {
		t.Fatal(err)
	}
	if len(table.Messages) == 0 {
		t.Fatal("internal/i18n/vi/theme.toml has no messages")
	}
	for _, key := range slices.Sorted(maps.Keys(table.Messages)) {
		if !used[key] {
			t.Errorf("internal/i18n/vi/theme.toml: %q is in no layout: remove it, or use it", key)
		}
	}
}

// TestThemeUntranslatedOverride: a site's layout with a text that has no
// Vietnamese is a problem at the text's line, that names the text and the
// language; English needs no table.
func TestThemeUntranslatedOverride(t *testing.T) {
	site := t.TempDir()
	dir := filepath.Join(site, "layouts", "partials")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	footer := "<footer>\n<p>{{T \"Open data\"}}</p>\n<p>{{T \"Opening times of the archive\"}}</p>\n</footer>\n"
	if err := os.WriteFile(filepath.Join(dir, "footer.html"), []byte(footer), 0o644); err != nil {
		t.Fatal(err)
	}
	_, problems := loadTheme(t, site)
	got := problems.Sorted()
	if len(got) != 1 {
		t.Fatalf("want one problem, got %d:\n%s", len(got), strings.Join(problems.Lines(), "\n"))
	}
	p := got[0]
	msg := p.MessageIn(nil)
	if p.File != "layouts/partials/footer.html" || p.Line != 3 || p.Severity != problem.Error ||
		!strings.Contains(msg, `"Opening times of the archive"`) || !strings.Contains(msg, `"vi" table`) || !strings.Contains(msg, "i18n/vi.toml") {
		t.Errorf("got %s:%d: %s (severity %v)", p.File, p.Line, msg, p.Severity)
	}
}

// TestThemeEditions renders a partial of the built-in theme in both
// languages: the Vietnamese edition writes the layout's Vietnamese, the
// English one the keys.
func TestThemeEditions(t *testing.T) {
	l, problems := loadTheme(t, t.TempDir())
	if problems.Len() != 0 {
		t.Fatal(strings.Join(problems.Lines(), "\n"))
	}
	en := l.In(i18n.English)
	if en == nil {
		t.Fatal("no English edition")
	}
	for _, c := range []struct {
		l    *Layouts
		want string
	}{
		{l, `<a href="/x/" rel="prev">Trang trước<span class="visually-hidden"> (trang 1)</span></a>`},
		{en, `<a href="/x/" rel="prev">Previous page<span class="visually-hidden"> (page 1)</span></a>`},
	} {
		b, err := c.l.ExecutePartial("partials/pagination.html", &Paginator{Number: 2, Total: 2, base: "/x/"})
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(b, []byte(c.want)) {
			t.Errorf("%s: want %s in\n%s", c.l.Locale().Lang(), c.want, b)
		}
	}
}

// TestTranslateHTML is T and plural as layouts call them.
func TestTranslateHTML(t *testing.T) {
	vi, en := LangFuncs(locale.Vietnamese()), LangFuncs(englishLocale(t))
	for _, c := range []struct {
		name  string
		funcs template.FuncMap
		src   string
		data  any
		want  string
	}{
		{"Vietnamese", vi, `{{T "What to bring"}}`, nil, "Giấy tờ cần mang theo"},
		{"English is the key", en, `{{T "What to bring"}}`, nil, "What to bring"},
		{"no translation: the key", vi, `{{T "Not a text of the theme"}}`, nil, "Not a text of the theme"},
		{"string arguments escaped as html/template does", en, `{{T "Email: %s" .}}`, `a<b>&"c'+d`, "Email: a&lt;b&gt;&amp;&#34;c&#39;&#43;d"},
		{"the same in the text itself", en, `{{T .}}`, `"a" <b> & 'c' + d`, `"a" &lt;b&gt; &amp; 'c' + d`},
		{"HTML arguments kept", vi, `{{T "Email: %s" (link "mailto:a@b.vn" "a@b.vn")}}`, nil, `Thư điện tử: <a href="mailto:a@b.vn">a@b.vn</a>`},
		{"a link with a text of T", vi, `{{T "%s on your receipt and appointment slip." (extLink "https://x.vn/?a=1&b=2" (T "Look up by application number"))}}`, nil,
			`<a href="https://x.vn/?a=1&amp;b=2" rel="external">Tra cứu bằng số hồ sơ</a> ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả.`},
		{"no link to a script", en, `{{link "javascript:alert(1)" "x"}}`, nil, `<a href="#ZgotmplZ">x</a>`},
		{"numbers", en, `{{T "(page %d)" 3}}`, nil, "(page 3)"},
		{"a literal %", en, `{{T "100%% of %s" "x"}}`, nil, "100% of x"},
		{"in an attribute", vi, `<p title="{{T "Data table: %s" .}}">`, `"a" & <b>`, `<p title="Bảng số liệu: &#34;a&#34; &amp; &lt;b&gt;">`},
		{"timeTag", vi, `{{T "Updated %s" (timeTag "2025-07-01" "01/7/2025")}}`, nil, `Cập nhật ngày <time datetime="2025-07-01">01/7/2025</time>`},
		{"tag", en, `{{T "Procedure code %s" (tag "strong" "1.001193")}}`, nil, "Procedure code <strong>1.001193</strong>"},
		{"plural one in English", en, `{{plural 1 "%d procedure" "%d procedures" 1}}`, nil, "1 procedure"},
		{"plural other in English", en, `{{plural 2 "%d procedure" "%d procedures" 2}}`, nil, "2 procedures"},
		{"plural none in English", en, `{{plural 0 "%d procedure" "%d procedures" 0}}`, nil, "0 procedures"},
		{"Vietnamese: the other form for one", vi, `{{plural 1 "%d procedure" "%d procedures" 1}}`, nil, "1 thủ tục"},
		{"Vietnamese: the other form", vi, `{{plural 5 "%d procedure" "%d procedures" 5}}`, nil, "5 thủ tục"},
	} {
		tmpl, err := template.New("t").Funcs(c.funcs).Parse(c.src)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		var b strings.Builder
		if err := tmpl.Execute(&b, c.data); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if b.String() != c.want {
			t.Errorf("%s: %s\ngot  %s\nwant %s", c.name, c.src, b.String(), c.want)
		}
	}

	// tag makes only the inline elements it knows.
	tmpl := template.Must(template.New("t").Funcs(en).Parse(`{{tag "script" "x"}}`))
	if err := tmpl.Execute(&strings.Builder{}, nil); err == nil {
		t.Error(`tag "script": no error`)
	}
}

// TestInlineTexts: a constant text is written into the layout in the
// language, its trim markers kept; a text with an argument, a quote or a
// sign an escaper changes stays a call.
func TestInlineTexts(t *testing.T) {
	vi := locale.Vietnamese()
	for _, tc := range []struct{ in, want string }{
		{`<h2>{{T "Summary"}}</h2>`, `<h2>Tóm tắt</h2>`},
		{"<p>\n  {{- T \"Summary\" -}}\n</p>", "<p>Tóm tắt</p>"},
		{`<a aria-label="{{T "Summary"}}">`, `<a aria-label="{{T "Summary"}}">`},
		{`<a href="/q?x={{T "Summary"}}">`, `<a href="/q?x={{T "Summary"}}">`},
		{`<script>var a = {{T "Summary"}};</script>`, `<script>var a = {{T "Summary"}};</script>`},
		{`<p title=x>{{T "Summary"}}</p>`, `<p title=x>Tóm tắt</p>`},
		{`<p title="a > b">{{T "Summary"}}</p>`, `<p title="a > b">Tóm tắt</p>`},
		{`<p title="a > {{T "Summary"}}">`, `<p title="a > {{T "Summary"}}">`},
		{`<p class="{{if .X}}x{{end}}">{{T "Summary"}}</p>`, `<p class="{{if .X}}x{{end}}">Tóm tắt</p>`},
		{`<title>{{T "Summary"}}</title>`, `<title>{{T "Summary"}}</title>`},
		{`<script src="a.js"></script><p>{{T "Summary"}}`, `<script src="a.js"></script><p>Tóm tắt`},
		{`<h2>{{T "Summary"}}</h2><p title="{{T "Summary"}}">{{T "Summary"}}</p>`, `<h2>Tóm tắt</h2><p title="{{T "Summary"}}">Tóm tắt</p>`},
		{`{{T "Summary"}}`, `Tóm tắt`},
		{`{{T "Updated %s" .X}}`, `{{T "Updated %s" .X}}`},
		{`{{T "A text nobody translated"}}`, `A text nobody translated`},
		{`{{T "Page & more"}}`, `{{T "Page & more"}}`},
		{`{{T "say \"hi\""}}`, `{{T "say \"hi\""}}`},
		{`{{plural 1 "a" "b"}}`, `{{plural 1 "a" "b"}}`},
	} {
		if got := inlineTexts(vi, tc.in); got != tc.want {
			t.Errorf("inlineTexts(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
