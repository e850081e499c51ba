// Command congkhai builds a local-government transparency portal from a
// folder of Markdown, TOML and CSV files.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"github.com/congkhai/congkhai"
	"github.com/congkhai/congkhai/internal/build"
	"github.com/congkhai/congkhai/internal/config"
	"github.com/congkhai/congkhai/internal/echarts"
	"github.com/congkhai/congkhai/internal/gcfloor"
	"github.com/congkhai/congkhai/internal/msg"
	"github.com/congkhai/congkhai/internal/problem"
	"github.com/congkhai/congkhai/internal/publish"
	"github.com/congkhai/congkhai/internal/vntext"
)

// env is what a command reads and writes besides its arguments.
type env struct {
	stdout, stderr io.Writer
	getenv         func(string) string
	// tr is the editor's language (lang.go); nil is English.
	tr msg.Translator
}

// say writes the message format makes with args, in the editor's
// language, and a new line.
func (e env) say(w io.Writer, format string, args ...any) {
	io.WriteString(w, msg.T(format, args...).In(e.tr)+"\n")
}

// command is one command of congkhai. define declares its flags on fs and
// returns the function that runs it once they are parsed, with the
// arguments left. The list of commands, each command's --help and the
// shell completions (completion.go) are all made from these.
type command struct {
	name    string
	summary msg.Text // one line in the list of commands
	help    msg.Text // what --help prints before the flags
	// takesArgs is set for a command that takes arguments; words are what
	// its first argument may be (nil: anything), for completion and "did
	// you mean".
	takesArgs bool
	words     []string
	// values are the words a flag takes, by flag name (--format), for
	// completion.
	values map[string][]string
	define func(fs *flag.FlagSet, e env) func(args []string) int
}

// commands lists every command, in the order the usage shows them.
func commands() []command {
	return []command{
		{name: "build", summary: msg.T("build the site into a folder (default: public/)"), help: msg.T(buildHelp), define: defineBuild},
		{name: "check", summary: msg.T("check every file and internal link without writing anything"), help: msg.T(checkHelp),
			values: map[string][]string{"format": checkFormats}, define: defineCheck},
		{name: "serve", summary: msg.T("serve the site on this computer, rebuilding on every change"), help: msg.T(serveHelp), define: defineServe},
		{name: "new", summary: msg.T("create a procedure or a page, or start a site: new procedure|page|site (see new --help)"),
			help: msg.T(newHelp), takesArgs: true, words: newKinds, define: defineNew},
		{name: "completion", summary: msg.T("print the script that completes commands and flags: bash, zsh, fish or powershell"),
			help: msg.T(completionHelp), takesArgs: true, words: shellNames(), define: defineCompletion},
		{name: "version", summary: msg.T("print the version (also: congkhai --version)"), help: msg.T(versionHelp), define: defineVersion},
	}
}

// usage is what congkhai prints without a command, or with help, in the
// language of tr.
func usage(tr msg.Translator) string {
	var b strings.Builder
	b.WriteString(msg.T(`congkhai builds a local-government transparency portal (công khai thủ tục
hành chính, danh bạ, kết quả phục vụ) from Markdown, TOML and CSV files.

Usage:
  congkhai <command> [flags]

Commands:
`).In(tr))
	cmds := commands()
	width := 0
	for _, c := range cmds {
		width = max(width, len(c.name))
	}
	for _, c := range cmds {
		fmt.Fprintf(&b, "  %-*s  %s\n", width, c.name, c.summary.In(tr))
	}
	b.WriteString(msg.T(`
Run "congkhai <command> --help" for the flags of a command. To start a
site: congkhai new site <folder>.
`).In(tr))
	return b.String()
}

