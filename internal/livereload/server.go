// Package livereload is the HTTP handler of `congkhai serve`: it serves a
// folder that is already built, and reloads the open tabs when told that
// folder changed; it neither builds nor watches (package serve does both,
// and tells it). Files come from the folder the caller builds into (never
// public/), with pretty URLs, 404.html and no caching, plus live reload
// over Server-Sent Events and an overlay listing the build problems on
// every page while the input is broken.
//
// The caller builds into a fresh folder and calls SetRoot only after a
// successful build, so the last good site stays served when a build fails;
// it then calls SetProblems(nil), which clears the overlay and reloads every
// open tab. After a failed build it calls SetProblems with the problems.
//
// Everything the handler adds lives under BasePath + "__congkhai/": the
// event stream (events), the reload script (reload.js) and the overlay's
// style sheet (overlay.css). Only HTML responses are changed, by adding the
// overlay (when there are problems) and one external script before </body>.
//
// The handler answers only requests whose Host header names this computer
// (localhost, a loopback address) or a host of Options.Hosts, and opens an
// event stream only for a page of such a host (its Origin header), so that
// a web site whose name an attacker points at this computer (DNS
// rebinding) cannot read the draft site. Files are opened with
// os.OpenInRoot: no URL and no symbolic link reaches outside the folder.
package livereload

import (
	"html/template"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/congkhai/congkhai/internal/msg"
)

// DefaultPing is how often an idle event stream sends a comment, so that
// proxies and browsers keep it open.
const DefaultPing = 15 * time.Second

// prefix is where the handler's own files live, under the base path.
const prefix = "__congkhai/"

// Options configures a Server.
type Options struct {
	// Root is the folder served first; empty until a build succeeds, in
	// which case every page says so (with the problems, if any).
	Root string
	// BasePath is the URL path the site is served under, as in the path of
	// its base URL (decoded, e.g. "/portal/"); empty means "/".
	BasePath string
	// Ping is the interval of the keep-alive comments on event streams;
	// 0 means DefaultPing.
	Ping time.Duration
	// Hosts are the names and addresses (with or without a port) that
	// requests may name in their Host header besides localhost and the
	// loopback addresses, which are always allowed. Every other request
	// is refused with 403 Forbidden, and so is an event stream whose
	// Origin header names another host: a site whose name an attacker
	// points at this computer (DNS rebinding) cannot read the draft.
	Hosts []string
	// Translator is the language of what the server says to the editor:
	// the overlay and its refusals. Nil is English.
	Translator msg.Translator
}

// Server is an http.Handler serving one site folder with live reload. Its
// methods are safe for concurrent use.
type Server struct {
	base    string
	ping    time.Duration
	hosts   hosts
	overlay *template.Template
	tr      msg.Translator
	token   string        // tells this run's versions from a previous run's
	done    chan struct{} // closed by Close: ends every event stream

	mu       sync.RWMutex
	root     string
	problems []Problem
	version  uint64 // counts the changes announced to the tabs
	clients  map[*client]struct{}
	closed   bool
}

// New returns a Server for opts.
func New(opts Options) *Server {
	ping := opts.Ping
	if ping <= 0 {
		ping = DefaultPing
	}
	return &Server{
		base:    cleanBase(opts.BasePath),
		ping:    ping,
		hosts:   newHosts(opts.Hosts, opts.Translator),
		overlay: newOverlayTemplate(),
		tr:      opts.Translator,
		token:   strconv.FormatInt(time.Now().UnixNano(), 36),
		done:    make(chan struct{}),
		root:    opts.Root,
		clients: map[*client]struct{}{},
	}
}

// cleanBase makes a base path start and end with a slash.
func cleanBase(p string) string {
	p = path.Clean("/" + p)
	if p != "/" {
		p += "/"
	}
	return p
}

// SetRoot switches the folder being served and returns the previous one,
// which the caller may remove once requests reading it are done. Requests
// already being served finish with the folder they started with.
func (s *Server) SetRoot(dir string) (previous string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	previous, s.root = s.root, dir
	return previous
}

// Root returns the folder being served.
func (s *Server) Root() string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.root
}

// Problems returns a copy of the current build problems.
func (s *Server) Problems() []Problem {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return append([]Problem(nil), s.problems...)
}

// Close ends every event stream and refuses new ones (with 204 No Content,
// which tells a browser to stop reconnecting to this server). Call it before
// http.Server.Shutdown, which would otherwise wait for the streams forever.
func (s *Server) Close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.closed {
		s.closed = true
		close(s.done)
	}
}

// snapshot is what one request needs of the Server's state, read once.
type snapshot struct {
	root     string
	problems []Problem
	version  string
}

func (s *Server) snapshot() snapshot {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return snapshot{root: s.root, problems: s.problems, version: s.versionLocked()}
}

// versionLocked names the current state of the site for the tabs: a page
// whose version differs from the server's is stale. s.mu must be held.
func (s *Server) versionLocked() string {
	return s.token + "." + strconv.FormatUint(s.version, 10)
}

// ServeHTTP serves the handler's own files and the site, to requests that
// name an allowed host.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	if !s.hosts.allowHost(w, r) {
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p := r.URL.Path
	rest, ok := strings.CutPrefix(p, s.base)
	if !ok {
		if p == "/" || p+"/" == s.base {
			http.Redirect(w, r, s.base, http.StatusFound)
			return
		}
		s.notFound(w, r, s.snapshot(), "") // outside the site's base: the root's
		return
	}
	switch rest {
	case prefix + "events":
		s.serveEvents(w, r)
	case prefix + "reload.js":
		serveAsset(w, r, "text/javascript; charset=utf-8", reloadJS)
	case prefix + "overlay.css":
		serveAsset(w, r, "text/css; charset=utf-8", overlayCSS)
	default:
		s.serveSite(w, r, rest)
	}
}
