// Command congkhai builds a local-government transparency portal from a
// folder of Markdown, TOML and CSV files.
package main

import (
	"errors"
	"flag"
	"fmt"
	"github.com/congkhai/congkhai/internal/gcfloor"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	"github.com/congkhai/congkhai"
	"github.com/congkhai/congkhai/internal/build"
	"github.com/congkhai/congkhai/internal/problem"
)

const usage = `congkhai builds a local-government transparency portal (công khai thủ tục
hành chính, danh bạ, kết quả phục vụ) from Markdown, TOML and CSV files.

Usage:
  congkhai <command> [flags]

Commands:
  build     build the site into a folder (default: public/)
  check     check every file and internal link without writing anything
  serve     serve the site on this computer, rebuilding on every change
  new       create a procedure or a page: new procedure <code> "<title>" | new page <path>
  version   print the version

Run "congkhai <command> --help" for the flags of a command.
`

// defaultMemoryLimit is the soft limit of the Go heap when GOMEMLIMIT is
// not set: the garbage collector works harder as the heap nears it, so
// that a national portal of 100,000 procedures builds within 1 GiB. Small
// sites never reach it.
const defaultMemoryLimit = 768 << 20

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(defaultMemoryLimit)
	}
	if os.Getenv("GOGC") == "" {
		gcfloor.Set(gcfloor.Default) // unless GOGC says otherwise
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr, os.Getenv))
}

// run is main without the process: it returns the exit status.
func run(args []string, stdout, stderr io.Writer, getenv func(string) string) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "build":
		return runBuild(args[1:], stdout, stderr, getenv)
	case "check":
		return runCheck(args[1:], stdout, stderr, getenv)
	case "serve":
		return runServe(args[1:], stdout, stderr, getenv)
	case "new":
		return runNew(args[1:], stdout, stderr, getenv)
	case "version":
		fmt.Fprintln(stdout, "congkhai", version())
		return 0
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "congkhai: unknown command %q\n\n%s", args[0], usage)
	return 2
}

func runBuild(args []string, stdout, stderr io.Writer, getenv func(string) string) int {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	fs.SetOutput(stderr)
	source := fs.String("source", ".", "the site `folder`: it holds site.toml, content/, data/, layouts/ and static/")
	dest := fs.String("destination", "", "the output `folder`, replaced as a whole when the build succeeds\n(default: public/ inside the site folder)")
	baseURL := fs.String("base-url", "", "the `address` the site will be published at, overriding base_url in site.toml;\nmay include a path, such as https://example.gov.vn/portal/")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), `Usage: congkhai build [flags]

Reads the site folder, checks every file, and writes the portal into the
destination folder. Every problem is reported as file:line: field: message
and the build exits with status 1; the previous output is then left exactly
as it was. The environment variable SOURCE_DATE_EPOCH, when set, gives the
date the build treats as today (otherwise as_of in site.toml).

Flags:
`)
		fs.PrintDefaults()
	}
	if code, stop := parseFlags(fs, args, false); stop {
		return code
	}
	if *dest == "" {
		*dest = filepath.Join(*source, "public")
	}

	start := time.Now()
	progress := newProgress(stderr)
	res, err := build.Run(build.Options{
		Source:          *source,
		Destination:     *dest,
		BaseURL:         *baseURL,
		Theme:           congkhai.Theme,
		SourceDateEpoch: getenv("SOURCE_DATE_EPOCH"),
		Progress:        progress.update,
	})
	progress.clear()
	printProblems(stderr, res.Problems)
	if err != nil {
		if errors.Is(err, build.ErrFailed) {
			errs, _ := counts(res.Problems)
			fmt.Fprintf(stderr, "congkhai: build failed with %s; %s was not changed\n", plural(errs, "error"), *dest)
		} else {
			fmt.Fprintf(stderr, "congkhai: build failed: %v\n", err)
		}
		return 1
	}
	if res.UpToDate {
		fmt.Fprintf(stderr, "congkhai: %s is up to date: nothing changed since the last build (%d pages, %d files) (%s)\n",
			*dest, res.Pages, res.Files, time.Since(start).Round(time.Millisecond))
		return 0
	}
	fmt.Fprintf(stderr, "congkhai: built %d pages (%d files, %d written) into %s in %s\n",
		res.Pages, res.Files, res.Written, *dest, time.Since(start).Round(time.Millisecond))
	return 0
}

func printProblems(w io.Writer, problems []problem.Problem) {
	for _, p := range problems {
		fmt.Fprintln(w, p.String())
	}
}

// version reports the module version, or the commit for a development build.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" {
			return "devel " + s.Value
		}
	}
	return "devel"
}

// parseFlags parses a command's flags. It reports whether to stop, with
// the exit status: 0 after --help, 2 for a bad flag or, unless the command
// takes arguments, an argument.
func parseFlags(fs *flag.FlagSet, args []string, takesArgs bool) (code int, stop bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0, true
		}
		return 2, true
	}
	if !takesArgs && fs.NArg() > 0 {
		fmt.Fprintf(fs.Output(), "congkhai %s: unexpected argument %q (use --source to name the site folder)\n", fs.Name(), fs.Arg(0))
		return 2, true
	}
	return 0, false
}
