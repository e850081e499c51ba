package build

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/congkhai/congkhai"
	"github.com/congkhai/congkhai/internal/corpus"
	"github.com/congkhai/congkhai/internal/frontmatter"
	"github.com/congkhai/congkhai/internal/gcfloor"
	"github.com/congkhai/congkhai/internal/limits"
	"github.com/congkhai/congkhai/internal/markdown"
	"github.com/congkhai/congkhai/internal/problem"
	"github.com/congkhai/congkhai/internal/procedure"
	"github.com/congkhai/congkhai/internal/rawfile"
)

// The benchmarks build a generated portal of -corpus.n procedures, or the
// one generated beforehand in $CONGKHAI_BENCH_SITE:
//
//	go test ./internal/build -run '^$' -bench . -benchmem -corpus.n 10000
var corpusSize = flag.Int("corpus.n", 1000, "procedures in the generated benchmark portal")

var (
	corpusOnce sync.Once
	corpusDir  string
	corpusErr  error
)

// benchSite generates the benchmark portal once per test binary.
func benchSite(b *testing.B) string {
	b.Helper()
	return benchSiteT(b)
}

func benchSiteT(b testing.TB) string {
	if dir := os.Getenv("CONGKHAI_BENCH_SITE"); dir != "" {
		return dir // a portal generated beforehand with cmd/corpus
	}
	corpusOnce.Do(func() {
		corpusDir, corpusErr = os.MkdirTemp("", "congkhai-bench-")
		if corpusErr == nil {
			corpusErr = corpus.Write(filepath.Join(corpusDir, "site"), corpus.Options{Procedures: *corpusSize, Seed: 1})
		}
	})
	if corpusErr != nil {
		b.Fatal(corpusErr)
	}
	return filepath.Join(corpusDir, "site")
}

func TestMain(m *testing.M) {
	gcfloor.Set(gcfloor.Default) // as the congkhai command does
	code := m.Run()
	if corpusDir != "" {
		os.RemoveAll(corpusDir)
	}
	os.Exit(code)
}

// discard is a sink that keeps nothing.
type discard struct{}

// planned runs the stages of a build before the writing: load, check and
// plan. It returns nil when site.toml cannot be used.
func planned(opts Options, problems *problem.List) *plan {
	l := load(opts, problems)
	if l == nil {
		return nil
	}
	return newPlan(check(l, problems), problems)
}

func (discard) WriteFile(string, []byte) error { return nil }
func (discard) CopyFile(string, string) error  { return nil }
func (discard) Err() error                     { return nil }

// BenchmarkLoad measures load and validate: site.toml, every front matter,
// static files, layouts, the catalogue and the output plan.
func BenchmarkLoad(b *testing.B) {
	site := benchSite(b)
	procedures := 0
	for b.Loop() {
		problems := &problem.List{}
		p := planned(Options{Source: site, Theme: congkhai.Theme}, problems)
		if p == nil || problems.Errors() > 0 {
			b.Fatal(problems.Err())
		}
		procedures = len(p.site.Procedures)
	}
	b.ReportMetric(float64(procedures), "procedures")
}

// BenchmarkRender measures rendering every page (Markdown and layouts)
// without writing.
func BenchmarkRender(b *testing.B) {
	site := benchSite(b)
	problems := &problem.List{}
	p := planned(Options{Source: site, Theme: congkhai.Theme}, problems)
	if p == nil || problems.Errors() > 0 {
		b.Fatal(problems.Err())
	}
	for b.Loop() {
		p.produce(discard{}, problems, &Result{})
	}
	if problems.Errors() > 0 {
		b.Fatal(problems.Err())
	}
}

// BenchmarkRenderIndexShare renders every page as BenchmarkRender does,
// without the search index and then with it, one after the other in each
// iteration, and reports the CPU time of each (all threads, the garbage
// collector's included) and what the index adds (index-cpu-ns/op: its
// words gathered, its documents numbered, its files compressed). On a
// shared machine the two are measured in the same minute, which the
// whole builds of BenchmarkBuild and BenchmarkBuildWithoutSearch are not.
func BenchmarkRenderIndexShare(b *testing.B) {
	site := benchSite(b)
	problems := &problem.List{}
	p := planned(Options{Source: site, Theme: congkhai.Theme}, problems)
	if p == nil || problems.Errors() > 0 {
		b.Fatal(problems.Err())
	}
	var without, with usage
	files := 0
	for b.Loop() {
		p.opts.noSearch = true
		for _, ed := range p.editions {
			ed.search = nil
		}
		without.add(func() { p.produce(discard{}, problems, &Result{}) })
		with.add(func() {
			p.opts.noSearch = false
			files = 0
			for _, ed := range p.editions {
				ed.search = p.newSearch(ed)
			}
			p.produce(discard{}, problems, &Result{})
			for _, ed := range p.editions {
				files += len(ed.search.Files())
			}
		})
	}
	if problems.Errors() > 0 {
		b.Fatal(problems.Err())
	}
	reportShare(b, "index", without, with)
	b.ReportMetric(float64(files), "index-files")
}

