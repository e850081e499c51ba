package catalog

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/congkhai/congkhai/internal/config"
	"github.com/congkhai/congkhai/internal/content"
	"github.com/congkhai/congkhai/internal/locale"
	"github.com/congkhai/congkhai/internal/personaldata"
	"github.com/congkhai/congkhai/internal/problem"
	"github.com/congkhai/congkhai/internal/procedure"
)

// proc is one procedure file of the test site.
type proc struct {
	file, code, title, field, agency string
	levels                           string // TOML list
	extra                            string // more front matter
}

func (p proc) source() string {
	return fmt.Sprintf(`+++
code = %q
title = %q
decision = "1/QĐ"
field = %q
level = %s
subjects = ["Công dân Việt Nam"]
agency = %q
online_level = "khong"
result = ["Kết quả"]
source_url = "https://dichvucong.gov.vn/"
synced_at = 2025-07-15
effective_from = %s
legal_basis = [{ number = "1/2025/QH15", title = "Luật" }]
%s
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
`, p.code, p.title, p.field, p.levels, p.agency, effectiveFrom(p.extra), p.extra)
}

func effectiveFrom(extra string) string {
	if strings.Contains(extra, "effective_to") {
		return "2020-01-01"
	}
	return "2025-07-01"
}

var cfg = &config.Config{Title: "Cổng thử", Procedures: config.Procedures{Section: "thu-tuc"}}

// loadSite writes the procedures into a site folder and loads it.
func loadSite(t *testing.T, procs []proc) *content.Site {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"content/_index.md":         "+++\ntitle = \"Trang chủ\"\n+++\n",
		"content/thu-tuc/_index.md": "+++\ntitle = \"Thủ tục hành chính\"\n+++\n",
	}
	for _, p := range procs {
		files["content/thu-tuc/"+p.file+".md"] = p.source()
	}
	for name, text := range files {
		f := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var problems problem.List
	rules := procedure.Rules{Today: time.Date(2025, 8, 1, 0, 0, 0, 0, time.UTC), StaleAfterDays: 90}
	site := content.Load(dir, cfg, rules, personaldata.Consented{}, nil, &problems)
	if problems.Len() != 0 {
		t.Fatalf("the test site has problems: %v", problems.Sorted())
	}
	return site
}

var testProcs = []proc{
	{"a", "1.000001", "Đăng ký khai tử", "Hộ tịch", "Ủy ban nhân dân xã", `["xa"]`, ""},
	{"b", "1.000002", "Đăng ký khai sinh", "Hộ tịch", "Ủy ban nhân dân xã", `["xa"]`, ""},
	{"c", "1.000003", "Cấp bản sao trích lục", "Hộ tịch", "Ủy ban nhân dân xã", `["xa", "tinh"]`, ""},
	{"d", "1.000004", "Đăng ký kết hôn", "Hộ tịch", "Ủy ban nhân dân xã", `["xa"]`, ""},
	{"e", "1.000005", "Giao đất", "Đất đai", "Sở Nông nghiệp và Môi trường", `["tinh"]`, ""},
	{"f", "1.000006", "Hỗ trợ đồng bào", "Dân tộc", "Ủy ban nhân dân xã", `["xa"]`, ""},
	{"g", "1.000007", "Chuyển trường", "Giáo dục", "Sở Giáo dục và Đào tạo", `["tinh"]`, ""},
	{"h", "1.000008", "Chứng thực chữ ký", "Chứng thực", "Ủy ban nhân dân xã", `["xa"]`, ""},
	{"i", "1.000009", "Đăng ký thường trú", "Cư trú", "Công an xã", `["xa"]`, ""},
	{"j", "1.000010", "Cấp giấy phép xây dựng (lưu trữ)", "Xây dựng", "Ủy ban nhân dân huyện", `["huyen"]`, "effective_to = 2025-06-30\n"},
	{"k", "1.000011", "Công nhận điều ước", "Ngoại giao", "Bộ Ngoại giao", `["bo"]`, ""},
}

func names(groups []*Group) []string {
	var out []string
	for _, g := range groups {
		out = append(out, g.Name)
	}
	return out
}

func titles(pages []*content.Page) []string {
	var out []string
	for _, p := range pages {
		out = append(out, p.Title)
	}
	return out
}

