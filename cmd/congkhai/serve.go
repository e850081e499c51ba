package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/congkhai/congkhai"
	"github.com/congkhai/congkhai/internal/serve"
)

func runServe(args []string, stdout, stderr io.Writer, getenv func(string) string) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	source := fs.String("source", ".", "the site `folder`")
	bind := fs.String("bind", "127.0.0.1", "the `address` to listen on; 0.0.0.0 shows the site to the whole network")
	port := fs.Int("port", 1313, "the `port` to listen on")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), `Usage: congkhai serve [flags]

Builds the site into a private folder (never public/) and serves it on this
computer, with addresses rewritten to the local one. Every change to
content/, data/, layouts/, static/, assets/ or site.toml rebuilds the site and
reloads every open tab. A failed rebuild keeps the last good site served and
shows its problems over every page until the input is fixed.

Flags:
`)
		fs.PrintDefaults()
	}
	if code, stop := parseFlags(fs, args, false); stop {
		return code
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := serve.Run(ctx, serve.Options{
		Source:          *source,
		Bind:            *bind,
		Port:            *port,
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
