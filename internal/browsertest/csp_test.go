package browsertest

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/audits"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/chromedp"

	"github.com/congkhai/congkhai/internal/render"
)

// violation is one thing Chromium reported about the
// Content-Security-Policy of a page.
type violation struct {
	// directive is the directive broken (script-src-elem, frame-ancestors),
	// "" for a message of the console.
	directive string
	text      string
}

func (v violation) String() string {
	if v.directive == "" {
		return "console: " + v.text
	}
	return v.text
}

// violations collects what Chromium reports about the
// Content-Security-Policy of a tab, through DevTools rather than the page:
// an Audits issue for each violation (the DevTools Issues panel), and each
// security error of the console, which also tells of a policy the browser
// could not read or ignored in part. So a violation is seen when the
// page's scripts are off (TestWithoutJavaScript) or never loaded, and
// from a header policy as from a <meta> one.
type violations struct {
	mu   sync.Mutex
	list []violation
}

// listen is the tab's listener (chromedp.WithListener): it runs on the
// goroutine that reads the tab's messages, so it only records.
func (v *violations) listen(ev any) {
	var got violation
	switch e := ev.(type) {
	case *audits.EventIssueAdded:
		d := e.Issue.Details.ContentSecurityPolicyIssueDetails
		if e.Issue.Code != audits.InspectorIssueCodeContentSecurityPolicyIssue || d == nil {
			return
		}
		got = violation{directive: d.ViolatedDirective, text: describeIssue(d)}
	case *log.EventEntryAdded:
		if e.Entry.Source != log.EntrySourceSecurity || e.Entry.Level != log.EntryLevelError {
			return
		}
		got = violation{text: strings.TrimSpace(e.Entry.Text)}
	default:
		return
	}
	v.mu.Lock()
	v.list = append(v.list, got)
	v.mu.Unlock()
}

// describeIssue writes a violation as a line: the directive, what it
// refused, and where.
func describeIssue(d *audits.ContentSecurityPolicyIssueDetails) string {
	s := d.ViolatedDirective + " refused "
	switch {
	case d.BlockedURL != "":
		s += d.BlockedURL
	case d.FrameAncestor != nil:
		s += "a frame of another site"
	default:
		s += strings.TrimPrefix(string(d.ContentSecurityPolicyViolationType), "k")
	}
	if l := d.SourceCodeLocation; l != nil && l.URL != "" {
		s += fmt.Sprintf(" at %s:%d", l.URL, l.LineNumber+1)
	}
	if d.IsReportOnly {
		s += " (report only)"
	}
	return s
}

// take returns the violations seen so far and forgets them. It first
// makes a round trip to the tab, so that every event Chromium sent before
// has been read; when the tab is gone it returns what it has.
func (v *violations) take(ctx context.Context) []violation {
	_, _ = chromedp.Run(ctx, chromedp.Evaluate[int](`1`))
	v.mu.Lock()
	defer v.mu.Unlock()
	list := v.list
	v.list = nil
	return list
}

// directives are the directives of the violations in list, each once,
// with the number of console messages.
func directives(list []violation) (map[string]bool, int) {
	seen, console := map[string]bool{}, 0
	for _, v := range list {
		if v.directive == "" {
			console++
		} else {
			seen[v.directive] = true
		}
	}
	return seen, console
}

// otherSite is a site other than the portal: /frame/ shows the portal's
// home page in a frame, and faults.html under the base path is a page that
// breaks the policy, served with the portal's own _headers.
func otherSite(p *portal, rules headerRules) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/frame/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!DOCTYPE html><html lang="vi"><title>Khung</title><iframe title="Cổng" src="%s"></iframe></html>`, p.url("/"))
	})
	mux.Handle(basePath+"faults.html", rules.handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!DOCTYPE html><html lang="vi"><title>Lỗi</title>
<p style="color: red">Kiểu viết ngay trong thẻ.</p>
<script>window.ran = true</script>
<img alt="" src="%s">
</html>`, p.url("/khong-co.png"))
	})))
	return mux
}

