package content

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"

	"golang.org/x/text/language"

	"github.com/congkhai/congkhai/internal/buildcache"
	"github.com/congkhai/congkhai/internal/config"
	"github.com/congkhai/congkhai/internal/frontmatter"
	"github.com/congkhai/congkhai/internal/i18n"
	"github.com/congkhai/congkhai/internal/limits"
	"github.com/congkhai/congkhai/internal/markdown"
	"github.com/congkhai/congkhai/internal/msg"
	"github.com/congkhai/congkhai/internal/personaldata"
	"github.com/congkhai/congkhai/internal/problem"
	"github.com/congkhai/congkhai/internal/procedure"
	"github.com/congkhai/congkhai/internal/rawfile"
	"github.com/congkhai/congkhai/internal/static"
	"github.com/congkhai/congkhai/internal/tomlfile"
	"github.com/congkhai/congkhai/internal/vntext"
)

// Dir is the name of the content folder in a site.
const Dir = "content"

// IndexFile gives a folder (a section) its title and introduction.
const IndexFile = "_index.md"

// Site is every published content page of a site.
type Site struct {
	Dir string // the site folder
	// Lang is the language of the site's pages; editions are the site in
	// its other languages (Edition), for the site of its default one.
	Lang       i18n.Lang
	edition    *config.Edition
	editions   []*Site
	Home       *Page
	Pages      []*Page // every page, home and sections included, ordered by Path
	Procedures []*Page // the procedure pages, ordered by Path
	// ProcedureSection is the section that lists the procedures
	// (content/thu-tuc/_index.md), nil when it is missing.
	ProcedureSection *Page
	// unindexed are the folders of content/ that hold pages but no
	// _index.md (slash-separated, relative to content/; "" is content/
	// itself): their pages have no section (CheckSections).
	unindexed []string
	// Failed are the files that could not be published because of their
	// errors, with the address and code they would have had, so that what
	// refers to them says why it finds nothing.
	Failed    []FailedFile
	byCode    map[string]*Page // the first page of each code, by path
	texts     *procedure.Texts // of the packed records
	consented personaldata.Consented
}

// Load reads every file under siteDir/content. Problems go to problems;
// the returned site holds every page whose front matter could be decoded.
// Each file is linted for personal data in the bytes read
// (personaldata.LintPage): consented are the mobile numbers the site's
// directory publishes, which any page may show too (nil when the
// directory has errors: mobiles are then not checked). What a file gives
// is looked up in cache (nil: none) by its bytes, and kept there when it
// is not found.
func Load(siteDir string, cfg *config.Config, rules procedure.Rules, consented personaldata.Consented, cache *buildcache.Cache, problems *problem.List) *Site {
	files := listFiles(siteDir, limits.Pages, problems)
	settings := settingsKey(cfg, rules, consented)
	pages := make([]*Page, len(files))
	failed := make([]*FailedFile, len(files))
	work := make(chan int)
	var wg sync.WaitGroup
	texts := procedure.NewTexts()
	// More workers than CPUs, as for rendering: a worker waiting for a read
	// or for the table of texts leaves its CPU to another that decodes.
	for range 4 * runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			var buf []byte // this worker's, reused: nothing of a file is kept
			for i := range work {
				pages[i], failed[i] = loadFile(siteDir, files[i], cfg, rules, consented, texts, cache, settings, &buf, problems)
			}
		})
	}
	for i := range files {
		work <- i
	}
	close(work)
	wg.Wait()

	pages = slices.DeleteFunc(pages, func(p *Page) bool { return p == nil })
	byLang := map[i18n.Lang][]*Page{}
	for _, p := range pages {
		byLang[p.Lang] = append(byLang[p.Lang], p)
	}
	var s *Site
	for _, e := range cfg.Editions() {
		es := assemble(siteDir, byLang[e.Lang], cfg, e)
		es.texts, es.consented = texts, consented
		if s == nil {
			s = es
		}
		s.editions = append(s.editions, es)
	}
	linkTranslations(s.editions)
	for _, f := range failed {
		if f != nil {
			s.Failed = append(s.Failed, *f)
		}
	}
	s.texts, s.consented = texts, consented
	return s
}

