package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/congkhai/congkhai/internal/corpus"
	"github.com/congkhai/congkhai/internal/txtartest"
)

// wait bounds every wait of these tests; a passing test never reaches it.
const wait = 60 * time.Second

// TestServeRemovesItsFolder runs the congkhai binary and stops it in every
// way a serve is stopped: it must leave nothing in its temporary folder.
// One that is killed leaves its private folder, which the next serve
// removes, and only that folder.
func TestServeRemovesItsFolder(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("signals are Unix signals")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to build congkhai with")
	}
	bin := filepath.Join(t.TempDir(), "congkhai")
	if out, err := exec.Command(goTool, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	const small = "testdata/serve-site.txtar"
	large := filepath.Join(t.TempDir(), "site")
	if err := corpus.Write(large, corpus.Options{Procedures: 300, Seed: 1}); err != nil {
		t.Fatal(err)
	}

	stops := []struct {
		name string
		site string
		stop func(t *testing.T, p *served)
	}{
		{"one Ctrl+C", small, func(t *testing.T, p *served) {
			p.serving(t)
			p.signal(t, syscall.SIGINT)
		}},
		{"two Ctrl+C", small, func(t *testing.T, p *served) {
			p.serving(t)
			p.ctrlCTwice(t)
		}},
		{"two Ctrl+C during the first build", large, func(t *testing.T, p *served) {
			p.folder(t) // created before the build starts
			p.ctrlCTwice(t)
		}},
		{"Ctrl+C while the first build writes", large, func(t *testing.T, p *served) {
			dir := p.folder(t)
			waitFor(t, "the staging folder", func() bool {
				m, _ := filepath.Glob(filepath.Join(dir, ".site.staging-*"))
				return len(m) > 0 || p.said("serving")
			})
			p.signal(t, syscall.SIGINT)
			if p.said("serving") {
				t.Log("the first build ended before its staging folder was seen")
			}
		}},
		{"SIGTERM", small, func(t *testing.T, p *served) {
			p.serving(t)
			p.signal(t, syscall.SIGTERM)
		}},
		{"SIGHUP (the terminal closes)", small, func(t *testing.T, p *served) {
			p.serving(t)
			p.signal(t, syscall.SIGHUP)
		}},
		{"the reader of its output ends", small, func(t *testing.T, p *served) {
			p.serving(t)
			_ = p.stderr.Close()
			// The rebuild's line finds nobody reading it.
			txtartest.WriteFile(t, filepath.Join(p.site, "content", "gioi-thieu.md"), []byte("+++\ntitle = \"Giới thiệu\"\n+++\nPhiên bản hai.\n"))
		}},
	}
	for _, tc := range stops {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			site := tc.site
			if site == small {
				site = txtartest.Unpack(t, small).Dir
			}
			tmp := t.TempDir()
			p := startServe(t, bin, site, tmp)
			tc.stop(t, p)
			p.exited(t)
			if left := list(t, tmp); len(left) > 0 {
				t.Errorf("left in the temporary folder: %q\n%s", left, p.log())
			}
		})
	}

	t.Run("killed, then started again", func(t *testing.T) {
		t.Parallel()
		site := txtartest.Unpack(t, small).Dir
		tmp := t.TempDir()
		first := startServe(t, bin, site, tmp)
		first.serving(t)
		killed := first.folder(t)
		first.signal(t, syscall.SIGKILL)
		first.exited(t)
		if _, err := os.Stat(filepath.Join(killed, markerFile)); err != nil {
			t.Fatalf("a killed serve removed its folder? %v", err)
		}
		dead := first.cmd.Process.Pid
		keep := []string{
			// not marked, or marked for another process: not serve's
			decoy(t, tmp, fmt.Sprintf("congkhai-serve-%d-unmarked", dead), ""),
			decoy(t, tmp, fmt.Sprintf("congkhai-serve-%d-other", dead), fmt.Sprintf("congkhai serve %d: the site it serves, removed when it stops\n", dead+1)),
			// a serve that still runs (this test)
			decoy(t, tmp, fmt.Sprintf("congkhai-serve-%d-running", os.Getpid()), fmt.Sprintf("congkhai serve %d: the site it serves, removed when it stops\n", os.Getpid())),
			decoy(t, tmp, "congkhai-serve-notapid-x", ""),
		}
		if err := os.Symlink(killed, filepath.Join(tmp, fmt.Sprintf("congkhai-serve-%d-link", dead))); err != nil {
			t.Fatal(err)
		}
		keep = append(keep, fmt.Sprintf("congkhai-serve-%d-link", dead))

		second := startServe(t, bin, site, tmp)
		second.serving(t)
		if !second.said("removed " + killed) {
			t.Errorf("the second serve does not say it removed the killed one's folder:\n%s", second.log())
		}
		mine := filepath.Base(second.folder(t))
		got := list(t, tmp)
		want := append(slices.Clone(keep), mine)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("after the second start: %q, want %q", got, want)
		}
		second.signal(t, syscall.SIGINT)
		second.exited(t)
		if got := list(t, tmp); !slices.Equal(got, sorted(keep)) {
			t.Errorf("after the second stop: %q, want %q", got, sorted(keep))
		}
	})
}

