package livereload

import (
	"bytes"
	_ "embed"
	"html/template"
	"net/url"

	"github.com/congkhai/congkhai/internal/msg"
)

// reloadJS is the script every served page loads: it reloads the page on a
// reload event and shows the overlay on a problems event.
//
//go:embed reload.js
var reloadJS string

// overlayCSS styles the overlay, from a file so that a strict
// Content-Security-Policy allows it.
//
//go:embed overlay.css
var overlayCSS string

// overlayID is the id of the overlay element; reload.js uses the same.
const overlayID = "congkhai-problems"

// overlayHTML is what is added before </body>: the overlay when there are
// problems, rendered on the server so that it shows without JavaScript
// (<dialog open> with a method="dialog" form closes without it too), and the
// reload script, whose URL carries the version of the page.
const overlayHTML = `
{{- if .Problems}}
<link rel="stylesheet" id="{{.ID}}-style" href="{{.CSS}}">
<dialog open id="{{.ID}}" aria-labelledby="{{.ID}}-title">
<div role="alert">
<h2 id="{{.ID}}-title">{{.Title}}</h2>
<ul>
{{- range .Problems}}
<li>{{.String}}</li>
{{- end}}
</ul>
</div>
<form method="dialog"><button type="submit">{{.Close}}</button></form>
</dialog>
{{- end}}
<script src="{{.Script}}" data-title="{{.Title}}" data-close="{{.Close}}"></script>
`

func newOverlayTemplate() *template.Template {
	return template.Must(template.New("overlay").Parse(overlayHTML))
}

// inject adds the overlay and the reload script to an HTML page, before
// its last </body> tag, or at its end when it has none.
func (s *Server) inject(page []byte, st snapshot) []byte {
	var add bytes.Buffer
	script := url.URL{Path: s.base + prefix + "reload.js", RawQuery: url.Values{"v": {st.version}}.Encode()}
	css := url.URL{Path: s.base + prefix + "overlay.css"}
	err := s.overlay.Execute(&add, struct {
		ID          string
		CSS, Script string
		Problems    []Problem
		Title       string
		Close       string
	}{overlayID, css.String(), script.String(), st.problems,
		msg.T("Problems in the build").In(s.tr), msg.T("Close").In(s.tr)})
	if err != nil {
		// The template is fixed and its data plain strings: this cannot
		// happen, and serving the page as it is beats failing.
		return page
	}
	at := lastIndexFold(page, []byte("</body"))
	if at < 0 {
		at = len(page)
	}
	out := make([]byte, 0, len(page)+add.Len())
	out = append(out, page[:at]...)
	out = append(out, add.Bytes()...)
	return append(out, page[at:]...)
}

// lastIndexFold is bytes.LastIndex ignoring ASCII case.
func lastIndexFold(s, sep []byte) int {
	for i := len(s) - len(sep); i >= 0; i-- {
		if bytes.EqualFold(s[i:i+len(sep)], sep) {
			return i
		}
	}
	return -1
}