func TestBuild(t *testing.T) {
	site := loadSite(t, testProcs)
	var problems problem.List
	c := Build(site, []string{"1.000009", "1.000001", "1.000005"}, locale.Vietnamese())
	c.CheckSpellings(&problems)
	if problems.Len() != 0 {
		t.Fatalf("problems: %v", problems.Sorted())
	}

	t.Run("fields in Vietnamese order", func(t *testing.T) {
		want := []string{"Chứng thực", "Cư trú", "Dân tộc", "Đất đai", "Giáo dục", "Hộ tịch", "Ngoại giao", "Xây dựng"}
		if got := names(c.Fields.Groups); !slices.Equal(got, want) {
			t.Errorf("fields\n got %q\nwant %q", got, want)
		}
		if c.Fields.Title != "Lĩnh vực" || c.Fields.Path != "/thu-tuc/linh-vuc/" {
			t.Errorf("dimension %q at %q", c.Fields.Title, c.Fields.Path)
		}
		g := c.Fields.Groups[3]
		if g.Slug != "dat-dai" || g.Path != "/thu-tuc/linh-vuc/dat-dai/" {
			t.Errorf("Đất đai: slug %q path %q", g.Slug, g.Path)
		}
	})

	t.Run("procedures of a group by title", func(t *testing.T) {
		var hoTich *Group
		for _, g := range c.Fields.Groups {
			if g.Name == "Hộ tịch" {
				hoTich = g
			}
		}
		want := []string{"Cấp bản sao trích lục", "Đăng ký kết hôn", "Đăng ký khai sinh", "Đăng ký khai tử"}
		if got := titles(hoTich.Procedures); !slices.Equal(got, want) {
			t.Errorf("Hộ tịch\n got %q\nwant %q", got, want)
		}
	})

	t.Run("all by title", func(t *testing.T) {
		want := []string{
			// Chuyển (u) comes before Chứng (ư).
			"Cấp bản sao trích lục", "Cấp giấy phép xây dựng (lưu trữ)", "Chuyển trường", "Chứng thực chữ ký",
			"Công nhận điều ước", "Đăng ký kết hôn", "Đăng ký khai sinh", "Đăng ký khai tử", "Đăng ký thường trú",
			"Giao đất", "Hỗ trợ đồng bào",
		}
		if got := titles(c.All); !slices.Equal(got, want) {
			t.Errorf("All\n got %q\nwant %q", got, want)
		}
	})

	t.Run("agencies", func(t *testing.T) {
		want := []string{"Bộ Ngoại giao", "Công an xã", "Sở Giáo dục và Đào tạo", "Sở Nông nghiệp và Môi trường", "Ủy ban nhân dân huyện", "Ủy ban nhân dân xã"}
		if got := names(c.Agencies.Groups); !slices.Equal(got, want) {
			t.Errorf("agencies\n got %q\nwant %q", got, want)
		}
		if c.Agencies.Path != "/thu-tuc/co-quan/" || c.Agencies.Groups[5].Path != "/thu-tuc/co-quan/uy-ban-nhan-dan-xa/" {
			t.Errorf("paths %q %q", c.Agencies.Path, c.Agencies.Groups[5].Path)
		}
		if n := len(c.Agencies.Groups[5].Procedures); n != 6 {
			t.Errorf("Ủy ban nhân dân xã has %d procedures, want 6", n)
		}
	})

	t.Run("levels in fixed order", func(t *testing.T) {
		var got []string
		for _, g := range c.Levels.Groups {
			got = append(got, g.Slug+"="+strings.Join(titles(g.Procedures), ","))
		}
		want := []string{
			"bo=Công nhận điều ước",
			"tinh=Cấp bản sao trích lục,Chuyển trường,Giao đất",
			"xa=Cấp bản sao trích lục,Chứng thực chữ ký,Đăng ký kết hôn,Đăng ký khai sinh,Đăng ký khai tử,Đăng ký thường trú,Hỗ trợ đồng bào",
			"huyen=Cấp giấy phép xây dựng (lưu trữ)",
		}
		if !slices.Equal(got, want) {
			t.Errorf("levels\n got %q\nwant %q", got, want)
		}
		if c.Levels.Groups[0].Name != locale.Vietnamese().Text(procedure.LevelBo.Label()) || c.Levels.Groups[1].Path != "/thu-tuc/cap/tinh/" {
			t.Errorf("level group %q at %q", c.Levels.Groups[0].Name, c.Levels.Groups[1].Path)
		}
	})

	t.Run("popular in the given order", func(t *testing.T) {
		want := []string{"Đăng ký thường trú", "Đăng ký khai tử", "Giao đất"}
		if got := titles(c.Popular); !slices.Equal(got, want) {
			t.Errorf("popular\n got %q\nwant %q", got, want)
		}
	})

	t.Run("dimensions", func(t *testing.T) {
		d := c.Dimensions()
		if len(d) != 3 || d[0] != c.Fields || d[1] != c.Agencies || d[2] != c.Levels {
			t.Errorf("Dimensions() = %v", d)
		}
		if c.Section == nil || c.Section.Path != "/thu-tuc/" {
			t.Errorf("Section = %v", c.Section)
		}
	})
}

