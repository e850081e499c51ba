package build

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/congkhai/congkhai/internal/buildcache"
	"github.com/congkhai/congkhai/internal/chart"
	"github.com/congkhai/congkhai/internal/config"
	"github.com/congkhai/congkhai/internal/contacts"
	"github.com/congkhai/congkhai/internal/content"
	"github.com/congkhai/congkhai/internal/datafiles"
	"github.com/congkhai/congkhai/internal/dataset"
	"github.com/congkhai/congkhai/internal/i18n"
	"github.com/congkhai/congkhai/internal/late"
	"github.com/congkhai/congkhai/internal/locale"
	"github.com/congkhai/congkhai/internal/msg"
	"github.com/congkhai/congkhai/internal/office"
	"github.com/congkhai/congkhai/internal/personaldata"
	"github.com/congkhai/congkhai/internal/problem"
	"github.com/congkhai/congkhai/internal/procedure"
	"github.com/congkhai/congkhai/internal/render"
	"github.com/congkhai/congkhai/internal/static"
)

// echartsFile is the ECharts build a site that installs ECharts with npm
// serves: the "common" build has line and bar charts, the SVG renderer,
// aria descriptions and decal patterns, at two thirds of the full build's
// size. echartsPackage says which version it is.
const (
	echartsFile    = "node_modules/echarts/dist/echarts.common.min.js"
	echartsPackage = "node_modules/echarts/package.json"
)

// staticECharts is where a site may keep an ECharts file of its own in
// static/ (the same file as echartsFile, or another build of it). When the
// site has charts it is the one they use, published under its hashed name
// (echartsPath) instead of its own.
const staticECharts = "/js/echarts.common.min.js"

// builtinECharts names Options.ECharts in messages.
const builtinECharts = "the ECharts built into congkhai"

// loadedSite is every input of a site read into typed values, each file
// checked on its own: the first stage of a build.
type loadedSite struct {
	opts    Options
	cfg     *config.Config
	today   time.Time       // the reference date (ReferenceDate)
	static  *static.Files   // the site's static files and theme assets
	rules   procedure.Rules // what records were validated against
	site    *content.Site
	layouts *render.Layouts
	// locales are the site's languages, its default first: the built-in
	// tables with the site's i18n/<lang>.toml in their place.
	locales []*locale.Locale
	dir     *contacts.Directory // data/danh-ba.toml; nil without one
	offices *office.File        // data/diem-tiep-nhan.toml; nil without one
	late    *late.File          // data/ho-so-tre-han.csv; nil without one
	totals  late.Totals         // the monthly totals it is counted against
	// consented are the mobile numbers the directory publishes, which the
	// other files of the site may show; nil when it has errors.
	consented personaldata.Consented
	data      *datafiles.Folder  // data/ as the loaders read it
	sets      []*dataset.Dataset // data/*.csv with their descriptions
	charts    *chart.Set         // the charts the datasets declare
	// echarts is the ECharts file when the site has charts; nil if it is
	// missing (reported). echartsOrigin is where it was found (loadECharts).
	echarts       []byte
	echartsOrigin string
	// dataLoadFailed is set when a data file or a chart did not load.
	dataLoadFailed bool
	// cache holds what earlier builds computed from files (nil: none); it
	// is closed, and set to nil, when the build is done (closeCache).
	cache      *buildcache.Cache
	cacheNotes []msg.Text
}

// load reads the site folder. It returns nil when there is no site to go on
// with (no usable site.toml); otherwise whatever loaded, the problems of
// the rest being in problems.
func load(opts Options, problems *problem.List) *loadedSite {
	cfg := config.Load(opts.Source, config.Overrides{BaseURL: opts.BaseURL}, problems)
	if cfg == nil {
		return nil
	}
	today, err := ReferenceDate(cfg.AsOf.Time(), opts.SourceDateEpoch)
	if err != nil {
		problems.Errorf("SOURCE_DATE_EPOCH", 0, "", "%v", err)
		return nil
	}
	l := &loadedSite{opts: opts, cfg: cfg, today: today}
	l.openCache()
	l.static = static.Load(opts.Theme, opts.Source, problems)
	l.rules = procedure.Rules{Today: today, StaleAfterDays: cfg.Procedures.StaleAfterDays}

	// The loaders read data/ through l.data, which keeps what they read for
	// the personal-data lint: each file is read from disk once. The
	// directory comes first: the lint of every page needs its numbers.
	l.data = datafiles.New(opts.Source)
	beforeDir := problems.Errors()
	l.dir = contacts.Load(opts.Source, l.data.ReadFile, problems)
	l.consented = consentedBy(l.dir, problems.Errors() > beforeDir)
	l.offices = office.Load(opts.Source, l.data.ReadFile, problems)

	l.site = content.Load(opts.Source, cfg, l.rules, l.consented, l.cache, problems)
	l.locales = loadLocales(opts.Source, cfg, problems)
	l.layouts = render.LoadLayouts(opts.Theme, opts.Source, render.Funcs(cfg, l.static), l.locales, problems)
	beforeData := problems.Errors()
	sets := dataset.Load(opts.Source, l.data.ReadFile, problems)
	for _, ds := range sets {
		if ds.Name == late.TotalsDataset {
			l.totals = late.TotalsOf(ds)
		}
	}
	if l.late = late.Load(opts.Source, l.data.ReadFile, l.totals, problems); l.late != nil {
		l.late.CheckTotals(l.totals, problems)
	}
	l.charts = chart.Load(sets, problems)
	// A dataset with a chart in error is not published, as one whose
	// file is in error is not.
	l.sets = slices.DeleteFunc(sets, l.charts.Failed)
	l.dataLoadFailed = problems.Errors() > beforeData
	if len(l.charts.All()) > 0 {
		l.echarts, l.echartsOrigin = loadECharts(opts, l.static, problems)
	}
	return l
}

