package build

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/congkhai/congkhai"
	"github.com/congkhai/congkhai/internal/locale"
	"github.com/congkhai/congkhai/internal/opendata"
	"github.com/congkhai/congkhai/internal/procedure"
	"github.com/congkhai/congkhai/internal/schematest"
)

// exampleBuild builds the example portal under a subpath once per test.
func exampleBuild(t *testing.T) string {
	t.Helper()
	dest := filepath.Join(t.TempDir(), "public")
	res, err := Run(Options{Source: filepath.Join("..", ".."), Destination: dest,
		BaseURL: "https://thudaumot.example.gov.vn/cong-thong-tin/", Theme: congkhai.Theme})
	if err != nil {
		t.Fatalf("%v\n%s", err, problemLines(res))
	}
	return dest
}

var ldScript = regexp.MustCompile(`<script type="application/ld\+json">(.*?)</script>`)

// ldNode is the part of a JSON-LD node the tests read.
type ldNode map[string]any

// pageLD returns the nodes of the one JSON-LD block of a page, by type.
func pageLD(t *testing.T, rel string, page []byte) map[string][]ldNode {
	t.Helper()
	blocks := ldScript.FindAllSubmatch(page, -1)
	if len(blocks) > 1 {
		t.Errorf("%s has %d JSON-LD blocks, want one", rel, len(blocks))
	}
	if len(blocks) == 0 {
		return nil
	}
	var g struct {
		Context string   `json:"@context"`
		Graph   []ldNode `json:"@graph"`
	}
	if err := json.Unmarshal(blocks[0][1], &g); err != nil {
		t.Errorf("%s: the JSON-LD is not JSON: %v", rel, err)
		return nil
	}
	if g.Context != "https://schema.org" || len(g.Graph) == 0 {
		t.Errorf("%s: JSON-LD with context %q and %d nodes", rel, g.Context, len(g.Graph))
	}
	byType := map[string][]ldNode{}
	for _, n := range g.Graph {
		typ, _ := n["@type"].(string)
		byType[typ] = append(byType[typ], n)
	}
	return byType
}

// TestExampleJSONLD: every page of the example portal with a breadcrumb
// trail has one JSON-LD block with its BreadcrumbList, ending at the page
// itself; a procedure's page has its GovernmentService, the directory its
// organizations, every data page its Dataset, and the list of data its
// DataCatalog.
func TestExampleJSONLD(t *testing.T) {
	dest := exampleBuild(t)
	seen := map[string]int{}
	n := eachHTML(t, dest, func(rel string, b []byte) {
		rel = filepath.ToSlash(rel)
		nodes := pageLD(t, rel, b)
		for typ := range nodes {
			seen[typ]++
		}
		hasTrail := bytes.Contains(b, []byte(`<nav class="breadcrumbs"`))
		if hasTrail != (len(nodes["BreadcrumbList"]) == 1) {
			t.Errorf("%s: breadcrumbs shown %v, BreadcrumbList %d", rel, hasTrail, len(nodes["BreadcrumbList"]))
		}
		if hasTrail {
			items := nodes["BreadcrumbList"][0]["itemListElement"].([]any)
			last := items[len(items)-1].(map[string]any)
			canonical := regexp.MustCompile(`<link rel="canonical" href="([^"]+)">`).FindSubmatch(b)
			if last["item"] != string(canonical[1]) || last["position"] != float64(len(items)) {
				t.Errorf("%s: the trail ends at %v (position %v), not at the page %s", rel, last["item"], last["position"], canonical[1])
			}
		}
		switch {
		case strings.HasPrefix(rel, "thu-tuc/") && bytes.Contains(b, []byte(`data-layout="procedure.html"`)):
			s := nodes["GovernmentService"]
			code := regexp.MustCompile(`Mã thủ tục <strong>([^<]+)</strong>`).FindSubmatch(b)
			if len(s) != 1 || code == nil || s[0]["identifier"] != string(code[1]) || s[0]["provider"] == nil || s[0]["availableChannel"] == nil {
				t.Errorf("%s: GovernmentService %v", rel, s)
			}
		case rel == "danh-ba/index.html":
			if len(nodes["GovernmentOrganization"]) < 3 {
				t.Errorf("%s: %d organizations", rel, len(nodes["GovernmentOrganization"]))
			}
		case rel == "du-lieu/index.html":
			if len(nodes["DataCatalog"]) != 1 {
				t.Errorf("%s: no DataCatalog", rel)
			}
		case strings.HasPrefix(rel, "du-lieu/"):
			if len(nodes["Dataset"]) != 1 || nodes["Dataset"][0]["license"] != "https://creativecommons.org/licenses/by/4.0/deed.vi" {
				t.Errorf("%s: Dataset %v", rel, nodes["Dataset"])
			}
		}
	})
	// 18 procedures, 4 of them in English too.
	if n < 50 || seen["GovernmentService"] != 18+4 || seen["Dataset"] != 6 || seen["BreadcrumbList"] < 45 {
		t.Errorf("%d pages; JSON-LD types %v", n, seen)
	}
}

