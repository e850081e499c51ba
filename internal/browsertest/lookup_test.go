package browsertest

import (
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// TestStatusLookup: without JavaScript the lookup page hides its form and
// links to the one-stop software; with it, the number typed is put into
// status_lookup.url_template, escaped, and the browser goes there.
func TestStatusLookup(t *testing.T) {
	const path = "/tra-cuu-ho-so/"
	t.Run("without JavaScript", func(t *testing.T) {
		ctx := shared.tab(t)
		if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx, chromedp.Navigate(shared.url(path))); err != nil {
			t.Fatal(err)
		}
		hidden, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector("form[data-lookup]").getBoundingClientRect().height === 0 &&
			!!document.querySelector('a[href="https://dichvucong.example.gov.vn/tra-cuu-ho-so"]')`))
		if err != nil || !hidden {
			t.Errorf("without JavaScript the form shows, or the link is missing (%v)", err)
		}
	})
	t.Run("with JavaScript", func(t *testing.T) {
		ctx := shared.tab(t)
		var mu sync.Mutex
		var went string
		if err := chromedp.Listen(ctx, func(ev any) {
			if e, ok := ev.(*network.EventRequestWillBeSent); ok && strings.Contains(e.Request.URL, "dichvucong.example.gov.vn") {
				mu.Lock()
				went = e.Request.URL
				mu.Unlock()
			}
		}); err != nil {
			t.Fatal(err)
		}
		if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx, chromedp.Navigate(shared.url(path))); err != nil {
			t.Fatal(err)
		}
		shown, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => {
			const form = document.querySelector("form[data-lookup]");
			if (form.getBoundingClientRect().height === 0) return false;
			document.querySelector("#so-ho-so").value = " H13.5-261001 0001&x ";
			form.querySelector("button").click();
			return true;
		})()`))
		if err != nil || !shown {
			t.Fatalf("with JavaScript the form is not shown (%v)", err)
		}
		const want = "https://dichvucong.example.gov.vn/tra-cuu-ho-so?ma_ho_so=H13.5-261001%200001%26x"
		for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
			mu.Lock()
			got := went
			mu.Unlock()
			if got != "" {
				if got != want {
					t.Errorf("went to %s, want %s", got, want)
				}
				return
			}
		}
		t.Error("submitting the number went nowhere")
	})
}
