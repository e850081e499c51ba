package build

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/congkhai/congkhai"
	"github.com/congkhai/congkhai/internal/corpus"
	"github.com/congkhai/congkhai/internal/txtartest"
)

// TestSessionRendersOnlyWhatChanged: after an edit to a procedure's text
// only that page is rendered; an edit to its title renders everything (the
// lists show it); a broken edit fails and leaves the output as it was; the
// fix builds again.
func TestSessionRendersOnlyWhatChanged(t *testing.T) {
	site := newSite(t)
	dest := filepath.Join(t.TempDir(), "public")
	s := NewSession(Options{Source: site, Destination: dest, Theme: congkhai.Theme})
	res, err := s.Build(nil)
	if err != nil {
		t.Fatal(err)
	}
	all := res.Pages
	file := "content/thu-tuc/dang-ky-khai-tu.md"
	edit := func(old, new string) {
		t.Helper()
		text := readFile(t, site, file)
		if !strings.Contains(text, old) {
			t.Fatalf("%s has no %q", file, old)
		}
		txtartest.WriteFile(t, filepath.Join(site, file), []byte(strings.Replace(text, old, new, 1)))
	}

	edit("Nộp.", "Nộp tại xã.")
	before := txtartest.Snapshot(t, dest)
	res, err = s.Build([]string{file})
	if err != nil {
		t.Fatal(err)
	}
	// The page is written, and the files of the search index that hold
	// its words; nothing else.
	written := changedFiles(before, txtartest.Snapshot(t, dest))
	index := slices.DeleteFunc(slices.Clone(written), func(f string) bool { return !strings.HasPrefix(f, "tim-kiem/index/") })
	if res.Rendered != 1 || res.Written != 1+len(index) || !slices.Contains(written, "thu-tuc/dang-ky-khai-tu/index.html") || len(written) != 1+len(index) {
		t.Errorf("text edit: rendered %d pages, wrote %d files (%v); want 1 page, and the page and the index's files", res.Rendered, res.Written, written)
	}
	if len(index) == 0 {
		t.Error("text edit: the search index was not written again")
	}
	if !strings.Contains(readFile(t, dest, "thu-tuc/dang-ky-khai-tu/index.html"), "Nộp tại xã.") {
		t.Error("the edited text is not in the page")
	}

	edit(`title = "Đăng ký khai tử"`, `title = "Đăng ký khai tử (sửa)"`)
	res, err = s.Build([]string{file})
	if err != nil {
		t.Fatal(err)
	}
	if res.Rendered != all {
		t.Errorf("title edit: rendered %d pages, want all %d", res.Rendered, all)
	}
	if !strings.Contains(readFile(t, dest, "thu-tuc/linh-vuc/ho-tich/index.html"), "Đăng ký khai tử (sửa)") {
		t.Error("the list does not show the new title")
	}

	before = txtartest.Snapshot(t, dest)
	edit("## Yêu cầu, điều kiện thực hiện", "## Điều kiện")
	res, err = s.Build([]string{file})
	if !errors.Is(err, ErrFailed) || !strings.Contains(problemLines(res), `the text needs a heading "## Yêu cầu, điều kiện thực hiện"`) {
		t.Fatalf("broken edit: err %v, problems:\n%s", err, problemLines(res))
	}
	sameTree(t, before, txtartest.Snapshot(t, dest))

	edit("## Điều kiện", "## Yêu cầu, điều kiện thực hiện")
	if _, err := s.Build([]string{file}); err != nil {
		t.Fatalf("after the fix: %v", err)
	}
	edit("Nộp tại xã.", "Nộp tại phường.")
	res, err = s.Build([]string{file})
	if err != nil || res.Rendered != 1 {
		t.Errorf("after a failure and a fix, a text edit rendered %d pages (err %v), want 1", res.Rendered, err)
	}

	txtartest.WriteFile(t, filepath.Join(site, "content/moi.md"), []byte("+++\ntitle = \"Mới\"\n+++\n"))
	res, err = s.Build([]string{"content/moi.md"})
	if err != nil || res.Rendered != all+1 {
		t.Errorf("a new page: rendered %d pages (err %v), want the whole site, %d", res.Rendered, err, all+1)
	}
}

