package search

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/congkhai/congkhai/internal/contacts/phone"
	"github.com/congkhai/congkhai/internal/vntext"
)

var update = flag.Bool("update", false, "rewrite testdata/index and the answers in testdata/vectors.json")

// The shared test vectors: the Go code here and assets/js/search.js (by
// search_test.mjs, which TestJavaScript runs with node --test) must give
// every answer of testdata/vectors.json, on the index of the documents of
// testdata/docs.json that testdata/index holds.
const (
	docsFile    = "testdata/docs.json"
	vectorsFile = "testdata/vectors.json"
	indexDir    = "testdata/index"
)

// fixtureDoc is a document of testdata/docs.json: what a build hands the
// index of a page, a procedure or an entry of the directory.
type fixtureDoc struct {
	Kind        Kind     `json:"kind"`
	URL         string   `json:"url"`
	Title       string   `json:"title"`
	Sub         string   `json:"sub"`
	Code        string   `json:"code,omitempty"`
	Facets      []string `json:"facets,omitempty"`
	Keywords    []string `json:"keywords,omitempty"`
	Description string   `json:"description,omitempty"`
	Meta        []string `json:"meta,omitempty"`
	Phones      []string `json:"phones,omitempty"`
	Body        string   `json:"body"`
}

// vectors is testdata/vectors.json.
type vectors struct {
	Fold []struct {
		In   string `json:"in"`
		Want string `json:"want"`
	} `json:"fold"`
	Tokens []struct {
		In   string      `json:"in"`
		Want [][2]string `json:"want"` // fold, lower
	} `json:"tokens"`
	Queries []struct {
		In   string  `json:"in"`
		Want [][]any `json:"want"` // text, fold, prefix
	} `json:"queries"`
	Searches []searchVector `json:"searches"`
}

type searchVector struct {
	Why    string   `json:"why"`
	Q      string   `json:"q"`
	Facets []string `json:"facets,omitempty"`
	Want   []string `json:"want"` // the addresses of every result, in order
}

