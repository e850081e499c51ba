package scaffold

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"text/template"
	"time"

	"github.com/congkhai/congkhai/internal/build"
)

// siteFiles are the files of a new site, as templates (text/template with
// {% %} as delimiters, since workflows use {{ }} and TOML [[ ]]). A name
// that starts with "dot-" is written with a "." instead (.gitignore,
// .github/), so that neither git nor GitHub takes them for this
// repository's own.
//
//go:embed all:site
var siteFiles embed.FS

// SiteOptions say how to write a new site.
type SiteOptions struct {
	// SourceDateEpoch, when set, gives the new site's as_of, the date its
	// files carry; otherwise it is today's date by the clock (the day the
	// site is started: from then on, builds read as_of, never the clock).
	SourceDateEpoch string
	// Force lets Site write into a folder that already holds files; it
	// never replaces one.
	Force bool
	// Version is the release of congkhai the site's CI installs, such as
	// v1.2.0; "" for the latest release.
	Version string
}

// siteData is what the templates of a new site read.
type siteData struct {
	Date    string   // as_of and the date of every file: 2026-09-25
	Months  []string // the three months before Date, for the sample figures: 2026-06 …
	Version string   // SiteOptions.Version
	Release string   // where the CI downloads the release's files
	Image   string   // the container image the GitLab CI runs
}

// Where releases of congkhai are published.
const (
	releases = "https://github.com/congkhai/congkhai/releases"
	image    = "ghcr.io/congkhai/congkhai"
)

// Site writes a new site into dir, which it creates when missing: site.toml
// with every key explained, a home page that places a chart, an ordinary
// page, the procedures section with one procedure, a directory with one
// person and a reception rule, a dataset with its chart, a .gitignore and
// CI workflows for GitHub and GitLab. The site builds and passes `check
// --strict` as it is. dir must be empty (or hold only .git) unless
// o.Force; no file is ever replaced, and nothing is written when one would
// be. It returns the files written, relative to dir.
func Site(dir string, o SiteOptions) ([]string, error) {
	today := time.Now().UTC()
	if o.SourceDateEpoch != "" {
		var err error
		if today, err = build.ReferenceDate(time.Time{}, o.SourceDateEpoch); err != nil {
			return nil, err
		}
	}
	data := siteData{Date: today.Format(time.DateOnly), Version: o.Version, Release: releases + "/latest/download", Image: image + ":latest"}
	if o.Version != "" {
		data.Release, data.Image = releases+"/download/"+o.Version, image+":"+o.Version
	}
	for i := 3; i >= 1; i-- {
		data.Months = append(data.Months, time.Date(today.Year(), today.Month()-time.Month(i), 1, 0, 0, 0, 0, time.UTC).Format("2006-01"))
	}

	var names []string
	texts := map[string]string{}
	err := fs.WalkDir(siteFiles, "site", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		src, err := siteFiles.ReadFile(p)
		if err != nil {
			return err
		}
		t, err := template.New(p).Delims("{%", "%}").Option("missingkey=error").Parse(string(src))
		if err != nil {
			return err
		}
		var out bytes.Buffer
		if err := t.Execute(&out, data); err != nil {
			return err
		}
		name := undot(strings.TrimPrefix(p, "site/"))
		names = append(names, name)
		texts[name] = out.String()
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("the built-in site: %w (please report this)", err)
	}
	if err := checkNewFolder(dir, names, o.Force); err != nil {
		return nil, err
	}
	var written []string
	for _, name := range names {
		if err := create(dir, name, texts[name]); err != nil {
			return written, err
		}
		written = append(written, name)
	}
	return written, nil
}

// undot writes each "dot-" at the start of a path segment as ".".
func undot(name string) string {
	segs := strings.Split(name, "/")
	for i, s := range segs {
		if rest, ok := strings.CutPrefix(s, "dot-"); ok {
			segs[i] = "." + rest
		}
	}
	return strings.Join(segs, "/")
}

// checkNewFolder says why a new site cannot be written into dir: a folder
// that holds anything but .git, unless force, or any of the files the site
// would write.
func checkNewFolder(dir string, names []string, force bool) error {
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case !info.IsDir():
		return fmt.Errorf("%s is a file: name a new folder for the site", dir)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	if !force {
		var held []string
		for _, e := range entries {
			if e.Name() != ".git" {
				held = append(held, e.Name())
			}
		}
		if len(held) > 0 {
			if len(held) > 3 {
				held = append(held[:3], "…")
			}
			return fmt.Errorf("%s is not empty (it holds %s): start the site in a new folder, or give --force to write into this one (no file is replaced)",
				dir, strings.Join(held, ", "))
		}
	}
	var there []string
	for _, name := range names {
		if _, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(name))); err == nil {
			there = append(there, name)
		}
	}
	if len(there) > 0 {
		return fmt.Errorf("%s already has %s: a new site replaces no file; move them away, or start the site in a new folder",
			dir, strings.Join(there, ", "))
	}
	return nil
}
