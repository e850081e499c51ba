package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"maps"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/congkhai/congkhai/internal/corpus"
	"github.com/congkhai/congkhai/internal/txtartest"
)

var (
	killRuns       = flag.Int("kill.runs", 50, "builds TestBuiltCommand/killed kills")
	killProcedures = flag.Int("kill.procedures", 250, "procedures of TestBuiltCommand/killed's portal")
	killSeed       = flag.Uint64("kill.seed", 0, "seed of TestBuiltCommand/killed's kills (0: from the clock, printed)")
)

// TestBuiltCommand runs the congkhai command, built for the test, where
// the test binary cannot stand in for it: killed, and as another user.
func TestBuiltCommand(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the congkhai command and a generated portal many times; skipped by -short")
	}
	bin := congkhaiBinary(t)
	t.Run("killed", func(t *testing.T) { testKilledBuild(t, bin) })
	t.Run("read-only destination", func(t *testing.T) { testReadOnlyDestination(t, bin) })
}

// testKilledBuild kills `congkhai build` with SIGKILL at random moments of
// its write stage and checks each time that public/ is, byte for byte, the
// site before the build or the site the build makes, never a mix; that a
// state file left behind never claims a destination that is not up to
// date; and that the next complete build puts right what the killed ones
// left. The site moves between three versions: A, B (a new title: every
// page changes) and C (one page edited and one added: a few files
// change, and going back removes one).
func testKilledBuild(t *testing.T, bin string) {
	if runtime.GOOS != "linux" {
		t.Skip("reads /proc/<pid>/io to see the write stage begin")
	}
	seed := *killSeed
	if seed == 0 {
		seed = uint64(time.Now().UnixNano())
	}
	t.Logf("seed %d (go test ./cmd/congkhai -run TestBuiltCommand/killed -args -kill.seed=%d runs these kills again)", seed, seed)
	rnd := rand.New(rand.NewPCG(seed, 0))

	dir := t.TempDir()
	site := filepath.Join(dir, "site")
	if err := corpus.Write(site, corpus.Options{Procedures: *killProcedures, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	public := filepath.Join(site, "public")
	v := newVersions(t, site)

	// The versions, built one after the other, and how long the write
	// stage of each kind of change takes, from the first byte written to
	// the end of the process: every page (to or from B), or a few.
	snaps := map[string]map[string]string{}
	window := map[bool]time.Duration{}
	for i, name := range []string{"A", "B", "C", "A"} {
		v.set(t, name)
		r := runCongkhai(t, bin, site, nil)
		if r.err != nil {
			t.Fatalf("building version %s: %v\n%s", name, r.err, r.stderr)
		}
		snap := txtartest.Snapshot(t, public)
		if old, ok := snaps[name]; ok && !maps.Equal(old, snap) {
			t.Fatalf("version %s built again after B and C differs from its first build", name)
		}
		snaps[name] = snap
		if i > 0 { // not the first build, into an empty destination
			all := name != "A"
			window[all] = r.end - r.firstWrite
			t.Logf("version %s: %v in all, write stage %v", name, r.end.Round(time.Millisecond), window[all].Round(time.Millisecond))
		}
	}
	if window[true] <= 0 || window[false] <= 0 {
		t.Fatalf("the write stage was not seen: %v", window)
	}

	current := "A"
	outcomes := map[string]int{}
	for i := range *killRuns {
		others := slices.DeleteFunc([]string{"A", "B", "C"}, func(n string) bool { return n == current })
		target := others[rnd.IntN(len(others))]
		v.set(t, target)
		// A third of the kills anywhere in the write stage, a third in
		// its last tenth or just after, where the commit is, and a third
		// as soon as public/ is another folder: the swap is one call, and
		// kills at random would hardly ever land just after it.
		all := current == "B" || target == "B"
		k := &kill{}
		mode := rnd.IntN(3)
		switch mode {
		case 0, 1:
			from, to := 0.0, 1.0
			if mode == 1 {
				from, to = 0.9, 1.05
			}
			k.after = time.Duration((from + (to-from)*rnd.Float64()) * float64(window[all]))
		case 2:
			k.atSwap = public
		}
		r := runCongkhai(t, bin, site, k)
		got := txtartest.Snapshot(t, public)
		var outcome string
		switch {
		case maps.Equal(got, snaps[current]):
			outcome = "killed: the old site"
		case maps.Equal(got, snaps[target]):
			outcome = "killed: the new site"
		default:
			t.Fatalf("run %d (%s to %s, killed %+v): public/ is neither version:\n%s", i, current, target, *k, diffTrees(snaps[current], snaps[target], got))
		}
		if !r.killed {
			if r.err != nil {
				t.Fatalf("run %d: %v\n%s", i, r.err, r.stderr)
			}
			outcome = "finished before the kill"
			window[all] = r.end - r.firstWrite // the machine is slower or faster than it was
		}
		// A state file is written after the swap: if there is one, it
		// describes the new site.
		if _, err := os.Stat(filepath.Join(site, ".public.congkhai-state")); err == nil {
			if !maps.Equal(got, snaps[target]) {
				t.Fatalf("run %d: a state file is left, and public/ is the old site", i)
			}
			if r.killed {
				outcome = "killed: the new site and its state file"
			}
		}
		outcomes[[]string{"anywhere in the write stage", "in its last tenth", "at the swap"}[mode]+", "+outcome]++
		if maps.Equal(got, snaps[target]) {
			current = target
		}
		if r.killed && rnd.IntN(5) == 0 {
			// The next build, to the end, of the same input: it puts
			// right what the killed one left.
			checkCompleteBuild(t, bin, site, snaps, current, target, i)
			current = target
		} else if !r.killed {
			checkLeftBeside(t, site, snaps[current], nil, i)
		}
	}
	v.set(t, "B")
	checkCompleteBuild(t, bin, site, snaps, current, "B", *killRuns)
	for _, o := range slices.Sorted(maps.Keys(outcomes)) {
		t.Logf("%3d × %s", outcomes[o], o)
	}
}

// checkCompleteBuild builds version target of the site to the end, and
// checks that public/ is then that version, and what is beside it.
func checkCompleteBuild(t *testing.T, bin, site string, snaps map[string]map[string]string, current, target string, run int) {
	t.Helper()
	public := filepath.Join(site, "public")
	before := txtartest.Snapshot(t, public)
	r := runCongkhai(t, bin, site, nil)
	if r.err != nil {
		t.Fatalf("run %d, the complete build after it: %v\n%s", run, r.err, r.stderr)
	}
	if got := txtartest.Snapshot(t, public); !maps.Equal(got, snaps[target]) {
		t.Fatalf("run %d, the complete build after it: public/ is not version %s:\n%s", run, target, diffTrees(snaps[target], snaps[target], got))
	}
	checkLeftBeside(t, site, snaps[target], before, run)
}

// checkLeftBeside checks, after a complete build that made the site
// built, that nothing is left beside public/ but the state file and the
// spare folder, and that the spare folder is exactly the site the build
// replaced, if it replaced one.
func checkLeftBeside(t *testing.T, site string, built, replaced map[string]string, run int) {
	t.Helper()
	entries, err := os.ReadDir(site)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".public.") && e.Name() != ".public.congkhai-state" && e.Name() != ".public.spare" {
			t.Errorf("run %d: after a complete build, %s is left beside public/", run, e.Name())
		}
	}
	if replaced != nil && !maps.Equal(replaced, built) {
		if got := txtartest.Snapshot(t, filepath.Join(site, ".public.spare")); !maps.Equal(got, replaced) {
			t.Errorf("run %d: after a complete build, the spare folder is not the site it replaced:\n%s", run, diffTrees(replaced, replaced, got))
		}
	}
}