// markerFile is the marker serve writes in its private folder.
const markerFile = ".congkhai-serve"

// served is a congkhai serve process and the lines of its stderr.
type served struct {
	cmd    *exec.Cmd
	site   string
	tmp    string
	stderr io.ReadCloser
	lines  *lines
	done   chan struct{} // closed once the process has ended
}

func startServe(t *testing.T, bin, site, tmp string) *served {
	t.Helper()
	cmd := exec.Command(bin, "serve", "--source", site, "--port", "0")
	cmd.Env = append(os.Environ(), "TMPDIR="+tmp)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	p := &served{cmd: cmd, site: site, tmp: tmp, stderr: stderr, lines: &lines{}, done: make(chan struct{})}
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			p.lines.add(sc.Text())
		}
	}()
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		select {
		case <-p.done:
		case <-time.After(wait):
		}
	})
	go func() {
		_ = cmd.Wait()
		close(p.done)
	}()
	return p
}

func (p *served) log() string { return p.lines.String() }

func (p *served) said(s string) bool { return strings.Contains(p.log(), s) }

// serving waits until the site is served.
func (p *served) serving(t *testing.T) {
	t.Helper()
	waitFor(t, "serving", func() bool { return p.said("congkhai: serving") })
}

// folder waits for the private folder of the process and returns it.
func (p *served) folder(t *testing.T) string {
	t.Helper()
	pattern := filepath.Join(p.tmp, fmt.Sprintf("congkhai-serve-%d-*", p.cmd.Process.Pid))
	var dir string
	waitFor(t, "the private folder", func() bool {
		m, _ := filepath.Glob(pattern)
		if len(m) == 1 {
			if _, err := os.Stat(filepath.Join(m[0], markerFile)); err == nil {
				dir = m[0]
				return true
			}
		}
		return false
	})
	return dir
}

func (p *served) signal(t *testing.T, sig syscall.Signal) {
	t.Helper()
	if err := p.cmd.Process.Signal(sig); err != nil && !strings.Contains(err.Error(), "process already finished") {
		t.Fatal(err)
	}
}

// ctrlCTwice presses Ctrl+C, and again once the process said it is
// stopping (unless it is already gone).
func (p *served) ctrlCTwice(t *testing.T) {
	t.Helper()
	p.signal(t, syscall.SIGINT)
	waitFor(t, "stopping", func() bool {
		select {
		case <-p.done:
			return true
		default:
			return p.said("stopping")
		}
	})
	p.signal(t, syscall.SIGINT)
}

// exited waits for the process to end.
func (p *served) exited(t *testing.T) {
	t.Helper()
	select {
	case <-p.done:
	case <-time.After(wait):
		t.Fatalf("serve did not stop:\n%s", p.log())
	}
}

// lines collects the lines a process writes.
type lines struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lines) add(s string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.b.WriteString(s + "\n")
}

func (l *lines) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(wait)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("no %s within %v", what, wait)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// decoy makes a folder named name in dir, with a marker file holding
// marker unless it is empty, and returns its name.
func decoy(t *testing.T, dir, name, marker string) string {
	t.Helper()
	d := filepath.Join(dir, name)
	if err := os.Mkdir(d, 0o755); err != nil {
		t.Fatal(err)
	}
	if marker != "" {
		if err := os.WriteFile(filepath.Join(d, markerFile), []byte(marker), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return name
}

// list names what dir holds, sorted.
func list(t *testing.T, dir string) []string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range paths {
		paths[i] = filepath.Base(p)
	}
	return paths
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}
