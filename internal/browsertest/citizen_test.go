package browsertest

import (
	"compress/gzip"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestWithoutJavaScript loads every page type with JavaScript turned off,
// at a phone's size and a desktop's:
// the main content is there, the navigation works, every chart's data table
// is visible, and no control that needs JavaScript is offered.
func TestWithoutJavaScript(t *testing.T) {
	for _, vp := range viewports {
		for _, pt := range pageTypes {
			t.Run(vp.name+"/"+pt.name, func(t *testing.T) { withoutJavaScript(t, vp.width, vp.height, pt.path) })
		}
	}
}

// withoutJavaScript checks one page at one size with JavaScript turned off.
func withoutJavaScript(t *testing.T, width, height int64, path string) {
	ctx := shared.tab(t)
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, height), chromedp.Navigate(shared.url(path))); err != nil {
		t.Fatal(err)
	}
	type state struct {
		Scripts               bool
		MainText, NavLinks    int
		Tables, VisibleTables int
		Charts, VisibleCanvas int
		Controls              bool
		Heading               string
	}
	// Evaluate runs with scripts disabled for the page: DevTools
	// evaluation is not page script.
	s, err := chromedp.Run(ctx, chromedp.Evaluate[state](`(() => {
		const visible = el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== "hidden"; };
		return {
			Scripts: typeof window.echarts !== "undefined",
			MainText: document.querySelector("main").innerText.trim().length,
			NavLinks: [...document.querySelectorAll(".site-nav a, .breadcrumbs a, main a")].filter(visible).length,
			Tables: document.querySelectorAll("figure.chart table").length,
			VisibleTables: [...document.querySelectorAll("figure.chart table")].filter(visible).length,
			Charts: document.querySelectorAll(".chart-canvas").length,
			VisibleCanvas: [...document.querySelectorAll(".chart-canvas")].filter(visible).length,
			Controls: visible(document.querySelector("[data-display-controls]")) ,
			Heading: (document.querySelector("h1") || {}).textContent || "",
		};
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	if s.Scripts {
		t.Fatal("scripts ran although JavaScript is off")
	}
	if s.MainText < 100 || s.Heading == "" {
		t.Errorf("main content missing without JavaScript: %d characters, heading %q", s.MainText, s.Heading)
	}
	if s.NavLinks < 3 {
		t.Errorf("only %d visible links without JavaScript", s.NavLinks)
	}
	if s.VisibleTables != s.Tables {
		t.Errorf("%d of %d chart tables visible without JavaScript", s.VisibleTables, s.Tables)
	}
	if s.VisibleCanvas != 0 {
		t.Errorf("%d empty chart areas shown without JavaScript", s.VisibleCanvas)
	}
	if s.Controls {
		t.Error("the text-size controls are shown although they cannot work without JavaScript")
	}
}

// TestKeyboard walks each page with the Tab key: the first stop is the
// skip link, which moves focus to the main content; every stop is visible
// and visibly focused; the order follows the page (no positive tabindex),
// and the main navigation is reached without a mouse.
func TestKeyboard(t *testing.T) {
	for _, pt := range []string{"/", "/thu-tuc/dang-ky-khai-sinh/", "/danh-ba/", "/ket-qua-phuc-vu/", "/diem-tiep-nhan/trung-tam-phuc-vu-hanh-chinh-cong/", "/ket-qua-phuc-vu/ho-so-tre-han/"} {
		t.Run(pt, func(t *testing.T) {
			ctx := shared.tab(t)
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(shared.url(pt))); err != nil {
				t.Fatal(err)
			}
			type stop struct {
				Tag, Text, Class string
				Visible, Focused bool
				Order            int
				InNav            bool
			}
			probe := `(() => {
				const el = document.activeElement;
				const r = el.getBoundingClientRect();
				const cs = getComputedStyle(el);
				const all = [...document.querySelectorAll("a[href], button, [tabindex], input, select, textarea")].filter(e => !e.disabled && e.tabIndex >= 0);
				return {
					Tag: el.tagName, Text: (el.innerText || el.getAttribute("aria-label") || "").trim().slice(0, 40), Class: el.className,
					Visible: r.width > 0 && r.height > 0,
					Focused: (cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) >= 2) || cs.boxShadow !== "none",
					Order: all.indexOf(el),
					InNav: !!el.closest(".site-nav"),
				};
			})()`
			var stops []stop
			for i := 0; i < 400; i++ {
				if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab)); err != nil {
					t.Fatal(err)
				}
				s, err := chromedp.Run(ctx, chromedp.Evaluate[stop](probe))
				if err != nil {
					t.Fatal(err)
				}
				if s.Tag == "BODY" || (len(stops) > 0 && s.Order <= stops[len(stops)-1].Order) {
					break // out of the page, or wrapped around
				}
				stops = append(stops, s)
			}
			if len(stops) == 0 || !strings.Contains(stops[0].Class, "skip-link") {
				t.Fatalf("the first Tab stop is %+v, want the skip link", stops)
			}
			nav := false
			for i, s := range stops {
				nav = nav || s.InNav
				if !s.Visible {
					t.Errorf("Tab stop %d (%s %q) is not visible", i, s.Tag, s.Text)
				}
				if !s.Focused {
					t.Errorf("Tab stop %d (%s %q) shows no focus outline", i, s.Tag, s.Text)
				}
				if s.Order != i {
					t.Errorf("Tab stop %d (%s %q) is element %d in page order", i, s.Tag, s.Text, s.Order)
				}
			}
			if !nav {
				t.Error("the main navigation is not reached with the Tab key")
			}
			// Enter on the skip link moves focus into the main content.
			if err := chromedp.Do(ctx, chromedp.Navigate(shared.url(pt)), chromedp.KeyEvent(kb.Tab), chromedp.KeyEvent(kb.Enter), chromedp.KeyEvent(kb.Tab)); err != nil {
				t.Fatal(err)
			}
			inMain, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`!!document.activeElement.closest("main")`))
			if err != nil {
				t.Fatal(err)
			}
			if !inMain {
				t.Error("after the skip link, the next Tab stop is not in the main content")
			}
		})
	}
}

// requests loads the page at sitePath in a new tab and returns the address
// of every request it made while it loaded.
func requests(t *testing.T, sitePath string) []string {
	t.Helper()
	ctx := shared.tab(t)
	var mu sync.Mutex
	var urls []string
	if err := chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok {
			mu.Lock()
			urls = append(urls, e.Request.URL)
			mu.Unlock()
		}
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(shared.url(sitePath)), chromedp.Sleep(300e6)); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	return append([]string(nil), urls...)
}

// TestNoRequestLeavesTheSite records every request each page type makes
// while it loads: all must go to the site itself.
func TestNoRequestLeavesTheSite(t *testing.T) {
	site, err := url.Parse(shared.srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	for _, pt := range pageTypes {
		t.Run(pt.name, func(t *testing.T) {
			urls := requests(t, pt.path)
			if len(urls) == 0 {
				t.Fatal("no request recorded")
			}
			for _, u := range urls {
				p, err := url.Parse(u)
				if err != nil || (p.Scheme != "data" && p.Host != site.Host) {
					t.Errorf("request to another host: %s", u)
				}
			}
		})
	}
}

// pageBudget is the most a page may weigh, compressed (gzip), with its CSS
// and scripts: cheap phones on slow networks. Pages with charts also carry
// ECharts.
const (
	pageBudget      = 30 * 1024
	chartPageBudget = 30*1024 + 240*1024
)

// TestPageWeight loads each page type, sums the gzip size of every file it
// fetched from the site, and fails above the budget.
func TestPageWeight(t *testing.T) {
	for _, pt := range pageTypes {
		t.Run(pt.name, func(t *testing.T) {
			urls := requests(t, pt.path)
			total, charts := 0, false
			var parts []string
			for _, u := range urls {
				n := shared.gzipSize(t, u)
				total += n
				charts = charts || strings.Contains(u, "/js/echarts.")
				parts = append(parts, fmt.Sprintf("%s %d", u[len(shared.srv.URL):], n))
			}
			budget := pageBudget
			if charts {
				budget = chartPageBudget
			}
			t.Logf("%d bytes compressed (budget %d): %s", total, budget, strings.Join(parts, ", "))
			if total > budget {
				t.Errorf("%s weighs %d bytes compressed, over the budget of %d: %s", pt.path, total, budget, strings.Join(parts, ", "))
			}
		})
	}
}

// Budgets of issue 17, compressed (gzip) as a host sends them: what a
// procedure page weighs with its style sheet and scripts, and the scripts
// of the dashboard once every chart is drawn.
//
// The dashboard's scripts stay above the 150 KB the issue hoped for: the
// slim ECharts (internal/echarts/bundle) is 180.4 KiB gzip, and ECharts
// 5.6 with nothing but its core, the SVG renderer, the line and bar charts
// and the simple grid (no axis pointer) is 148.3 KiB already, which the
// site's own two scripts (2.2 KiB) take past 150 before any of the
// tooltip, legend, mark lines, aria and label layout the charts use
// (32.2 KiB together). The budget holds what is built, so that the weight
// cannot grow unnoticed.
const (
	procedureBudget       = 12 * 1024
	dashboardScriptBudget = 190 * 1024
)

// weight is what a loaded page fetched from the site, each file gzip
// compressed, by kind: the page itself (HTML), style sheets and scripts;
// icons, the manifest and images are left out.
type weight struct {
	HTML, CSS, JS int
	files         []string
}

func (w weight) String() string {
	return fmt.Sprintf("HTML %d + CSS %d + JS %d = %d bytes (%s)", w.HTML, w.CSS, w.JS, w.HTML+w.CSS+w.JS, strings.Join(w.files, ", "))
}

// pageWeight loads sitePath at a phone's size and weighs what it fetched;
// with drawn, once every chart was scrolled into view and drawn.
func pageWeight(t *testing.T, sitePath string, drawn bool) weight {
	t.Helper()
	ctx := shared.tab(t)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(375, 667), chromedp.Navigate(shared.url(sitePath))); err != nil {
		t.Fatal(err)
	}
	if drawn {
		got, err := chromedp.Run(ctx, chromedp.Evaluate[chartCounts](drawnProbe+"(true)", chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatal(err)
		}
		if got.Figures == 0 || got.Drawn != got.Figures {
			t.Fatalf("%d of %d charts drawn: cannot weigh what they need", got.Drawn, got.Figures)
		}
	}
	urls, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[location.href, ...performance.getEntriesByType("resource").map(e => e.name)]`))
	if err != nil {
		t.Fatal(err)
	}
	var w weight
	for _, u := range urls {
		parsed, err := url.Parse(u)
		if err != nil {
			t.Fatal(err)
		}
		var kind *int
		switch {
		case strings.HasSuffix(parsed.Path, "/"):
			kind = &w.HTML
		case strings.HasSuffix(parsed.Path, ".css"):
			kind = &w.CSS
		case strings.HasSuffix(parsed.Path, ".js"):
			kind = &w.JS
		default:
			continue
		}
		n := shared.gzipSize(t, u)
		*kind += n
		w.files = append(w.files, fmt.Sprintf("%s %d", strings.TrimPrefix(parsed.Path, strings.TrimSuffix(basePath, "/")), n))
	}
	if w.HTML == 0 || w.CSS == 0 {
		t.Fatalf("the page or its style sheet was not fetched: %v", urls)
	}
	return w
}