// defaultMemoryLimit is the soft limit of the Go heap when GOMEMLIMIT is
// not set: the garbage collector works harder as the heap nears it, so
// that a national portal of 100,000 procedures builds within 768 MiB of
// resident memory. The process holds some 12 MiB the runtime does not
// count (the program's code, mapped files), hence the 32 MiB below 768:
// at 100k a limit of 768 MiB peaked at 780 MiB, 740 at 751 and 736 at
// 747, for a few percent more CPU time at most (within this machine's
// noise). Small sites never reach it.
const defaultMemoryLimit = 736 << 20

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
	tr, err := editorLanguage(args, getenv)
	if err != nil {
		fmt.Fprintln(stderr, "congkhai:", msg.Localize(err, tr))
		return 2
	}
	e := env{stdout: stdout, stderr: stderr, getenv: getenv, tr: tr}
	args = withoutLeadingLang(args)
	if len(args) == 0 {
		fmt.Fprint(stderr, usage(tr))
		return 2
	}
	switch args[0] {
	case "help", "-h", "-help", "--help":
		if len(args) > 1 && args[1] != "help" && !strings.HasPrefix(args[1], "-") {
			// help <command> is <command> --help.
			return run([]string{args[1], "--help"}, stdout, stderr, getenv)
		}
		fmt.Fprint(stdout, usage(tr))
		return 0
	case "-version", "--version":
		return run(append([]string{"version"}, args[1:]...), stdout, stderr, getenv)
	}
	cmds := commands()
	for _, c := range cmds {
		if c.name == args[0] {
			return c.run(args[1:], e)
		}
	}
	var names []string
	for _, c := range cmds {
		names = append(names, c.name)
	}
	e.say(stderr, "congkhai: unknown command %q%s\n", args[0], didYouMean(args[0], names, ""))
	fmt.Fprint(stderr, usage(tr))
	return 2
}

// run parses the command's flags and runs it.
func (c command) run(args []string, e env) int {
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	body := c.define(fs, e)
	languageFlag(fs)
	// The flag package's own messages are English: it writes nowhere, and
	// parseFlags says what went wrong in the editor's language.
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	// The help asked for goes to standard output (congkhai build --help |
	// less), the help after a mistake to standard error, with the mistake.
	help := func(w io.Writer) {
		fmt.Fprint(w, c.help.In(e.tr))
		printDefaults(w, fs, e.tr)
	}
	rest, code, stop := e.parseFlags(fs, args, c.takesArgs, help)
	if stop {
		return code
	}
	fs.Usage = func() { help(e.stderr) } // for a command that finds its arguments wrong
	return body(rest)
}

// didYouMean is ` (did you mean "build"?)` when one of names is a few
// letters from word (vntext.Closest), each written with prefix (such as
// "--"), or nothing.
func didYouMean(word string, names []string, prefix string) msg.Text {
	if best := vntext.Closest(word, names); best != "" && best != word {
		return msg.T(" (did you mean %q?)", prefix+best)
	}
	return msg.Text{}
}

const buildHelp = `Usage: congkhai build [flags]

Reads the site folder, checks every file, and writes the portal into the
destination folder. Every problem is reported as file:line: field: message
and the build exits with status 1; the previous output is then left exactly
as it was. The environment variable SOURCE_DATE_EPOCH, when set, gives the
date the build treats as today (otherwise as_of in site.toml).

Flags:
`

func defineBuild(fs *flag.FlagSet, e env) func([]string) int {
	source := fs.String("source", ".", "the site `folder`: it holds site.toml, content/, data/, layouts/ and static/")
	dest := fs.String("destination", "", "the output `folder`, replaced as a whole when the build succeeds\n(default: public/ inside the site folder)")
	baseURL := fs.String("base-url", "", "the `address` the site will be published at, overriding base_url in site.toml;\nmay include a path, such as https://example.gov.vn/portal/")
	cache := cacheFlags(fs)
	return func([]string) int {
		stderr := e.stderr
		if !e.siteHere(stderr, "build", *source) {
			return 2
		}
		if *dest == "" {
			*dest = filepath.Join(*source, "public")
		}

		start := time.Now()
		progress := newProgress(stderr, e.tr)
		res, err := build.Run(build.Options{
			Source:          *source,
			Destination:     *dest,
			BaseURL:         *baseURL,
			Theme:           congkhai.Theme,
			ECharts:         echarts.Builtin(),
			EChartsVersion:  echarts.Version(),
			SourceDateEpoch: e.getenv("SOURCE_DATE_EPOCH"),
			Progress:        progress.update,
			CacheDir:        cache.dir(*source),
		})
		progress.clear()
		e.printNotes(stderr, res.Notes)
		e.printProblems(stderr, res.Problems)
		if err != nil {
			if errors.Is(err, build.ErrFailed) {
				errs, _ := counts(res.Problems)
				e.say(stderr, "congkhai: build failed with %s; %s was not changed", errorCount(errs), *dest)
			} else if errors.Is(err, publish.ErrSetAside) {
				e.say(stderr, "congkhai: build failed: %v", err)
			} else { // a write that failed, or a destination refused: nothing was changed
				e.say(stderr, "congkhai: build failed: %v; %s was not changed", err, *dest)
			}
			return 1
		}
		if res.UpToDate {
			e.say(stderr, "congkhai: %s is up to date: nothing changed since the last build (%d pages, %d files) (%s)",
				*dest, res.Pages, res.Files, time.Since(start).Round(time.Millisecond))
			return 0
		}
		var fromCache msg.Text
		if res.CacheLookups > 0 {
			fromCache = msg.T(", %d of %d results from the cache", res.FromCache, res.CacheLookups)
		}
		e.say(stderr, "congkhai: built %d pages (%d files, %d written%s) into %s in %s",
			res.Pages, res.Files, res.Written, fromCache, *dest, time.Since(start).Round(time.Millisecond))
		return 0
	}
}

