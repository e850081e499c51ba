package static

import (
	"bytes"
	"testing"
)

func TestStripCSSComments(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"none", "a { color: red; }\n", "a { color: red; }\n"},
		{"lines of their own", "/* theme */\n:root {\n  /* brand */\n  --brand: #a4161a;\n}\n", ":root {\n  --brand: #a4161a;\n}\n"},
		{"several lines", "/* one\n   two */\nb {}\n", "b {}\n"},
		{"after a rule", "a {} /* note */\nb {}\n", "a {} \nb {}\n"},
		{"inside a rule", "a { color: /* why */ red; }", "a { color:  red; }"},
		{"between two tokens", "a/**/b { }", "a b { }"},
		{"beside a bracket", "a{/**/color:red}", "a{color:red}"},
		{"licence", "/*! Licence */\na {}\n", "/*! Licence */\na {}\n"},
		{"in a string", `a::before { content: "/* not */"; }`, `a::before { content: "/* not */"; }`},
		{"escaped quote", `a { content: "\" /* x */"; } /* y */`, `a { content: "\" /* x */"; } `},
		{"single quotes", `a { content: '/* x */'; }`, `a { content: '/* x */'; }`},
		{"unquoted url", "a { background: url(/img/*x*/y.png); }", "a { background: url(/img/*x*/y.png); }"},
		{"quoted url", `a { background: url("/x.png") /* y */; }`, `a { background: url("/x.png") ; }`},
		{"not closed", "a {} /* open", "a {} "},
		{"empty", "", ""},
		{"no new comment", "//**/*x*/", "/ *x*/"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := string(stripCSSComments([]byte(tc.in))); got != tc.want {
				t.Errorf("stripCSSComments(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// FuzzStripCSSComments: any style sheet (a site's own assets/ included)
// comes out without panic, with nothing more to strip, and unchanged when
// it has no comment to strip.
func FuzzStripCSSComments(f *testing.F) {
	for _, s := range []string{"a{}/* x */", `"/*"`, "url(/*)", "/*! k */", "/*", "a/**/b"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, css []byte) {
		once := stripCSSComments(css)
		if twice := stripCSSComments(once); !bytes.Equal(once, twice) {
			t.Errorf("stripping %q twice: %q, then %q", css, once, twice)
		}
		if !bytes.Contains(css, []byte("/*")) && !bytes.Equal(once, css) {
			t.Errorf("no comment in %q, but it became %q", css, once)
		}
	})
}