// BenchmarkRenderOpenDataShare renders every page as BenchmarkRender
// does, with the search index as a build makes it, of the site planned
// without its open data and then with it, one
// after the other in each iteration, and reports the CPU time of each
// (all threads, the garbage collector's included), what the open data
// adds (opendata-cpu-ns/op: the pages' JSON-LD, the exports streamed and
// their pages, the catalogue, the feeds), and the allocations of each,
// which do not depend on what else runs on the machine.
func BenchmarkRenderOpenDataShare(b *testing.B) {
	site := benchSite(b)
	problems := &problem.List{}
	without := planned(Options{Source: site, Theme: congkhai.Theme, noOpenData: true}, problems)
	with := planned(Options{Source: site, Theme: congkhai.Theme}, problems)
	if without == nil || with == nil || problems.Errors() > 0 {
		b.Fatal(problems.Err())
	}
	// Each renders with its search index, as a build does.
	render := func(p *plan) func() {
		return func() {
			for _, ed := range p.editions {
				ed.search = p.newSearch(ed)
			}
			p.produce(discard{}, problems, &Result{})
			for _, ed := range p.editions {
				ed.search.Files()
			}
		}
	}
	var base, more usage
	for b.Loop() {
		base.add(render(without))
		more.add(render(with))
	}
	if problems.Errors() > 0 {
		b.Fatal(problems.Err())
	}
	reportShare(b, "opendata", base, more)
	b.ReportMetric(float64(len(with.jobs)-len(without.jobs)), "opendata-files")
}

// reportShare reports what the rendering used without a part, and what
// the part added (with is the rendering with it), per iteration: CPU
// time, and the allocations, which are exact where CPU time is not on a
// shared machine.
func reportShare(b *testing.B, part string, without, with usage) {
	n := float64(without.runs)
	b.ReportMetric(float64(without.cpu)/n, "render-cpu-ns/op")
	b.ReportMetric(float64(with.cpu-without.cpu)/n, part+"-cpu-ns/op")
	b.ReportMetric(float64(without.allocs)/n, "render-allocs/op")
	b.ReportMetric(float64(with.allocs-without.allocs)/n, part+"-allocs/op")
	b.ReportMetric(float64(without.bytes)/n, "render-B/op")
	b.ReportMetric(float64(with.bytes-without.bytes)/n, part+"-B/op")
}

// usage adds up what runs of a function used: process CPU time, and
// allocations counted by the runtime.
type usage struct {
	runs          int
	cpu, wall     time.Duration
	allocs, bytes uint64
}

func (u *usage) add(fn func()) {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	allocs, bytes := m.Mallocs, m.TotalAlloc
	cpu, start := processCPU(), time.Now()
	fn()
	u.cpu += processCPU() - cpu
	u.wall += time.Since(start)
	runtime.ReadMemStats(&m)
	u.allocs += m.Mallocs - allocs
	u.bytes += m.TotalAlloc - bytes
	u.runs++
}

// freshDest returns a new, empty destination for each build of a
// benchmark. The outputs are deleted together once the benchmark is done,
// not between builds: ext4 without a journal skips inodes freed in the last
// minutes when it creates files, and a build right after deleting the last
// one's output measured the disk's search for inodes, several times over.
func freshDest(b *testing.B) func() string {
	dir := b.TempDir()
	n := 0
	return func() string {
		n++
		return filepath.Join(dir, fmt.Sprintf("public-%d", n))
	}
}

// BenchmarkBuild measures a whole cold build into an empty destination.
func BenchmarkBuild(b *testing.B) { benchmarkBuild(b, false) }

// BenchmarkBuildWithoutSearch is BenchmarkBuild without the search index:
// the difference between the two is what the index costs a build.
func BenchmarkBuildWithoutSearch(b *testing.B) { benchmarkBuild(b, true) }

