package main

import (
	"flag"
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/congkhai/congkhai/internal/echarts"
)

// stampedVersion and stampedRevision are set by a release build that has
// no version control information to give Go (a container image builds
// from a copy of the files, without .git):
//
//	go build -ldflags "-X main.stampedVersion=v1.2.0 -X main.stampedRevision=<commit>"
//
// Nothing else sets them; an empty one means: ask the build information.
var stampedVersion, stampedRevision string

const versionHelp = `Usage: congkhai version (or congkhai --version)

Prints the version of congkhai (the module version, or devel for a program
built from a working copy), the commit it was built from, the Go version
and platform, and whether ECharts is built in.
`

func defineVersion(_ *flag.FlagSet, e env) func([]string) int {
	return func([]string) int {
		info, _ := debug.ReadBuildInfo()
		fmt.Fprint(e.stdout, versionText(info, stampedVersion, stampedRevision))
		return 0
	}
}

// versionText is what `congkhai version` prints, from the build
// information Go records in the program (nil when there is none) and the
// values a release build stamps ("" when it did not).
func versionText(info *debug.BuildInfo, stampVersion, stampRevision string) string {
	v, rev, when, modified := "devel", stampRevision, "", false
	if info != nil {
		if mv := info.Main.Version; mv != "" && mv != "(devel)" {
			v = mv
		}
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				if rev == "" {
					rev = s.Value
				}
			case "vcs.time":
				when = s.Value
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
	}
	if stampVersion != "" {
		v = stampVersion
	}
	var b strings.Builder
	fmt.Fprintf(&b, "congkhai %s\n", v)
	switch {
	case rev == "":
		b.WriteString("revision: unknown (built without version control information)\n")
	default:
		fmt.Fprintf(&b, "revision: %s", rev)
		if when != "" {
			fmt.Fprintf(&b, " (%s)", when)
		}
		if modified {
			b.WriteString(", with uncommitted changes")
		}
		b.WriteByte('\n')
	}
	fmt.Fprintf(&b, "go: %s %s/%s\n", runtime.Version(), runtime.GOOS, runtime.GOARCH)
	if ev := echarts.Version(); ev != "" {
		fmt.Fprintf(&b, "echarts: %s, built in\n", ev)
	} else {
		b.WriteString("echarts: not built in: a site with charts needs its own (npm ci in the site folder, or static/js/echarts.common.min.js)\n")
	}
	return b.String()
}

// releaseVersion is the version of this program when it is a release
// (v1.2.0, without a pre-release or build suffix), or "".
func releaseVersion() string {
	v := stampedVersion
	if info, ok := debug.ReadBuildInfo(); ok && v == "" {
		v = info.Main.Version
	}
	if !strings.HasPrefix(v, "v") || strings.ContainsAny(v, "-+") || strings.Count(v, ".") != 2 {
		return ""
	}
	return v
}
