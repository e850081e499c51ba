package publish

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

var inputs = []string{"content", "static", "assets", "layouts", "data"}

func mkdir(t *testing.T, parts ...string) string {
	t.Helper()
	d := filepath.Join(parts...)
	if err := os.MkdirAll(d, 0o755); err != nil {
		t.Fatal(err)
	}
	return d
}

func write(t *testing.T, file, text string) {
	t.Helper()
	mkdir(t, filepath.Dir(file))
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// newSite makes a site folder with its input folders.
func newSite(t *testing.T) (root, site string) {
	t.Helper()
	root = t.TempDir()
	site = mkdir(t, root, "site")
	for _, in := range []string{"content", "static", "assets"} {
		mkdir(t, site, in)
	}
	write(t, filepath.Join(site, "site.toml"), "title = \"x\"\n")
	return root, site
}

func TestCheckDestination(t *testing.T) {
	root, site := newSite(t)
	write(t, filepath.Join(root, "file"), "x")
	mkdir(t, root, "empty")
	write(t, filepath.Join(root, "previous", "index.html"), "<html>")
	write(t, filepath.Join(root, "previous", "thu-tuc", "index.html"), "<html>")
	write(t, filepath.Join(root, "documents", "thu.docx"), "x")
	write(t, filepath.Join(root, "only-dir", "sub", "index.html"), "x")
	link := filepath.Join(root, "link-to-site")
	linkToContent := filepath.Join(root, "link-to-content")
	linkToPrevious := filepath.Join(root, "link-to-previous")
	links := true
	for target, name := range map[string]string{site: link, filepath.Join(site, "content"): linkToContent, filepath.Join(root, "previous"): linkToPrevious} {
		if err := os.Symlink(target, name); err != nil {
			links = false
		}
	}

	tests := []struct {
		name   string
		dest   string
		errHas string // "" when the destination is accepted
		link   bool
	}{
		{name: "public inside the site", dest: filepath.Join(site, "public")},
		{name: "does not exist yet, nested", dest: filepath.Join(root, "out", "a", "b")},
		{name: "empty folder", dest: filepath.Join(root, "empty")},
		{name: "previous build", dest: filepath.Join(root, "previous")},
		{name: "site folder itself", dest: site, errHas: "is the site folder itself"},
		{name: "site folder with a trailing dot", dest: filepath.Join(site, "content", ".."), errHas: "is the site folder itself"},
		{name: "parent of the site", dest: root, errHas: "contains the site folder"},
		{name: "filesystem root", dest: "/", errHas: "contains the site folder"},
		{name: "input folder", dest: filepath.Join(site, "content"), errHas: "is inside the input folder"},
		{name: "inside an input folder", dest: filepath.Join(site, "static", "public"), errHas: "is inside the input folder"},
		{name: "inside a missing input folder", dest: filepath.Join(site, "layouts", "out"), errHas: "is inside the input folder"},
		{name: "a file", dest: filepath.Join(root, "file"), errHas: "is a file, not a folder"},
		{name: "site.toml", dest: filepath.Join(site, "site.toml"), errHas: "is a file, not a folder"},
		{name: "non-empty without index.html", dest: filepath.Join(root, "documents"), errHas: "is not empty and holds no index.html"},
		{name: "index.html only in a sub-folder", dest: filepath.Join(root, "only-dir"), errHas: "is not empty and holds no index.html"},
		{name: "symlink to the site folder", dest: link, errHas: "is the site folder itself", link: true},
		{name: "inside a symlink to the site folder", dest: filepath.Join(link, "content", "x"), errHas: "is inside the input folder", link: true},
		{name: "symlink to an input folder", dest: linkToContent, errHas: "is inside the input folder", link: true},
		{name: "symlink to a previous build", dest: linkToPrevious, link: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.link && !links {
				t.Skip("no symbolic links")
			}
			err := CheckDestination(tt.dest, site, inputs)
			switch {
			case tt.errHas == "" && err != nil:
				t.Errorf("CheckDestination(%s) = %v, want nil", tt.dest, err)
			case tt.errHas != "" && (err == nil || !strings.Contains(err.Error(), tt.errHas)):
				t.Errorf("CheckDestination(%s) = %v, want an error containing %q", tt.dest, err, tt.errHas)
			}
		})
	}
}

// TestCheckDestinationDotDotName: a folder whose name starts with two dots
// ("..out") inside an input folder is still inside it.
func TestCheckDestinationDotDotName(t *testing.T) {
	_, site := newSite(t)
	dest := filepath.Join(site, "static", "..out")
	if err := CheckDestination(dest, site, inputs); err == nil {
		t.Errorf("publish.within treats a child named %q as outside its folder (HasPrefix(rel, \"..\")): CheckDestination accepts %s", "..out", dest)
	}
}

