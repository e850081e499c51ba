// Package echarts holds the ECharts file built into the congkhai program,
// so that one binary builds a site with charts without Node or npm.
//
// The file is never committed: `go generate ./internal/echarts` (run by
// scripts/deps after `npm ci`, and by the release build) copies it from
// the npm package pinned in package-lock.json into dist/, a folder git
// ignores but for its README. A program compiled without it (a fresh
// clone before `npm ci`, or `go install`) still builds: Builtin is then
// nil, and a site with charts needs its own copy (see build.Options).
package echarts

import (
	"embed"
	"strings"
)

//go:generate go run gen.go

// dist holds README.md always, and the generated files when present.
//
//go:embed dist
var dist embed.FS

// File is the ECharts build the portal serves: the "common" build has line
// and bar charts, the SVG renderer, aria descriptions and decal patterns,
// at two thirds of the full build's size. It is the name of the file in
// the npm package's dist/ folder, and in this package's.
const File = "echarts.common.min.js"

// versionFile is written beside File by gen.go: the version of the npm
// package it came from.
const versionFile = "VERSION"

// Builtin is the ECharts file compiled into this program, or nil when it
// was compiled without one.
func Builtin() []byte {
	b, err := dist.ReadFile("dist/" + File)
	if err != nil || len(b) == 0 {
		return nil
	}
	return b
}

// Version is the npm version of the built-in file ("5.6.0"), or "" when
// there is none.
func Version() string {
	if Builtin() == nil {
		return ""
	}
	b, err := dist.ReadFile("dist/" + versionFile)
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(b))
}
