package serve

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/congkhai/congkhai"
)

const siteTOML = `title = "Cổng thử"
base_url = "https://example.gov.vn/portal/"
language = "vi"
as_of = 2025-08-01
[jurisdiction]
id = "xa-thu"
name = "Xã Thử"
level = "xa"
[[menu]]
title = "Giới thiệu"
url = "/gioi-thieu/"
`

func write(t *testing.T, dir, name, text string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	// Write to a temporary file and rename, as editors do.
	tmp := p + ".tmp~"
	if err := os.WriteFile(tmp, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, p); err != nil {
		t.Fatal(err)
	}
}

// started is a running `congkhai serve` on a free loopback port.
type started struct {
	url  string
	site string
	log  *syncBuffer
}

type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// start serves a small site; each of with may change the options.
func start(t *testing.T, with ...func(*Options)) *started {
	t.Helper()
	site := t.TempDir()
	write(t, site, "site.toml", siteTOML)
	write(t, site, "content/thu-tuc/_index.md", "+++\ntitle = \"Thủ tục\"\n+++\n")
	write(t, site, "content/gioi-thieu.md", "+++\ntitle = \"Giới thiệu\"\n+++\nPhiên bản một.\n")
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	log := &syncBuffer{}
	done := make(chan error, 1)
	o := Options{Source: site, Port: 0, Theme: congkhai.Theme, Out: log, Ready: func(u string) { ready <- u }}
	for _, w := range with {
		w(&o)
	}
	go func() { done <- Run(ctx, o) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("serve: %v", err)
			}
		case <-time.After(10 * time.Second):
			t.Error("serve did not stop")
		}
	})
	select {
	case u := <-ready:
		if !strings.HasPrefix(u, "http://127.0.0.1:") || !strings.HasSuffix(u, "/portal/") {
			t.Fatalf("serving at %s, want a loopback address with the site's base path", u)
		}
		return &started{url: u, site: site, log: log}
	case err := <-done:
		t.Fatalf("serve stopped: %v", err)
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not start")
	}
	return nil
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b)
}

// events opens the live-reload stream and sends each event name on the
// returned channel.
func events(t *testing.T, url string) <-chan string {
	t.Helper()
	return eventsB(t, url)
}

func eventsB(t testing.TB, url string) <-chan string {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	resp, err := http.DefaultClient.Do(req.WithContext(ctx))
	if err != nil {
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/event-stream") {
		t.Fatalf("event stream has Content-Type %q", ct)
	}
	out := make(chan string, 16)
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if name, ok := strings.CutPrefix(sc.Text(), "event: "); ok {
				out <- name
			}
		}
	}()
	return out
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		if cond() {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("timed out waiting for %s", what)
}

func waitEvent(t *testing.T, ch <-chan string, want string) {
	t.Helper()
	timeout := time.After(15 * time.Second)
	for {
		select {
		case e := <-ch:
			if e == want {
				return
			}
		case <-timeout:
			t.Fatalf("no %q event", want)
		}
	}
}

