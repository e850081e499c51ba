package browsertest

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// procedurePaths are the site paths of every procedure page of the built
// portal (not the lists, nor the redirects of old addresses).
func procedurePaths(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(shared.root, "thu-tuc", "*", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(b), `<body data-layout="procedure.html">`) {
			paths = append(paths, "/thu-tuc/"+filepath.Base(filepath.Dir(f))+"/")
		}
	}
	if len(paths) < 15 {
		t.Fatalf("%d procedure pages in the built portal, want the example's (at least 15)", len(paths))
	}
	return paths
}

// firstScreen is where a procedure page's answers are, in CSS pixels from
// the top of the page.
type firstScreen struct {
	Papers, PapersText, Fee, FeeText, Place, PlaceText float64
	Time, Online, TOC, Checklist, Channels             float64
	// Stacked is set when the rows of the table of channels are blocks
	// (a phone), and Headers counts its column headers.
	Stacked bool
	Headers int
}

const firstScreenProbe = `(() => {
	const bottom = sel => { const el = document.querySelector(sel); return el ? el.getBoundingClientRect().bottom + scrollY : 1e9; };
	const top = sel => { const el = document.querySelector(sel); return el ? el.getBoundingClientRect().top + scrollY : 1e9; };
	const row = document.querySelector(".compare tbody tr");
	return {
		Papers: bottom(".answer-papers dt"), PapersText: top(".answer-papers dd"),
		Fee: bottom(".answer-fee dt"), FeeText: top(".answer-fee dd"),
		Place: bottom(".answer-place dt"), PlaceText: top(".answer-place dd"),
		Time: bottom(".answer-time dt"), Online: bottom(".answer-online dt"),
		TOC: top("nav.toc"), Checklist: top("#giay-to-can-mang"), Channels: top("#cach-nop"),
		Stacked: !!row && getComputedStyle(row).display === "block",
		Headers: document.querySelectorAll(".compare thead th").length,
	};
})()`

// firstScreenSizes are the phone of issue 17 (375 × 667) and a desktop.
var firstScreenSizes = []struct {
	name          string
	width, height int64
}{{"375", 375, 667}, {"1280", 1280, 900}}

// screenLimit is one and a half screens of a 375 × 667 phone: what a
// citizen sees with one flick.
const screenLimit = 1000

// TestFirstScreen loads every procedure at 375 × 667 (a cheap phone) and
// at 1280 × 900: the documents to bring, the place to submit and the fee
// (with their answers) are within the first one and a half screens; then
// come the jump links and the details; the table of channels stacks its
// rows on the phone, and stays a table with its column headers.
func TestFirstScreen(t *testing.T) {
	for _, vp := range firstScreenSizes {
		for _, path := range procedurePaths(t) {
			t.Run(vp.name+path, func(t *testing.T) {
				ctx := shared.tab(t)
				if err := chromedp.Do(ctx, chromedp.EmulateViewport(vp.width, vp.height), chromedp.Navigate(shared.url(path))); err != nil {
					t.Fatal(err)
				}
				s, err := chromedp.Run(ctx, chromedp.Evaluate[firstScreen](firstScreenProbe))
				if err != nil {
					t.Fatal(err)
				}
				t.Logf("papers %.0f, place %.0f, fee %.0f, time %.0f px; jump links at %.0f, checklist at %.0f", s.Papers, s.Place, s.Fee, s.Time, s.TOC, s.Checklist)
				for _, a := range []struct {
					what string
					y    float64
				}{
					{"the documents to bring", s.Papers}, {"the first document", s.PapersText},
					{"the place to submit", s.Place}, {"its address", s.PlaceText},
					{"the fee", s.Fee}, {"its amount", s.FeeText},
				} {
					if a.y >= screenLimit {
						t.Errorf("%s at %.0f px, below the first one and a half screens (%d px)", a.what, a.y, screenLimit)
					}
				}
				if !(s.Time < s.TOC && s.TOC < s.Checklist && s.Checklist < s.Channels) {
					t.Errorf("order: answers (time at %.0f), jump links %.0f, checklist %.0f, channels %.0f", s.Time, s.TOC, s.Checklist, s.Channels)
				}
				if s.Stacked != (vp.width < 768) {
					t.Errorf("table of channels stacked %v at %d px", s.Stacked, vp.width)
				}
				if s.Headers != 4 {
					t.Errorf("the table of channels has %d column headers, want 4", s.Headers)
				}
			})
		}
	}
}

