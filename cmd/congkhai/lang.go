package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/congkhai/congkhai/internal/config"
	"github.com/congkhai/congkhai/internal/i18n"
	"github.com/congkhai/congkhai/internal/msg"
)

// editorLanguage returns the translator of the language congkhai speaks
// to the editor on this command line: --lang, else the environment (LANG
// and the other locale variables), else language in the site's site.toml,
// else Vietnamese. English, the language of the code, is nil.
//
// The command line is read before its flags are parsed, so that the
// errors of parsing them are in that language too.
func editorLanguage(args []string, getenv func(string) string) (msg.Translator, error) {
	site := siteLanguage(flagValue(args, "source"))
	lang, err := i18n.Choose(flagValue(args, "lang"), getenv, site)
	if err != nil {
		// Say that --lang is wrong in the language it would have been.
		lang, _ = i18n.Choose("", getenv, site)
	}
	tr, loadErr := translator(lang)
	if loadErr != nil {
		return nil, loadErr
	}
	return tr, err
}

// translator returns the catalog of lang; English, the language of the
// code, is nil.
func translator(lang i18n.Lang) (msg.Translator, error) {
	if lang == i18n.English {
		return nil, nil
	}
	c, err := i18n.Load(lang)
	if err != nil {
		return nil, msg.Errorf("the messages in %s: %w", lang, err)
	}
	return c, nil
}

// flagValue returns the value of the flag name in args (-name v, --name v,
// --name=v), the last one given, or "".
func flagValue(args []string, name string) string {
	val := ""
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			break
		}
		flagName, v, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !strings.HasPrefix(a, "-") || flagName != name {
			continue
		}
		if hasValue {
			val = v
		} else if i+1 < len(args) {
			val = args[i+1]
			i++
		}
	}
	return val
}

// withoutLeadingLang returns args without a --lang given before the
// command (congkhai --lang en build), which editorLanguage has read.
func withoutLeadingLang(args []string) []string {
	for len(args) > 0 {
		name, _, hasValue := strings.Cut(args[0], "=")
		if name != "-lang" && name != "--lang" {
			break
		}
		if hasValue || len(args) == 1 {
			args = args[1:]
		} else {
			args = args[2:]
		}
	}
	return args
}

// siteLanguage returns language in the site.toml of the site folder
// source ("" for this folder), or "" when there is none. Anything wrong
// with the file is left to the build to report.
func siteLanguage(source string) string {
	if source == "" {
		source = "."
	}
	b, err := os.ReadFile(filepath.Join(source, config.FileName))
	if err != nil || len(b) > 1<<20 {
		return ""
	}
	var site struct {
		Language string `toml:"language"`
	}
	if _, err := toml.Decode(string(b), &site); err != nil {
		return ""
	}
	return site.Language
}

// languageFlag declares --lang on a command's flags. Its value was read
// already (editorLanguage): parsing it only keeps it from being an
// unknown flag.
func languageFlag(fs *flag.FlagSet) {
	fs.String("lang", "", "the `language` of congkhai's messages: vi (Vietnamese) or en (English)\n(default: LANG, else language in site.toml, else vi)")
}

// printDefaults writes the flags of fs as flag.PrintDefaults does, their
// words in the language of tr.
func printDefaults(w io.Writer, fs *flag.FlagSet, tr msg.Translator) {
	fs.VisitAll(func(f *flag.Flag) {
		var b strings.Builder
		fmt.Fprintf(&b, "  -%s", f.Name)
		name, usage := unquoteUsage(f, tr)
		if name != "" {
			b.WriteString(" " + name)
		}
		// A one-letter flag without a value fits its usage on its line.
		if b.Len() <= 4 {
			b.WriteString("\t")
		} else {
			b.WriteString("\n    \t")
		}
		b.WriteString(strings.ReplaceAll(usage, "\n", "\n    \t"))
		if def := defaultText(f); !def.IsZero() {
			b.WriteString(" " + def.In(tr))
		}
		fmt.Fprintln(w, b.String())
	})
}