// TestEditReloads: a served page changes after its file is edited, and the
// open tabs get a reload event.
func TestEditReloads(t *testing.T) {
	s := start(t)
	code, body := get(t, s.url+"gioi-thieu/")
	if code != 200 || !strings.Contains(body, "Phiên bản một.") {
		t.Fatalf("GET gioi-thieu: %d\n%s", code, body)
	}
	if !strings.Contains(body, `href="/portal/gioi-thieu/"`) || !strings.Contains(body, "__congkhai/reload.js") {
		t.Errorf("page is not served under the base path with the reload script:\n%s", body)
	}
	ev := events(t, s.url+"__congkhai/events")
	write(t, s.site, "content/gioi-thieu.md", "+++\ntitle = \"Giới thiệu\"\n+++\nPhiên bản hai.\n")
	waitEvent(t, ev, "reload")
	_, body = get(t, s.url+"gioi-thieu/")
	if !strings.Contains(body, "Phiên bản hai.") {
		t.Errorf("the edit is not served:\n%s", body)
	}
	if _, err := os.Stat(filepath.Join(s.site, "public")); !os.IsNotExist(err) {
		t.Error("serve wrote into public/")
	}
	if !strings.Contains(s.log.String(), "rebuilt after") {
		t.Errorf("the terminal does not show the rebuild:\n%s", s.log.String())
	}
	// A folder created after serve started is watched too.
	write(t, s.site, "content/tin-tuc/_index.md", "+++\ntitle = \"Tin tức\"\n+++\n")
	waitEvent(t, ev, "reload")
	write(t, s.site, "content/tin-tuc/moi.md", "+++\ntitle = \"Tin mới\"\n+++\nNội dung mới.\n")
	waitFor(t, "the page in the new folder", func() bool {
		code, body := get(t, s.url+"tin-tuc/moi/")
		return code == 200 && strings.Contains(body, "Nội dung mới.")
	})
}

// TestBrokenFileShowsOverlay: a broken file keeps the last good page
// served, with an overlay naming the file and line on every page, until the
// file is fixed.
func TestBrokenFileShowsOverlay(t *testing.T) {
	s := start(t)
	ev := events(t, s.url+"__congkhai/events")
	write(t, s.site, "content/gioi-thieu.md", "+++\ntitle = \"Giới thiệu\"\ntittle = \"x\"\n+++\nPhiên bản hỏng.\n")
	waitEvent(t, ev, "problems")
	code, body := get(t, s.url+"gioi-thieu/")
	if code != 200 || !strings.Contains(body, "Phiên bản một.") {
		t.Errorf("the last good page is not served: %d\n%s", code, body)
	}
	if !strings.Contains(body, "Lỗi khi dựng trang") || !strings.Contains(body, "content/gioi-thieu.md:3") || !strings.Contains(body, `unknown key &#34;tittle&#34;`) {
		t.Errorf("no overlay with the problem:\n%s", body)
	}
	_, home := get(t, s.url)
	if !strings.Contains(home, "content/gioi-thieu.md:3") {
		t.Error("the overlay is not on every page")
	}
	if !strings.Contains(s.log.String(), "content/gioi-thieu.md:3: tittle: unknown key") {
		t.Errorf("the terminal does not show the problem:\n%s", s.log.String())
	}
	write(t, s.site, "content/gioi-thieu.md", "+++\ntitle = \"Giới thiệu\"\n+++\nPhiên bản sửa.\n")
	waitEvent(t, ev, "reload")
	_, body = get(t, s.url+"gioi-thieu/")
	if strings.Contains(body, "Lỗi khi dựng trang") || !strings.Contains(body, "Phiên bản sửa.") {
		t.Errorf("after the fix, the overlay stays or the page is old:\n%s", body)
	}
}

// TestListenErrors: a busy port is named as such, with what to do; any
// other failure to listen does not blame another server.
func TestListenErrors(t *testing.T) {
	site := t.TempDir()
	write(t, site, "site.toml", siteTOML)
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	port := busy.Addr().(*net.TCPAddr).Port
	err = Run(context.Background(), Options{Source: site, Port: port, Theme: congkhai.Theme, Out: io.Discard})
	if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("port %d is in use", port)) || !strings.Contains(err.Error(), "--port") {
		t.Errorf("busy port: %v", err)
	}
	err = Run(context.Background(), Options{Source: site, Bind: "192.0.2.1", Port: 0, Theme: congkhai.Theme, Out: io.Discard})
	if err == nil || strings.Contains(err.Error(), "another") || !strings.Contains(err.Error(), "--bind") {
		t.Errorf("address not on this computer: %v", err)
	}
}

