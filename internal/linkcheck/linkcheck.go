// Package linkcheck checks links to other sites (`congkhai check
// --external`): whether each address answers. It asks a bounded number of
// addresses at a time, each within a timeout, with HEAD first and GET when
// a server refuses HEAD, following redirects up to a limit. The addresses
// that answered are kept in a cache file with the time they did, and are
// not asked again before a time-to-live has passed; an address that failed
// is asked again every time.
//
// The clock is read here, for the time-to-live of the cache only: what
// linkcheck finds never changes what a build writes.
package linkcheck

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"
)

// Defaults of Options.
const (
	DefaultConcurrency  = 8
	DefaultTimeout      = 10 * time.Second
	DefaultMaxRedirects = 10
	DefaultTTL          = 24 * time.Hour
)

// CacheFile is the name of the cache in the build cache folder.
const CacheFile = "links.json"

// Options configure a check. The zero value of each field is its default.
type Options struct {
	Concurrency  int           // addresses asked at a time
	Timeout      time.Duration // for each request
	MaxRedirects int           // redirects followed before giving up
	// Cache is the cache file ("" for none): see the package comment.
	Cache string
	TTL   time.Duration // how long an address that answered is not asked again
	// Now is the clock, for the time-to-live only (default time.Now).
	Now func() time.Time
	// Transport sends the requests (default http.DefaultTransport).
	Transport http.RoundTripper
}

// Result is what a check found of one address.
type Result struct {
	OK bool
	// Problem says why the address did not answer, such as "the site
	// answers 404 Not Found"; "" when it did.
	Problem string
	Cached  bool // OK from the cache, not asked this time
}

