package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/congkhai/congkhai"
	"github.com/congkhai/congkhai/internal/serve"
)

func runServe(args []string, stdout, stderr io.Writer, getenv func(string) string) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	source := fs.String("source", ".", "the site `folder`")
	bind := fs.String("bind", "127.0.0.1", "the `address` to listen on; 0.0.0.0 shows the site to the whole network")
	port := fs.Int("port", 1313, "the `port` to listen on; 0 picks a free one")
	var hosts hostList
	fs.Var(&hosts, "allowed-host", "a host `name` (or address) the site may be opened under besides localhost,\n127.0.0.1, [::1] and the --bind address; repeat it or separate names with commas")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), `Usage: congkhai serve [flags]

Builds the site into a private folder (never public/) and serves it on this
computer, with addresses rewritten to the local one. Every change to
content/, data/, layouts/, static/, assets/ or site.toml rebuilds the site and
reloads every open tab. A failed rebuild keeps the last good site served and
shows its problems over every page until the input is fixed. Ctrl+C stops
the server; pressed twice, it stops at once, even during a long build.

The server is for one editor's own computer. It listens on 127.0.0.1
unless --bind says otherwise (0.0.0.0: every address; it then warns that
anyone on the network can read the draft site), and it refuses (403) a
request for a host name it does not know, so that a web page cannot reach
it through a name pointed at this computer (DNS rebinding). It knows
localhost, 127.0.0.1, [::1], the --bind address, the names given with
--allowed-host and, with --bind 0.0.0.0, this computer's network addresses,
so that a phone on the same network can open the site by address.

Flags:
`)
		fs.PrintDefaults()
	}
	if _, code, stop := parseFlags(fs, args, false); stop {
		return code
	}
	if *port < 0 || *port > 65535 {
		fmt.Fprintf(stderr, "congkhai serve: --port %d: use a number from 1 to 65535, or 0 for a free port\n", *port)
		return 2
	}
	if !siteFolder(stderr, "serve", *source) {
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	returned := make(chan struct{})
	defer close(returned) // before stop(), which also ends ctx
	go func() {
		// After the first Ctrl+C the server stops once the build under
		// way ends; a second one ends the program at once.
		<-ctx.Done()
		select {
		case <-returned:
			return // not a signal: runServe is returning
		default:
		}
		stop()
		fmt.Fprintln(stderr, "congkhai: stopping (press Ctrl+C again to stop at once)")
	}()
	err := serve.Run(ctx, serve.Options{
		Source:          *source,
		Bind:            *bind,
		Port:            *port,
		AllowedHosts:    hosts,
		Theme:           congkhai.Theme,
		SourceDateEpoch: getenv("SOURCE_DATE_EPOCH"),
		Out:             stderr,
	})
	if err != nil {
		fmt.Fprintf(stderr, "congkhai serve: %v\n", err)
		return 1
	}
	return 0
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
