package build

import (
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/congkhai/congkhai"
	"github.com/congkhai/congkhai/internal/render"
	"github.com/congkhai/congkhai/internal/txtartest"
)

// exampleGolden are representative outputs of the example portal at the
// repository root, compared byte for byte with testdata/golden/example/.
var exampleGolden = []string{
	// The English edition (issue 21).
	"en/index.html",
	"en/thu-tuc/index.html",
	"en/thu-tuc/dang-ky-khai-sinh/index.html",
	"en/thu-tuc/dang-ky-ket-hon-co-yeu-to-nuoc-ngoai/index.html",
	"en/thu-tuc/linh-vuc/civil-status/index.html",
	"en/gioi-thieu/index.html",
	"en/danh-ba/index.html",
	"en/lich-tiep-cong-dan/index.html",
	"en/ket-qua-phuc-vu/index.html",
	"en/diem-tiep-nhan/index.html",
	"en/diem-tiep-nhan/trung-tam-phuc-vu-hanh-chinh-cong/index.html",
	"en/tim-kiem/index.html",
	"en/thu-tuc/feed.atom",
	"en/404.html",
	"index.html",
	"thu-tuc/index.html",
	"thu-tuc/dang-ky-khai-sinh/index.html",
	"thu-tuc/dang-ky-ket-hon-co-yeu-to-nuoc-ngoai/index.html",
	"thu-tuc/linh-vuc/ho-tich/index.html",
	"thu-tuc/co-quan/index.html",
	"thu-tuc/cap/tinh/index.html",
	"gioi-thieu/index.html",
	"danh-ba/index.html",
	"danh-ba/in/index.html",
	"danh-ba/chu-tich.vcf",
	"lich-tiep-cong-dan/index.html",
	"lich-tiep-cong-dan.ics",
	"ket-qua-phuc-vu/index.html",
	"tim-kiem/index.html",
	"diem-tiep-nhan/index.html",
	"diem-tiep-nhan/trung-tam-phuc-vu-hanh-chinh-cong/index.html",
	"diem-tiep-nhan/cong-an-phuong/index.html",
	"tuyen-bo-tiep-can/index.html",
	"phan-anh-kien-nghi/index.html",
	"tra-cuu-ho-so/index.html",
	"ket-qua-phuc-vu/ho-so-tre-han/index.html",
	"du-lieu/ho-so-tre-han-tong-hop.csv",
	"du-lieu/ho-so-tre-han-theo-thang.csv",
	"404.html",
	"du-lieu/index.html",
	"du-lieu/catalog.jsonld",
	"du-lieu/thu-tuc/index.html",
	"du-lieu/thu-tuc/thu-tuc.json",
	"du-lieu/thu-tuc/thu-tuc.csv",
	"du-lieu/thu-tuc/thu-tuc.schema.json",
	"du-lieu/danh-ba/index.html",
	"du-lieu/danh-ba/danh-ba.json",
	"du-lieu/danh-ba/danh-ba.csv",
	"du-lieu/danh-ba/danh-ba.schema.json",
	"du-lieu/ho-so-thang/index.html",
	"du-lieu/ho-so-thang/ho-so-thang.json",
	"du-lieu/ho-so-thang/ho-so-thang.csv",
	"du-lieu/ho-so-thang/ho-so-thang.schema.json",
	"thu-tuc/feed.atom",
	"thu-tuc/linh-vuc/ho-tich/feed.atom",
	"sitemap.xml",
	"robots.txt",
	"manifest.webmanifest",
	"_headers",
}

