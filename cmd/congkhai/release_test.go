package main

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/congkhai/congkhai/internal/echarts"
)

// TestReleaseBinary builds congkhai as a release does (scripts/release,
// the commands of .github/workflows/release.yml, for this platform only),
// checks SHA256SUMS, and runs the program: its version is the one
// stamped, and a site it makes with `new site`, with no node_modules,
// passes check --strict and builds into a portal that serves the ECharts
// built into the program, the very file npm installed.
func TestReleaseBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a release binary: not with -short")
	}
	if runtime.GOOS == "windows" {
		t.Skip("scripts/release is a shell script")
	}
	if echarts.Builtin() == nil {
		if os.Getenv("CONGKHAI_WANT_BUILTIN_ECHARTS") == "1" {
			t.Fatal("no ECharts to build in: run `go generate ./internal/echarts` (scripts/deps does)")
		}
		t.Skip("no ECharts to build in: go generate ./internal/echarts was not run")
	}
	dist := t.TempDir()
	script := exec.Command("sh", filepath.Join("..", "..", "scripts", "release"), dist)
	script.Env = append(os.Environ(), "PLATFORMS="+runtime.GOOS+"/"+runtime.GOARCH, "VERSION=v9.8.7")
	if out, err := script.CombinedOutput(); err != nil {
		t.Fatalf("scripts/release: %v\n%s", err, out)
	}

	sums, err := os.Open(filepath.Join(dist, "SHA256SUMS"))
	if err != nil {
		t.Fatal(err)
	}
	defer sums.Close()
	listed := 0
	for sc := bufio.NewScanner(sums); sc.Scan(); listed++ {
		sum, name, ok := strings.Cut(sc.Text(), "  ")
		b, err := os.ReadFile(filepath.Join(dist, name))
		if !ok || err != nil {
			t.Fatalf("SHA256SUMS: %q: %v", sc.Text(), err)
		}
		if got := sha256.Sum256(b); hex.EncodeToString(got[:]) != sum {
			t.Errorf("SHA256SUMS: %s has another sum", name)
		}
	}
	if listed != 3 { // the program, ECHARTS-LICENSE, ECHARTS-NOTICE
		t.Errorf("SHA256SUMS lists %d files, want 3", listed)
	}

	bin := filepath.Join(dist, "congkhai-"+runtime.GOOS+"-"+runtime.GOARCH)
	congkhai := func(args ...string) string {
		t.Helper()
		cmd := exec.Command(bin, args...)
		cmd.Env = append(os.Environ(), "SOURCE_DATE_EPOCH=1790294400")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("congkhai %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	version := congkhai("--version")
	for _, want := range []string{"congkhai v9.8.7\n", "echarts: " + echarts.Version() + ", built in\n"} {
		if !strings.Contains(version, want) {
			t.Errorf("--version:\n%s\nwant %q", version, want)
		}
	}

	site := filepath.Join(t.TempDir(), "portal")
	congkhai("new", "site", site)
	congkhai("check", "--strict", "--source", site)
	congkhai("build", "--source", site)
	if _, err := os.Stat(filepath.Join(site, "node_modules")); err == nil {
		t.Fatal("the new site has node_modules")
	}
	published, _ := filepath.Glob(filepath.Join(site, "public", "js", "echarts.*.js"))
	if len(published) != 1 {
		t.Fatalf("published %v, want one ECharts file", published)
	}
	got, err := os.ReadFile(published[0])
	if err != nil {
		t.Fatal(err)
	}
	want := echarts.Builtin()
	if npm, err := os.ReadFile(filepath.Join("..", "..", "node_modules", "echarts", "dist", echarts.File)); err == nil {
		want = npm
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is not the ECharts npm installed", published[0])
	}
}