// openCache opens the build cache, when there is one. A cache that cannot
// be used is not an error of the site: the build goes on without it, and
// says why (Result.Notes).
func (l *loadedSite) openCache() {
	if l.opts.CacheDir == "" {
		return
	}
	version, err := buildcache.Version()
	if err == nil {
		l.cache, err = buildcache.Open(l.opts.CacheDir, version)
	}
	if err != nil {
		l.cacheNotes = append(l.cacheNotes, msg.T("building without the cache in %s: %v", l.opts.CacheDir, err))
	}
}

// closeCache writes the cache's index, keeping only what this build used
// when it is complete, counts in res what came from the cache, and returns
// the notes about the cache.
func (l *loadedSite) closeCache(complete bool, res *Result) []msg.Text {
	hits, misses := l.cache.Stats()
	res.FromCache, res.CacheLookups = hits, hits+misses
	if err := l.cache.Close(complete); err != nil {
		l.cacheNotes = append(l.cacheNotes, msg.T("the cache in %s could not be saved: %v", l.opts.CacheDir, err))
	}
	l.cache = nil
	return l.cacheNotes
}

// consentedBy is the set of mobile numbers the directory publishes, each
// with its consent checked: empty when the site has no directory, nil when
// the directory failed, so that the numbers it lists are not reported as
// if they had none.
func consentedBy(dir *contacts.Directory, failed bool) personaldata.Consented {
	if failed {
		return nil
	}
	c := personaldata.Consented{}
	if dir != nil {
		for _, d := range dir.Mobiles() {
			c[d] = true
		}
	}
	return c
}

// loadECharts returns the ECharts file a site with charts serves itself,
// and where it was found: the site's static/js/echarts.common.min.js, else
// the file npm installed in the site's node_modules, else the one built
// into the program (opts.ECharts). The site's node_modules gives way to
// the built-in file when it holds the very version that file was built
// from (opts.EChartsVersion): the built-in one is then the same ECharts
// with only what the charts use, a sixth lighter. A site that wants the
// whole common build anyway copies it into static/js/. Without any, it
// reports the problem.
func loadECharts(opts Options, files *static.Files, problems *problem.List) ([]byte, string) {
	if f, ok := files.StaticFile(staticECharts); ok {
		origin := static.StaticDir + staticECharts
		src, err := os.ReadFile(f.Src)
		if err != nil {
			problems.Errorf(origin, 0, "", "cannot read: %v", err)
			return nil, ""
		}
		return src, origin
	}
	if opts.ECharts != nil && opts.EChartsVersion != "" && npmVersion(opts.Source) == opts.EChartsVersion {
		return opts.ECharts, builtinECharts
	}
	if src, err := os.ReadFile(filepath.Join(opts.Source, filepath.FromSlash(echartsFile))); err == nil {
		return src, echartsFile
	}
	if opts.ECharts != nil {
		return opts.ECharts, builtinECharts
	}
	problems.Errorf(echartsFile, 0, "", "not found: the charts in data/ need ECharts, which the portal serves itself; run `npm ci` in the site folder (package.json pins echarts 5.6.0), or `npm install echarts@5.6.0`")
	return nil, ""
}

// npmVersion is the version of the ECharts npm package installed in the
// site's node_modules, or "" when there is none (or it cannot be read).
func npmVersion(site string) string {
	b, err := os.ReadFile(filepath.Join(site, filepath.FromSlash(echartsPackage)))
	if err != nil {
		return ""
	}
	var pkg struct{ Version string }
	if json.Unmarshal(b, &pkg) != nil {
		return ""
	}
	return pkg.Version
}

// echartsPath is where ECharts is published: named by its content, so that
// browsers may keep it for a year.
func echartsPath(src []byte) string {
	sum := sha256.Sum256(src)
	return "/js/echarts." + hex.EncodeToString(sum[:5]) + ".js"
}

// loadLocales returns the locale of each language of the site, its
// default first: congkhai's tables of the language with the site's own
// (i18n/<lang>.toml) in their place.
func loadLocales(dir string, cfg *config.Config, problems *problem.List) []*locale.Locale {
	var out []*locale.Locale
	for _, lang := range cfg.Langs() {
		cat, err := i18n.Load(lang)
		if err != nil {
			problems.Errorf(i18n.SiteDir, 0, "", "%v", err)
			continue
		}
		site := i18n.LoadSite(dir, lang, problems)
		out = append(out, locale.New(lang, cat.With(site), site.Names))
	}
	return out
}