// changedFiles lists the files of after that are new or differ from before.
func changedFiles(before, after map[string]string) []string {
	var out []string
	for name, content := range after {
		if !strings.HasSuffix(name, "/") && before[name] != content {
			out = append(out, filepath.ToSlash(name))
		}
	}
	slices.Sort(out)
	return out
}

// TestSessionKeepsTheSearchIndex: after a text edit rendered alone, the
// search index has the page's new words and not its old ones, and is the
// index a whole build of the same files writes, byte for byte.
func TestSessionKeepsTheSearchIndex(t *testing.T) {
	site := newSite(t)
	dest := filepath.Join(t.TempDir(), "public")
	s := NewSession(Options{Source: site, Destination: dest, Theme: congkhai.Theme})
	if _, err := s.Build(nil); err != nil {
		t.Fatal(err)
	}
	file := "content/thu-tuc/dang-ky-khai-tu.md"
	find := func(q string) []string {
		t.Helper()
		return searchIndex(t, filepath.Join(dest, "tim-kiem", "index"), q)
	}
	for _, step := range []struct{ old, new, find, lost string }{
		{"Nộp.", "Nộp tại Quảng Trạch.", "quang trach", ""},
		{"Nộp tại Quảng Trạch.", "Nộp tại Phong Điền.", "phong dien", "quang trach"},
	} {
		text := readFile(t, site, file)
		txtartest.WriteFile(t, filepath.Join(site, file), []byte(strings.Replace(text, step.old, step.new, 1)))
		res, err := s.Build([]string{file})
		if err != nil || res.Rendered != 1 {
			t.Fatalf("the edit %q rendered %d pages (err %v), want 1", step.new, res.Rendered, err)
		}
		if got := find(step.find); !slices.Equal(got, []string{"/thu-tuc/dang-ky-khai-tu/"}) {
			t.Errorf("after %q, %q finds %v", step.new, step.find, got)
		}
		if step.lost != "" {
			if got := find(step.lost); len(got) != 0 {
				t.Errorf("after %q, %q still finds %v", step.new, step.lost, got)
			}
		}
		full := filepath.Join(t.TempDir(), "public")
		if _, err := build(t, site, full); err != nil {
			t.Fatal(err)
		}
		want := txtartest.Snapshot(t, filepath.Join(full, "tim-kiem", "index"))
		got := txtartest.Snapshot(t, filepath.Join(dest, "tim-kiem", "index"))
		for name, content := range want {
			if got[name] != content {
				t.Errorf("after %q, the index file %s is not what a whole build writes", step.new, name)
			}
		}
	}
}

// TestSessionStop: Stop during a build ends it at its next file; once Stop
// has returned nothing more is written, in the destination or beside it,
// and every later Build returns ErrStopped at once.
func TestSessionStop(t *testing.T) {
	site := filepath.Join(t.TempDir(), "site")
	if err := corpus.Write(site, corpus.Options{Procedures: 150, Seed: 2}); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	dest := filepath.Join(out, "public")
	var s *Session
	stopped := make(chan map[string]string, 1)
	total := 0
	s = NewSession(Options{Source: site, Destination: dest, Theme: congkhai.Theme, Progress: func(done, all int) {
		if done == 20 {
			total = all
			s.Stop()
			stopped <- txtartest.Snapshot(t, out) // what is written when Stop returns
		}
	}})
	res, err := s.Build(nil)
	if !errors.Is(err, ErrStopped) {
		t.Fatalf("Build after Stop: %v, want ErrStopped", err)
	}
	before := <-stopped
	sameTree(t, txtartest.Snapshot(t, out), before)
	if _, err := os.Stat(dest); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a stopped first build put its output in place: %v", err)
	}
	if res.Files >= total || total < 100 {
		t.Errorf("the stopped build produced %d of %d files", res.Files, total)
	}
	if _, err := s.Build([]string{"content/thu-tuc/_index.md"}); !errors.Is(err, ErrStopped) {
		t.Errorf("Build after Stop: %v, want ErrStopped", err)
	}
	sameTree(t, txtartest.Snapshot(t, out), before)
}

