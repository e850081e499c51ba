package datafiles_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/congkhai/congkhai/internal/contacts"
	"github.com/congkhai/congkhai/internal/datafiles"
	"github.com/congkhai/congkhai/internal/dataset"
	"github.com/congkhai/congkhai/internal/limits"
	"github.com/congkhai/congkhai/internal/personaldata"
	"github.com/congkhai/congkhai/internal/problem"
	"github.com/congkhai/congkhai/internal/txtartest"
)

// TestDataFilesReadOnce: the loaders and the lint read each file of data/
// from disk once, and the lint finds in the loaders' bytes what it finds
// reading the files itself.
func TestDataFilesReadOnce(t *testing.T) {
	files := map[string]string{
		"data/danh-ba.toml":    "updated = 2026-10-20\n# CCCD của ông An: 079123456789\n",
		"data/ho-so.csv":       "period,received\n2026-09,079.123.456.788\n",
		"data/ho-so.toml":      "title = \"Hồ sơ\"\n[[columns]]\nname = \"period\"\n# 079123456787\n",
		"data/mo-ta.toml":      "[[columns]]\nname = \"a\" # 079 123 456 786\n",
		"data/khong-mo-ta.csv": "a\n079123456785\n",
		"data/thong-ke/cu.csv": "a\n079-123-456-784\n",
		"data/ghi-chu.txt":     "079123456783\n",
		"content/khai-sinh.md": "079123456789 outside data/ is not linted\n",
	}
	site := t.TempDir()
	for name, text := range files {
		txtartest.WriteFile(t, filepath.Join(site, filepath.FromSlash(name)), []byte(text))
	}
	lint := func(l *problem.List) []string {
		var out []string
		for _, p := range l.Sorted() {
			if strings.Contains(p.Message, "citizen ID") {
				out = append(out, p.String())
			}
		}
		return out
	}
	var alone problem.List
	personaldata.Lint(datafiles.New(site), personaldata.Consented{}, &alone)

	data := datafiles.New(site)
	reads := map[string]int{}
	data.CountReads(func(name string) ([]byte, error) {
		rel, _ := filepath.Rel(site, name)
		reads[filepath.ToSlash(rel)]++
		return os.ReadFile(name)
	})
	var l problem.List
	contacts.Load(site, data.ReadFile, &l)
	dataset.Load(site, data.ReadFile, &l)
	personaldata.Lint(data, personaldata.Consented{}, &l)

	for name := range files {
		want := 1
		if strings.HasPrefix(name, "content/") {
			want = 0
		}
		if reads[name] != want {
			t.Errorf("%s read %d times, want %d", name, reads[name], want)
		}
	}
	if got, want := lint(&l), lint(&alone); strings.Join(got, "\n") != strings.Join(want, "\n") || len(want) != 7 {
		t.Errorf("lint after the loaders:\n%s\nlint alone (7 problems):\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if data.Kept() != 0 {
		t.Errorf("%d files still kept after the lint", data.Kept())
	}
}

// TestSizeLimits: a CSV file may hold limits.CSVBytes, any other file of
// data/ limits.DataFileBytes; a larger one is an error the loaders report
// with its size, before it is read.
func TestSizeLimits(t *testing.T) {
	site := t.TempDir()
	big := make([]byte, limits.DataFileBytes+1)
	txtartest.WriteFile(t, filepath.Join(site, "data", "danh-ba.toml"), big)
	txtartest.WriteFile(t, filepath.Join(site, "data", "ho-so.csv"), big)
	data := datafiles.New(site)
	if _, err := data.ReadFile(filepath.Join(site, "data", "ho-so.csv")); err != nil {
		t.Errorf("a CSV within its limit: %v", err)
	}
	var l problem.List
	contacts.Load(site, data.ReadFile, &l)
	if got, want := l.Lines(), []string{"data/danh-ba.toml: the file is 8.1 MiB: at most 8 MiB"}; !slices.Equal(got, want) {
		t.Errorf("problems %q, want %q", got, want)
	}
}
