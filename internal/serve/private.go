package serve

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// A serve builds into a private folder in the temporary folder, named
// congkhai-serve-<pid>-<random> and holding a marker file that names the
// same process. A serve that stops removes its folder; one that cannot (it
// was killed, or crashed) leaves it, and the next serve removes it: a
// marked folder, of this user, whose process no longer runs.
const (
	privatePrefix = "congkhai-serve-"
	markerName    = ".congkhai-serve"
)

// marker is the content of the marker file of the serve with pid.
func marker(pid int) string {
	return fmt.Sprintf("congkhai serve %d: the site it serves, removed when it stops\n", pid)
}

// newPrivateFolder creates the private folder of this process in tmpdir.
func newPrivateFolder(tmpdir string) (string, error) {
	pid := os.Getpid()
	dir, err := os.MkdirTemp(tmpdir, privatePrefix+strconv.Itoa(pid)+"-")
	if err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(dir, markerName), []byte(marker(pid)), 0o644); err != nil {
		os.RemoveAll(dir)
		return "", err
	}
	return dir, nil
}

// removeStale removes the private folders in tmpdir of the serves that no
// longer run and returns them. Anything else is left alone: a folder
// without the marker, or whose marker names another process than its name,
// or that belongs to another user.
func removeStale(tmpdir string) (removed []string) {
	entries, err := os.ReadDir(tmpdir)
	if err != nil {
		return nil
	}
	for _, e := range entries {
		pid, ok := pidOf(e.Name())
		if !ok || pid == os.Getpid() || running(pid) {
			continue
		}
		dir := filepath.Join(tmpdir, e.Name())
		if marked(dir, pid) && os.RemoveAll(dir) == nil {
			removed = append(removed, dir)
		}
	}
	return removed
}

// pidOf is the process a private folder's name names.
func pidOf(name string) (int, bool) {
	rest, ok := strings.CutPrefix(name, privatePrefix)
	if !ok {
		return 0, false
	}
	digits, _, ok := strings.Cut(rest, "-")
	pid, err := strconv.Atoi(digits)
	return pid, ok && err == nil && pid > 0
}

// marked reports whether dir is a folder (not a link to one) of this user
// that holds the marker of the serve with pid, as a plain file.
func marked(dir string, pid int) bool {
	info, err := os.Lstat(dir)
	if err != nil || !info.IsDir() || !mine(info) {
		return false
	}
	m := filepath.Join(dir, markerName)
	if info, err := os.Lstat(m); err != nil || !info.Mode().IsRegular() {
		return false
	}
	b, err := os.ReadFile(m)
	return err == nil && string(b) == marker(pid)
}
