package linkcheck

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/congkhai/congkhai/internal/linkcheck/linkchecktest"
)

// site is a local web server with an answer for each kind of link, and
// the requests it got.
type site struct {
	*httptest.Server
	mu       sync.Mutex
	requests []string // "HEAD /ok"
	inFlight atomic.Int32
	maxIn    atomic.Int32
}

func newSite(t *testing.T) *site {
	s := &site{}
	mux := http.NewServeMux()
	mux.Handle("/", linkchecktest.Handler())
	mux.HandleFunc("/busy/", func(w http.ResponseWriter, r *http.Request) {
		n := s.inFlight.Add(1)
		defer s.inFlight.Add(-1)
		for {
			m := s.maxIn.Load()
			if n <= m || s.maxIn.CompareAndSwap(m, n) {
				break
			}
		}
		time.Sleep(20 * time.Millisecond)
	})
	mux.HandleFunc("/agent", func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.UserAgent(), "congkhai-linkcheck/") {
			w.WriteHeader(http.StatusForbidden)
		}
	})
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.requests = append(s.requests, r.Method+" "+r.URL.RequestURI())
		s.mu.Unlock()
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *site) asked() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.requests...)
}

func TestCheck(t *testing.T) {
	s := newSite(t)
	u := func(p string) string { return s.URL + p }
	links := []string{u("/ok"), u("/ok#muc-2"), u("/gone"), u("/no-head"), u("/slow"), u("/loop"), u("/moved"), u("/agent")}
	res, err := Check(context.Background(), links, Options{Timeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		u("/ok"):       "",
		u("/ok#muc-2"): "",
		u("/gone"):     "the site answers 404 Not Found",
		u("/no-head"):  "",
		u("/slow"):     "no answer within 200ms",
		u("/loop"):     "more than 10 redirects (a redirect loop?)",
		u("/moved"):    "",
		u("/agent"):    "",
	}
	for link, problem := range want {
		r, ok := res[link]
		if !ok {
			t.Errorf("%s: no result", link)
			continue
		}
		if r.Problem.String() != problem || r.OK != (problem == "") {
			t.Errorf("%s: %+v, want problem %q", link, r, problem)
		}
	}
	asked := strings.Join(s.asked(), "\n")
	// Counted as whole requests: the links are asked 8 at a time, so HEAD
	// /ok may be the last line, with no new line after it.
	if countOf(s.asked(), "HEAD /ok") != 2 { // once for /ok (and its #muc-2), once after /moved
		t.Errorf("/ok asked other than twice:\n%s", asked)
	}
	if !strings.Contains(asked, "GET /no-head") || strings.Contains(asked, "GET /slow") || strings.Contains(asked, "GET /loop") {
		t.Errorf("GET after HEAD only where HEAD was refused:\n%s", asked)
	}
}

func TestConcurrencyBound(t *testing.T) {
	s := newSite(t)
	var links []string
	for i := range 30 {
		links = append(links, s.URL+"/busy/"+string(rune('a'+i%26))+string(rune('0'+i/26)))
	}
	if _, err := Check(context.Background(), links, Options{Concurrency: 3}); err != nil {
		t.Fatal(err)
	}
	if m := s.maxIn.Load(); m > 3 || m < 2 {
		t.Errorf("%d requests at once, want at most 3 (and more than 1)", m)
	}
}

func TestUnreachable(t *testing.T) {
	s := httptest.NewServer(http.NotFoundHandler())
	addr := s.URL
	s.Close() // nothing listens there any more
	res, _ := Check(context.Background(), []string{addr + "/x"}, Options{Timeout: time.Second})
	if r := res[addr+"/x"]; r.OK || !strings.HasPrefix(r.Problem.String(), "cannot reach the site: ") {
		t.Errorf("%+v", r)
	}
}

// TestCache: an address that answered is not asked again within the
// time-to-live, and is after it; one that failed is asked every time.
func TestCache(t *testing.T) {
	s := newSite(t)
	file := filepath.Join(t.TempDir(), ".congkhai-cache", CacheFile)
	now := time.Date(2026, 9, 25, 8, 0, 0, 0, time.UTC)
	o := Options{Cache: file, TTL: time.Hour, Now: func() time.Time { return now }}
	links := []string{s.URL + "/ok", s.URL + "/gone"}
	check := func() map[string]Result {
		t.Helper()
		res, err := Check(context.Background(), links, o)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	check()
	if n := len(s.asked()); n != 3 { // HEAD /ok, HEAD and GET /gone
		t.Fatalf("first check: %v", s.asked())
	}
	if _, err := os.Stat(file); err != nil {
		t.Fatal(err)
	}

	now = now.Add(30 * time.Minute)
	res := check()
	if r := res[s.URL+"/ok"]; !r.OK || !r.Cached {
		t.Errorf("within the TTL: %+v, want from the cache", r)
	}
	if r := res[s.URL+"/missing"]; r.OK || r.Cached {
		t.Errorf("a failure came from the cache: %+v", r)
	}
	if got := s.asked()[3:]; strings.Join(got, ",") != "HEAD /gone,GET /gone" {
		t.Errorf("second check asked %v", got)
	}

	now = now.Add(time.Hour)
	if r := check()[s.URL+"/ok"]; !r.OK || r.Cached {
		t.Errorf("after the TTL: %+v, want asked again", r)
	}

	// A damaged cache is an empty one.
	if err := os.WriteFile(file, []byte("{not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := check()[s.URL+"/ok"]; !r.OK || r.Cached {
		t.Errorf("with a damaged cache: %+v", r)
	}
}

func TestIsExternal(t *testing.T) {
	for dest, want := range map[string]bool{
		"https://dichvucong.gov.vn/": true,
		"http://example.org/a#b":     true,
		"/thu-tuc/":                  false,
		"../lien-he/":                false,
		"mailto:a@example.gov.vn":    false,
		"tel:1022":                   false,
		"//cdn.example/x":            false,
		"https://":                   false,
	} {
		if got := IsExternal(dest); got != want {
			t.Errorf("IsExternal(%q) = %v", dest, got)
		}
	}
}

// countOf is how many of list are s.
func countOf(list []string, s string) int {
	n := 0
	for _, v := range list {
		if v == s {
			n++
		}
	}
	return n
}