// versions writes the three versions of the site's input.
type versions struct {
	site    string
	toml    []byte // site.toml of A and C
	about   []byte // content/gioi-thieu.md of A and B
	newPage string // content/thong-bao.md, in C only
}

func newVersions(t *testing.T, site string) *versions {
	t.Helper()
	v := &versions{site: site, newPage: filepath.Join(site, "content", "thong-bao.md")}
	var err error
	if v.toml, err = os.ReadFile(filepath.Join(site, "site.toml")); err != nil {
		t.Fatal(err)
	}
	if v.about, err = os.ReadFile(filepath.Join(site, "content", "gioi-thieu.md")); err != nil {
		t.Fatal(err)
	}
	return v
}

func (v *versions) set(t *testing.T, name string) {
	t.Helper()
	toml, about := v.toml, v.about
	if name == "B" {
		toml = bytes.Replace(toml, []byte(`title = "`), []byte(`title = "Phiên bản B: `), 1)
	}
	if name == "C" {
		about = append(slices.Clip(about), "\nĐoạn mới của phiên bản C.\n"...)
	}
	write := func(name string, b []byte) {
		if err := os.WriteFile(name, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(v.site, "site.toml"), toml)
	write(filepath.Join(v.site, "content", "gioi-thieu.md"), about)
	if name == "C" {
		write(v.newPage, []byte("+++\ntitle = \"Thông báo\"\nupdated = 2026-10-01\n+++\nThông báo mới của phiên bản C.\n"))
	} else if err := os.Remove(v.newPage); err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}
}

