package browsertest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// axeResult is the part of axe-core's results the test reports.
type axeResult struct {
	Violations []struct {
		ID     string `json:"id"`
		Impact string `json:"impact"`
		Help   string `json:"help"`
		Nodes  []struct {
			Target         []any  `json:"target"`
			HTML           string `json:"html"`
			FailureSummary string `json:"failureSummary"`
		} `json:"nodes"`
	} `json:"violations"`
	Passes []struct {
		ID string `json:"id"`
	} `json:"passes"`
}

// axeSource is axe-core from node_modules, pinned in package-lock.json.
func axeSource(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(repoRoot, "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		t.Fatalf("axe-core is missing (%v): run `make test`, which installs the npm packages through scripts/deps", err)
	}
	return string(b)
}

// runAxe loads axe-core into the current page and runs the WCAG 2.1 A
// and AA rules.
func runAxe(t *testing.T, ctx context.Context, axe string) axeResult {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](axe+";true")); err != nil {
		t.Fatalf("loading axe-core: %v", err)
	}
	res, err := chromedp.Run(ctx, chromedp.Evaluate[axeResult](`axe.run(document, {
		runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
		resultTypes: ["violations"]
	})`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("running axe-core: %v", err)
	}
	return res
}

// TestAccessibility runs axe-core on every page type at a phone and a
// desktop width and fails on any WCAG 2.1 A or AA violation, printing each
// with its rule and element.
func TestAccessibility(t *testing.T) {
	axe := axeSource(t)
	for _, vp := range viewports {
		for _, pt := range pageTypes {
			t.Run(vp.name+"/"+pt.name, func(t *testing.T) {
				ctx := shared.tab(t)
				err := chromedp.Do(ctx,
					chromedp.EmulateViewport(vp.width, vp.height),
					chromedp.Navigate(shared.url(pt.path)),
				)
				if err != nil {
					t.Fatal(err)
				}
				checkAxe(t, ctx, axe)
			})
		}
	}
}

// checkAxe runs axe-core (axe, its source) on the page of ctx and fails
// the test for each violation, with its rule and elements, or when axe
// checked so few rules that the page cannot have loaded.
func checkAxe(t *testing.T, ctx context.Context, axe string) {
	t.Helper()
	res := runAxe(t, ctx, axe)
	if len(res.Passes) < 10 {
		t.Fatalf("axe-core checked only %d rules: the page did not load?", len(res.Passes))
	}
	for _, v := range res.Violations {
		var b strings.Builder
		fmt.Fprintf(&b, "%s (%s): %s", v.ID, v.Impact, v.Help)
		for _, n := range v.Nodes {
			fmt.Fprintf(&b, "\n    at %v: %s\n      %s", n.Target, n.HTML, strings.ReplaceAll(n.FailureSummary, "\n", "\n      "))
		}
		t.Error(b.String())
	}
}

// TestAxeFindsViolations proves the check is not vacuous: a page with known
// faults must fail it.
func TestAxeFindsViolations(t *testing.T) {
	ctx := shared.tab(t)
	bad := `data:text/html;charset=utf-8,<html><title>x</title><body><img src="x.png"><p style="color:%23aaa;background:%23fff">mờ</p><a href="/x"></a></body></html>`
	if err := chromedp.Do(ctx, chromedp.Navigate(bad)); err != nil {
		t.Fatal(err)
	}
	res := runAxe(t, ctx, axeSource(t))
	found := map[string]bool{}
	for _, v := range res.Violations {
		found[v.ID] = true
	}
	for _, want := range []string{"html-has-lang", "image-alt", "color-contrast", "link-name"} {
		if !found[want] {
			t.Errorf("axe-core did not report %s on a page that breaks it (found %v)", want, found)
		}
	}
}
