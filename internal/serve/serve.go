// Package serve runs the `congkhai serve` command: it builds the site into
// a private folder, watches the input and rebuilds whenever a file
// changes, and hands each result to a livereload.Server, which does the
// HTTP side (serving the files, live reload, the error overlay) on
// loopback. A failed rebuild leaves the last good site served and shows
// its problems over every page until the input is fixed. A stop ends the
// build under way and removes the private folder; the folders of serves
// that were killed are removed by the next start (private.go).
package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"time"

	"github.com/congkhai/congkhai/internal/build"
	"github.com/congkhai/congkhai/internal/config"
	"github.com/congkhai/congkhai/internal/livereload"
	"github.com/congkhai/congkhai/internal/problem"
	"github.com/congkhai/congkhai/internal/watch"
)

// Options configure a server.
type Options struct {
	Source          string // the site folder
	Bind            string // the address to listen on; 127.0.0.1 unless asked
	Port            int    // 0 picks a free port
	Theme           fs.FS
	ECharts         []byte // the built-in ECharts (build.Options.ECharts)
	SourceDateEpoch string
	Quiet           time.Duration // batching of file events; 0 is the watcher's default
	Out             io.Writer     // progress and problems, for people
	// AllowedHosts are the host names (or addresses) requests may name
	// besides this computer's own; see Run.
	AllowedHosts []string
	// Ready, when set, is called with the site's address once the first
	// build is done and the server listens.
	Ready func(url string)
}

// Run serves until ctx is cancelled, and then stops at once, even during a
// build, and removes the private folder the site is built into. That
// folder is named for the process (congkhai-serve-<pid>-…, in the
// temporary folder) and marked as serve's; Run first removes the marked
// folders of serves that no longer run (killed, or crashed).
//
// It listens on loopback unless o.Bind says otherwise, and then warns, once,
// that anyone on the network can read the draft site. It answers only
// requests whose Host header names localhost, a loopback address, the bind
// address or one of o.AllowedHosts (see livereload.Options.Hosts); when it
// listens on every address (0.0.0.0, ::), the addresses of this computer's
// network interfaces as they are when it starts are allowed too, so that a
// phone on the same network can open the site by address.
func Run(ctx context.Context, o Options) error {
	if o.Bind == "" {
		o.Bind = "127.0.0.1"
	}
	for _, dir := range removeStale(os.TempDir()) {
		fmt.Fprintf(o.Out, "congkhai: removed %s, left by a serve that did not stop cleanly\n", dir)
	}
	tmp, err := newPrivateFolder(os.TempDir())
	if err != nil {
		return fmt.Errorf("creating the private folder to build into: %w", err)
	}
	defer os.RemoveAll(tmp)

	ln, err := net.Listen("tcp", net.JoinHostPort(o.Bind, strconv.Itoa(o.Port)))
	if errors.Is(err, syscall.EADDRINUSE) {
		return fmt.Errorf("cannot listen on %s: port %d is in use (is another `congkhai serve` running?): stop it, or choose another port with --port", o.Bind, o.Port)
	}
	if err != nil {
		return fmt.Errorf("cannot listen on %s port %d: %w (check --bind and --port)", o.Bind, o.Port, err)
	}
	defer ln.Close()
	addr := ln.Addr().(*net.TCPAddr)
	if !addr.IP.IsLoopback() {
		fmt.Fprintf(o.Out, "congkhai: warning: --bind %s: anyone on the network can read the draft site and its build problems; leave out --bind to serve it to this computer only\n", o.Bind)
	}
	basePath := sitePath(o.Source)
	siteURL := fmt.Sprintf("http://%s%s", net.JoinHostPort(hostFor(o.Bind), strconv.Itoa(addr.Port)), basePath)

	dest := filepath.Join(tmp, "site")
	live := livereload.New(livereload.Options{BasePath: basePath, Hosts: allowedHosts(o.Bind, addr.IP, o.AllowedHosts)})
	s := &server{o: o, dest: dest, live: live, session: build.NewSession(build.Options{
		Source:          o.Source,
		Destination:     dest,
		BaseURL:         siteURL,
		Theme:           o.Theme,
		ECharts:         o.ECharts,
		SourceDateEpoch: o.SourceDateEpoch,
	})}
	// Before the folder is removed: the build under way, if any, writes
	// nothing more once Stop returns.
	defer s.session.Stop()
	return s.serve(ctx, ln, siteURL)
}

// shutdownGrace is how long a stopping server waits for the requests it
// is answering (event streams end at once).
const shutdownGrace = time.Second

