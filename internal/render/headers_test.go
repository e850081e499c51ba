package render

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/congkhai/congkhai/internal/config"
)

func TestHeaders(t *testing.T) {
	const security = "  Content-Security-Policy: " + HeaderPolicy + "\n" +
		"  X-Content-Type-Options: nosniff\n" +
		"  Referrer-Policy: strict-origin-when-cross-origin\n"
	const comment = "# Written by congkhai for hosts that read _headers (Netlify, Cloudflare Pages).\n" +
		"# A static/_headers of the site is published instead of this file.\n"
	hashed := []string{"/js/echarts.0123456789.js", "/css/congkhai.abcdef0123.css"}
	tests := []struct{ base, want string }{
		{"https://x.example.gov.vn/", comment + "/*\n" + security +
			"/css/congkhai.abcdef0123.css\n  Cache-Control: public, max-age=31536000, immutable\n" +
			"/js/echarts.0123456789.js\n  Cache-Control: public, max-age=31536000, immutable\n"},
		{"https://x.example.gov.vn/portal/", comment + "/portal/*\n" + security +
			"/portal/css/congkhai.abcdef0123.css\n  Cache-Control: public, max-age=31536000, immutable\n" +
			"/portal/js/echarts.0123456789.js\n  Cache-Control: public, max-age=31536000, immutable\n"},
	}
	for _, tt := range tests {
		base, err := config.ParseBaseURL(tt.base)
		if err != nil {
			t.Fatal(err)
		}
		cfg := &config.Config{Base: base}
		if got := string(Headers(cfg.RelURL, hashed)); got != tt.want {
			t.Errorf("Headers under %s:\n%s\nwant:\n%s", tt.base, got, tt.want)
		}
	}
}

// TestPolicyDirectives keeps the page's policy to what a <meta> may say:
// a browser ignores frame-ancestors (and report-uri, sandbox) there, with
// an error in the console.
func TestPolicyDirectives(t *testing.T) {
	for _, d := range []string{"frame-ancestors", "report-uri", "sandbox", "unsafe-inline", "unsafe-eval"} {
		if strings.Contains(PagePolicy, d) {
			t.Errorf("PagePolicy has %s", d)
		}
	}
	if !strings.HasPrefix(HeaderPolicy, PagePolicy+"; ") || !strings.HasSuffix(HeaderPolicy, "frame-ancestors 'none'") {
		t.Errorf("HeaderPolicy %q is not PagePolicy and frame-ancestors 'none'", HeaderPolicy)
	}
}

// policyText is a Content-Security-Policy written anywhere in the README.
var policyText = regexp.MustCompile(`default-src[^"\x60\n]*`)

// TestREADMEHeaders checks the README's headers, its nginx and its Apache
// configuration against SecurityHeaders, so that what it tells a host to
// send is what the pages are built and tested for.
func TestREADMEHeaders(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	for _, h := range SecurityHeaders() {
		for _, want := range []string{
			"`" + h.Name + ": " + h.Value + "`",                   // the list of headers
			"add_header " + h.Name + ` "` + h.Value + `" always;`, // nginx
			"Header always set " + h.Name + ` "` + h.Value + `"`,  // Apache
		} {
			if !strings.Contains(readme, want) {
				t.Errorf("README.md lacks %s", want)
			}
		}
	}
	for _, want := range []string{
		`~\.[0-9a-f]{10}\.(css|js)$ "` + ImmutableCache + `";`, // nginx
		`~/tim-kiem/index/[bfhm]-[0-9a-f]{10}(-[0-9]+)?\.bin$ "` + ImmutableCache + `";`,
		`<FilesMatch "^[bfhm]-[0-9a-f]{10}(-[0-9]+)?\.bin$">`, // Apache, for the search index
		`Header set Cache-Control "` + ImmutableCache + `"`,   // Apache
	} {
		if !strings.Contains(readme, want) {
			t.Errorf("README.md lacks %s", want)
		}
	}
	policies := policyText.FindAllString(readme, -1)
	if len(policies) == 0 {
		t.Fatal("README.md shows no Content-Security-Policy")
	}
	for _, p := range policies {
		if p != HeaderPolicy && p != PagePolicy {
			t.Errorf("README.md shows a policy that is not the portal's:\n%s\nwant:\n%s", p, HeaderPolicy)
		}
	}
}
