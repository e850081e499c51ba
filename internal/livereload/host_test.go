package livereload

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestHostHeader: requests are answered only when their Host header names
// this computer (localhost, a loopback address) or a host the caller
// allowed, with or without a port; any other name, such as one an attacker
// pointed at 127.0.0.1, is refused on every address, naming the flag.
func TestHostHeader(t *testing.T) {
	s := New(Options{Root: builtSite(t), Hosts: []string{"preview.example", "192.168.1.20:1313", "[fd00::20]", "LAN.Example."}})
	allowed := []string{
		"127.0.0.1:1313", "127.0.0.1", "127.0.0.2:80", "localhost", "LOCALHOST:1313", "localhost.",
		"[::1]:1313", "[::1]", "::1", "[::ffff:127.0.0.1]:1313",
		"preview.example", "Preview.Example:8080", "192.168.1.20", "192.168.1.20:9999",
		"[fd00::20]:1313", "lan.example",
	}
	for _, host := range allowed {
		rec := request(s, host, "/", "")
		if rec.Code != http.StatusOK {
			t.Errorf("Host %q: status %d, want 200", host, rec.Code)
		}
	}
	refused := []string{
		"", "evil.example", "evil.example:1313", "localhost.evil.example", "preview.example.evil",
		"evil-localhost", "0.0.0.0:1313", "[::]:1313", "192.168.1.21", "[fd00::21]", "127.0.0.1.nip.io",
	}
	for _, host := range refused {
		for _, path := range []string{"/", "/thu-tuc/", "/__congkhai/events", "/__congkhai/reload.js", "/khong-co/"} {
			rec := request(s, host, path, "")
			body := rec.Body.String()
			if rec.Code != http.StatusForbidden || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/plain") {
				t.Errorf("Host %q, %s: %d %q, want 403 in plain text", host, path, rec.Code, rec.Header().Get("Content-Type"))
			}
			if !strings.Contains(body, "--allowed-host") || strings.Contains(body, "Trang chủ") || strings.Contains(body, "reload.js?v=") {
				t.Errorf("Host %q, %s: body %q", host, path, body)
			}
		}
	}
	if body := request(s, "evil.example:1313", "/", "").Body.String(); !strings.Contains(body, `"evil.example:1313"`) || !strings.Contains(body, "--allowed-host evil.example\n") {
		t.Errorf("the refusal does not say how to allow the name: %q", body)
	}
}

// TestHostHeaderOverTheWire: the check reads the Host header a client
// sends, whatever address it connected to.
func TestHostHeaderOverTheWire(t *testing.T) {
	ts := serve(t, New(Options{Root: builtSite(t)}))
	req, err := http.NewRequest(http.MethodGet, ts.URL+"/", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Host = "rebound.evil.example"
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("a rebound name over the wire: status %d, want 403", resp.StatusCode)
	}
	if r := get(t, ts.URL+"/"); r.status != http.StatusOK {
		t.Errorf("127.0.0.1 over the wire: status %d", r.status)
	}
}

// TestEventsOrigin: the event stream refuses a page of another site, even
// one that reaches it under an allowed Host; pages do not need an Origin.
func TestEventsOrigin(t *testing.T) {
	s := New(Options{Root: builtSite(t), Hosts: []string{"preview.example"}})
	ts := serve(t, s)
	for _, origin := range []string{ts.URL, "http://localhost:1313", "http://[::1]:1313", "https://preview.example"} {
		st := openStream(t, ts.URL+"/__congkhai/events", http.Header{"Origin": {origin}})
		if st.resp.StatusCode != http.StatusOK {
			t.Errorf("Origin %q: status %d, want 200", origin, st.resp.StatusCode)
		}
		st.close()
	}
	for _, origin := range []string{"http://evil.example", "https://evil.example:1313", "null", "http://0.0.0.0:1313", "file://", "%zz"} {
		rec := request(s, "127.0.0.1:1313", "/__congkhai/events", origin)
		if rec.Code != http.StatusForbidden || !strings.Contains(rec.Body.String(), "--allowed-host") {
			t.Errorf("Origin %q: %d %q, want 403", origin, rec.Code, rec.Body.String())
		}
		if rec.Header().Get("Content-Type") == "text/event-stream" {
			t.Errorf("Origin %q: a stream was opened", origin)
		}
	}
	if body := request(s, "127.0.0.1", "/__congkhai/events", "http://evil.example:8080").Body.String(); !strings.Contains(body, "--allowed-host evil.example\n") {
		t.Errorf("the refusal does not name the origin's host: %q", body)
	}
}

// request serves one GET for path with the given Host and Origin ("" for
// none) and returns the recorded response.
func request(s *Server, host, path, origin string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodGet, path, nil)
	req.Host = host
	if origin != "" {
		req.Header.Set("Origin", origin)
	}
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	return rec
}
