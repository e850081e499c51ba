package browsertest

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestChartsDraw checks that every chart of the dashboard is drawn as SVG
// by the site's own ECharts, and that its table stays on the page.
func TestChartsDraw(t *testing.T) {
	ctx := shared.tab(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(shared.url("/ket-qua-phuc-vu/"))); err != nil {
		t.Fatal(err)
	}
	type counts struct {
		Figures, Drawn, Tables int
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[counts](`new Promise(done => {
		const count = () => ({
			Figures: document.querySelectorAll("figure.chart").length,
			Drawn: [...document.querySelectorAll(".chart-canvas")].filter(el => !el.hidden && el.querySelector("svg")).length,
			Tables: document.querySelectorAll("figure.chart table").length,
		});
		let tries = 0;
		const wait = () => { const c = count(); if (c.Drawn === c.Figures || ++tries > 50) done(c); else setTimeout(wait, 100); };
		wait();
	})`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	if got.Figures < 8 {
		t.Errorf("%d charts on the dashboard, want every chart of data/ (at least 8)", got.Figures)
	}
	if got.Drawn != got.Figures {
		t.Errorf("%d of %d charts drawn as SVG", got.Drawn, got.Figures)
	}
	if got.Tables != got.Figures {
		t.Errorf("%d data tables for %d charts", got.Tables, got.Figures)
	}
}
