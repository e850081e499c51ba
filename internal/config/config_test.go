package config

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/congkhai/congkhai/internal/locale"
	"github.com/congkhai/congkhai/internal/problem"
)

func TestParseBaseURL(t *testing.T) {
	tests := []struct {
		in     string
		want   string // the parsed URL, "" when an error is expected
		path   string
		errHas string
	}{
		{in: "https://x/", want: "https://x/", path: "/"},
		{in: "https://x", want: "https://x/", path: "/"},
		{in: "https://x/portal", want: "https://x/portal/", path: "/portal/"},
		{in: "https://x/portal/", want: "https://x/portal/", path: "/portal/"},
		{in: "https://x/a/b", want: "https://x/a/b/", path: "/a/b/"},
		{in: "https://x//portal//", want: "https://x/portal/", path: "/portal/"},
		{in: "http://x/a/../b", want: "http://x/b/", path: "/b/"},
		{in: "http://x/a/..", want: "http://x/", path: "/"},
		{in: "http://x/../../", want: "http://x/", path: "/"},
		{in: "https://example.gov.vn:8443/p", want: "https://example.gov.vn:8443/p/", path: "/p/"},
		{in: "HTTPS://x/", want: "https://x/", path: "/"},
		{in: "ftp://x", errHas: `"ftp://x" is not an absolute http(s) address such as https://example.gov.vn/`},
		{in: "/relative", errHas: `"/relative" is not an absolute http(s) address`},
		{in: "x.gov.vn/portal/", errHas: "is not an absolute http(s) address"},
		{in: "https://", errHas: "is not an absolute http(s) address"},
		{in: "https:///portal/", errHas: "is not an absolute http(s) address"},
		{in: "https://x y/", errHas: "is not an absolute http(s) address"},
		{in: "", errHas: "required: the address the site is published at"},
		{in: "https://x/?q=1", errHas: `"https://x/?q=1" must not have a query, fragment or user name`},
		{in: "https://x/#f", errHas: `"https://x/#f" must not have a query, fragment or user name`},
		{in: "https://user@x/", errHas: `"https://user@x/" must not have a query, fragment or user name`},
		{in: "https://user:secret@x/", errHas: "must not have a query, fragment or user name"},
	}
	for _, tt := range tests {
		u, err := ParseBaseURL(tt.in)
		if tt.errHas != "" {
			if err == nil || !strings.Contains(err.Error(), tt.errHas) {
				t.Errorf("ParseBaseURL(%q) = %v, %v; want an error containing %q", tt.in, u, err, tt.errHas)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseBaseURL(%q): %v", tt.in, err)
			continue
		}
		if u.String() != tt.want || u.Path != tt.path {
			t.Errorf("ParseBaseURL(%q) = %q (path %q), want %q (path %q)", tt.in, u, u.Path, tt.want, tt.path)
		}
	}
}

// TestParseBaseURLEmptyQuery: a bare "?" is an (empty) query, which the
// base URL must not have; url.Parse keeps it as ForceQuery and every
// absolute URL of the site would end in "?".
func TestParseBaseURLEmptyQuery(t *testing.T) {
	u, err := ParseBaseURL("https://x/?")
	if err != nil {
		return // refused: fine
	}
	c := &Config{Base: u}
	if got := c.AbsURL("/thu-tuc/"); got != "https://x/thu-tuc/" {
		t.Errorf("ParseBaseURL(%q) accepts an empty query and AbsURL gives %q", "https://x/?", got)
	}
}

// TestParseBaseURLEmptyHost: "https://:443/" has a port but no host name.
func TestParseBaseURLEmptyHost(t *testing.T) {
	if u, err := ParseBaseURL("https://:443/"); err == nil {
		t.Errorf("ParseBaseURL(%q) = %q, accepted without a host name", "https://:443/", u)
	}
}

func TestAbsURLRelURL(t *testing.T) {
	tests := []struct {
		base, sitePath string
		abs, rel       string
		basePath       string
	}{
		{"https://x.gov.vn/", "/", "https://x.gov.vn/", "/", "/"},
		{"https://x.gov.vn/", "/thu-tuc/", "https://x.gov.vn/thu-tuc/", "/thu-tuc/", "/"},
		{"https://x.gov.vn", "/sitemap.xml", "https://x.gov.vn/sitemap.xml", "/sitemap.xml", "/"},
		{"https://x.gov.vn/portal/", "/", "https://x.gov.vn/portal/", "/portal/", "/portal/"},
		{"https://x.gov.vn/portal/", "/thu-tuc/", "https://x.gov.vn/portal/thu-tuc/", "/portal/thu-tuc/", "/portal/"},
		{"https://x.gov.vn/portal", "/css/a.1a2b3c4d5e.css", "https://x.gov.vn/portal/css/a.1a2b3c4d5e.css", "/portal/css/a.1a2b3c4d5e.css", "/portal/"},
		{"http://x.gov.vn/a/b/", "/thu-tuc/linh-vuc/ho-tich/", "http://x.gov.vn/a/b/thu-tuc/linh-vuc/ho-tich/", "/a/b/thu-tuc/linh-vuc/ho-tich/", "/a/b/"},
	}
	for _, tt := range tests {
		u, err := ParseBaseURL(tt.base)
		if err != nil {
			t.Fatal(err)
		}
		c := &Config{Base: u}
		if got := c.AbsURL(tt.sitePath); got != tt.abs {
			t.Errorf("base %s: AbsURL(%q) = %q, want %q", tt.base, tt.sitePath, got, tt.abs)
		}
		if got := c.RelURL(tt.sitePath); got != tt.rel {
			t.Errorf("base %s: RelURL(%q) = %q, want %q", tt.base, tt.sitePath, got, tt.rel)
		}
		if got := c.BasePath(); got != tt.basePath {
			t.Errorf("base %s: BasePath() = %q, want %q", tt.base, got, tt.basePath)
		}
	}
	// AbsURL must not change the configuration's base.
	u, _ := ParseBaseURL("https://x.gov.vn/portal/")
	c := &Config{Base: u}
	c.AbsURL("/thu-tuc/")
	if c.Base.Path != "/portal/" {
		t.Errorf("AbsURL changed Base.Path to %q", c.Base.Path)
	}
}

const validSite = `title = "Cổng thông tin điện tử phường Thủ Dầu Một"
base_url = "https://thudaumot.example.gov.vn/"
language = "vi"
as_of = 2025-07-15

[jurisdiction]
id = "phuong-thu-dau-mot"
name = "Phường Thủ Dầu Một"
level = "xa"
parent = "Thành phố Hồ Chí Minh"

[[menu]]
title = "Thủ tục hành chính"
url = "/thu-tuc/"
[[menu]]
title = "Giới thiệu"
url = "/gioi-thieu/"
`

// load writes src as site.toml in a new folder and loads it.
func load(t *testing.T, src string, o Overrides) (*Config, []string) {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, FileName), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	var problems problem.List
	c := Load(dir, o, &problems)
	var got []string
	for _, p := range problems.Sorted() {
		got = append(got, p.String())
	}
	return c, got
}

