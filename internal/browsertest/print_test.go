package browsertest

import (
	"regexp"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

var (
	// pdfPage matches a page object of a PDF (not the /Pages tree).
	pdfPage  = regexp.MustCompile(`/Type\s*/Page[^s]`)
	mediaBox = regexp.MustCompile(`/MediaBox\s*\[[^\]]*\]`)
	a4       = regexp.MustCompile(`/MediaBox\s*\[\s*0 0 59[45]\.\d+ 841\.\d+\s*\]`)
)

// printPages prints the page at sitePath with the page size its CSS
// asks for and returns the number of PDF pages and the PDF.
func printPages(t *testing.T, sitePath string) (int, []byte) {
	t.Helper()
	ctx := shared.tab(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(shared.url(sitePath))); err != nil {
		t.Fatal(err)
	}
	yes := true
	res, err := chromedp.Call(ctx, page.PrintToPDF, page.PrintToPDFParams{PreferCSSPageSize: &yes})
	if err != nil {
		t.Fatal(err)
	}
	return len(pdfPage.FindAll(res.Data, -1)), res.Data
}

// TestPosterPrintsOnOneA4Page: the directory poster is meant to be posted
// at citizen-reception places, so it must fit one A4 sheet.
func TestPosterPrintsOnOneA4Page(t *testing.T) {
	n, pdf := printPages(t, "/danh-ba/in/")
	if n != 1 {
		t.Errorf("the poster prints on %d pages, want 1", n)
	}
	// A4 is 210 × 297 mm, 595.3 × 841.9 points.
	if !a4.Match(pdf) {
		t.Errorf("the poster is not printed on A4 paper: %q", mediaBox.Find(pdf))
	}
}

// TestReceptionPointPrintsAsCounterCard: a reception point's page prints
// as the card for its counter, its name, address and the survey with its
// QR code large enough to scan from a step away, on one A4 sheet; the week
// and the accessibility list stay on the screen.
func TestReceptionPointPrintsAsCounterCard(t *testing.T) {
	const path = "/diem-tiep-nhan/trung-tam-phuc-vu-hanh-chinh-cong/"
	if n, _ := printPages(t, path); n != 1 {
		t.Errorf("%s prints on %d pages, want 1", path, n)
	}
	ctx := shared.tab(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(shared.url(path))); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	type state struct {
		QR            float64 // width of the survey's QR code, CSS px
		Week, Feature bool    // visible
	}
	s, err := chromedp.Run(ctx, chromedp.Evaluate[state](`(() => {
		const shown = sel => { const el = document.querySelector(sel); return !!el && el.getBoundingClientRect().height > 0; };
		const qr = document.querySelector(".survey-qr .qr");
		return {QR: qr ? qr.getBoundingClientRect().width : 0, Week: shown(".office-week"), Feature: shown(".features")};
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	// 70 mm is 264.6 CSS px.
	if s.QR < 260 || s.Week || s.Feature {
		t.Errorf("printed: QR code %.0f px wide (want 70 mm, 265 px), week shown %v, features shown %v", s.QR, s.Week, s.Feature)
	}
}
