// Package scaffold writes new content files for `congkhai new`: a procedure
// with every field of the schema present and explained, or an ordinary
// page, in the right folder under the right name, never over a file that
// exists.
package scaffold

import (
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/congkhai/congkhai/internal/config"
	"github.com/congkhai/congkhai/internal/content"
	"github.com/congkhai/congkhai/internal/problem"
	"github.com/congkhai/congkhai/internal/procedure"
	"github.com/congkhai/congkhai/internal/vntext"
)

// Procedure writes content/<section>/<slug>.md for a new procedure and
// returns its path relative to the site folder. The slug comes from the
// title without its leading "Thủ tục".
// today is the date written as synced_at: the day the editor copies the
// record from the national database.
func Procedure(siteDir, code, title string, today time.Time) (string, error) {
	code = strings.TrimSpace(code)
	title = vntext.NFC(strings.TrimSpace(title))
	if !procedure.CodePattern.MatchString(code) {
		return "", fmt.Errorf("%q is not a procedure code: expected a digit, a dot and six digits, such as 1.001193", code)
	}
	if title == "" {
		return "", errors.New("the title is empty: give the procedure's name as in the national database, in quotes")
	}
	slug := vntext.Slug(strings.TrimPrefix(strings.TrimPrefix(title, "Thủ tục "), "thủ tục "))
	if slug == "" {
		return "", fmt.Errorf("cannot make a file name from the title %q", title)
	}
	section := sectionOf(siteDir)
	rel := path.Join(content.Dir, section, slug+".md")
	text := fmt.Sprintf(procedureTemplate, code, title, code, today.Format("2006-01-02"))
	if err := create(siteDir, rel, text); err != nil {
		return "", err
	}
	return rel, nil
}

// Page writes an ordinary page at content/<name>.md, where name may include
// folders (tin-tuc/thong-bao); a folder that is not yet a section gets an
// _index.md too. It returns the files written.
func Page(siteDir, name string, today time.Time) ([]string, error) {
	name = strings.TrimSuffix(strings.Trim(filepath.ToSlash(strings.TrimSpace(name)), "/"), ".md")
	name = strings.TrimPrefix(name, content.Dir+"/")
	if name == "" {
		return nil, errors.New("give the page's path, such as gioi-thieu or tin-tuc/thong-bao-lich-nghi")
	}
	var segs []string
	for seg := range strings.SplitSeq(name, "/") {
		s := vntext.Slug(seg)
		if s == "" || seg == ".." {
			return nil, fmt.Errorf("%q is not a usable page path: use lowercase letters, digits and hyphens, such as tin-tuc/thong-bao", name)
		}
		segs = append(segs, s)
	}
	if segs[0] == sectionOf(siteDir) {
		return nil, fmt.Errorf("content/%s/ holds procedures: use `congkhai new procedure <code> \"<title>\"`", segs[0])
	}
	var written []string
	for i := 1; i < len(segs); i++ {
		index := path.Join(content.Dir, path.Join(segs[:i]...), content.IndexFile)
		if _, err := os.Stat(filepath.Join(siteDir, filepath.FromSlash(index))); err == nil {
			continue
		}
		if err := create(siteDir, index, fmt.Sprintf(sectionTemplate, segs[i-1])); err != nil {
			return written, err
		}
		written = append(written, index)
	}
	rel := path.Join(content.Dir, path.Join(segs...)+".md")
	if err := create(siteDir, rel, fmt.Sprintf(pageTemplate, today.Format("2006-01-02"))); err != nil {
		return written, err
	}
	return append(written, rel), nil
}

// sectionOf is the procedures section of the site, from site.toml.
func sectionOf(siteDir string) string {
	if cfg := config.Load(siteDir, config.Overrides{}, &problem.List{}); cfg != nil {
		return cfg.Procedures.Section
	}
	return "thu-tuc"
}

// create writes a new file and refuses to replace one.
func create(siteDir, rel, text string) error {
	file := filepath.Join(siteDir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, os.ErrExist) {
		return fmt.Errorf("%s already exists; edit it, or choose another name", rel)
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