// TestExamplePortal builds the example portal as the README does, under a
// subpath so that every internal address is exercised, and compares pages
// with their golden files (go test -update rewrites them).
func TestExamplePortal(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	res, err := Run(Options{
		Source:      filepath.Join("..", ".."),
		Destination: dest,
		BaseURL:     "https://thudaumot.example.gov.vn/cong-thong-tin/",
		Theme:       congkhai.Theme,
	})
	if err != nil {
		t.Fatalf("example portal does not build: %v\n%s", err, problemLines(res))
	}
	if len(res.Problems) > 0 {
		t.Errorf("example portal has warnings:\n%s", problemLines(res))
	}
	if res.Pages < 40 {
		t.Errorf("built %d pages, want the whole portal (at least 40)", res.Pages)
	}
	assertUnderBasePath(t, dest, "/cong-thong-tin/")
	assertLinksResolve(t, dest, "/cong-thong-tin/")
	assertNoExternalAssets(t, dest)
	assertPolicyMeta(t, dest)
	for _, name := range exampleGolden {
		got := readFile(t, dest, name)
		golden := filepath.Join("testdata", "golden", "example", filepath.FromSlash(name))
		if *update {
			txtartest.WriteFile(t, golden, []byte(got))
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test -update to create it)", err)
		}
		if got != string(want) {
			t.Errorf("%s differs from %s (go test -update accepts it):\n%s", name, golden, diffLines(string(want), got))
		}
	}
}

