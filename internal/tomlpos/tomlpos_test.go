package tomlpos

import (
	"slices"
	"strings"
	"testing"
)

// procedureDoc is the front matter of a procedure file. The line numbers
// asserted in the tests are written next to the lines here.
const procedureDoc = `code = "1.001193"
title = "Thủ tục đăng ký khai sinh"  # comment with = and [x]
level = ["xa",
  "tinh"]
legal_basis = [
  { number = "60/2014/QH13", title = "Luật Hộ tịch", issued = 2014-11-20 },
  { number = "123/2015/NĐ-CP", title = "Nghị định \"quy định\" chi tiết" },
]
note = """
multi [ line { # not a comment
"""

[[channels]]
kind = "truc_tiep"
processing_time = { unit = "trong_ngay", text = "Ngay trong ngày" }
fees = [
  { type = "le_phi", amount_vnd = 8000, text = "Miễn lệ phí..." },
  { type = "phi", amount_vnd = 8000, unit_text = "bản sao", text = "..." },
]

[[channels]]
kind = "truc_tuyen"

[[dossier]]
case = "Giấy tờ phải nộp"
documents = [
  { name = "Tờ khai", originals = 1, copies = 0, form = { title = "Tờ khai", file = "/bieu-mau/a.docx" } },
]

[jurisdiction]
name = "Ủy ban nhân dân cấp xã"
`

// procedurePaths is every path of procedureDoc with its line, in document
// order.
var procedurePaths = []struct {
	path string
	line int
}{
	{"code", 1},
	{"title", 2},
	{"level", 3},
	{"level[0]", 3},
	{"level[1]", 4},
	{"legal_basis", 5},
	{"legal_basis[0]", 6},
	{"legal_basis[0].number", 6},
	{"legal_basis[0].title", 6},
	{"legal_basis[0].issued", 6},
	{"legal_basis[1]", 7},
	{"legal_basis[1].number", 7},
	{"legal_basis[1].title", 7},
	{"note", 9},
	{"channels", 13},
	{"channels[0]", 13},
	{"channels[0].kind", 14},
	{"channels[0].processing_time", 15},
	{"channels[0].processing_time.unit", 15},
	{"channels[0].processing_time.text", 15},
	{"channels[0].fees", 16},
	{"channels[0].fees[0]", 17},
	{"channels[0].fees[0].type", 17},
	{"channels[0].fees[0].amount_vnd", 17},
	{"channels[0].fees[0].text", 17},
	{"channels[0].fees[1]", 18},
	{"channels[0].fees[1].type", 18},
	{"channels[0].fees[1].amount_vnd", 18},
	{"channels[0].fees[1].unit_text", 18},
	{"channels[0].fees[1].text", 18},
	{"channels[1]", 21},
	{"channels[1].kind", 22},
	{"dossier", 24},
	{"dossier[0]", 24},
	{"dossier[0].case", 25},
	{"dossier[0].documents", 26},
	{"dossier[0].documents[0]", 27},
	{"dossier[0].documents[0].name", 27},
	{"dossier[0].documents[0].originals", 27},
	{"dossier[0].documents[0].copies", 27},
	{"dossier[0].documents[0].form", 27},
	{"dossier[0].documents[0].form.title", 27},
	{"dossier[0].documents[0].form.file", 27},
	{"jurisdiction", 30},
	{"jurisdiction.name", 31},
}

func TestProcedureDocLines(t *testing.T) {
	ix := Scan([]byte(procedureDoc))
	var want []string
	for _, tc := range procedurePaths {
		want = append(want, tc.path)
		p, ok := ix.Lookup(tc.path)
		if !ok {
			t.Errorf("Lookup(%q): not found", tc.path)
			continue
		}
		if p.Line != tc.line {
			t.Errorf("Lookup(%q).Line = %d, want %d", tc.path, p.Line, tc.line)
		}
	}
	if got := ix.Paths(); !slices.Equal(got, want) {
		t.Errorf("Paths() =\n%q\nwant\n%q", got, want)
	}
}

