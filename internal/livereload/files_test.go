package livereload

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/congkhai/congkhai/internal/problem"
)

const script = `<script src="/__congkhai/reload.js?v=`

func TestPagesGetTheReloadScript(t *testing.T) {
	ts := serve(t, New(Options{Root: builtSite(t)}))

	for _, path := range []string{"/", "/thu-tuc/", "/thu-tuc/dang-ky-khai-sinh/", "/no-body.html", "/upper.html"} {
		r := get(t, ts.URL+path)
		if r.status != http.StatusOK {
			t.Errorf("%s: status %d", path, r.status)
		}
		if got := r.header.Get("Content-Type"); got != "text/html; charset=utf-8" {
			t.Errorf("%s: Content-Type %q", path, got)
		}
		if got := r.header.Get("Cache-Control"); got != "no-store" {
			t.Errorf("%s: Cache-Control %q", path, got)
		}
		if n := strings.Count(r.body, script); n != 1 {
			t.Errorf("%s: %d reload scripts in %q", path, n, r.body)
		}
		if strings.Contains(r.body, overlayID) {
			t.Errorf("%s: overlay without problems", path)
		}
	}
	if r := get(t, ts.URL+"/"); !strings.Contains(r.body, "</script>\n</body>") || !strings.Contains(r.body, "<h1>Trang chủ</h1>") {
		t.Errorf("script not inserted before </body>: %q", r.body)
	}
	if r := get(t, ts.URL+"/no-body.html"); !strings.HasPrefix(r.body, "<p>Không có thẻ body\n"+script) {
		t.Errorf("script not appended to a page without </body>: %q", r.body)
	}
	if r := get(t, ts.URL+"/upper.html"); !strings.HasSuffix(r.body, "</script>\n</BODY></HTML>") {
		t.Errorf("script not inserted before </BODY>: %q", r.body)
	}
}

func TestFiles(t *testing.T) {
	ts := serve(t, New(Options{Root: builtSite(t)}))

	for path, want := range map[string]string{
		"/css/congkhai.1a2b3c4d5e.css": "text/css; charset=utf-8",
		"/robots.txt":                  "text/plain; charset=utf-8",
		"/sitemap.xml":                 "application/xml; charset=utf-8",
		"/bieu-mau/to-khai.docx":       "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	} {
		r := get(t, ts.URL+path)
		if r.status != http.StatusOK || r.header.Get("Content-Type") != want {
			t.Errorf("%s: %d %q, want 200 %q", path, r.status, r.header.Get("Content-Type"), want)
		}
		if r.header.Get("Cache-Control") != "no-store" {
			t.Errorf("%s: Cache-Control %q", path, r.header.Get("Cache-Control"))
		}
		if strings.Contains(r.body, "reload.js") {
			t.Errorf("%s: script injected into a file that is not HTML", path)
		}
	}
	if r := get(t, ts.URL+"/robots.txt"); r.body != "User-agent: *\n" {
		t.Errorf("robots.txt body %q", r.body)
	}
}

func TestPrettyURLs(t *testing.T) {
	ts := serve(t, New(Options{Root: builtSite(t)}))

	r := get(t, ts.URL+"/thu-tuc/dang-ky-khai-sinh?a=1")
	if r.status != http.StatusFound || r.header.Get("Location") != "/thu-tuc/dang-ky-khai-sinh/?a=1" {
		t.Errorf("folder without a slash: %d %q", r.status, r.header.Get("Location"))
	}
	if r := get(t, ts.URL+"/thu-tuc/dang-ky-khai-sinh/"); !strings.Contains(r.body, "Đăng ký khai sinh") {
		t.Errorf("folder not served from its index.html: %q", r.body)
	}
	for _, path := range []string{"/empty-folder/", "/empty-folder", "/robots.txt/", "/khong-co/"} {
		if r := get(t, ts.URL+path); r.status != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404", path, r.status)
		}
	}
}

func TestNotFound(t *testing.T) {
	dir := builtSite(t)
	ts := serve(t, New(Options{Root: dir}))

	r := get(t, ts.URL+"/khong-co-trang-nay/")
	if r.status != http.StatusNotFound || !strings.Contains(r.body, "Không tìm thấy trang") {
		t.Fatalf("404: %d %q", r.status, r.body)
	}
	if !strings.Contains(r.body, script) || r.header.Get("Content-Type") != "text/html; charset=utf-8" {
		t.Errorf("404.html served without the reload script: %q", r.body)
	}
	if r := do(t, http.MethodHead, ts.URL+"/khong-co-trang-nay/"); r.status != http.StatusNotFound || r.body != "" {
		t.Errorf("HEAD: %d %q", r.status, r.body)
	}

	if err := os.Remove(filepath.Join(dir, "404.html")); err != nil {
		t.Fatal(err)
	}
	if r := get(t, ts.URL+"/khong-co-trang-nay/"); r.status != http.StatusNotFound || !strings.Contains(r.body, "404") {
		t.Errorf("404 without 404.html: %d %q", r.status, r.body)
	}
}

