// Package build runs the whole pipeline for one site folder, in four
// stages, each handing a typed value to the next:
//
//	load   (load.go)    site.toml, content/, data/, static/, layouts/ into
//	                    typed values, each file checked on its own → loadedSite
//	check  (check.go)   every rule that needs more than one file, and the
//	                    list of every output (outputs.go) → checkedSite
//	plan   (plan.go)    what each generated page's layout reads → plan
//	write  (write.go)   every page rendered in parallel into a staging
//	                    folder, swapped into place only on success → Result
//
// Problems are collected across all four, so that one run reports them
// all; a build with errors writes nothing.
package build

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"time"

	"github.com/congkhai/congkhai/internal/config"
	"github.com/congkhai/congkhai/internal/content"
	"github.com/congkhai/congkhai/internal/i18n"
	"github.com/congkhai/congkhai/internal/linkcheck"
	"github.com/congkhai/congkhai/internal/msg"
	"github.com/congkhai/congkhai/internal/problem"
	"github.com/congkhai/congkhai/internal/publish"
	"github.com/congkhai/congkhai/internal/render"
	"github.com/congkhai/congkhai/internal/static"
)

// Options say what to build and where.
type Options struct {
	Source      string // the site folder (holds site.toml)
	Destination string // the output folder; default Source/public
	BaseURL     string // overrides base_url of site.toml when not empty
	Theme       fs.FS  // built-in layouts/ and assets/
	// ECharts is the ECharts file built into the program (nil: none), and
	// EChartsVersion the npm version it was built from. A site with charts
	// serves it unless it has its own: static/js/echarts.common.min.js, or
	// the one npm installed in its node_modules, when that is another
	// version than EChartsVersion (of the same version, the built-in file
	// is the same ECharts with only what the charts use: see loadECharts).
	ECharts        []byte
	EChartsVersion string
	// SourceDateEpoch is the SOURCE_DATE_EPOCH environment variable ("" if
	// unset). When set it gives the build's reference date.
	SourceDateEpoch string
	// Progress, when set, is called as files are written, with how many
	// are done out of how many; it must be safe for concurrent use.
	Progress func(done, total int)
	// CacheDir is the build cache folder (DefaultCacheDir in the site
	// folder, for the command); "" builds without one.
	CacheDir string

	gate *gate // a Session's, for Stop; nil for Run

	// fsys is what the build writes through; nil is the system's. Tests
	// give one that fails as a full disk would.
	fsys publish.FS

	// noSearch leaves the search index out, for the benchmark that
	// measures what it costs.
	noSearch bool
	// noOpenData leaves the open data out (the exports, their pages and
	// catalogue, the feeds and the pages' JSON-LD), for the benchmark
	// that measures what it costs.
	noOpenData bool
	// session is set for the builds of a Session, which keeps what they
	// wrote of the search index for the next edit.
	session bool
}

// fileSystem is what the build writes through.
func (o Options) fileSystem() publish.FS {
	if o.fsys != nil {
		return o.fsys
	}
	return publish.OS{}
}

// DefaultCacheDir is the build cache's folder in a site folder, unless
// --cache-dir names another.
const DefaultCacheDir = ".congkhai-cache"

// Result describes a build.
type Result struct {
	Problems []problem.Problem // errors and warnings, sorted
	Pages    int               // HTML pages in the output
	Files    int               // all files in the output
	Written  int               // files written because they were new or changed
	// Rendered is how many pages were rendered: all of them, or, after an
	// edit that changes nothing other pages show, the edited pages only.
	Rendered int
	// UpToDate is set when nothing changed since the last build into the
	// destination, so that nothing was rendered nor written.
	UpToDate bool
	// Notes are what the build has to say that is not a problem of the
	// site, such as why it could not use its cache.
	Notes []msg.Text
	// FromCache is how many results the build found in its cache, out of
	// how many it looked for.
	FromCache, CacheLookups int

	// outputs are the files of the destination after the build, with their
	// sizes and times, for the state file.
	outputs map[string]publish.Stamp
}

// ErrFailed is returned when the input has errors; Result.Problems lists them.
var ErrFailed = msg.Errorf("build failed")

