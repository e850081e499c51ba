package render

import (
	"encoding/json"
	"html/template"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/congkhai/congkhai/internal/i18n"
	"github.com/congkhai/congkhai/internal/locale"
)

// scriptText is a text a browser script asks the page for: t("…").
var scriptText = regexp.MustCompile(`\bt\(\s*("(?:[^"\\]|\\.)*")`)

// scriptTexts returns the keys each script of the theme asks for, by the
// script's name (search for assets/js/search.js).
func scriptTexts(t *testing.T) map[string][]string {
	t.Helper()
	files, err := filepath.Glob("../../assets/js/*.js")
	if err != nil || len(files) == 0 {
		t.Fatalf("no scripts: %v", err)
	}
	out := map[string][]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimSuffix(filepath.Base(f), ".js")
		for _, m := range scriptText.FindAllStringSubmatch(string(b), -1) {
			key, err := strconv.Unquote(m[1])
			if err != nil {
				t.Fatalf("%s: %s: %v", f, m[1], err)
			}
			out[name] = append(out[name], key)
		}
	}
	return out
}

// pageTexts renders the texts block of script in the language of loc and
// returns what it gives, or false when the partial gives that script none.
func pageTexts(t *testing.T, loc *locale.Locale, script string) (map[string]string, bool) {
	t.Helper()
	src, err := os.ReadFile("../../layouts/partials/script-texts.html")
	if err != nil {
		t.Fatal(err)
	}
	tmpl := template.Must(template.New("partials/script-texts.html").Funcs(LangFuncs(loc)).Parse(string(src)))
	var b strings.Builder
	if err := tmpl.Execute(&b, script); err != nil {
		t.Fatal(err)
	}
	html := b.String()
	open := `<script type="application/json" id="` + script + `-texts">`
	start := strings.Index(html, open)
	if start < 0 {
		return nil, false
	}
	body, _, ok := strings.Cut(html[start+len(open):], "</script>")
	if !ok {
		t.Fatalf("%s: the texts block is not closed: %s", script, html)
	}
	var texts map[string]string
	if err := json.Unmarshal([]byte(body), &texts); err != nil {
		t.Fatalf("%s: the texts block is not a JSON object of texts: %v\n%s", script, err, body)
	}
	return texts, true
}

// TestScriptTexts: every text a browser script asks for (t("…")) is in
// the block of texts the page gives it, in Vietnamese on a Vietnamese
// page and as its key on an English one; and every text of the scripts'
// table of translations is one the page gives.
func TestScriptTexts(t *testing.T) {
	viCat, err := i18n.Load(i18n.Vietnamese)
	if err != nil {
		t.Fatal(err)
	}
	enCat, err := i18n.Load(i18n.English)
	if err != nil {
		t.Fatal(err)
	}
	vi := locale.New(i18n.Vietnamese, viCat, nil)
	en := locale.New(i18n.English, enCat, nil)
	asked := scriptTexts(t)
	if len(asked["search"]) < 10 || len(asked["display"]) < 4 {
		t.Fatalf("the scripts ask for %v: the search for t(…) is broken", asked)
	}
	given := map[string]bool{}
	for _, script := range []string{"search", "display", "charts", "lookup"} {
		viTexts, ok := pageTexts(t, vi, script)
		enTexts, _ := pageTexts(t, en, script)
		if !ok {
			if len(asked[script]) > 0 {
				t.Errorf("%s.js asks for %d texts, and layouts/partials/script-texts.html gives it none", script, len(asked[script]))
			}
			continue
		}
		for _, key := range asked[script] {
			v, ok := viTexts[key]
			switch {
			case !ok:
				t.Errorf("%s.js asks for %q, which the page does not give", script, key)
			case v == key || v != viCat.Translate(key):
				t.Errorf("%s.js: %q is %q on a Vietnamese page", script, key, v)
			}
			// English is the key, but where the English table says
			// otherwise (internal/i18n/en).
			want := key
			if s := enCat.Translate(key); s != "" {
				want = s
			}
			if enTexts[key] != want {
				t.Errorf("%s.js: %q is %q on an English page, want %q", script, key, enTexts[key], want)
			}
			if err := i18n.SameVerbs(key, v); err != nil {
				t.Errorf("%s.js: %q: %v", script, key, err)
			}
		}
		for key := range viTexts {
			given[key] = true
			if !slices.Contains(asked[script], key) {
				t.Errorf("the page gives %s.js %q, which it never asks for", script, key)
			}
		}
	}
	for key, file := range viCat.Messages() {
		if strings.HasSuffix(file, "/scripts.toml") && !given[key] {
			t.Errorf("%s: %q is not a text the page gives a script", file, key)
		}
	}
}
