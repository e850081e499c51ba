// Package render turns typed pages into bytes: html/template layouts from
// the built-in theme, each replaceable by a site's file of the same name,
// and the machine-readable files (sitemap.xml, robots.txt, redirects).
// Rendering is pure: it reads no clock and writes no file.
package render

import (
	"bytes"
	"cmp"
	"fmt"
	"html/template"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"text/template/parse"

	"github.com/congkhai/congkhai/internal/i18n"
	"github.com/congkhai/congkhai/internal/locale"
	"github.com/congkhai/congkhai/internal/msg"
	"github.com/congkhai/congkhai/internal/problem"
	"github.com/congkhai/congkhai/internal/static"
)

// LayoutsDir is the folder of layouts in the theme and in a site.
const LayoutsDir = "layouts"

// Layout names: one file each in layouts/.
const (
	LayoutHome       = "home.html"
	LayoutSection    = "section.html"
	LayoutPage       = "page.html"
	LayoutProcedure  = "procedure.html"
	LayoutProcedures = "procedures.html" // the procedures section, grouped by field
	LayoutGroups     = "groups.html"     // every field, agency or level
	LayoutGroup      = "group.html"      // the procedures of one field, agency or level
	LayoutNotFound   = "404.html"
	LayoutDirectory  = "directory.html"     // hotlines and people
	LayoutPoster     = "poster.html"        // the same, as an A4 poster to print
	LayoutReception  = "reception.html"     // the citizen reception schedule
	LayoutDashboard  = "dashboard.html"     // performance figures and charts
	LayoutSearch     = "search.html"        // the search page, and what to do without JavaScript
	LayoutOpenData   = "opendata.html"      // every export of the portal's data
	LayoutExport     = "export.html"        // one export: its files, licence, date and columns
	LayoutAlias      = "alias.html"         // redirect from an old address
	LayoutOffices    = "offices.html"       // the reception points
	LayoutOffice     = "office.html"        // one reception point
	LayoutStatement  = "accessibility.html" // the accessibility statement
	LayoutFeedback   = "feedback.html"      // how to send a complaint or proposal
	LayoutLate       = "late.html"          // late dossiers and apologies
	LayoutLookup     = "lookup.html"        // the dossier status lookup by number
	layoutBase       = "base.html"
	partialsDir      = "partials"
)

var pageLayouts = []string{LayoutHome, LayoutSection, LayoutPage, LayoutProcedure, LayoutProcedures, LayoutGroups, LayoutGroup, LayoutNotFound, LayoutDirectory, LayoutPoster, LayoutReception, LayoutDashboard, LayoutSearch, LayoutOpenData, LayoutExport, LayoutOffices, LayoutOffice, LayoutStatement, LayoutFeedback, LayoutLate, LayoutLookup}

// Layouts holds one parsed template set per layout; each set is the base
// layout, the partials and the layout's own file. Sets are safe for
// concurrent execution.
type Layouts struct {
	locale *locale.Locale
	sets   map[string]*template.Template
	// cache holds the output of partials rendered with partialCached.
	cache sync.Map
	// editions are the same layouts in each language of the site, this
	// one among them; texts are the texts they translate.
	editions map[i18n.Lang]*Layouts
	texts    []Text
}

