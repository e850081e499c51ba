// Package dataset reads the CSV files of a site's data/ folder into typed
// tables. Each data/<name>.csv has a description beside it,
// data/<name>.toml, that gives every column a type, a Vietnamese label and a
// unit, declares the rates congkhai computes from counts, the totals it
// checks and the charts drawn from the file (see Description; package chart
// checks and draws the charts).
//
// An empty cell is a missing value, never zero. Every problem names the
// file, the line, the column and the value, in words an editor can act on:
//
//	data/ho-so-thang.csv:14:37: resolved_late: "12a" is not a whole number
package dataset

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/congkhai/congkhai/internal/chart/spec"
	"github.com/congkhai/congkhai/internal/problem"
	"github.com/congkhai/congkhai/internal/rawfile"
	"github.com/congkhai/congkhai/internal/tomlfile"
)

// Folder is the folder of a site that holds the CSV files.
const Folder = "data"

// LateDossiersFile is the CSV file of late dossiers, one row each, which
// package late reads and Load leaves out: its rows are never published as
// a dataset is.
const LateDossiersFile = Folder + "/ho-so-tre-han.csv"

// Dataset is one CSV file with its description, typed.
type Dataset struct {
	Name        string // the base name: ho-so-thang
	CSVFile     string // data/ho-so-thang.csv, relative to the site folder
	DescFile    string // data/ho-so-thang.toml
	Title       string
	Description string
	Source      string
	SourceURL   string
	Updated     time.Time
	Fictional   bool
	Delimiter   byte // ',' or ';' as found in the file
	DecimalMark byte // '.' or ','

	// Columns holds the CSV columns in header order, then the computed
	// rates; Column.Index is a column's position in Row.Values.
	Columns        []*Column
	Key            []*Column
	UnitColumn     *Column // nil when the description names none
	UnitNameColumn *Column
	Totals         []Total
	Rows           []Row
	// Charts are the [[charts]] of the description as written: package
	// chart checks them against the columns and draws them.
	Charts []spec.Chart

	doc *tomlfile.Doc
}

// Column is a typed column, read from the CSV or computed.
type Column struct {
	Name     string
	Type     Type
	Label    string
	Unit     string
	Decimals int // decimals to show; -1: as written in each cell
	Max      *float64
	Required bool
	Index    int
	Formula  *Formula // the rate's formula for a computed column; nil otherwise

	path string // its table in the description, such as columns[3]
}

// Formula is the one formula for rates: sum(Numerator) / sum(Denominator)
// × 100. The rate is missing when an input is missing or the denominator
// is 0.
type Formula struct {
	Numerator   []*Column
	Denominator []*Column
}

// Total says that Parts add up to Total on every row, within Tolerance.
type Total struct {
	Total     *Column
	Parts     []*Column
	Tolerance float64
}

// Row is one row of data: a value for every column.
type Row struct {
	Line   int // the line of the CSV it starts on
	Values []Value
}

// Column returns the column called name, or nil.
func (ds *Dataset) Column(name string) *Column {
	for _, c := range ds.Columns {
		if c != nil && c.Name == name {
			return c
		}
	}
	return nil
}

// Parse builds a dataset from the bytes of a CSV file and its description.
// csvFile and descFile are the names shown in problems (data/x.csv and
// data/x.toml). It records every problem and returns nil when there was an
// error.
func Parse(csvFile string, csvSrc []byte, descFile string, descSrc []byte, problems *problem.List) *Dataset {
	local := &problem.List{}
	defer problems.Merge(local)

	t, _ := ReadCSV(csvFile, csvSrc, local)
	d, doc := decodeDescription(descFile, descSrc, local)
	if t == nil || d == nil {
		return nil
	}
	ds := &Dataset{
		Name:        strings.TrimSuffix(pathBase(csvFile), pathExt(csvFile)),
		CSVFile:     csvFile,
		DescFile:    descFile,
		Title:       d.Title,
		Description: d.Description,
		Source:      d.Source,
		SourceURL:   d.SourceURL,
		Updated:     d.Updated.Time(),
		Fictional:   d.Fictional,
		Delimiter:   t.Delimiter,
		Charts:      d.Charts,
		doc:         doc,
	}
	before := local.Errors()
	ds.schema(d, t, local)
	if local.Errors() > before {
		return nil
	}
	// Rows that could be read are typed and checked even when others could
	// not (a ragged row, say), so that one build reports every problem.
	ds.typeRows(t, local)
	ds.checkTotals(local)
	ds.checkKey(local)
	if local.Errors() > 0 {
		return nil
	}
	return ds
}

