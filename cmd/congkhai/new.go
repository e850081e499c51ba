package main

import (
	"flag"
	"strings"
	"time"

	"github.com/congkhai/congkhai/internal/build"
	"github.com/congkhai/congkhai/internal/msg"
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
			e.say(stderr, "congkhai new: %v", err)
			return 2
		}
		if problem := newUsageProblem(rest); !problem.IsZero() {
			e.say(stderr, "congkhai new: %s\n", problem)
			fs.Usage()
			return 2
		}
		if rest[0] == "site" {
			sourceSet := false
			fs.Visit(func(f *flag.Flag) { sourceSet = sourceSet || f.Name == "source" })
			if sourceSet {
				e.say(stderr, "congkhai new: new site takes its folder as its argument, not --source: congkhai new site %s", shellWord(*source))
				return 2
			}
			return newSite(rest[1], *force, epoch, e)
		}
		if !e.siteHere(stderr, "new", *source) {
			return 2
		}
		switch rest[0] {
		case "procedure":
			file, err := scaffold.Procedure(*source, rest[1], rest[2], epoch)
			if err != nil {
				e.say(stderr, "congkhai new: %v", err)
				return 1
			}
			e.say(stdout, "created %s: fill in the empty fields, then run `congkhai check`", file)
			return 0
		default: // page
			files, err := scaffold.Page(*source, rest[1], epoch)
			for _, f := range files {
				e.say(stdout, "created %s", f)
			}
			if err != nil {
				e.say(stderr, "congkhai new: %v", err)
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
		e.say(e.stderr, "congkhai new: %v", err)
		return 1
	}
	for _, f := range files {
		e.say(e.stdout, "created %s", f)
	}
	source := ""
	if dir != "." {
		source = " --source " + shellWord(dir)
	}
	e.say(e.stdout, "\nThe site builds as it is. Next:\n"+
		"  congkhai serve%s     to see it at http://127.0.0.1:1313/ while you edit\n"+
		"  congkhai check%s     to check every file and link\n"+
		"Edit site.toml first: every key is explained there.", source, source)
	return 0
}

// newUsageProblem says what is wrong with the arguments of `congkhai new`,
// or nothing when they are right.
func newUsageProblem(args []string) msg.Text {
	if len(args) == 0 {
		return msg.T("say what to create: site, procedure or page")
	}
	switch args[0] {
	case "site":
		return oneArgument(args, msg.T("put the folder in quotes: congkhai new %s %q", args[0], quotedRest(args)),
			msg.T("give the new site's folder, such as: congkhai new site cong-thong-tin (or . for this folder)"))
	case "procedure":
		switch {
		case len(args) < 3:
			return msg.T(`give the procedure's code and title, such as: congkhai new procedure 1.001193 "Đăng ký khai sinh"`)
		case len(args) > 3:
			return msg.T("put the title in quotes: congkhai new procedure %s %q", args[1], strings.Join(args[2:], " "))
		}
	case "page":
		return oneArgument(args, msg.T("put the path in quotes: congkhai new %s %q", args[0], quotedRest(args)),
			msg.T("give the page's path, such as: congkhai new page gioi-thieu"))
	default:
		return msg.T("cannot create %q: use site, procedure or page%s", args[0], didYouMean(args[0], newKinds, ""))
	}
	return msg.Text{}
}

// quotedRest is the arguments after the kind of `new`, as one.
func quotedRest(args []string) string {
	if len(args) < 2 {
		return ""
	}
	return strings.Join(args[1:], " ")
}

// oneArgument says what is wrong with the arguments of a `new` that takes
// one: missing (then the message missing), or words that want quotes
// (quote).
func oneArgument(args []string, quote, missing msg.Text) msg.Text {
	switch {
	case len(args) < 2:
		return missing
	case len(args) > 2:
		return quote
	}
	return msg.Text{}
}
