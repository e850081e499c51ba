package main

import (
	"errors"
	"flag"
	"io"
	"strings"
	"testing"

	"github.com/congkhai/congkhai/internal/i18n"
)

// TestPrintDefaultsInEnglish: in English, the flags are listed exactly as
// the flag package lists them.
func TestPrintDefaultsInEnglish(t *testing.T) {
	quiet := env{stdout: io.Discard, stderr: io.Discard, getenv: func(string) string { return "" }}
	for _, c := range commands() {
		fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
		c.define(fs, quiet)
		languageFlag(fs)
		var want, got strings.Builder
		fs.SetOutput(&want)
		fs.PrintDefaults()
		printDefaults(&got, fs, nil)
		if got.String() != want.String() {
			t.Errorf("%s:\n%s\nwant\n%s", c.name, got.String(), want.String())
		}
	}
}

// TestFlagsInVietnamese: every flag's help is translated, and keeps a
// value name.
func TestFlagsInVietnamese(t *testing.T) {
	vi, err := i18n.Load(i18n.Vietnamese)
	if err != nil {
		t.Fatal(err)
	}
	quiet := env{stdout: io.Discard, stderr: io.Discard, getenv: func(string) string { return "" }}
	for _, c := range commands() {
		fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
		c.define(fs, quiet)
		languageFlag(fs)
		fs.VisitAll(func(f *flag.Flag) {
			tr := vi.Translate(f.Usage)
			if tr == "" {
				t.Errorf("%s --%s: no Vietnamese", c.name, f.Name)
				return
			}
			enName, _ := flag.UnquoteUsage(f)
			g := *f
			g.Usage = tr
			viName, _ := flag.UnquoteUsage(&g)
			if strings.Count(f.Usage, "`") == 2 && strings.Count(tr, "`") != 2 {
				t.Errorf("%s --%s: the Vietnamese names no value in `…`: %q", c.name, f.Name, tr)
			}
			if (enName == "") != (viName == "") {
				t.Errorf("%s --%s: value %q in English, %q in Vietnamese", c.name, f.Name, enName, viName)
			}
		})
		if c.summary.In(vi) == c.summary.String() || c.help.In(vi) == c.help.String() {
			t.Errorf("%s: its summary or help is not in Vietnamese", c.name)
		}
	}
}

func TestFlagValue(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{nil, ""},
		{[]string{"build"}, ""},
		{[]string{"build", "--lang", "en"}, "en"},
		{[]string{"build", "-lang", "en"}, "en"},
		{[]string{"build", "--lang=vi"}, "vi"},
		{[]string{"build", "--lang=vi", "--lang", "en"}, "en"},
		{[]string{"build", "--lang"}, ""},
		{[]string{"new", "page", "--", "--lang", "en"}, ""},
		{[]string{"build", "--language", "en"}, ""},
		{[]string{"new", "page", "lang"}, ""},
	} {
		if got := flagValue(tc.args, "lang"); got != tc.want {
			t.Errorf("flagValue(%q) = %q, want %q", tc.args, got, tc.want)
		}
	}
}

// TestFlagError: each of the flag package's errors is read back as a
// message, so that it can be said in Vietnamese.
func TestFlagError(t *testing.T) {
	vi, err := i18n.Load(i18n.Vietnamese)
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"-nope"},
		{"-port"},
		{"-port", "abc"},
		{"-port", "99999999999999999999"},
		{"-quiet=maybe"},
		{"---x"},
		{"-host", "a/b"},
	} {
		fs := flag.NewFlagSet("serve", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		fs.Int("port", 0, "")
		fs.Bool("quiet", false, "")
		var hosts hostList
		fs.Var(&hosts, "host", "")
		err := fs.Parse(args)
		if err == nil {
			t.Fatalf("%q: no error", args)
		}
		text := flagError(fs, err)
		if text.Key() == "%s" {
			t.Errorf("%q: %v was not read as a message", args, err)
		}
		if got := text.In(vi); got == text.String() {
			t.Errorf("%q: %q is not in Vietnamese", args, got)
		}
		if before, _, _ := strings.Cut(err.Error(), ": "); !strings.HasPrefix(text.String(), before+": ") {
			t.Errorf("%q: %q in English, the flag package says %q", args, text.String(), err)
		}
	}
	if got := flagError(flag.NewFlagSet("x", flag.ContinueOnError), errors.New("something new")); got.String() != "something new" {
		t.Errorf("an error the flag package did not make: %q", got)
	}
}