// TestProcedureWeight weighs every procedure page of the portal: its HTML,
// style sheet and scripts together stay within 12 KB compressed, what a
// cheap phone on a slow network loads in a few seconds.
func TestProcedureWeight(t *testing.T) {
	for _, path := range procedurePaths(t) {
		t.Run(strings.Trim(path, "/"), func(t *testing.T) {
			w := pageWeight(t, path, false)
			t.Logf("%s: %v, budget %d", path, w, procedureBudget)
			if total := w.HTML + w.CSS + w.JS; total > procedureBudget {
				t.Errorf("%s weighs %d bytes compressed, over the budget of %d: %v", path, total, procedureBudget, w)
			}
		})
	}
}

// TestDashboardWeight weighs the dashboard once every chart is drawn: its
// scripts, ECharts included, stay within their budget.
func TestDashboardWeight(t *testing.T) {
	w := pageWeight(t, "/ket-qua-phuc-vu/", true)
	t.Logf("%v; scripts budget %d", w, dashboardScriptBudget)
	if !strings.Contains(strings.Join(w.files, " "), "/js/echarts.") {
		t.Fatalf("ECharts not among the files weighed: %v", w)
	}
	if w.JS > dashboardScriptBudget {
		t.Errorf("the dashboard's scripts weigh %d bytes compressed, over the budget of %d: %v", w.JS, dashboardScriptBudget, w)
	}
}