// TestNearestNotFound: an address under an edition's folder gets that
// edition's 404.html, as hosts that look up the folders give it; the
// rest, and a folder without one, the root's.
func TestNearestNotFound(t *testing.T) {
	dir := builtSite(t)
	writeFile(t, dir, "en/404.html", page("Page not found"))
	writeFile(t, dir, "en/index.html", page("Home"))
	ts := serve(t, New(Options{Root: dir}))
	for _, tt := range []struct{ path, want string }{
		{"/en/no-such-page/", "Page not found"},
		{"/en/thu-tuc/no-such-procedure/", "Page not found"},
		{"/en/missing.pdf", "Page not found"},
		{"/en/thu-tuc", "Page not found"}, // a folder without its slash, which has no index.html
		{"/khong-co/trang-nay/", "Không tìm thấy trang"},
		{"/thu-tuc/khong-co/", "Không tìm thấy trang"},
		{"/enx/", "Không tìm thấy trang"},
	} {
		r := get(t, ts.URL+tt.path)
		if r.status != http.StatusNotFound || !strings.Contains(r.body, tt.want) {
			t.Errorf("%s: %d, want 404 with %q: %q", tt.path, r.status, tt.want, r.body)
		}
	}
}

func TestNotFoundPages(t *testing.T) {
	for name, want := range map[string][]string{
		"":                  {"404.html"},
		"x.pdf":             {"404.html"},
		"en/x/":             {"en/404.html", "404.html"},
		"/en/thu-tuc/x/":    {"en/thu-tuc/404.html", "en/404.html", "404.html"},
		"en/thu-tuc/../x/y": {"en/x/404.html", "en/404.html", "404.html"},
	} {
		if got := NotFoundPages(name); !slices.Equal(got, want) {
			t.Errorf("NotFoundPages(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestStaysInsideTheFolder(t *testing.T) {
	dir := builtSite(t)
	outside := t.TempDir()
	writeFile(t, outside, "secret.txt", "secret")
	if err := os.Symlink(filepath.Join(outside, "secret.txt"), filepath.Join(dir, "link.txt")); err != nil {
		t.Fatal(err)
	}
	s := New(Options{Root: dir})
	for _, path := range []string{"/../secret.txt", "/link.txt", "/..%2fsecret.txt"} {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest(http.MethodGet, "/", nil)
		req.URL.Path = path
		s.ServeHTTP(rec, req)
		if strings.Contains(rec.Body.String(), "secret") {
			t.Errorf("%s served a file outside the folder", path)
		}
	}
}

func TestBasePath(t *testing.T) {
	ts := serve(t, New(Options{Root: builtSite(t), BasePath: "portal"}))

	r := get(t, ts.URL+"/portal/thu-tuc/")
	if r.status != http.StatusOK || !strings.Contains(r.body, `<script src="/portal/__congkhai/reload.js?v=`) {
		t.Errorf("page under the base path: %d %q", r.status, r.body)
	}
	for path, want := range map[string]string{"/": "/portal/", "/portal": "/portal/", "/portal/thu-tuc": "/portal/thu-tuc/"} {
		if r := get(t, ts.URL+path); r.status != http.StatusFound || r.header.Get("Location") != want {
			t.Errorf("%s: %d %q, want a redirect to %s", path, r.status, r.header.Get("Location"), want)
		}
	}
	if r := get(t, ts.URL+"/thu-tuc/"); r.status != http.StatusNotFound {
		t.Errorf("outside the base path: status %d", r.status)
	}
	if r := get(t, ts.URL+"/portal/__congkhai/reload.js"); r.status != http.StatusOK {
		t.Errorf("reload.js under the base path: %d", r.status)
	}
	st := openStream(t, ts.URL+"/portal/__congkhai/events", nil)
	if st.resp.StatusCode != http.StatusOK {
		t.Errorf("events under the base path: %d", st.resp.StatusCode)
	}
}

func TestOwnFiles(t *testing.T) {
	ts := serve(t, New(Options{Root: builtSite(t)}))

	js := get(t, ts.URL+"/__congkhai/reload.js")
	if js.status != http.StatusOK || js.header.Get("Content-Type") != "text/javascript; charset=utf-8" {
		t.Errorf("reload.js: %d %q", js.status, js.header.Get("Content-Type"))
	}
	if !strings.Contains(js.body, "EventSource") || strings.Contains(js.body, "innerHTML") {
		t.Error("reload.js must use EventSource and never innerHTML")
	}
	css := get(t, ts.URL+"/__congkhai/overlay.css")
	if css.status != http.StatusOK || css.header.Get("Content-Type") != "text/css; charset=utf-8" {
		t.Errorf("overlay.css: %d %q", css.status, css.header.Get("Content-Type"))
	}
	if r := do(t, http.MethodPost, ts.URL+"/"); r.status != http.StatusMethodNotAllowed {
		t.Errorf("POST: status %d", r.status)
	}
}

func TestNoSiteYet(t *testing.T) {
	s := New(Options{})
	ts := serve(t, s)

	r := get(t, ts.URL+"/thu-tuc/")
	if r.status != http.StatusServiceUnavailable || !strings.Contains(r.body, script) {
		t.Errorf("before the first build: %d %q", r.status, r.body)
	}
	s.SetProblems([]Problem{{File: "site.toml", Line: 2, Message: "base_url: required"}})
	if r := get(t, ts.URL+"/"); !strings.Contains(r.body, "<li>site.toml:2: base_url: required</li>") {
		t.Errorf("no overlay before the first build: %q", r.body)
	}
}

func TestSetRootUnderConcurrentRequests(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	writeFile(t, a, "index.html", page("Bản A"))
	writeFile(t, b, "index.html", page("Bản B"))
	s := New(Options{Root: a})
	ts := serve(t, s)

	var wg sync.WaitGroup
	stop := make(chan struct{})
	wg.Go(func() {
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			if i%2 == 0 {
				s.SetRoot(b)
			} else {
				s.SetRoot(a)
			}
		}
	})
	var fetchers sync.WaitGroup
	for range 4 {
		fetchers.Go(func() {
			for range 50 {
				resp, err := http.Get(ts.URL + "/")
				if err != nil {
					t.Error(err)
					return
				}
				body, err := io.ReadAll(resp.Body)
				_ = resp.Body.Close()
				if err != nil || resp.StatusCode != http.StatusOK || !(bytes.Contains(body, []byte("Bản A")) || bytes.Contains(body, []byte("Bản B"))) {
					t.Errorf("during a switch: %d %q %v", resp.StatusCode, body, err)
					return
				}
			}
		})
	}
	fetchers.Wait()
	close(stop)
	wg.Wait()

	if prev := s.SetRoot(b); prev != a && prev != b {
		t.Errorf("SetRoot returned %q", prev)
	}
	if r := get(t, ts.URL+"/"); !strings.Contains(r.body, "Bản B") {
		t.Errorf("after SetRoot(b): %q", r.body)
	}
}

func TestProblemString(t *testing.T) {
	for _, tc := range []struct {
		p    Problem
		want string
	}{
		{Problem{File: "content/a.md", Line: 3, Message: "title: required"}, "content/a.md:3: title: required"},
		{Problem{File: "site.toml", Message: "cannot read"}, "site.toml: cannot read"},
		{Problem{Message: "no site.toml"}, "no site.toml"},
	} {
		if got := tc.p.String(); got != tc.want {
			t.Errorf("%#v.String() = %q, want %q", tc.p, got, tc.want)
		}
	}
}

func TestFromProblems(t *testing.T) {
	ps := []problem.Problem{
		{File: "content/thu-tuc/khai-sinh.md", Line: 22, Field: "channels[1].fees[0].text", Message: "required when amount_vnd > 0"},
		{Severity: problem.Warning, File: "site.toml", Line: 3, Col: 9, Message: "as_of is old", Excerpt: "as_of = 2020\n        ^\n"},
	}
	got := FromProblems(ps, nil)
	// Apart from the column, the overlay says what the terminal says.
	if len(got) != 2 || got[0].String() != ps[0].String() {
		t.Fatalf("FromProblems = %q", got)
	}
	if want := "site.toml:3: warning: as_of is old\nas_of = 2020\n        ^"; got[1].String() != want {
		t.Errorf("warning with excerpt: %q, want %q", got[1].String(), want)
	}
}
