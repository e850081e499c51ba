package browsertest

import (
	"context"
	"flag"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/audits"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/chromedp"

	"github.com/congkhai/congkhai"
	"github.com/congkhai/congkhai/internal/build"
	"github.com/congkhai/congkhai/internal/echarts"
	"github.com/congkhai/congkhai/internal/livereload"
	"github.com/congkhai/congkhai/internal/render"
)

// repoRoot is the example portal (the repository root).
var repoRoot = filepath.Join("..", "..")

// chromiumPath is Debian's Chromium, installed by scripts/deps.
const chromiumPath = "/usr/bin/chromium"

// basePath is where the portal is served, so that every test also proves
// the portal works under a subpath.
const basePath = "/cong-thong-tin/"

// portal is the built example portal served on loopback, with a browser.
type portal struct {
	// srv serves the portal as Netlify or Cloudflare Pages do, with the
	// headers of its _headers file; bare serves the same files with no
	// header at all, as GitHub Pages does, so that the <meta> policy
	// alone holds; other is another site, for what the portal must
	// refuse (csp_test.go).
	srv, bare, other *httptest.Server
	root             string // the built files
	browser          context.Context
	cancel           func()
	procedures       int // how many it has, for the names of tests that time it
}

var shared *portal

func TestMain(m *testing.M) {
	flag.Parse()
	if testing.Short() {
		// Driving Chromium through every page takes minutes: the inner
		// loop, go test -short ./..., goes without it; make test runs it.
		fmt.Println("browsertest: skipped with -short; make test runs the browser tests")
		os.Exit(0)
	}
	p, err := start()
	if err != nil {
		fmt.Fprintln(os.Stderr, "browsertest:", err)
		os.Exit(1)
	}
	shared = p
	code := m.Run()
	if bigPortal != nil {
		bigPortal.stop()
	}
	p.stop()
	os.Exit(code)
}

func start() (*portal, error) {
	if _, err := os.Stat(chromiumPath); err != nil {
		return nil, fmt.Errorf("%s not found: run `make test`, which installs Debian's chromium through scripts/deps", chromiumPath)
	}
	if echarts.Builtin() == nil {
		return nil, fmt.Errorf("no built-in ECharts: run `go generate ./internal/echarts` (scripts/deps does), so that the charts are drawn with the file the portal serves")
	}
	root, err := os.MkdirTemp("", "congkhai-browsertest-")
	if err != nil {
		return nil, err
	}
	p := &portal{root: filepath.Join(root, "public"), procedures: 18}
	// The server listens before the build, which needs its address; it
	// serves once the build wrote the _headers it follows.
	p.srv = httptest.NewUnstartedServer(nil)
	res, err := build.Run(build.Options{
		Source:      repoRoot,
		Destination: p.root,
		BaseURL:     "http://" + p.srv.Listener.Addr().String() + basePath,
		Theme:       congkhai.Theme,
		// The portal serves what a released program serves: the slim
		// ECharts built in (go generate), which the same version in
		// node_modules gives way to.
		ECharts:        echarts.Builtin(),
		EChartsVersion: echarts.Version(),
	})
	if err != nil {
		var lines []string
		if res != nil {
			for _, pr := range res.Problems {
				lines = append(lines, pr.String())
			}
		}
		return nil, fmt.Errorf("building the example portal: %v\n%s", err, strings.Join(lines, "\n"))
	}
	rules, err := readHeaders(filepath.Join(p.root, render.HeadersFile))
	if err != nil {
		return nil, err
	}
	site := http.StripPrefix(strings.TrimSuffix(basePath, "/"), siteHandler(p.root))
	p.srv.Config.Handler = rules.handler(site)
	p.srv.Start()
	p.bare = httptest.NewServer(site)
	p.other = httptest.NewServer(otherSite(p, rules))
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath),
		chromedp.NoSandbox, // the tests run as root in CI
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(filepath.Join(root, "profile")),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	browser, cancelBrowser := chromedp.NewContext(allocCtx)
	if err := chromedp.Do(browser); err != nil {
		cancelBrowser()
		cancelAlloc()
		return nil, fmt.Errorf("starting %s: %w", chromiumPath, err)
	}
	p.browser = browser
	p.cancel = func() {
		cancelBrowser()
		cancelAlloc()
		os.RemoveAll(root)
	}
	return p, nil
}

func (p *portal) stop() {
	p.srv.Close()
	if p.bare != nil { // a generated portal has only srv
		p.bare.Close()
		p.other.Close()
	}
	p.cancel()
}

// siteHandler serves the built folder like a static host: index.html for
// folders, and for anything missing, with status 404, the 404.html
// nearest to it up the folders (an edition's under /en/), as Cloudflare
// Pages and congkhai serve do; hosts that serve only the root's show it
// with every other language's message.
func siteHandler(root string) http.Handler {
	files := http.FileServer(http.Dir(root))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := filepath.Join(root, filepath.FromSlash(r.URL.Path))
		info, err := os.Stat(name)
		if err == nil && info.IsDir() {
			_, err = os.Stat(filepath.Join(name, "index.html"))
		}
		if err != nil {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusNotFound)
			for _, page := range livereload.NotFoundPages(r.URL.Path) {
				if b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(page))); err == nil {
					w.Write(b)
					return
				}
			}
			return
		}
		files.ServeHTTP(w, r)
	})
}