// Load reads every data/*.csv of the site folder siteDir with its
// description data/<name>.toml, records every problem, and returns the
// datasets without errors, ordered by name. A data/*.toml without its CSV is reported when it looks
// like a description (it has [[columns]]); other TOML files in data/ belong
// to other parts of the site. The files are read with readFile:
// os.ReadFile, or a reader that keeps their bytes for other checks of
// data/ (datafiles.Folder.ReadFile).
// LateDossiersFile, which package late reads (its rows are never
// published), is not a dataset and is left out.
func Load(siteDir string, readFile func(name string) ([]byte, error), problems *problem.List) []*Dataset {
	dir := filepath.Join(siteDir, Folder)
	entries, err := os.ReadDir(dir)
	if err != nil {
		if !os.IsNotExist(err) {
			problems.Errorf(Folder, 0, "", "cannot read the folder: %v", err)
		}
		return nil
	}
	csvs := map[string]string{}  // base name → file name
	tomls := map[string]string{} // base name → file name
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		name := e.Name()
		if Folder+"/"+name == LateDossiersFile {
			continue
		}
		ext := filepath.Ext(name)
		base := strings.TrimSuffix(name, ext)
		switch strings.ToLower(ext) {
		case ".csv":
			csvs[base] = name
		case ".toml":
			tomls[base] = name
		}
	}
	var sets []*Dataset
	for _, base := range slices.Sorted(maps.Keys(csvs)) {
		csvFile := Folder + "/" + csvs[base]
		descName, ok := tomls[base]
		if !ok {
			problems.Errorf(csvFile, 0, "", "no description: create %s/%s.toml beside it with title, source, updated and a [[columns]] table (name, type, label) for each column", Folder, base)
			continue
		}
		csvSrc, err1 := readFile(filepath.Join(dir, csvs[base]))
		descSrc, err2 := readFile(filepath.Join(dir, descName))
		if err1 != nil {
			problems.Errorf(csvFile, 0, "", "%s", rawfile.ReadProblem(err1))
		}
		if err2 != nil {
			problems.Errorf(Folder+"/"+descName, 0, "", "%s", rawfile.ReadProblem(err2))
		}
		if err1 != nil || err2 != nil {
			continue
		}
		if ds := Parse(csvFile, csvSrc, Folder+"/"+descName, descSrc, problems); ds != nil {
			sets = append(sets, ds)
		}
	}
	for _, base := range slices.Sorted(maps.Keys(tomls)) {
		if _, ok := csvs[base]; ok {
			continue
		}
		src, err := readFile(filepath.Join(dir, tomls[base]))
		if err == nil && looksLikeDescription.Match(src) {
			problems.Errorf(Folder+"/"+tomls[base], 0, "", "describes a CSV file, but %s/%s.csv does not exist: add the CSV beside it, or remove this file", Folder, base)
		}
	}
	return sets
}

// looksLikeDescription finds the [[columns]] table of a description.
var looksLikeDescription = regexp.MustCompile(`(?m)^[ \t]*(\[\[[ \t]*columns[ \t]*\]\]|columns[ \t]*=)`)

func pathBase(p string) string {
	if i := strings.LastIndexByte(p, '/'); i >= 0 {
		return p[i+1:]
	}
	return p
}

func pathExt(p string) string {
	b := pathBase(p)
	if i := strings.LastIndexByte(b, '.'); i >= 0 {
		return b[i:]
	}
	return ""
}

// Line returns the line of a field of the description, such as
// charts[1].bars[0], for problems found after loading.
func (ds *Dataset) Line(path string) int { return ds.doc.Line(path) }

// Errorf records an error about the field at path of the description.
func (ds *Dataset) Errorf(problems *problem.List, path, format string, args ...any) {
	ds.doc.Errorf(problems, path, format, args...)
}

// String names the dataset in messages.
func (ds *Dataset) String() string { return fmt.Sprintf("%s (%s)", ds.Name, ds.CSVFile) }
