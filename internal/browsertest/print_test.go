package browsertest

import (
	"regexp"
	"testing"

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