// buildRun is one run of the congkhai command.
type buildRun struct {
	err        error
	stderr     string
	killed     bool
	firstWrite time.Duration // from the start to the first byte written; 0 if never seen
	end        time.Duration
}

// kill says when runCongkhai kills the build: a time after it first
// writes, or as soon as the folder atSwap is another one.
type kill struct {
	after  time.Duration
	atSwap string
}

// runCongkhai runs `congkhai build` on site, and kills it as k says.
func runCongkhai(t *testing.T, bin, site string, k *kill) buildRun {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "build", "--source", site)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	var swapped func() bool
	if k != nil && k.atSwap != "" {
		before, err := os.Stat(k.atSwap)
		if err != nil {
			t.Fatal(err)
		}
		swapped = func() bool {
			now, err := os.Stat(k.atSwap)
			return err == nil && !os.SameFile(before, now)
		}
	}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	var r buildRun
	var err error
	ioFile := fmt.Sprintf("/proc/%d/io", cmd.Process.Pid)
	var deadline <-chan time.Time
wait:
	for {
		select {
		case err = <-done:
			break wait
		case <-deadline:
			cmd.Process.Signal(syscall.SIGKILL)
			err = <-done
			break wait
		case <-time.After(200 * time.Microsecond):
		}
		if r.firstWrite == 0 && writtenBytes(ioFile) > 0 {
			r.firstWrite = time.Since(start)
			if k != nil && swapped == nil {
				deadline = time.After(k.after)
			}
		}
		if swapped != nil && swapped() {
			cmd.Process.Signal(syscall.SIGKILL)
			err = <-done
			break wait
		}
	}
	r.end = time.Since(start)
	r.stderr = stderr.String()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		if ws, ok := exit.Sys().(syscall.WaitStatus); ok && ws.Signaled() && ws.Signal() == syscall.SIGKILL {
			r.killed = true
			return r
		}
	}
	r.err = err
	return r
}

// writtenBytes is the wchar count of a /proc/<pid>/io file: the bytes the
// process has written so far (a build writes none before its write
// stage), or 0 once it has ended.
func writtenBytes(ioFile string) int64 {
	b, err := os.ReadFile(ioFile)
	if err != nil {
		return 0
	}
	for line := range strings.SplitSeq(string(b), "\n") {
		if n, ok := strings.CutPrefix(line, "wchar: "); ok {
			v, _ := strconv.ParseInt(n, 10, 64)
			return v
		}
	}
	return 0
}

// diffTrees lists, for a failure, the paths of got that match neither a
// nor b.
func diffTrees(a, b, got map[string]string) string {
	var lines []string
	for _, p := range slices.Sorted(maps.Keys(got)) {
		if got[p] != a[p] && got[p] != b[p] {
			lines = append(lines, "  "+p+" differs from both")
		}
	}
	for _, p := range slices.Sorted(maps.Keys(a)) {
		if _, ok := got[p]; !ok {
			lines = append(lines, "  "+p+" is missing")
		}
	}
	if len(lines) > 20 {
		lines = append(lines[:20], fmt.Sprintf("  … and %d more", len(lines)-20))
	}
	return strings.Join(lines, "\n")
}

// congkhaiBinary builds the congkhai command into a temporary folder.
func congkhaiBinary(t *testing.T) string {
	t.Helper()
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to build congkhai with")
	}
	bin := filepath.Join(t.TempDir(), "congkhai")
	cmd := exec.Command(gobin, "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}
