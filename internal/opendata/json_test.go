package opendata

import (
	"encoding/json"
	"strings"
	"testing"
)

// marshalled is s as encoding/json writes it, which appendString must
// match byte for byte: the exports and the pages' JSON-LD were written by
// encoding/json before, and readers may compare them.
func marshalled(t testing.TB, s string) string {
	t.Helper()
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestAppendString: quotes, backslashes and control characters escaped,
// <, > and & as \u003c, \u003e and \u0026, U+2028 and U+2029 escaped,
// each byte of invalid UTF-8 as \ufffd, the rest as it is: as
// encoding/json does.
func TestAppendString(t *testing.T) {
	for _, s := range []string{
		"",
		"Thủ tục đăng ký khai sinh",
		`say "hi"`,
		`C:\path\`,
		"tab\tnew\nline\rreturn",
		"\x00\x01\x1f\x7f",
		"\b\f",
		"</script><b>&amp;",
		"a\u2028b\u2029c",
		"\u2027\u202a",
		"\xff",
		"bad \xe1\xba end",
		"\xe1\xba",
		"\xc0\xaf",
		"\xed\xa0\x80", // a surrogate, not UTF-8
		"\xf4\x90\x80\x80",
		"😀 emoji",
		"\uFEFFbom",
		strings.Repeat("x<", 40),
	} {
		if got, want := string(appendString(nil, s)), marshalled(t, s); got != want {
			t.Errorf("%q: got %s, want %s", s, got, want)
		}
	}
}

// TestJoined: a text written in parts is the text made whole and
// written, even when a part ends or begins with a broken UTF-8 sequence
// that the next or the one before completes.
func TestJoined(t *testing.T) {
	for _, parts := range [][]string{
		{"https://x.gov.vn/thu-tuc/khai-sinh/", "#thu-tuc"},
		{"Lệ phí", " – ", "Trực tiếp"},
		{"bad \xe1\xba", " – ", "\xba\xa1 too"},
		{"<", " – ", ">"},
		{"", " – ", ""},
		{"\xe1", "#thu-tuc"},
		{"\xe1\xba", "\xa1"}, // ạ, in two parts
		{"\xe1", "\xba", "\xa1"},
		{"Thời hạn: ", "\xff", ""},
	} {
		var w jsonWriter
		w.joined(parts...)
		if got, want := string(w.b), marshalled(t, strings.Join(parts, "")); got != want {
			t.Errorf("%q: got %s, want %s", parts, got, want)
		}
	}
}

// TestJSONWriter: the commas go between members and items, at every
// level, and none after an opening bracket.
func TestJSONWriter(t *testing.T) {
	var w jsonWriter
	w.beginObject()
	w.text("a", "1")
	w.key("b")
	w.beginList()
	w.beginObject()
	w.endObject()
	w.beginObject()
	w.key("n")
	w.int(-2)
	w.endObject()
	w.beginList()
	w.endList()
	w.string("s")
	w.endList()
	w.key("c")
	w.beginObject()
	w.text("d", "<")
	w.endObject()
	if err := w.value(Object{{"e", true}, {"skipped", nil}, {"f", []string{"x"}}}); err != nil {
		t.Fatal(err)
	}
	w.endObject()
	// The Object is a value in the writer's object, as a member without
	// key would be: this checks the commas, not the shape.
	want := `{"a":"1","b":[{},{"n":-2},[],"s"],"c":{"d":"\u003c"},{"e":true,"f":["x"]}}`
	if string(w.b) != want {
		t.Errorf("got  %s\nwant %s", w.b, want)
	}
}

// FuzzJSONString: appendString writes any text as encoding/json does, and
// a text written in parts as the text whole.
func FuzzJSONString(f *testing.F) {
	for _, s := range []string{"", "a\"b\\c", "\x00\u2028\u2029<>&", "\xe1\xba", "Thủ tục", "\xff\xfe"} {
		f.Add(s, s)
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if got, want := string(appendString(nil, a)), marshalled(t, a); got != want {
			t.Fatalf("%q: got %s, want %s", a, got, want)
		}
		var w jsonWriter
		w.joined(a, " – ", b, a)
		if got, want := string(w.b), marshalled(t, a+" – "+b+a); got != want {
			t.Fatalf("%q, %q: got %s, want %s", a, b, got, want)
		}
	})
}