// listFiles walks content/ and returns its Markdown files, slash-separated
// and relative to the site folder, in lexical order: at most most of them,
// more being an error.
func listFiles(siteDir string, most int, problems *problem.List) []string {
	root := filepath.Join(siteDir, Dir)
	info, err := os.Stat(root)
	if err != nil || !info.IsDir() {
		problems.Errorf(Dir, 0, "", "folder not found: a site keeps its pages in %s/ beside site.toml", Dir)
		return nil
	}
	var files []string
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		rel, _ := filepath.Rel(siteDir, p)
		rel = filepath.ToSlash(rel)
		if err != nil {
			problems.Errorf(rel, 0, "", "%s", rawfile.ReadProblem(err))
			return nil
		}
		if skip, err := static.Skip(p, root, rel, d, problems); skip {
			return err // .git, editors' files, names and links unusable
		}
		name := d.Name()
		if d.IsDir() {
			if strings.HasSuffix(name, ".md") {
				problems.Errorf(rel, 0, "", "is a folder, but its name ends in .md: rename it or move the Markdown file in its place")
			}
			return nil
		}
		if strings.HasSuffix(name, "~") {
			return nil // editor backups
		}
		if !strings.HasSuffix(name, ".md") {
			problems.Errorf(rel, 0, "", "only Markdown (.md) files belong in %s/: put images and downloads in static/", Dir)
			return nil
		}
		if !d.Type().IsRegular() {
			if info, err := os.Stat(p); err != nil || !info.Mode().IsRegular() {
				problems.Errorf(rel, 0, "", "is not a regular file")
				return nil
			}
		}
		if len(files) == most {
			problems.Errorf(Dir, 0, "", "holds more than %d Markdown files: a site may have at most %d pages", most, most)
			return fs.SkipAll
		}
		files = append(files, rel)
		return nil
	})
	return files
}

// loadFile reads one file: front matter, validation, the personal-data
// lint of its whole text and its URL. It returns nil when the file cannot
// be published. The file is read into *buf, which it may grow (nil: a new
// buffer); the page keeps nothing of it. The result, problems included,
// comes from cache when it holds the file's (settings says with what the
// file is read: settingsKey), and is kept there otherwise.
func loadFile(siteDir, file string, cfg *config.Config, rules procedure.Rules, consented personaldata.Consented, texts *procedure.Texts, cache *buildcache.Cache, settings buildcache.Key, buf *[]byte, problems *problem.List) (*Page, *FailedFile) {
	if buf == nil {
		buf = new([]byte)
	}
	src, err := rawfile.ReadFileInto(*buf, filepath.Join(siteDir, filepath.FromSlash(file)), limits.ContentFileBytes)
	if err != nil {
		problems.Errorf(file, 0, "", "%s", rawfile.ReadProblem(err))
		return nil, failedFile(file, nil, cfg)
	}
	*buf = src
	var key buildcache.Key
	if cache != nil {
		key = pageKey(settings, file, src)
		if b, ok := cache.Get(key); ok {
			if p, found, err := decodePage(b, file, texts); err == nil {
				if p != nil {
					// The language is the file name's, which the key holds.
					_, e, _ := fileEdition(path.Base(file), cfg)
					p.Lang = e.Lang
				}
				errs := 0
				for _, pr := range found {
					problems.Add(pr)
					if pr.Severity == problem.Error {
						errs++
					}
				}
				return p, failedIf(p == nil && errs > 0, file, src, cfg)
			}
		}
	}
	var local problem.List
	p, proc := decodeFile(file, src, cfg, rules, consented, texts, &local)
	problems.Merge(&local)
	if cache != nil {
		cache.Put(key, encodePage(p, proc, local.Sorted()))
	}
	return p, failedIf(p == nil && local.Errors() > 0, file, src, cfg)
}