// unquoteUsage is flag.UnquoteUsage of f's usage in the language of tr:
// the name of its value (the word in `…`) and its usage without the quotes.
func unquoteUsage(f *flag.Flag, tr msg.Translator) (name, usage string) {
	translated := *f
	translated.Usage = msg.Words(f.Usage).In(tr)
	return flag.UnquoteUsage(&translated)
}

// defaultText is "(default …)" for a flag whose default is not its type's
// zero value, quoted for a string.
func defaultText(f *flag.Flag) msg.Text {
	g, ok := f.Value.(flag.Getter)
	if !ok {
		return msg.Text{}
	}
	switch v := g.Get().(type) {
	case string:
		if v != "" {
			return msg.T("(default %q)", v)
		}
	case bool:
		if v {
			return msg.T("(default %v)", v)
		}
	case time.Duration:
		if v != 0 {
			return msg.T("(default %v)", v)
		}
	case int, int64, uint, uint64, float64:
		if f.DefValue != "0" {
			return msg.T("(default %v)", f.DefValue)
		}
	}
	return msg.Text{}
}

// refuser is a flag's value that keeps why it refused the last value it
// was given, as a message: the flag package's error has only its words.
type refuser interface{ refused() error }

// flagError is the flag package's error about the command line as a
// message: the package says it in English only.
func flagError(fs *flag.FlagSet, err error) msg.Text {
	s := err.Error()
	if name, ok := strings.CutPrefix(s, "flag provided but not defined: -"); ok {
		return msg.T("flag provided but not defined: -%s", name)
	}
	if name, ok := strings.CutPrefix(s, "flag needs an argument: -"); ok {
		return msg.T("flag needs an argument: -%s", name)
	}
	if syntax, ok := strings.CutPrefix(s, "bad flag syntax: "); ok {
		return msg.T("bad flag syntax: %s", syntax)
	}
	// invalid value "x" for flag -port: parse error
	// invalid boolean value "x" for -strict: parse error
	for _, kind := range []struct{ prefix, mid string }{
		{"invalid value ", " for flag -"},
		{"invalid boolean value ", " for -"},
	} {
		rest, ok := strings.CutPrefix(s, kind.prefix)
		if !ok {
			continue
		}
		quoted, err := strconv.QuotedPrefix(rest)
		if err != nil {
			break
		}
		value, _ := strconv.Unquote(quoted)
		rest, ok = strings.CutPrefix(rest[len(quoted):], kind.mid)
		name, why, ok2 := strings.Cut(rest, ": ")
		if !ok || !ok2 {
			break
		}
		reason := msg.Plain(why)
		switch f := fs.Lookup(name); {
		case f == nil:
		case why == "value out of range":
			reason = msg.T("the number is too large")
		case why == "parse error":
			reason = wantedValue(f)
		default:
			if r, ok := f.Value.(refuser); ok && r.refused() != nil {
				reason = msg.FromError(r.refused())
			}
		}
		if kind.mid == " for -" {
			return msg.T("invalid boolean value %q for -%s: %s", value, name, reason)
		}
		return msg.T("invalid value %q for flag -%s: %s", value, name, reason)
	}
	return msg.Plain(s)
}

// languageCodes are the values of --lang.
func languageCodes() []string {
	var codes []string
	for _, l := range i18n.Langs() {
		codes = append(codes, string(l))
	}
	return codes
}

// wantedValue says what kind of value a flag takes, for a value it could
// not read.
func wantedValue(f *flag.Flag) msg.Text {
	g, ok := f.Value.(flag.Getter)
	if !ok {
		return msg.Plain("parse error")
	}
	switch g.Get().(type) {
	case bool:
		return msg.T("write true or false")
	case time.Duration:
		return msg.T("write a duration, such as 10s or 2m")
	case int, int64, uint, uint64:
		return msg.T("write a whole number")
	case float64:
		return msg.T("write a number")
	}
	return msg.Plain("parse error")
}
