package i18n

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/congkhai/congkhai/internal/msg"
)

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		code string
		want Lang
		ok   bool
	}{
		{"vi", Vietnamese, true},
		{"en", English, true},
		{"VI", Vietnamese, true},
		{" en ", English, true},
		{"vi_VN.UTF-8", Vietnamese, true},
		{"en_GB.utf8", English, true},
		{"en-US", English, true},
		{"vi@euro", Vietnamese, true},
		{"fr_FR.UTF-8", "", false},
		{"C", "", false},
		{"C.UTF-8", "", false},
		{"POSIX", "", false},
		{"", "", false},
		{"vie", "", false},
	} {
		got, ok := Parse(tc.code)
		if got != tc.want || ok != tc.ok {
			t.Errorf("Parse(%q) = %q, %v; want %q, %v", tc.code, got, ok, tc.want, tc.ok)
		}
	}
}

func env(vars ...string) func(string) string {
	m := map[string]string{}
	for i := 0; i+1 < len(vars); i += 2 {
		m[vars[i]] = vars[i+1]
	}
	return func(k string) string { return m[k] }
}

func TestChoose(t *testing.T) {
	for _, tc := range []struct {
		name   string
		asked  string
		getenv func(string) string
		site   string
		want   Lang
	}{
		{"nothing: Vietnamese", "", env(), "", Vietnamese},
		{"the site's language", "", env(), "en", English},
		{"the site's Vietnamese", "", env(), "vi", Vietnamese},
		{"a site language congkhai does not speak", "", env(), "fr", Vietnamese},
		{"LANG over the site", "", env("LANG", "en_US.UTF-8"), "vi", English},
		{"LANG=C says nothing", "", env("LANG", "C.UTF-8"), "en", English},
		{"LANG=C with a Vietnamese site", "", env("LANG", "C.UTF-8"), "vi", Vietnamese},
		{"LC_ALL over LANG", "", env("LC_ALL", "vi_VN.UTF-8", "LANG", "en_US.UTF-8"), "", Vietnamese},
		{"LC_MESSAGES over LANG", "", env("LC_MESSAGES", "en_GB.UTF-8", "LANG", "vi_VN.UTF-8"), "vi", English},
		{"LANGUAGE's first spoken", "", env("LANGUAGE", "fr:en:vi", "LANG", "vi_VN.UTF-8"), "vi", English},
		{"LANGUAGE without a locale is ignored", "", env("LANGUAGE", "en"), "vi", Vietnamese},
		{"an unspoken LANG leaves it to the site", "", env("LANG", "fr_FR.UTF-8"), "en", English},
		{"--lang over everything", "vi", env("LC_ALL", "en_US.UTF-8"), "en", Vietnamese},
		{"--lang en", "en", env(), "vi", English},
		{"--lang as a locale", "en_US", env(), "vi", English},
	} {
		got, err := Choose(tc.asked, tc.getenv, tc.site)
		if err != nil || got != tc.want {
			t.Errorf("%s: Choose(%q, …, %q) = %q, %v; want %q", tc.name, tc.asked, tc.site, got, err, tc.want)
		}
	}
	_, err := Choose("fr", env(), "vi")
	if err == nil || err.Error() != `--lang "fr": use one of vi, en` {
		t.Errorf("Choose(fr): %v", err)
	}
}

func TestLoad(t *testing.T) {
	vi, err := Load(Vietnamese)
	if err != nil {
		t.Fatal(err)
	}
	if vi.Lang() != Vietnamese || len(vi.Messages()) < 100 {
		t.Fatalf("the Vietnamese catalog has %d messages", len(vi.Messages()))
	}
	text := msg.T("unknown key %q (did you mean %q?)", "tittle", "title")
	if got, want := text.In(vi), `không có trường "tittle" (có phải là "title"?)`; got != want {
		t.Errorf("a message in Vietnamese: %q, want %q", got, want)
	}
	en, err := Load(English)
	if err != nil {
		t.Fatal(err)
	}
	if got := text.In(en); got != `unknown key "tittle" (did you mean "title"?)` {
		t.Errorf("a message in English: %q", got)
	}
	var none *Catalog
	if none.Translate("x") != "" {
		t.Error("a nil catalog translates")
	}
}

func TestCatalogFileErrors(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files fstest.MapFS
		want  string
	}{
		{"syntax", fstest.MapFS{"vi/a.toml": {Data: []byte("[messages]\n\"x\" = \n")}}, "internal/i18n/vi/a.toml: "},
		{"another table", fstest.MapFS{"vi/a.toml": {Data: []byte("[other]\nx = \"y\"\n")}}, "internal/i18n/vi/a.toml: other: not a table of translations"},
		{"twice", fstest.MapFS{
			"vi/a.toml": {Data: []byte("[messages]\n\"x\" = \"y\"\n")},
			"vi/b.toml": {Data: []byte("[messages]\n\"x\" = \"z\"\n")},
		}, `internal/i18n/vi/b.toml: messages: "x" is translated in internal/i18n/vi/a.toml too`},
	} {
		_, err := load(tc.files, Vietnamese)
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%s: %v, want %s…", tc.name, err, tc.want)
		}
	}
}