// TestViolationsAreSeen proves that the detector every tab has is not
// vacuous: under the portal's _headers, a page with an inline script, an
// inline style and an image from another site is reported for each, and
// the portal in another site's frame is refused and reported.
func TestViolationsAreSeen(t *testing.T) {
	ctx, seen := shared.watchedTab(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(siteURL(shared.other, "/faults.html")), chromedp.Sleep(300e6)); err != nil {
		t.Fatal(err)
	}
	got := seen.take(ctx)
	found, console := directives(got)
	for _, want := range []string{"script-src-elem", "style-src-attr", "img-src"} {
		if !found[want] {
			t.Errorf("no %s violation reported on a page that breaks it; reported: %v", want, got)
		}
	}
	if console < 3 {
		t.Errorf("%d console errors for three violations: %v", console, got)
	}
	ran, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.ran === true`))
	if err != nil {
		t.Fatal(err)
	}
	if ran {
		t.Error("the inline script ran under the policy")
	}

	if err := chromedp.Do(ctx, chromedp.Navigate(shared.other.URL+"/frame/"), chromedp.Sleep(500e6)); err != nil {
		t.Fatal(err)
	}
	got = seen.take(ctx)
	if found, _ := directives(got); !found["frame-ancestors"] {
		t.Errorf("the portal in another site's frame was not refused by frame-ancestors; reported: %v", got)
	}
}

// TestStrictContentSecurityPolicy loads every page type, a redirect and a
// chart's tooltip under the portal's _headers: shared.tab fails the test
// on any violation. Then it loads each page from a host that sends no
// header, where the <meta> policy alone must refuse an inline script.
func TestStrictContentSecurityPolicy(t *testing.T) {
	pages := slices.Concat(pageTypes, []struct{ name, path string }{{"redirect", "/gioi-thieu-chung/"}})
	for _, pt := range pages {
		t.Run(pt.name, func(t *testing.T) {
			ctx := shared.tab(t)
			if err := chromedp.Do(ctx, chromedp.Navigate(shared.url(pt.path)), chromedp.Sleep(400e6)); err != nil {
				t.Fatal(err)
			}
		})
		t.Run(pt.name+" without headers", func(t *testing.T) {
			ctx, seen := shared.watchedTab(t)
			if err := chromedp.Do(ctx, chromedp.Navigate(siteURL(shared.bare, pt.path)), chromedp.Sleep(400e6)); err != nil {
				t.Fatal(err)
			}
			if got := seen.take(ctx); len(got) > 0 {
				t.Errorf("violations under the <meta> policy: %v", got)
			}
			ran, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`new Promise(done => {
				const s = document.createElement("script");
				s.textContent = "window.ran = true";
				document.body.append(s);
				setTimeout(() => done(window.ran === true), 100);
			})`, chromedp.EvalAwaitPromise))
			if err != nil {
				t.Fatal(err)
			}
			if ran {
				t.Error("an inline script ran: the page's <meta> policy is missing or too loose")
			}
			if found, _ := directives(seen.take(ctx)); !found["script-src-elem"] {
				t.Error("the refused inline script was not reported")
			}
		})
	}
	t.Run("tooltip", func(t *testing.T) {
		ctx := shared.tab(t)
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(shared.url("/ket-qua-phuc-vu/")),
			chromedp.WaitVisible(".chart-canvas svg"), chromedp.ScrollIntoView(".chart-canvas")); err != nil {
			t.Fatal(err)
		}
		box, err := chromedp.Run(ctx, chromedp.Dimensions(".chart-canvas"))
		if err != nil {
			t.Fatal(err)
		}
		q := box.Content
		if err := chromedp.Do(ctx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, (q[0]+q[2])/2, (q[1]+q[5])/2)); err != nil {
			t.Fatal(err)
		}
		// The tooltip comes on a frame after the move; a loaded machine may
		// take a while (what it holds is checked below, whether or not it came).
		chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector(".chart-canvas .chart-tip-row") !== null`, chromedp.WithPollingTimeout(5*time.Second)))
		type tip struct {
			Rows, Marked int
			Head         string
		}
		got, err := chromedp.Run(ctx, chromedp.Evaluate[tip](`(() => {
			const rows = [...document.querySelectorAll(".chart-canvas .chart-tip-row")];
			return {
				Rows: rows.length,
				Marked: rows.filter(r => getComputedStyle(r.querySelector(".chart-tip-mark")).backgroundColor !== "rgba(0, 0, 0, 0)").length,
				Head: (document.querySelector(".chart-canvas .chart-tip-head") || {}).textContent || "",
			};
		})()`))
		if err != nil {
			t.Fatal(err)
		}
		if got.Rows == 0 || got.Head == "" {
			t.Fatalf("no tooltip over the first chart: %+v", got)
		}
		if got.Marked != got.Rows {
			t.Errorf("%d of %d tooltip rows have their series' colour", got.Marked, got.Rows)
		}
	})
}

