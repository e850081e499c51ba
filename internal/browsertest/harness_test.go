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

	"github.com/chromedp/chromedp"

	"github.com/congkhai/congkhai"
	"github.com/congkhai/congkhai/internal/build"
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
	srv        *httptest.Server
	root       string // the built files
	browser    context.Context
	cancel     func()
	procedures int // how many it has, for the names of tests that time it
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
	root, err := os.MkdirTemp("", "congkhai-browsertest-")
	if err != nil {
		return nil, err
	}
	p := &portal{root: filepath.Join(root, "public"), procedures: 18}
	p.srv = httptest.NewServer(http.StripPrefix(strings.TrimSuffix(basePath, "/"), siteHandler(p.root)))
	res, err := build.Run(build.Options{
		Source:      repoRoot,
		Destination: p.root,
		BaseURL:     p.srv.URL + basePath,
		Theme:       congkhai.Theme,
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
	p.cancel()
}

// contentSecurityPolicy is the strict policy the README recommends: every
// test runs under it, so nothing inline may run or style the page.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"

// siteHandler serves the built folder like a static host: index.html for
// folders, 404.html with status 404 for anything missing, and the strict
// Content-Security-Policy.
func siteHandler(root string) http.Handler {
	files := http.FileServer(http.Dir(root))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", contentSecurityPolicy)
		name := filepath.Join(root, filepath.FromSlash(r.URL.Path))
		info, err := os.Stat(name)
		if err == nil && info.IsDir() {
			_, err = os.Stat(filepath.Join(name, "index.html"))
		}
		if err != nil {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusNotFound)
			b, _ := os.ReadFile(filepath.Join(root, "404.html"))
			w.Write(b)
			return
		}
		files.ServeHTTP(w, r)
	})
}

// url is the address of a site path such as /thu-tuc/.
func (p *portal) url(sitePath string) string {
	return p.srv.URL + strings.TrimSuffix(basePath, "/") + sitePath
}

// tab opens a new browser tab for one test, with a time limit.
func (p *portal) tab(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := chromedp.NewContext(p.browser)
	ctx, cancelTimeout := context.WithTimeout(ctx, 60*time.Second)
	t.Cleanup(func() {
		cancelTimeout()
		cancel()
	})
	return ctx
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
	{"not found", "/khong-co-trang-nay/"},
	{"search", "/tim-kiem/"},
}

// viewports are a cheap phone and a desktop.
var viewports = []struct {
	name          string
	width, height int64
}{
	{"phone", 360, 740},
	{"desktop", 1280, 900},
}