// IsExternal reports whether a link written in a page leads to another
// site over the web (http or https), the links Check checks.
func IsExternal(dest string) bool {
	u, err := url.Parse(dest)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// Check asks every address of urls (each once; a #fragment is not sent)
// and returns what it found, by address as given. The error is about the
// cache only (it could not be read or written): the results are whole
// either way.
func Check(ctx context.Context, urls []string, o Options) (map[string]Result, error) {
	o = o.withDefaults()
	cache, cacheErr := readCache(o.Cache)
	now := o.Now()

	targets := map[string][]string{} // address to ask → the links that lead to it
	for _, u := range urls {
		t := target(u)
		targets[t] = append(targets[t], u)
	}
	found := map[string]Result{}
	var ask []string
	for t := range targets {
		if at, ok := cache[t]; ok && now.Sub(at) >= 0 && now.Sub(at) < o.TTL {
			found[t] = Result{OK: true, Cached: true}
			continue
		}
		ask = append(ask, t)
	}
	slices.Sort(ask)

	client := &http.Client{
		Transport: o.Transport,
		CheckRedirect: func(_ *http.Request, via []*http.Request) error {
			if len(via) > o.MaxRedirects {
				return errTooManyRedirects
			}
			return nil
		},
	}
	var mu sync.Mutex
	var wg sync.WaitGroup
	slots := make(chan struct{}, o.Concurrency)
	for _, t := range ask {
		slots <- struct{}{}
		wg.Go(func() {
			defer func() { <-slots }()
			r := ask1(ctx, client, t, o)
			mu.Lock()
			found[t] = r
			mu.Unlock()
		})
	}
	wg.Wait()

	// The cache keeps what answered and is still fresh, and forgets the
	// rest: a failure is asked again next time.
	keep := map[string]time.Time{}
	for t, at := range cache {
		if now.Sub(at) >= 0 && now.Sub(at) < o.TTL {
			keep[t] = at
		}
	}
	for _, t := range ask {
		if found[t].OK {
			keep[t] = now
		} else {
			delete(keep, t)
		}
	}
	if err := writeCache(o.Cache, keep); err != nil && cacheErr == nil {
		cacheErr = err
	}

	results := map[string]Result{}
	for t, links := range targets {
		for _, u := range links {
			results[u] = found[t]
		}
	}
	return results, cacheErr
}

func (o Options) withDefaults() Options {
	if o.Concurrency <= 0 {
		o.Concurrency = DefaultConcurrency
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.MaxRedirects <= 0 {
		o.MaxRedirects = DefaultMaxRedirects
	}
	if o.TTL <= 0 {
		o.TTL = DefaultTTL
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Transport == nil {
		o.Transport = http.DefaultTransport
	}
	return o
}

// target is the address asked for a link: without its #fragment.
func target(link string) string {
	u, err := url.Parse(link)
	if err != nil {
		return link
	}
	u.Fragment, u.RawFragment = "", ""
	return u.String()
}

var errTooManyRedirects = errors.New("too many redirects")

// userAgent names congkhai to the sites it asks.
const userAgent = "congkhai-linkcheck/1 (+https://github.com/congkhai/congkhai)"

// ask1 asks one address: HEAD, then GET when HEAD did not get a good
// answer (servers that refuse HEAD answer 405, or 403, 404, 501), unless
// HEAD ran out of time.
func ask1(ctx context.Context, client *http.Client, addr string, o Options) Result {
	status, err := request(ctx, client, http.MethodHead, addr, o.Timeout)
	if err == nil && status < 400 {
		return Result{OK: true}
	}
	if !errors.Is(err, context.DeadlineExceeded) && !errors.Is(err, errTooManyRedirects) {
		status, err = request(ctx, client, http.MethodGet, addr, o.Timeout)
		if err == nil && status < 400 {
			return Result{OK: true}
		}
	}
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		return Result{Problem: fmt.Sprintf("no answer within %s", o.Timeout)}
	case errors.Is(err, errTooManyRedirects):
		return Result{Problem: fmt.Sprintf("more than %d redirects (a redirect loop?)", o.MaxRedirects)}
	case err != nil:
		return Result{Problem: fmt.Sprintf("cannot reach the site: %v", unwrapURLError(err))}
	case status == http.StatusTooManyRequests:
		return Result{Problem: "the site answers 429 Too Many Requests: it refused to answer now; check it again later"}
	}
	return Result{Problem: fmt.Sprintf("the site answers %d %s", status, http.StatusText(status))}
}

// request sends one request within timeout and returns the status of the
// last answer, after redirects. The body is not read.
func request(ctx context.Context, client *http.Client, method, addr string, timeout time.Duration) (int, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, method, addr, nil)
	if err != nil {
		return 0, err
	}
	req.Header.Set("User-Agent", userAgent)
	resp, err := client.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return 0, context.DeadlineExceeded
		}
		return 0, err
	}
	resp.Body.Close()
	return resp.StatusCode, nil
}

// unwrapURLError drops the method and address url.Error repeats: the
// problem names the link already.
func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// cacheFile is the format of the cache: the addresses that answered, with
// when they did.
type cacheFile struct {
	Version int                  `json:"version"`
	Links   map[string]time.Time `json:"links"`
}

const cacheVersion = 1

// readCache reads the cache; a missing file is an empty cache, and so is
// one that cannot be read (with the error).
func readCache(file string) (map[string]time.Time, error) {
	if file == "" {
		return nil, nil
	}
	b, err := os.ReadFile(file)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var c cacheFile
	if err := json.Unmarshal(b, &c); err != nil || c.Version != cacheVersion {
		return nil, nil // damaged or of another version: start again
	}
	return c.Links, nil
}

// writeCache replaces the cache file, through a file beside it renamed
// over it.
func writeCache(file string, links map[string]time.Time) error {
	if file == "" {
		return nil
	}
	b, err := json.MarshalIndent(cacheFile{Version: cacheVersion, Links: links}, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(file), ".links-*.json")
	if err != nil {
		return err
	}
	_, werr := tmp.Write(append(b, '\n'))
	if cerr := tmp.Close(); werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Rename(tmp.Name(), file)
	}
	if werr != nil {
		os.Remove(tmp.Name())
	}
	return werr
}
