package build

import (
	"path"
	"strings"

	"github.com/congkhai/congkhai/internal/content"
	"github.com/congkhai/congkhai/internal/problem"
	"github.com/congkhai/congkhai/internal/publish"
)

// Session builds one site again and again, as `congkhai serve` does. It
// keeps the last good build in memory, so that an edit to a page that
// changes nothing other pages show (its text, its fees, its papers) renders
// that page alone instead of the whole site.
type Session struct {
	opts Options
	last *plan // the last successful build; nil after a failure
}

// NewSession prepares builds of the site that opts describe.
func NewSession(opts Options) *Session {
	opts.gate = &gate{}
	opts.session = true
	return &Session{opts: opts}
}

// Build builds the site. changed lists the input files changed since the
// previous call, slash-separated and relative to the site folder; nil
// means unknown, and everything is built. After Stop it returns
// ErrStopped.
func (s *Session) Build(changed []string) (*Result, error) {
	if s.opts.gate.stopped() {
		return &Result{}, ErrStopped
	}
	if s.last != nil && changed != nil {
		if res, ok := s.rebuildPages(changed); ok {
			return res, nil
		}
		if s.opts.gate.stopped() {
			return &Result{}, ErrStopped
		}
	}
	res, p, err := run(s.opts)
	s.last = p
	if s.opts.gate.stopped() {
		return res, ErrStopped
	}
	return res, err
}

// Stop ends the build under way, if any, at its next file, and makes every
// later Build return ErrStopped at once. When Stop returns the session
// writes nothing more, in the destination or beside it: it waits only for
// the files being written at that moment (or a commit under way), not for
// the build to end. What the session wrote, the destination and a staging
// folder beside it, is left for the caller to remove. Stop may be called
// from any goroutine, more than once.
func (s *Session) Stop() { s.opts.gate.close() }

// rebuildPages renders again only the pages whose files changed, when
// every change is to the text of existing pages and shows nowhere else.
// It reports false, having changed nothing, when the whole site must be
// built (or when something is wrong: the full build then reports it).
func (s *Session) rebuildPages(changed []string) (*Result, bool) {
	p := s.last
	byFile := map[string]*content.Page{}
	for _, pg := range p.site.Pages {
		byFile[pg.File] = pg
	}
	problems := &problem.List{}
	type update struct{ old, new *content.Page }
	var updates []update
	for _, file := range changed {
		old := byFile[file]
		// A page with translations is linked to them: built whole.
		if old == nil || len(old.Translations) > 0 || !strings.HasPrefix(file, content.Dir+"/") || path.Ext(file) != ".md" {
			return nil, false // a new, removed or non-page file
		}
		pg := p.site.Reload(file, p.cfg, p.rules, problems)
		if pg == nil || problems.Errors() > 0 || !content.SameListing(old, pg) {
			return nil, false
		}
		updates = append(updates, update{old, pg})
	}

	begun, err := publish.BeginPartial(p.opts.fileSystem(), p.dest)
	if err != nil {
		return nil, false
	}
	out := gatedOutput{begun, s.opts.gate}
	res := &Result{Pages: p.pages, Files: p.files}
	var bufs pageBuffers
	records := false // a procedure's record changed: its exports follow
	for _, u := range updates {
		records = records || (u.old.Kind == content.KindProcedure && !content.SameRecord(u.old, u.new))
		j := p.jobFor(u.old)
		if j == nil {
			out.Abort()
			return nil, false
		}
		// The new version takes the old one's place, so that the lists
		// and sections that point to it see the same page.
		parent, pages, sections := u.old.Parent, u.old.Pages, u.old.Sections
		*u.old = *u.new
		u.old.Parent, u.old.Pages, u.old.Sections = parent, pages, sections
		p.run(j, out, problems, &bufs)
	}
	if records {
		// The exports hold every field of every record, and the pages
		// that list them give their sizes: the streamed files first
		// (they come first in the jobs), then what reads their sizes.
		p.resetStreams()
		for _, j := range p.jobs {
			if j.stream != nil || j.late {
				p.run(j, out, problems, &bufs)
			}
		}
	}
	// The index has the pages' new words: its files are written again,
	// and only those that changed are.
	if _, err := p.writeSearch(out, true); err != nil {
		problems.Errorf("the search index", 0, "", "%v", err)
	}
	if problems.Errors() > 0 {
		out.Abort()
		s.last = nil // pages changed in memory: the next build starts afresh
		return nil, false
	}
	res.Written = out.Changed()
	res.Rendered = len(updates)
	if err := out.Commit(); err != nil {
		out.Abort()
		s.last = nil
		return nil, false
	}
	res.Problems = problems.Sorted()
	return res, true
}

// jobFor is the job that renders page pg itself.
func (p *plan) jobFor(pg *content.Page) *job {
	for _, j := range p.jobs {
		if j.page == pg && j.alias == 0 {
			return j
		}
	}
	return nil
}
