package main

import (
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"

	"github.com/congkhai/congkhai/internal/corpus"
	"github.com/congkhai/congkhai/internal/txtartest"
)

// testReadOnlyDestination builds into public/ while the folder that holds
// it is read-only (mode 0555), for a first rebuild (the staging folder
// cannot be made) and for one with a spare folder (everything is written,
// and the swap is refused): the build fails with status 1, says which
// folder and why in plain words, and public/ is exactly as it was.
//
// Root may write into a read-only folder, so as root the builds run as the
// user nobody; where that is not possible either, the test is skipped.
func testReadOnlyDestination(t *testing.T, bin string) {
	if runtime.GOOS == "windows" {
		t.Skip("no folder modes on Windows")
	}
	dir := t.TempDir()
	site := filepath.Join(dir, "site")
	if err := corpus.Write(site, corpus.Options{Procedures: 20, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	var cred *syscall.Credential
	if os.Geteuid() == 0 {
		const nobody = 65534
		cred = &syscall.Credential{Uid: nobody, Gid: nobody}
		// nobody must reach the site and the command, and own the site.
		// Read and search for everyone, keeping every other bit: one of
		// these folders may be /tmp itself, which must stay writable by
		// all, and sticky.
		for _, d := range []string{dir, filepath.Dir(dir), filepath.Dir(filepath.Dir(dir)), filepath.Dir(bin), filepath.Dir(filepath.Dir(bin))} {
			if info, err := os.Stat(d); err == nil {
				os.Chmod(d, info.Mode()&(os.ModePerm|os.ModeSticky|os.ModeSetgid)|0o055)
			}
		}
		err := filepath.Walk(site, func(p string, _ os.FileInfo, err error) error {
			if err != nil {
				return err
			}
			return os.Lchown(p, nobody, nobody)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	congkhai := func(args ...string) (string, error) {
		cmd := exec.Command(bin, append([]string{"build", "--source", site, "--lang", "en"}, args...)...)
		if cred != nil {
			cmd.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
		}
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	toml := filepath.Join(site, "site.toml")
	original, err := os.ReadFile(toml)
	if err != nil {
		t.Fatal(err)
	}
	retitle := func(title string) {
		t.Helper()
		text := strings.Replace(string(original), `title = "`, `title = "`+title, 1)
		if err := os.WriteFile(toml, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	public := filepath.Join(site, "public")

	for _, tt := range []struct {
		name, stage, want string
	}{
		{"first rebuild", "", "creating the staging folder " + filepath.Join(site, ".public.spare") + ": this user may not write there (permission denied)"},
		{"with a spare folder", "Lần 2: ", "swapping the new site " + filepath.Join(site, ".public.spare") + " with " + public + ": this user may not write there (permission denied)"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			retitle(tt.stage)
			if out, err := congkhai(); err != nil {
				t.Fatalf("building: %v\n%s", err, out)
			}
			before := txtartest.Snapshot(t, public)
			retitle("Mới: ")
			if err := os.Chmod(site, 0o555); err != nil {
				t.Fatal(err)
			}
			defer os.Chmod(site, 0o755)
			out, err := congkhai()
			if err == nil {
				if cred == nil && os.Geteuid() != 0 {
					t.Skip("this user may write into a folder of mode 0555 (a capability?)")
				}
				t.Fatalf("the build into a read-only folder succeeded:\n%s", out)
			}
			if exit, ok := err.(*exec.ExitError); !ok || exit.ExitCode() != 1 {
				t.Errorf("exit: %v, want status 1", err)
			}
			if want := "congkhai: build failed: " + tt.want + "; " + public + " was not changed\n"; !strings.HasSuffix(out, want) {
				t.Errorf("output:\n%s\nwant it to end with:\n%s", out, want)
			}
			if got := txtartest.Snapshot(t, public); !maps.Equal(got, before) {
				t.Errorf("public/ changed:\n%s", diffTrees(before, before, got))
			}
		})
	}
}
