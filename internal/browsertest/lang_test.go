package browsertest

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestLanguageOfParts checks WCAG 2.1's 3.1.2 on the English pages: every
// text in Vietnamese (a word with a letter only Vietnamese writes) is
// inside an element whose lang is "vi", so that a screen reader reads it
// with a Vietnamese voice, and the language switcher says each language
// in itself. Document numbers (123/2015/NĐ-CP) are names, not words, and
// are left out.
func TestLanguageOfParts(t *testing.T) {
	for _, pt := range pageTypes {
		if pageLang(pt.path) != "en" {
			continue
		}
		t.Run(pt.name, func(t *testing.T) {
			ctx := shared.tab(t)
			if err := chromedp.Do(ctx, chromedp.Navigate(shared.url(pt.path))); err != nil {
				t.Fatal(err)
			}
			type result struct {
				Unmarked []string
				Switch   []string
			}
			r, err := chromedp.Run(ctx, chromedp.Evaluate[result](`(() => {
				const vi = /[ăâđêôơưĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;
				const docNumber = /\d+\/(\d{4}\/)?[A-ZĐa-zđ0-9-]+/g;
				const unmarked = [];
				const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
				for (let n = walker.nextNode(); n; n = walker.nextNode()) {
					const el = n.parentElement;
					if (!el || el.closest("script, style, [hidden], [aria-hidden=true]")) continue;
					const text = n.textContent.replace(docNumber, "");
					if (!vi.test(text)) continue;
					const owner = el.closest("[lang]");
					if (!owner || !owner.lang.startsWith("vi")) unmarked.push(n.textContent.trim().slice(0, 80));
				}
				const sw = [...document.querySelectorAll(".language-switch a, .language-switch span[aria-current]")]
					.map(e => e.lang + ":" + e.textContent.trim());
				return {Unmarked: unmarked, Switch: sw};
			})()`))
			if err != nil {
				t.Fatal(err)
			}
			for _, u := range r.Unmarked {
				t.Errorf("Vietnamese text without lang=\"vi\": %q", u)
			}
			if len(r.Switch) != 2 || !strings.HasPrefix(r.Switch[0], "vi:Tiếng Việt") || !strings.HasPrefix(r.Switch[1], "en:English") {
				t.Errorf("language switcher: %q, want Tiếng Việt (lang vi) and English (lang en)", r.Switch)
			}
		})
	}
}
