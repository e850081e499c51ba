package opendata

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/congkhai/congkhai/internal/dataset"
	"github.com/congkhai/congkhai/internal/problem"
)

// exampleDatasets are the example portal's data/*.csv.
func exampleDatasets(t *testing.T) []*dataset.Dataset {
	t.Helper()
	var problems problem.List
	sets := dataset.Load(filepath.Join("..", ".."), os.ReadFile, &problems)
	if problems.Errors() > 0 || len(sets) < 4 {
		t.Fatalf("%d datasets: %v", len(sets), problems.Err())
	}
	return sets
}

// TestDatasetExports: every example dataset's JSON matches the schema made
// from its columns, and its CSV and JSON hold every row with the computed
// rates as columns.
func TestDatasetExports(t *testing.T) {
	for _, ds := range exampleDatasets(t) {
		t.Run(ds.Name, func(t *testing.T) {
			out, err := DatasetJSON(ds, meta())
			if err != nil {
				t.Fatal(err)
			}
			schema, err := DatasetSchema(ds)
			if err != nil {
				t.Fatal(err)
			}
			validate(t, ds.Name, schema, out)
			var doc struct {
				Rows []map[string]any `json:"rows"`
			}
			if err := json.Unmarshal(out, &doc); err != nil {
				t.Fatal(err)
			}
			c, err := DatasetCSV(ds)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(string(c), bom) {
				t.Error("no byte order mark")
			}
			rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(c), bom))).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != len(ds.Rows)+1 || len(doc.Rows) != len(ds.Rows) {
				t.Fatalf("CSV %d rows, JSON %d, want %d", len(rows)-1, len(doc.Rows), len(ds.Rows))
			}
			for i, col := range columns(ds) {
				if rows[0][i] != col.Name {
					t.Errorf("column %d is %q, want %q", i, rows[0][i], col.Name)
				}
			}
		})
	}
}

// TestDatasetComputedRates: the on-time rate of ho-so-thang is a column of
// both exports, with the value the dashboard shows (1675 + 204 of 1886).
func TestDatasetComputedRates(t *testing.T) {
	var ds *dataset.Dataset
	for _, d := range exampleDatasets(t) {
		if d.Name == "ho-so-thang" {
			ds = d
		}
	}
	c, _ := DatasetCSV(ds)
	lines := strings.Split(string(c), "\r\n")
	if !strings.HasSuffix(lines[0], ",on_time_rate,online_rate") {
		t.Errorf("header %q does not end with the computed rates", lines[0])
	}
	if want := "2024-11,so-tu-phap,Sở Tư pháp,tinh,108,1883,1563,1675,204,7,104,1,7,99.63,83.01"; lines[1] != want {
		t.Errorf("first row %q, want %q", lines[1], want)
	}
	j, _ := DatasetJSON(ds, meta())
	if !strings.Contains(string(j), `"on_time_rate":99.63,"online_rate":83.01}`) {
		t.Errorf("the JSON lacks the computed rates of the first row")
	}
}

// TestDatasetMissingIsNull: an empty cell is empty in the CSV and null in
// the JSON, never 0, and a negative number stays a number.
func TestDatasetMissingIsNull(t *testing.T) {
	var problems problem.List
	ds := dataset.Parse("data/x.csv", []byte("period;a;b;note\n2026-10;1;;=cmd\n2026-11;-2;3,5;ok\n"), "data/x.toml", []byte(`title = "X"
source = "S"
updated = 2026-11-05
[[columns]]
name = "period"
type = "month"
label = "Tháng"
[[columns]]
name = "a"
type = "integer"
label = "A"
[[columns]]
name = "b"
type = "decimal"
label = "B"
[[columns]]
name = "note"
type = "text"
label = "Ghi chú"
`), &problems)
	if ds == nil {
		t.Fatal(problems.Err())
	}
	c, _ := DatasetCSV(ds)
	if want := bom + "period,a,b,note\r\n2026-10,1,,'=cmd\r\n2026-11,-2,3.5,ok\r\n"; string(c) != want {
		t.Errorf("CSV %q, want %q", c, want)
	}
	j, _ := DatasetJSON(ds, meta())
	if !strings.Contains(string(j), `{"period":"2026-10","a":1,"b":null,"note":"=cmd"}`) || !strings.Contains(string(j), `"a":-2,"b":3.5`) {
		t.Errorf("JSON rows:\n%s", j)
	}
	schema, _ := DatasetSchema(ds)
	validate(t, "x", schema, j)
}
