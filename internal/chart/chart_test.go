package chart

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/congkhai/congkhai/internal/chart/spec"
	"github.com/congkhai/congkhai/internal/dataset"
	"github.com/congkhai/congkhai/internal/problem"
)

var update = flag.Bool("update", false, "rewrite testdata/golden/*.json with the charts built now, and the @problems of testdata/load/*.txtar")

// load reads the data/ folder of a test site and its charts, failing on
// any problem.
func load(t testing.TB, site string) *Set {
	t.Helper()
	var pl problem.List
	s := Load(dataset.Load(site, os.ReadFile, &pl), &pl)
	s.CheckNames(&pl)
	if pl.Len() > 0 {
		t.Fatalf("problems:\n%v", pl.Err())
	}
	return s
}

// draw draws the chart of s called name for the page at path page.
func draw(s *Set, page, name string) (*Chart, error) {
	c, ok := s.Find(name)
	if !ok {
		return nil, fmt.Errorf("no chart is called %q", name)
	}
	return New(page, c, vi)
}

// examples loads the portal's example datasets: from the dataset
// package's testdata, or from the example site's data/ folder once they
// have moved there.
func examples(t testing.TB) *Set {
	t.Helper()
	site := t.TempDir()
	if err := os.MkdirAll(filepath.Join(site, dataset.Folder), 0o755); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("../dataset/testdata/example/*")
	if len(files) == 0 {
		files, _ = filepath.Glob("../../data/*")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(site, dataset.Folder, filepath.Base(f)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return load(t, site)
}

// golden is what a golden file holds: everything a page shows of a chart.
type golden struct {
	ID          string
	Kind        string
	Caption     string
	Description string
	Height      string
	Renderer    string
	CSVFile     string
	Table       Table
	Option      json.RawMessage
}

// TestGolden builds every chart of testdata/site, one of each kind, and
// compares it with testdata/golden/<name>.json (go test -update rewrites
// them; review the diff).
func TestGolden(t *testing.T) {
	sets := load(t, "testdata/site")
	kinds := map[string]bool{}
	for _, sp := range sets.All() {
		t.Run(sp.Name, func(t *testing.T) {
			c, err := New("/ket-qua-phuc-vu/", sp, vi)
			if err != nil {
				t.Fatal(err)
			}
			kinds[c.Kind] = true
			got, err := json.MarshalIndent(golden{c.ID, c.Kind, c.Caption, c.Description, c.Height, c.Renderer, c.CSVFile, c.Table, c.OptionJSON}, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			file := filepath.Join("testdata", "golden", sp.Name+".json")
			if *update {
				if err := os.WriteFile(file, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(file)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from the chart built now (go test -update rewrites it):\n%s", file, got)
			}
		})
	}
	for _, k := range spec.Kinds() {
		if !kinds[k] {
			t.Errorf("no golden chart of kind %s", k)
		}
	}
}

// TestDeterminism: the same input gives the same bytes, build after build.
func TestDeterminism(t *testing.T) {
	build := func() map[string]*Chart {
		out := map[string]*Chart{}
		for _, sets := range []*Set{load(t, "testdata/site"), examples(t)} {
			for _, sp := range sets.All() {
				c, err := draw(sets, "/trang/", sp.Name)
				if err != nil {
					t.Fatal(err)
				}
				out[sp.Name] = c
			}
		}
		return out
	}
	a, b := build(), build()
	if len(a) < 15 {
		t.Fatalf("only %d charts built", len(a))
	}
	for name, ca := range a {
		if !bytes.Equal(ca.OptionJSON, b[name].OptionJSON) {
			t.Errorf("%s: the option differs between two builds", name)
		}
		if !reflect.DeepEqual(ca, b[name]) {
			t.Errorf("%s: the chart differs between two builds", name)
		}
	}
}

var jsIdentifier = regexp.MustCompile(`^[A-Za-z_$][A-Za-z0-9_$]*$`)

func TestID(t *testing.T) {
	tests := []struct{ page, name, want string }{
		{"/ket-qua-phuc-vu/", "dung-han-theo-thang", "chart_ket_qua_phuc_vu_dung_han_theo_thang"},
		{"/", "papi", "chart_papi"},
		{"", "papi", "chart_papi"},
		{"/portal/kết-quả/", "tỷ-lệ", "chart_portal_ket_qua_ty_le"},
		{"/2025/", "1-a", "chart_2025_1_a"},
		{"/a b/c.d/", "x", "chart_a_b_c_d_x"},
	}
	for _, tt := range tests {
		got := ID(tt.page, tt.name)
		if got != tt.want {
			t.Errorf("ID(%q, %q) = %q, want %q", tt.page, tt.name, got, tt.want)
		}
		if !jsIdentifier.MatchString(got) {
			t.Errorf("ID(%q, %q) = %q is not a JavaScript identifier", tt.page, tt.name, got)
		}
	}
}

// TestOption checks what every option must hold: the SVG renderer and the
// chart's ID on the Chart, no asset host or CDN, decal patterns, an aria
// description, gaps as null and lines never joined across them.
func TestOption(t *testing.T) {
	for _, sets := range []*Set{load(t, "testdata/site"), examples(t)} {
		for _, sp := range sets.All() {
			c, err := New("/p/", sp, vi)
			if err != nil {
				t.Fatal(err)
			}
			if c.Renderer != "svg" || c.ID != ID("/p/", sp.Name) || !strings.HasSuffix(c.Height, "px") || c.CSVFile != sp.Dataset.CSVFile {
				t.Errorf("%s: renderer %q, ID %q, height %q, CSV %q", sp.Name, c.Renderer, c.ID, c.Height, c.CSVFile)
			}
			js := string(c.OptionJSON)
			for _, bad := range []string{"go-echarts", "http", "cdn", "assets", "</", "<"} {
				if strings.Contains(js, bad) {
					t.Errorf("%s: the option contains %q", sp.Name, bad)
				}
			}
			var opt struct {
				Aria struct {
					Enabled bool
					Label   struct{ Description string }
					Decal   struct{ Show bool }
				}
				Color  []string
				Series []struct {
					Type         string
					ConnectNulls *bool
					Data         []json.RawMessage
				}
			}
			if err := json.Unmarshal(c.OptionJSON, &opt); err != nil {
				t.Fatalf("%s: %v", sp.Name, err)
			}
			if !opt.Aria.Enabled || !opt.Aria.Decal.Show || opt.Aria.Label.Description != c.Description || len(opt.Color) != len(Palette()) {
				t.Errorf("%s: aria %+v, colours %v", sp.Name, opt.Aria, opt.Color)
			}
			for _, s := range opt.Series {
				if s.Type == "line" && (s.ConnectNulls == nil || *s.ConnectNulls) {
					t.Errorf("%s: a line joins the gaps", sp.Name)
				}
			}
		}
	}
}

// TestInjection: a CSV cell or a label holding markup stays text. The
// option is JSON with <, > and & escaped; the caption, description and
// table are plain strings that the page's html/template escapes.
func TestInjection(t *testing.T) {
	const evil = `</script><img src=x onerror=alert(1)>`
	site := t.TempDir()
	data := filepath.Join(site, "data")
	if err := os.MkdirAll(data, 0o755); err != nil {
		t.Fatal(err)
	}
	csv := "period,unit_id,unit_name,n,m\n" +
		"2025-05,a,\"" + evil + "\",1,2\n" +
		"2025-06,a,\"" + evil + "\",3,4\n" +
		"2025-06,\"" + evil + "\",Sở B,5,6\n"
	esc := strings.ReplaceAll(evil, `"`, `\"`)
	desc := `title = "` + esc + `"
source = "` + esc + `"
updated = 2025-09-01
unit_column = "unit_id"
unit_name_column = "unit_name"
[[columns]]
name = "period"
type = "month"
label = "` + esc + `"
[[columns]]
name = "unit_id"
type = "text"
label = "Mã"
[[columns]]
name = "unit_name"
type = "text"
label = "Đơn vị"
[[columns]]
name = "n"
type = "integer"
label = "` + esc + `"
unit = "` + esc + `"
[[columns]]
name = "m"
type = "integer"
label = "M"
[[computed]]
name = "r"
label = "` + esc + ` {a} {b|x}"
numerator = ["n"]
denominator = ["m"]
[[charts]]
name = "line"
title = "` + esc + `"
kind = "line"
x = "period"
lines = ["r"]
series_by = "unit_id"
[[charts]]
name = "rank"
title = "` + esc + `"
kind = "ranking"
x = "period"
value = "n"
[[charts]]
name = "bars"
title = "` + esc + `"
kind = "stacked_bar"
x = "period"
bars = ["n", "m"]
lines = ["r"]
sum_by_x = true
`
	for name, body := range map[string]string{"x.csv": csv, "x.toml": desc} {
		if err := os.WriteFile(filepath.Join(data, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	sets := load(t, site)
	for _, name := range []string{"line", "rank", "bars"} {
		c, err := draw(sets, "/p/", name)
		if err != nil {
			t.Fatal(err)
		}
		js := string(c.OptionJSON)
		if strings.ContainsAny(js, "<>") || strings.Contains(js, "onerror=alert(1)\u003e") {
			t.Errorf("%s: markup in the option: %s", name, js)
		}
		if !strings.Contains(js, `\u003c/script\u003e\u003cimg src=x onerror=alert(1)\u003e`) {
			t.Errorf("%s: the cell is not in the option as escaped text: %s", name, js)
		}
		// Label formatters hold only figures, never text from a cell.
		var opt struct {
			Series []struct {
				Data []json.RawMessage
			}
		}
		if err := json.Unmarshal(c.OptionJSON, &opt); err != nil {
			t.Fatal(err)
		}
		for _, s := range opt.Series {
			for _, d := range s.Data {
				var it struct {
					Label struct{ Formatter string }
				}
				if json.Unmarshal(d, &it) == nil && strings.ContainsAny(it.Label.Formatter, "{}<>") {
					t.Errorf("%s: a label formatter holds text: %q", name, it.Label.Formatter)
				}
			}
		}
		// The page writes the caption, description and table through
		// html/template; rendered, no markup of the cell survives.
		html := renderFigure(t, c)
		if strings.Contains(html, "<img") || strings.Contains(html, "</script><") {
			t.Errorf("%s: markup survived in the figure:\n%s", name, html)
		}
		if !strings.Contains(html, "&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;") {
			t.Errorf("%s: the text is not shown escaped:\n%s", name, html)
		}
	}
}