// TestExamplePortalContent checks what the issue asks of the example: at
// least 15 procedures across at least 5 fields, and the ordinary pages.
func TestExamplePortalContent(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := Run(Options{Source: filepath.Join("..", ".."), Destination: dest, Theme: congkhai.Theme}); err != nil {
		t.Fatal(err)
	}
	procedures, _ := filepath.Glob(filepath.Join("..", "..", "content", "thu-tuc", "*.md"))
	if n := len(procedures) - 1; n < 15 {
		t.Errorf("%d procedures, want at least 15", n)
	}
	fields, _ := os.ReadDir(filepath.Join(dest, "thu-tuc", "linh-vuc"))
	if n := len(fields) - 1; n < 5 { // minus index.html
		t.Errorf("%d fields, want at least 5", n)
	}
	for _, page := range []string{"gioi-thieu", "lien-he", "chinh-sach-bao-ve-du-lieu"} {
		if _, err := os.Stat(filepath.Join(dest, page, "index.html")); err != nil {
			t.Errorf("ordinary page %s: %v", page, err)
		}
	}
	// No address in any page may point outside the base path.
	err := filepath.WalkDir(dest, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if strings.Contains(string(b), `href="//`) || strings.Contains(string(b), `src="//`) {
			t.Errorf("%s has a protocol-relative address", p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

var rootRelative = regexp.MustCompile(`(?:href|src|action|content)="(/[^"]*)"|url=(/[^"]*)"`)

// assertUnderBasePath checks that every root-relative address in every
// HTML file starts with the base path.
func assertUnderBasePath(t *testing.T, dest, base string) {
	t.Helper()
	n := 0
	eachHTML(t, dest, func(rel string, b []byte) {
		for _, m := range rootRelative.FindAllStringSubmatch(string(b), -1) {
			addr := m[1] + m[2]
			n++
			if !strings.HasPrefix(addr, base) {
				t.Errorf("%s: address %s is outside the base path %s", rel, addr, base)
			}
		}
	})
	if n == 0 {
		t.Error("no root-relative address found at all")
	}
}

// assertLinksResolve checks that every link and source of every page
// under base is a file of the output, and that a link's #fragment is an
// id of the page it leads to: the layouts' own links, which check (on the
// Markdown's) does not see, such as an edition's links to files published
// once for every language, or its table of contents.
func assertLinksResolve(t *testing.T, dest, base string) {
	t.Helper()
	ids := map[string]map[string]bool{} // a page's file → its ids
	idsOf := func(file string) map[string]bool {
		if m, ok := ids[file]; ok {
			return m
		}
		m := map[string]bool{}
		if b, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(file))); err == nil {
			for _, id := range pageIDAttr.FindAllStringSubmatch(string(b), -1) {
				m[html.UnescapeString(id[1])] = true
			}
		}
		ids[file] = m
		return m
	}
	n := 0
	eachHTML(t, dest, func(rel string, b []byte) {
		self := filepath.ToSlash(rel)
		for _, m := range linkAttr.FindAllStringSubmatch(string(b), -1) {
			addr := html.UnescapeString(m[1])
			addr, fragment, _ := strings.Cut(addr, "#")
			addr, _, _ = strings.Cut(addr, "?")
			file := self
			switch {
			case addr == "" && fragment != "":
				// a fragment of this page
			case strings.HasPrefix(addr, base):
				file = strings.TrimPrefix(addr, base)
				if file == "" || strings.HasSuffix(file, "/") {
					file += "index.html"
				}
				if _, err := os.Stat(filepath.Join(dest, filepath.FromSlash(file))); err != nil {
					t.Errorf("%s: %s leads to no file of the portal", rel, m[1])
					continue
				}
			default:
				continue // another site's, or mail, phone, data
			}
			n++
			if fragment != "" && strings.HasSuffix(file, ".html") && !idsOf(file)[fragment] {
				t.Errorf("%s: %s: %s has no element with id %q", rel, m[1], file, fragment)
			}
		}
	})
	if n == 0 {
		t.Error("no link of the portal found at all")
	}
}

var (
	linkAttr   = regexp.MustCompile(`\b(?:href|src)="([^"]*)"`)
	pageIDAttr = regexp.MustCompile(`\sid="([^"]*)"`)
)

// eachHTML calls fn with the path (relative to dest) and the content of
// every HTML file below dest, and returns how many there are.
func eachHTML(t *testing.T, dest string, fn func(rel string, b []byte)) int {
	t.Helper()
	n := 0
	err := filepath.WalkDir(dest, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dest, p)
		n++
		fn(rel, b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// externalAsset matches a script or stylesheet loaded from another host.
var externalAsset = regexp.MustCompile(`<script[^>]+src="(?:https?:)?//|<link[^>]+rel="stylesheet"[^>]+href="(?:https?:)?//|<link[^>]+href="(?:https?:)?//[^"]*"[^>]+rel="stylesheet"|@import\s+url\(["']?(?:https?:)?//`)

// assertNoExternalAssets checks that no page loads a script or stylesheet
// from another host: no CDN at page view.
func assertNoExternalAssets(t *testing.T, dest string) {
	t.Helper()
	err := filepath.WalkDir(dest, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(strings.HasSuffix(p, ".html") || strings.HasSuffix(p, ".css")) {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if m := externalAsset.Find(b); m != nil {
			rel, _ := filepath.Rel(dest, p)
			t.Errorf("%s loads an asset from another host: %s", rel, m)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// policyMeta is the <meta> that carries the Content-Security-Policy, and
// the first element that loads or runs anything.
var (
	policyMeta   = regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]*)">`)
	firstLoading = regexp.MustCompile(`<(?:script|style|link|img|iframe|object)\b`)
)

// assertPolicyMeta checks that every HTML file, redirects and the
// not-found page included, carries render.PagePolicy in a <meta> before
// anything the policy governs: a browser applies it only to what follows.
func assertPolicyMeta(t *testing.T, dest string) {
	t.Helper()
	n := eachHTML(t, dest, func(rel string, b []byte) {
		m := policyMeta.FindSubmatchIndex(b)
		if m == nil {
			t.Errorf("%s has no Content-Security-Policy <meta>", rel)
			return
		}
		if got := html.UnescapeString(string(b[m[2]:m[3]])); got != render.PagePolicy {
			t.Errorf("%s: policy %q, want %q", rel, got, render.PagePolicy)
		}
		if l := firstLoading.FindIndex(b); l != nil && l[0] < m[0] {
			t.Errorf("%s: %s comes before the Content-Security-Policy <meta>", rel, b[l[0]:l[1]])
		}
	})
	if n == 0 {
		t.Error("no HTML file found at all")
	}
}

// TestExamplePortalDeterministic builds the whole example portal, charts,
// calendar and vCards included, twice and compares every byte.
func TestExamplePortalDeterministic(t *testing.T) {
	one, two := filepath.Join(t.TempDir(), "one"), filepath.Join(t.TempDir(), "two")
	for _, dest := range []string{one, two} {
		if _, err := Run(Options{Source: filepath.Join("..", ".."), Destination: dest, Theme: congkhai.Theme}); err != nil {
			t.Fatal(err)
		}
	}
	sameTree(t, txtartest.Snapshot(t, one), txtartest.Snapshot(t, two))
}