// TestProceduresAccessibility runs axe-core on every procedure page at
// the sizes of TestFirstScreen (the answers, the jump links and the table
// of channels change with the width): no WCAG 2.1 A or AA violation.
func TestProceduresAccessibility(t *testing.T) {
	axe := axeSource(t)
	for _, vp := range firstScreenSizes {
		for _, path := range procedurePaths(t) {
			t.Run(vp.name+path, func(t *testing.T) {
				ctx := shared.tab(t)
				if err := chromedp.Do(ctx, chromedp.EmulateViewport(vp.width, vp.height), chromedp.Navigate(shared.url(path))); err != nil {
					t.Fatal(err)
				}
				checkAxe(t, ctx, axe)
			})
		}
	}
}

// TestChecklistPrintsOnOneA4Page prints every procedure: the checklist of
// papers fits one A4 sheet, with a tick box for each paper, the code, the
// place, its hours where the directory knows them, and a QR code back to
// the page.
func TestChecklistPrintsOnOneA4Page(t *testing.T) {
	for _, path := range procedurePaths(t) {
		t.Run(strings.Trim(path, "/"), func(t *testing.T) {
			n, pdf := printPages(t, path)
			if n != 1 {
				t.Errorf("prints on %d pages, want 1", n)
			}
			if !a4.Match(pdf) {
				t.Errorf("not printed on A4 paper: %q", mediaBox.Find(pdf))
			}
			ctx := shared.tab(t)
			if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
				t.Fatal(err)
			}
			if err := chromedp.Do(ctx, chromedp.Navigate(shared.url(path))); err != nil {
				t.Fatal(err)
			}
			// The QR code is a file beside the page that only a printed
			// page loads (loading="lazy" in a part hidden on screen): it must
			// load once the page is laid out for print.
			loaded := chromedp.Poll[bool](`(() => { const q = document.querySelector(".takeaway img.qr"); return !!q && q.complete && q.naturalWidth > 0; })()`,
				chromedp.WithPollingTimeout(10*time.Second))
			if _, err := chromedp.Run(ctx, loaded); err != nil {
				t.Errorf("the QR code did not load for print: %v", err)
			}
			type printed struct {
				Papers, Boxes     int
				Code, Place, QR   bool
				Hours, HoursShown bool
				Channels, TOC     bool
			}
			p, err := chromedp.Run(ctx, chromedp.Evaluate[printed](`(() => {
				const shown = el => !!el && getComputedStyle(el).display !== "none" && el.getBoundingClientRect().height > 0;
				const qr = document.querySelector(".takeaway img.qr");
				return {
					Papers: [...document.querySelectorAll(".papers li")].filter(shown).length,
					Boxes: [...document.querySelectorAll(".papers li")].filter(li => getComputedStyle(li, "::before").borderStyle !== "none").length,
					Code: shown(document.querySelector(".takeaway")) && document.querySelector(".takeaway").textContent.includes(document.querySelector(".meta strong").textContent),
					Place: shown(document.querySelector(".answer-place dd")),
					// The day's hours, unless display.js took them away (a
					// page read on another day than it was built for).
					Hours: !!document.querySelector(".answer-place .hours [data-day]"),
					HoursShown: shown(document.querySelector(".answer-place .hours [data-day]")),
					QR: shown(qr) && qr.getBoundingClientRect().width >= 80,
					Channels: shown(document.querySelector(".channels")),
					TOC: shown(document.querySelector("nav.toc")),
				};
			})()`))
			if err != nil {
				t.Fatal(err)
			}
			if p.Papers == 0 || p.Boxes != p.Papers {
				t.Errorf("%d papers printed, %d with a tick box", p.Papers, p.Boxes)
			}
			if !p.Code || !p.Place || !p.QR {
				t.Errorf("printed: code %v, place %v, QR code %v; want all", p.Code, p.Place, p.QR)
			}
			if p.Hours && !p.HoursShown {
				t.Error("the place's hours are not printed")
			}
			if p.Channels || p.TOC {
				t.Errorf("printed: the table of channels %v, the jump links %v; want the checklist alone", p.Channels, p.TOC)
			}
		})
	}
}

