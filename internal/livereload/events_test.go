package livereload

import (
	"bufio"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/congkhai/congkhai/internal/i18n"
)

func TestStreamReceivesReload(t *testing.T) {
	s := New(Options{Root: builtSite(t)})
	ts := serve(t, s)

	st := openStream(t, ts.URL+"/__congkhai/events", nil)
	if ct := st.resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("Content-Type %q", ct)
	}
	// The client is registered once the response headers arrived.
	s.Reload()
	ev := st.event(t)
	if ev.name != "reload" || ev.data != "reload" || ev.id == "" {
		t.Fatalf("event %+v, want a reload", ev)
	}
	s.Reload()
	if ev2 := st.event(t); ev2.name != "reload" || ev2.id == ev.id {
		t.Fatalf("second event %+v after %+v", ev2, ev)
	}
}

func TestEveryTabReloads(t *testing.T) {
	s := New(Options{Root: builtSite(t)})
	ts := serve(t, s)

	tabs := make([]*stream, 3)
	for i := range tabs {
		tabs[i] = openStream(t, ts.URL+"/__congkhai/events", nil)
	}
	s.Reload()
	for i, tab := range tabs {
		if ev := tab.event(t); ev.name != "reload" {
			t.Errorf("tab %d: %+v", i, ev)
		}
	}
}

func TestProblemsEventAndOverlay(t *testing.T) {
	vi, err := i18n.Load(i18n.Vietnamese)
	if err != nil {
		t.Fatal(err)
	}
	s := New(Options{Root: builtSite(t), Translator: vi})
	ts := serve(t, s)
	st := openStream(t, ts.URL+"/__congkhai/events", nil)

	problems := []Problem{
		{File: "content/thu-tuc/khai-sinh.md", Line: 22, Message: "channels[1].fees[0].text: required when amount_vnd > 0"},
		{File: "layouts/base.html", Line: 3, Message: `unexpected "<script>alert(1)</script>" & more`},
	}
	s.SetProblems(problems)
	problems[0].Message = "changed by the caller afterwards"

	ev := st.event(t)
	if ev.name != "problems" {
		t.Fatalf("event %+v, want problems", ev)
	}
	var got []wireProblem
	if err := json.Unmarshal([]byte(ev.data), &got); err != nil {
		t.Fatalf("problems data %q: %v", ev.data, err)
	}
	want := []wireProblem{
		{"content/thu-tuc/khai-sinh.md", 22, "channels[1].fees[0].text: required when amount_vnd > 0", "content/thu-tuc/khai-sinh.md:22: channels[1].fees[0].text: required when amount_vnd > 0"},
		{"layouts/base.html", 3, `unexpected "<script>alert(1)</script>" & more`, `layouts/base.html:3: unexpected "<script>alert(1)</script>" & more`},
	}
	if len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Fatalf("problems %+v, want %+v", got, want)
	}

	for _, path := range []string{"/", "/thu-tuc/", "/khong-co/"} {
		body := get(t, ts.URL+path).body
		for _, part := range []string{
			`<dialog open id="congkhai-problems"`,
			`role="alert"`,
			`<h2 id="congkhai-problems-title">Lỗi khi dựng trang</h2>`,
			`<li>content/thu-tuc/khai-sinh.md:22: channels[1].fees[0].text: required when amount_vnd &gt; 0</li>`,
			`<li>layouts/base.html:3: unexpected &#34;&lt;script&gt;alert(1)&lt;/script&gt;&#34; &amp; more</li>`,
			`<button type="submit">Đóng</button>`,
			`<link rel="stylesheet" id="congkhai-problems-style" href="/__congkhai/overlay.css">`,
		} {
			if !strings.Contains(body, part) {
				t.Errorf("%s: overlay lacks %s in %s", path, part, body)
			}
		}
		if strings.Contains(body, "<script>alert(1)") {
			t.Errorf("%s: problem text not escaped", path)
		}
		if strings.Index(body, overlayID) > strings.Index(body, "</body>") {
			t.Errorf("%s: overlay after </body>", path)
		}
	}
	if css := get(t, ts.URL+"/css/congkhai.1a2b3c4d5e.css").body; strings.Contains(css, overlayID) {
		t.Error("overlay added to a style sheet")
	}

	// Fixed: the overlay goes and every tab reloads.
	s.SetProblems(nil)
	if ev := st.event(t); ev.name != "reload" {
		t.Fatalf("after SetProblems(nil): %+v, want reload", ev)
	}
	if body := get(t, ts.URL+"/").body; strings.Contains(body, overlayID) {
		t.Errorf("overlay still there after SetProblems(nil): %s", body)
	}
	if len(s.Problems()) != 0 {
		t.Errorf("Problems() = %v", s.Problems())
	}
}