// tree lists the files under dir with their contents.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if d.IsDir() {
			if rel != "." {
				out[filepath.ToSlash(rel)+"/"] = ""
			}
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		out[filepath.ToSlash(rel)] = string(b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

func sameMap(t *testing.T, got, want map[string]string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("tree %q, want %q", got, want)
		return
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("tree %q, want %q", got, want)
			return
		}
	}
}

// staging returns the staging folders beside dest.
func staging(t *testing.T, dest string) []string {
	t.Helper()
	var out []string
	for _, name := range entries(t, filepath.Dir(dest)) {
		if strings.HasPrefix(name, "."+filepath.Base(dest)+".") {
			out = append(out, filepath.Join(filepath.Dir(dest), name))
		}
	}
	return out
}

func writeAll(t *testing.T, out *Output, files map[string]string) {
	t.Helper()
	for p, text := range files {
		if err := out.WriteFile(p, []byte(text)); err != nil {
			t.Fatalf("WriteFile(%q): %v", p, err)
		}
	}
}

func TestCommitReplacesPreviousOutput(t *testing.T) {
	root := t.TempDir()
	dest := filepath.Join(root, "public")
	write(t, filepath.Join(dest, "index.html"), "old home")
	write(t, filepath.Join(dest, "old", "index.html"), "old page")
	write(t, filepath.Join(dest, "old", "deep", "x.css"), "old css")
	write(t, filepath.Join(dest, ".hidden"), "old hidden")
	write(t, filepath.Join(dest, "same.txt"), "same")
	write(t, filepath.Join(dest, "page"), "a file where a folder will go")
	mkdir(t, dest, "sitemap.xml") // a folder where a file will go
	src := filepath.Join(root, "form.docx")
	write(t, src, "form")
	before := tree(t, dest)

	out, err := Begin(OS{}, dest)
	if err != nil {
		t.Fatal(err)
	}
	writeAll(t, out, map[string]string{
		"index.html":                   "new home",
		"thu-tuc/khai-sinh/index.html": "new page",
		"/sitemap.xml":                 "<urlset/>",
		"same.txt":                     "same",
		"page/index.html":              "now a section",
	})
	if err := out.CopyFile("bieu-mau/to-khai.docx", src); err != nil {
		t.Fatal(err)
	}
	if n := out.Changed(); n != 5 {
		t.Errorf("Changed() = %d, want 5 (same.txt is unchanged)", n)
	}
	// Nothing in the destination changes before Commit.
	if got := tree(t, dest); got["index.html"] != "old home" || got["old/index.html"] != "old page" {
		t.Fatalf("destination changed before Commit: %q", got)
	}
	if err := out.Commit(); err != nil {
		t.Fatal(err)
	}
	sameMap(t, tree(t, dest), map[string]string{
		"index.html": "new home", "thu-tuc/": "", "thu-tuc/khai-sinh/": "", "thu-tuc/khai-sinh/index.html": "new page",
		"sitemap.xml": "<urlset/>", "bieu-mau/": "", "bieu-mau/to-khai.docx": "form", "same.txt": "same",
		"page/": "", "page/index.html": "now a section",
	})
	// Beside the destination is only the spare folder, for the next
	// build, and it is the previous build, exactly.
	if got := entries(t, root); !slices.Equal(got, []string{".public.spare", "form.docx", "public"}) {
		t.Errorf("beside the destination: %q", got)
	}
	sameMap(t, tree(t, filepath.Join(root, ".public.spare")), before)
}

func TestCommitNewDestination(t *testing.T) {
	root := t.TempDir()
	dest := filepath.Join(root, "a", "b", "public")
	out, err := Begin(OS{}, dest)
	if err != nil {
		t.Fatal(err)
	}
	writeAll(t, out, map[string]string{"index.html": "home", "x/index.html": "x"})
	if got := staging(t, dest); len(got) != 1 {
		t.Fatalf("staging folders %q, want one", got)
	}
	if _, err := os.Stat(dest); !os.IsNotExist(err) {
		t.Fatalf("destination exists before Commit: %v", err)
	}
	if err := out.Commit(); err != nil {
		t.Fatal(err)
	}
	sameMap(t, tree(t, dest), map[string]string{"index.html": "home", "x/": "", "x/index.html": "x"})
	if got := entries(t, filepath.Dir(dest)); !slices.Equal(got, []string{"public"}) {
		t.Errorf("beside the destination: %q", got)
	}
	if info, err := os.Stat(dest); err != nil || info.Mode().Perm() != 0o755 {
		t.Errorf("destination mode %v, %v; want 0755", info.Mode(), err)
	}
}

