// Package static lists the files a site publishes as they are: the site's
// static/ folder, copied byte for byte, and the theme's assets/ (CSS and
// scripts), published under names that carry a hash of their content so
// that hosts can cache them for a year, style sheets without their
// comments and scripts without their whole-line comments. It also holds what the layouts
// share with assets/: walking a folder of the site (WalkSite) and merging
// a theme folder with the site's (MergeTheme).
package static

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/congkhai/congkhai/internal/msg"
	"github.com/congkhai/congkhai/internal/problem"
)

// Folder names in a site (and, for assets, in the theme).
const (
	StaticDir = "static"
	AssetsDir = "assets"
)

// File is a file of static/, published at Path.
type File struct {
	Path string // site path: /bieu-mau/to-khai.docx
	Src  string // file on disk
	Size int64
}

// Asset is a theme or site asset, published at Path with its hash.
type Asset struct {
	Name string // css/congkhai.css
	Path string // /css/congkhai.1a2b3c4d5e.css
	Data []byte
}

// Files is everything a site publishes without rendering.
type Files struct {
	Static []File // ordered by Path
	Assets []Asset
	static map[string]File
	assets map[string]Asset
}

// Load lists siteDir/static and merges the theme's assets with the site's
// assets/ folder, the site's file winning name by name.
func Load(theme fs.FS, siteDir string, problems *problem.List) *Files {
	f := &Files{static: map[string]File{}, assets: map[string]Asset{}}
	root := filepath.Join(siteDir, StaticDir)
	WalkSite(siteDir, root, problems, func(rel, abs string, size int64) {
		sitePath := "/" + strings.TrimPrefix(rel, StaticDir+"/")
		file := File{Path: sitePath, Src: abs, Size: size}
		f.Static = append(f.Static, file)
		f.static[sitePath] = file
	})

	for name, file := range MergeTheme(theme, siteDir, AssetsDir, problems, nil) {
		data := file.Data
		switch path.Ext(name) {
		case ".css":
			data = stripCSSComments(data)
		case ".js":
			data = stripJSComments(data)
		}
		a := Asset{Name: name, Path: "/" + hashedName(name, data), Data: data}
		f.Assets = append(f.Assets, a)
		f.assets[name] = a
	}
	slices.SortFunc(f.Assets, func(a, b Asset) int { return strings.Compare(a.Name, b.Name) })
	return f
}

// ThemeFile is a file of a theme folder (layouts/, assets/) once the
// site's files are merged in.
type ThemeFile struct {
	// Origin is the file problems name: layouts/base.html for the site's
	// file, "built-in layouts/base.html" for the theme's.
	Origin string
	Data   []byte
}

// MergeTheme reads every file of the folder dir in the theme, then every
// file of siteDir/dir, the site's file replacing the theme's of the same
// name; names are slash-separated and relative to dir. keep, when not
// nil, is asked about each of the site's files before it is read (rel is
// relative to siteDir, name to dir) and may report why it refuses one.
// A theme file that cannot be read is left out: the theme is built in.
func MergeTheme(theme fs.FS, siteDir, dir string, problems *problem.List, keep func(rel, name string) bool) map[string]ThemeFile {
	files := map[string]ThemeFile{}
	_ = fs.WalkDir(theme, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		if b, err := fs.ReadFile(theme, p); err == nil {
			files[strings.TrimPrefix(p, dir+"/")] = ThemeFile{Origin: "built-in " + p, Data: b}
		}
		return nil
	})
	WalkSite(siteDir, filepath.Join(siteDir, dir), problems, func(rel, abs string, _ int64) {
		name := strings.TrimPrefix(rel, dir+"/")
		if keep != nil && !keep(rel, name) {
			return
		}
		b, err := os.ReadFile(abs)
		if err != nil {
			problems.Errorf(rel, 0, "", "cannot read: %v", err)
			return
		}
		files[name] = ThemeFile{Origin: rel, Data: b}
	})
	return files
}

// WalkSite calls fn for every regular file under root (a folder of the
// site at siteDir), skipping hidden files and folders and editor backups;
// rel is slash-separated from siteDir. A missing root is not a problem.
func WalkSite(siteDir, root string, problems *problem.List, fn func(rel, abs string, size int64)) {
	if info, err := os.Stat(root); err != nil || !info.IsDir() {
		return
	}
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		rel, _ := filepath.Rel(siteDir, p)
		rel = filepath.ToSlash(rel)
		if err != nil {
			problems.Errorf(rel, 0, "", "cannot read: %v", err)
			return nil
		}
		if skip, err := Skip(p, root, rel, d, problems); skip {
			return err
		}
		if d.IsDir() || strings.HasSuffix(d.Name(), "~") {
			return nil
		}
		info, err := os.Stat(p) // follows a symbolic link to a file
		if err != nil || !info.Mode().IsRegular() {
			problems.Errorf(rel, 0, "", "is not a regular file")
			return nil
		}
		fn(rel, p, info.Size())
		return nil
	})
}

// Skip reports whether a walker of the site folder root should pass over
// the entry d at p (rel to the site folder), with the error that does so
// for filepath.WalkDir (SkipDir for a folder). Hidden files and folders
// (.git, editors' swap files) are passed over quietly. A name that is not
// UTF-8 (a tool saved it in another encoding), which could be written in
// no address and read in no message, and a link to a folder, which
// WalkDir does not follow, are passed over with a problem.
func Skip(p, root, rel string, d fs.DirEntry, problems *problem.List) (bool, error) {
	skip := true
	switch {
	case strings.HasPrefix(d.Name(), ".") && p != root:
	case !utf8.ValidString(rel):
		problems.Errorf(strings.ToValidUTF8(rel, "\uFFFD"), 0, "", "the name is not valid UTF-8 text (a tool saved it in another encoding): rename it")
	case d.Type()&fs.ModeSymlink != 0 && isDir(p):
		problems.Errorf(rel, 0, "", "is a link to a folder, which congkhai does not follow: move or copy the folder here")
	default:
		skip = false
	}
	if skip && d.IsDir() {
		return true, filepath.SkipDir
	}
	return skip, nil
}

func isDir(p string) bool {
	info, err := os.Stat(p)
	return err == nil && info.IsDir()
}

// hashedName inserts a short content hash before the extension:
// css/congkhai.css → css/congkhai.1a2b3c4d5e.css.
func hashedName(name string, data []byte) string {
	sum := sha256.Sum256(data)
	h := hex.EncodeToString(sum[:5])
	ext := path.Ext(name)
	return strings.TrimSuffix(name, ext) + "." + h + ext
}

// StaticFile returns the static file published at sitePath.
func (f *Files) StaticFile(sitePath string) (File, bool) {
	file, ok := f.static[sitePath]
	return file, ok
}

// Asset returns the asset with the given name, such as css/congkhai.css.
func (f *Files) Asset(name string) (Asset, error) {
	a, ok := f.assets[name]
	if !ok {
		return Asset{}, msg.Errorf("asset %q not found in assets/", name)
	}
	return a, nil
}
