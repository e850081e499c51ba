package frontmatter

import (
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name     string
		src      string
		fm, body string
		bodyLine int
		errLine  int
		errHas   string
	}{
		{name: "simple", src: "+++\ntitle = \"A\"\n+++\n# Hi\n", fm: "title = \"A\"\n", body: "# Hi\n", bodyLine: 4},
		{name: "crlf", src: "+++\r\ntitle = \"A\"\r\n+++\r\nbody", fm: "title = \"A\"\r\n", body: "body", bodyLine: 4},
		{name: "bom", src: "\xef\xbb\xbf+++\na = 1\n+++\n", fm: "a = 1\n", body: "", bodyLine: 4},
		{name: "empty front matter", src: "+++\n+++\ntext", fm: "", body: "text", bodyLine: 3},
		{name: "no body", src: "+++\na = 1\n+++", fm: "a = 1\n", body: "", bodyLine: 4},
		{name: "trailing spaces on fences", src: "+++  \na = 1\n+++ \nx", fm: "a = 1\n", body: "x", bodyLine: 4},
		{name: "plus lines inside body stay", src: "+++\na = 1\n+++\nx\n+++\n", fm: "a = 1\n", body: "x\n+++\n", bodyLine: 4},
		{name: "empty", src: "", errLine: 1, errHas: "empty"},
		{name: "blank", src: "  \n\n", errLine: 1, errHas: "empty"},
		{name: "yaml", src: "---\ntitle: A\n---\n", errLine: 1, errHas: "YAML"},
		{name: "no front matter", src: "# Title\n", errLine: 1, errHas: "must start with a +++"},
		{name: "unclosed", src: "+++\ntitle = \"A\"\n\nbody\n", errLine: 1, errHas: "never closed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Parse([]byte(tt.src))
			if tt.errHas != "" {
				e, ok := IsError(err)
				if !ok {
					t.Fatalf("err = %v, want a shape error", err)
				}
				if e.Line != tt.errLine || !strings.Contains(e.Msg.String(), tt.errHas) {
					t.Fatalf("err = %v, want line %d containing %q", err, tt.errLine, tt.errHas)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if string(s.FrontMatter) != tt.fm || string(s.Body) != tt.body || s.BodyLine != tt.bodyLine || s.FirstLine != 2 {
				t.Errorf("got fm=%q body=%q bodyLine=%d, want fm=%q body=%q bodyLine=%d",
					s.FrontMatter, s.Body, s.BodyLine, tt.fm, tt.body, tt.bodyLine)
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"+++\na = 1\n+++\nbody", "---\n", "", "+++", "+++\r\n+++\r\n", "\xef\xbb\xbf+++\n+++"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		s, err := Parse(src)
		if err != nil {
			if _, ok := IsError(err); !ok {
				t.Fatalf("error of unexpected type: %v", err)
			}
			return
		}
		if s.BodyLine < 3 || s.FirstLine != 2 {
			t.Fatalf("bad lines: %+v", s)
		}
		if len(s.FrontMatter)+len(s.Body) > len(src) {
			t.Fatal("parts longer than the input")
		}
	})
}
