package scaffold

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// epoch is SOURCE_DATE_EPOCH for 2026-09-25.
const epoch = "1790294400"

// site is a new site folder holding testdata/site.toml.
func site(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	src, err := os.ReadFile(filepath.Join("testdata", "site.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "site.toml"), src, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestProcedureRefusesTitles: a title that cannot be written as it was
// meant is refused with a plain message, and no file is created.
func TestProcedureRefusesTitles(t *testing.T) {
	for title, want := range map[string]string{
		"Hai\ndòng":          "line break",
		"Đăng ký\tkhai sinh": "control character",
		"\xff\xfe tiêu đề":   "not valid UTF-8",
		"   ":                "the title is empty",
		"!!!":                "cannot make a file name",
	} {
		dir := site(t)
		_, err := Procedure(dir, "1.001193", title, epoch)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Procedure(%q): %v, want an error saying %q", title, err, want)
		}
		if _, err := os.Stat(filepath.Join(dir, "content")); !os.IsNotExist(err) {
			t.Errorf("Procedure(%q) created content/", title)
		}
	}
}

// TestProcedureRefusesACodeInUse: a code another file already has would
// make the next build fail; new says which file has it, and writes none.
func TestProcedureRefusesACodeInUse(t *testing.T) {
	dir := site(t)
	first, err := Procedure(dir, "1.001193", "Đăng ký khai sinh", epoch)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Procedure(dir, "1.001193", "Trùng mã", epoch)
	if err == nil || !strings.Contains(err.Error(), first+" already has the code 1.001193") {
		t.Fatalf("a code in use: %v, want an error naming %s", err, first)
	}
	if _, err := os.Stat(filepath.Join(dir, "content", "thu-tuc", "trung-ma.md")); !os.IsNotExist(err) {
		t.Error("a refused procedure was written")
	}
	if _, err := Procedure(dir, "1.001194", "Trùng mã", epoch); err != nil {
		t.Errorf("another code: %v", err)
	}
}

func TestFrontMatterCode(t *testing.T) {
	for text, want := range map[string]string{
		"+++\ncode = \"1.001193\"   # Mã\ntitle = \"x\"\n+++\n": "1.001193",
		"\uFEFF+++\ntitle = 'x'\ncode='2.000001'\n+++\n":        "2.000001",
		"+++\ntitle = \"x\"\n+++\ncode = \"1.001193\"\n":        "",
		"+++\n[[channels]]\ncode = \"1.001193\"\n+++\n":         "",
		"---\ncode: 1.001193\n---\n":                            "",
	} {
		if got := frontMatterCode([]byte(text)); got != want {
			t.Errorf("frontMatterCode(%q) = %q, want %q", text, got, want)
		}
	}
}

// TestPageKeepsTitles: a path written as titles ("Tin Tức/Thông báo") gives
// the files their slugs and keeps the titles in them; a path of slugs
// leaves the page's title to write.
func TestPageKeepsTitles(t *testing.T) {
	dir := site(t)
	files, err := Page(dir, "Tin Tức/Thông báo lịch nghỉ", epoch)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"content/tin-tuc/_index.md", "content/tin-tuc/thong-bao-lich-nghi.md"}; !slices.Equal(files, want) {
		t.Fatalf("wrote %v, want %v", files, want)
	}
	for file, want := range map[string]string{files[0]: `title = "Tin Tức"`, files[1]: `title = "Thông báo lịch nghỉ"`} {
		if b, _ := os.ReadFile(filepath.Join(dir, file)); !strings.Contains(string(b), want) {
			t.Errorf("%s:\n%s\nwant %s", file, b, want)
		}
	}
	files, err = Page(dir, "tin-tuc/Thong-Bao", epoch)
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, files[0])); !strings.Contains(string(b), `title = ""`) {
		t.Errorf("a page named by its slug:\n%s\nwant an empty title to write", b)
	}
}

func TestPageRefusesControlCharacters(t *testing.T) {
	dir := site(t)
	if _, err := Page(dir, "tin-tuc/\xffthong-bao", epoch); err == nil {
		t.Error("a path with invalid UTF-8 was accepted")
	}
	if _, err := Page(dir, "tin-tuc/thong\nbao", epoch); err == nil {
		t.Error("a path with a line break was accepted")
	}
	if _, err := os.Stat(filepath.Join(dir, "content")); !os.IsNotExist(err) {
		t.Error("a refused page created content/")
	}
}

func TestShorten(t *testing.T) {
	long := strings.Repeat("dang-ky-", 20) // 160 bytes
	got := shorten(long)
	if len(got) > maxSlug || strings.HasSuffix(got, "-") || !strings.HasPrefix(long, got) {
		t.Errorf("shorten: %q", got)
	}
	if got := shorten(strings.Repeat("a", 100)); got != strings.Repeat("a", maxSlug) {
		t.Errorf("shorten without hyphens: %q", got)
	}
	if got := shorten("gioi-thieu"); got != "gioi-thieu" {
		t.Errorf("shorten changed a short slug: %q", got)
	}
}

// TestBrokenSiteTOML: without a readable site.toml, nothing is written,
// since the procedures section may be any folder.
func TestBrokenSiteTOML(t *testing.T) {
	dir := site(t)
	f, err := os.OpenFile(filepath.Join(dir, "site.toml"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString("[procedures\n"); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if _, err := Procedure(dir, "1.001193", "Đăng ký khai sinh", epoch); err == nil || !strings.Contains(err.Error(), "site.toml:") {
		t.Errorf("Procedure with a broken site.toml: %v", err)
	}
	if _, err := Page(dir, "gioi-thieu", epoch); err == nil {
		t.Error("Page with a broken site.toml succeeded")
	}
	if _, err := os.Stat(filepath.Join(dir, "content")); !os.IsNotExist(err) {
		t.Error("content/ was created")
	}
}

// TestPageRefusesIndex: a section's _index.md is not made as a page
// (it would be written as index.md, an ordinary page).
func TestPageRefusesIndex(t *testing.T) {
	for name, want := range map[string]string{
		"_index":         `"_index" is not a page: a section's _index.md is made with its first page, such as: congkhai new page tin-tuc/thong-bao`,
		"tin-tuc/_index": `"tin-tuc/_index" is not a page: a section's _index.md is made with its first page, such as: congkhai new page tin-tuc/thong-bao`,
	} {
		dir := site(t)
		if _, err := Page(dir, name, epoch); err == nil || err.Error() != want {
			t.Errorf("Page(%q): %v, want %q", name, err, want)
		}
		if _, err := os.Stat(filepath.Join(dir, "content")); !os.IsNotExist(err) {
			t.Errorf("Page(%q) created content/", name)
		}
	}
}