// gzipSize is the size of a fetched file of the site once gzip-compressed,
// as a static host would send it.
func (p *portal) gzipSize(t *testing.T, u string) int {
	t.Helper()
	parsed, err := url.Parse(u)
	if err != nil {
		t.Fatal(err)
	}
	rel := strings.TrimPrefix(parsed.Path, strings.TrimSuffix(basePath, "/"))
	name := filepath.Join(p.root, filepath.FromSlash(rel))
	if strings.HasSuffix(rel, "/") {
		name = filepath.Join(name, "index.html")
	}
	b, err := os.ReadFile(name)
	if err != nil {
		b, err = os.ReadFile(filepath.Join(p.root, "404.html"))
		if err != nil {
			t.Fatal(err)
		}
	}
	var c countWriter
	w, _ := gzip.NewWriterLevel(&c, gzip.BestCompression)
	w.Write(b)
	w.Close()
	return int(c)
}

type countWriter int

func (c *countWriter) Write(b []byte) (int, error) {
	*c += countWriter(len(b))
	return len(b), nil
}

// TestReflow checks that text reflows without horizontal scrolling at a
// width of 320 CSS pixels (a small phone, or 1280 pixels at 400% zoom) and
// at 640 (200% zoom): only data tables may scroll, inside their own region.
func TestReflow(t *testing.T) {
	for _, width := range []int64{320, 640} {
		for _, pt := range pageTypes {
			t.Run(fmt.Sprintf("%d/%s", width, pt.name), func(t *testing.T) {
				ctx := shared.tab(t)
				if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 800), chromedp.Navigate(shared.url(pt.path)), chromedp.Sleep(200e6)); err != nil {
					t.Fatal(err)
				}
				wide, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`(() => {
					const limit = document.documentElement.clientWidth;
					const out = [];
					for (const el of document.querySelectorAll("body *")) {
						if (el.closest(".table-scroll") || el.closest("svg")) continue;
						const r = el.getBoundingClientRect();
						if (r.width > 0 && r.right > limit + 1) out.push(el.tagName + "." + el.className + " right=" + Math.round(r.right));
					}
					if (document.documentElement.scrollWidth > limit + 1) out.unshift("page scrolls sideways: " + document.documentElement.scrollWidth);
					return out.slice(0, 10);
				})()`))
				if err != nil {
					t.Fatal(err)
				}
				for _, w := range wide {
					t.Errorf("wider than %d px: %s", width, w)
				}
			})
		}
	}
}
