package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/congkhai/congkhai"
	"github.com/congkhai/congkhai/internal/txtartest"
)

// TestEChartsSources: a site with charts serves the ECharts of its
// static/js/, else of its node_modules, else the one built into the
// program, published under its hashed name; the static/ copy is not also
// published under its own. Without any, the build fails saying how to get
// one.
func TestEChartsSources(t *testing.T) {
	const (
		own      = "/* the site's own copy in static/js */"
		npm      = "/* the copy npm installed */"
		builtin  = "/* the copy built into congkhai */"
		ownFile  = "static/js/echarts.common.min.js"
		npmFile  = "node_modules/echarts/dist/echarts.common.min.js"
		notFound = "node_modules/echarts/dist/echarts.common.min.js: not found: the charts in data/ need ECharts"
	)
	for _, tc := range []struct {
		name    string
		files   map[string]string // written into the site
		builtin string            // Options.ECharts
		want    string            // the file published, "" for a failed build
	}{
		{"static over node_modules and built-in", map[string]string{ownFile: own, npmFile: npm}, builtin, own},
		{"node_modules over built-in", map[string]string{npmFile: npm}, builtin, npm},
		{"built-in alone", nil, builtin, builtin},
		{"none", nil, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fx := txtartest.Unpack(t, filepath.Join("testdata", "build", "charts.txtar"))
			site := fx.Dir
			if err := os.RemoveAll(filepath.Join(site, "node_modules")); err != nil {
				t.Fatal(err)
			}
			for name, text := range tc.files {
				txtartest.WriteFile(t, filepath.Join(site, filepath.FromSlash(name)), []byte(text))
			}
			opts := Options{Source: site, Theme: congkhai.Theme}
			if tc.builtin != "" {
				opts.ECharts = []byte(tc.builtin)
			}
			res, err := Run(opts)
			if tc.want == "" {
				if err == nil || !strings.Contains(problemLines(res), notFound) {
					t.Fatalf("build without ECharts: %v\n%s", err, problemLines(res))
				}
				return
			}
			if err != nil {
				t.Fatalf("%v\n%s", err, problemLines(res))
			}
			public := filepath.Join(site, "public")
			published := echartsPath([]byte(tc.want))
			if got := readFile(t, public, published); got != tc.want {
				t.Errorf("%s holds %q, want %q", published, got, tc.want)
			}
			if page := readFile(t, public, "ket-qua-phuc-vu/index.html"); !strings.Contains(page, `src="/portal`+published+`"`) {
				t.Errorf("the dashboard does not load %s", published)
			}
			if _, err := os.Stat(filepath.Join(public, "js", "echarts.common.min.js")); err == nil {
				t.Errorf("the static/ copy is also published under its own name")
			}
		})
	}
}

// TestEChartsStaticWithoutCharts: a site without charts publishes its
// static/js/echarts.common.min.js as any other static file.
func TestEChartsStaticWithoutCharts(t *testing.T) {
	site := newSite(t)
	txtartest.WriteFile(t, filepath.Join(site, "static", "js", "echarts.common.min.js"), []byte("/* x */"))
	if res, err := Run(Options{Source: site, Theme: congkhai.Theme, ECharts: []byte("/* built in */")}); err != nil {
		t.Fatalf("%v\n%s", err, problemLines(res))
	}
	if got := readFile(t, filepath.Join(site, "public"), "js/echarts.common.min.js"); got != "/* x */" {
		t.Errorf("static file = %q", got)
	}
	if m, _ := filepath.Glob(filepath.Join(site, "public", "js", "echarts.*.js")); len(m) != 1 {
		t.Errorf("published %v, want the static file alone", m)
	}
}

// TestEChartsChangesTheFingerprint: another built-in ECharts (a new
// program) is not "up to date" with the last build.
func TestEChartsChangesTheFingerprint(t *testing.T) {
	site := txtartest.Unpack(t, filepath.Join("testdata", "build", "charts.txtar")).Dir
	if err := os.RemoveAll(filepath.Join(site, "node_modules")); err != nil {
		t.Fatal(err)
	}
	for i, src := range []string{"/* one */", "/* two */"} {
		res, err := Run(Options{Source: site, Theme: congkhai.Theme, ECharts: []byte(src)})
		if err != nil {
			t.Fatalf("%v\n%s", err, problemLines(res))
		}
		if res.UpToDate {
			t.Fatalf("build %d with another built-in ECharts was up to date", i+1)
		}
		if got := readFile(t, filepath.Join(site, "public"), echartsPath([]byte(src))); got != src {
			t.Errorf("published %q, want %q", got, src)
		}
	}
}