// benchmarkBuild reports the CPU time of a build (all its threads) as
// well as its wall time: on a shared machine it is the steadier of the two.
func benchmarkBuild(b *testing.B, noSearch bool) {
	site := benchSite(b)
	next := freshDest(b)
	n := 0
	cpu := processCPU()
	for b.Loop() {
		n++
		if _, err := Run(Options{Source: site, Destination: next(), Theme: congkhai.Theme, noSearch: noSearch}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(processCPU()-cpu)/float64(n), "cpu-ns/op")
}

// BenchmarkBuildIndexShare is what the search index adds to a whole cold
// build: see buildShare.
func BenchmarkBuildIndexShare(b *testing.B) {
	buildShare(b, func(o *Options) { o.noSearch = true })
}

// BenchmarkBuildOpenDataShare is what the open data (the exports and
// their pages, the catalogue, the feeds, every page's JSON-LD) adds to a
// whole cold build: see buildShare.
func BenchmarkBuildOpenDataShare(b *testing.B) {
	buildShare(b, func(o *Options) { o.noOpenData = true })
}

// buildShare measures what a part of the build adds to a whole cold build
// into a fresh destination, without a build cache (no-cache) and with an
// empty one (empty-cache, as `congkhai build` on a new clone): in each
// iteration a build without the part (leave takes it out of the
// options), then one with it, so that both are measured in the same
// minute of a shared machine. It reports the CPU time of the build
// without it, what the part adds, and share, the median over iterations
// of what it added to the build without it (0.10 is 10 %).
func buildShare(b *testing.B, leave func(*Options)) {
	site := benchSite(b)
	next := freshDest(b)
	for _, cached := range []bool{false, true} {
		name := "no-cache"
		if cached {
			name = "empty-cache"
		}
		b.Run(name, func(b *testing.B) {
			var without, with usage
			var shares, wallShares []float64
			build := func(whole bool) func() {
				return func() {
					opts := Options{Source: site, Destination: next(), Theme: congkhai.Theme}
					if cached {
						opts.CacheDir = next()
					}
					if !whole {
						leave(&opts)
					}
					if _, err := Run(opts); err != nil {
						b.Fatal(err)
					}
				}
			}
			for b.Loop() {
				before, after := without, with
				without.add(build(false))
				with.add(build(true))
				shares = append(shares, float64(with.cpu-after.cpu)/float64(without.cpu-before.cpu)-1)
				wallShares = append(wallShares, float64(with.wall-after.wall)/float64(without.wall-before.wall)-1)
			}
			slices.Sort(shares)
			slices.Sort(wallShares)
			n := float64(without.runs)
			b.ReportMetric(float64(without.cpu)/n, "build-cpu-ns/op")
			b.ReportMetric(float64(with.cpu-without.cpu)/n, "part-cpu-ns/op")
			b.ReportMetric(shares[len(shares)/2], "share")
			b.ReportMetric(wallShares[len(wallShares)/2], "wall-share")
			b.ReportMetric(float64(with.bytes-without.bytes)/n, "part-B/op")
		})
	}
}

// BenchmarkBuildCached measures builds into an empty destination with a
// build cache, empty for the first build of each (cold: the cache's
// writing included) or filled by a build before (warm: what CI does after
// a merge that changed nothing in content/).
func BenchmarkBuildCached(b *testing.B) {
	site := benchSite(b)
	next := freshDest(b)
	b.Run("cold", func(b *testing.B) {
		for b.Loop() {
			cache := next()
			if _, err := Run(Options{Source: site, Destination: next(), Theme: congkhai.Theme, CacheDir: cache}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("warm", func(b *testing.B) {
		cache := next()
		if _, err := Run(Options{Source: site, Destination: next(), Theme: congkhai.Theme, CacheDir: cache}); err != nil {
			b.Fatal(err)
		}
		for b.Loop() {
			res, err := Run(Options{Source: site, Destination: next(), Theme: congkhai.Theme, CacheDir: cache})
			if err != nil {
				b.Fatal(err)
			}
			if res.FromCache != res.CacheLookups {
				b.Fatalf("warm build: %d of %d from the cache", res.FromCache, res.CacheLookups)
			}
		}
	})
}

// BenchmarkFloor is the limit a build cannot beat: read each procedure,
// split and decode its front matter, convert its Markdown and write the
// HTML into a folder of its own, with no validation, no layouts and no
// lists, with the same file primitives and workers as the real build.
func BenchmarkFloor(b *testing.B) {
	site := benchSite(b)
	files, err := filepath.Glob(filepath.Join(site, "content", "thu-tuc", "*.md"))
	if err != nil {
		b.Fatal(err)
	}
	md := markdown.New("/")
	next := freshDest(b)
	for b.Loop() {
		dest := next()
		if err := os.MkdirAll(dest, 0o755); err != nil {
			b.Fatal(err)
		}
		parallel(files, func(f string) {
			src, err := rawfile.ReadFile(f, limits.ContentFileBytes)
			if err != nil {
				b.Error(err)
				return
			}
			split, err := frontmatter.Parse(src)
			if err != nil {
				return // _index.md has no procedure
			}
			var proc procedure.Procedure
			if _, err := toml.Decode(string(split.FrontMatter), &proc); err != nil {
				b.Error(err)
				return
			}
			var page bytes.Buffer
			page.WriteString("<!DOCTYPE html><title>" + proc.Title + "</title>")
			if err := md.Parse(split.Body).WriteHTML(&page, nil); err != nil {
				b.Error(err)
				return
			}
			out := filepath.Join(dest, strings.TrimSuffix(filepath.Base(f), ".md"))
			if err := os.Mkdir(out, 0o755); err != nil {
				b.Error(err)
				return
			}
			if _, err := rawfile.WriteFile(filepath.Join(out, "index.html"), page.Bytes(), 0o644); err != nil {
				b.Error(err)
			}
		})
	}
}

// parallel calls fn for every item on GOMAXPROCS goroutines.
func parallel(items []string, fn func(string)) {
	work := make(chan string)
	var wg sync.WaitGroup
	for range 4 * runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for it := range work {
				fn(it)
			}
		})
	}
	for _, it := range items {
		work <- it
	}
	close(work)
	wg.Wait()
}

// BenchmarkRebuild measures a build after an edit to one procedure's
// text, into the destination of the build before: every page is rendered
// and compared, a few files are written, and the commit puts them in
// place. (The first edit, before the timing, makes the spare folder.)
func BenchmarkRebuild(b *testing.B) {
	site := benchSite(b)
	dest := filepath.Join(b.TempDir(), "public")
	files, err := filepath.Glob(filepath.Join(site, "content", "thu-tuc", "[a-z]*.md"))
	if err != nil || len(files) == 0 {
		b.Fatal("no procedure files", err)
	}
	file := files[0]
	orig, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { os.WriteFile(file, orig, 0o644) })
	edit := func(i int) {
		if err := os.WriteFile(file, fmt.Appendf(bytes.Clone(orig), "\nSửa lần %d.\n", i), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	opts := Options{Source: site, Destination: dest, Theme: congkhai.Theme}
	for i := range 2 {
		edit(i)
		if _, err := Run(opts); err != nil {
			b.Fatal(err)
		}
	}
	written := 0
	for i := 2; b.Loop(); i++ {
		edit(i)
		res, err := Run(opts)
		if err != nil {
			b.Fatal(err)
		}
		written = res.Written
	}
	b.ReportMetric(float64(written), "written/op")
}

// BenchmarkSessionEdit measures what serve does after an editor saves a
// procedure's text: the page rendered alone, and the search index written
// again with its words.
func BenchmarkSessionEdit(b *testing.B) { benchmarkSessionEdit(b, false) }

// BenchmarkSessionEditWithoutSearch is BenchmarkSessionEdit without the
// search index: the difference is what keeping it right costs an edit.
func BenchmarkSessionEditWithoutSearch(b *testing.B) { benchmarkSessionEdit(b, true) }

func benchmarkSessionEdit(b *testing.B, noSearch bool) {
	site := benchSite(b)
	files, _ := filepath.Glob(filepath.Join(site, "content", "thu-tuc", "*.md"))
	file := files[len(files)/2]
	orig, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { os.WriteFile(file, orig, 0o644) })
	rel, _ := filepath.Rel(site, file)
	s := NewSession(Options{Source: site, Destination: filepath.Join(b.TempDir(), "public"), Theme: congkhai.Theme, noSearch: noSearch})
	if _, err := s.Build(nil); err != nil {
		b.Fatal(err)
	}
	n := 0
	cpu := processCPU()
	for b.Loop() {
		n++
		text := bytes.Replace(orig, []byte("## Ghi chú"), fmt.Appendf(nil, "## Ghi chú\n\nSửa lần %d.", n), 1)
		if err := os.WriteFile(file, text, 0o644); err != nil {
			b.Fatal(err)
		}
		res, err := s.Build([]string{filepath.ToSlash(rel)})
		if err != nil || res.Rendered != 1 {
			b.Fatalf("rendered %d pages (err %v), want 1", res.Rendered, err)
		}
	}
	// On a shared machine the CPU time is steadier than the wall time.
	b.ReportMetric(float64(processCPU()-cpu)/float64(n), "cpu-ns/op")
}

// processCPU is the CPU time this process has used.
func processCPU() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
