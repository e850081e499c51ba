package render

import "testing"

func TestDedent(t *testing.T) {
	for src, want := range map[string]string{
		"<ul>\n  <li>a</li>\n\t<li>b</li>\n</ul>\n":    "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n",
		"<pre>\n  code\n    more\n</pre>\n  <p>x</p>":  "<pre>\n  code\n    more\n</pre>\n<p>x</p>",
		"  <textarea>\n  a\n</textarea>\n  b":          "<textarea>\n  a\n</textarea>\nb",
		"{{if .X}}\n    <p>{{.X}}</p>\n{{end}}":        "{{if .X}}\n<p>{{.X}}</p>\n{{end}}",
		"no newline":                                   "no newline",
		"<textarea></textarea><pre>\n  x\n</pre>\n  y": "<textarea></textarea><pre>\n  x\n</pre>\ny",
		"<prefix-el>\n  a\n":                           "<prefix-el>\na\n",
	} {
		if got := dedent(src); got != want {
			t.Errorf("dedent(%q) = %q, want %q", src, got, want)
		}
	}
}
