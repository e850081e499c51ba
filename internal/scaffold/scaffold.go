// Package scaffold writes new content files for `congkhai new`: a procedure
// with every field of the schema present and explained, or an ordinary
// page, in the right folder under the right name, never over a file that
// exists.
package scaffold

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"github.com/congkhai/congkhai/internal/build"
	"github.com/congkhai/congkhai/internal/config"
	"github.com/congkhai/congkhai/internal/content"
	"github.com/congkhai/congkhai/internal/frontmatter"
	"github.com/congkhai/congkhai/internal/msg"
	"github.com/congkhai/congkhai/internal/problem"
	"github.com/congkhai/congkhai/internal/procedure"
	"github.com/congkhai/congkhai/internal/vntext"
)

// Procedure writes content/<section>/<slug>.md for a new procedure and
// returns its path relative to the site folder. The slug comes from the
// title without its leading "Thủ tục". Its synced_at is the site's
// reference date (build.ReferenceDate: sourceDateEpoch when set, else
// as_of), never the clock, so that the new file is not at once after the
// date the site is built for.
func Procedure(siteDir, code, title, sourceDateEpoch string) (string, error) {
	code = strings.TrimSpace(code)
	title = vntext.NFC(strings.TrimSpace(title))
	if !procedure.ValidCode(code) {
		return "", msg.Errorf("%q is not a procedure code: expected a digit, a dot and six digits, such as 1.001193", code)
	}
	if title == "" {
		return "", msg.Errorf("the title is empty: give the procedure's name as in the national database, in quotes")
	}
	if err := checkTitle(title); err != nil {
		return "", err
	}
	slug := shorten(vntext.Slug(strings.TrimPrefix(strings.TrimPrefix(title, "Thủ tục "), "thủ tục ")))
	if slug == "" {
		return "", msg.Errorf("cannot make a file name from the title %q: it needs letters or digits", title)
	}
	cfg, today, err := siteConfig(siteDir, sourceDateEpoch)
	if err != nil {
		return "", err
	}
	if other, err := fileWithCode(siteDir, code); err != nil {
		return "", err
	} else if other != "" {
		return "", msg.Errorf("%s already has the code %s: each procedure has one file; edit that one, or check the code in the national database", other, code)
	}
	section := cfg.Procedures.Section
	// A section folder made here gets its _index.md too, or the site
	// would not build.
	index := path.Join(content.Dir, section, content.IndexFile)
	if _, err := os.Stat(filepath.Join(siteDir, filepath.FromSlash(index))); errors.Is(err, fs.ErrNotExist) {
		if err := create(siteDir, index, fmt.Sprintf(sectionTemplate, "Thủ tục hành chính")); err != nil {
			return "", err
		}
	}
	rel := path.Join(content.Dir, section, slug+".md")
	text := fmt.Sprintf(procedureTemplate, code, title, code, today.Format("2006-01-02"))
	if err := create(siteDir, rel, text); err != nil {
		return "", err
	}
	return rel, nil
}

// fileWithCode returns the content file (relative to the site folder)
// whose front matter gives code, or "". Translations (name.en.md) share
// their page's code and are not counted; a file that does not parse
// counts for nothing (the build says what is wrong with it).
func fileWithCode(siteDir, code string) (string, error) {
	root := filepath.Join(siteDir, content.Dir)
	found := ""
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) && p == root {
			return filepath.SkipAll // no content/ yet
		}
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") || content.IsTranslation(d.Name()) || found != "" {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if frontMatterCode(b) == code {
			rel, _ := filepath.Rel(siteDir, p)
			found = filepath.ToSlash(rel)
		}
		return nil
	})
	return found, err
}

// frontMatterCode is the code a content file's front matter gives, or "".
func frontMatterCode(src []byte) string {
	split, err := frontmatter.Parse(src)
	if err != nil {
		return ""
	}
	var fm struct {
		Code string `toml:"code"`
	}
	if _, err := toml.Decode(string(split.FrontMatter), &fm); err != nil {
		return ""
	}
	return fm.Code
}

// maxSlug is the longest file name made from a title or path, in bytes
// without ".md": long enough for any procedure's name, short enough for
// every file system and for addresses people read.
const maxSlug = 80

// shorten cuts a slug to maxSlug bytes, at a hyphen when there is one.
func shorten(slug string) string {
	if len(slug) <= maxSlug {
		return slug
	}
	cut := slug[:maxSlug]
	if i := strings.LastIndexByte(cut, '-'); i > 0 {
		cut = cut[:i]
	}
	return strings.Trim(cut, "-")
}