func TestReconnectingTabs(t *testing.T) {
	s := New(Options{Root: builtSite(t)})
	ts := serve(t, s)
	events := ts.URL + "/__congkhai/events"

	v := pageVersion(t, get(t, ts.URL+"/").body)
	s.Reload()

	// A tab whose page was served before a change it missed reloads at
	// once, whether it tells its version in the URL (first connection) or,
	// when the browser reconnects, in Last-Event-ID (which wins).
	stale := openStream(t, events+"?since="+v, nil)
	reconnected := openStream(t, events+"?since=irrelevant", http.Header{"Last-Event-ID": {v}})
	// So does a tab from a previous run of the server.
	previousRun := openStream(t, events, http.Header{"Last-Event-ID": {"0abc.7"}})
	for name, st := range map[string]*stream{"stale": stale, "reconnected": reconnected, "previous run": previousRun} {
		if ev := st.event(t); ev.name != "reload" {
			t.Errorf("%s tab: %+v, want reload", name, ev)
		}
	}

	// Tabs that are up to date are not reloaded: the first event they get
	// is the next change.
	v = pageVersion(t, get(t, ts.URL+"/").body)
	upToDate := []*stream{
		openStream(t, events+"?since="+v, nil),
		openStream(t, events+"?since=irrelevant", http.Header{"Last-Event-ID": {v}}),
	}
	s.SetProblems([]Problem{{File: "site.toml", Line: 1, Message: "x"}})
	for i, st := range upToDate {
		if ev := st.event(t); ev.name != "problems" {
			t.Errorf("up-to-date tab %d got %+v first, want the problems event", i, ev)
		}
	}
}

func TestPing(t *testing.T) {
	ts := serve(t, New(Options{Root: builtSite(t), Ping: 10 * time.Millisecond}))
	st := openStream(t, ts.URL+"/__congkhai/events", nil)
	for {
		l, ok := st.line(t)
		if !ok {
			t.Fatal("stream ended")
		}
		if l == ": ping" {
			return
		}
	}
}

func TestCloseEndsStreams(t *testing.T) {
	s := New(Options{Root: builtSite(t)})
	ts := serve(t, s)
	st := openStream(t, ts.URL+"/__congkhai/events", nil)

	s.Close()
	for {
		if _, ok := st.line(t); !ok {
			break // the stream ended
		}
	}
	if r := get(t, ts.URL+"/__congkhai/events"); r.status != http.StatusNoContent {
		t.Errorf("events after Close: status %d, want 204", r.status)
	}
	if r := get(t, ts.URL+"/"); r.status != http.StatusOK {
		t.Errorf("pages after Close: status %d", r.status)
	}
	s.Close() // twice is fine
}

func TestSlowTabIsDropped(t *testing.T) {
	s := New(Options{Root: builtSite(t)})
	ts := serve(t, s)
	st := openStream(t, ts.URL+"/__congkhai/events", nil)

	// Far more events than the backlog, faster than the tab reads: the
	// tab either keeps up or is dropped; the server never blocks.
	done := make(chan struct{})
	go func() {
		defer close(done)
		for range 100 * backlog {
			s.Reload()
		}
	}()
	select {
	case <-done:
	case <-time.After(timeout):
		t.Fatal("Reload blocked on a slow tab")
	}
	// The tab was dropped (its stream ends; the browser reconnects) or it
	// kept up (it gets the next event).
	s.Reload()
	last := s.snapshot().version
	for {
		l, ok := st.line(t)
		if !ok || l == "id: "+last {
			break
		}
	}
}

func TestNoGoroutineLeak(t *testing.T) {
	// The default ping (15 s) never fires here: a closed tab is noticed
	// through the request's context.
	s := New(Options{Root: builtSite(t)})
	ts := serve(t, s)
	before := runtime.NumGoroutine()

	var tabs []*stream
	for range 20 {
		tabs = append(tabs, openStream(t, ts.URL+"/__congkhai/events", nil))
	}
	if n := clients(s); n != 20 {
		t.Fatalf("%d clients registered, want 20", n)
	}
	for _, tab := range tabs {
		tab.close()
	}
	http.DefaultClient.CloseIdleConnections()

	deadline := time.Now().Add(timeout)
	for clients(s) != 0 || runtime.NumGoroutine() > before+2 {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<16)
			t.Fatalf("%d clients and %d goroutines (%d before) left:\n%s",
				clients(s), runtime.NumGoroutine(), before, buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func clients(s *Server) int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return len(s.clients)
}

// BenchmarkReloadToEvent measures the time from Reload to the event read by
// a tab over HTTP: the server's share of the 50 ms budget (issue 6).
func BenchmarkReloadToEvent(b *testing.B) {
	s := New(Options{Root: b.TempDir()})
	ts := httptest.NewServer(s)
	defer ts.Close()
	defer s.Close()
	resp, err := http.Get(ts.URL + "/__congkhai/events")
	if err != nil {
		b.Fatal(err)
	}
	defer func() { _ = resp.Body.Close() }()
	sc := bufio.NewScanner(resp.Body)
	for b.Loop() {
		s.Reload()
		for sc.Scan() {
			if sc.Text() == "data: reload" {
				break
			}
		}
	}
}
