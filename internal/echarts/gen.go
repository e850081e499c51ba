//go:build ignore

// gen copies ECharts into dist/ from the npm package that `npm ci`
// installed at the root of the module, after checking that it is the
// version package-lock.json pins. `go generate ./internal/echarts` runs it
// (scripts/deps does, after npm ci); a file whose bytes are already there
// is left alone.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

func main() {
	if err := generate(filepath.Join("..", ".."), "dist"); err != nil {
		fmt.Fprintln(os.Stderr, "internal/echarts: go generate:", err)
		os.Exit(1)
	}
}

func generate(root, dist string) error {
	pkg := filepath.Join(root, "node_modules", "echarts")
	pinned, err := lockedVersion(filepath.Join(root, "package-lock.json"))
	if err != nil {
		return err
	}
	var installed struct{ Version string }
	if err := readJSON(filepath.Join(pkg, "package.json"), &installed); err != nil {
		return fmt.Errorf("%w: run `npm ci` at the root of the repository first", err)
	}
	if installed.Version != pinned {
		return fmt.Errorf("node_modules holds echarts %s, package-lock.json pins %s: run `npm ci`", installed.Version, pinned)
	}
	files := map[string]string{
		"echarts.common.min.js": filepath.Join(pkg, "dist", "echarts.common.min.js"),
		"LICENSE":               filepath.Join(pkg, "LICENSE"),
		"NOTICE":                filepath.Join(pkg, "NOTICE"),
	}
	for name, src := range files {
		b, err := os.ReadFile(src)
		if err != nil {
			return err
		}
		if err := writeIfChanged(filepath.Join(dist, name), b); err != nil {
			return err
		}
	}
	return writeIfChanged(filepath.Join(dist, "VERSION"), []byte(pinned+"\n"))
}

// lockedVersion is the version of echarts that package-lock.json pins.
func lockedVersion(lockFile string) (string, error) {
	var lock struct {
		Packages map[string]struct{ Version string }
	}
	if err := readJSON(lockFile, &lock); err != nil {
		return "", err
	}
	v := lock.Packages["node_modules/echarts"].Version
	if v == "" {
		return "", fmt.Errorf("%s pins no version of echarts", lockFile)
	}
	return v, nil
}

func readJSON(file string, v any) error {
	b, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	return nil
}

func writeIfChanged(file string, b []byte) error {
	if old, err := os.ReadFile(file); err == nil && bytes.Equal(old, b) {
		return nil
	}
	return os.WriteFile(file, b, 0o644)
}