// TestColumns checks that every position points at the text it is said to
// point at, using the byte column.
func TestColumns(t *testing.T) {
	ix := Scan([]byte(procedureDoc))
	lines := strings.Split(procedureDoc, "\n")
	tests := []struct {
		path string
		at   string // text expected at the position
	}{
		{"code", `code =`},
		{"level[0]", `"xa"`},
		{"level[1]", `"tinh"`},
		{"legal_basis[0]", `{ number = "60/`},
		{"legal_basis[1].title", `title = "Nghị`},
		{"channels", `[[channels]]`},
		{"channels[1]", `[[channels]]`},
		{"channels[0].processing_time.unit", `unit =`},
		{"channels[0].processing_time.text", `text = "Ngay`},
		{"channels[0].fees[1].unit_text", `unit_text =`},
		{"dossier[0].documents[0].form", `form = {`},
		{"dossier[0].documents[0].form.file", `file = "/bieu`},
		{"jurisdiction", `[jurisdiction]`},
	}
	for _, tc := range tests {
		p, ok := ix.Lookup(tc.path)
		if !ok {
			t.Errorf("Lookup(%q): not found", tc.path)
			continue
		}
		if got := lines[p.Line-1][p.Col-1:]; !strings.HasPrefix(got, tc.at) {
			t.Errorf("Lookup(%q) = %v, pointing at %q, want %q", tc.path, p, got, tc.at)
		}
	}
	if p, _ := ix.Lookup("channels[0].processing_time.unit"); p != (Pos{15, 21}) {
		t.Errorf("processing_time.unit at %v, want {15 21}", p)
	}
}

func TestCRLF(t *testing.T) {
	lf := Scan([]byte(procedureDoc))
	crlf := Scan([]byte(strings.ReplaceAll(procedureDoc, "\n", "\r\n")))
	if !slices.Equal(lf.Paths(), crlf.Paths()) {
		t.Fatalf("paths differ with CRLF:\n%q\n%q", lf.Paths(), crlf.Paths())
	}
	for _, path := range lf.Paths() {
		want, _ := lf.Lookup(path)
		if got, _ := crlf.Lookup(path); got != want {
			t.Errorf("CRLF Lookup(%q) = %v, want %v", path, got, want)
		}
	}
}

// lineCase is a document and the expected line of some of its paths
// (0 meaning the path must not be recorded).
type lineCase struct {
	name  string
	doc   string
	lines map[string]int
}

const peopleDoc = `[[people]]
name = "A"
[[people.phones]]
number = "1"

[[people]]
name = "B"
[people.address]
city = "X"
[[people.phones]]
number = "2"
[[people.phones]]
number = "3"

[[people]]
[[people.phones]]
number = "4"
[people.phones.owner]
name = "C"
`

const dottedDoc = `[server]
a.b.c = 1
a . d = 2
"quoted key".'x.y' = 3
inline = { p.q = 4, "r s" = 5 }

[x.y.z]
w = 6
`

const quotedDoc = `"a b" = 1
'x.y' = 2
"esc\"aped" = 3
"caf\u00e9" = 4
'C:\path' = 5
"" = 6
"\\" = 7
`

const stringsDoc = `path = 'C:\Users\'
next = 1
ml = '''
C:\dir\'
'''
after = 2
regex = '''I [dw]on't need \d{2} apples'''
five = '''a'''''
last = 3
esc = "a\\"
b1 = """a \""" # [ { b"""
b2 = """
x = 1 \
  [[not.a.table]]
"""""
b3 = "no \"end
b4 = 4
`

const arraysDoc = `nested = [[1, 2], [3, [4]]]
arr = [ # first
  1, # one
  # lone comment, with [brackets] and "quotes
  2,
  [
    'x',
  ],
]
dates = [1979-05-27 07:32:00Z, 1979-05-28]
tables = [
  {a = 1},
  {b = [{c = 1}]},
]
empty = []
end = 1
`

const inlineDoc = `t = {
  a = 1, # comment
  b = [
    2,
  ],
  c = { d = """
  } """ },
}
u = 2
`

const dupDoc = `a = 1
a = 2
[t]
x = 1
[t]
x = 2
`

// emptyKeysDoc uses the empty key "", which must not be confused with the
// document root.
const emptyKeysDoc = `"" = { "" = 0, a = 1 }
[t]
"" = 2
`

const bomDoc = "\uFEFFcode = 1\nnext = 2\n"

