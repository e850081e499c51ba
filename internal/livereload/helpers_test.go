package livereload

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// timeout bounds every wait in these tests; a passing test never reaches it.
const timeout = 10 * time.Second

// page is a small HTML page like the ones the build writes.
func page(title string) string {
	return "<!doctype html>\n<html lang=\"vi\">\n<head><title>" + title + "</title></head>\n<body>\n<h1>" + title + "</h1>\n</body>\n</html>\n"
}

// builtSite writes a folder like a build's output and returns it.
func builtSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"index.html":                           page("Trang chủ"),
		"thu-tuc/index.html":                   page("Thủ tục hành chính"),
		"thu-tuc/dang-ky-khai-sinh/index.html": page("Đăng ký khai sinh"),
		"404.html":                             page("Không tìm thấy trang"),
		"no-body.html":                         "<p>Không có thẻ body",
		"upper.html":                           "<HTML><BODY><p>Chữ hoa</p></BODY></HTML>",
		"css/congkhai.1a2b3c4d5e.css":          "body { color: #1b1b1b }",
		"robots.txt":                           "User-agent: *\n",
		"sitemap.xml":                          "<?xml version=\"1.0\"?><urlset/>",
		"bieu-mau/to-khai.docx":                "PK\x03\x04 not really a docx",
		"empty-folder/.keep":                   "",
	}
	for name, text := range files {
		writeFile(t, dir, name, text)
	}
	return dir
}

func writeFile(t *testing.T, dir, name, text string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// serve starts an HTTP server for s, closed (after s) when the test ends.
func serve(t *testing.T, s *Server) *httptest.Server {
	t.Helper()
	ts := httptest.NewServer(s)
	t.Cleanup(func() {
		s.Close()
		ts.Close()
	})
	return ts
}

// response is a fetched response with its body read.
type response struct {
	status int
	header http.Header
	body   string
}

// get fetches url without following redirects.
func get(t *testing.T, url string) response {
	t.Helper()
	return do(t, http.MethodGet, url)
}

func do(t *testing.T, method, url string) response {
	t.Helper()
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	client := &http.Client{
		Timeout:       timeout,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = resp.Body.Close() }()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return response{resp.StatusCode, resp.Header, string(body)}
}

// stream is an open event stream, read line by line on its own goroutine.
type stream struct {
	resp   *http.Response
	lines  chan string
	cancel context.CancelFunc
}

// openStream connects to the event stream at url; header may be nil. The
// stream is closed when the test ends.
func openStream(t *testing.T, url string, header http.Header) *stream {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header[k] = v
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	st := &stream{resp: resp, lines: make(chan string, 100), cancel: cancel}
	go func() {
		defer close(st.lines)
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			st.lines <- sc.Text()
		}
	}()
	t.Cleanup(st.close)
	return st
}

func (st *stream) close() {
	st.cancel()
	_ = st.resp.Body.Close()
}

// line returns the next line of the stream; ok is false at its end.
func (st *stream) line(t *testing.T) (string, bool) {
	t.Helper()
	select {
	case l, ok := <-st.lines:
		return l, ok
	case <-time.After(timeout):
		t.Fatalf("no line within %v", timeout)
		return "", false
	}
}

// sse is one received event.
type sse struct{ name, id, data string }

// event returns the next event, skipping comments and retry fields.
func (st *stream) event(t *testing.T) sse {
	t.Helper()
	var ev sse
	for {
		l, ok := st.line(t)
		if !ok {
			t.Fatal("stream ended before an event")
		}
		switch {
		case l == "":
			if ev.name != "" {
				return ev
			}
		case strings.HasPrefix(l, "event: "):
			ev.name = strings.TrimPrefix(l, "event: ")
		case strings.HasPrefix(l, "id: "):
			ev.id = strings.TrimPrefix(l, "id: ")
		case strings.HasPrefix(l, "data: "):
			if ev.data != "" {
				ev.data += "\n"
			}
			ev.data += strings.TrimPrefix(l, "data: ")
		}
	}
}

// pageVersion extracts the version a served page carries in its script URL.
func pageVersion(t *testing.T, body string) string {
	t.Helper()
	_, after, ok := strings.Cut(body, "reload.js?v=")
	if !ok {
		t.Fatalf("no reload script in %q", body)
	}
	v, _, _ := strings.Cut(after, `"`)
	return v
}
