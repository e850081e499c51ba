package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"sync"
	"syscall"

	"github.com/congkhai/congkhai"
	"github.com/congkhai/congkhai/internal/echarts"
	"github.com/congkhai/congkhai/internal/serve"
)

const serveHelp = `Usage: congkhai serve [flags]

Builds the site into a private folder (never public/) and serves it on this
computer, with addresses rewritten to the local one. Every change to
content/, data/, layouts/, static/, assets/ or site.toml rebuilds the site and
reloads every open tab. A failed rebuild keeps the last good site served and
shows its problems over every page until the input is fixed.

Ctrl+C, SIGTERM, SIGHUP (the terminal closes) or the end of whoever reads
its output stops the server at once, even during a long build, and
removes its private folder; a folder left by a serve that was killed is
removed by the next one.

The server is for one editor's own computer. It listens on 127.0.0.1
unless --bind says otherwise (0.0.0.0: every address; it then warns that
anyone on the network can read the draft site), and it refuses (403) a
request for a host name it does not know, so that a web page cannot reach
it through a name pointed at this computer (DNS rebinding). It knows
localhost, 127.0.0.1, [::1], the --bind address, the names given with
--allowed-host and, with --bind 0.0.0.0, this computer's network addresses,
so that a phone on the same network can open the site by address.

Flags:
`

func defineServe(fs *flag.FlagSet, e env) func([]string) int {
	source := fs.String("source", ".", "the site `folder`")
	bind := fs.String("bind", "127.0.0.1", "the `address` to listen on; 0.0.0.0 shows the site to the whole network")
	port := fs.Int("port", 1313, "the `port` to listen on; 0 picks a free one")
	var hosts hostList
	fs.Var(&hosts, "allowed-host", "a host `name` (or address) the site may be opened under besides localhost,\n127.0.0.1, [::1] and the --bind address; repeat it or separate names with commas")
	return func([]string) int {
		stderr := e.stderr
		if *port < 0 || *port > 65535 {
			fmt.Fprintf(stderr, "congkhai serve: --port %d: use a number from 1 to 65535, or 0 for a free port\n", *port)
			return 2
		}
		if !siteHere(stderr, "serve", *source) {
			return 2
		}
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		defer stopOnSignals(stderr, cancel)()
		// A parent that stops reading our output (a closed terminal, a pipe
		// to a program that ended) stops the server too.
		stderr = &lifeline{w: stderr, lost: cancel}
		err := serve.Run(ctx, serve.Options{
			Source:          *source,
			Bind:            *bind,
			Port:            *port,
			AllowedHosts:    hosts,
			Theme:           congkhai.Theme,
			ECharts:         echarts.Builtin(),
			SourceDateEpoch: e.getenv("SOURCE_DATE_EPOCH"),
			Out:             stderr,
		})
		if err != nil {
			fmt.Fprintf(stderr, "congkhai serve: %v\n", err)
			return 1
		}
		return 0
	}
}

// hostList is the value of --allowed-host: names given one per flag or
// separated by commas.
type hostList []string

func (h *hostList) String() string { return strings.Join(*h, ",") }

func (h *hostList) Set(v string) error {
	for name := range strings.SplitSeq(v, ",") {
		name = strings.TrimSpace(name)
		switch {
		case name == "":
			continue
		case strings.ContainsAny(name, "/?#@ "):
			return fmt.Errorf("%q: give a host name or address, such as preview.example or 192.168.1.20, not an address of a page", name)
		}
		*h = append(*h, name)
	}
	return nil
}

// stopOnSignals calls stop on the first Ctrl+C, SIGTERM or SIGHUP, and
// keeps catching them, so that a second Ctrl+C does not kill the program
// before it has removed its private folder (serve.Run stops at once on
// the first). It returns the function that lets signals go.
func stopOnSignals(stderr io.Writer, stop func()) (release func()) {
	signals := make(chan os.Signal, 4)
	// SIGPIPE too: a write to a closed pipe then fails with an error,
	// which lifeline sees, instead of killing the program.
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGPIPE)
	done := make(chan struct{})
	go func() {
		stopping := false
		for {
			select {
			case <-done:
				return
			case sig := <-signals:
				switch {
				case sig == syscall.SIGPIPE:
				case !stopping:
					stopping = true
					fmt.Fprintln(stderr, "congkhai: stopping")
					stop()
				default:
					fmt.Fprintln(stderr, "congkhai: still stopping: removing the private folder")
				}
			}
		}
	}()
	return func() {
		signal.Stop(signals)
		close(done)
	}
}

// lifeline is the output of serve: once a write to it fails, nobody reads
// it any more (the terminal or the parent is gone), and lost is called.
type lifeline struct {
	w    io.Writer
	once sync.Once
	lost func()
}

func (l *lifeline) Write(p []byte) (int, error) {
	n, err := l.w.Write(p)
	if err != nil {
		l.once.Do(l.lost)
	}
	return n, err
}
