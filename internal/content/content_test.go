package content

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/congkhai/congkhai/internal/boundtest"
	"github.com/congkhai/congkhai/internal/buildcache"
	"github.com/congkhai/congkhai/internal/config"
	"github.com/congkhai/congkhai/internal/limits"
	"github.com/congkhai/congkhai/internal/personaldata"
	"github.com/congkhai/congkhai/internal/problem"
	"github.com/congkhai/congkhai/internal/procedure"
)

var (
	testCfg   = &config.Config{Title: "Cổng thử nghiệm", Procedures: config.Procedures{Section: "thu-tuc"}}
	testRules = procedure.Rules{Today: time.Date(2025, 8, 1, 0, 0, 0, 0, time.UTC), StaleAfterDays: 90}
)

// procedureFile is a valid procedure with the given code and title.
func procedureFile(code, title string) string {
	return fmt.Sprintf(`+++
code = %q
title = %q
decision = "1/QĐ"
field = "Hộ tịch"
level = ["xa"]
subjects = ["Công dân Việt Nam"]
agency = "Ủy ban nhân dân xã"
online_level = "khong"
result = ["Kết quả"]
source_url = "https://dichvucong.gov.vn/"
synced_at = 2025-07-15
effective_from = 2025-07-01
legal_basis = [{ number = "1/2025/QH15", title = "Luật" }]
aliases = ["/cu/%s/"]

[[channels]]
kind = "truc_tiep"
processing_time = { unit = "ngay", text = "1 ngày" }
fees = [{ type = "le_phi", amount_vnd = 0, text = "Không thu" }]
[[dossier]]
case = "Giấy tờ phải nộp"
documents = [{ name = "Tờ khai", originals = 1, copies = 0 }]
+++
## Trình tự thực hiện

## Yêu cầu, điều kiện thực hiện
`, code, title, code)
}

func page(title string, extra ...string) string {
	return "+++\ntitle = \"" + title + "\"\n" + strings.Join(extra, "\n") + "\n+++\nVăn bản.\n"
}

// baseFiles is the smallest site without problems.
var baseFiles = map[string]string{
	"content/_index.md":         page("Trang chủ"),
	"content/thu-tuc/_index.md": page("Thủ tục hành chính"),
}

