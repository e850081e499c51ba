package build

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/congkhai/congkhai"
	"github.com/congkhai/congkhai/internal/txtartest"
)

// newSite writes the site of testdata/build/subpath.txtar into a folder.
func newSite(t *testing.T) string {
	t.Helper()
	return txtartest.Unpack(t, "testdata/build/subpath.txtar").Dir
}

func build(t *testing.T, site, dest string) (*Result, error) {
	t.Helper()
	return Run(Options{Source: site, Destination: dest, Theme: congkhai.Theme})
}

func sameTree(t *testing.T, a, b map[string]string) {
	t.Helper()
	for k, v := range a {
		if w, ok := b[k]; !ok {
			t.Errorf("%s missing from the second tree", k)
		} else if v != w {
			t.Errorf("%s differs", k)
		}
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			t.Errorf("%s only in the second tree", k)
		}
	}
}

func TestDeterministic(t *testing.T) {
	site := newSite(t)
	one, two := filepath.Join(t.TempDir(), "one"), filepath.Join(t.TempDir(), "two")
	if _, err := build(t, site, one); err != nil {
		t.Fatal(err)
	}
	if _, err := build(t, site, two); err != nil {
		t.Fatal(err)
	}
	sameTree(t, txtartest.Snapshot(t, one), txtartest.Snapshot(t, two))
	// And a rebuild into the same destination gives the same tree.
	before := txtartest.Snapshot(t, one)
	if _, err := build(t, site, one); err != nil {
		t.Fatal(err)
	}
	sameTree(t, before, txtartest.Snapshot(t, one))
}

func TestFailedBuildKeepsPublic(t *testing.T) {
	site := newSite(t)
	public := filepath.Join(site, "public")
	if _, err := build(t, site, public); err != nil {
		t.Fatal(err)
	}
	before := txtartest.Snapshot(t, public)

	breakages := map[string]string{
		"malformed front matter": "+++\ntitle = \"x\n+++\n",
		"missing heading":        strings.Replace(readFile(t, site, "content/thu-tuc/dang-ky-khai-tu.md"), "## Yêu cầu, điều kiện thực hiện", "## Khác", 1),
		"unknown key":            "+++\ntitle = \"Giới thiệu\"\nfoo = 1\n+++\n",
	}
	files := map[string]string{
		"malformed front matter": "content/gioi-thieu.md",
		"missing heading":        "content/thu-tuc/dang-ky-khai-tu.md",
		"unknown key":            "content/gioi-thieu.md",
	}
	for name, broken := range breakages {
		t.Run(name, func(t *testing.T) {
			file := filepath.Join(site, files[name])
			good := readFile(t, site, files[name])
			txtartest.WriteFile(t, file, []byte(broken))
			defer txtartest.WriteFile(t, file, []byte(good))
			res, err := build(t, site, public)
			if !errors.Is(err, ErrFailed) || len(res.Problems) == 0 {
				t.Fatalf("build err = %v, problems %v; want a failure", err, res.Problems)
			}
			sameTree(t, before, txtartest.Snapshot(t, public))
			assertNoLeftovers(t, site)
		})
	}
}

// assertNoLeftovers checks that no staging folder was left beside public/.
func assertNoLeftovers(t *testing.T, site string) {
	t.Helper()
	entries, err := os.ReadDir(site)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".public.") && e.Name() != ".public.congkhai-state" {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

func readFile(t *testing.T, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestInputsThatNeedTheFileSystem(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, site string)
		want  string
	}{
		{
			name: "invalid UTF-8 in the body",
			setup: func(t *testing.T, site string) {
				txtartest.WriteFile(t, filepath.Join(site, "content/sai.md"), []byte("+++\ntitle = \"A\"\n+++\nxin\nch\xe0o\n"))
			},
			want: "content/sai.md:5: the file is not valid UTF-8 text; save it as UTF-8 (Unicode)",
		},
		{
			name: "invalid UTF-8",
			setup: func(t *testing.T, site string) {
				txtartest.WriteFile(t, filepath.Join(site, "content/sai.md"), []byte("+++\ntitle = \"Gi\xff\xfei\"\n+++\n"))
			},
			want: "content/sai.md:2: the file is not valid UTF-8 text; save it as UTF-8 (Unicode)",
		},
		{
			name: "a folder named like a file",
			setup: func(t *testing.T, site string) {
				if err := os.MkdirAll(filepath.Join(site, "content/thu-muc.md"), 0o755); err != nil {
					t.Fatal(err)
				}
			},
			want: "content/thu-muc.md: is a folder, but its name ends in .md: rename it or move the Markdown file in its place",
		},
		{
			name: "site.toml missing",
			setup: func(t *testing.T, site string) {
				os.Remove(filepath.Join(site, "site.toml"))
			},
			want: "site.toml: not found: every site needs a site.toml in its folder",
		},
		{
			name: "unknown key in site.toml",
			setup: func(t *testing.T, site string) {
				f := filepath.Join(site, "site.toml")
				txtartest.WriteFile(t, f, []byte(strings.Replace(readFile(t, site, "site.toml"), "language = \"vi\"", "language = \"vi\"\nbaseurl = \"x\"", 1)))
			},
			want: "site.toml:4: baseurl: unknown key \"baseurl\" (did you mean \"base_url\"?)",
		},
		{
			name: "bad SOURCE_DATE_EPOCH",
			setup: func(t *testing.T, site string) {
				t.Setenv("SOURCE_DATE_EPOCH", "yesterday")
			},
			want: "SOURCE_DATE_EPOCH: SOURCE_DATE_EPOCH=\"yesterday\" is not a number of seconds since 1970-01-01",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site := newSite(t)
			tt.setup(t, site)
			res, err := Run(Options{Source: site, Theme: congkhai.Theme, SourceDateEpoch: os.Getenv("SOURCE_DATE_EPOCH")})
			if !errors.Is(err, ErrFailed) {
				t.Fatalf("err = %v, want ErrFailed", err)
			}
			got := problemLines(res)
			if !strings.Contains(got, tt.want) {
				t.Errorf("problems:\n%s\nwant a line containing:\n%s", got, tt.want)
			}
			if _, err := os.Stat(filepath.Join(site, "public")); !os.IsNotExist(err) {
				t.Errorf("public/ was created by a failed build")
			}
		})
	}
}

