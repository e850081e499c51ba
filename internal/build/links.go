package build

import (
	"context"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/congkhai/congkhai/internal/content"
	"github.com/congkhai/congkhai/internal/linkcheck"
	"github.com/congkhai/congkhai/internal/markdown"
	"github.com/congkhai/congkhai/internal/msg"
	"github.com/congkhai/congkhai/internal/problem"
	"github.com/congkhai/congkhai/internal/vntext"
)

// linkIndex is the sink of `congkhai check`: it keeps no output, only what
// the link checker needs of it: which addresses exist, the ids of each page
// (the targets of #anchors), which pages other pages link to, and the links
// editors wrote in Markdown, with their lines.
type linkIndex struct {
	base string // the site's base path, such as /portal/

	mu       sync.Mutex
	files    map[string]bool            // site paths of every output file
	ids      map[string]map[string]bool // page path → ids in the page
	inbound  map[string]bool            // page paths some other page links to
	redirect map[string]string          // alias path → the page it points to
	sources  []linkSource
	// unbuilt are the files problems keep from being built, with where to
	// look (checkedSite.unbuilt).
	unbuilt map[string]string
}

// linkSource is the Markdown links of one page.
type linkSource struct {
	page     *content.Page
	bodyLine int
	links    []markdown.Link
}

func newLinkIndex(base string) *linkIndex {
	return &linkIndex{base: base, files: map[string]bool{}, ids: map[string]map[string]bool{}, inbound: map[string]bool{}, redirect: map[string]string{}}
}

var (
	idAttr   = regexp.MustCompile(`\sid="([^"]+)"`)
	hrefAttr = regexp.MustCompile(`\shref="([^"#:]*)(?:#[^"]*)?"`)
)