func TestLoadValid(t *testing.T) {
	c, probs := load(t, validSite, Overrides{})
	if c == nil || len(probs) != 0 {
		t.Fatalf("Load = %v, problems %q", c, probs)
	}
	if c.Title != "Cổng thông tin điện tử phường Thủ Dầu Một" || c.Language != "vi" {
		t.Errorf("title %q language %q", c.Title, c.Language)
	}
	if c.Procedures.Section != "thu-tuc" {
		t.Errorf("procedures.section default = %q, want thu-tuc", c.Procedures.Section)
	}
	if c.Procedures.StaleAfterDays != 90 {
		t.Errorf("procedures.stale_after_days default = %d, want 90", c.Procedures.StaleAfterDays)
	}
	if c.Base == nil || c.Base.String() != "https://thudaumot.example.gov.vn/" || c.BasePath() != "/" {
		t.Errorf("Base = %v", c.Base)
	}
	if want := time.Date(2025, 7, 15, 0, 0, 0, 0, time.UTC); !c.AsOf.Time().Equal(want) || c.AsOf.Time().Location() != time.UTC {
		t.Errorf("AsOf = %v, want %v in UTC", c.AsOf, want)
	}
	want := Jurisdiction{ID: "phuong-thu-dau-mot", Name: "Phường Thủ Dầu Một", Level: "xa", Parent: "Thành phố Hồ Chí Minh"}
	if c.Jurisdiction != want {
		t.Errorf("Jurisdiction = %+v, want %+v", c.Jurisdiction, want)
	}
	if got := locale.Vietnamese().Text(c.Jurisdiction.LevelLabel()); got != "Cấp xã" {
		t.Errorf("LevelLabel() = %q", got)
	}
	menu := []MenuItem{{"Thủ tục hành chính", "/thu-tuc/"}, {"Giới thiệu", "/gioi-thieu/"}}
	if !slices.Equal(c.Menu, menu) {
		t.Errorf("Menu = %+v, want %+v", c.Menu, menu)
	}
}

