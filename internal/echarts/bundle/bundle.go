// Package bundle builds the slim ECharts file that congkhai serves: entry.js,
// which imports only the chart types, components and renderer the site's
// charts use from the ECharts npm package, bundled and minified by esbuild
// (pinned in go.mod, called as a library: no other npm package is needed).
// `go generate ./internal/echarts` calls it; the program never does, so
// esbuild is not compiled into congkhai.
package bundle

import (
	_ "embed"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

//go:embed entry.js
var entry string

// Build bundles entry.js against the npm packages installed in
// root/node_modules (echarts, zrender, tslib) and returns the minified file.
// Its first line names the ECharts version and its licence. The same
// packages and the same esbuild give the same bytes.
func Build(root, version string) ([]byte, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(filepath.Join(abs, "node_modules", "echarts", "package.json")); err != nil {
		return nil, fmt.Errorf("no ECharts npm package in %s: run `npm ci` there first", filepath.Join(abs, "node_modules"))
	}
	res := api.Build(api.BuildOptions{
		Stdin: &api.StdinOptions{
			Contents:   entry,
			ResolveDir: abs,
			Sourcefile: "congkhai-echarts.js",
		},
		AbsWorkingDir:     abs,
		Bundle:            true,
		Write:             false,
		Format:            api.FormatIIFE,
		Platform:          api.PlatformBrowser,
		Target:            api.ES2017,
		MinifyWhitespace:  true,
		MinifyIdentifiers: true,
		MinifySyntax:      true,
		LegalComments:     api.LegalCommentsNone,
		Define:            map[string]string{"process.env.NODE_ENV": `"production"`},
		Banner: map[string]string{"js": "/*! Apache ECharts " + version +
			" (Apache-2.0, see LICENSE and NOTICE), with only the line and bar charts, components and SVG renderer congkhai uses */"},
		LogLevel: api.LogLevelSilent,
	})
	if len(res.Errors) > 0 {
		var msgs []string
		for _, m := range res.Errors {
			s := m.Text
			if m.Location != nil {
				s = fmt.Sprintf("%s:%d: %s", m.Location.File, m.Location.Line, s)
			}
			msgs = append(msgs, s)
		}
		return nil, fmt.Errorf("bundling ECharts: %s", strings.Join(msgs, "; "))
	}
	if len(res.OutputFiles) != 1 {
		return nil, fmt.Errorf("bundling ECharts: esbuild wrote %d files, want 1", len(res.OutputFiles))
	}
	return res.OutputFiles[0].Contents, nil
}