// FailedFile is a content file that could not be published.
type FailedFile struct {
	File string
	// Path is the address the page would have had, going by its file's
	// name (a slug in its front matter is not known).
	Path string
	// Code is the code its front matter seems to give a procedure, or "".
	Code string
}

func failedIf(failed bool, file string, src []byte, cfg *config.Config) *FailedFile {
	if !failed {
		return nil
	}
	return failedFile(file, src, cfg)
}

// codeLine finds a procedure's code in a front matter that could not be
// decoded, the way an editor reads it.
var codeLine = regexp.MustCompile(`(?m)^[ \t]*code[ \t]*=[ \t]*"([^"\n]*)"`)

// failedFile describes the file that failed, from its name and what can
// be read of its bytes.
func failedFile(file string, src []byte, cfg *config.Config) *FailedFile {
	dir, name := path.Split(strings.TrimPrefix(file, Dir+"/"))
	dir = strings.TrimSuffix(dir, "/")
	name, e, _ := fileEdition(name, cfg)
	f := &FailedFile{File: file, Path: e.Prefix() + pagePath(dir, strings.TrimSuffix(name, ".md"))}
	switch {
	case name == IndexFile && dir == "":
		f.Path = e.Path
	case name == IndexFile:
		f.Path = e.Prefix() + pagePath(dir, "")
	}
	if m := codeLine.FindSubmatch(src); m != nil && dir == cfg.Procedures.Section {
		f.Code = string(m[1])
	}
	return f
}

