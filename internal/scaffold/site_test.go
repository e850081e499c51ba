package scaffold

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/congkhai/congkhai"
	"github.com/congkhai/congkhai/internal/build"
	"github.com/congkhai/congkhai/internal/config"
)

// TestSiteBuilds: a new site passes check --strict and builds, with its
// chart, with a stand-in for the built-in ECharts and no node_modules.
func TestSiteBuilds(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "portal")
	files, err := Site(dir, SiteOptions{SourceDateEpoch: epoch})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 10 {
		t.Errorf("wrote %v", files)
	}
	opts := build.Options{Source: dir, Theme: congkhai.Theme, ECharts: []byte("/* stand-in */")}
	res, err := build.Check(opts, build.CheckOptions{Strict: true})
	if err != nil || len(res.Problems) > 0 {
		t.Fatalf("check --strict: %v\n%v", err, res.Problems)
	}
	res, err = build.Run(opts)
	if err != nil {
		t.Fatalf("build: %v\n%v", err, res.Problems)
	}
	if res.Pages < 10 {
		t.Errorf("built %d pages", res.Pages)
	}
}

// TestSiteExplainsEveryKey: the new site.toml sets every key of
// config.Config, each with a comment on its line, or (in a table of
// [[menu]]) under a comment that says what the keys are.
func TestSiteExplainsEveryKey(t *testing.T) {
	dir := t.TempDir()
	if _, err := Site(dir, SiteOptions{SourceDateEpoch: epoch}); err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(filepath.Join(dir, config.FileName))
	if err != nil {
		t.Fatal(err)
	}
	var v map[string]any
	md, err := toml.Decode(string(src), &v)
	if err != nil {
		t.Fatal(err)
	}
	set := map[string]bool{}
	for _, k := range md.Keys() {
		set[strings.Join(k, ".")] = true
	}
	for _, key := range tomlKeys(reflect.TypeFor[config.Config](), "") {
		if !set[key] {
			t.Errorf("site.toml does not set %s", key)
		}
	}
	// A table of tables by name ([languages.en]) is optional: the new
	// site shows one, commented out, for the editor to take.
	for _, key := range tomlMaps(reflect.TypeFor[config.Config]()) {
		if !strings.Contains(string(src), "\n# ["+key+".") {
			t.Errorf("site.toml has no commented example of [%s.…]", key)
		}
	}
	lines := strings.Split(string(src), "\n")
	for i, line := range lines {
		name, _, isKey := strings.Cut(line, " = ")
		if !isKey || strings.HasPrefix(line, "#") || name == "title" && i > 0 && strings.HasPrefix(lines[i-1], "[[menu]]") || name == "url" {
			continue
		}
		explained := strings.Contains(line, "#") || i+1 < len(lines) && strings.HasPrefix(strings.TrimSpace(lines[i+1]), "#")
		if !explained {
			t.Errorf("site.toml:%d: %s has no comment", i+1, name)
		}
	}
	if !strings.Contains(string(src), "# title: chữ hiện ra; url: đường dẫn") {
		t.Error("the [[menu]] keys are not explained")
	}
}

// tomlKeys lists the dotted keys of a struct's toml tags; a slice of
// tables (menu) lists its keys under its own name.
func tomlKeys(t reflect.Type, prefix string) []string {
	var keys []string
	for f := range t.Fields() {
		tag := f.Tag.Get("toml")
		if tag == "" || tag == "-" {
			continue
		}
		ft := f.Type
		if ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.Struct {
			ft = ft.Elem()
		}
		if ft.Kind() == reflect.Map {
			continue // tomlMaps
		}
		if ft.Kind() == reflect.Struct && ft.PkgPath() != "time" {
			keys = append(keys, tomlKeys(ft, prefix+tag+".")...)
			continue
		}
		keys = append(keys, prefix+tag)
	}
	return keys
}

// tomlMaps are the keys of t that are tables of tables by name.
func tomlMaps(t reflect.Type) []string {
	var keys []string
	for f := range t.Fields() {
		if tag := f.Tag.Get("toml"); tag != "" && tag != "-" && f.Type.Kind() == reflect.Map {
			keys = append(keys, tag)
		}
	}
	return keys
}

func TestUndot(t *testing.T) {
	for in, want := range map[string]string{
		"dot-gitignore":                   ".gitignore",
		"dot-github/workflows/portal.yml": ".github/workflows/portal.yml",
		"content/dot-x/a.md":              "content/.x/a.md",
		"data/ho-so.csv":                  "data/ho-so.csv",
	} {
		if got := undot(in); got != want {
			t.Errorf("undot(%q) = %q, want %q", in, got, want)
		}
	}
}