func TestBuildDoesNotReorderSite(t *testing.T) {
	site := loadSite(t, testProcs)
	before := slices.Clone(site.Procedures)
	Build(site, nil, locale.Vietnamese())
	if !slices.Equal(before, site.Procedures) {
		t.Error("Build reordered site.Procedures")
	}
}

func TestPopularMissingCodesSkipped(t *testing.T) {
	site := loadSite(t, testProcs[:2])
	c := Build(site, []string{"9.999999", "1.000002", "1.000002"}, locale.Vietnamese())
	if got, want := titles(c.Popular), []string{"Đăng ký khai sinh", "Đăng ký khai sinh"}; !slices.Equal(got, want) {
		t.Errorf("popular %q, want %q", got, want)
	}
}

func TestSpellingConflict(t *testing.T) {
	procs := []proc{
		{"khai-sinh", "1.000001", "Đăng ký khai sinh", "Hộ tịch", "Ủy ban nhân dân xã", `["xa"]`, ""},
		{"khai-tu", "1.000002", "Đăng ký khai tử", "Hộ Tịch", "Ủy Ban nhân dân xã", `["xa"]`, ""},
		{"ket-hon", "1.000003", "Đăng ký kết hôn", "Hộ tịch", "Ủy ban nhân dân xã", `["xa"]`, ""},
	}
	site := loadSite(t, procs)
	var problems problem.List
	c := Build(site, nil, locale.Vietnamese())
	c.CheckSpellings(&problems)
	var got []string
	for _, p := range problems.Sorted() {
		got = append(got, p.String())
	}
	// Kết hôn comes first by title, so its spelling is the reference.
	want := []string{
		`content/thu-tuc/khai-tu.md:8: agency: "Ủy Ban nhân dân xã" is spelt differently from "Ủy ban nhân dân xã" in content/thu-tuc/ket-hon.md: use one spelling`,
		`content/thu-tuc/khai-tu.md:5: field: "Hộ Tịch" is spelt differently from "Hộ tịch" in content/thu-tuc/ket-hon.md: use one spelling`,
	}
	slices.Sort(want)
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("problems\n got %q\nwant %q", got, want)
	}
	// The procedures still land in one group, under the first spelling.
	if len(c.Fields.Groups) != 1 || c.Fields.Groups[0].Name != "Hộ tịch" || len(c.Fields.Groups[0].Procedures) != 3 {
		t.Errorf("groups %q", names(c.Fields.Groups))
	}
}

func TestFieldWithoutSlug(t *testing.T) {
	procs := []proc{
		{"a", "1.000001", "Thủ tục A", "…", "Ủy ban nhân dân xã", `["xa"]`, ""},
	}
	site := loadSite(t, procs)
	c := Build(site, nil, locale.Vietnamese())
	if g := c.Fields.Groups[0]; g.Slug != "khac" || g.Path != "/thu-tuc/linh-vuc/khac/" {
		t.Errorf("field %q: slug %q path %q, want khac", g.Name, g.Slug, g.Path)
	}
}

func TestBuildWithoutSection(t *testing.T) {
	site := loadSite(t, testProcs[:1])
	site.ProcedureSection = nil
	c := Build(site, nil, locale.Vietnamese())
	if c.Fields.Path != "/linh-vuc/" || c.Levels.Groups[0].Path != "/cap/xa/" {
		t.Errorf("paths without a section: %q %q", c.Fields.Path, c.Levels.Groups[0].Path)
	}
}
