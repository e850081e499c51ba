// Command congkhai builds a local-government transparency portal from a
// folder of Markdown, TOML and CSV files.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"github.com/congkhai/congkhai"
	"github.com/congkhai/congkhai/internal/build"
	"github.com/congkhai/congkhai/internal/echarts"
	"github.com/congkhai/congkhai/internal/gcfloor"
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
		return runVersion(args[1:], stdout, stderr)
	case "help", "-h", "-help", "--help":
		if len(args) > 1 && args[1] != "help" && !strings.HasPrefix(args[1], "-") {
			// help <command> is <command> --help.
			return run([]string{args[1], "--help"}, stdout, stderr, getenv)
		}
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
	cache := cacheFlags(fs)
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
	if _, code, stop := parseFlags(fs, args, false); stop {
		return code
	}
	if !siteFolder(stderr, "build", *source) {
		return 2
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
		ECharts:         echarts.Builtin(),
		SourceDateEpoch: getenv("SOURCE_DATE_EPOCH"),
		Progress:        progress.update,
		CacheDir:        cache.dir(*source),
	})
	progress.clear()
	printNotes(stderr, res.Notes)
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
	fromCache := ""
	if res.CacheLookups > 0 {
		fromCache = fmt.Sprintf(", %d of %d files from the cache", res.FromCache, res.CacheLookups)
	}
	fmt.Fprintf(stderr, "congkhai: built %d pages (%d files, %d written%s) into %s in %s\n",
		res.Pages, res.Files, res.Written, fromCache, *dest, time.Since(start).Round(time.Millisecond))
	return 0
}

// cacheOptions are the flags that say where the build cache is.
type cacheOptions struct {
	folder *string
	off    *bool
}

func cacheFlags(fs *flag.FlagSet) cacheOptions {
	return cacheOptions{
		folder: fs.String("cache-dir", "", "the build cache `folder`, which keeps what unchanged files give from one build to the next\n(default: "+build.DefaultCacheDir+" inside the site folder; CI keeps it between runs)"),
		off:    fs.Bool("no-cache", false, "build without the cache, reading and keeping nothing in it"),
	}
}

// dir is the cache folder for the site folder source, or "" for none.
func (c cacheOptions) dir(source string) string {
	switch {
	case *c.off:
		return ""
	case *c.folder != "":
		return *c.folder
	}
	return filepath.Join(source, build.DefaultCacheDir)
}

func printNotes(w io.Writer, notes []string) {
	for _, n := range notes {
		fmt.Fprintln(w, "congkhai: note:", n)
	}
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

// parseFlags parses a command's flags, which may come before, between or
// after its arguments (everything after "--" is an argument). It returns
// the arguments, and whether to stop, with the exit status: 0 after
// --help, 2 for a bad flag or, unless the command takes arguments, an
// argument.
func parseFlags(fs *flag.FlagSet, args []string, takesArgs bool) (rest []string, code int, stop bool) {
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, 0, true
			}
			return nil, 2, true
		}
		left := fs.Args()
		if len(left) == 0 {
			break
		}
		if used := len(args) - len(left); used > 0 && args[used-1] == "--" {
			rest = append(rest, left...)
			break
		}
		rest = append(rest, left[0])
		args = left[1:]
	}
	if !takesArgs && len(rest) > 0 {
		hint := ""
		if fs.Lookup("source") != nil {
			hint = " (use --source to name the site folder)"
		}
		fmt.Fprintf(fs.Output(), "congkhai %s: unexpected argument %q%s\n", fs.Name(), rest[0], hint)
		return nil, 2, true
	}
	return rest, 0, false
}

// siteFolder reports whether the --source folder exists and is a folder,
// and says what is wrong on w when it is not.
func siteFolder(w io.Writer, command, source string) bool {
	info, err := os.Stat(source)
	switch {
	case errors.Is(err, os.ErrNotExist):
		fmt.Fprintf(w, "congkhai %s: --source %s: no such folder: name the site folder, the one that holds site.toml\n", command, source)
		return false
	case err != nil:
		fmt.Fprintf(w, "congkhai %s: --source %s: %v\n", command, source, err)
		return false
	case !info.IsDir():
		fmt.Fprintf(w, "congkhai %s: --source %s: a file, not a folder: name the site folder, the one that holds site.toml\n", command, source)
		return false
	}
	return true
}

// runVersion prints the version.
func runVersion(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("version", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), "Usage: congkhai version\n\nPrints the version of congkhai.\n")
	}
	if _, code, stop := parseFlags(fs, args, false); stop {
		return code
	}
	fmt.Fprintln(stdout, "congkhai", version())
	return 0
}