func TestLoadSettings(t *testing.T) {
	src := validSite + `
[procedures]
section = "tthc"
popular = ["1.001193", "2.000635"]
stale_after_days = 365
`
	c, probs := load(t, src, Overrides{BaseURL: "https://other.example.gov.vn/portal"})
	if c == nil {
		t.Fatalf("problems: %q", probs)
	}
	if c.Procedures.Section != "tthc" || c.Procedures.StaleAfterDays != 365 || !slices.Equal(c.Procedures.Popular, []string{"1.001193", "2.000635"}) {
		t.Errorf("Procedures = %+v", c.Procedures)
	}
	if c.BaseURL != "https://other.example.gov.vn/portal" || c.Base.String() != "https://other.example.gov.vn/portal/" {
		t.Errorf("--base-url override: BaseURL %q, Base %v", c.BaseURL, c.Base)
	}
	if got := c.RelURL("/thu-tuc/"); got != "/portal/thu-tuc/" {
		t.Errorf("RelURL = %q", got)
	}
}

func TestLoadNFC(t *testing.T) {
	// A site.toml saved in decomposed form (NFD) is read in NFC.
	nfd := strings.Replace(validSite, "Phường Thủ Dầu Một", "Phu\u031bo\u031b\u0300ng Thu\u0309 Da\u0302\u0300u Mo\u0323\u0302t", 1)
	c, probs := load(t, nfd, Overrides{})
	if c == nil {
		t.Fatalf("problems: %q", probs)
	}
	if c.Jurisdiction.Name != "Phường Thủ Dầu Một" {
		t.Errorf("name = %q (% x), want NFC", c.Jurisdiction.Name, c.Jurisdiction.Name)
	}
}

