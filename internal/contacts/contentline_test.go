package contacts

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/congkhai/congkhai/internal/problem"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// golden compares got with testdata/golden/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (run go test -update after checking the change):\n%s", name, got)
	}
}

// exampleDirectory loads testdata/danh-ba.toml.
func exampleDirectory(t testing.TB) *Directory {
	t.Helper()
	src, err := os.ReadFile("testdata/danh-ba.toml")
	if err != nil {
		t.Fatal(err)
	}
	var l problem.List
	d := Parse(FileName, src, &l)
	if d == nil {
		t.Fatalf("example: %v", l.Err())
	}
	return d
}

// property is one unfolded content line.
type property struct {
	name   string // with parameters, such as DTSTART;TZID=Asia/Ho_Chi_Minh
	value  string
	parent string // the component it is in, such as VEVENT
}

// parseContentLines checks the physical form every iCalendar and vCard
// file must have (CRLF line ends, lines of at most 75 octets, folding that
// keeps UTF-8 whole, BEGIN and END in pairs) and returns the unfolded
// properties.
func parseContentLines(t *testing.T, data []byte) []property {
	t.Helper()
	s := string(data)
	if !strings.HasSuffix(s, "\r\n") {
		t.Fatalf("does not end in CRLF")
	}
	physical := strings.Split(strings.TrimSuffix(s, "\r\n"), "\r\n")
	var logical []string
	for i, l := range physical {
		if strings.ContainsAny(l, "\r\n") {
			t.Fatalf("line %d has a bare CR or LF: %q", i+1, l)
		}
		if len(l) > 75 {
			t.Fatalf("line %d has %d octets: %q", i+1, len(l), l)
		}
		if !utf8.ValidString(l) {
			t.Fatalf("line %d splits a UTF-8 sequence: %q", i+1, l)
		}
		if l == "" {
			t.Fatalf("line %d is empty", i+1)
		}
		if l[0] == ' ' || l[0] == '\t' {
			if len(logical) == 0 {
				t.Fatalf("line %d continues nothing", i+1)
			}
			logical[len(logical)-1] += l[1:]
			continue
		}
		logical = append(logical, l)
	}
	var props []property
	var stack []string
	for _, l := range logical {
		name, value, ok := strings.Cut(l, ":")
		if !ok || name == "" {
			t.Fatalf("not a content line: %q", l)
		}
		switch name {
		case "BEGIN":
			stack = append(stack, value)
			continue
		case "END":
			if len(stack) == 0 || stack[len(stack)-1] != value {
				t.Fatalf("END:%s does not close %v", value, stack)
			}
			stack = stack[:len(stack)-1]
			continue
		}
		if len(stack) == 0 {
			t.Fatalf("%q outside any component", l)
		}
		props = append(props, property{name: name, value: value, parent: stack[len(stack)-1]})
	}
	if len(stack) != 0 {
		t.Fatalf("unclosed %v", stack)
	}
	return props
}

// unescape reverses escapeText.
func unescape(s string) string {
	r := strings.NewReplacer(`\\`, `\`, `\;`, ";", `\,`, ",", `\n`, "\n", `\N`, "\n")
	return r.Replace(s)
}

func TestFolding(t *testing.T) {
	for _, text := range []string{
		strings.Repeat("ệ", 80),        // 3-byte letters across every fold
		"a" + strings.Repeat("ệ", 80),  // shifted by one octet
		"ab" + strings.Repeat("ệ", 80), // and by two
		strings.Repeat("x", 74),        // exactly 75 with "N:"... not folded
		strings.Repeat("𝄞", 40),        // 4-byte runes
		"Trụ sở tiếp công dân phường Thủ Dầu Một, 01 Đường Quang Trung, Thành phố Hồ Chí Minh",
	} {
		var c contentLines
		c.prop("X", escapeText(text))
		props := parseContentLines(t, []byte("BEGIN:T\r\n"+c.String()+"END:T\r\n"))
		if len(props) != 1 || unescape(props[0].value) != text {
			t.Errorf("fold and unfold of %q gave %q", text, props)
		}
	}
	var c contentLines
	c.prop("SUMMARY", strings.Repeat("x", 75-len("SUMMARY:")))
	if strings.Count(c.String(), "\r\n") != 1 {
		t.Errorf("a line of exactly 75 octets was folded: %q", c.String())
	}
	c = contentLines{}
	c.prop("SUMMARY", strings.Repeat("x", 76-len("SUMMARY:")))
	if strings.Count(c.String(), "\r\n") != 2 {
		t.Errorf("a line of 76 octets was not folded: %q", c.String())
	}
}

func TestEscape(t *testing.T) {
	tests := []struct{ in, text, vcard string }{
		{"Họp; bàn, tiếp", `Họp\; bàn\, tiếp`, `Họp; bàn\, tiếp`},
		{`C:\đường`, `C:\\đường`, `C:\\đường`},
		{"dòng 1\ndòng 2\r\ndòng 3\rdòng 4", `dòng 1\ndòng 2\ndòng 3\ndòng 4`, `dòng 1\ndòng 2\ndòng 3\ndòng 4`},
		{"tab\there\x00\x07\x7f", "tab\there", "tab\there"},
		{"bad \xff byte", "bad \uFFFD byte", "bad \uFFFD byte"},
	}
	for _, tc := range tests {
		if got := escapeText(tc.in); got != tc.text {
			t.Errorf("escapeText(%q) = %q, want %q", tc.in, got, tc.text)
		}
		if got := escapeVCardText(tc.in); got != tc.vcard {
			t.Errorf("escapeVCardText(%q) = %q, want %q", tc.in, got, tc.vcard)
		}
	}
}