func TestRebuildUnchangedWritesNothing(t *testing.T) {
	root := t.TempDir()
	dest := filepath.Join(root, "public")
	files := map[string]string{"index.html": "home", "thu-tuc/index.html": "list"}
	out, err := Begin(OS{}, dest)
	if err != nil {
		t.Fatal(err)
	}
	writeAll(t, out, files)
	if err := out.Commit(); err != nil {
		t.Fatal(err)
	}
	before, err := os.Stat(filepath.Join(dest, "index.html"))
	if err != nil {
		t.Fatal(err)
	}

	out, err = Begin(OS{}, dest)
	if err != nil {
		t.Fatal(err)
	}
	writeAll(t, out, files)
	if n := out.Changed(); n != 0 {
		t.Errorf("Changed() = %d, want 0", n)
	}
	if got := staging(t, dest); len(got) != 0 {
		t.Errorf("a staging folder was made for an unchanged build: %q", got)
	}
	if err := out.Commit(); err != nil {
		t.Fatal(err)
	}
	after, err := os.Stat(filepath.Join(dest, "index.html"))
	if err != nil || !os.SameFile(before, after) {
		t.Errorf("index.html was rewritten")
	}
	sameMap(t, tree(t, dest), map[string]string{"index.html": "home", "thu-tuc/": "", "thu-tuc/index.html": "list"})

	// A third build that drops a page removes it and its folder.
	out, err = Begin(OS{}, dest)
	if err != nil {
		t.Fatal(err)
	}
	writeAll(t, out, map[string]string{"index.html": "home"})
	if err := out.Commit(); err != nil {
		t.Fatal(err)
	}
	sameMap(t, tree(t, dest), map[string]string{"index.html": "home"})
}

func TestWrittenTwice(t *testing.T) {
	out, err := Begin(OS{}, filepath.Join(t.TempDir(), "public"))
	if err != nil {
		t.Fatal(err)
	}
	defer out.Abort()
	if err := out.WriteFile("a/index.html", []byte("1")); err != nil {
		t.Fatal(err)
	}
	if err := out.WriteFile("/a/index.html", []byte("2")); err == nil || !strings.Contains(err.Error(), "written twice") {
		t.Errorf("second write of a/index.html: %v", err)
	}
}

func TestAbortLeavesDestination(t *testing.T) {
	root := t.TempDir()
	dest := filepath.Join(root, "public")
	write(t, filepath.Join(dest, "index.html"), "old home")
	write(t, filepath.Join(dest, "a", "index.html"), "old a")
	before := tree(t, dest)

	out, err := Begin(OS{}, dest)
	if err != nil {
		t.Fatal(err)
	}
	writeAll(t, out, map[string]string{"index.html": "new", "b/index.html": "new b"})
	if got := staging(t, dest); len(got) != 1 {
		t.Fatalf("staging folders %q, want one", got)
	}
	out.Abort()
	sameMap(t, tree(t, dest), before)
	if got := entries(t, root); !slices.Equal(got, []string{"public"}) {
		t.Errorf("beside the destination after Abort: %q", got)
	}

	// Abort without a previous output leaves nothing.
	fresh := filepath.Join(root, "fresh")
	out, err = Begin(OS{}, fresh)
	if err != nil {
		t.Fatal(err)
	}
	writeAll(t, out, map[string]string{"index.html": "x"})
	out.Abort()
	if _, err := os.Stat(fresh); !os.IsNotExist(err) {
		t.Errorf("Abort created the destination: %v", err)
	}
	if got := entries(t, root); !slices.Equal(got, []string{"public"}) {
		t.Errorf("beside the destination after Abort: %q", got)
	}
}