// serve builds the site, serves it on ln and rebuilds it on every batch of
// changes until ctx is cancelled. Builds run on a goroutine of their own,
// so that a stop does not wait for one: the build under way is stopped
// (Session.Stop) and left to end by itself, writing nothing.
func (s *server) serve(ctx context.Context, ln net.Listener, siteURL string) error {
	rebuilt := make(chan struct{}, 1)
	rebuild := func(changed watch.Batch) {
		go func() {
			s.rebuild(changed)
			rebuilt <- struct{}{}
		}()
	}
	rebuild(nil)
	select {
	case <-ctx.Done(): // stopped during the first build
		return nil
	case <-rebuilt:
	}

	w, err := watch.New(s.o.Source, build.Inputs(), watch.Options{Quiet: s.o.Quiet, Ignore: []string{"public"}})
	if err != nil {
		return fmt.Errorf("watching %s: %w", s.o.Source, err)
	}
	defer w.Close()

	httpSrv := &http.Server{Handler: s.live, ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- httpSrv.Serve(ln) }()
	defer func() {
		s.live.Close() // ends the event streams, which Shutdown would wait for
		shutdown, cancel := context.WithTimeout(context.Background(), shutdownGrace)
		defer cancel()
		if httpSrv.Shutdown(shutdown) != nil {
			_ = httpSrv.Close()
		}
	}()
	fmt.Fprintf(s.o.Out, "congkhai: serving %s at %s (press Ctrl+C to stop)\n", s.o.Source, siteURL)
	if s.o.Ready != nil {
		s.o.Ready(siteURL)
	}

	building := false
	events, errs := w.Events(), w.Errors()
	for {
		next := events
		if building {
			next = nil // the watcher batches the changes meanwhile
		}
		select {
		case <-ctx.Done():
			return nil
		case err := <-served:
			if errors.Is(err, http.ErrServerClosed) {
				return nil
			}
			return err
		case batch, ok := <-next:
			if !ok {
				return nil
			}
			building = true
			rebuild(batch)
		case <-rebuilt:
			building = false
		case err, ok := <-errs:
			if !ok {
				errs = nil
				continue
			}
			fmt.Fprintf(s.o.Out, "congkhai: watching: %v\n", err)
		}
	}
}

// server holds what one serve session keeps between rebuilds.
type server struct {
	o       Options
	dest    string
	live    *livereload.Server
	session *build.Session // keeps the site in memory between rebuilds
}

// rebuild builds the site into the private folder. The folder changes
// only on success (a failed build writes nothing), so the last good site
// stays served.
func (s *server) rebuild(changed watch.Batch) {
	start := time.Now()
	res, err := s.session.Build(changed)
	if errors.Is(err, build.ErrStopped) {
		return // serve is stopping, and says nothing more
	}
	took := time.Since(start).Round(time.Millisecond)
	what := "built"
	if changed != nil {
		what = fmt.Sprintf("rebuilt after %d change(s) (%s)", len(changed), changed[0])
	}
	for _, p := range res.Problems {
		fmt.Fprintln(s.o.Out, p.String())
	}
	if err != nil {
		if s.live.Root() == "" {
			fmt.Fprintf(s.o.Out, "congkhai: build failed in %s; the site will show once the problems above are fixed\n", took)
		} else {
			fmt.Fprintf(s.o.Out, "congkhai: build failed in %s; still serving the last good site\n", took)
		}
		ps := res.Problems
		if !errors.Is(err, build.ErrFailed) {
			ps = append(ps, problem.Problem{File: s.o.Source, Message: err.Error()})
		}
		s.live.SetProblems(livereload.FromProblems(errorsOnly(ps)))
		return
	}
	fmt.Fprintf(s.o.Out, "congkhai: %s in %s: %d of %d pages rendered, %d files written\n", what, took, res.Rendered, res.Pages, res.Written)
	if s.live.Root() != s.dest {
		s.live.SetRoot(s.dest)
	}
	s.live.SetProblems(nil) // clears the overlay and reloads every tab
}

// errorsOnly keeps the problems that failed the build; warnings are
// printed in the terminal but do not cover the page.
func errorsOnly(ps []problem.Problem) []problem.Problem {
	var out []problem.Problem
	for _, p := range ps {
		if p.Severity == problem.Error {
			out = append(out, p)
		}
	}
	return out
}

// sitePath is the path of the site's configured base URL ("/" or
// "/portal/"), so that the local site has the same addresses; "/" when the
// configuration cannot be read (the build will say why).
func sitePath(source string) string {
	cfg := config.Load(source, config.Overrides{}, &problem.List{})
	if cfg == nil {
		return "/"
	}
	return cfg.BasePath()
}

// allowedHosts lists the hosts requests may name besides localhost and the
// loopback addresses: those given, the bind address and, when the server
// listens on every address, this computer's addresses.
func allowedHosts(bind string, ip net.IP, given []string) []string {
	hosts := append([]string{bind}, given...)
	if ip.IsUnspecified() {
		addrs, _ := net.InterfaceAddrs() // none: only the names given
		for _, a := range addrs {
			if n, ok := a.(*net.IPNet); ok {
				hosts = append(hosts, n.IP.String())
			}
		}
	}
	return hosts
}

// hostFor is the host to put in addresses for a listen address: a
// browser cannot open 0.0.0.0.
func hostFor(bind string) string {
	if bind == "0.0.0.0" || bind == "::" || bind == "" {
		return "127.0.0.1"
	}
	return bind
}
