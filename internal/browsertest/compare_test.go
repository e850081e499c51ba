package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/chromedp/chromedp"

	"github.com/congkhai/congkhai/internal/frontmatter"
	"github.com/congkhai/congkhai/internal/search"
)

// compareQueries are the 30 queries bench/search-compare.sh runs on a
// generated portal with congkhai's search and with Pagefind's. A
// procedure is relevant to a query when its title, field or agency has
// every word of want (with diacritics folded), or when its code is want:
// want is the query itself, or what a query with a typo meant.
var compareQueries = []struct{ q, want string }{
	{"dang ky giay khai sinh", ""},
	{"đăng ký giấy khai sinh", ""},
	{"cap lai giay phep lai xe", ""},
	{"cấp lại giấy phép lái xe", ""},
	{"gia han giay phep lao dong", ""},
	{"thu hoi giay chung nhan quyen su dung dat", ""},
	{"xac nhan tinh trang hon nhan", ""},
	{"ho tro tro cap xa hoi hang thang", ""},
	{"giay phep xay dung", ""},
	{"giấy phép kinh doanh rượu", ""},
	{"the bao hiem y te", ""},
	{"phieu ly lich tu phap", ""},
	{"chứng chỉ hành nghề", ""},
	{"bien so nha", ""},
	{"cong nhan che do nguoi co cong", ""},
	{"phê duyệt hồ sơ địa chính", ""},
	{"chung thuc", ""},
	{"nuoi con nuoi", ""},
	{"so tu phap", ""},
	{"phuong an binh", ""},
	{"an toan thuc pham", ""},
	{"giao thông đường bộ", ""},
	{"dieu chinh giay phep khai thac nuoc duoi dat", ""},
	{"cấp đổi giấy chứng nhận hộ kinh doanh", ""},
	{"giay chumg nhan quyen su dung dat", "giay chung nhan quyen su dung dat"},
	{"tro cap xa hoi hang thamg", "tro cap xa hoi hang thang"},
	{"xac nhan tinh trabg hon nhan", "xac nhan tinh trang hon nhan"},
	{"chumg thuc ban sao", "chung thuc"},
	{"code:2.001193", ""},
	{"code:1.007000", ""},
}

// compareProcedure is what the comparison knows of a generated procedure.
type compareProcedure struct {
	URL, Code string
	words     map[string]bool // of its title, field and agency, folded
}