// url is the address of a site path such as /thu-tuc/.
func (p *portal) url(sitePath string) string { return siteURL(p.srv, sitePath) }

// siteURL is the address of a site path on srv, under the base path.
func siteURL(srv *httptest.Server, sitePath string) string {
	return srv.URL + strings.TrimSuffix(basePath, "/") + sitePath
}

// tab opens a new browser tab for one test, with a time limit. The test
// fails on any Content-Security-Policy violation Chromium reports in the
// tab, whatever the test itself checks.
func (p *portal) tab(t *testing.T) context.Context {
	t.Helper()
	ctx, seen := p.watchedTab(t)
	t.Cleanup(func() {
		for _, v := range seen.take(ctx) {
			t.Errorf("Content-Security-Policy violation: %s", v)
		}
	})
	return ctx
}

// closeTab closes a tab opened by p.tab before the test ends, once the
// Content-Security-Policy violations it reported have come in (the test's
// end still checks them). A test that opens tab after tab to time them
// closes each: Chromium slows every tab down while those of the tries
// before stay open, by more than a second after four of them.
func closeTab(t *testing.T, ctx context.Context) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[int](`1`)); err != nil {
		t.Errorf("the tab did not answer before closing: %v", err)
	}
	if err := chromedp.Cancel(ctx); err != nil {
		t.Errorf("closing the tab: %v", err)
	}
}

// watchedTab opens a new browser tab with a time limit, and returns what
// collects its Content-Security-Policy violations, for a test that
// expects some.
func (p *portal) watchedTab(t *testing.T) (context.Context, *violations) {
	t.Helper()
	seen := &violations{}
	ctx, cancel := chromedp.NewContext(p.browser, chromedp.WithListener(seen.listen))
	ctx, cancelTimeout := context.WithTimeout(ctx, 60*time.Second)
	t.Cleanup(func() {
		cancelTimeout()
		cancel()
	})
	if _, err := chromedp.Call(ctx, audits.Enable, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
	return ctx, seen
}

// pageTypes are the kinds of page a citizen meets, one example each.
var pageTypes = []struct {
	name, path string
}{
	{"home", "/"},
	{"procedure", "/thu-tuc/dang-ky-khai-sinh/"},
	{"archived procedure", "/thu-tuc/dang-ky-ket-hon-co-yeu-to-nuoc-ngoai/"},
	{"procedure index", "/thu-tuc/"},
	{"procedures of a field", "/thu-tuc/linh-vuc/ho-tich/"},
	{"list of agencies", "/thu-tuc/co-quan/"},
	{"ordinary page", "/gioi-thieu/"},
	{"directory", "/danh-ba/"},
	{"reception schedule", "/lich-tiep-cong-dan/"},
	{"directory poster", "/danh-ba/in/"},
	{"dashboard", "/ket-qua-phuc-vu/"},
	{"open data", "/du-lieu/"},
	{"procedures export", "/du-lieu/thu-tuc/"},
	{"directory export", "/du-lieu/danh-ba/"},
	{"dataset export", "/du-lieu/ho-so-thang/"},
	{"reception points", "/diem-tiep-nhan/"},
	{"reception point", "/diem-tiep-nhan/cong-an-phuong/"},
	{"accessibility statement", "/tuyen-bo-tiep-can/"},
	{"feedback channels", "/phan-anh-kien-nghi/"},
	{"late dossiers", "/ket-qua-phuc-vu/ho-so-tre-han/"},
	{"status lookup", "/tra-cuu-ho-so/"},
	{"not found", "/khong-co-trang-nay/"},
	{"search", "/tim-kiem/"},
	// The English edition (issue 21): every kind of page it has.
	{"English home", "/en/"},
	{"English procedure", "/en/thu-tuc/dang-ky-khai-sinh/"},
	{"English procedure index", "/en/thu-tuc/"},
	{"English procedures of a field", "/en/thu-tuc/linh-vuc/civil-status/"},
	{"English ordinary page", "/en/gioi-thieu/"},
	{"English directory", "/en/danh-ba/"},
	{"English reception schedule", "/en/lich-tiep-cong-dan/"},
	{"English dashboard", "/en/ket-qua-phuc-vu/"},
	{"English reception points", "/en/diem-tiep-nhan/"},
	{"English reception point", "/en/diem-tiep-nhan/cong-an-phuong/"},
	{"English search", "/en/tim-kiem/"},
	{"English not found", "/en/khong-co-trang-nay/"},
}

// pageLang is the language a page of pageTypes is written in.
func pageLang(path string) string {
	if strings.HasPrefix(path, "/en/") {
		return "en"
	}
	return "vi"
}

// viewports are a phone and a desktop, the sizes issues 17 and 18 name
// (375 × 667, 1280); narrower screens are TestReflow's (320 px).
var viewports = []struct {
	name          string
	width, height int64
}{
	{"phone", 375, 667},
	{"desktop", 1280, 900},
}