func writeFiles(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		f := filepath.Join(dir, filepath.FromSlash(name))
		if strings.HasSuffix(name, "/") { // a folder
			if err := os.MkdirAll(f, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// load writes baseFiles and files (a file set to "" is left out) into a
// new site folder and loads it.
func load(t testing.TB, files map[string]string) (*Site, []string) {
	t.Helper()
	all := map[string]string{}
	for k, v := range baseFiles {
		all[k] = v
	}
	for k, v := range files {
		if v == "" && !strings.HasSuffix(k, "/") {
			delete(all, k)
			continue
		}
		all[k] = v
	}
	dir := t.TempDir()
	writeFiles(t, dir, all)
	var problems problem.List
	s := Load(dir, testCfg, testRules, personaldata.Consented{}, nil, &problems)
	s.CheckSections(testCfg, &problems)
	s.CheckCodes(&problems)
	var got []string
	for _, p := range problems.Sorted() {
		got = append(got, p.String())
	}
	return s, got
}

func byPath(s *Site) map[string]*Page {
	m := map[string]*Page{}
	for _, p := range s.Pages {
		m[p.Path] = p
	}
	return m
}

func paths(pages []*Page) []string {
	var out []string
	for _, p := range pages {
		out = append(out, p.Path)
	}
	return out
}

func TestPagePaths(t *testing.T) {
	s, probs := load(t, map[string]string{
		"content/Giới thiệu.md":                 page("Giới thiệu"),
		"content/LIÊN HỆ.md":                    page("Liên hệ"),
		"content/ho-tro.md":                     page("Hỗ trợ", `slug = "tro-giup"`),
		"content/tin-tuc/_index.md":             page("Tin tức"),
		"content/tin-tuc/2025/_index.md":        page("Năm 2025"),
		"content/tin-tuc/2025/Đợt 1 tháng 7.md": page("Đợt 1"),
		"content/Văn bản/_index.md":             page("Văn bản"),
		"content/Văn bản/quyet-dinh.md":         page("Quyết định"),
		"content/thu-tuc/dang-ky-khai-sinh.md":  procedureFile("1.001193", "Đăng ký khai sinh"),
		"content/thu-tuc/Khai tử.md":            procedureFile("1.000656", "Đăng ký khai tử"),
	})
	if len(probs) != 0 {
		t.Fatalf("problems: %q", probs)
	}
	want := []struct {
		path, file, dir string
		kind            Kind
		parent          string
	}{
		{"/", "content/_index.md", "", KindHome, ""},
		{"/gioi-thieu/", "content/Giới thiệu.md", "", KindPage, "/"},
		{"/lien-he/", "content/LIÊN HỆ.md", "", KindPage, "/"},
		{"/thu-tuc/", "content/thu-tuc/_index.md", "thu-tuc", KindSection, "/"},
		{"/thu-tuc/dang-ky-khai-sinh/", "content/thu-tuc/dang-ky-khai-sinh.md", "thu-tuc", KindProcedure, "/thu-tuc/"},
		{"/thu-tuc/khai-tu/", "content/thu-tuc/Khai tử.md", "thu-tuc", KindProcedure, "/thu-tuc/"},
		{"/tin-tuc/", "content/tin-tuc/_index.md", "tin-tuc", KindSection, "/"},
		{"/tin-tuc/2025/", "content/tin-tuc/2025/_index.md", "tin-tuc/2025", KindSection, "/tin-tuc/"},
		{"/tin-tuc/2025/dot-1-thang-7/", "content/tin-tuc/2025/Đợt 1 tháng 7.md", "tin-tuc/2025", KindPage, "/tin-tuc/2025/"},
		{"/tro-giup/", "content/ho-tro.md", "", KindPage, "/"},
		{"/van-ban/", "content/Văn bản/_index.md", "Văn bản", KindSection, "/"},
		{"/van-ban/quyet-dinh/", "content/Văn bản/quyet-dinh.md", "Văn bản", KindPage, "/van-ban/"},
	}
	var wantPaths []string
	for _, w := range want {
		wantPaths = append(wantPaths, w.path)
	}
	if got := paths(s.Pages); !slices.Equal(got, wantPaths) {
		t.Fatalf("pages\n got %q\nwant %q", got, wantPaths)
	}
	for i, w := range want {
		p := s.Pages[i]
		parent := ""
		if p.Parent != nil {
			parent = p.Parent.Path
		}
		if p.File != w.file || p.Dir != w.dir || p.Kind != w.kind || parent != w.parent {
			t.Errorf("%s: file %q dir %q kind %v parent %q; want %q %q %v %q",
				w.path, p.File, p.Dir, p.Kind, parent, w.file, w.dir, w.kind, w.parent)
		}
	}
	if s.Home == nil || s.Home.Path != "/" || s.Home.Title != "Trang chủ" {
		t.Errorf("Home = %+v", s.Home)
	}
	if got := paths(s.Procedures); !slices.Equal(got, []string{"/thu-tuc/dang-ky-khai-sinh/", "/thu-tuc/khai-tu/"}) {
		t.Errorf("Procedures = %q", got)
	}
	if s.ProcedureSection == nil || s.ProcedureSection.Path != "/thu-tuc/" || s.ProcedureSection.Kind != KindSection {
		t.Errorf("ProcedureSection = %+v", s.ProcedureSection)
	}
	m := byPath(s)
	if got := paths(m["/"].Sections); !slices.Equal(got, []string{"/thu-tuc/", "/tin-tuc/", "/van-ban/"}) {
		t.Errorf("home sections %q", got)
	}
	if got := paths(m["/tin-tuc/"].Sections); !slices.Equal(got, []string{"/tin-tuc/2025/"}) {
		t.Errorf("tin-tuc sections %q", got)
	}
	// Procedures are found by code, and carry their record.
	p := s.ProcedureByCode("1.000656")
	if p == nil || p.Path != "/thu-tuc/khai-tu/" || p.Title != "Đăng ký khai tử" || p.Procedure.Code != "1.000656" {
		t.Fatalf("ProcedureByCode(1.000656) = %+v", p)
	}
	if !slices.Equal(p.Aliases, []string{"/cu/1.000656/"}) || p.BodyLine != 25 {
		t.Errorf("aliases %q body line %d", p.Aliases, p.BodyLine)
	}
	if want := time.Date(2025, 7, 15, 0, 0, 0, 0, time.UTC); p.LastChanged() != want {
		t.Errorf("LastChanged() = %v, want %v", p.LastChanged(), want)
	}
	if s.ProcedureByCode("9.999999") != nil {
		t.Error("ProcedureByCode of an unknown code is not nil")
	}
}

func TestPageOrder(t *testing.T) {
	s, probs := load(t, map[string]string{
		"content/thu-tuc/_index.md": page("Thủ tục", "weight = 1"),
		"content/dat-dai.md":        page("Đất đai"),
		"content/dan-toc.md":        page("Dân tộc"),
		"content/giao-duc.md":       page("Giáo dục"),
		"content/a-dau.md":          page("Zê", "weight = -1"),
		"content/b.md":              page("Ân", "weight = 5", "updated = 2025-07-20"),
		"content/tin-tuc/_index.md": page("Tin tức"),
		"content/lien-he/_index.md": page("Liên hệ", "weight = 1"),
	})
	if len(probs) != 0 {
		t.Fatalf("problems: %q", probs)
	}
	m := byPath(s)
	var got []string
	for _, p := range m["/"].Pages {
		got = append(got, p.Title)
	}
	// Weight first, then Vietnamese order: Dân tộc < Đất đai < Giáo dục.
	if want := []string{"Zê", "Dân tộc", "Đất đai", "Giáo dục", "Ân"}; !slices.Equal(got, want) {
		t.Errorf("home pages %q, want %q", got, want)
	}
	got = nil
	for _, p := range m["/"].Sections {
		got = append(got, p.Title)
	}
	if want := []string{"Tin tức", "Liên hệ", "Thủ tục"}; !slices.Equal(got, want) {
		t.Errorf("home sections %q, want %q", got, want)
	}
	if want := time.Date(2025, 7, 20, 0, 0, 0, 0, time.UTC); m["/b/"].LastChanged() != want || m["/b/"].Weight != 5 {
		t.Errorf("b: updated %v weight %d", m["/b/"].LastChanged(), m["/b/"].Weight)
	}
}

func TestHomeWithoutFile(t *testing.T) {
	s, probs := load(t, map[string]string{"content/_index.md": ""})
	if len(probs) != 0 {
		t.Fatalf("problems: %q", probs)
	}
	if s.Home == nil || s.Home.Path != "/" || s.Home.Kind != KindHome || s.Home.Title != testCfg.Title || s.Home.File != "content/_index.md" {
		t.Fatalf("Home = %+v", s.Home)
	}
	if got := paths(s.Pages); !slices.Equal(got, []string{"/", "/thu-tuc/"}) {
		t.Errorf("pages %q", got)
	}
	if s.Pages[1].Parent != s.Home {
		t.Error("the section's parent is not the generated home")
	}
}

func TestHomeTitleDefault(t *testing.T) {
	s, probs := load(t, map[string]string{"content/_index.md": "+++\ndescription = \"Mô tả\"\n+++\n"})
	if len(probs) != 0 {
		t.Fatalf("problems: %q", probs)
	}
	if s.Home.Title != testCfg.Title || s.Home.Description != "Mô tả" {
		t.Errorf("home title %q description %q", s.Home.Title, s.Home.Description)
	}
}

func TestDraftsSkipped(t *testing.T) {
	s, probs := load(t, map[string]string{
		"content/nhap.md":     page("Bản nháp", "draft = true"),
		"content/cong-bo.md":  page("Công bố", "draft = false"),
		"content/nhap-loi.md": "+++\ndraft = true\n+++\n", // problems are still reported
	})
	want := []string{"content/nhap-loi.md:2: title: required"}
	if !slices.Equal(probs, want) {
		t.Errorf("problems %q, want %q", probs, want)
	}
	if got := paths(s.Pages); !slices.Equal(got, []string{"/", "/cong-bo/", "/thu-tuc/"}) {
		t.Errorf("pages %q", got)
	}
}

func TestIgnoredFiles(t *testing.T) {
	s, probs := load(t, map[string]string{
		"content/.an.md":                    page("Ẩn"),
		"content/.git/config.md":            "not front matter",
		"content/.git/HEAD":                 "ref: refs/heads/main",
		"content/gioi-thieu.md~":            "backup without front matter",
		"content/thu-tuc/.#khai-sinh.md":    "emacs lock",
		"content/thu-tuc/.khai-sinh.md.swp": "vim swap",
		"content/gioi-thieu.md":             page("Giới thiệu"),
	})
	if len(probs) != 0 {
		t.Fatalf("problems: %q", probs)
	}
	if got := paths(s.Pages); !slices.Equal(got, []string{"/", "/gioi-thieu/", "/thu-tuc/"}) {
		t.Errorf("pages %q", got)
	}
}

// TestUnusableNames: a file whose name is not UTF-8 is a problem, not a
// page at an address made of the bytes that were left.
func TestUnusableNames(t *testing.T) {
	s, probs := load(t, map[string]string{"content/gi\xf4i-thieu.md": page("Giới thiệu")})
	want := []string{"content/gi\uFFFDi-thieu.md: the name is not valid UTF-8 text (a tool saved it in another encoding): rename it"}
	if !slices.Equal(probs, want) {
		t.Errorf("problems %q, want %q", probs, want)
	}
	if got := paths(s.Pages); !slices.Equal(got, []string{"/", "/thu-tuc/"}) {
		t.Errorf("pages %q", got)
	}
}

func TestLoadProblems(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{
			name:  "section folder without _index.md",
			files: map[string]string{"content/tin-tuc/a.md": page("A"), "content/tin-tuc/b.md": page("B")},
			want:  []string{"content/tin-tuc: this folder is a section and needs an _index.md file with its title"},
		},
		{
			name:  "nested section without the parent's _index.md",
			files: map[string]string{"content/tin-tuc/2025/_index.md": page("2025")},
			want:  []string{"content/tin-tuc: this folder is a section and needs an _index.md file with its title"},
		},
		{
			name:  "procedures section without _index.md",
			files: map[string]string{"content/thu-tuc/_index.md": "", "content/gioi-thieu.md": page("Giới thiệu")},
			want:  []string{"content/thu-tuc/_index.md: not found: the procedures section needs an _index.md with its title and introduction"},
		},
		{
			name:  "procedures section without _index.md, with a procedure",
			files: map[string]string{"content/thu-tuc/_index.md": "", "content/thu-tuc/a.md": procedureFile("1.000001", "A")},
			want:  []string{"content/thu-tuc: this folder is a section and needs an _index.md file with its title"},
		},
		{
			name:  "procedure in a sub-folder",
			files: map[string]string{"content/thu-tuc/ho-tich/khai-sinh.md": procedureFile("1.001193", "Khai sinh")},
			want:  []string{"content/thu-tuc/ho-tich/khai-sinh.md: procedures live directly in content/thu-tuc/, not in sub-folders"},
		},
		{
			name: "section index in a sub-folder of procedures",
			files: map[string]string{
				"content/thu-tuc/ho-tich/_index.md": page("Hộ tịch"),
			},
			want: []string{"content/thu-tuc/ho-tich/_index.md: procedures live directly in content/thu-tuc/, not in sub-folders"},
		},
		{
			name:  "updated 0001-01-01: a date, not left out",
			files: map[string]string{"content/a.md": page("A", "updated = 0001-01-01")},
			want:  []string{"content/a.md:3: updated: 0001-01-01 is before 1945-09-02, earlier than any date a portal publishes: write the day the page was last updated, such as 2025-07-15, or remove updated"},
		},
		{
			name:  "not Markdown",
			files: map[string]string{"content/anh.png": "PNG"},
			want:  []string{"content/anh.png: only Markdown (.md) files belong in content/: put images and downloads in static/"},
		},
		{
			name:  "folder named .md",
			files: map[string]string{"content/trang.md/": ""},
			want:  []string{"content/trang.md: is a folder, but its name ends in .md: rename it or move the Markdown file in its place"},
		},
		{
			name:  "no front matter",
			files: map[string]string{"content/a.md": "# Tiêu đề\n"},
			want:  []string{"content/a.md:1: the file must start with a +++ line that opens the TOML front matter"},
		},
		{
			name:  "not UTF-8",
			files: map[string]string{"content/a.md": "+++\ntitle = \"a\"\n+++\nCh\xe0o\n"},
			want:  []string{"content/a.md:4: the file is not valid UTF-8 text; save it as UTF-8 (Unicode)"},
		},
		{
			name:  "page without title",
			files: map[string]string{"content/a.md": "+++\nweight = 1\n+++\n"},
			want:  []string{"content/a.md:2: title: required"},
		},
		{
			name:  "section without title",
			files: map[string]string{"content/tin-tuc/_index.md": "+++\n\n+++\n"},
			want:  []string{"content/tin-tuc/_index.md:2: title: required"},
		},
		{
			name:  "bad slug",
			files: map[string]string{"content/a.md": page("A", `slug = "Liên hệ"`)},
			want:  []string{`content/a.md:3: slug: "Liên hệ" is not a slug: use lowercase letters, digits and hyphens, such as "lien-he"`},
		},
		{
			name:  "slug with no letter or digit: no empty suggestion",
			files: map[string]string{"content/a.md": page("A", `slug = ".."`)},
			want:  []string{`content/a.md:3: slug: ".." is not a slug: use lowercase letters, digits and hyphens, such as "gioi-thieu"`},
		},
		{
			name:  "procedure outside the procedures section",
			files: map[string]string{"content/a.md": "+++\ntitle = \"A\"\ncode = \"1.000001\"\nfield = \"Hộ tịch\"\n+++\n"},
			want:  []string{"content/a.md:3: code: this file is a procedure (it has a code), but procedures live in content/thu-tuc/: move it there as a file of its own"},
		},
		{
			name:  "slug on a section",
			files: map[string]string{"content/tin-tuc/_index.md": page("Tin", `slug = "tin"`)},
			want:  []string{"content/tin-tuc/_index.md:3: slug: a section takes its address from its folder name; rename the folder instead"},
		},
		{
			name:  "unknown key in a page",
			files: map[string]string{"content/a.md": page("A", `tittle = "x"`)},
			want:  []string{`content/a.md:3: tittle: unknown key "tittle" (did you mean "title"?)`},
		},
		{
			name: "bad aliases",
			files: map[string]string{"content/a.md": page("A",
				`aliases = ["a.html", "//x.example/", "/a b/", "/x/../y/", "/q?x=1", "/ok/"]`)},
			want: []string{
				`content/a.md:3: aliases[0]: "a.html" must be an old address inside the site, starting with /`,
				`content/a.md:3: aliases[1]: "//x.example/" must be an old address inside the site, starting with /`,
				`content/a.md:3: aliases[2]: "/a b/" must be a plain path: no spaces, ?, #, \ or ..`,
				`content/a.md:3: aliases[3]: "/x/../y/" must be a plain path: no spaces, ?, #, \ or ..`,
				`content/a.md:3: aliases[4]: "/q?x=1" must be a plain path: no spaces, ?, #, \ or ..`,
			},
		},
		{
			name: "duplicate code",
			files: map[string]string{
				"content/thu-tuc/a.md": procedureFile("1.001193", "A"),
				"content/thu-tuc/b.md": procedureFile("1.001193", "B"),
			},
			want: []string{`content/thu-tuc/b.md:2: code: "1.001193" is already the code of content/thu-tuc/a.md: each procedure has one file`},
		},
		{
			name: "procedure validation with file lines",
			files: map[string]string{
				"content/thu-tuc/a.md": strings.Replace(procedureFile("1.001193", "A"), `documents = [{ name = "Tờ khai", originals = 1, copies = 0 }]`,
					`documents = [{ name = "Tờ khai", originals = 0, copies = 0 }]`, 1),
			},
			want: []string{"content/thu-tuc/a.md:23: dossier[0].documents[0]: originals and copies are both 0: say how many to bring, or set show_only = true for a paper that is only shown"},
		},
		{
			name:  "procedure with a type error",
			files: map[string]string{"content/thu-tuc/a.md": strings.Replace(procedureFile("1.001193", "A"), "synced_at = 2025-07-15", `synced_at = "2025-07-15"`, 1)},
			want:  []string{"content/thu-tuc/a.md:12: synced_at: expected a date such as 2025-07-15 (without quotes), found text"},
		},
		{
			name:  "stale procedure is a warning",
			files: map[string]string{"content/thu-tuc/a.md": strings.Replace(procedureFile("1.001193", "A"), "synced_at = 2025-07-15", "synced_at = 2025-01-01", 1)},
			want:  []string{"content/thu-tuc/a.md:12: warning: synced_at: last synced 2025-01-01, 212 days before 2025-08-01 (limit 90 days): check the record against the national database"},
		},
		{
			name: "two procedures without a code",
			files: map[string]string{
				"content/thu-tuc/a.md": strings.Replace(procedureFile("1.001193", "A"), "code = \"1.001193\"\n", "", 1),
				"content/thu-tuc/b.md": strings.Replace(procedureFile("1.000656", "B"), "code = \"1.000656\"\n", "", 1),
			},
			want: []string{"content/thu-tuc/a.md:2: code: required", "content/thu-tuc/b.md:2: code: required"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, got := load(t, tt.files)
			if !slices.Equal(got, tt.want) {
				t.Errorf("problems\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestNoContentFolder(t *testing.T) {
	var problems problem.List
	s := Load(t.TempDir(), testCfg, testRules, personaldata.Consented{}, nil, &problems)
	s.CheckSections(testCfg, &problems)
	got := problems.Sorted()
	if len(got) != 2 || got[0].String() != "content: folder not found: a site keeps its pages in content/ beside site.toml" {
		t.Errorf("problems %q", got)
	}
	if s == nil || s.Home == nil || s.Home.Title != testCfg.Title {
		t.Errorf("site %+v", s)
	}
}

func TestFieldLine(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"content/thu-tuc/a.md": procedureFile("1.001193", "A")})
	p := &Page{File: "content/thu-tuc/a.md"}
	for field, want := range map[string]int{
		"code": 2, "title": 3, "field": 5, "channels[0].kind": 18, "dossier[0].documents[0]": 23, "missing": 2,
	} {
		if got := FieldLine(dir, p, field); got != want {
			t.Errorf("FieldLine(%q) = %d, want %d", field, got, want)
		}
	}
	if got := FieldLine(dir, &Page{File: "content/none.md"}, "code"); got != 0 {
		t.Errorf("FieldLine of a missing file = %d, want 0", got)
	}
}

func TestKindString(t *testing.T) {
	for k, want := range map[Kind]string{KindHome: "home", KindSection: "section", KindPage: "page", KindProcedure: "procedure"} {
		if k.String() != want {
			t.Errorf("%d.String() = %q, want %q", k, k.String(), want)
		}
	}
}

// TestLimits: a file over a limit is refused before the TOML decoder or
// goldmark sees it, with the line and the limit, in bounded work.
func TestLimits(t *testing.T) {
	deepList := ""
	for i := range 100 {
		deepList += strings.Repeat("  ", i) + "- x\n"
	}
	tests := []struct {
		name, src, want string
	}{
		{"front matter too large", "+++\ntitle = \"A\"\nx = \"" + strings.Repeat("a", limits.FrontMatterBytes) + "\"\n+++\nVăn bản.\n",
			"content/a.md:2: the front matter is 256.1 KiB: at most 256 KiB: put long text in the Markdown body"},
		{"text too large", "+++\ntitle = \"A\"\n+++\n" + strings.Repeat("x", limits.BodyBytes+1),
			"content/a.md:4: the text is 2.1 MiB: at most 2 MiB: split the page in two"},
		{"file too large", "+++\ntitle = \"A\"\n+++\n" + strings.Repeat("x", limits.ContentFileBytes),
			"content/a.md: the file is 2304.1 KiB: at most 2304 KiB"},
		{"lists nested too deep", "+++\ntitle = \"A\"\n+++\n" + deepList,
			"content/a.md:20: lists and block quotes nest more than 16 deep here: no page needs that many levels"},
		{"quotes nested too deep", "+++\ntitle = \"A\"\n+++\nVăn bản.\n\n" + strings.Repeat(">", 5000) + " x\n",
			"content/a.md:6: lists and block quotes nest more than 16 deep here: no page needs that many levels"},
		{"tables nested too deep", "+++\ntitle = \"A\"\nx = " + strings.Repeat("{a = ", 5000) + "1" + strings.Repeat("}", 5000) + "\n+++\n",
			"content/a.md:3: tables and arrays nest more than 16 deep here, and no file of a site needs that many: look for a { or [ that is never closed, or a key with too many dots"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			boundtest.Check(t, len(tt.src), func() { _, got = load(t, map[string]string{"content/a.md": tt.src}) })
			if !slices.Equal(got, []string{tt.want}) {
				t.Errorf("problems\n%s\nwant\n%s", strings.Join(got, "\n"), tt.want)
			}
		})
	}
}

// TestPageLimit: past the most pages a site may have, the walk stops with
// one problem.
func TestPageLimit(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"content/a.md": page("A"), "content/b.md": page("B"), "content/c.md": page("C")})
	var problems problem.List
	if files := listFiles(dir, 2, &problems); len(files) != 2 {
		t.Errorf("listed %v", files)
	}
	if got := problems.Lines(); !slices.Equal(got, []string{"content: holds more than 2 Markdown files: a site may have at most 2 pages"}) {
		t.Errorf("problems %q", got)
	}
}

// TestLoadCached: a page loaded from the cache is the page loaded from its
// file: every field, the whole record, the same problems.
func TestLoadCached(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"content/thu-tuc/a.md":     procedureFile("1.001193", "Đăng ký khai sinh"),
		"content/thu-tuc/stale.md": strings.Replace(procedureFile("1.000656", "B"), "synced_at = 2025-07-15", "synced_at = 2025-01-01", 1),
		"content/gioi-thieu.md":    page("Giới thiệu", `description = "Về phường"`, "weight = 3", "updated = 2025-06-01", `aliases = ["/gt/"]`),
		"content/nhap.md":          page("Nháp", "draft = true"),
	}
	for k, v := range baseFiles {
		files[k] = v
	}
	writeFiles(t, dir, files)
	cache, err := buildcache.Open(filepath.Join(t.TempDir(), "cache"), "test")
	if err != nil {
		t.Fatal(err)
	}
	defer cache.Close(true)
	var coldProblems, warmProblems problem.List
	cold := Load(dir, testCfg, testRules, personaldata.Consented{}, cache, &coldProblems)
	warm := Load(dir, testCfg, testRules, personaldata.Consented{}, cache, &warmProblems)
	if hits, _ := cache.Stats(); hits != len(files) {
		t.Errorf("%d files from the cache, want %d", hits, len(files))
	}
	if !slices.Equal(warmProblems.Lines(), coldProblems.Lines()) || coldProblems.Len() == 0 {
		t.Errorf("problems %q, want %q", warmProblems.Lines(), coldProblems.Lines())
	}
	if len(warm.Pages) != len(cold.Pages) {
		t.Fatalf("%d pages, want %d", len(warm.Pages), len(cold.Pages))
	}
	for i, c := range cold.Pages {
		w := warm.Pages[i]
		if w.File != c.File || w.Kind != c.Kind || w.Dir != c.Dir || w.Path != c.Path || w.Title != c.Title ||
			w.Description != c.Description || w.Weight != c.Weight || !w.Updated.Equal(c.Updated) ||
			!slices.Equal(w.Aliases, c.Aliases) || w.BodyLine != c.BodyLine || w.BodyHash != c.BodyHash || !slices.Equal(w.Forms, c.Forms) {
			t.Errorf("%s: cached page %+v, want %+v", c.File, w, c)
		}
		if c.Procedure == nil {
			continue
		}
		cr, _ := c.Record()
		wr, err := w.Record()
		if err != nil || !reflect.DeepEqual(wr, cr) || !reflect.DeepEqual(w.Procedure, c.Procedure) {
			t.Errorf("%s: cached record differs (%v)", c.File, err)
		}
	}
}

// TestLoadLintsPersonalData: every file of content/ is linted for
// personal data, front matter and body, in the bytes it was read in: pages,
// procedures, drafts and files whose front matter has errors (for ID
// numbers). published_mobiles lets a page show the mobiles it lists.
func TestLoadLintsPersonalData(t *testing.T) {
	proc := strings.Replace(procedureFile("1.001193", "Khai sinh"), "## Trình tự thực hiện\n",
		"## Trình tự thực hiện\nLiên hệ cán bộ: 0912 345 678.\n", 1)
	consented := strings.Replace(procedureFile("1.000656", "Khai tử"), "aliases =",
		"published_mobiles = [{ number = \"0912 345 678\", official = true }]\naliases =", 1)
	consented = strings.Replace(consented, "## Trình tự thực hiện\n", "## Trình tự thực hiện\nGọi 0912.345.678.\n", 1)
	_, got := load(t, map[string]string{
		"content/thu-tuc/khai-sinh.md": proc,
		"content/thu-tuc/khai-tu.md":   consented,
		"content/lien-he.md": page("Liên hệ", `description = "Ông An (CCCD 079123456789)"`,
			`published_mobiles = [{ number = "0913 000 111", consent_ref = "Văn bản đồng ý ngày 2025-07-10" }, { number = "0274 3822 123" }]`) +
			"Ông An: 0913 000 111. Bà Bình: +84 914 000 222. Văn phòng: 0274 3822 123, 1022.\n",
		"content/nhap.md":  page("Nháp", "draft = true") + "0915 000 333\n",
		"content/hong.md":  "+++\ntitle = \n+++\n079 123 456 788 và 0916 000 444\n",
		"content/khong.md": "+++\ntitle = \"Không có gì\"\n+++\nMã 1.001193, ngày 15/07/2025, 8.000 đồng.\n",
	})
	var short []string
	for _, g := range got {
		if i := strings.Index(g, "*"); i > 0 {
			g = g[:strings.LastIndexByte(g[:i], ' ')] // up to the kind of number
		}
		short = append(short, g)
	}
	want := []string{
		"content/hong.md:2:9: title: expected a value after =, but found '\\n': put a text in quotes \"…\", a number as digits, a date as 2025-07-01, true or false\n      2 | title = \n                  ^",
		"content/hong.md:4:1: looks like a citizen ID number (căn cước, 12 digits)",
		"content/lien-he.md:3:29: looks like a citizen ID number (căn cước, 12 digits)",
		"content/lien-he.md:4: published_mobiles[1].number: 0274 3822 123 is a landline number, which a page may show without consent: remove it from published_mobiles",
		"content/lien-he.md:7:32: looks like a mobile number (số di động)",
		"content/nhap.md:6:1: looks like a mobile number (số di động)",
		"content/thu-tuc/khai-sinh.md:26:17: looks like a mobile number (số di động)",
	}
	if strings.Join(short, "\n") != strings.Join(want, "\n") {
		t.Errorf("\n got:\n%s\nwant:\n%s", strings.Join(short, "\n"), strings.Join(want, "\n"))
	}
}
