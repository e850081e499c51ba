package echarts

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestBuiltin: the built-in file, when this program has one, is the one
// npm installed at the root of the module (go generate was run after the
// last npm ci) and has its version. `make test` sets
// CONGKHAI_WANT_BUILTIN_ECHARTS=1, so that it fails without one instead of
// testing nothing.
func TestBuiltin(t *testing.T) {
	b := Builtin()
	if b == nil {
		if os.Getenv("CONGKHAI_WANT_BUILTIN_ECHARTS") == "1" {
			t.Fatal("this program has no built-in ECharts: run `go generate ./internal/echarts` (scripts/deps does, after npm ci)")
		}
		if Version() != "" {
			t.Errorf("Version() = %q without a built-in file", Version())
		}
		t.Skip("no built-in ECharts: go generate ./internal/echarts was not run")
	}
	if Version() == "" {
		t.Error("the built-in ECharts has no VERSION")
	}
	npm, err := os.ReadFile(filepath.Join("..", "..", "node_modules", "echarts", "dist", File))
	if err != nil {
		t.Skipf("no node_modules to compare with: %v", err)
	}
	if !bytes.Equal(b, npm) {
		t.Error("the built-in ECharts differs from node_modules/echarts: run `go generate ./internal/echarts`")
	}
}
