package serve

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Bounds of TestUnderLoad.
const (
	loadClients = 200
	// Once the clients have stopped, the server must be back within
	// these of its idle goroutines and live heap, within settleWithin.
	goroutineSlack = 3
	heapSlack      = 4 << 20
	settleWithin   = 15 * time.Second
)

// loadDuration is how long TestUnderLoad runs: CONGKHAI_LOAD_SECONDS
// seconds when set (20 for the figures of the hardening issue), else 3.
func loadDuration(t *testing.T) time.Duration {
	v := os.Getenv("CONGKHAI_LOAD_SECONDS")
	if v == "" {
		return 3 * time.Second
	}
	n, err := strconv.Atoi(v)
	if err != nil || n <= 0 {
		t.Fatalf("CONGKHAI_LOAD_SECONDS=%q: give a number of seconds", v)
	}
	return time.Duration(n) * time.Second
}

// TestUnderLoad: 200 clients on loopback request pages, files, missing
// pages and the event stream for a bounded time, while another goroutine
// edits the site (page texts, titles that every list shows, pages added
// and removed), so that the server rebuilds under them. Every response is
// 200, 304 or 404, every HTML page is whole (its length is its
// Content-Length, it ends with </html>), and once the clients stop the
// goroutines and the live heap come back to their idle level.
func TestUnderLoad(t *testing.T) {
	s := start(t)
	for i := range 20 {
		write(t, s.site, fmt.Sprintf("content/trang-%02d.md", i), fmt.Sprintf("+++\ntitle = \"Trang %d\"\n+++\n%s\n", i, strings.Repeat("Nội dung của trang. ", 200)))
	}
	write(t, s.site, "static/bieu-mau/to-khai.docx", strings.Repeat("PK\x03\x04", 4096))
	waitFor(t, "the added pages", func() bool {
		code, _ := get(t, s.url+"trang-19/")
		code2, _ := get(t, s.url+"bieu-mau/to-khai.docx")
		return code == 200 && code2 == 200
	})
	_, home := get(t, s.url)
	css := regexp.MustCompile(`href="/portal/(css/[^"]+\.css)"`).FindStringSubmatch(home)
	if css == nil {
		t.Fatalf("no style sheet in the home page:\n%s", home)
	}
	paths := []string{"", "gioi-thieu/", "thu-tuc/", "__congkhai/reload.js", "__congkhai/overlay.css",
		"sitemap.xml", "robots.txt", "bieu-mau/to-khai.docx", css[1]}
	for i := range 20 {
		paths = append(paths, fmt.Sprintf("trang-%02d/", i))
	}
	// Every path above is there all along: a rebuild replaces its file,
	// and it must never be missing meanwhile. These may be 404.
	exists := len(paths)
	paths = append(paths, "tin-tuc/moi/", "khong-co/", "khong-co.html")

	transport := &http.Transport{MaxIdleConnsPerHost: loadClients, DisableCompression: true}
	client := &http.Client{Transport: transport, Timeout: time.Minute,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	for _, p := range paths { // every path once, so that what stays is warm
		if code, err := fetch(client, s.url+p); err != nil || code == 0 {
			t.Fatalf("%s: %v", p, err)
		}
	}
	transport.CloseIdleConnections()
	idleG, idleHeap := settle()

	var (
		requests, streams, edits atomic.Int64
		mu                       sync.Mutex
		statuses                 = map[int]int{}
		failures                 []string
	)
	fail := func(format string, args ...any) {
		mu.Lock()
		defer mu.Unlock()
		if len(failures) < 10 {
			failures = append(failures, fmt.Sprintf(format, args...))
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), loadDuration(t))
	defer cancel()
	// The editor stops a little before the clients, so that the last
	// streams opened see no rebuild: one that would not end when its tab
	// leaves is then still there to count.
	edit, cancelEdit := context.WithTimeout(ctx, loadDuration(t)-500*time.Millisecond)
	defer cancelEdit()
	var wg sync.WaitGroup
	wg.Go(func() { // the editor
		for i := 1; edit.Err() == nil; i++ {
			switch {
			case i%7 == 0: // a page comes and goes
				if i%14 == 0 {
					os.Remove(s.site + "/content/tin-tuc/moi.md")
				} else {
					write(t, s.site, "content/tin-tuc/moi.md", "+++\ntitle = \"Tin mới\"\n+++\nNội dung mới.\n")
				}
			case i%5 == 0: // every list shows the title: all pages again
				write(t, s.site, fmt.Sprintf("content/trang-%02d.md", i%20), fmt.Sprintf("+++\ntitle = \"Trang %d, sửa lần %d\"\n+++\nSửa.\n", i%20, i))
			default: // this page only
				write(t, s.site, "content/gioi-thieu.md", fmt.Sprintf("+++\ntitle = \"Giới thiệu\"\n+++\nPhiên bản %d.\n%s\n", i, strings.Repeat("Thêm chữ. ", i%50*20)))
			}
			edits.Add(1)
			select {
			case <-edit.Done():
			case <-time.After(50 * time.Millisecond):
			}
		}
	})
	var peakG, peakHeap atomic.Uint64
	wg.Go(func() { // the peaks, to compare the idle level with
		for ctx.Err() == nil {
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			peakG.Store(max(peakG.Load(), uint64(runtime.NumGoroutine())))
			peakHeap.Store(max(peakHeap.Load(), m.HeapAlloc))
			select {
			case <-ctx.Done():
			case <-time.After(100 * time.Millisecond):
			}
		}
	})
	if err := os.MkdirAll(s.site+"/content/tin-tuc", 0o755); err != nil {
		t.Fatal(err)
	}
	for c := range loadClients {
		wg.Go(func() {
			rnd := rand.New(rand.NewPCG(uint64(c), 1))
			for ctx.Err() == nil {
				if rnd.IntN(100) == 0 {
					streams.Add(1)
					if err := openAndLeave(client, s.url+"__congkhai/events"); err != nil && ctx.Err() == nil {
						fail("event stream: %v", err)
					}
					continue
				}
				n := rnd.IntN(len(paths))
				p := paths[n]
				requests.Add(1)
				resp, err := client.Get(s.url + p)
				if err != nil {
					fail("%s: %v", p, err)
					continue
				}
				body, err := io.ReadAll(resp.Body)
				resp.Body.Close()
				mu.Lock()
				statuses[resp.StatusCode]++
				mu.Unlock()
				switch {
				case err != nil:
					fail("%s: reading the body: %v", p, err)
				case resp.StatusCode != 200 && resp.StatusCode != 304 && resp.StatusCode != 404:
					fail("%s: status %d: %.200s", p, resp.StatusCode, body)
				case resp.StatusCode == 404 && n < exists:
					fail("%s: 404 during a rebuild, for a page that is there all along", p)
				case resp.ContentLength != int64(len(body)):
					fail("%s: %d bytes, Content-Length %d", p, len(body), resp.ContentLength)
				case strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") && !bytes.HasSuffix(bytes.TrimSpace(body), []byte("</html>")):
					fail("%s: a page cut short: …%q", p, body[max(0, len(body)-80):])
				}
			}
		})
	}
	wg.Wait()
	transport.CloseIdleConnections()
	os.Remove(s.site + "/content/tin-tuc/moi.md")

	for _, f := range failures {
		t.Error(f)
	}
	codes := slices.Sorted(func(yield func(int) bool) {
		for c := range statuses {
			if !yield(c) {
				return
			}
		}
	})
	var counts []string
	for _, c := range codes {
		counts = append(counts, fmt.Sprintf("%d: %d", c, statuses[c]))
	}
	t.Logf("%d clients, %v: %d requests (%s), %d event streams, %d edits, %d rebuilds",
		loadClients, loadDuration(t), requests.Load(), strings.Join(counts, ", "), streams.Load(), edits.Load(), strings.Count(s.log.String(), "rebuilt after"))
	if requests.Load() < loadClients {
		t.Errorf("only %d requests", requests.Load())
	}

	// Back to idle: bounded counts, checked again until they are met.
	deadline := time.Now().Add(settleWithin)
	for {
		g, heap := settle()
		if g <= idleG+goroutineSlack && heap <= idleHeap+heapSlack {
			t.Logf("goroutines %d idle, %d at most, %d after; live heap %.1f MiB idle, %.1f MiB at most, %.1f MiB after",
				idleG, peakG.Load(), g, mib(idleHeap), mib(peakHeap.Load()), mib(heap))
			break
		}
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<20)
			t.Fatalf("not back to idle within %v: goroutines %d (idle %d, slack %d), live heap %.1f MiB (idle %.1f MiB, slack %.0f MiB)\n%s",
				settleWithin, g, idleG, goroutineSlack, mib(heap), mib(idleHeap), mib(heapSlack), buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// fetch gets url and reads its body.
func fetch(c *http.Client, url string) (int, error) {
	resp, err := c.Get(url)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return resp.StatusCode, err
}

// openAndLeave opens an event stream, reads its first comment and leaves,
// as a tab that is closed.
func openAndLeave(c *http.Client, url string) error {
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		return fmt.Errorf("status %d", resp.StatusCode)
	}
	_, err = resp.Body.Read(make([]byte, 64))
	return err
}

// settle collects garbage and returns the goroutines and the live heap:
// the bytes of the objects still reachable. (The heap's spans in use,
// MemStats.HeapInuse, also count the room between them, which returns to
// the system only span by span, long after.)
func settle() (goroutines int, live uint64) {
	runtime.GC()
	runtime.GC() // the second empties the pools of buffers (sync.Pool)
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return runtime.NumGoroutine(), m.HeapAlloc
}

func mib(n uint64) float64 { return float64(n) / (1 << 20) }
