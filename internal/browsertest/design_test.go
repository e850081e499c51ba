package browsertest

import (
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// TestStructure checks what axe-core's WCAG rules leave to best practice:
// one h1, headings that never skip a level, the landmarks, and every table
// with a caption and header cells.
func TestStructure(t *testing.T) {
	for _, pt := range pageTypes {
		t.Run(pt.name, func(t *testing.T) {
			ctx := shared.tab(t)
			if err := chromedp.Do(ctx, chromedp.Navigate(shared.url(pt.path))); err != nil {
				t.Fatal(err)
			}
			type structure struct {
				Lang                  string
				Levels                []int
				Header, Nav, Main     int
				Footer                int
				Tables, Captioned, TH int
			}
			s, err := chromedp.Run(ctx, chromedp.Evaluate[structure](`({
				Lang: document.documentElement.lang,
				Levels: [...document.querySelectorAll("h1,h2,h3,h4,h5,h6")].map(h => +h.tagName[1]),
				Header: document.querySelectorAll("body > header").length,
				Nav: document.querySelectorAll("nav[aria-label]").length,
				Main: document.querySelectorAll("main").length,
				Footer: document.querySelectorAll("body > footer").length,
				Tables: document.querySelectorAll("table").length,
				Captioned: document.querySelectorAll("table > caption").length,
				TH: [...document.querySelectorAll("table")].filter(t => t.querySelector("th")).length,
			})`))
			if err != nil {
				t.Fatal(err)
			}
			if want := pageLang(pt.path); s.Lang != want {
				t.Errorf(`<html lang=%q>, want %q`, s.Lang, want)
			}
			ones := 0
			for i, l := range s.Levels {
				if l == 1 {
					ones++
				}
				if i > 0 && l > s.Levels[i-1]+1 {
					t.Errorf("heading levels %v skip from h%d to h%d", s.Levels, s.Levels[i-1], l)
				}
			}
			if ones != 1 || len(s.Levels) == 0 || s.Levels[0] != 1 {
				t.Errorf("headings %v: want exactly one h1, first", s.Levels)
			}
			if s.Header != 1 || s.Main != 1 || s.Footer != 1 || s.Nav < 1 {
				t.Errorf("landmarks: %d header, %d nav, %d main, %d footer", s.Header, s.Nav, s.Main, s.Footer)
			}
			if s.Captioned != s.Tables || s.TH != s.Tables {
				t.Errorf("%d tables, %d with a caption, %d with header cells", s.Tables, s.Captioned, s.TH)
			}
		})
	}
}

// TestDisplayControls uses the text-size and high-contrast controls with
// the keyboard, checks that the choice holds on the next page, and runs
// axe-core on the high-contrast page.
func TestDisplayControls(t *testing.T) {
	ctx := shared.tab(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(shared.url("/")), chromedp.WaitVisible("[data-display-controls]")); err != nil {
		t.Fatal(err)
	}
	size := func() float64 {
		v, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`parseFloat(getComputedStyle(document.documentElement).fontSize)`))
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	base := size()
	if err := chromedp.Do(ctx,
		chromedp.Focus(`[aria-label="Tăng cỡ chữ"]`), chromedp.KeyEvent("\r"),
		chromedp.Focus(`[aria-label="Tăng cỡ chữ"]`), chromedp.KeyEvent("\r"),
		chromedp.Focus(`[aria-label="Tương phản cao"]`), chromedp.KeyEvent("\r"),
	); err != nil {
		t.Fatal(err)
	}
	if got := size(); got <= base {
		t.Errorf("font size %v after A+ twice, was %v", got, base)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(shared.url("/thu-tuc/dang-ky-khai-sinh/")), chromedp.WaitVisible("[data-display-controls]")); err != nil {
		t.Fatal(err)
	}
	if got := size(); got != base*1.25 {
		t.Errorf("font size on the next page %v, want %v (remembered)", got, base*1.25)
	}
	type hc struct {
		Class   bool
		Pressed string
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[hc](`({Class: document.documentElement.classList.contains("high-contrast"), Pressed: document.querySelector('[aria-label="Tương phản cao"]').getAttribute("aria-pressed")})`))
	if err != nil {
		t.Fatal(err)
	}
	if !got.Class || got.Pressed != "true" {
		t.Errorf("high contrast not remembered on the next page: %+v", got)
	}
	res := runAxe(t, ctx, axeSource(t))
	for _, v := range res.Violations {
		t.Errorf("high contrast: %s (%s): %s, %d elements", v.ID, v.Impact, v.Help, len(v.Nodes))
	}
	// Back to normal for the other tests sharing the browser profile.
	if err := chromedp.Do(ctx, chromedp.Focus(`[aria-label="Cỡ chữ mặc định"]`), chromedp.KeyEvent("\r"),
		chromedp.Focus(`[aria-label="Tương phản cao"]`), chromedp.KeyEvent("\r")); err != nil {
		t.Fatal(err)
	}
}

// TestProcedurePrintsAsChecklist: printed, a procedure page is the
// checklist of papers to bring, without navigation or downloads.
func TestProcedurePrintsAsChecklist(t *testing.T) {
	ctx := shared.tab(t)
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(shared.url("/thu-tuc/dang-ky-khai-sinh/"))); err != nil {
		t.Fatal(err)
	}
	type printed struct {
		Nav, Papers, Boxes, Downloads int
		ChecklistFirst                bool
	}
	p, err := chromedp.Run(ctx, chromedp.Evaluate[printed](`(() => {
		const shown = sel => [...document.querySelectorAll(sel)].filter(e => getComputedStyle(e).display !== "none").length;
		return {
			Nav: shown(".site-nav"),
			Papers: shown(".papers li"),
			Boxes: [...document.querySelectorAll(".papers li")].filter(li => getComputedStyle(li, "::before").borderStyle !== "none").length,
			Downloads: shown("a.download"),
			ChecklistFirst: document.querySelector(".checklist").getBoundingClientRect().top < document.querySelector(".summary").getBoundingClientRect().top,
		};
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	if p.Nav != 0 || p.Downloads != 0 {
		t.Errorf("printed page shows %d navigation bars and %d download links", p.Nav, p.Downloads)
	}
	if !p.ChecklistFirst {
		t.Error("on paper the checklist should come right after the title")
	}
	if p.Papers == 0 || p.Boxes != p.Papers {
		t.Errorf("printed checklist: %d papers, %d with a tick box", p.Papers, p.Boxes)
	}
	n, _ := printPages(t, "/thu-tuc/dang-ky-khai-sinh/")
	// Đăng ký khai sinh is among the longest: three channels with their
	// fee wording in full, and seven papers.
	if n > 3 {
		t.Errorf("the procedure prints on %d pages, want at most 3", n)
	}
}