// WriteFile records an output file, and for a page its ids and links.
func (l *linkIndex) WriteFile(sitePath string, data []byte) error {
	file := "/" + strings.TrimPrefix(sitePath, "/")
	page := pageOf(file)
	if !strings.HasSuffix(file, ".html") {
		l.mu.Lock()
		l.files[file] = true
		l.mu.Unlock()
		return nil
	}
	// The page is scanned before taking the lock, so that the workers
	// scan their pages side by side.
	ids := map[string]bool{}
	for _, m := range idAttr.FindAllSubmatch(data, -1) {
		ids[string(m[1])] = true
	}
	var linked []string
	for _, m := range hrefAttr.FindAllSubmatch(data, -1) {
		target := strings.TrimPrefix(string(m[1]), strings.TrimSuffix(l.base, "/"))
		if target != "" && target != page && !strings.HasPrefix(string(m[1]), "//") {
			linked = append(linked, pageOf(target))
		}
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.files[file] = true
	l.ids[page] = ids
	for _, t := range linked {
		l.inbound[t] = true
	}
	return nil
}

// CopyFile records a static file.
func (l *linkIndex) CopyFile(sitePath, _ string) error {
	l.mu.Lock()
	l.files["/"+strings.TrimPrefix(sitePath, "/")] = true
	l.mu.Unlock()
	return nil
}

// Err is nil: the index writes nothing.
func (l *linkIndex) Err() error { return nil }

// addSource keeps the Markdown links of a page for checking once every
// page is known.
func (l *linkIndex) addSource(p *content.Page, bodyLine int, links []markdown.Link) {
	if len(links) == 0 {
		return
	}
	l.mu.Lock()
	l.sources = append(l.sources, linkSource{page: p, bodyLine: bodyLine, links: links})
	l.mu.Unlock()
}

// pageOf turns an output file into the address of its page:
// /a/b/index.html → /a/b/.
func pageOf(file string) string {
	if strings.HasSuffix(file, "/index.html") {
		return strings.TrimSuffix(file, "index.html")
	}
	return file
}

// exists reports whether a site path is published, as a file or as a page.
func (l *linkIndex) exists(p string) (page string, ok bool) {
	switch {
	case l.files[p]:
		return pageOf(p), true
	case strings.HasSuffix(p, "/") && l.files[p+"index.html"]:
		return p, true
	case !strings.HasSuffix(p, "/") && l.files[p+"/index.html"]:
		return p + "/", true
	}
	return "", false
}

// check reports every broken Markdown link, and, with orphans, the pages
// no other page links to (which a site with errors cannot tell: the pages
// that did not render link to none).
func (l *linkIndex) check(site *content.Site, problems *problem.List, orphans bool) {
	slices.SortFunc(l.sources, func(a, b linkSource) int { return strings.Compare(a.page.File, b.page.File) })
	for _, src := range l.sources {
		for _, link := range src.links {
			if why := l.checkLink(src.page.Path, link.Dest); !why.IsZero() {
				problems.Errorf(src.page.File, src.bodyLine+link.Line-1, "", "%s %q: %s", linkKind(link), link.Dest, why)
			}
		}
	}
	for _, p := range site.Pages {
		if !orphans || p.Kind == content.KindHome || p.Path == "" {
			continue
		}
		if !l.inbound[p.Path] {
			problems.Warnf(p.File, 0, "", "no other page links to %s: readers can only find it through search engines", p.Path)
		}
	}
}

// linkKind names a link in messages.
func linkKind(link markdown.Link) msg.Text {
	if link.Image {
		return msg.T("image")
	}
	return msg.T("link")
}

// checkExternal asks every link to another site (linkcheck.Check) and
// warns about each that did not answer, at its line. It returns the notes
// for the command: how many links it checked, and a cache it could not use.
func (l *linkIndex) checkExternal(o linkcheck.Options, problems *problem.List) []msg.Text {
	var urls []string
	for _, src := range l.sources {
		for _, link := range src.links {
			if linkcheck.IsExternal(link.Dest) {
				urls = append(urls, link.Dest)
			}
		}
	}
	if len(urls) == 0 {
		return nil
	}
	found, err := linkcheck.Check(context.Background(), urls, o)
	cached := 0
	for _, r := range found {
		if r.Cached {
			cached++
		}
	}
	for _, src := range l.sources {
		for _, link := range src.links {
			if r, ok := found[link.Dest]; ok && !r.OK {
				problems.Warnf(src.page.File, src.bodyLine+link.Line-1, "", "%s %q: %s", linkKind(link), link.Dest, r.Problem)
			}
		}
	}
	note := msg.T("checked %d links to other sites", len(found))
	if o.Cache != "" {
		note = msg.T("checked %d links to other sites (%d had answered recently: %s)", len(found), cached, o.Cache)
	}
	notes := []msg.Text{note}
	if err != nil {
		notes = append(notes, msg.T("the cache of links to other sites could not be used: %v", err))
	}
	return notes
}

// pageOfMarkdown returns the address of the page made from the Markdown
// file a link names (md, as written on the page at pagePath), when there
// is one: editors write the name relative to the file's folder, which is
// the page's parent, or to the page's address.
func (l *linkIndex) pageOfMarkdown(pagePath, md string) (string, bool) {
	page, _ := url.Parse(pagePath)
	for _, base := range []string{pagePath, path.Dir(strings.TrimSuffix(page.Path, "/")) + "/"} {
		b, _ := url.Parse(base)
		target := b.ResolveReference(&url.URL{Path: md}).Path
		addr := strings.TrimSuffix(strings.TrimSuffix(target, ".md"), "_index")
		addr = strings.TrimSuffix(addr, "/") + "/"
		if _, ok := l.exists(addr); ok {
			return addr, true
		}
	}
	return "", false
}

// checkLink returns what is wrong with a link written on the page at
// pagePath, or "".
func (l *linkIndex) checkLink(pagePath, dest string) msg.Text {
	u, err := url.Parse(dest)
	if err != nil {
		return msg.T("not a valid address")
	}
	if u.Scheme != "" || u.Host != "" {
		return msg.Text{} // another site, mail or telephone: not checked offline
	}
	target := pagePath
	if u.Path != "" {
		base, _ := url.Parse(pagePath)
		target = base.ResolveReference(&url.URL{Path: u.Path}).Path
	}
	if strings.HasSuffix(target, ".md") {
		if addr, ok := l.pageOfMarkdown(pagePath, u.Path); ok {
			return msg.T("links to a Markdown file; link to the page's address instead: %s", addr)
		}
		return msg.T("links to a Markdown file; link to the page's address instead, such as /thu-tuc/dang-ky-khai-sinh/")
	}
	page, ok := l.exists(target)
	if !ok {
		if where, failed := lookupFile(l.unbuilt, target); failed {
			return msg.T("%s could not be built: see %s", target, where)
		}
		if p, found := l.nearest(target); found {
			return msg.T("no page or file at %s (did you mean %s?)", target, p)
		}
		return msg.T("no page or file at %s", target)
	}
	if to, isAlias := l.redirect[page]; isAlias {
		return msg.T("%s is an old address that redirects to %s: link to %s", page, to, to)
	}
	if u.Fragment != "" {
		if ids, isPage := l.ids[page]; isPage && !ids[u.Fragment] {
			return msg.T("%s has no heading or element with id %q", page, u.Fragment)
		}
	}
	return msg.Text{}
}

// nearest suggests the existing page whose last path segment is closest to
// the target's: the same words with a part missing (khai-tu for
// dang-ky-khai-tu), or a few letters apart.
func (l *linkIndex) nearest(target string) (string, bool) {
	if !strings.HasSuffix(target, "/") || target == "/" {
		return "", false // only page addresses get a suggestion
	}
	want := path.Base(strings.TrimSuffix(target, "/"))
	best, bestScore, tie := "", 4, false
	for f := range l.files {
		p := pageOf(f)
		if !strings.HasSuffix(p, "/") || p == "/" {
			continue
		}
		last := path.Base(strings.TrimSuffix(p, "/"))
		score := vntext.Distance(want, last)
		if strings.Contains(last, want) || strings.Contains(want, last) {
			score = min(score, 1)
		}
		switch {
		case score < bestScore:
			best, bestScore, tie = p, score, false
		case score == bestScore && p != best:
			tie = true
		}
	}
	return best, best != "" && !tie
}