// cacheOptions are the flags that say where the build cache is.
type cacheOptions struct {
	folder *string
	off    *bool
}

func cacheFlags(fs *flag.FlagSet) cacheOptions {
	return cacheOptions{
		folder: fs.String("cache-dir", "", "the build cache `folder`, which keeps what unchanged files give from one build to the next\n(default: .congkhai-cache inside the site folder; CI keeps it between runs)"),
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

func (e env) printNotes(w io.Writer, notes []msg.Text) {
	for _, n := range notes {
		e.say(w, "congkhai: note: %s", n)
	}
}

func (e env) printProblems(w io.Writer, problems []problem.Problem) {
	for _, p := range problems {
		fmt.Fprintln(w, p.In(e.tr))
	}
}

// parseFlags parses a command's flags, which may come before, between or
// after its arguments (everything after "--" is an argument). It returns
// the arguments, and whether to stop, with the exit status: 0 after
// --help, 2 for a bad flag or, unless the command takes arguments, an
// argument.
func (e env) parseFlags(fs *flag.FlagSet, args []string, takesArgs bool, help func(io.Writer)) (rest []string, code int, stop bool) {
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				help(e.stdout)
				return nil, 0, true
			}
			// As the flag package does: the error, then the help; but a
			// flag that is a few letters from one it knows is said last,
			// once, with the flag that was meant.
			var hint msg.Text
			name, unknown := strings.CutPrefix(err.Error(), "flag provided but not defined: -")
			if unknown {
				var names []string
				fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
				hint = didYouMean(name, names, "--")
			}
			if hint.IsZero() {
				fmt.Fprintln(e.stderr, flagError(fs, err).In(e.tr))
			}
			help(e.stderr)
			if !hint.IsZero() {
				e.say(e.stderr, "congkhai %s: unknown flag --%s%s", fs.Name(), name, hint)
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
		var hint msg.Text
		if fs.Lookup("source") != nil {
			hint = msg.T(" (use --source to name the site folder)")
		}
		e.say(e.stderr, "congkhai %s: unexpected argument %q%s", fs.Name(), rest[0], hint)
		return nil, 2, true
	}
	return rest, 0, false
}

// siteFolder reports whether the --source folder exists and is a folder,
// and says what is wrong on w when it is not.
func (e env) siteFolder(w io.Writer, command, source string) bool {
	info, err := os.Stat(source)
	switch {
	case errors.Is(err, os.ErrNotExist):
		e.say(w, "congkhai %s: --source %s: no such folder: name the site folder, the one that holds site.toml", command, source)
		return false
	case err != nil:
		e.say(w, "congkhai %s: --source %s: %v", command, source, err)
		return false
	case !info.IsDir():
		e.say(w, "congkhai %s: --source %s: a file, not a folder: name the site folder, the one that holds site.toml", command, source)
		return false
	}
	return true
}

// siteHere is siteFolder, and then reports whether the folder holds a
// site.toml; when it does not, it says how to start a site there.
func (e env) siteHere(w io.Writer, command, source string) bool {
	if !e.siteFolder(w, command, source) {
		return false
	}
	_, err := os.Stat(filepath.Join(source, config.FileName))
	if !errors.Is(err, fs.ErrNotExist) {
		return true // any other error is the build's to report
	}
	if source == "." {
		e.say(w, "congkhai %s: %s: not found: this folder is not a site; start one here with `congkhai new site .`, or name the site folder with --source", command, config.FileName)
	} else {
		e.say(w, "congkhai %s: %s: not found: %s is not a site folder; start one there with `congkhai new site %s`, or name the site folder with --source",
			command, filepath.Join(source, config.FileName), source, shellWord(source))
	}
	return false
}

// shellWord quotes s for a command line when it holds anything but
// letters, digits and -_./ (a folder name with a space).
func shellWord(s string) string {
	if s != "" && !strings.ContainsFunc(s, func(r rune) bool {
		return !(r == '-' || r == '_' || r == '.' || r == '/' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 127)
	}) {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