// TestExampleExports: every JSON export matches the JSON Schema published
// beside it, every feed is Atom, and the catalogue lists every file with
// its real size.
func TestExampleExports(t *testing.T) {
	dest := exampleBuild(t)
	schemas, _ := filepath.Glob(filepath.Join(dest, "du-lieu", "*", "*.schema.json"))
	if len(schemas) != 6 {
		t.Errorf("%d schemas, want 6 (procedures, directory, 4 datasets)", len(schemas))
	}
	for _, s := range schemas {
		doc := strings.TrimSuffix(s, ".schema.json") + ".json"
		if err := matchSchema(s, doc); err != nil {
			t.Error(err)
		}
	}
	feeds := 0
	err := filepath.WalkDir(dest, func(p string, d os.DirEntry, err error) error {
		if err != nil || !strings.HasSuffix(p, ".atom") {
			return err
		}
		feeds++
		b, _ := os.ReadFile(p)
		if err := opendata.CheckAtom(b); err != nil {
			t.Errorf("%s: %v", p, err)
		}
		return nil
	})
	if err != nil || feeds < 9 { // every procedures, every field (8)
		t.Errorf("%d feeds (%v)", feeds, err)
	}
	var cat map[string]any
	if err := json.Unmarshal([]byte(readFile(t, dest, "du-lieu/catalog.jsonld")), &cat); err != nil {
		t.Fatal(err)
	}
	const base = "https://thudaumot.example.gov.vn/cong-thong-tin/"
	dists := 0
	for _, ds := range cat["dcat:dataset"].([]any) {
		for _, d := range ds.(map[string]any)["dcat:distribution"].([]any) {
			dist := d.(map[string]any)
			url := dist["dcat:downloadURL"].(map[string]any)["@id"].(string)
			info, err := os.Stat(filepath.Join(dest, filepath.FromSlash(strings.TrimPrefix(url, base))))
			if err != nil {
				t.Errorf("the catalogue lists %s, which the portal does not publish", url)
				continue
			}
			if size := dist["dcat:byteSize"].(map[string]any)["@value"]; size != strconv.FormatInt(info.Size(), 10) {
				t.Errorf("%s: byteSize %v, the file has %d bytes", url, size, info.Size())
			}
			dists++
		}
	}
	if dists < 25 {
		t.Errorf("%d distributions", dists)
	}
	// The exports' dates are the data's.
	for file, want := range map[string]string{
		"du-lieu/thu-tuc/thu-tuc.json":         `"updated": "2026-10-12"`,
		"du-lieu/danh-ba/danh-ba.json":         `"updated": "2026-10-20"`,
		"du-lieu/ho-so-thang/ho-so-thang.json": `"updated": "2026-11-05"`,
	} {
		if !strings.Contains(readFile(t, dest, file), want) {
			t.Errorf("%s lacks %s", file, want)
		}
	}
}

// matchSchema validates the JSON file doc against the JSON Schema file s.
func matchSchema(s, doc string) error {
	sb, err := os.ReadFile(s)
	if err != nil {
		return err
	}
	db, err := os.ReadFile(doc)
	if err != nil {
		return fmt.Errorf("the schema %s has no export beside it: %v", s, err)
	}
	return schematest.Check(doc, sb, db)
}

// shownProcedure is what a procedure's page shows, read from its HTML.
type shownProcedure struct {
	code, title string
	// fees are the amounts of each channel's fees, by channel label:
	// "8000", "0" for free, "" when the page states none.
	fees map[string][]string
}

var (
	pageCode    = regexp.MustCompile(`Mã thủ tục <strong>([^<]+)</strong>`)
	pageTitle   = regexp.MustCompile(`<h1>([^<]+)</h1>`)
	pageChannel = regexp.MustCompile(`(?s)<tr role="row">\s*<th scope="row" role="rowheader">([^<]+)</th>(.*?)</tr>`) // the table of channels
	pageFee     = regexp.MustCompile(`<li><strong>([^<]+)</strong>`)
	feeAmount   = regexp.MustCompile(`: ([0-9.]+) đồng`)
)