// decodeFile is what loadFile does with a file's bytes: the page, or nil,
// and for a procedure its whole record.
func decodeFile(file string, src []byte, cfg *config.Config, rules procedure.Rules, consented personaldata.Consented, texts *procedure.Texts, problems *problem.List) (*Page, *procedure.Procedure) {
	if line := vntext.InvalidUTF8Line(src); line > 0 {
		problems.Errorf(file, line, "", "the file is not valid UTF-8 text; save it as UTF-8 (Unicode)")
		personaldata.LintIDs(file, src, problems)
		return nil, nil
	}
	split, err := frontmatter.Parse(src)
	if err != nil {
		e, _ := frontmatter.IsError(err)
		problems.Errorf(file, e.Line, "", "%v", e.Msg)
		personaldata.LintIDs(file, src, problems)
		return nil, nil
	}
	if !withinLimits(file, split, problems) {
		personaldata.LintIDs(file, src, problems)
		return nil, nil
	}
	// The whole file was checked for UTF-8 above; the front matter is not
	// checked again.
	doc := tomlfile.NewValidUTF8(file, split.FrontMatter, split.FirstLine)
	// lint checks the whole text for personal data once the front matter
	// is decoded, which says what mobiles the page may show; when it could
	// not be, for ID numbers only.
	lint := func(published []personaldata.Consent, decoded bool) {
		if !decoded {
			personaldata.LintIDs(file, src, problems)
			return
		}
		page := personaldata.CheckConsents(published, doc.Reporter(problems))
		personaldata.LintPage(file, src, page, consented, problems)
	}

	dir, name := path.Split(strings.TrimPrefix(file, Dir+"/"))
	dir = strings.TrimSuffix(dir, "/")
	name, e, bad := fileEdition(name, cfg)
	if !bad.IsZero() {
		problems.Add(problem.Problem{File: file}.Say(bad))
		lint(nil, false)
		return nil, nil
	}
	p := &Page{Lang: e.Lang, File: file, Dir: dir, BodyLine: split.BodyLine, BodyHash: sha256.Sum256(split.Body)}
	prefix := e.Prefix()

	isProcedure := dir == cfg.Procedures.Section && name != IndexFile
	if strings.HasPrefix(dir, cfg.Procedures.Section+"/") {
		problems.Errorf(file, 0, "", "procedures live directly in %s/%s/, not in sub-folders", Dir, cfg.Procedures.Section)
		lint(nil, false)
		return nil, nil
	}
	if isProcedure {
		var proc procedure.Procedure
		decoded := doc.Decode(&proc, problems)
		lint(proc.PublishedMobiles, decoded)
		if !decoded {
			return nil, nil
		}
		proc.Validate(doc.Reporter(problems), rules)
		p.Kind = KindProcedure
		p.packed, p.texts = proc.Pack(texts), texts
		p.Procedure = proc.Summary()
		p.Forms = proc.FormRefs() // after Pack: its files are the table's copies
		p.Title = proc.Title
		p.Description = proc.Description
		p.Aliases = proc.Aliases
		p.Path = prefix + pagePath(dir, strings.TrimSuffix(name, ".md"))
		checkAliases(doc, problems, p.Aliases)
		// A page with invalid fields is kept, so that the checks that need
		// the whole site (codes, links) report its other problems too; the
		// build stops before anything is rendered.
		return p, &proc
	}

	var m Meta
	var metaProblems problem.List
	decoded := doc.Decode(&m, &metaProblems)
	if decoded && metaProblems.Len() > 0 && doc.Has("code") {
		// A procedure record outside its section: one problem saying where
		// it belongs, not an unknown key for each of its fields. The page
		// is kept, as with any unknown key.
		doc.Errorf(problems, "code", "%s", misplacedProcedure(name, cfg))
	} else {
		problems.Merge(&metaProblems)
	}
	lint(m.PublishedMobiles, decoded)
	if !decoded {
		return nil, nil
	}
	intern(&m, texts)
	switch {
	case name == IndexFile && dir == "":
		p.Kind = KindHome
		p.Path = e.Path
		if m.Title == "" {
			m.Title = e.Title
		}
	case name == IndexFile:
		p.Kind = KindSection
		p.Path = prefix + pagePath(dir, "")
		if strings.TrimSpace(m.Title) == "" {
			doc.Errorf(problems, "title", "required")
		}
	default:
		p.Kind = KindPage
		if strings.TrimSpace(m.Title) == "" {
			doc.Errorf(problems, "title", "required")
		}
		slug := strings.TrimSuffix(name, ".md")
		if m.Slug != "" {
			if !vntext.IsSlug(m.Slug) {
				doc.Errorf(problems, "slug", "%s", vntext.NotSlug(m.Slug, "gioi-thieu"))
			}
			slug = m.Slug
		}
		p.Path = prefix + pagePath(dir, slug)
	}
	if m.Slug != "" && name == IndexFile {
		doc.Errorf(problems, "slug", "a section takes its address from its folder name; rename the folder instead")
	}
	checkAliases(doc, problems, m.Aliases)
	tomlfile.CheckEarliest(doc.Reporter(problems), "updated", m.Updated, msg.T("write the day the page was last updated, such as 2025-07-15, or remove updated"))
	if m.Draft {
		return nil, nil
	}
	p.Title = m.Title
	p.Description = m.Description
	p.Weight = m.Weight
	p.Updated = m.Updated.Time()
	p.Aliases = m.Aliases
	return p, nil
}

// langSuffix is the language a content file's name may end with before
// .md: gioi-thieu.en.md is gioi-thieu.md in English. Only the code of a
// language (ISO 639) is one: bao-cao.pdf.md is a page named bao-cao.pdf.
var langSuffix = regexp.MustCompile(`\.([a-z]{2,3})\.md$`)