// TestFirstBuildFails: when the first build fails there is no last good
// site, and the terminal does not claim one is served.
func TestFirstBuildFails(t *testing.T) {
	site := t.TempDir()
	write(t, site, "site.toml", siteTOML+"tittle = \"x\"\n")
	ctx, cancel := context.WithCancel(context.Background())
	log := &syncBuffer{}
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, Options{Source: site, Port: 0, Theme: congkhai.Theme, Out: log, Ready: func(string) { cancel() }})
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(20 * time.Second):
		cancel()
		t.Fatal("serve did not stop")
	}
	out := log.String()
	if strings.Contains(out, "last good site") || !strings.Contains(out, "the site will show once the problems above are fixed") {
		t.Errorf("first failed build:\n%s", out)
	}
}

// TestStoppedDuringFirstBuild: a Ctrl+C during the first build stops the
// server without announcing an address that no longer answers.
func TestStoppedDuringFirstBuild(t *testing.T) {
	site := t.TempDir()
	write(t, site, "site.toml", siteTOML)
	write(t, site, "content/thu-tuc/_index.md", "+++\ntitle = \"Thủ tục\"\n+++\n")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	log := &syncBuffer{}
	ready := false
	if err := Run(ctx, Options{Source: site, Port: 0, Theme: congkhai.Theme, Out: log, Ready: func(string) { ready = true }}); err != nil {
		t.Fatal(err)
	}
	if ready || strings.Contains(log.String(), "serving") {
		t.Errorf("serve announced its address after being stopped:\n%s", log.String())
	}
}

// TestHosts: the server answers its loopback address and the names given,
// refuses any other Host with 403, and says nothing about the network
// while it listens on loopback only.
func TestHosts(t *testing.T) {
	s := start(t, func(o *Options) { o.AllowedHosts = []string{"preview.example"} })
	for host, want := range map[string]int{
		"":                        http.StatusOK, // the address of the URL
		"localhost:1313":          http.StatusOK,
		"preview.example":         http.StatusOK,
		"evil.example":            http.StatusForbidden,
		"preview.example.evil.io": http.StatusForbidden,
	} {
		if code := getHost(t, s.url, host); code != want {
			t.Errorf("Host %q: status %d, want %d", host, code, want)
		}
	}
	for _, ip := range interfaceIPs(t) {
		if code := getHost(t, s.url, ip); code != http.StatusForbidden {
			t.Errorf("Host %s (a network address) while listening on loopback: status %d, want 403", ip, code)
		}
	}
	if strings.Contains(s.log.String(), "warning") {
		t.Errorf("a warning while listening on loopback:\n%s", s.log.String())
	}
}

// TestBindEveryAddress: listening on every address warns once that the
// network can read the draft, and lets this computer's network addresses
// in (a phone opens the site by address), but no other name.
func TestBindEveryAddress(t *testing.T) {
	s := start(t, func(o *Options) { o.Bind = "0.0.0.0" })
	if n := strings.Count(s.log.String(), "warning: --bind 0.0.0.0: anyone on the network can read the draft site"); n != 1 {
		t.Errorf("%d warnings about the network, want 1:\n%s", n, s.log.String())
	}
	for _, ip := range interfaceIPs(t) {
		if code := getHost(t, s.url, ip); code != http.StatusOK {
			t.Errorf("Host %s: status %d, want 200", ip, code)
		}
	}
	for _, host := range []string{"evil.example", "0.0.0.0:1313"} {
		if code := getHost(t, s.url, host); code != http.StatusForbidden {
			t.Errorf("Host %q: status %d, want 403", host, code)
		}
	}
}

// getHost fetches url with the given Host header ("" for the URL's) and
// returns the status.
func getHost(t *testing.T, url, host string) int {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Host = host
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, resp.Body)
	return resp.StatusCode
}

// interfaceIPs are this computer's network addresses other than loopback,
// written as a Host header names them.
func interfaceIPs(t *testing.T) []string {
	t.Helper()
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, a := range addrs {
		if n, ok := a.(*net.IPNet); ok && !n.IP.IsLoopback() {
			out = append(out, net.JoinHostPort(n.IP.String(), "1313"))
		}
	}
	return out
}
