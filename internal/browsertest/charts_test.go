package browsertest

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// drawnProbe counts the dashboard's charts, those drawn as SVG, and their
// tables. With scroll true it brings each figure into view in turn and
// waits for it to be drawn (for at most 5 seconds each, the first one
// fetching ECharts) before going on, as a reader who stops at each chart
// would: a figure scrolled past within one frame is never seen by the
// page's IntersectionObserver, which on a loaded machine made a probe that
// moved on every 50 ms count charts never brought into view. With scroll
// false it counts after half a second.
const drawnProbe = `(scroll => new Promise(done => {
	const figures = [...document.querySelectorAll("figure.chart")];
	const isDrawn = f => { const el = f.querySelector(".chart-canvas"); return el && !el.hidden && el.querySelector("svg"); };
	const count = () => ({
		Figures: figures.length,
		Drawn: figures.filter(isDrawn).length,
		Tables: document.querySelectorAll("figure.chart table").length,
		ECharts: typeof window.echarts !== "undefined",
		Fetched: performance.getEntriesByType("resource").filter(e => /\/js\/echarts\./.test(e.name)).length,
	});
	if (!scroll) {
		setTimeout(() => done(count()), 500);
		return;
	}
	let i = 0, since = 0;
	const step = () => {
		if (i === figures.length) {
			done(count());
			return;
		}
		const f = figures[i];
		if (since === 0) {
			f.scrollIntoView();
			since = performance.now();
		}
		if (isDrawn(f) || performance.now() - since > 5000) {
			i++;
			since = 0;
		}
		setTimeout(step, 50);
	};
	step();
}))`

type chartCounts struct {
	Figures, Drawn, Tables int
	ECharts                bool
	Fetched                int
}

// TestChartsDraw checks that every chart of the dashboard is drawn as SVG
// by the site's own ECharts once it is scrolled into view, and that its
// table stays on the page.
func TestChartsDraw(t *testing.T) {
	for _, vp := range viewports {
		t.Run(vp.name, func(t *testing.T) {
			ctx := shared.tab(t)
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(vp.width, vp.height), chromedp.Navigate(shared.url("/ket-qua-phuc-vu/"))); err != nil {
				t.Fatal(err)
			}
			got, err := chromedp.Run(ctx, chromedp.Evaluate[chartCounts](drawnProbe+"(true)", chromedp.EvalAwaitPromise))
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
			if got.Fetched != 1 {
				t.Errorf("ECharts fetched %d times, want once", got.Fetched)
			}
		})
	}
}

// TestChartsWaitForTheScreen: on a phone, the dashboard opens with its key
// figures; ECharts is not fetched, and no chart drawn, before a chart
// comes near the screen; the data tables are there from the start. An
// ordinary page that places charts in its text does the same.
func TestChartsWaitForTheScreen(t *testing.T) {
	for _, path := range []string{"/ket-qua-phuc-vu/", "/gioi-thieu/"} {
		t.Run(strings.Trim(path, "/"), func(t *testing.T) {
			ctx := shared.tab(t)
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(375, 667), chromedp.Navigate(shared.url(path))); err != nil {
				t.Fatal(err)
			}
			got, err := chromedp.Run(ctx, chromedp.Evaluate[chartCounts](drawnProbe+"(false)", chromedp.EvalAwaitPromise))
			if err != nil {
				t.Fatal(err)
			}
			near, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`[...document.querySelectorAll("figure.chart")].some(f => f.getBoundingClientRect().top < innerHeight + 200)`))
			if err != nil {
				t.Fatal(err)
			}
			if got.Figures == 0 {
				t.Fatal("no chart on the page")
			}
			if near {
				t.Skip("a chart is on the first screen of this page")
			}
			if got.ECharts || got.Fetched != 0 || got.Drawn != 0 {
				t.Errorf("before any chart is near the screen: ECharts loaded %v, fetched %d times, %d charts drawn; want none", got.ECharts, got.Fetched, got.Drawn)
			}
			if got.Tables != got.Figures {
				t.Errorf("%d data tables for %d charts", got.Tables, got.Figures)
			}
		})
	}
}