var lineCases = []lineCase{
	{"array tables", peopleDoc, map[string]int{
		"people":                         1,
		"people[0]":                      1,
		"people[0].name":                 2,
		"people[0].phones":               3,
		"people[0].phones[0]":            3,
		"people[0].phones[0].number":     4,
		"people[1]":                      6,
		"people[1].name":                 7,
		"people[1].address":              8,
		"people[1].address.city":         9,
		"people[1].phones":               10,
		"people[1].phones[0]":            10,
		"people[1].phones[0].number":     11,
		"people[1].phones[1]":            12,
		"people[1].phones[1].number":     13,
		"people[2]":                      15,
		"people[2].phones[0]":            16,
		"people[2].phones[0].number":     17,
		"people[2].phones[0].owner":      18,
		"people[2].phones[0].owner.name": 19,
		"people.name":                    0,
		"people[3]":                      0,
		"people.address":                 0,
	}},
	{"dotted keys", dottedDoc, map[string]int{
		"server":                    1,
		"server.a":                  2,
		"server.a.b":                2,
		"server.a.b.c":              2,
		"server.a.d":                3,
		"server.quoted key":         4,
		"server.quoted key.x.y":     4,
		"server.inline":             5,
		"server.inline.p":           5,
		"server.inline.p.q":         5,
		"server.inline.r s":         5,
		"x":                         7,
		"x.y":                       7,
		"x.y.z":                     7,
		"x.y.z.w":                   8,
		"server.a.b.c.d":            0,
		`server."quoted key"`:       0,
		"server.quoted key.'x.y'":   0,
		"server.inline.p.q.r s":     0,
		"server.inline.p.q.\"r s\"": 0,
	}},
	{"quoted keys", quotedDoc, map[string]int{
		"a b":      1,
		"x.y":      2,
		`esc"aped`: 3,
		"café":     4,
		`C:\path`:  5,
		"":         6,
		`\`:        7,
	}},
	{"strings", stringsDoc, map[string]int{
		"path":  1,
		"next":  2,
		"ml":    3,
		"after": 6,
		"regex": 7,
		"five":  8,
		"last":  9,
		"esc":   10,
		"b1":    11,
		"b2":    12,
		"b3":    16,
		"b4":    17,
		"x":     0,
		"not":   0,
	}},
	{"arrays", arraysDoc, map[string]int{
		"nested":           1,
		"nested[0]":        1,
		"nested[0][0]":     1,
		"nested[0][1]":     1,
		"nested[1]":        1,
		"nested[1][0]":     1,
		"nested[1][1]":     1,
		"nested[1][1][0]":  1,
		"nested[2]":        0,
		"arr":              2,
		"arr[0]":           3,
		"arr[1]":           5,
		"arr[2]":           6,
		"arr[2][0]":        7,
		"arr[3]":           0,
		"dates":            10,
		"dates[0]":         10,
		"dates[1]":         10,
		"dates[2]":         0,
		"tables[0]":        12,
		"tables[0].a":      12,
		"tables[1].b":      13,
		"tables[1].b[0].c": 13,
		"empty":            15,
		"empty[0]":         0,
		"end":              16,
	}},
	{"multi-line inline table", inlineDoc, map[string]int{
		"t":      1,
		"t.a":    2,
		"t.b":    3,
		"t.b[0]": 4,
		"t.c":    6,
		"t.c.d":  6,
		"u":      9,
	}},
	{"first definition wins", dupDoc, map[string]int{
		"a":   1,
		"t":   3,
		"t.x": 4,
	}},
	{"empty keys", emptyKeysDoc, map[string]int{
		"":   1,
		".":  1,
		".a": 1,
		"a":  0,
		"t":  2,
		"t.": 3,
	}},
	{"byte order mark", bomDoc, map[string]int{
		"code": 1,
		"next": 2,
	}},
	{"UTF-16 byte order mark", "\xFF\xFEcode = 1\n", map[string]int{
		"code":         1,
		"\xFF\xFEcode": 0,
	}},
}

func TestLines(t *testing.T) {
	for _, tc := range lineCases {
		t.Run(tc.name, func(t *testing.T) {
			ix := Scan([]byte(tc.doc))
			for path, line := range tc.lines {
				p, ok := ix.Lookup(path)
				switch {
				case line == 0 && ok:
					t.Errorf("Lookup(%q) = %v, want not found", path, p)
				case line != 0 && !ok:
					t.Errorf("Lookup(%q): not found, want line %d", path, line)
				case line != 0 && p.Line != line:
					t.Errorf("Lookup(%q).Line = %d, want %d", path, p.Line, line)
				}
			}
			if t.Failed() {
				t.Logf("paths: %q", ix.Paths())
			}
		})
	}
}

func TestBOMColumn(t *testing.T) {
	// The column counts bytes, so the mark shifts the first line.
	if p, _ := Scan([]byte(bomDoc)).Lookup("code"); p != (Pos{1, 4}) {
		t.Errorf("code at %v, want {1 4}", p)
	}
}

func TestNearest(t *testing.T) {
	ix := Scan([]byte(procedureDoc))
	tests := []struct {
		path string
		want Pos
		ok   bool
	}{
		{"code", Pos{1, 1}, true},
		{"channels[1].fees[0].text", Pos{21, 1}, true},
		{"channels[1].processing_time", Pos{21, 1}, true},
		{"channels[0].processing_time.missing", Pos{15, 1}, true},
		{"channels[0].fees[5].text", Pos{16, 1}, true},
		{"channels[7]", Pos{13, 1}, true},
		{"dossier[0].documents[0].form.missing", Pos{27, 52}, true},
		{"jurisdiction.code", Pos{30, 1}, true},
		{"missing", Pos{}, false},
		{"missing.deeper[3]", Pos{}, false},
		{"", Pos{}, false},
		{"[0]", Pos{}, false},
		{".", Pos{}, false},
	}
	for _, tc := range tests {
		got, ok := ix.Nearest(tc.path)
		if got != tc.want || ok != tc.ok {
			t.Errorf("Nearest(%q) = %v, %v; want %v, %v", tc.path, got, ok, tc.want, tc.ok)
		}
	}
}

func TestMatching(t *testing.T) {
	ix := Scan([]byte(procedureDoc + "\n" + peopleDoc))
	tests := []struct {
		key  string
		want []string
	}{
		{"channels.kind", []string{"channels[0].kind", "channels[1].kind"}},
		{"channels.fees.unit_text", []string{"channels[0].fees[1].unit_text"}},
		{"legal_basis.title", []string{"legal_basis[0].title", "legal_basis[1].title"}},
		// An array and its elements share the stripped form; the array
		// itself comes first.
		{"level", []string{"level", "level[0]", "level[1]"}},
		{"people.phones.number", []string{
			"people[0].phones[0].number",
			"people[1].phones[0].number",
			"people[1].phones[1].number",
			"people[2].phones[0].number",
		}},
		{"jurisdiction.name", []string{"jurisdiction.name"}},
		{"channels.missing", nil},
	}
	for _, tc := range tests {
		if got := ix.Matching(tc.key); !slices.Equal(got, tc.want) {
			t.Errorf("Matching(%q) = %q, want %q", tc.key, got, tc.want)
		}
	}
}

func TestStripIndices(t *testing.T) {
	tests := []struct{ in, want string }{
		{"channels[1].fees[0].text", "channels.fees.text"},
		{"code", "code"},
		{"a[0][12]", "a"},
		{"people[2].phones[0].number", "people.phones.number"},
		{"a[b].c", "a[b].c"},
		{"a[].c", "a[].c"},
		{"a[1", "a[1"},
		{"a[", "a["},
		{"", ""},
	}
	for _, tc := range tests {
		if got := StripIndices(tc.in); got != tc.want {
			t.Errorf("StripIndices(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestPathsIsACopy(t *testing.T) {
	ix := Scan([]byte("a = 1\nb = 2\n"))
	ix.Paths()[0] = "changed"
	if got := ix.Paths(); !slices.Equal(got, []string{"a", "b"}) {
		t.Errorf("Paths() = %q after modifying a previous result", got)
	}
}

// malformedDocs are invalid inputs that must be scanned without panicking,
// in reasonable time.
var malformedDocs = []string{
	"",
	"=",
	"[",
	"[[",
	"[[a]",
	"[a",
	"a = [",
	"a = {",
	"a = \"",
	"a = '",
	"a = \"\"\"",
	"a = '''",
	"a = \"\\",
	"a = [1 2 } = ]",
	"a = { = , b }",
	"\"unterminated = 1\nb = 2",
	"a.\n= 1",
	"a = 1\x00\xff\xfe = 2",
	"[\"a\nb\"]",
	"\r\r\r",
	"a = [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]",
}

func TestMalformed(t *testing.T) {
	for _, doc := range malformedDocs {
		checkIndex(t, []byte(doc))
	}
}

// TestLargeInputs guards against quadratic behaviour: each input would take
// far longer than the test timeout if the scanner were quadratic in it.
func TestLargeInputs(t *testing.T) {
	const n = 1 << 18
	docs := map[string]string{
		"deep arrays":        "a = " + strings.Repeat("[", n),
		"deep inline tables": "a = " + strings.Repeat("{b=", n/3),
		"deep then valid":    "a = " + strings.Repeat("[", n) + strings.Repeat("]", n) + "\nb = 1\n",
		"long header":        "[" + strings.Repeat("k", n) + "]\n" + strings.Repeat("x = 1\n", n/6),
		"long dotted key":    strings.Repeat("k.", n/2) + "k = 1\n",
		"many dotted keys":   strings.Repeat(strings.Repeat("a.", 200)+"b = 1\n", n/400),
		"many headers":       strings.Repeat("[[a.b]]\n", n/8),
		"unterminated":       "a = \"\"\"" + strings.Repeat("x\\\n", n/3),
		"many elements":      "a = [" + strings.Repeat("1,", n/2) + "]",
	}
	for name, doc := range docs {
		t.Run(name, func(t *testing.T) {
			checkIndex(t, []byte(doc))
		})
	}
	ix := Scan([]byte(docs["deep then valid"]))
	if p, ok := ix.Lookup("b"); !ok || p.Line != 2 {
		t.Errorf("after deep nesting: Lookup(b) = %v, %v; want line 2", p, ok)
	}
	if _, ok := ix.Lookup("a" + strings.Repeat("[0]", maxDepth-1)); !ok {
		t.Errorf("nesting up to maxDepth is not recorded")
	}
}
