package main

import (
	"bytes"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/congkhai/congkhai/internal/echarts"
	"github.com/congkhai/congkhai/internal/linkcheck/linkchecktest"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"congkhai": func() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr, os.Getenv)) },
	})
}

// TestScripts runs testdata/script/*.txtar: each script calls congkhai on
// the files of its archive and checks the exit status and output.
//
// Besides testscript's own, scripts have the condition [builtin-echarts]
// (this program has ECharts built in: go generate ./internal/echarts ran
// before it was compiled), $LINKS, the address of a local web server that
// stands for other sites (linkchecktest), and the commands
//
//	published-echarts <folder> [file]   the folder's one js/echarts.*.js is the
//	                                    built-in ECharts (or the file)
//	expand <file>...                    replaces $NAME in the files with the
//	                                    script's variables ($LINKS)
func TestScripts(t *testing.T) {
	if echarts.Builtin() == nil && os.Getenv("CONGKHAI_WANT_BUILTIN_ECHARTS") == "1" {
		t.Fatal("this test program has no built-in ECharts: run `go generate ./internal/echarts` (scripts/deps does)")
	}
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		UpdateScripts: os.Getenv("UPDATE_SCRIPTS") == "1",
		Condition: func(cond string) (bool, error) {
			if cond == "builtin-echarts" {
				return echarts.Builtin() != nil, nil
			}
			return false, fmt.Errorf("unknown condition %q", cond)
		},
		Setup: func(env *testscript.Env) error {
			srv := httptest.NewServer(linkchecktest.Handler())
			env.Setenv("LINKS", srv.URL)
			env.Defer(srv.Close)
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"published-echarts": publishedECharts,
			"expand":            expand,
		},
	})
}

func publishedECharts(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) < 1 || len(args) > 2 {
		ts.Fatalf("usage: published-echarts <folder> [file]")
	}
	files, _ := filepath.Glob(filepath.Join(ts.MkAbs(args[0]), "js", "echarts.*.js"))
	if len(files) != 1 {
		ts.Fatalf("%s/js has %d echarts.*.js files, want 1: %v", args[0], len(files), files)
	}
	want, what := echarts.Builtin(), "the built-in ECharts"
	if len(args) == 2 {
		want, what = []byte(ts.ReadFile(args[1])), args[1]
	}
	same := bytes.Equal([]byte(ts.ReadFile(files[0])), want)
	switch {
	case same && neg:
		ts.Fatalf("%s is %s", files[0], what)
	case !same && !neg:
		ts.Fatalf("%s is not %s", files[0], what)
	}
}

func expand(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) == 0 {
		ts.Fatalf("usage: expand <file>...")
	}
	for _, f := range args {
		ts.Check(os.WriteFile(ts.MkAbs(f), []byte(os.Expand(ts.ReadFile(f), ts.Getenv)), 0o644))
	}
}
