package render

import (
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
