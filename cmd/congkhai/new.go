package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
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
	rest, code, stop := parseFlags(fs, args, true)
	if stop {
		return code
	}
	// The new file's date is the site's (as_of, or SOURCE_DATE_EPOCH when
	// set), never the clock: a bad SOURCE_DATE_EPOCH is a usage error.
	epoch := getenv("SOURCE_DATE_EPOCH")
	if _, err := build.ReferenceDate(time.Time{}, epoch); err != nil {
		fmt.Fprintln(stderr, "congkhai new:", err)
		return 2
	}
	if msg := newUsageProblem(rest); msg != "" {
		fmt.Fprintf(stderr, "congkhai new: %s\n\n", msg)
		fs.Usage()
		return 2
	}
	if !siteFolder(stderr, "new", *source) {
		return 2
	}
	switch rest[0] {
	case "procedure":
		file, err := scaffold.Procedure(*source, rest[1], rest[2], epoch)
		if err != nil {
			fmt.Fprintln(stderr, "congkhai new:", err)
			return 1
		}
		fmt.Fprintf(stdout, "created %s: fill in the empty fields, then run `congkhai check`\n", file)
		return 0
	default: // page
		files, err := scaffold.Page(*source, rest[1], epoch)
		for _, f := range files {
			fmt.Fprintf(stdout, "created %s\n", f)
		}
		if err != nil {
			fmt.Fprintln(stderr, "congkhai new:", err)
			return 1
		}
		return 0
	}
}

// newUsageProblem says what is wrong with the arguments of `congkhai new`,
// or "" when they are right.
func newUsageProblem(args []string) string {
	if len(args) == 0 {
		return "say what to create: procedure or page"
	}
	switch args[0] {
	case "procedure":
		switch {
		case len(args) < 3:
			return `give the procedure's code and title, such as: congkhai new procedure 1.001193 "Đăng ký khai sinh"`
		case len(args) > 3:
			return fmt.Sprintf("put the title in quotes: congkhai new procedure %s %q", args[1], strings.Join(args[2:], " "))
		}
	case "page":
		switch {
		case len(args) < 2:
			return "give the page's path, such as: congkhai new page gioi-thieu"
		case len(args) > 2:
			return fmt.Sprintf("put the path in quotes: congkhai new page %q", strings.Join(args[1:], " "))
		}
	default:
		return fmt.Sprintf("cannot create %q: use procedure or page", args[0])
	}
	return ""
}