// TestSecurityHeaders checks that the rules of the built _headers reach
// every page type, the not-found page and the hashed files under the base
// path: each response carries render.SecurityHeaders, and a hashed file
// (the style sheet, the scripts, ECharts) the year's cache.
func TestSecurityHeaders(t *testing.T) {
	check := func(u string, cache string) {
		t.Helper()
		res, err := http.Get(u)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		for _, h := range render.SecurityHeaders() {
			if got := res.Header.Values(h.Name); len(got) != 1 || got[0] != h.Value {
				t.Errorf("%s: %s: %q, want %q", u, h.Name, got, h.Value)
			}
		}
		if got := res.Header.Get("Cache-Control"); got != cache {
			t.Errorf("%s: Cache-Control %q, want %q", u, got, cache)
		}
	}
	for _, pt := range pageTypes {
		check(shared.url(pt.path), "")
	}
	ctx := shared.tab(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(shared.url("/ket-qua-phuc-vu/"))); err != nil {
		t.Fatal(err)
	}
	// ECharts is fetched when a chart comes near the screen: its address
	// is in charts.js's data-echarts.
	hashed, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[
		...[...document.querySelectorAll("link[rel=stylesheet], script[src]")].map(e => e.href || e.src),
		...[...document.querySelectorAll("script[data-echarts]")].map(e => new URL(e.dataset.echarts, location.href).href),
	]`))
	if err != nil {
		t.Fatal(err)
	}
	if len(hashed) < 4 {
		t.Fatalf("%d stylesheets and scripts on the dashboard, want at least 4: %q", len(hashed), hashed)
	}
	for _, u := range hashed {
		check(u, render.ImmutableCache)
	}
}

// TestJSONLDIsData: the schema.org JSON-LD of a page is a data block the
// browser parses as JSON and never runs, so the strict policy holds with
// it (every tab fails on a violation): with the headers and with the
// <meta> policy alone.
func TestJSONLDIsData(t *testing.T) {
	for _, path := range []string{"/thu-tuc/dang-ky-khai-sinh/", "/danh-ba/", "/du-lieu/", "/du-lieu/ho-so-thang/"} {
		t.Run(path, func(t *testing.T) {
			ctx, seen := shared.watchedTab(t)
			if err := chromedp.Do(ctx, chromedp.Navigate(siteURL(shared.bare, path)), chromedp.Sleep(300e6)); err != nil {
				t.Fatal(err)
			}
			type ld struct {
				Blocks, Nodes int
				Types         []string
			}
			got, err := chromedp.Run(ctx, chromedp.Evaluate[ld](`(() => {
				const blocks = [...document.querySelectorAll('script[type="application/ld+json"]')];
				const graph = blocks.length ? JSON.parse(blocks[0].textContent)["@graph"] : [];
				return {Blocks: blocks.length, Nodes: graph.length, Types: graph.map(n => n["@type"])};
			})()`))
			if err != nil {
				t.Fatal(err)
			}
			if got.Blocks != 1 || got.Nodes < 2 || got.Types[0] != "BreadcrumbList" {
				t.Errorf("JSON-LD: %+v, want one block with the breadcrumbs and what the page describes", got)
			}
			if v := seen.take(ctx); len(v) > 0 {
				t.Errorf("violations: %v", v)
			}
		})
	}
}