// readCorpus reads the code, title, field and agency of every procedure
// of the site at dir.
func readCorpus(t *testing.T, dir string) []compareProcedure {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "content", "thu-tuc", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	var out []compareProcedure
	for _, f := range files {
		if filepath.Base(f) == "_index.md" {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		split, err := frontmatter.Parse(b)
		if err != nil {
			t.Fatal(err)
		}
		var fm struct{ Code, Title, Field, Agency string }
		if _, err := toml.Decode(string(split.FrontMatter), &fm); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		p := compareProcedure{URL: "/thu-tuc/" + strings.TrimSuffix(filepath.Base(f), ".md") + "/", Code: fm.Code, words: map[string]bool{}}
		for _, tok := range search.Tokens(fm.Title + " | " + fm.Field + " | " + fm.Agency) {
			p.words[tok.Fold] = true
		}
		out = append(out, p)
	}
	return out
}

// relevant lists the procedures relevant to a query.
func relevant(docs []compareProcedure, q, want string) map[string]bool {
	if want == "" {
		want = q
	}
	out := map[string]bool{}
	for _, d := range docs {
		if code, ok := strings.CutPrefix(want, "code:"); ok {
			if d.Code == code {
				out[d.URL] = true
			}
			continue
		}
		all := true
		for _, tok := range search.Tokens(want) {
			all = all && d.words[tok.Fold]
		}
		if all {
			out[d.URL] = true
		}
	}
	return out
}

// engineRun is what one query cost an engine and what it found.
type engineRun struct {
	Ms        float64  // from the query to its first 10 results' data, CPU slowed 4×
	Count     int      // results
	URLs      []string // the first 10
	Index     int      // bytes of index and results downloaded (compressed as sent)
	Code      int      // bytes of the engine's own script and WebAssembly
	Files     int
	Recall    float64 // of the first 10
	Relevant  int
	FirstGood bool // the first result is relevant
}

// TestSearchCompare runs compareQueries on a built generated portal with
// congkhai's index and with Pagefind's, which bench/search-compare.sh
// builds into $CONGKHAI_COMPARE_PUBLIC (the site's sources in
// $CONGKHAI_COMPARE_SOURCE), each query in a new tab with a cold cache,
// and writes what they cost and found to $CONGKHAI_COMPARE_OUT (JSON).
func TestSearchCompare(t *testing.T) {
	public, source := os.Getenv("CONGKHAI_COMPARE_PUBLIC"), os.Getenv("CONGKHAI_COMPARE_SOURCE")
	if public == "" || source == "" {
		t.Skip("run by bench/search-compare.sh")
	}
	docs := readCorpus(t, source)
	modules, _ := filepath.Glob(filepath.Join(public, "js", "search.*.js"))
	if len(modules) != 1 {
		t.Fatalf("no search script in %s", public)
	}
	module := "/js/" + filepath.Base(modules[0])
	// Pagefind needs 'wasm-unsafe-eval' in a Content-Security-Policy; the
	// comparison is served without one, for both.
	files := http.FileServer(http.Dir(public))
	// What each query downloads is counted where it is served: Pagefind
	// fetches its index from a worker, whose requests the page's DevTools
	// events do not show.
	served := &servedBytes{module: module}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/__compare.html" {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, "<!DOCTYPE html><html lang=vi><meta charset=utf-8><title>so sánh</title><body></body></html>")
			return
		}
		w.Header().Set("Cache-Control", "no-store") // every query cold, a worker's requests too
		files.ServeHTTP(served.writer(w, r.URL.Path), r)
	}))
	defer srv.Close()

	engines := map[string]string{
		"congkhai": `(async (q, module) => {
			const m = await import(module);
			const ix = await m.openIndex(name => fetch("/tim-kiem/index/" + name).then(r => r.arrayBuffer()));
			const t0 = performance.now();
			const code = q.startsWith("code:") ? q.slice(5) : q;
			const res = await ix.search(m.parseQuery(code), []);
			const hits = await Promise.all(res.slice(0, 10).map(r => ix.hit(r.doc)));
			return {Ms: performance.now() - t0, Count: res.length, URLs: hits.map(h => h.url)};
		})`,
		"pagefind": `(async (q) => {
			const pf = await import("/pagefind/pagefind.js");
			await pf.init();
			const t0 = performance.now();
			const code = q.startsWith("code:") ? q.slice(5) : q;
			const s = await pf.search(code);
			const data = await Promise.all(s.results.slice(0, 10).map(r => r.data()));
			return {Ms: performance.now() - t0, Count: s.results.length, URLs: data.map(d => d.url)};
		})`,
	}
	// CONGKHAI_COMPARE_ENGINES=congkhai runs congkhai's search alone, on
	// a portal that Pagefind did not index (at 100k it cannot, in this
	// machine's memory).
	compared := []string{"congkhai", "pagefind"}
	if e := os.Getenv("CONGKHAI_COMPARE_ENGINES"); e != "" {
		compared = strings.Split(e, ",")
	}
	type row struct {
		Query, Want string
		Relevant    int
		Runs        map[string]engineRun
	}
	var rows []row
	for _, cq := range compareQueries {
		rel := relevant(docs, cq.q, cq.want)
		r := row{Query: cq.q, Want: cq.want, Relevant: len(rel), Runs: map[string]engineRun{}}
		for _, name := range compared {
			run := runEngine(t, srv.URL, engines[name], cq.q, module, served)
			hits := 0
			for _, u := range run.URLs {
				if rel[u] {
					hits++
				}
			}
			if len(rel) > 0 {
				run.Recall = float64(hits) / float64(min(10, len(rel)))
			}
			run.FirstGood = len(run.URLs) > 0 && rel[run.URLs[0]]
			run.Relevant = len(rel)
			r.Runs[name] = run
			t.Logf("%-45q %-9s %3d relevant: recall@10 %.2f, first %v, %5d results, %6d bytes index, %6d bytes code, %2d files, %6.0f ms",
				cq.q, name, len(rel), run.Recall, run.FirstGood, run.Count, run.Index, run.Code, run.Files, run.Ms)
		}
		rows = append(rows, r)
	}
	if out := os.Getenv("CONGKHAI_COMPARE_OUT"); out != "" {
		b, _ := json.MarshalIndent(rows, "", "  ")
		if err := os.WriteFile(out, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// servedBytes counts the bytes the comparison's server sends, as index
// and results or as an engine's code, from one reset to the next.
type servedBytes struct {
	module string
	mu     sync.Mutex
	run    engineRun // Index, Code and Files only
}

// writer counts what w sends of the file at path.
func (s *servedBytes) writer(w http.ResponseWriter, path string) http.ResponseWriter {
	index := strings.HasPrefix(path, "/tim-kiem/index/") || strings.HasPrefix(path, "/pagefind/") && (strings.Contains(path, ".pf_") || strings.HasSuffix(path, ".json"))
	code := !index && (path == s.module || strings.HasPrefix(path, "/pagefind/"))
	if !index && !code {
		return w
	}
	s.mu.Lock()
	if index {
		s.run.Files++
	}
	s.mu.Unlock()
	return &countingWriter{ResponseWriter: w, add: func(n int) {
		s.mu.Lock()
		defer s.mu.Unlock()
		if index {
			s.run.Index += n
		} else {
			s.run.Code += n
		}
	}}
}

// take returns what was counted since the last take, and starts again.
func (s *servedBytes) take() engineRun {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.run
	s.run = engineRun{}
	return r
}

type countingWriter struct {
	http.ResponseWriter
	add func(int)
}

func (w *countingWriter) Write(b []byte) (int, error) {
	n, err := w.ResponseWriter.Write(b)
	w.add(n)
	return n, err
}

// runEngine opens a new tab with a cold cache and the CPU slowed down, runs
// one query with the engine's function and returns what it cost and found,
// the bytes as served counts them.
func runEngine(t *testing.T, base, fn, q, module string, served *servedBytes) engineRun {
	t.Helper()
	ctx, cancel := chromedp.NewContext(shared.browser)
	defer cancel()
	ctx, cancelTimeout := context.WithTimeout(ctx, 120*time.Second)
	defer cancelTimeout()
	if err := chromedp.Do(ctx); err != nil { // the tab, before the count starts
		t.Fatal(err)
	}
	served.take()
	coldSlowPhone(t, ctx)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/__compare.html")); err != nil {
		t.Fatal(err)
	}
	arg, _ := json.Marshal(q)
	mod, _ := json.Marshal(module)
	got, err := chromedp.Run(ctx, chromedp.Evaluate[engineRun](fmt.Sprintf("(%s)(%s, %s)", fn, arg, mod), chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	time.Sleep(200 * time.Millisecond) // the last responses
	run := served.take()
	got.Index, got.Code, got.Files = run.Index, run.Code, run.Files
	return got
}
