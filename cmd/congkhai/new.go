package main

import (
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/congkhai/congkhai/internal/build"
	"github.com/congkhai/congkhai/internal/scaffold"
)

func runNew(args []string, stdout, stderr io.Writer, getenv func(string) string) int {
	fs := flag.NewFlagSet("new", flag.ContinueOnError)
	fs.SetOutput(stderr)
	source := fs.String("source", ".", "the site `folder`")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), `Usage:
  congkhai new procedure <code> "<title>"   a procedure in the procedures section,
                                            every field present and explained
  congkhai new page <path>                  an ordinary page, such as gioi-thieu
                                            or tin-tuc/thong-bao-lich-nghi

The file is named from the title or path; an existing file is never replaced.

Flags:
`)
		fs.PrintDefaults()
	}
	if code, stop := parseFlags(fs, args, true); stop {
		return code
	}
	today := time.Now()
	if epoch := getenv("SOURCE_DATE_EPOCH"); epoch != "" {
		d, err := build.ReferenceDate(time.Time{}, epoch)
		if err != nil {
			fmt.Fprintln(stderr, "congkhai new:", err)
			return 2
		}
		today = d
	}
	rest := fs.Args()
	switch {
	case len(rest) == 3 && rest[0] == "procedure":
		file, err := scaffold.Procedure(*source, rest[1], rest[2], today)
		if err != nil {
			fmt.Fprintln(stderr, "congkhai new:", err)
			return 1
		}
		fmt.Fprintf(stdout, "created %s: fill in the empty fields, then run `congkhai check`\n", file)
		return 0
	case len(rest) == 2 && rest[0] == "page":
		files, err := scaffold.Page(*source, rest[1], today)
		for _, f := range files {
			fmt.Fprintf(stdout, "created %s\n", f)
		}
		if err != nil {
			fmt.Fprintln(stderr, "congkhai new:", err)
			return 1
		}
		return 0
	}
	fs.Usage()
	return 2
}