func TestDestinationSafety(t *testing.T) {
	site := newSite(t)
	outside := t.TempDir()
	txtartest.WriteFile(t, filepath.Join(outside, "notes.txt"), []byte("keep me"))
	tests := []struct {
		name, dest, want string
	}{
		{"the site folder", site, "is the site folder itself"},
		{"a parent of the site", filepath.Dir(site), "contains the site folder"},
		{"inside content", filepath.Join(site, "content", "out"), "is inside the input folder"},
		{"a folder that is not a build", outside, "does not look like a previous build"},
		{"a file", filepath.Join(outside, "notes.txt"), "is a file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := txtartest.Snapshot(t, filepath.Dir(site))
			_, err := build(t, site, tt.dest)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want %q", err, tt.want)
			}
			sameTree(t, before, txtartest.Snapshot(t, filepath.Dir(site)))
			if got := readFile(t, outside, "notes.txt"); got != "keep me" {
				t.Errorf("notes.txt changed: %q", got)
			}
		})
	}
}

func TestSourceDateEpoch(t *testing.T) {
	got, err := ReferenceDate(mustDate(t, "2025-08-01"), "1767225600") // 2026-01-01T00:00:00Z
	if err != nil || got.Format("2006-01-02") != "2026-01-01" {
		t.Errorf("ReferenceDate = %v, %v; want 2026-01-01", got, err)
	}
	got, err = ReferenceDate(mustDate(t, "2025-08-01"), "")
	if err != nil || got.Format("2006-01-02") != "2025-08-01" {
		t.Errorf("without SOURCE_DATE_EPOCH = %v, %v; want as_of", got, err)
	}
}

func TestReplacesPreviousOutput(t *testing.T) {
	site := newSite(t)
	public := filepath.Join(site, "public")
	txtartest.WriteFile(t, filepath.Join(public, "index.html"), []byte("old"))
	txtartest.WriteFile(t, filepath.Join(public, "stale/page.html"), []byte("old"))
	before := txtartest.Snapshot(t, public)
	if _, err := build(t, site, public); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(public, "stale")); !os.IsNotExist(err) {
		t.Error("a file of the previous build survived the swap")
	}
	if b := readFile(t, public, "index.html"); !bytes.Contains([]byte(b), []byte("<!DOCTYPE html>")) {
		t.Error("index.html was not replaced")
	}
	// The previous output is now the spare folder, for the next build,
	// exactly as it was; nothing else is left beside public/.
	spare := filepath.Join(site, ".public.spare")
	sameTree(t, before, txtartest.Snapshot(t, spare))
	if err := os.RemoveAll(spare); err != nil {
		t.Fatal(err)
	}
	assertNoLeftovers(t, site)
}

func mustDate(t *testing.T, s string) time.Time {
	t.Helper()
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestRebuildWritesOnlyChanges checks that a rebuild with nothing changed
// writes no file (every modification time stays) and that editing one page
// rewrites that page and the files that list it, not the whole site.
func TestRebuildWritesOnlyChanges(t *testing.T) {
	site := newSite(t)
	public := filepath.Join(site, "public")
	res, err := build(t, site, public)
	if err != nil {
		t.Fatal(err)
	}
	if res.Written != res.Files {
		t.Errorf("cold build wrote %d of %d files", res.Written, res.Files)
	}
	old := time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC)
	setMtimes(t, public, old)

	res, err = build(t, site, public)
	if err != nil {
		t.Fatal(err)
	}
	if res.Written != 0 {
		t.Errorf("rebuild with nothing changed wrote %d files", res.Written)
	}
	assertMtimes(t, public, old, nil)
	assertNoLeftovers(t, site)

	page := filepath.Join(site, "content", "gioi-thieu.md")
	txtartest.WriteFile(t, page, []byte(strings.Replace(readFile(t, site, "content/gioi-thieu.md"), "## Đường dây nóng", "## Đường dây nóng mới", 1)))
	res, err = build(t, site, public)
	if err != nil {
		t.Fatal(err)
	}
	if res.Written != 1 {
		t.Errorf("editing one page's text wrote %d files, want 1", res.Written)
	}
	assertMtimes(t, public, old, map[string]bool{"gioi-thieu/index.html": true})
	if !strings.Contains(readFile(t, public, "gioi-thieu/index.html"), "Đường dây nóng mới") {
		t.Error("the edited page was not updated")
	}
}