// TestSessionExports: an edit to a procedure's record that no list shows
// (its fee) renders its page alone and exports the procedures again, with
// the sizes on the pages of the data; an edit to its text alone leaves
// the exports as they are. After each rebuild the output, exports and all,
// is byte for byte what a whole build of the site writes, with the build
// cache that the builds before filled.
func TestSessionExports(t *testing.T) {
	site := newSite(t)
	dest := filepath.Join(t.TempDir(), "public")
	s := NewSession(Options{Source: site, Destination: dest, Theme: congkhai.Theme})
	if _, err := s.Build(nil); err != nil {
		t.Fatal(err)
	}
	cache := filepath.Join(t.TempDir(), "cache")
	sameAsWholeBuild := func(when string) {
		t.Helper()
		whole := filepath.Join(t.TempDir(), "public")
		res, err := Run(Options{Source: site, Destination: whole, Theme: congkhai.Theme, CacheDir: cache})
		if err != nil {
			t.Fatalf("%s: the whole build: %v\n%s", when, err, problemLines(res))
		}
		want := txtartest.Snapshot(t, whole)
		if _, ok := want["du-lieu/thu-tuc/thu-tuc.json"]; !ok {
			t.Fatalf("%s: the whole build wrote no procedures export", when)
		}
		got := txtartest.Snapshot(t, dest)
		for f := range want {
			if got[f] != want[f] {
				t.Errorf("%s: %s differs from the whole build's", when, f)
			}
		}
		for f := range got {
			if _, ok := want[f]; !ok {
				t.Errorf("%s: %s is not in the whole build", when, f)
			}
		}
	}
	sameAsWholeBuild("first build")
	file := "content/thu-tuc/dang-ky-khai-tu.md"
	text := readFile(t, site, file)
	withFee := strings.Replace(text, `fees = [{ type = "le_phi", amount_vnd = 0, text = "Không thu" }]`,
		`fees = [{ type = "le_phi", amount_vnd = 123456, text = "Lệ phí khai tử (thử)." }]`, 1)
	if withFee == text {
		t.Fatalf("%s has no free fee line to change", file)
	}
	txtartest.WriteFile(t, filepath.Join(site, file), []byte(withFee))
	res, err := s.Build([]string{file})
	if err != nil {
		t.Fatal(err)
	}
	if res.Rendered != 1 {
		t.Errorf("fee edit: rendered %d pages, want 1", res.Rendered)
	}
	for _, f := range []string{"du-lieu/thu-tuc/thu-tuc.json", "du-lieu/thu-tuc/thu-tuc.csv"} {
		if !strings.Contains(readFile(t, dest, f), "123456") {
			t.Errorf("%s does not have the new fee", f)
		}
	}
	info, err := os.Stat(filepath.Join(dest, "du-lieu", "thu-tuc", "thu-tuc.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(readFile(t, dest, "du-lieu/catalog.jsonld"), `"@value": "`+strconv.FormatInt(info.Size(), 10)+`"`) {
		t.Error("the catalogue does not give the new size of the export")
	}
	sameAsWholeBuild("fee edit")
	before := txtartest.Snapshot(t, dest)
	txtartest.WriteFile(t, filepath.Join(site, file), []byte(strings.Replace(withFee, "Nộp.", "Nộp tại xã.", 1)))
	res, err = s.Build([]string{file})
	// A text edit changes the page, and the search index's files that hold
	// its words: no export, list or other page.
	var changed []string
	for f, data := range txtartest.Snapshot(t, dest) {
		if old, ok := before[f]; !ok || old != data {
			changed = append(changed, f)
		}
	}
	for _, f := range changed {
		if f != "thu-tuc/dang-ky-khai-tu/index.html" && !strings.HasPrefix(f, "tim-kiem/index/") {
			t.Errorf("text edit: %s changed", f)
		}
	}
	if err != nil || res.Rendered != 1 || res.Written != len(changed) {
		t.Errorf("text edit: rendered %d, wrote %d (err %v); want the page alone, and %d files changed", res.Rendered, res.Written, err, len(changed))
	}
	sameAsWholeBuild("text edit")
}
