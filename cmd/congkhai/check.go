package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/congkhai/congkhai"
	"github.com/congkhai/congkhai/internal/build"
	"github.com/congkhai/congkhai/internal/echarts"
	"github.com/congkhai/congkhai/internal/linkcheck"
	"github.com/congkhai/congkhai/internal/problem"
)

const checkHelp = `Usage: congkhai check [flags]

Runs every check of a build without writing anything, and checks the links
written in Markdown: to other pages, to #headings, to files in static/ and
to forms. Warns about pages no other page links to and procedures not
synced with the national database for longer than procedures.stale_after_days.
Exit status: 0 when clean, 1 when there are errors (or warnings, with --strict).

With --external it also asks every link to another site (http, https) over
the network, 8 at a time, each within 10 seconds (--external-timeout), with
HEAD, then GET if the site refuses HEAD, following 10 redirects, and warns
about each that does not answer. A link that answered is not asked again
for 24 hours: the answers are kept in links.json in the cache folder.

Flags:
`

// checkFormats are the values of check --format.
var checkFormats = []string{"human", "github", "gitlab", "json"}

func defineCheck(fs *flag.FlagSet, e env) func([]string) int {
	source := fs.String("source", ".", "the site `folder`")
	strict := fs.Bool("strict", false, "treat warnings (stale procedures, pages nobody links to) as errors")
	format := fs.String("format", "human", "output `format`: human, github (GitHub Actions annotations),\ngitlab (a GitLab Code Quality report) or json")
	external := fs.Bool("external", false, "also check the links to other sites, over the network (off by default)")
	timeout := fs.Duration("external-timeout", linkcheck.DefaultTimeout, "with --external, how long to wait for each site's answer")
	cache := cacheFlags(fs)
	return func([]string) int {
		stdout, stderr := e.stdout, e.stderr
		if !siteHere(stderr, "check", *source) {
			return 2
		}
		if !slices.Contains(checkFormats, *format) {
			fmt.Fprintf(stderr, "congkhai check: unknown format %q: use %s%s\n", *format, orList(checkFormats), didYouMean(*format, checkFormats, ""))
			return 2
		}
		co := build.CheckOptions{Strict: *strict}
		if *external {
			co.External = &linkcheck.Options{Timeout: *timeout}
			if dir := cache.dir(*source); dir != "" {
				co.External.Cache = filepath.Join(dir, linkcheck.CacheFile)
			}
		}
		res, err := build.Check(build.Options{Source: *source, Theme: congkhai.Theme, ECharts: echarts.Builtin(), SourceDateEpoch: e.getenv("SOURCE_DATE_EPOCH"), CacheDir: cache.dir(*source)}, co)
		printNotes(stderr, res.Notes)
		switch *format {
		case "github":
			for _, p := range res.Problems {
				fmt.Fprintln(stdout, githubAnnotation(p, *strict))
			}
		case "gitlab":
			writeCodeQuality(stdout, res.Problems, *strict)
		case "json":
			writeJSON(stdout, res.Problems)
		default:
			printProblems(stdout, res.Problems)
		}
		if err != nil && !errors.Is(err, build.ErrFailed) {
			fmt.Fprintf(stderr, "congkhai check: %v\n", err)
			return 1
		}
		errs, warns := counts(res.Problems)
		if *format == "human" {
			if errs+warns == 0 {
				fmt.Fprintf(stderr, "congkhai: %s: no problems\n", *source)
			} else {
				fmt.Fprintf(stderr, "congkhai: %s: %s, %s\n", *source, plural(errs, "error"), plural(warns, "warning"))
			}
		}
		if err != nil {
			return 1
		}
		return 0
	}
}

// orList writes words as `a, b or c`.
func orList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}

func counts(ps []problem.Problem) (errs, warns int) {
	for _, p := range ps {
		if p.Severity == problem.Error {
			errs++
		} else {
			warns++
		}
	}
	return errs, warns
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// githubAnnotation formats a problem as a GitHub Actions workflow command,
// so that it shows on the pull request at its file and line.
func githubAnnotation(p problem.Problem, strict bool) string {
	level := "error"
	if p.Severity == problem.Warning && !strict {
		level = "warning"
	}
	props := []string{"file=" + escapeProperty(p.File)}
	if p.Line > 0 {
		props = append(props, fmt.Sprintf("line=%d", p.Line))
		if p.Col > 0 {
			props = append(props, fmt.Sprintf("col=%d", p.Col))
		}
	}
	props = append(props, "title="+escapeProperty("congkhai"))
	msg := p.Message
	if p.Field != "" {
		msg = p.Field + ": " + msg
	}
	if p.Excerpt != "" {
		msg += "\n" + p.Excerpt
	}
	return "::" + level + " " + strings.Join(props, ",") + "::" + escapeData(msg)
}

// escapeData and escapeProperty follow the escaping of GitHub's workflow
// commands (toolkit/packages/core/src/command.ts).
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// jsonProblem is one problem in `--format json`.
type jsonProblem struct {
	Severity string `json:"severity"`
	File     string `json:"file"`
	Line     int    `json:"line,omitempty"`
	Column   int    `json:"column,omitempty"`
	Field    string `json:"field,omitempty"`
	Message  string `json:"message"`
	Excerpt  string `json:"excerpt,omitempty"`
}

func writeJSON(w io.Writer, ps []problem.Problem) {
	out := struct {
		Problems []jsonProblem `json:"problems"`
		Errors   int           `json:"errors"`
		Warnings int           `json:"warnings"`
	}{Problems: []jsonProblem{}}
	for _, p := range ps {
		out.Problems = append(out.Problems, jsonProblem{Severity: p.Severity.String(), File: p.File, Line: p.Line, Column: p.Col, Field: p.Field, Message: p.Message, Excerpt: p.Excerpt})
	}
	out.Errors, out.Warnings = counts(ps)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(out)
}

// codeQualityIssue is one problem in a GitLab Code Quality report
// (`--format gitlab`), which GitLab shows on the merge request at its file
// and line: https://docs.gitlab.com/ci/testing/code_quality/
type codeQualityIssue struct {
	Description string `json:"description"`
	CheckName   string `json:"check_name"`
	Fingerprint string `json:"fingerprint"`
	Severity    string `json:"severity"`
	Location    struct {
		Path  string `json:"path"`
		Lines struct {
			Begin int `json:"begin"`
		} `json:"lines"`
	} `json:"location"`
}

// writeCodeQuality writes the problems as a Code Quality report: errors
// are "major", warnings "minor" (or "major" with --strict). A problem's
// fingerprint hashes its file, field and message, and how many problems
// before it have the same three, but not its line: GitLab then sees the
// same problem on both sides of a change that only moves it.
func writeCodeQuality(w io.Writer, ps []problem.Problem, strict bool) {
	issues := []codeQualityIssue{}
	seen := map[string]int{}
	for _, p := range ps {
		var is codeQualityIssue
		is.Description, is.CheckName = p.Message, "congkhai"
		if p.Field != "" {
			is.Description, is.CheckName = p.Field+": "+p.Message, "congkhai: "+p.Field
		}
		is.Severity = "major"
		if p.Severity == problem.Warning && !strict {
			is.Severity = "minor"
		}
		is.Location.Path, is.Location.Lines.Begin = p.File, max(p.Line, 1)
		id := p.File + "\x00" + p.Field + "\x00" + p.Message
		sum := sha256.Sum256(fmt.Appendf(nil, "%s\x00%d", id, seen[id]))
		seen[id]++
		is.Fingerprint = hex.EncodeToString(sum[:])
		issues = append(issues, is)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(issues)
}