func TestLoadProblems(t *testing.T) {
	replace := func(old, new string) string {
		if !strings.Contains(validSite, old) {
			panic("test: " + old + " not in validSite")
		}
		return strings.Replace(validSite, old, new, 1)
	}
	tests := []struct {
		name string
		src  string
		o    Overrides
		want []string
	}{
		{
			name: "missing as_of",
			src:  replace("as_of = 2025-07-15\n", ""),
			want: []string{"site.toml:1: as_of: required: the date the information is current as of, such as 2025-07-15"},
		},
		{
			name: "as_of 0001-01-01: a date, not missing",
			src:  replace("as_of = 2025-07-15", "as_of = 0001-01-01"),
			want: []string{"site.toml:4: as_of: 0001-01-01 is before 1945-09-02, earlier than any date a portal publishes: write the day the site's information is current as of, such as 2025-07-15"},
		},
		{
			name: "as_of in quotes",
			src:  replace("as_of = 2025-07-15", `as_of = "2025-07-15"`),
			want: []string{"site.toml:4: as_of: expected a date such as 2025-07-15 (without quotes), found text"},
		},
		{
			name: "missing title",
			src:  replace(`title = "Cổng thông tin điện tử phường Thủ Dầu Một"`, ""),
			want: []string{"site.toml:1: title: required"},
		},
		{
			name: "missing base_url",
			src:  replace(`base_url = "https://thudaumot.example.gov.vn/"`, ""),
			want: []string{"site.toml:1: base_url: required: the address the site is published at, such as https://example.gov.vn/ or https://example.gov.vn/portal/"},
		},
		{
			name: "base_url with query",
			src:  replace(`base_url = "https://thudaumot.example.gov.vn/"`, `base_url = "https://thudaumot.example.gov.vn/?a=1"`),
			want: []string{`site.toml:2: base_url: "https://thudaumot.example.gov.vn/?a=1" must not have a query, fragment or user name`},
		},
		{
			name: "bad jurisdiction.level",
			src:  replace(`level = "xa"`, `level = "phuong"`),
			want: []string{`site.toml:9: jurisdiction.level: "phuong" is not a level: use "tinh" or "xa" ("huyen" only for the archive of a former district)`},
		},
		{
			name: "missing jurisdiction.level",
			src:  replace("level = \"xa\"\n", ""),
			want: []string{"site.toml:6: jurisdiction.level: required"},
		},
		{
			name: "jurisdiction.id not a slug",
			src:  replace(`id = "phuong-thu-dau-mot"`, `id = "Phường Thủ Dầu Một"`),
			want: []string{`site.toml:7: jurisdiction.id: "Phường Thủ Dầu Một" is not a slug: use lowercase letters, digits and hyphens, such as "phuong-thu-dau-mot"`},
		},
		{
			name: "no jurisdiction table",
			src:  strings.Split(validSite, "[jurisdiction]")[0],
			want: []string{
				"site.toml:1: jurisdiction.id: required",
				"site.toml:1: jurisdiction.level: required",
				"site.toml:1: jurisdiction.name: required",
			},
		},
		{
			name: "menu url not starting with /",
			src:  replace(`url = "/gioi-thieu/"`, `url = "gioi-thieu/"`),
			want: []string{`site.toml:17: menu[1].url: "gioi-thieu/" must be a path inside the site starting with /, such as /thu-tuc/`},
		},
		{
			name: "menu url to another host",
			src:  replace(`url = "/thu-tuc/"`, `url = "//evil.example/"`),
			want: []string{`site.toml:14: menu[0].url: "//evil.example/" must be a path inside the site starting with /, such as /thu-tuc/`},
		},
		{
			name: "menu title missing",
			src:  replace("title = \"Giới thiệu\"\n", ""),
			want: []string{"site.toml:15: menu[1].title: required"},
		},
		{
			name: "language in words",
			src:  replace(`language = "vi"`, `language = "tiếng Việt"`),
			want: []string{`site.toml:3: language: "tiếng Việt" is not a language code: write the code of the pages' language, "vi" for Vietnamese ("en" for English)`},
		},
		{
			name: "unknown key with suggestion",
			src:  replace(`language = "vi"`, `langauge = "vi"`),
			want: []string{
				`site.toml:1: language: required`,
				`site.toml:3: langauge: unknown key "langauge" (did you mean "language"?)`,
			},
		},
		{
			name: "unknown key inside a table",
			src:  replace(`parent = "Thành phố Hồ Chí Minh"`, `parnet = "Thành phố Hồ Chí Minh"`),
			want: []string{`site.toml:10: jurisdiction.parnet: unknown key "parnet" (did you mean "parent"?)`},
		},
		{
			name: "unknown key without suggestion",
			src:  validSite + "\n[theme]\nname = \"x\"\n",
			want: []string{`site.toml:19: theme: unknown key "theme"`},
		},
		{
			name: "bad procedures.section",
			src:  validSite + "[procedures]\nsection = \"Thủ tục\"\n",
			want: []string{`site.toml:19: procedures.section: "Thủ tục" is not a folder name under content/: use lowercase letters, digits and hyphens`},
		},
		{
			// 0 written is a value, not the setting left out (the default).
			name: "settings written as 0",
			src:  validSite + "[procedures]\nstale_after_days = 0\npage_size = 0\n[directory]\nmonths = 0\n",
			want: []string{
				"site.toml:19: procedures.stale_after_days: must be a positive number of days",
				"site.toml:20: procedures.page_size: must be between 10 and 1000 procedures per page",
				"site.toml:22: directory.months: must be between 1 and 24 months",
			},
		},
		{
			name: "negative stale_after_days",
			src:  validSite + "[procedures]\nstale_after_days = -1\n",
			want: []string{"site.toml:19: procedures.stale_after_days: must be a positive number of days"},
		},
		{
			name: "syntax error",
			src:  replace(`language = "vi"`, `language = "vi`),
			want: []string{"site.toml:3:15: language: a text in quotes does not end on its line: close it with \" before the end of the line (for several lines, use \"\"\" … \"\"\")\n" +
				"      1 | title = \"Cổng thông tin điện tử phường Thủ Dầu Một\"\n" +
				"      2 | base_url = \"https://thudaumot.example.gov.vn/\"\n" +
				"      3 | language = \"vi\n" +
				"                        ^"},
		},
		{
			name: "--base-url invalid",
			src:  validSite,
			o:    Overrides{BaseURL: "thudaumot.example.gov.vn"},
			want: []string{`--base-url: "thudaumot.example.gov.vn" is not an absolute http(s) address such as https://example.gov.vn/`},
		},
		{
			name: "--base-url invalid while base_url is missing",
			src:  replace(`base_url = "https://thudaumot.example.gov.vn/"`, ""),
			o:    Overrides{BaseURL: "ftp://x/"},
			want: []string{`--base-url: "ftp://x/" is not an absolute http(s) address such as https://example.gov.vn/`},
		},
		{
			name: "--base-url fixes an invalid base_url",
			src:  replace(`base_url = "https://thudaumot.example.gov.vn/"`, `base_url = "localhost"`),
			o:    Overrides{BaseURL: "https://x.example/"},
			want: nil,
		},
		{
			name: "open_data licence without its address",
			src:  validSite + "[open_data]\nlicense = \"CC BY 4.0\"\n",
			want: []string{`site.toml:18: open_data.license_url: required with open_data.license: the address of the licence's text, such as "https://creativecommons.org/licenses/by/4.0/deed.vi"`},
		},
		{
			name: "open_data address without a licence",
			src:  validSite + "[open_data]\nlicense_url = \"https://creativecommons.org/licenses/by/4.0/\"\n",
			want: []string{`site.toml:18: open_data.license: required with open_data.license_url: the licence's name, such as "Creative Commons Ghi công 4.0 Quốc tế (CC BY 4.0)"`},
		},
		{
			name: "open_data bad address and e-mail",
			src:  validSite + "[open_data]\nlicense = \"CC BY 4.0\"\nlicense_url = \"creativecommons.org/licenses/by/4.0/\"\nemail = \"Dữ liệu <dl@example.gov.vn>\"\n",
			want: []string{
				`site.toml:20: open_data.license_url: "creativecommons.org/licenses/by/4.0/" is not an absolute http(s) address such as https://creativecommons.org/licenses/by/4.0/`,
				`site.toml:21: open_data.email: "Dữ liệu <dl@example.gov.vn>" is not an e-mail address: write only the address, such as dulieu@example.gov.vn`,
			},
		},
		{
			name: "open_data unknown key",
			src:  validSite + "[open_data]\nlicence = \"CC BY 4.0\"\n",
			want: []string{`site.toml:19: open_data.licence: unknown key "licence" (did you mean "license"?)`},
		},
		{
			name: "several problems at once",
			src: replace("as_of = 2025-07-15\n", "") +
				"[procedures]\nsection = \"A\"\nstale_after_days = -3\n",
			want: []string{
				"site.toml:1: as_of: required: the date the information is current as of, such as 2025-07-15",
				`site.toml:18: procedures.section: "A" is not a folder name under content/: use lowercase letters, digits and hyphens`,
				"site.toml:19: procedures.stale_after_days: must be a positive number of days",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, got := load(t, tt.src, tt.o)
			if !slices.Equal(got, tt.want) {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if (c == nil) != (len(tt.want) > 0) {
				t.Errorf("Load returned %v with %d problems", c, len(got))
			}
		})
	}
}

// TestLoadOpenData: [open_data] gives the licence of the exports; the
// publisher defaults to the jurisdiction.
func TestLoadOpenData(t *testing.T) {
	c, probs := load(t, validSite, Overrides{})
	if c == nil || len(probs) > 0 {
		t.Fatalf("problems: %q", probs)
	}
	if c.OpenData.HasLicense() || c.OpenData.Publisher != "Phường Thủ Dầu Một" {
		t.Errorf("without [open_data]: %+v, want no licence and the jurisdiction as publisher", c.OpenData)
	}
	c, probs = load(t, validSite+`
[open_data]
license = " CC BY 4.0 "
license_url = "https://creativecommons.org/licenses/by/4.0/"
publisher = "Ủy ban nhân dân phường Thủ Dầu Một"
email = "dulieu@example.gov.vn"
`, Overrides{})
	if c == nil || len(probs) > 0 {
		t.Fatalf("problems: %q", probs)
	}
	want := OpenData{License: "CC BY 4.0", LicenseURL: "https://creativecommons.org/licenses/by/4.0/", Publisher: "Ủy ban nhân dân phường Thủ Dầu Một", Email: "dulieu@example.gov.vn"}
	if c.OpenData != want || !c.OpenData.HasLicense() {
		t.Errorf("OpenData = %+v, want %+v", c.OpenData, want)
	}
}

func TestLoadMissingFile(t *testing.T) {
	dir := t.TempDir()
	var problems problem.List
	if c := Load(dir, Overrides{}, &problems); c != nil {
		t.Fatalf("Load = %+v, want nil", c)
	}
	got := problems.Sorted()
	if len(got) != 1 || got[0].File != FileName || got[0].Line != 0 ||
		!strings.Contains(got[0].Message, "not found: every site needs a site.toml in its folder") {
		t.Errorf("problems = %q", got)
	}
}

func TestFieldLine(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, FileName), []byte(validSite), 0o644); err != nil {
		t.Fatal(err)
	}
	for field, want := range map[string]int{
		"title": 1, "as_of": 4, "jurisdiction": 6, "jurisdiction.name": 8,
		"menu[0].url": 14, "menu[1].title": 16, "procedures.popular": 1,
	} {
		if got := FieldLine(dir, field); got != want {
			t.Errorf("FieldLine(%q) = %d, want %d", field, got, want)
		}
	}
	if got := FieldLine(t.TempDir(), "title"); got != 0 {
		t.Errorf("FieldLine without site.toml = %d, want 0", got)
	}
}

