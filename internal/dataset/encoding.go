package dataset

import (
	"bytes"
	"unicode/utf8"

	"github.com/congkhai/congkhai/internal/msg"
)

// saveAsUTF8 is the advice for every file in a wrong encoding: the name of
// the choice in Excel's "Save as" dialog.
const saveAsUTF8 = `open it in Excel and save it again as "CSV UTF-8 (Comma delimited) (*.csv)"`

// checkEncoding reports why src is not UTF-8 text that can be read as CSV,
// with the 1-based line and column (in characters) where the trouble
// starts. It returns ok=true for UTF-8, with or without a BOM.
func checkEncoding(src []byte) (line, col int, why msg.Text, ok bool) {
	switch {
	case bytes.HasPrefix(src, []byte{0xFF, 0xFE, 0, 0}), bytes.HasPrefix(src, []byte{0, 0, 0xFE, 0xFF}):
		return 1, 1, msg.T("the file is saved as UTF-32, not UTF-8; %v", msg.T(saveAsUTF8)), false
	case bytes.HasPrefix(src, []byte{0xFF, 0xFE}), bytes.HasPrefix(src, []byte{0xFE, 0xFF}):
		return 1, 1, msg.T(`the file is saved as UTF-16 (Excel's "Unicode Text"), not UTF-8; %v`, msg.T(saveAsUTF8)), false
	}
	if i := bytes.IndexByte(src, 0); i >= 0 {
		l, c := position(src, i)
		if looksUTF16(src) {
			return l, c, msg.T("the file looks like UTF-16 without a byte order mark, not UTF-8; %v", msg.T(saveAsUTF8)), false
		}
		return l, c, msg.T("the file contains a NUL byte, so it is not text; %v", msg.T(saveAsUTF8)), false
	}
	if utf8.Valid(src) {
		return 0, 0, msg.Text{}, true
	}
	i := firstInvalid(src)
	l, c := position(src, i)
	return l, c, msg.T("the file is not UTF-8: byte 0x%02X is %v; %v", src[i], guessLegacy(src), msg.T(saveAsUTF8)), false
}

// looksUTF16 reports whether the first bytes alternate between NUL and
// ASCII, as UTF-16 text of a CSV header does.
func looksUTF16(src []byte) bool {
	n := min(len(src), 64)
	even, odd := 0, 0
	for i := 0; i < n; i++ {
		if src[i] == 0 {
			if i%2 == 0 {
				even++
			} else {
				odd++
			}
		}
	}
	return even+odd >= n/3 && (even == 0 || odd == 0)
}

func firstInvalid(src []byte) int {
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(src)
}

// guessLegacy names the encoding the file was probably saved in. Windows-1258
// writes tone marks as separate bytes (0xCC, 0xD2, 0xDE, 0xEC, 0xF2) after
// a vowel; TCVN3 (ABC, the .VnTime fonts) and VNI use single bytes for
// whole letters. The guess only words the message; every such file is
// refused the same way.
func guessLegacy(src []byte) msg.Text {
	tones := 0
	for i := 1; i < len(src); i++ {
		switch src[i] {
		case 0xCC, 0xD2, 0xDE, 0xEC, 0xF2:
			if isVowel(src[i-1]) {
				tones++
			}
		}
	}
	if tones > 0 {
		return msg.T("from an older Vietnamese encoding (it looks like Windows-1258)")
	}
	return msg.T("from an older Vietnamese encoding (TCVN3/ABC, VNI or Windows-1258)")
}

func isVowel(b byte) bool {
	switch b | 0x20 {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return b == 0xE2 || b == 0xEA || b == 0xF4 || b == 0xE3 || b == 0xF5 || b == 0xFD // â ê ô ă ơ ư
}

// position turns a byte offset into a 1-based line and a 1-based column
// counted in characters (invalid bytes count as one each).
func position(src []byte, off int) (line, col int) {
	off = min(max(off, 0), len(src))
	start := bytes.LastIndexByte(src[:off], '\n') + 1
	line = bytes.Count(src[:off], []byte{'\n'}) + 1
	col = 1
	for i := start; i < off; {
		_, size := utf8.DecodeRune(src[i:off])
		i += max(size, 1)
		col++
	}
	return line, col
}