// LoadLayouts merges the theme's layouts with the site's (the site's file
// wins, name by name) and parses them, once per language of locales (the
// first the site's default), each language's with its LangFuncs and its
// constant texts written in. A text of a layout that a language does not
// translate is a problem at its line.
func LoadLayouts(theme fs.FS, siteDir string, funcs template.FuncMap, locales []*locale.Locale, problems *problem.List) *Layouts {
	files := static.MergeTheme(theme, siteDir, LayoutsDir, problems, func(rel, name string) bool {
		known := slices.Contains(pageLayouts, name) || name == layoutBase || name == LayoutAlias ||
			(path.Dir(name) == partialsDir && strings.HasSuffix(name, ".html"))
		if !known {
			problems.Warnf(rel, 0, "", "not a layout congkhai uses (%s, %s, %s or partials/*.html); it is ignored",
				strings.Join(pageLayouts, ", "), layoutBase, LayoutAlias)
		}
		return known
	})

	var partials []string
	for name := range files {
		if path.Dir(name) == partialsDir {
			partials = append(partials, name)
		}
	}
	slices.Sort(partials)

	// A page layout's set is base.html, the partials and its own file;
	// alias.html stands alone.
	partsOf := func(name string) []string {
		if name == LayoutAlias {
			return []string{name}
		}
		return slices.Concat([]string{layoutBase}, partials, []string{name})
	}
	// The functions of e's layouts: the given ones, those of its language
	// and its own cache of partials.
	funcsOf := func(e *Layouts) template.FuncMap {
		out := maps.Clone(funcs)
		maps.Copy(out, langFuncs(e.locale, funcs))
		out["partialCached"] = e.partialCached
		return out
	}

	l := &Layouts{locale: locales[0], sets: map[string]*template.Template{}, editions: map[i18n.Lang]*Layouts{}}
	l.editions[l.locale.Lang()] = l
	seen := map[string]bool{}
	for _, name := range append(slices.Clone(pageLayouts), LayoutAlias) {
		// The root gets a name no file has: html/template's New resets an
		// existing template of the same name, root included.
		set := template.New("set:" + name).Funcs(funcsOf(l))
		ok := true
		for _, part := range partsOf(name) {
			f, found := files[part]
			if !found {
				problems.Errorf(LayoutsDir+"/"+part, 0, "", "layout not found (neither in the site nor built in)")
				ok = false
				break
			}
			mainBefore := mainTree(set)
			t, err := set.New(part).Parse(dedent(string(f.Data)))
			if err != nil {
				problems.Add(templateProblem(f.Origin, err))
				ok = false
				break
			}
			if !seen[part] {
				seen[part] = true
				for _, d := range t.Templates() {
					if d.Tree != nil && d.Tree.ParseName == part {
						l.texts = append(l.texts, collectTexts(strings.TrimPrefix(f.Origin, "built-in "), d.Tree)...)
					}
				}
			}
			if part == name && name != LayoutAlias && mainTree(set) == mainBefore {
				// base.html's empty "main" block would stand in for it:
				// every page of this layout would be published empty.
				problems.Errorf(f.Origin, 1, "", "the layout must put the page's content in {{define \"main\"}} … {{end}}: base.html places that block, and ignores the rest of the file")
				ok = false
				break
			}
		}
		if ok {
			l.sets[name] = set
		}
	}
	slices.SortFunc(l.texts, func(a, b Text) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Key, b.Key))
	})
	l.texts = slices.CompactFunc(l.texts, func(a, b Text) bool { return a == b })
	checkTexts(l.texts, locales, problems)
	// Each language's sets are parsed again with its constant texts
	// written in (inlineTexts): the sets above, parsed as written, gave
	// the texts and every problem of the files.
	for i, loc := range locales {
		e := l
		if i > 0 {
			e = &Layouts{locale: loc, editions: l.editions, texts: l.texts}
			l.editions[loc.Lang()] = e
		}
		lf := funcsOf(e)
		sets := map[string]*template.Template{}
		for name := range l.sets {
			set := template.New("set:" + name).Funcs(lf)
			for _, part := range partsOf(name) {
				f := files[part]
				if _, err := set.New(part).Parse(inlineTexts(loc, dedent(string(f.Data)))); err != nil {
					problems.Add(templateProblem(f.Origin, err))
					break
				}
			}
			sets[name] = set
		}
		e.sets = sets
	}
	return l
}

// In returns the layouts of the site's edition in lang, or nil when the
// site has none in that language.
func (l *Layouts) In(lang i18n.Lang) *Layouts { return l.editions[lang] }

// Locale returns the language these layouts write.
func (l *Layouts) Locale() *locale.Locale { return l.locale }