func TestLevelLabel(t *testing.T) {
	vi := locale.Vietnamese()
	for level, want := range map[string][2]string{
		"tinh":  {"Cấp tỉnh", "Province level"},
		"xa":    {"Cấp xã", "Commune level"},
		"huyen": {"Cấp huyện (trước 01/7/2025)", "District level (before 1 July 2025)"},
		"khac":  {"khac", "khac"},
	} {
		l := (Jurisdiction{Level: level}).LevelLabel()
		if got := vi.Text(l); got != want[0] {
			t.Errorf("LevelLabel(%q) = %q, want %q", level, got, want[0])
		}
		if got := l.String(); got != want[1] {
			t.Errorf("LevelLabel(%q) in English = %q, want %q", level, got, want[1])
		}
	}
}

func TestStatusLabel(t *testing.T) {
	vi := locale.Vietnamese()
	for status, want := range map[string][2]string{
		"day_du": {"đáp ứng đầy đủ", "fully meets"}, "mot_phan": {"đáp ứng một phần", "partly meets"}, "chua": {"chưa đáp ứng", "does not yet meet"},
	} {
		l := Accessibility{Status: status}.StatusLabel()
		if vi.Text(l) != want[0] || l.String() != want[1] {
			t.Errorf("StatusLabel(%q) = %q, %q, want %q", status, vi.Text(l), l.String(), want)
		}
	}
	if !(Accessibility{Status: "khac"}).StatusLabel().IsZero() {
		t.Error("an unknown status has a label")
	}
}