// fileEdition returns the name of a content file without its language
// (gioi-thieu.en.md → gioi-thieu.md) and the edition it belongs to: the
// default one for a name without a language. A language the site does not
// declare is a problem (bad), the file in the default edition meanwhile.
func fileEdition(name string, cfg *config.Config) (string, *config.Edition, msg.Text) {
	eds := cfg.Editions()
	base, code := splitLang(name)
	if code == "" {
		return name, eds[0], msg.Text{}
	}
	lang, _ := i18n.Parse(code)
	e := cfg.Edition(lang)
	switch {
	case e == nil || string(lang) != code:
		if len(eds) < 2 {
			return base, eds[0], msg.T("%q is not a language of the site, which has one (%s): to publish translations, declare [languages.en] in site.toml; else rename the file without %q", code, string(eds[0].Lang), "."+code)
		}
		return base, eds[0], msg.T("%q is not a language of the site (site.toml declares %s): rename the file %s if it is the %s translation", code, string(eds[1].Lang), langFile(base, eds[1]), eds[1].Lang.Text())
	case e.Default:
		return base, eds[0], msg.T("%q is the site's own language: its pages are %s, without %q", code, base, "."+code)
	}
	return base, e, msg.Text{}
}

// splitLang cuts the language from a content file's name (or path):
// gioi-thieu.en.md → gioi-thieu.md and "en"; a name without one, or
// whose suffix is no language's code (bao-cao.pdf.md: part of the name),
// is given back as it is, with "".
func splitLang(name string) (base, code string) {
	if m := langSuffix.FindStringSubmatch(name); m != nil {
		if _, err := language.ParseBase(m[1]); err == nil {
			return strings.TrimSuffix(name, m[0]) + ".md", m[1]
		}
	}
	return name, ""
}

// IsTranslation reports whether a content file's name says it is a
// translation (gioi-thieu.en.md), whose page is the file without it.
func IsTranslation(name string) bool {
	_, code := splitLang(name)
	return code != ""
}

// withoutLang is a translation's file name without its language, the
// name of its original: content/gioi-thieu.en.md → content/gioi-thieu.md.
func withoutLang(file string) string {
	base, _ := splitLang(file)
	return base
}

// langFile is the name of a file of content/ in an edition's language:
// _index.md, _index.en.md.
func langFile(name string, e *config.Edition) string {
	if e.Default {
		return name
	}
	return strings.TrimSuffix(name, ".md") + "." + string(e.Lang) + ".md"
}

// linkTranslations gives every page its versions in the other editions:
// the pages whose files have the same name but for the language.
func linkTranslations(editions []*Site) {
	byName := map[string][]*Page{}
	var names []string
	for _, s := range editions {
		for _, p := range s.Pages {
			key := p.File
			if s.edition != nil && !s.edition.Default {
				key = withoutLang(p.File)
			}
			if byName[key] == nil {
				names = append(names, key)
			}
			byName[key] = append(byName[key], p)
		}
	}
	for _, key := range names {
		versions := byName[key]
		if len(versions) < 2 {
			continue
		}
		for _, p := range versions {
			for _, q := range versions {
				if q != p {
					p.Translations = append(p.Translations, q)
				}
			}
		}
	}
}

// Edition returns the site in lang (s itself for its own language), or
// nil when the site has no such edition.
func (s *Site) Edition(lang i18n.Lang) *Site {
	for _, e := range s.editions {
		if e.Lang == lang {
			return e
		}
	}
	return nil
}

// Editions returns the site in each of its languages, its default first.
func (s *Site) Editions() []*Site { return s.editions }

// pagePath builds /dir/slug/ with every segment folded to a slug, so that a
// file named "Giới thiệu.md" is published at /gioi-thieu/.
func pagePath(dir, slug string) string {
	var b strings.Builder
	b.WriteByte('/')
	if dir != "" {
		for seg := range strings.SplitSeq(dir, "/") {
			b.WriteString(slugOr(seg))
			b.WriteByte('/')
		}
	}
	if slug != "" {
		b.WriteString(slugOr(slug))
		b.WriteByte('/')
	}
	return b.String()
}