// mainTree is the parsed body of the "main" block in set, or nil: a page
// layout that leaves it as it was (base.html's empty block) defined none.
func mainTree(set *template.Template) *parse.Tree {
	if m := set.Lookup("main"); m != nil {
		return m.Tree
	}
	return nil
}

// Execute renders layout with data into buf, which it resets first. Pages
// start from base.html, which pulls in the layout's "main" block;
// alias.html stands alone. A build reuses one buffer per worker, so that a
// page's HTML is not grown from nothing for every page.
func (l *Layouts) Execute(buf *bytes.Buffer, layout string, data any) error {
	set, ok := l.sets[layout]
	if !ok {
		return msg.Errorf("layout %s did not load", layout)
	}
	entry := layoutBase
	if layout == LayoutAlias {
		entry = LayoutAlias
	}
	buf.Reset()
	return set.ExecuteTemplate(buf, entry, data)
}

// partialCached renders a partial once per distinct set of keys and reuses
// the output, as Hugo's partialCached does: for the parts every page shares
// (header, footer), which are most of a small page's rendering time. The
// keys must say everything the partial's output depends on.
func (l *Layouts) partialCached(name string, data any, keys ...any) (template.HTML, error) {
	key := name + "\x00" + fmt.Sprint(keys...)
	if v, ok := l.cache.Load(key); ok {
		return v.(template.HTML), nil
	}
	b, err := l.ExecutePartial(name, data)
	if err != nil {
		return "", err
	}
	// The partial was rendered by html/template, so it is safe HTML.
	h := template.HTML(b)
	l.cache.Store(key, h)
	return h, nil
}

// ExecutePartial renders one partial, such as partials/chart.html, with
// data: for HTML that goes inside a page's Markdown body.
func (l *Layouts) ExecutePartial(name string, data any) ([]byte, error) {
	set, ok := l.sets[LayoutPage]
	if !ok {
		return nil, msg.Errorf("layout %s did not load", LayoutPage)
	}
	var buf bytes.Buffer
	if err := set.ExecuteTemplate(&buf, name, data); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

var templateLine = regexp.MustCompile(`^template: [^:]+:(\d+):(?:(\d+):)? ?(.*)$`)

// templateProblem turns a template parse error into a problem at its line.
func templateProblem(origin string, err error) problem.Problem {
	p := problem.Problem{File: strings.TrimPrefix(origin, "built-in ")}
	if m := templateLine.FindStringSubmatch(err.Error()); m != nil {
		p.Line, _ = strconv.Atoi(m[1])
		return p.Say(msg.Plain(m[3]))
	}
	return p.Say(msg.FromError(err))
}

// dedent takes the indentation off the lines of a layout, which every page
// would carry (some 130 bytes of a procedure page, compressed, of its 12
// KB budget): a line break is white space enough between elements, and
// inside scripts and styles. Lines within <pre> or <textarea> keep it.
func dedent(src string) string {
	var b strings.Builder
	b.Grow(len(src))
	keep := false // within <pre> or <textarea>
	for line := range strings.Lines(src) {
		if !keep {
			line = strings.TrimLeft(line, " \t")
		}
		b.WriteString(line)
		// The last <pre>, <textarea> or their end on the line says
		// whether the next line is inside one.
		open, close := lastMatch(preOpen, line), lastMatch(preClose, line)
		switch {
		case open > close:
			keep = true
		case close >= 0:
			keep = false
		}
	}
	return b.String()
}

var (
	preOpen  = regexp.MustCompile(`(?i)<(?:pre|textarea)[\s>]`)
	preClose = regexp.MustCompile(`(?i)</(?:pre|textarea)\s*>`)
)

// lastMatch is where the last match of re in s begins, or -1.
func lastMatch(re *regexp.Regexp, s string) int {
	m := re.FindAllStringIndex(s, -1)
	if len(m) == 0 {
		return -1
	}
	return m[len(m)-1][0]
}
