package main

import (
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/congkhai/congkhai/internal/build"
	"github.com/congkhai/congkhai/internal/scaffold"
)

const newHelp = `Usage:
  congkhai new procedure <code> "<title>"   a procedure in the procedures section,
                                            every field present and explained
  congkhai new page <path>                  an ordinary page, such as gioi-thieu
                                            or tin-tuc/thong-bao-lich-nghi
  congkhai new site <folder>                a new portal that builds at once: site.toml
                                            with every key explained, a home page, a
                                            procedure, a directory, a dataset with its
                                            chart, and CI for GitHub and GitLab

The file is named from the title or path; an existing file is never replaced.
New files carry the site's date (as_of, or SOURCE_DATE_EPOCH when set). A new
site's folder must be empty (or hold only .git), unless --force.

Flags:
`

// newKinds are what `congkhai new` creates.
var newKinds = []string{"site", "procedure", "page"}

func defineNew(fs *flag.FlagSet, e env) func([]string) int {
	source := fs.String("source", ".", "the site `folder` (new procedure, new page)")
	force := fs.Bool("force", false, "new site: write into a folder that already holds files (none is ever replaced)")
	return func(rest []string) int {
		stdout, stderr := e.stdout, e.stderr
		// The new file's date is the site's (as_of, or SOURCE_DATE_EPOCH when
		// set), never the clock: a bad SOURCE_DATE_EPOCH is a usage error.
		epoch := e.getenv("SOURCE_DATE_EPOCH")
		if _, err := build.ReferenceDate(time.Time{}, epoch); err != nil {
			fmt.Fprintln(stderr, "congkhai new:", err)
			return 2
		}
		if msg := newUsageProblem(rest); msg != "" {
			fmt.Fprintf(stderr, "congkhai new: %s\n\n", msg)
			fs.Usage()
			return 2
		}
		if rest[0] == "site" {
			sourceSet := false
			fs.Visit(func(f *flag.Flag) { sourceSet = sourceSet || f.Name == "source" })
			if sourceSet {
				fmt.Fprintf(stderr, "congkhai new: new site takes its folder as its argument, not --source: congkhai new site %s\n", shellWord(*source))
				return 2
			}
			return newSite(rest[1], *force, epoch, e)
		}
		if !siteHere(stderr, "new", *source) {
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
}

// newSite writes a new site into dir and says what to do next.
func newSite(dir string, force bool, epoch string, e env) int {
	files, err := scaffold.Site(dir, scaffold.SiteOptions{
		SourceDateEpoch: epoch,
		Force:           force,
		Version:         releaseVersion(),
	})
	if err != nil {
		fmt.Fprintln(e.stderr, "congkhai new:", err)
		return 1
	}
	for _, f := range files {
		fmt.Fprintf(e.stdout, "created %s\n", f)
	}
	source := ""
	if dir != "." {
		source = " --source " + shellWord(dir)
	}
	fmt.Fprintf(e.stdout, "\nThe site builds as it is. Next:\n"+
		"  congkhai serve%s     to see it at http://127.0.0.1:1313/ while you edit\n"+
		"  congkhai check%s     to check every file and link\n"+
		"Edit site.toml first: every key is explained there.\n", source, source)
	return 0
}

// newUsageProblem says what is wrong with the arguments of `congkhai new`,
// or "" when they are right.
func newUsageProblem(args []string) string {
	if len(args) == 0 {
		return "say what to create: site, procedure or page"
	}
	switch args[0] {
	case "site":
		return oneArgument(args, "folder", "give the new site's folder, such as: congkhai new site cong-thong-tin (or . for this folder)")
	case "procedure":
		switch {
		case len(args) < 3:
			return `give the procedure's code and title, such as: congkhai new procedure 1.001193 "Đăng ký khai sinh"`
		case len(args) > 3:
			return fmt.Sprintf("put the title in quotes: congkhai new procedure %s %q", args[1], strings.Join(args[2:], " "))
		}
	case "page":
		return oneArgument(args, "path", "give the page's path, such as: congkhai new page gioi-thieu")
	default:
		return fmt.Sprintf("cannot create %q: use site, procedure or page%s", args[0], didYouMean(args[0], newKinds, ""))
	}
	return ""
}

// oneArgument says what is wrong with the arguments of a `new` that takes
// one, its noun (folder, path): missing (then the message missing), or
// words that want quotes.
func oneArgument(args []string, noun, missing string) string {
	switch {
	case len(args) < 2:
		return missing
	case len(args) > 2:
		return fmt.Sprintf("put the %s in quotes: congkhai new %s %q", noun, args[0], strings.Join(args[1:], " "))
	}
	return ""
}