func setMtimes(t *testing.T, dir string, when time.Time) {
	t.Helper()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		return os.Chtimes(p, when, when)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// assertMtimes checks that every file except those in changed still has
// the modification time when.
func assertMtimes(t *testing.T, dir string, when time.Time, changed map[string]bool) {
	t.Helper()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if kept := info.ModTime().Equal(when); kept == changed[rel] {
			t.Errorf("%s: modification time %v (changed: %v)", rel, info.ModTime(), !kept)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestUpToDate: a build with no input changed since the last one, into a
// destination as that build left it, renders and writes nothing. Any change
// to an input or to the output makes it build again, and the result is the
// same as a build from scratch.
func TestUpToDate(t *testing.T) {
	site := newSite(t)
	public := filepath.Join(site, "public")
	if _, err := build(t, site, public); err != nil {
		t.Fatal(err)
	}
	want := txtartest.Snapshot(t, public)
	// The state a build leaves (the files it wrote or found unchanged, with
	// their sizes and times, recorded as it went) is what the destination
	// holds, as a walk of it finds.
	stateMatches := func(step string) {
		t.Helper()
		if st := loadState(public); st == nil || !st.upToDate(public) {
			t.Errorf("%s: the state file does not describe the destination", step)
		}
	}
	stateMatches("first build")
	res, err := build(t, site, public)
	if err != nil || !res.UpToDate || res.Written != 0 || res.Pages == 0 {
		t.Fatalf("second build: up to date %v, written %d, pages %d, err %v", res.UpToDate, res.Written, res.Pages, err)
	}

	// Someone changed a published file: the build puts it back.
	txtartest.WriteFile(t, filepath.Join(public, "gioi-thieu", "index.html"), []byte("defaced"))
	res, err = build(t, site, public)
	if err != nil || res.UpToDate || res.Written != 1 {
		t.Errorf("after a change to the output: up to date %v, written %d, err %v", res.UpToDate, res.Written, err)
	}
	sameTree(t, want, txtartest.Snapshot(t, public))
	stateMatches("after putting a changed file back")

	// A file nobody produced: the build removes it.
	txtartest.WriteFile(t, filepath.Join(public, "extra.html"), []byte("x"))
	if res, err = build(t, site, public); err != nil || res.UpToDate {
		t.Errorf("after an extra file: up to date %v, err %v", res.UpToDate, err)
	}
	sameTree(t, want, txtartest.Snapshot(t, public))
	stateMatches("after removing an extra file")

	// An input saved again unchanged: everything is rendered and compared,
	// nothing written.
	src := filepath.Join(site, "content", "gioi-thieu.md")
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(src, later, later); err != nil {
		t.Fatal(err)
	}
	res, err = build(t, site, public)
	if err != nil || res.UpToDate || res.Written != 0 {
		t.Errorf("after touching an input: up to date %v, written %d, err %v", res.UpToDate, res.Written, err)
	}
	stateMatches("after a build that wrote nothing")
	// An edit to an input: built again.
	txtartest.WriteFile(t, src, []byte(strings.Replace(readFile(t, site, "content/gioi-thieu.md"), "## Đường dây nóng", "## Đường dây nóng 1022", 1)))
	res, err = build(t, site, public)
	if err != nil || res.UpToDate || res.Written != 1 {
		t.Errorf("after an edit: up to date %v, written %d, err %v", res.UpToDate, res.Written, err)
	}
	stateMatches("after an edit")
	// A new base URL is a different build.
	res, err = Run(Options{Source: site, Destination: public, Theme: congkhai.Theme, BaseURL: "https://other.example/"})
	if err != nil || res.UpToDate {
		t.Errorf("with another base URL: up to date %v, err %v", res.UpToDate, err)
	}
}

// TestUpToDateSeesNewFolders: a new folder is an input change even with no
// file in it, since a folder alone can be a problem (content/x.md/ as a
// folder): the build after it must not say "up to date".
func TestUpToDateSeesNewFolders(t *testing.T) {
	site := newSite(t)
	public := filepath.Join(site, "public")
	if _, err := build(t, site, public); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(site, "content", "x.md"), 0o755); err != nil {
		t.Fatal(err)
	}
	res, err := build(t, site, public)
	if res.UpToDate || !errors.Is(err, ErrFailed) {
		t.Fatalf("after adding the folder content/x.md: up to date %v, err %v; want a failed build", res.UpToDate, err)
	}
	if got := problemLines(res); !strings.Contains(got, "content/x.md: is a folder") {
		t.Errorf("problems:\n%s", got)
	}
}