func readShown(page string) shownProcedure {
	s := shownProcedure{fees: map[string][]string{}}
	if m := pageCode.FindStringSubmatch(page); m != nil {
		s.code = m[1]
	}
	if m := pageTitle.FindStringSubmatch(page); m != nil {
		s.title = html.UnescapeString(m[1])
	}
	for _, ch := range pageChannel.FindAllStringSubmatch(page, -1) {
		label := html.UnescapeString(ch[1])
		s.fees[label] = []string{}
		for _, f := range pageFee.FindAllStringSubmatch(ch[2], -1) {
			heading := html.UnescapeString(f[1])
			switch m := feeAmount.FindStringSubmatch(heading); {
			case m != nil:
				s.fees[label] = append(s.fees[label], strings.ReplaceAll(m[1], ".", ""))
			case strings.HasSuffix(heading, ": miễn phí"):
				s.fees[label] = append(s.fees[label], "0")
			default:
				s.fees[label] = append(s.fees[label], "")
			}
		}
	}
	return s
}

// TestExportsRoundTrip loads the procedures JSON and CSV back and finds
// the procedures the HTML pages show: the same codes and titles, and for
// each channel the same fees with the same amounts.
func TestExportsRoundTrip(t *testing.T) {
	dest := exampleBuild(t)
	const base = "https://thudaumot.example.gov.vn/cong-thong-tin/"
	shown := map[string]shownProcedure{} // by page address
	eachHTML(t, dest, func(rel string, b []byte) {
		// The exports are the records of the site's language; the English
		// pages are their translations.
		if bytes.Contains(b, []byte(`data-layout="procedure.html"`)) && !strings.HasPrefix(filepath.ToSlash(rel), "en/") {
			shown[base+strings.TrimSuffix(filepath.ToSlash(rel), "index.html")] = readShown(string(b))
		}
	})
	if len(shown) != 18 {
		t.Fatalf("%d procedure pages", len(shown))
	}

	var doc struct {
		Count      int `json:"count"`
		Procedures []struct {
			URL      string `json:"url"`
			Code     string `json:"code"`
			Title    string `json:"title"`
			Channels []struct {
				Kind procedure.ChannelKind `json:"kind"`
				Fees []struct {
					Amount *int64 `json:"amount_vnd"`
				} `json:"fees"`
			} `json:"channels"`
		} `json:"procedures"`
	}
	if err := json.Unmarshal([]byte(readFile(t, dest, "du-lieu/thu-tuc/thu-tuc.json")), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Count != len(shown) || len(doc.Procedures) != len(shown) {
		t.Errorf("the JSON has %d procedures (count %d), the pages %d", len(doc.Procedures), doc.Count, len(shown))
	}
	for _, p := range doc.Procedures {
		s, ok := shown[p.URL]
		if !ok {
			t.Errorf("JSON: %s is not a page of the portal", p.URL)
			continue
		}
		if p.Code != s.code || p.Title != s.title {
			t.Errorf("JSON: %s is %s %q, its page shows %s %q", p.URL, p.Code, p.Title, s.code, s.title)
		}
		fees := map[string][]string{}
		for _, ch := range p.Channels {
			amounts := []string{}
			for _, f := range ch.Fees {
				a := ""
				if f.Amount != nil {
					a = strconv.FormatInt(*f.Amount, 10)
				}
				amounts = append(amounts, a)
			}
			fees[locale.Vietnamese().Text(ch.Kind.Label())] = amounts
		}
		if fmt.Sprint(fees) != fmt.Sprint(s.fees) {
			t.Errorf("JSON: the fees of %s are %v, its page shows %v", p.Code, fees, s.fees)
		}
	}

	src := strings.TrimPrefix(readFile(t, dest, "du-lieu/thu-tuc/thu-tuc.csv"), "\uFEFF")
	rows, err := csv.NewReader(strings.NewReader(src)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(shown)+1 {
		t.Errorf("the CSV has %d rows, the pages %d procedures", len(rows)-1, len(shown))
	}
	col := map[string]int{}
	for i, name := range rows[0] {
		col[name] = i
	}
	for _, r := range rows[1:] {
		s, ok := shown[r[col["url"]]]
		if !ok {
			t.Errorf("CSV: %s is not a page of the portal", r[col["url"]])
			continue
		}
		if r[col["code"]] != s.code || r[col["title"]] != s.title {
			t.Errorf("CSV: %s is %s %q, its page shows %s %q", r[col["url"]], r[col["code"]], r[col["title"]], s.code, s.title)
		}
		for _, k := range procedure.ChannelKinds() {
			want, has := s.fees[locale.Vietnamese().Text(k.Label())]
			types := r[col[string(k)+"_fee_types"]]
			var got []string
			if types != "" {
				got = strings.Split(r[col[string(k)+"_fee_amounts_vnd"]], opendata.ListSeparator)
			}
			if !has {
				want = nil
			}
			if !slices.Equal(got, want) && !(len(got) == 0 && len(want) == 0) {
				t.Errorf("CSV: the fees of %s by %s are %q, its page shows %q", s.code, k, got, want)
			}
		}
	}
}
