package msg

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// table is a Translator for the tests.
type table map[string]string

func (t table) Translate(key string) string { return t[key] }

var vi = table{
	"required when %s > 0":          "bắt buộc khi %s > 0",
	"%q is not %s: use one of %s":   "%[1]q không phải là %[2]s: hãy dùng một trong %[3]s",
	"a channel":                     "một kênh",
	"line %d: %w":                   "dòng %d: %v",
	"%d of %d rows":                 "%[2]d dòng, %[1]d dòng có lỗi",
	"cannot open %s: %v":            "không mở được %s: %v",
	"no such file or folder":        "không có tệp hoặc thư mục này",
	"%.1f %% of dossiers were late": "%.1f %% hồ sơ trễ hạn",
}

func TestIn(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "x.md")
	_, openErr := os.Open(missing)
	tests := []struct {
		name        string
		text        Text
		english, vi string
	}{
		{"plain", T("required when %s > 0", "amount_vnd"), "required when amount_vnd > 0", "bắt buộc khi amount_vnd > 0"},
		{"untranslated", T("%s is odd", "x"), "x is odd", "x is odd"},
		{"nested and reordered", T("%q is not %s: use one of %s", "đi", T("a channel"), `"online", "post"`),
			`"đi" is not a channel: use one of "online", "post"`, `"đi" không phải là một kênh: hãy dùng một trong "online", "post"`},
		{"untranslated around translated", T("%s: %v", "f.md", Errorf("required when %s > 0", "a")),
			"f.md: required when a > 0", "f.md: bắt buộc khi a > 0"},
		{"reordered numbers", T("%d of %d rows", 3, 10), "3 of 10 rows", "10 dòng, 3 dòng có lỗi"},
		{"percent", T("%.1f %% of dossiers were late", 12.25), "12.2 % of dossiers were late", "12.2 % hồ sơ trễ hạn"},
		{"system error", Errorf("line %d: %w", 4, openErr).(*Error).Text(), fmt.Sprintf("line 4: open %s: no such file or directory", missing),
			fmt.Sprintf("dòng 4: không mở được %s: không có tệp hoặc thư mục này", missing)},
		{"plain words", Plain("100% sure"), "100% sure", "100% sure"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.text.String(); got != tt.english {
				t.Errorf("String() = %q, want %q", got, tt.english)
			}
			if got := tt.text.In(nil); got != tt.english {
				t.Errorf("In(nil) = %q, want %q", got, tt.english)
			}
			if got := tt.text.In(table{}); got != tt.english {
				t.Errorf("In(empty table) = %q, want %q", got, tt.english)
			}
			if got := tt.text.In(vi); got != tt.vi {
				t.Errorf("In(vi) = %q, want %q", got, tt.vi)
			}
			b, err := tt.text.AppendBinary(nil)
			if err != nil {
				t.Fatal(err)
			}
			back, err := Unmarshal(b)
			if err != nil {
				t.Fatal(err)
			}
			if back.In(vi) != tt.vi || back.String() != tt.english {
				t.Errorf("after Unmarshal: %q, %q", back.In(vi), back.String())
			}
		})
	}
}

func TestErrorfWraps(t *testing.T) {
	base := errors.New("base")
	err := Errorf("line %d: %w", 3, base)
	if !errors.Is(err, base) {
		t.Errorf("errors.Is(%v, base) = false", err)
	}
	if err.Error() != "line 3: base" {
		t.Errorf("Error() = %q", err)
	}
	two := Errorf("%w and %w", base, fs.ErrNotExist)
	if !errors.Is(two, fs.ErrNotExist) || !errors.Is(two, base) {
		t.Errorf("%v does not wrap both", two)
	}
	if got := Localize(Errorf("line %d: %w", 3, Errorf("required when %s > 0", "x")), vi); got != "dòng 3: bắt buộc khi x > 0" {
		t.Errorf("Localize = %q", got)
	}
	if got := Localize(errors.New("other"), vi); got != "other" {
		t.Errorf("Localize(plain) = %q", got)
	}
}

func TestSystemErrorsKeepTheirContext(t *testing.T) {
	// An error that merely wraps "not exist" keeps its own words.
	err := fmt.Errorf("site.toml: %w", fs.ErrNotExist)
	if _, ok := Of(err); ok {
		t.Errorf("Of(%v) is a message", err)
	}
	if _, ok := Of(&fs.PathError{Op: "chmod", Path: "x", Err: fs.ErrPermission}); ok {
		t.Error("an operation without words of its own became a message")
	}
}

func TestVerbs(t *testing.T) {
	tests := []struct {
		format string
		want   []string // spec@arg
	}{
		{"%s is %d", []string{"%s@0", "%d@1"}},
		{"100%% %q", []string{"%q@0"}},
		{"%[2]s then %[1]s, %s", []string{"%s@1", "%s@0", "%s@1"}},
		{"%-6.2f|%+d|%#x", []string{"%-6.2f@0", "%+d@1", "%#x@2"}},
		{"%*d", []string{"%*d@1"}},
		{"trailing %", nil},
		{"%é", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, v := range Verbs(tt.format) {
			got = append(got, fmt.Sprintf("%s@%d", v.Spec, v.Arg))
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Verbs(%q) = %q, want %q", tt.format, got, tt.want)
		}
	}
}

func FuzzUnmarshal(f *testing.F) {
	b, _ := T("%q is not %s: use one of %s", "x", T("a channel"), "y").AppendBinary(nil)
	f.Add(b)
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := Unmarshal(b)
		if err != nil {
			return
		}
		_ = m.In(vi)
		again, err := m.AppendBinary(nil)
		if err != nil {
			t.Fatal(err)
		}
		m2, err := Unmarshal(again)
		if err != nil || m2.In(vi) != m.In(vi) || m2.String() != m.String() {
			t.Fatalf("round trip changed %q", m.String())
		}
	})
}

func FuzzIn(f *testing.F) {
	f.Add("%[2]s then %[1]q %d %%", "a", 3)
	f.Fuzz(func(t *testing.T, format, s string, n int) {
		m := T("%s %d", s, n)
		_ = m.In(table{"%s %d": format})
		_ = Verbs(format)
	})
}