// Run builds the site. On any error the destination is left as it was.
// When no input has changed since the last build into the destination,
// and the destination is as that build left it, there is nothing to do and
// Run says so (Result.UpToDate) without rendering anything.
func Run(opts Options) (*Result, error) {
	if opts.Destination == "" {
		opts.Destination = filepath.Join(opts.Source, "public")
	}
	fp, fpErr := fingerprint(opts)
	if fpErr == nil {
		if st := loadState(opts.Destination); st != nil && st.fingerprint == fp && st.upToDate(opts.Destination) {
			return &Result{Pages: st.pages, Files: st.files, Problems: st.warnings, UpToDate: true}, nil
		}
	}
	os.Remove(statePath(opts.Destination)) // the build may change the destination
	res, _, err := run(opts)
	if err == nil && fpErr == nil {
		// Without a state file the next build renders everything, which is
		// slower but still right: a failure to write it is not an error.
		_ = saveState(opts, fp, res)
	}
	return res, err
}

// run builds the site, stage by stage, and returns the plan it wrote, for
// a Session.
func run(opts Options) (*Result, *plan, error) {
	if opts.Destination == "" {
		opts.Destination = filepath.Join(opts.Source, "public")
	}
	problems := &problem.List{}
	loaded := load(opts, problems)
	if loaded == nil {
		return &Result{Problems: problems.Sorted()}, nil, ErrFailed
	}
	checked := check(loaded, problems)
	plan := newPlan(checked, problems)
	res, plan, err := write(plan, problems)
	res.Notes = append(res.Notes, loaded.closeCache(err == nil, res)...)
	return res, plan, err
}

// CheckOptions say how Check checks.
type CheckOptions struct {
	Strict bool // warnings count as errors
	// External, when set, checks the links to other sites too
	// (linkcheck), over the network: each that does not answer is a
	// warning at its line.
	External *linkcheck.Options
}

// Check runs every validation of a build without writing anything, then
// checks the links written in Markdown (to pages, to #headings, to files,
// and with co.External to other sites) and warns about pages no other page
// links to.
func Check(opts Options, co CheckOptions) (*Result, error) {
	problems := &problem.List{}
	loaded := load(opts, problems)
	if loaded == nil {
		return &Result{Problems: problems.Sorted()}, ErrFailed
	}
	p := newPlan(check(loaded, problems), problems)
	res := &Result{}
	defer func() { res.Notes = append(res.Notes, loaded.closeCache(problems.Errors() == 0, res)...) }()
	// The links are checked even when the site has errors: a page whose
	// own file has problems is not rendered, but every file the site
	// publishes is known, and those problems keep from being built are
	// named (unbuilt), so that each mistake is reported once, in one run.
	whole := problems.Errors() == 0
	p.links = newLinkIndex(p.cfg.BasePath())
	p.links.unbuilt = p.unbuilt
	for _, j := range p.jobs {
		p.links.files["/"+j.path] = true
		// An alias at a page's own address is an error already reported
		// (one address, one page): links to that page are not to it.
		if j.alias > 0 && !p.editionOf(j.output).addrs[j.addr] {
			p.links.redirect[j.addr] = j.page.Path
		}
	}
	if !whole {
		p.erroneous = filesWithErrors(problems)
	}
	p.produce(p.links, problems, res)
	p.links.check(p.site, problems, whole)
	if co.External != nil {
		res.Notes = append(res.Notes, p.links.checkExternal(*co.External, problems)...)
	}
	res.Problems = problems.Sorted()
	if problems.Errors() > 0 || (co.Strict && len(res.Problems) > 0) {
		return res, ErrFailed
	}
	return res, nil
}

// inputDirs are the folders of a site a build reads; the destination may
// not be inside one of them.
var inputDirs = []string{content.Dir, static.StaticDir, static.AssetsDir, render.LayoutsDir, "data", i18n.SiteDir}

// Inputs are the folders and the file of a site that a build reads (it also
// reads the ECharts file installed by npm): what serve watches.
func Inputs() []string { return append(slices.Clone(inputDirs), config.FileName) }

// ReferenceDate is the date a build treats as today: SOURCE_DATE_EPOCH
// when set (the reproducible-builds convention), otherwise as_of.
func ReferenceDate(asOf time.Time, sourceDateEpoch string) (time.Time, error) {
	if sourceDateEpoch == "" {
		return asOf, nil
	}
	secs, err := strconv.ParseInt(sourceDateEpoch, 10, 64)
	if err != nil || secs < 0 {
		return time.Time{}, msg.Errorf("SOURCE_DATE_EPOCH=%q is not a number of seconds since 1970-01-01", sourceDateEpoch)
	}
	t := time.Unix(secs, 0).UTC()
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), nil
}
