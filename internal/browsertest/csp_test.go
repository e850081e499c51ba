package browsertest

import (
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// TestStrictContentSecurityPolicy loads every page type under the strict
// policy the pages are served with and fails on any violation: no inline
// script, no inline style, nothing from another host.
func TestStrictContentSecurityPolicy(t *testing.T) {
	for _, pt := range pageTypes {
		t.Run(pt.name, func(t *testing.T) {
			ctx := shared.tab(t)
			if err := chromedp.Do(ctx); err != nil {
				t.Fatal(err)
			}
			if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
				Source: `window.__csp = []; document.addEventListener("securitypolicyviolation", e => window.__csp.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " " + (e.sample || "")));`,
			}); err != nil {
				t.Fatal(err)
			}
			if err := chromedp.Do(ctx, chromedp.Navigate(shared.url(pt.path)), chromedp.Sleep(400e6)); err != nil {
				t.Fatal(err)
			}
			got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`window.__csp`))
			if err != nil {
				t.Fatal(err)
			}
			for _, v := range got {
				t.Errorf("Content-Security-Policy violation: %s", v)
			}
			// The listener itself works: an inline script is refused and seen.
			seen, err := chromedp.Run(ctx, chromedp.Evaluate[int](`new Promise(done => {
				const s = document.createElement("script");
				s.textContent = "window.__ran = true";
				document.body.append(s);
				setTimeout(() => done(window.__ran ? -1 : window.__csp.length), 100);
			})`, chromedp.EvalAwaitPromise))
			if err != nil {
				t.Fatal(err)
			}
			if seen != len(got)+1 {
				t.Errorf("an inline script was not refused by the policy (violations seen: %d)", seen)
			}
		})
	}
}
