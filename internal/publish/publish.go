// Package publish writes a build into a staging folder beside the
// destination and swaps it into place only when the whole build succeeded,
// so that a failed build leaves the previous output exactly as it was.
package publish

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// Output is a build in progress.
type Output struct {
	dest    string // absolute destination folder
	staging string // absolute staging folder, same parent as dest
}

// CheckDestination refuses destinations where a build would destroy what
// it reads or what it does not own: the site folder itself, a folder that
// contains it, a folder inside one of its input folders, a file, or a
// non-empty folder that is not a previous build.
func CheckDestination(dest, source string, inputs []string) error {
	d, err := realPath(dest)
	if err != nil {
		return err
	}
	s, err := realPath(source)
	if err != nil {
		return err
	}
	if d == s {
		return fmt.Errorf("destination %s is the site folder itself; choose a folder such as %s", dest, filepath.Join(source, "public"))
	}
	if within(s, d) {
		return fmt.Errorf("destination %s contains the site folder %s; a build replaces its destination, so choose a folder inside the site such as public", dest, source)
	}
	for _, in := range inputs {
		in, err := realPath(filepath.Join(source, in))
		if err != nil {
			return err
		}
		if d == in || within(d, in) {
			return fmt.Errorf("destination %s is inside the input folder %s; choose a folder such as %s", dest, in, filepath.Join(source, "public"))
		}
	}
	info, err := os.Stat(d)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil
	case err != nil:
		return err
	case !info.IsDir():
		return fmt.Errorf("destination %s is a file, not a folder", dest)
	}
	entries, err := os.ReadDir(d)
	if err != nil {
		return err
	}
	if len(entries) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(d, "index.html")); err != nil {
		return fmt.Errorf("destination %s is not empty and holds no index.html, so it does not look like a previous build; a build replaces its destination, so empty it or choose another folder", dest)
	}
	return nil
}

// realPath returns the absolute path of p with symbolic links resolved as
// far as p exists.
func realPath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	rest := ""
	for cur := abs; ; {
		if r, err := filepath.EvalSymlinks(cur); err == nil {
			return filepath.Join(r, rest), nil
		}
		parent := filepath.Dir(cur)
		if parent == cur {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(cur), rest)
		cur = parent
	}
}

// within reports whether p is strictly inside dir.
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != "." && !strings.HasPrefix(rel, "..")
}

// Begin creates the staging folder for dest. Call CheckDestination first.
func Begin(dest string) (*Output, error) {
	d, err := realPath(dest)
	if err != nil {
		return nil, err
	}
	parent := filepath.Dir(d)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	staging, err := os.MkdirTemp(parent, "."+filepath.Base(d)+".staging-")
	if err != nil {
		return nil, fmt.Errorf("creating a staging folder beside %s: %w", dest, err)
	}
	if err := os.Chmod(staging, 0o755); err != nil {
		os.RemoveAll(staging)
		return nil, err
	}
	return &Output{dest: d, staging: staging}, nil
}

// file returns the staging path of a site file such as thu-tuc/x/index.html.
func (o *Output) file(sitePath string) (string, error) {
	clean := path.Clean("/" + sitePath)
	if clean == "/" || clean != "/"+strings.TrimPrefix(sitePath, "/") {
		return "", fmt.Errorf("invalid output path %q", sitePath)
	}
	return filepath.Join(o.staging, filepath.FromSlash(clean[1:])), nil
}

// WriteFile writes one output file. It is safe for concurrent use.
func (o *Output) WriteFile(sitePath string, data []byte) error {
	f, err := o.file(sitePath)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
		return err
	}
	return os.WriteFile(f, data, 0o644)
}

// CopyFile copies the file at src to sitePath.
func (o *Output) CopyFile(sitePath, src string) error {
	f, err := o.file(sitePath)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
		return err
	}
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(f, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// Commit puts the staging folder in place of the destination. The old
// destination is moved aside first and only removed once the new one is
// in place; if the swap fails, it is put back.
func (o *Output) Commit() error {
	var tmp, old string
	if _, err := os.Lstat(o.dest); err == nil {
		tmp, err = os.MkdirTemp(filepath.Dir(o.dest), "."+filepath.Base(o.dest)+".old-")
		if err != nil {
			return err
		}
		old = filepath.Join(tmp, "site")
		if err := os.Rename(o.dest, old); err != nil {
			os.Remove(tmp)
			return fmt.Errorf("moving the previous output aside: %w", err)
		}
	}
	if err := os.Rename(o.staging, o.dest); err != nil {
		if old != "" {
			if back := os.Rename(old, o.dest); back != nil {
				return fmt.Errorf("putting the new output in place: %w; the previous output is at %s", err, old)
			}
			os.Remove(tmp)
		}
		return fmt.Errorf("putting the new output in place: %w", err)
	}
	if tmp != "" {
		return os.RemoveAll(tmp)
	}
	return nil
}

// Abort removes the staging folder; the destination is untouched.
func (o *Output) Abort() { os.RemoveAll(o.staging) }

// Dir is the staging folder, for tests and for reading back what was written.
func (o *Output) Dir() string { return o.staging }