// TestOtherLang: which links of the English edition go to a page in
// Vietnamese, the one rule of bodies, layouts and menus.
func TestOtherLang(t *testing.T) {
	c, probs := load(t, validSite+"\n[languages.en]\ntitle = \"Portal\"\n", Overrides{})
	if c == nil || len(probs) != 0 {
		t.Fatalf("%v", probs)
	}
	vi, en := c.Editions()[0], c.Edition("en")
	for _, tc := range []struct {
		path string
		want string
	}{
		{"/lien-he/", "vi"},
		{"/lien-he/#gio", "vi"},
		{"/tim-kiem/?q=a", "vi"},
		{"/trang.html", "vi"},
		{"/v1.2/", "vi"},
		{"/en/lien-he/", ""},
		{"/en/", ""},
		{"/bieu-mau/to-khai.docx", ""},
		{"/anh/a.png", ""},
		{"//example.org/", ""},
		{"https://example.org/", ""},
		{"#gio", ""},
	} {
		if got := c.OtherLang(en, tc.path); got != tc.want {
			t.Errorf("OtherLang(en, %q) = %q, want %q", tc.path, got, tc.want)
		}
		if got := c.OtherLang(vi, tc.path); got != "" {
			t.Errorf("OtherLang(vi, %q) = %q, want none: the default edition links to no other", tc.path, got)
		}
	}
}
