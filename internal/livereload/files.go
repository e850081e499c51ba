package livereload

import (
	"io"
	"io/fs"
	"mime"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// serveSite serves the file at rest, the URL path below the base path
// (decoded: %2e%2e is .. and %2f a slash, which path.Clean then resolves
// inside the folder): a folder's index.html for a folder, 404.html when
// there is nothing.
func (s *Server) serveSite(w http.ResponseWriter, r *http.Request, rest string) {
	st := s.snapshot()
	if st.root == "" {
		s.serveNoSite(w, r, st)
		return
	}
	if strings.ContainsAny(rest, "\\\x00") {
		// No file of a site has either in its name; on Windows a
		// backslash would separate folders.
		s.notFound(w, r, st, "")
		return
	}
	name := strings.TrimPrefix(path.Clean("/"+rest), "/")
	if name == "" {
		name = "."
	}
	trailing := strings.HasSuffix(r.URL.Path, "/")
	f, info, err := open(st.root, name)
	if err == nil && info.IsDir() {
		_ = f.Close()
		if !trailing {
			// /thu-tuc → /thu-tuc/, so that relative links resolve.
			s.redirectToFolder(w, r, st, name)
			return
		}
		name = path.Join(name, "index.html")
		f, info, err = open(st.root, name)
	} else if err == nil && trailing {
		_ = f.Close()
		err = fs.ErrNotExist // a file asked for as a folder
	}
	if err != nil {
		s.notFound(w, r, st, name)
		return
	}
	defer func() { _ = f.Close() }()
	if !info.Mode().IsRegular() {
		s.notFound(w, r, st, name)
		return
	}
	s.send(w, r, st, f, name, http.StatusOK)
}

// redirectToFolder sends a request for the folder name without its final
// slash to the address with it, when the folder has an index.html.
func (s *Server) redirectToFolder(w http.ResponseWriter, r *http.Request, st snapshot, name string) {
	index, _, err := open(st.root, path.Join(name, "index.html"))
	if err != nil {
		s.notFound(w, r, st, name)
		return
	}
	_ = index.Close()
	target := url.URL{Path: s.base + name + "/", RawQuery: r.URL.RawQuery}
	http.Redirect(w, r, target.String(), http.StatusFound)
}

// open opens name (slash-separated) inside root, never outside it even
// through a symbolic link, and returns it with its information.
func open(root, name string) (*os.File, fs.FileInfo, error) {
	f, err := os.OpenInRoot(root, filepath.FromSlash(name))
	if err != nil {
		return nil, nil, err
	}
	info, err := f.Stat()
	if err != nil {
		_ = f.Close()
		return nil, nil, err
	}
	return f, info, nil
}

// notFound serves, with status 404, the site's 404.html nearest to name,
// the file asked for (slash-separated, in the site): an edition's
// (en/404.html) for a name under en/, the root's for the rest, as hosts
// that look in each folder up to the root do; or a plain message when
// the site has none.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request, st snapshot, name string) {
	for _, page := range NotFoundPages(name) {
		if st.root == "" {
			break
		}
		if f, info, err := open(st.root, page); err == nil {
			if info.Mode().IsRegular() {
				defer func() { _ = f.Close() }()
				s.send(w, r, st, f, "404.html", http.StatusNotFound)
				return
			}
			_ = f.Close()
		}
	}
	http.Error(w, "404 page not found", http.StatusNotFound)
}

// NotFoundPages are the 404.html files that a host which looks in each
// folder up to the root serves for the missing file name (slash-separated,
// in the site), nearest first: en/404.html then 404.html for en/x/.
func NotFoundPages(name string) []string {
	var pages []string
	for dir := path.Dir(path.Clean("/" + name)); ; dir = path.Dir(dir) {
		pages = append(pages, strings.TrimPrefix(path.Join(dir, "404.html"), "/"))
		if dir == "/" {
			return pages
		}
	}
}

// send writes one file with status. HTML is read whole to add the overlay
// and the reload script; other files go through http.ServeContent, which
// handles ranges.
func (s *Server) send(w http.ResponseWriter, r *http.Request, st snapshot, f *os.File, name string, status int) {
	ctype := contentType(name)
	if strings.HasPrefix(ctype, "text/html") {
		page, err := io.ReadAll(f)
		if err != nil {
			http.Error(w, "cannot read "+name, http.StatusInternalServerError)
			return
		}
		s.writeHTML(w, r, st, page, status)
		return
	}
	if ctype != "" {
		w.Header().Set("Content-Type", ctype)
	}
	w.Header().Set("X-Content-Type-Options", "nosniff")
	// No modification time: the folder is replaced by every rebuild, so
	// times say nothing, and no-store makes validators useless anyway.
	http.ServeContent(w, r, name, time.Time{}, f)
}

// writeHTML adds the overlay and the script to page and writes it.
func (s *Server) writeHTML(w http.ResponseWriter, r *http.Request, st snapshot, page []byte, status int) {
	page = s.inject(page, st)
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(len(page)))
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		_, _ = w.Write(page)
	}
}

// serveNoSite answers every site request before the first good build: a
// page that says so, shows the problems, and reloads when a build succeeds.
func (s *Server) serveNoSite(w http.ResponseWriter, r *http.Request, st snapshot) {
	const page = `<!doctype html>
<html lang="vi">
<meta charset="utf-8">
<title>Chưa dựng được trang</title>
<body>
<p>congkhai serve chưa dựng được trang lần nào. Trang này sẽ tự tải lại khi dựng xong.</p>
</body>
</html>
`
	s.writeHTML(w, r, st, []byte(page), http.StatusServiceUnavailable)
}

// serveAsset serves one of the handler's own files.
func serveAsset(w http.ResponseWriter, r *http.Request, ctype, body string) {
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	http.ServeContent(w, r, "", time.Time{}, strings.NewReader(body))
}

// contentType names the media type of a file from its extension: the types
// a portal publishes first (so that they do not depend on the machine's
// mime tables), then the system's, else "" to let the content decide.
func contentType(name string) string {
	ext := strings.ToLower(path.Ext(name))
	switch ext {
	case ".html", ".htm":
		return "text/html; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".js", ".mjs":
		return "text/javascript; charset=utf-8"
	case ".json":
		return "application/json"
	case ".webmanifest":
		return "application/manifest+json"
	case ".xml":
		return "application/xml; charset=utf-8"
	case ".txt":
		return "text/plain; charset=utf-8"
	case ".csv":
		return "text/csv; charset=utf-8"
	case ".svg":
		return "image/svg+xml"
	case ".png":
		return "image/png"
	case ".jpg", ".jpeg":
		return "image/jpeg"
	case ".gif":
		return "image/gif"
	case ".webp":
		return "image/webp"
	case ".avif":
		return "image/avif"
	case ".ico":
		return "image/vnd.microsoft.icon"
	case ".woff2":
		return "font/woff2"
	case ".woff":
		return "font/woff"
	case ".pdf":
		return "application/pdf"
	case ".doc":
		return "application/msword"
	case ".docx":
		return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	case ".xls":
		return "application/vnd.ms-excel"
	case ".xlsx":
		return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	case ".odt":
		return "application/vnd.oasis.opendocument.text"
	case ".ods":
		return "application/vnd.oasis.opendocument.spreadsheet"
	case ".zip":
		return "application/zip"
	}
	return mime.TypeByExtension(ext)
}
