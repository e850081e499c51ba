package static

import (
	"crypto/sha256"
	"encoding/hex"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/congkhai/congkhai/internal/problem"
)

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		f := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func hash10(data string) string {
	sum := sha256.Sum256([]byte(data))
	return hex.EncodeToString(sum[:5])
}

func TestHashedName(t *testing.T) {
	tests := []struct{ name, data, want string }{
		{"css/congkhai.css", "body{}", "css/congkhai." + hash10("body{}") + ".css"},
		{"js/app.min.js", "x", "js/app.min." + hash10("x") + ".js"},
		{"LICENSE", "", "LICENSE." + hash10("")},
		{"fonts/Be Vietnam.woff2", "f", "fonts/Be Vietnam." + hash10("f") + ".woff2"},
	}
	for _, tt := range tests {
		if got := hashedName(tt.name, []byte(tt.data)); got != tt.want {
			t.Errorf("hashedName(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

var hashed = regexp.MustCompile(`^/css/congkhai\.[0-9a-f]{10}\.css$`)

func load(t *testing.T, theme fstest.MapFS, files map[string]string) (*Files, []string, string) {
	t.Helper()
	dir := t.TempDir()
	writeFiles(t, dir, files)
	var problems problem.List
	f := Load(theme, dir, &problems)
	var got []string
	for _, p := range problems.Sorted() {
		got = append(got, p.String())
	}
	return f, got, dir
}

func TestAssetNames(t *testing.T) {
	theme := fstest.MapFS{"assets/css/congkhai.css": {Data: []byte("body{color:#000}")}}
	one, probs, _ := load(t, theme, nil)
	if len(probs) != 0 {
		t.Fatal(probs)
	}
	a, err := one.Asset("css/congkhai.css")
	if err != nil {
		t.Fatal(err)
	}
	if !hashed.MatchString(a.Path) || a.Path != "/css/congkhai."+hash10("body{color:#000}")+".css" || string(a.Data) != "body{color:#000}" {
		t.Errorf("asset %q at %q", a.Name, a.Path)
	}

	// The same content gives the same name, on every load.
	two, _, _ := load(t, theme, nil)
	if b, _ := two.Asset("css/congkhai.css"); b.Path != a.Path {
		t.Errorf("same content, names %q and %q", a.Path, b.Path)
	}
	// Other content gives another name.
	theme["assets/css/congkhai.css"] = &fstest.MapFile{Data: []byte("body{color:#111}")}
	three, _, _ := load(t, theme, nil)
	if c, _ := three.Asset("css/congkhai.css"); c.Path == a.Path || !hashed.MatchString(c.Path) {
		t.Errorf("changed content, names %q and %q", a.Path, c.Path)
	}

	if _, err := one.Asset("css/none.css"); err == nil || err.Error() != `asset "css/none.css" not found in assets/` {
		t.Errorf("Asset(missing) error = %v", err)
	}
}

func TestSiteAssetsOverrideTheme(t *testing.T) {
	theme := fstest.MapFS{
		"assets/css/congkhai.css": {Data: []byte("theme css")},
		"assets/js/menu.js":       {Data: []byte("theme js")},
		"layouts/base.html":       {Data: []byte("not an asset")},
	}
	f, probs, _ := load(t, theme, map[string]string{
		"assets/css/congkhai.css": "site css",
		"assets/css/extra.css":    "extra",
		"assets/.hidden.css":      "hidden",
		"assets/css/old.css~":     "backup",
		"assets/.git/x.css":       "git",
	})
	if len(probs) != 0 {
		t.Fatal(probs)
	}
	var got []string
	for _, a := range f.Assets {
		got = append(got, a.Name+"="+string(a.Data))
	}
	want := []string{"css/congkhai.css=site css", "css/extra.css=extra", "js/menu.js=theme js"}
	if !slices.Equal(got, want) {
		t.Errorf("assets %q, want %q", got, want)
	}
	a, _ := f.Asset("css/congkhai.css")
	if a.Path != "/css/congkhai."+hash10("site css")+".css" {
		t.Errorf("overridden asset at %q", a.Path)
	}
}

func TestStaticFiles(t *testing.T) {
	f, probs, dir := load(t, fstest.MapFS{}, map[string]string{
		"static/bieu-mau/to-khai.docx":    strings.Repeat("x", 12*1024+512),
		"static/favicon.ico":              "",
		"static/anh/Trụ sở.jpg":           "jpg",
		"static/.DS_Store":                "mac",
		"static/bieu-mau/.~lock.docx#":    "lock",
		"static/bieu-mau/to-khai.docx~":   "backup",
		"static/.well-known/security.txt": "hidden folder",
	})
	if len(probs) != 0 {
		t.Fatal(probs)
	}
	type entry struct {
		path string
		size int64
	}
	var got []entry
	for _, s := range f.Static {
		got = append(got, entry{s.Path, s.Size})
	}
	want := []entry{{"/anh/Trụ sở.jpg", 3}, {"/bieu-mau/to-khai.docx", 12*1024 + 512}, {"/favicon.ico", 0}}
	if !slices.Equal(got, want) {
		t.Errorf("static files %v, want %v", got, want)
	}
	s, ok := f.StaticFile("/bieu-mau/to-khai.docx")
	if !ok || s.Src != filepath.Join(dir, "static", "bieu-mau", "to-khai.docx") || s.Size != 12*1024+512 {
		t.Errorf("StaticFile = %+v, %v", s, ok)
	}
	if _, ok := f.StaticFile("/.DS_Store"); ok {
		t.Error("a hidden file is published")
	}
	if _, ok := f.StaticFile("/bieu-mau/to-khai.docx~"); ok {
		t.Error("an editor backup is published")
	}
	if _, ok := f.StaticFile("bieu-mau/to-khai.docx"); ok {
		t.Error("StaticFile found a path without the leading /")
	}
}

func TestNoFolders(t *testing.T) {
	f, probs, _ := load(t, fstest.MapFS{}, nil)
	if len(probs) != 0 || len(f.Static) != 0 || len(f.Assets) != 0 {
		t.Errorf("empty site: problems %q, %d static, %d assets", probs, len(f.Static), len(f.Assets))
	}
}

func TestStaticSymlinks(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"elsewhere/a.pdf": "pdf", "static/x.txt": "x"})
	if err := os.Symlink(filepath.Join(dir, "elsewhere", "a.pdf"), filepath.Join(dir, "static", "a.pdf")); err != nil {
		t.Skip("no symbolic links:", err)
	}
	if err := os.Symlink(filepath.Join(dir, "none"), filepath.Join(dir, "static", "broken.pdf")); err != nil {
		t.Fatal(err)
	}
	var problems problem.List
	f := Load(fstest.MapFS{}, dir, &problems)
	if s, ok := f.StaticFile("/a.pdf"); !ok || s.Size != 3 {
		t.Errorf("link to a file: %+v %v", s, ok)
	}
	got := problems.Sorted()
	if len(got) != 1 || got[0].String() != "static/broken.pdf: is not a regular file" {
		t.Errorf("problems %q", got)
	}
}

// TestWalkSkips: WalkSite passes over hidden entries quietly, and over a
// name that is not UTF-8 and a link to a folder with a problem each,
// reading what is left.
func TestWalkSkips(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"static/ok.txt":            "ok",
		"static/.git/config":       "x",
		"static/.swp":              "x",
		"static/bi\xeau-mau.pdf":   "latin-1 name",
		"static/th\xf0/inside.txt": "inside a folder with a latin-1 name",
		"elsewhere/a.txt":          "a",
	})
	if err := os.Symlink(filepath.Join(dir, "elsewhere"), filepath.Join(dir, "static", "anh")); err != nil {
		t.Skip("no symbolic links:", err)
	}
	var problems problem.List
	var read []string
	WalkSite(dir, filepath.Join(dir, StaticDir), &problems, func(rel, _ string, _ int64) { read = append(read, rel) })
	if !slices.Equal(read, []string{"static/ok.txt"}) {
		t.Errorf("read %q, want only static/ok.txt", read)
	}
	var got []string
	for _, p := range problems.Sorted() {
		got = append(got, p.String())
	}
	want := []string{
		"static/anh: is a link to a folder, which congkhai does not follow: move or copy the folder here",
		"static/bi\uFFFDu-mau.pdf: the name is not valid UTF-8 text (a tool saved it in another encoding): rename it",
		"static/th\uFFFD: the name is not valid UTF-8 text (a tool saved it in another encoding): rename it",
	}
	if !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestMergeTheme(t *testing.T) {
	theme := fstest.MapFS{
		"layouts/base.html":          {Data: []byte("theme base")},
		"layouts/partials/head.html": {Data: []byte("theme head")},
		"assets/css/congkhai.css":    {Data: []byte("not a layout")},
	}
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"layouts/partials/head.html": "site head",
		"layouts/notes.txt":          "refused",
		"layouts/.draft.html":        "hidden",
	})
	var problems problem.List
	var asked []string
	files := MergeTheme(theme, dir, "layouts", &problems, func(rel, name string) bool {
		asked = append(asked, rel+" "+name)
		return name != "notes.txt"
	})
	if problems.Len() != 0 {
		t.Fatal(problems.Sorted())
	}
	var got []string
	for _, name := range slices.Sorted(maps.Keys(files)) {
		got = append(got, name+"="+string(files[name].Data)+" from "+files[name].Origin)
	}
	want := []string{
		"base.html=theme base from built-in layouts/base.html",
		"partials/head.html=site head from layouts/partials/head.html",
	}
	if !slices.Equal(got, want) {
		t.Errorf("files %q, want %q", got, want)
	}
	slices.Sort(asked)
	if want := []string{"layouts/notes.txt notes.txt", "layouts/partials/head.html partials/head.html"}; !slices.Equal(asked, want) {
		t.Errorf("keep asked about %q, want %q", asked, want)
	}
}
