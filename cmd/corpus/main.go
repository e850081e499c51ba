// Command corpus writes a synthetic portal of N procedures for benchmarks,
// as a congkhai site and, with -hugo, as the equivalent Hugo site.
//
//	go run ./cmd/corpus -n 10000 -out /tmp/bench/congkhai
//	go run ./cmd/corpus -n 10000 -hugo -out /tmp/bench/hugo
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/congkhai/congkhai/internal/corpus"
)

func main() {
	n := flag.Int("n", 1000, "number of procedures")
	seed := flag.Uint64("seed", 1, "random seed; the same seed and n give the same files")
	out := flag.String("out", "", "folder to write (must not exist)")
	hugo := flag.Bool("hugo", false, "write the equivalent Hugo site instead")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "corpus: -out is required")
		os.Exit(2)
	}
	if _, err := os.Stat(*out); err == nil {
		fmt.Fprintf(os.Stderr, "corpus: %s already exists\n", *out)
		os.Exit(2)
	}
	write := corpus.Write
	if *hugo {
		write = corpus.WriteHugo
	}
	if err := write(*out, corpus.Options{Procedures: *n, Seed: *seed}); err != nil {
		fmt.Fprintln(os.Stderr, "corpus:", err)
		os.Exit(1)
	}
}