func slugOr(s string) string {
	if vntext.IsSlug(s) {
		return s
	}
	if slug := vntext.Slug(s); slug != "" {
		return slug
	}
	return s
}

// withinLimits checks the sizes of a file's front matter and body, and the
// nesting of its Markdown, before the TOML decoder and goldmark see them.
func withinLimits(file string, split frontmatter.Split, problems *problem.List) bool {
	ok := true
	if n := len(split.FrontMatter); n > limits.FrontMatterBytes {
		problems.Errorf(file, split.FirstLine, "", "%s: put long text in the Markdown body", limits.TooLarge(msg.T("the front matter"), int64(n), limits.FrontMatterBytes))
		ok = false
	}
	if n := len(split.Body); n > limits.BodyBytes {
		problems.Errorf(file, split.BodyLine, "", "%s: split the page in two", limits.TooLarge(msg.T("the text"), int64(n), limits.BodyBytes))
		ok = false
	} else if line := markdown.TooDeep(split.Body, limits.MarkdownDepth); line > 0 {
		problems.Errorf(file, split.BodyLine+line-1, "", "lists and block quotes nest more than %d deep here: no page needs that many levels", limits.MarkdownDepth)
		ok = false
	}
	return ok
}

// misplacedProcedure says where a procedure record found in the page
// file name (outside the procedures section) belongs.
func misplacedProcedure(name string, cfg *config.Config) msg.Text {
	section := Dir + "/" + cfg.Procedures.Section + "/"
	if name == IndexFile {
		return msg.T("an _index.md holds only a section's title, description and text, not a procedure (it has a code): put the procedure in a file of its own in %s", section)
	}
	return msg.T("this file is a procedure (it has a code), but procedures live in %s: move it there as a file of its own", section)
}

// checkAliases checks the shape of old URLs; collisions are checked once
// every page is known.
func checkAliases(doc *tomlfile.Doc, problems *problem.List, aliases []string) {
	for i, a := range aliases {
		f := fmt.Sprintf("aliases[%d]", i)
		switch {
		case !strings.HasPrefix(a, "/") || strings.HasPrefix(a, "//"):
			doc.Errorf(problems, f, "%q must be an old address inside the site, starting with /", a)
		case strings.ContainsAny(a, "?#\\ \t") || slices.Contains(strings.Split(a, "/"), ".."):
			doc.Errorf(problems, f, "%q must be a plain path: no spaces, ?, #, \\ or ..", a)
		}
	}
}

// assemble links pages to their sections. What it finds wrong across
// files (a folder without _index.md, a code used twice) it leaves for the
// build's site-wide checks: the unindexed folders, Site.ProcedureByCode.
func assemble(siteDir string, pages []*Page, cfg *config.Config, e *config.Edition) *Site {
	s := &Site{Dir: siteDir, Lang: e.Lang, edition: e, byCode: map[string]*Page{}}
	byDir := map[string]*Page{}
	for _, p := range pages {
		if p.Kind == KindHome || p.Kind == KindSection {
			byDir[p.Dir] = p
		}
	}
	if byDir[""] == nil {
		// A home page needs no file: the site title is enough.
		byDir[""] = &Page{Kind: KindHome, Lang: e.Lang, File: Dir + "/" + langFile(IndexFile, e), Path: e.Path, Title: e.Title}
		pages = append(pages, byDir[""])
	}
	s.Home = byDir[""]

	unindexed := map[string]bool{}
	for _, p := range pages {
		if p.Kind == KindHome {
			continue
		}
		parentDir := p.Dir
		if p.Kind == KindSection {
			parentDir = path.Dir(p.Dir)
			if parentDir == "." {
				parentDir = ""
			}
		}
		parent := byDir[parentDir]
		if parent == nil {
			if !unindexed[parentDir] {
				unindexed[parentDir] = true
				s.unindexed = append(s.unindexed, parentDir)
			}
			continue
		}
		p.Parent = parent
		if p.Kind == KindSection {
			parent.Sections = append(parent.Sections, p)
		} else {
			parent.Pages = append(parent.Pages, p)
		}
	}
	s.ProcedureSection = byDir[cfg.Procedures.Section]
	slices.Sort(s.unindexed)

	coll := vntext.NewCollator()
	weight := func(a, b *Page) int { return cmp.Compare(a.Weight, b.Weight) }
	for _, p := range pages {
		vntext.SortByText(coll, p.Pages, TitleOf, weight, ByPath)
		vntext.SortByText(coll, p.Sections, TitleOf, weight, ByPath)
	}

	slices.SortFunc(pages, ByPath)
	s.Pages = pages
	for _, p := range pages {
		if p.Kind != KindProcedure {
			continue
		}
		s.Procedures = append(s.Procedures, p)
		if _, dup := s.byCode[p.Procedure.Code]; !dup && p.Procedure.Code != "" {
			s.byCode[p.Procedure.Code] = p
		}
	}
	return s
}