// checkTitle refuses a title that could not be written in the file as it
// was meant: bytes that are not UTF-8, line breaks and other control
// characters (a title pasted with its line break, say).
func checkTitle(title string) error {
	if !utf8.ValidString(title) {
		return msg.Errorf("the title is not valid UTF-8 text: type it again, or paste it from the national database")
	}
	if i := strings.IndexFunc(title, unicode.IsControl); i >= 0 {
		return msg.Errorf("the title %q has a line break or another control character: give it on one line", title)
	}
	return nil
}

// Page writes an ordinary page at content/<name>.md, where name may include
// folders (tin-tuc/thong-bao); a folder that is not yet a section gets an
// _index.md too. Its updated date is the site's reference date, as for
// Procedure. It returns the files written.
func Page(siteDir, name, sourceDateEpoch string) ([]string, error) {
	name = strings.TrimSuffix(strings.Trim(filepath.ToSlash(strings.TrimSpace(name)), "/"), ".md")
	name = strings.TrimPrefix(name, content.Dir+"/")
	if name == "" {
		return nil, msg.Errorf("give the page's path, such as gioi-thieu or tin-tuc/thong-bao-lich-nghi")
	}
	if !utf8.ValidString(name) || strings.IndexFunc(name, unicode.IsControl) >= 0 {
		return nil, msg.Errorf("%q is not a usable page path: use lowercase letters, digits and hyphens, such as tin-tuc/thong-bao", name)
	}
	cfg, today, err := siteConfig(siteDir, sourceDateEpoch)
	if err != nil {
		return nil, err
	}
	section := cfg.Procedures.Section
	var segs, typed []string // each folder's and the page's file name, and as the editor wrote it
	for seg := range strings.SplitSeq(name, "/") {
		s := shorten(vntext.Slug(seg))
		if s == "" || seg == ".." {
			return nil, msg.Errorf("%q is not a usable page path: use lowercase letters, digits and hyphens, such as tin-tuc/thong-bao", name)
		}
		segs = append(segs, s)
		t := vntext.NFC(strings.TrimSpace(seg))
		if !strings.ContainsFunc(t, func(r rune) bool { return r == ' ' || r >= utf8.RuneSelf }) {
			t = s // "tin-tuc", "Thong-Bao": a name, not a title to keep
		}
		typed = append(typed, t)
	}
	if dir, last := path.Split(name); strings.HasPrefix(last, "_") {
		// _index.md is a section's own file, made with the section.
		if dir == "" {
			dir = "tin-tuc/"
		}
		return nil, msg.Errorf("%q is not a page: a section's %s is made with its first page, such as: congkhai new page %sthong-bao", name, content.IndexFile, dir)
	}
	if segs[0] == section {
		return nil, msg.Errorf("content/%s/ holds procedures: use `congkhai new procedure <code> \"<title>\"`", segs[0])
	}
	var written []string
	for i := 1; i < len(segs); i++ {
		index := path.Join(content.Dir, path.Join(segs[:i]...), content.IndexFile)
		if _, err := os.Stat(filepath.Join(siteDir, filepath.FromSlash(index))); err == nil {
			continue
		}
		text := fmt.Sprintf(sectionTemplate, segs[i-1])
		if typed[i-1] != segs[i-1] { // "Tin Tức": a title already, kept
			text = fmt.Sprintf(sectionTitledTemplate, typed[i-1])
		}
		if err := create(siteDir, index, text); err != nil {
			return written, err
		}
		written = append(written, index)
	}
	rel := path.Join(content.Dir, path.Join(segs...)+".md")
	title := ""
	if last := typed[len(typed)-1]; last != segs[len(segs)-1] {
		title = last
	}
	if err := create(siteDir, rel, fmt.Sprintf(pageTemplate, title, today.Format("2006-01-02"))); err != nil {
		return written, err
	}
	return append(written, rel), nil
}

// siteConfig is the site's site.toml, and the date a build of it treats
// as today. When site.toml cannot be read, no file is written: the
// procedures section may be another folder, and a missing site.toml means
// that siteDir is not a site folder at all.
func siteConfig(siteDir, sourceDateEpoch string) (*config.Config, time.Time, error) {
	var problems problem.List
	if cfg := config.Load(siteDir, config.Overrides{}, &problems); cfg != nil {
		today, err := build.ReferenceDate(cfg.AsOf.Time(), sourceDateEpoch)
		return cfg, today, err
	}
	var lines []string
	for _, p := range problems.Sorted() {
		if p.Severity == problem.Error {
			lines = append(lines, p.String())
		}
	}
	return nil, time.Time{}, msg.Errorf("fix %s first: it names the folders of the site, and the new file's folder depends on it\n%s",
		config.FileName, strings.Join(lines, "\n"))
}

// create writes a new file and refuses to replace one.
func create(siteDir, rel, text string) error {
	file := filepath.Join(siteDir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, os.ErrExist) {
		return msg.Errorf("%s already exists; edit it, or choose another name", rel)
	}
	if err != nil {
		return err
	}
	if _, err := f.WriteString(text); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