// TestIconAndManifest: every page type declares its icon, theme colour
// and manifest, under the base path; the browser asks for no /favicon.ico,
// and nothing a page loads (icon, manifest, its icons) is missing.
func TestIconAndManifest(t *testing.T) {
	for _, vp := range viewports {
		for _, pt := range pageTypes {
			t.Run(vp.name+"/"+pt.name, func(t *testing.T) {
				ctx := shared.tab(t)
				var mu sync.Mutex
				var failed, favicon []string
				if err := chromedp.Listen(ctx, func(ev any) {
					e, ok := ev.(*network.EventResponseReceived)
					if !ok {
						return
					}
					mu.Lock()
					defer mu.Unlock()
					if strings.HasSuffix(e.Response.URL, "/favicon.ico") {
						favicon = append(favicon, e.Response.URL)
					}
					if e.Response.Status >= 400 && !strings.Contains(e.Response.URL, "/khong-co-trang-nay/") {
						failed = append(failed, fmt.Sprintf("%s %d", e.Response.URL, e.Response.Status))
					}
				}); err != nil {
					t.Fatal(err)
				}
				if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
					t.Fatal(err)
				}
				if err := chromedp.Do(ctx, chromedp.EmulateViewport(vp.width, vp.height), chromedp.Navigate(shared.url(pt.path)), chromedp.Sleep(300e6)); err != nil {
					t.Fatal(err)
				}
				type head struct {
					Icon, Manifest, Theme string
					Name                  string
					Icons                 []string
					Loaded                []int
				}
				h, err := chromedp.Run(ctx, chromedp.Evaluate[head](`(async () => {
					const href = sel => (document.querySelector(sel) || {}).href || "";
					const manifest = href('link[rel="manifest"]');
					const m = manifest ? await (await fetch(manifest)).json() : {icons: []};
					const icons = m.icons.map(i => new URL(i.src, manifest).href);
					const loaded = await Promise.all([href('link[rel="icon"]'), ...icons].map(u => fetch(u).then(r => r.status)));
					return {
						Icon: href('link[rel="icon"]'), Manifest: manifest,
						Theme: (document.querySelector('meta[name="theme-color"]') || {}).content || "",
						Name: m.name || "", Icons: icons, Loaded: loaded,
					};
				})()`, chromedp.EvalAwaitPromise))
				if err != nil {
					t.Fatal(err)
				}
				base := shared.srv.URL + basePath
				if !strings.HasPrefix(h.Icon, base) || !strings.HasPrefix(h.Manifest, base) {
					t.Errorf("icon %q and manifest %q, want both under %s", h.Icon, h.Manifest, base)
				}
				if h.Theme == "" {
					t.Error("no theme-color")
				}
				if !strings.Contains(h.Name, "Thủ Dầu Một") || len(h.Icons) < 2 {
					t.Errorf("manifest: name %q, icons %v", h.Name, h.Icons)
				}
				for i, status := range h.Loaded {
					if status != 200 {
						t.Errorf("icon %d of the page and its manifest answered %d", i, status)
					}
				}
				mu.Lock()
				defer mu.Unlock()
				if len(favicon) > 0 {
					t.Errorf("the browser asked for %v", favicon)
				}
				for _, f := range failed {
					t.Errorf("request failed: %s", f)
				}
			})
		}
	}
}

// TestStaleTodayGoes: a place's hours "today" are those of the day the
// portal was built; read on another day the line is taken away (the week's
// table and its link stay), and without JavaScript it keeps its date.
func TestStaleTodayGoes(t *testing.T) {
	const path = "/thu-tuc/dang-ky-khai-sinh/"
	b, err := os.ReadFile(filepath.Join(shared.root, filepath.FromSlash(strings.TrimPrefix(path, "/")), "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`data-day="(\d{4}-\d{2}-\d{2})"`).FindSubmatch(b)
	if m == nil {
		t.Fatal("the page has no dated hours (data-day)")
	}
	built := string(m[1])
	vn, err := time.LoadLocation("Asia/Ho_Chi_Minh")
	if err != nil {
		t.Fatal(err)
	}
	today := time.Now().In(vn).Format("2006-01-02")
	ctx := shared.tab(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(shared.url(path))); err != nil {
		t.Fatal(err)
	}
	type state struct{ Dated, WholeWeek int }
	got, err := chromedp.Run(ctx, chromedp.Evaluate[state](`({Dated: document.querySelectorAll("[data-day]").length, WholeWeek: document.querySelectorAll('.answer-place a[href="#noi-nop-ho-so"]').length})`))
	if err != nil {
		t.Fatal(err)
	}
	switch {
	case got.WholeWeek == 0:
		t.Error("the link to the week's hours went with the day's")
	case built != today && got.Dated != 0:
		t.Errorf("built for %s, read on %s: %d lines of hours still say today", built, today, got.Dated)
	case built == today && got.Dated == 0:
		t.Errorf("built for today (%s): its hours were taken away", today)
	}
}