// ProcedureByCode returns the procedure page with the given code, or nil;
// of two pages with one code, the first by path.
func (s *Site) ProcedureByCode(code string) *Page { return s.byCode[code] }

// FieldLine finds the line of a front-matter field of p by reading the file
// again. Pages do not keep their source; this is only needed for problems
// found once the whole site is known, which are rare.
func FieldLine(siteDir string, p *Page, field string) int {
	src, err := os.ReadFile(filepath.Join(siteDir, filepath.FromSlash(p.File)))
	if err != nil {
		return 0
	}
	split, err := frontmatter.Parse(src)
	if err != nil {
		return 0
	}
	return tomlfile.New(p.File, split.FrontMatter, split.FirstLine).Line(field)
}

// Reload reads one content file again, for a rebuild after it changed. It
// returns nil when the file cannot be published (its problems are in
// problems).
func (s *Site) Reload(file string, cfg *config.Config, rules procedure.Rules, problems *problem.List) *Page {
	p, _ := loadFile(s.Dir, file, cfg, rules, s.consented, s.texts, nil, buildcache.Key{}, nil, problems)
	return p
}

// SameRecord reports whether two versions of a procedure page, the second
// read again with Site.Reload, hold the same record: what the exports of
// the procedures show. Both were packed with the site's table of texts,
// in which a text keeps its number, so the same record packs to the same
// bytes.
func SameRecord(a, b *Page) bool {
	return a.Kind == b.Kind && a.texts == b.texts && bytes.Equal(a.packed, b.packed) && a.Path == b.Path
}

// SameListing reports whether two versions of a page show the same in
// every other page: lists, menus, related procedures, the sitemap. When they
// do, an edit to the page only needs the page itself rendered again.
func SameListing(a, b *Page) bool {
	if a.Kind != b.Kind || a.File != b.File || a.Path != b.Path || a.Title != b.Title ||
		a.Description != b.Description || a.Weight != b.Weight || !a.Updated.Equal(b.Updated) ||
		!slices.Equal(a.Aliases, b.Aliases) || (a.Procedure == nil) != (b.Procedure == nil) {
		return false
	}
	if a.Procedure == nil {
		return true
	}
	p, q := a.Procedure, b.Procedure
	if !(p.Code == q.Code && p.Field == q.Field && p.Agency == q.Agency && slices.Equal(p.Level, q.Level) &&
		p.SyncedAt.Equal(q.SyncedAt) && p.EffectiveFrom.Equal(q.EffectiveFrom) && p.EffectiveTo.Equal(q.EffectiveTo) &&
		slices.Equal(p.Related, q.Related)) {
		return false
	}
	ra, errA := a.Record()
	rb, errB := b.Record()
	return errA == nil && errB == nil && slices.Equal(ra.Forms(), rb.Forms())
}