func TestWriteFilePaths(t *testing.T) {
	root := t.TempDir()
	src := filepath.Join(root, "src.txt")
	write(t, src, "x")
	tests := []struct {
		path string
		file string // where it lands; "" when refused
	}{
		{"index.html", "index.html"},
		{"/index.html", "index.html"},
		{"thu-tuc/khai-sinh/index.html", "thu-tuc/khai-sinh/index.html"},
		{"css/congkhai.1a2b3c4d5e.css", "css/congkhai.1a2b3c4d5e.css"},
		{"gioi-thieu..html", "gioi-thieu..html"},
		{"../x", ""},
		{"/", ""},
		{"", ""},
		{".", ""},
		{"a/../../b", ""},
		{"a/../b", ""},
		{"./x", ""},
		{"a//b", ""},
		{"a/", ""},
		{"..", ""},
		{"/../etc/passwd", ""},
	}
	for i, tt := range tests {
		for _, copy := range []bool{false, true} {
			dest := filepath.Join(root, fmt.Sprintf("out%d-%v", i, copy))
			out, err := Begin(OS{}, dest)
			if err != nil {
				t.Fatal(err)
			}
			if copy {
				err = out.CopyFile(tt.path, src)
			} else {
				err = out.WriteFile(tt.path, []byte("x"))
			}
			if tt.file == "" {
				if err == nil || !strings.Contains(err.Error(), "invalid output path") {
					t.Errorf("copy=%v %q: err = %v, want invalid output path", copy, tt.path, err)
				}
				out.Abort()
				continue
			}
			if err != nil {
				t.Errorf("copy=%v %q: %v", copy, tt.path, err)
				out.Abort()
				continue
			}
			if err := out.Commit(); err != nil {
				t.Fatal(err)
			}
			if b, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(tt.file))); err != nil || string(b) != "x" {
				t.Errorf("copy=%v %q: %s = %q, %v", copy, tt.path, tt.file, b, err)
			}
		}
	}
	// Nothing was written outside the destinations.
	for _, name := range entries(t, root) {
		if name != "src.txt" && !strings.HasPrefix(name, "out") {
			t.Errorf("unexpected %s beside the destinations", name)
		}
	}
}

// TestCommitFailureRestores makes the commit fail at every step in turn and
// checks that the destination is then exactly the previous build, with
// nothing left beside it.
func TestCommitFailureRestores(t *testing.T) {
	for failAt := 1; ; failAt++ {
		root := t.TempDir()
		dest := filepath.Join(root, "public")
		write(t, filepath.Join(dest, "index.html"), "old home")
		write(t, filepath.Join(dest, "a", "index.html"), "old a")
		write(t, filepath.Join(dest, "stale", "index.html"), "stale")
		write(t, filepath.Join(dest, "page"), "a file where a folder will go")
		before := tree(t, dest)

		fsys := &faultFS{op: "rename", nth: failAt, err: fmt.Errorf("injected failure at rename %d", failAt)}
		out, err := Begin(fsys, dest)
		if err != nil {
			t.Fatal(err)
		}
		writeAll(t, out, map[string]string{
			"index.html":      "new home",
			"a/index.html":    "new a",
			"b/index.html":    "new b",
			"page/index.html": "new section",
		})
		err = out.Commit()
		if err == nil {
			if failAt == 1 {
				t.Fatal("no rename happened")
			}
			break // every step has been made to fail
		}
		if !strings.Contains(err.Error(), "injected failure") {
			t.Fatalf("rename %d: err = %v", failAt, err)
		}
		sameMap(t, tree(t, dest), before)
		out.Abort()
		if left := staging(t, dest); len(left) > 0 {
			t.Errorf("rename %d: left beside the destination: %v", failAt, left)
		}
	}
}

// TestReplacedFileIsNeverMissing: while builds replace a file, a reader
// always finds it, whole, in its old version or its new one; it is never
// missing, not even between two renames of a commit.
func TestReplacedFileIsNeverMissing(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	version := func(i int) string { return fmt.Sprintf("<html>version %d %s</html>", i, strings.Repeat("x", i%7*1000)) }
	files := []string{"index.html", "thu-tuc/a/index.html"}
	for _, f := range files {
		write(t, filepath.Join(dest, f), version(0))
	}
	stop := make(chan struct{})
	failures := make(chan string, 1)
	var readers sync.WaitGroup
	for _, f := range files {
		readers.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				b, err := os.ReadFile(filepath.Join(dest, f))
				if err != nil || !strings.HasPrefix(string(b), "<html>version ") || !strings.HasSuffix(string(b), "</html>") {
					select {
					case failures <- fmt.Sprintf("%s: %q, %v", f, b, err):
					default:
					}
					return
				}
			}
		})
	}
	// A hundred commits, or as many as a second allows on a busy machine.
	deadline := time.Now().Add(time.Second)
	for i := 1; i <= 100 && time.Now().Before(deadline); i++ {
		begin := Begin
		if i%2 == 0 {
			begin = BeginPartial
		}
		out, err := begin(OS{}, dest)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if err := out.WriteFile(f, []byte(version(i))); err != nil {
				t.Fatal(err)
			}
		}
		if err := out.Commit(); err != nil {
			t.Fatal(err)
		}
	}
	close(stop)
	readers.Wait()
	select {
	case f := <-failures:
		t.Errorf("a reader found the file during a commit as %s", f)
	default:
	}
	// Nothing but the spare folder, kept for the next build.
	if left := staging(t, dest); len(left) > 1 || len(left) == 1 && filepath.Base(left[0]) != spareName(dest) {
		t.Errorf("left beside the destination: %q", left)
	}
}
