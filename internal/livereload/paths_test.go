package livereload

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// secret is in the files beside and around the served folder: no response
// may ever contain it.
const secret = "TOP SECRET, outside the site"

// TestNoPathLeavesTheFolder sends request lines as an attacker writes them
// (no client cleans them first) for files beside the served folder,
// through dot segments in every encoding, backslashes, NUL bytes and
// symbolic links inside the folder that point outside it. Each is 404 (or
// 400 when the request line itself is malformed), and none shows the file.
func TestNoPathLeavesTheFolder(t *testing.T) {
	top := t.TempDir()
	dir := filepath.Join(top, "site")
	if err := os.CopyFS(dir, os.DirFS(builtSite(t))); err != nil {
		t.Fatal(err)
	}
	writeFile(t, top, "secret.txt", secret)
	writeFile(t, top, "secret.html", "<p>"+secret+"</p>")
	writeFile(t, top, "outside/index.html", "<p>"+secret+"</p>")
	writeFile(t, top, "outside/secret.txt", secret)
	for link, target := range map[string]string{
		"link.txt":           filepath.Join(top, "secret.txt"),
		"relative-link.txt":  "../secret.txt",
		"linkdir":            filepath.Join(top, "outside"),
		"thu-tuc/up":         "../..",
		"loop":               "loop",
		"inside-link.txt":    "robots.txt", // inside the folder: may be served
		"bieu-mau/secret.md": "../../secret.txt",
	} {
		if err := os.Symlink(target, filepath.Join(dir, filepath.FromSlash(link))); err != nil {
			t.Fatal(err)
		}
	}

	for _, base := range []string{"/", "/portal/"} {
		s := New(Options{Root: dir, BasePath: base})
		ts := serve(t, s)
		for _, target := range []string{
			"/../secret.txt",
			"/../../secret.txt",
			"/thu-tuc/../../secret.txt",
			"/..%2fsecret.txt",
			"/..%2Fsecret.txt",
			"/%2e%2e/secret.txt",
			"/%2E%2E%2Fsecret.txt",
			"/.%2e/secret.txt",
			"/%2e%2e%2f%2e%2e%2fsite%2f..%2fsecret.txt",
			"/..%5csecret.txt",
			"/..%5c..%5csecret.txt",
			`/..\secret.txt`,
			`/\..\secret.txt`,
			"/%252e%252e/secret.txt",
			"/%252e%252e%252fsecret.txt",
			"/..%252fsecret.txt",
			"/%00/../secret.txt",
			"/secret.txt%00.html",
			"/..%00/secret.txt",
			"/....//secret.txt",
			"/link.txt",
			"/relative-link.txt",
			"/linkdir/",
			"/linkdir",
			"/linkdir/secret.txt",
			"/thu-tuc/up/secret.txt",
			"/thu-tuc/up/site/../secret.txt",
			"/loop",
			"/bieu-mau/secret.md",
			"//secret.txt",
			"/%2f..%2fsecret.txt",
		} {
			target = strings.Replace(target, "/", base, 1)
			status, body := rawGet(t, ts.Listener.Addr().String(), target)
			if strings.Contains(body, "TOP SECRET") {
				t.Errorf("%s served a file outside the folder: %d %q", target, status, body)
			}
			if status != http.StatusNotFound && status != http.StatusBadRequest {
				t.Errorf("%s: status %d, want 404 (or 400)", target, status)
			}
		}
		if status, body := rawGet(t, ts.Listener.Addr().String(), base+"inside-link.txt"); status != http.StatusOK || body != "User-agent: *\n" {
			t.Errorf("a link that stays inside the folder: %d %q", status, body)
		}
	}
}

// TestNotFoundPageStaysInside: a 404.html that is a link out of the folder
// is not followed either; the plain message is served instead.
func TestNotFoundPageStaysInside(t *testing.T) {
	top := t.TempDir()
	dir := filepath.Join(top, "site")
	writeFile(t, dir, "index.html", page("Trang chủ"))
	writeFile(t, top, "secret.html", "<p>"+secret+"</p>")
	if err := os.Symlink("../secret.html", filepath.Join(dir, "404.html")); err != nil {
		t.Fatal(err)
	}
	ts := serve(t, New(Options{Root: dir}))
	status, body := rawGet(t, ts.Listener.Addr().String(), "/khong-co/")
	if status != http.StatusNotFound || strings.Contains(body, "TOP SECRET") {
		t.Errorf("404 through a link out of the folder: %d %q", status, body)
	}
}

// rawGet sends target as the request line's target, byte for byte, and
// returns the response's status and body.
func rawGet(t *testing.T, addr, target string) (int, string) {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = conn.Close() }()
	if _, err := io.WriteString(conn, "GET "+target+" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), &http.Request{Method: http.MethodGet, URL: &url.URL{Path: "/"}})
	if err != nil {
		t.Fatalf("%s: %v", target, err)
	}
	defer func() { _ = resp.Body.Close() }()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s: %v", target, err)
	}
	return resp.StatusCode, string(body)
}