func readJSON(t *testing.T, name string, v any) {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

// fixtureFiles builds the index of testdata/docs.json.
func fixtureFiles(t *testing.T) []File {
	t.Helper()
	var docs []fixtureDoc
	readJSON(t, docsFile, &docs)
	list := make([]Doc, len(docs))
	for i, d := range docs {
		list[i] = Doc{Kind: d.Kind, URL: d.URL, Title: d.Title, Sub: d.Sub, Code: d.Code, Facets: d.Facets}
	}
	b, ids := NewBuilder(list)
	w := b.NewWriter()
	for i, d := range docs {
		w.Begin(ids[i])
		w.Add(Title, d.Title)
		w.Add(Description, d.Description)
		w.Add(Code, d.Code)
		for _, k := range d.Keywords {
			w.Add(Keywords, k)
		}
		for _, m := range d.Meta {
			w.Add(Meta, m)
		}
		for _, p := range d.Phones {
			n, err := phone.Parse(p)
			if err != nil {
				t.Fatalf("%s: %v", d.URL, err)
			}
			w.AddPhone(n)
		}
		w.Add(Body, d.Body)
		w.End()
	}
	return b.Files()
}

// TestIndexFiles builds the index of testdata/docs.json and compares it,
// byte for byte, with testdata/index (go test -update rewrites it): the
// files a build writes do not change from one build to the next.
func TestIndexFiles(t *testing.T) {
	files := fixtureFiles(t)
	if again := fixtureFiles(t); !slices.EqualFunc(files, again, func(a, b File) bool { return a.Name == b.Name && bytes.Equal(a.Data, b.Data) }) {
		t.Fatal("two builds of the same documents wrote different files")
	}
	if *update {
		os.RemoveAll(indexDir)
		if err := os.MkdirAll(indexDir, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if err := os.WriteFile(filepath.Join(indexDir, f.Name), f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	entries, _ := os.ReadDir(indexDir)
	var have []string
	for _, e := range entries {
		have = append(have, e.Name())
	}
	var want []string
	for _, f := range files {
		want = append(want, f.Name)
		b, err := os.ReadFile(filepath.Join(indexDir, f.Name))
		if err != nil || !bytes.Equal(b, f.Data) {
			t.Errorf("%s differs from what the index of %s is now (go test -update rewrites it)", f.Name, docsFile)
		}
	}
	if !slices.Equal(have, want) {
		t.Errorf("%s holds %v, the index is %v (go test -update rewrites it)", indexDir, have, want)
	}
}

func openDir(t *testing.T, dir string) *Index {
	t.Helper()
	ix, err := Open(func(name string) ([]byte, error) { return os.ReadFile(filepath.Join(dir, name)) })
	if err != nil {
		t.Fatal(err)
	}
	return ix
}

// urls runs a search and returns the addresses of its results.
func urls(t *testing.T, ix *Index, q string, facets []string) []string {
	t.Helper()
	res, err := ix.Search(ParseQuery(q), facets)
	if err != nil {
		t.Fatal(err)
	}
	out := []string{}
	for _, r := range res {
		h, err := ix.Hit(r.Doc)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, h.URL)
	}
	return out
}

// TestVectors gives every answer of testdata/vectors.json; with -update
// it writes the answers it gives instead (read the diff before keeping
// it).
func TestVectors(t *testing.T) {
	var v vectors
	readJSON(t, vectorsFile, &v)
	for i, c := range v.Fold {
		if got := vntext.Fold(c.In); got != c.Want {
			if *update {
				v.Fold[i].Want = got
				continue
			}
			t.Errorf("fold %q = %q, want %q", c.In, got, c.Want)
		}
	}
	for i, c := range v.Tokens {
		got := [][2]string{}
		for _, tok := range Tokens(c.In) {
			got = append(got, [2]string{tok.Fold, tok.Lower})
		}
		if !slices.Equal(got, c.Want) {
			if *update {
				v.Tokens[i].Want = got
				continue
			}
			t.Errorf("tokens %q = %v, want %v", c.In, got, c.Want)
		}
	}
	for i, c := range v.Queries {
		got := [][]any{}
		for _, w := range ParseQuery(c.In).Words {
			got = append(got, []any{w.Text, w.Fold, w.Prefix})
		}
		if !jsonEqual(got, c.Want) {
			if *update {
				v.Queries[i].Want = got
				continue
			}
			t.Errorf("query %q = %v, want %v", c.In, got, c.Want)
		}
	}
	dir := indexDir
	if *update {
		dir = t.TempDir()
		for _, f := range fixtureFiles(t) {
			os.WriteFile(filepath.Join(dir, f.Name), f.Data, 0o644)
		}
	}
	for i, c := range v.Searches {
		got := urls(t, openDir(t, dir), c.Q, c.Facets)
		if !slices.Equal(got, c.Want) {
			if *update {
				v.Searches[i].Want = got
				continue
			}
			t.Errorf("search %q %v (%s):\n got  %v\n want %v", c.Q, c.Facets, c.Why, got, c.Want)
		}
	}
	if *update {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(v); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(vectorsFile, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func jsonEqual(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return bytes.Equal(x, y)
}

// TestJavaScript runs search_test.mjs, which holds assets/js/search.js to
// the same vectors, with Node.js (which make test installs).
func TestJavaScript(t *testing.T) {
	node := nodePath(t)
	out, err := exec.Command(node, "--test", "search_test.mjs").CombinedOutput()
	if err != nil {
		t.Fatalf("node --test search_test.mjs: %v\n%s", err, out)
	}
}

func nodePath(t *testing.T) string {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("node not found: the JavaScript of the search is tested with Node.js")
		}
		t.Skip("node not found: the JavaScript of the search is not tested")
	}
	return node
}

// TestParseMatchesJavaScript reads the same generated queries with Go and
// with assets/js/search.js and compares every word.
func TestParseMatchesJavaScript(t *testing.T) {
	node := nodePath(t)
	inputs := generatedQueries(3000)
	in, _ := json.Marshal(inputs)
	cmd := exec.Command(node, "testdata/parse.mjs")
	cmd.Stdin = bytes.NewReader(in)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node testdata/parse.mjs: %v", err)
	}
	var got [][][]any
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(inputs) {
		t.Fatalf("%d answers for %d queries", len(got), len(inputs))
	}
	fails := 0
	for i, s := range inputs {
		var want [][]any
		for _, w := range ParseQuery(s).Words {
			want = append(want, []any{w.Text, w.Fold, w.Prefix})
		}
		if !jsonEqual(got[i], want) && !(len(got[i]) == 0 && len(want) == 0) {
			t.Errorf("%q: JavaScript reads %v, Go %v", s, got[i], want)
			if fails++; fails > 10 {
				t.FailNow()
			}
		}
	}
}

// generatedQueries makes n queries of the characters that matter: letters
// with and without marks, precomposed and decomposed, đ, digits and what
// separates them in numbers and phone numbers, and other scripts.
func generatedQueries(n int) []string {
	parts := []string{
		"a", "ă", "â", "đ", "Đ", "e", "ê", "ơ", "ư", "Ư", "ý", "ỳ", "ỹ", "ặ", "ữ", "D", "K", "z",
		"a\u0301", "u\u031b\u0300", "\u0301", "İ", "Σ", "ß", "K", "Å", "ǅ", "ﬁ", "한", "語", "𝐀", "𠀀", "Ａ",
		"0", "1", "2", "4", "8", "9", "84", "0274", "1800", "1900", "3800", "101", "001193",
		" ", " ", " ", "\u00a0", ".", ",", "-", "+", "(", ")", ") ", "/", "'", "\t", "\n", "·", "…", "_",
	}
	out := make([]string, 0, n)
	seed := uint32(2026)
	rnd := func(k int) int {
		seed ^= seed << 13
		seed ^= seed >> 17
		seed ^= seed << 5
		return int(seed % uint32(k))
	}
	for range n {
		var b strings.Builder
		for range 1 + rnd(24) {
			b.WriteString(parts[rnd(len(parts))])
		}
		out = append(out, b.String())
	}
	return out
}

// TestHashedNames: every file of the index but the manifest is named by
// HashedNames, which _headers gives a year's cache, and by the pattern the
// README gives nginx and Apache for the same.
func TestHashedNames(t *testing.T) {
	readme := regexp.MustCompile(`^[bfhm]-[0-9a-f]{10}(-[0-9]+)?\.bin$`)
	for _, f := range fixtureFiles(t) {
		hashed := slices.ContainsFunc(HashedNames(), func(p string) bool {
			ok, err := path.Match(p, f.Name)
			return err == nil && ok
		})
		if want := f.Name != ManifestName; hashed != want || readme.MatchString(f.Name) != want {
			t.Errorf("%s: matched by HashedNames %v, by the README's pattern %v; want %v", f.Name, hashed, readme.MatchString(f.Name), want)
		}
	}
}
