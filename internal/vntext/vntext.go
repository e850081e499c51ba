// Package vntext holds the rules for Vietnamese text that the whole site
// depends on: one Unicode form (NFC), ASCII slugs that keep every letter
// (Đường dây nóng → duong-day-nong), and Vietnamese alphabetical order.
package vntext

import (
	"bytes"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"

	"github.com/congkhai/congkhai/internal/msg"
)

// NFC returns s in Unicode normalisation form C. Editors' files arrive in
// both NFC and NFD; without one form the same word gives two slugs.
func NFC(s string) string {
	if stableNFC(s) || norm.NFC.IsNormalString(s) {
		return s
	}
	return norm.NFC.String(s)
}

// NFCBytes is NFC for byte slices; it returns b itself when already NFC.
func NFCBytes(b []byte) []byte {
	// string(b) would copy every page body only to read it; stableNFC
	// keeps nothing, so it may read b in place.
	if stableNFC(unsafe.String(unsafe.SliceData(b), len(b))) || norm.NFC.IsNormal(b) {
		return b
	}
	return norm.NFC.Bytes(b)
}

// stableNFC reports, cheaply, that s is certainly NFC: every character is
// ASCII, a precomposed Latin letter (U+00A0–U+02FF, where Vietnamese ă, â,
// đ, ơ, ư live), a precomposed Vietnamese letter with its tone (U+1E00–
// U+1EFF) or common punctuation (U+2002–U+206F; U+2000 and U+2001 are
// singletons that NFC replaces). None of these change
// under NFC, and none combines with what precedes it. Anything else (a
// combining tone mark from NFD text above all) takes the full check. This
// is most of the normalisation cost of a build otherwise.
func stableNFC(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r >= 0x00A0 && r < 0x0300, r >= 0x1E00 && r < 0x1F00, r >= 0x2002 && r < 0x2070:
		default:
			return false
		}
		i += size
	}
	return true
}

// Fold removes Vietnamese diacritics and lowercases: "Đường" → "duong".
// Bytes that are not UTF-8 become U+FFFD.
// Unicode decomposition alone leaves đ as it is, so it is mapped by hand.
func Fold(s string) string {
	b := AppendFold(make([]byte, 0, len(s)), s)
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// AppendFold appends Fold(s) to dst, for a caller that folds many words
// into a buffer of its own (the search index).
func AppendFold(dst []byte, s string) []byte {
	folds := latinFolds()
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if int(r) < len(folds) && folds[r] != 0 {
			// a Latin letter, with its marks, in one step
			if f := folds[r]; f > 0 {
				dst = utf8.AppendRune(dst, f)
			}
		} else {
			// decomposed in context, so that marks written after their
			// letter are dropped with it
			dst = appendDecomposed(dst, s[i:i+size])
		}
		i += size
	}
	return dst
}

// appendDecomposed appends s folded the slow way: decomposed (NFD), marks
// dropped, lower case.
func appendDecomposed(dst []byte, s string) []byte {
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			// combining tone and vowel marks
		case r == 'đ' || r == 'Đ':
			dst = append(dst, 'd')
		default:
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		}
	}
	return dst
}

// latinFolds maps each letter below U+2000 (Latin, with the precomposed
// Vietnamese letters of U+1E00–U+1EFF, Greek and Cyrillic) to what
// appendDecomposed makes of it when that is one letter; -1 when it is
// nothing (a combining mark); 0 when the slow way must be taken. Folding
// rune by rune is the same as folding the decomposed string: canonical
// decomposition works letter by letter, and every mark is dropped.
var latinFolds = sync.OnceValue(func() []rune {
	folds := make([]rune, 0x2000)
	var b []byte
	for r := rune(utf8.RuneSelf); r < 0x2000; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		b = appendDecomposed(b[:0], string(r))
		out := []rune(string(b))
		switch len(out) {
		case 0:
			folds[r] = -1
		case 1:
			folds[r] = out[0]
		}
	}
	return folds
})

// Slug turns a title into an ASCII URL segment: letters folded, anything
// that is not a letter or digit becomes a single hyphen. It returns "" when
// nothing usable is left (a title in another script, say).
func Slug(s string) string {
	folded := Fold(s)
	var b strings.Builder
	b.Grow(len(folded))
	hyphen := false
	for _, r := range folded {
		if r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(r)
			continue
		}
		hyphen = true
	}
	return b.String()
}

// IsSlug reports whether s is already a slug: lowercase ASCII letters and
// digits separated by single hyphens.
func IsSlug(s string) bool {
	return s != "" && Slug(s) == s
}

// NotSlug is the message for s, which is not a slug: what a slug is, with
// the slug of s as the suggestion, or example when s has no letter or
// digit to make one from.
func NotSlug(s, example string) msg.Text {
	if sl := Slug(s); sl != "" {
		example = sl
	}
	return msg.T("%q is not a slug: use lowercase letters, digits and hyphens, such as %q", s, example)
}

// Key returns the collation key of s: comparing keys byte-wise orders
// strings as Compare does (before its byte-wise tie break), so a long list
// can be sorted with one key per item instead of collating every pair.
func (c *Collator) Key(s string) []byte {
	c.buf.Reset()
	return append([]byte(nil), c.c.KeyFromString(&c.buf, s)...)
}

// Collator orders strings the way Vietnamese readers expect: a ă â, d đ,
// and tones in the order ngang, huyền, hỏi, ngã, sắc, nặng. A Collator is
// not safe for concurrent use; make one per goroutine.
type Collator struct {
	c   *collate.Collator
	buf collate.Buffer // reused by Key: it is 4 KB
}

// NewCollator returns a Vietnamese collator.
func NewCollator() *Collator {
	return &Collator{c: collate.New(language.Vietnamese)}
}

// Compare returns -1, 0 or +1. Strings equal under collation are ordered
// byte-wise so that sorting is total and output deterministic.
func (c *Collator) Compare(a, b string) int {
	if r := c.c.CompareString(a, b); r != 0 {
		return r
	}
	return strings.Compare(a, b)
}

// InvalidUTF8Line returns the 1-based line of the first byte of b that is
// not UTF-8, or 0 when b is valid UTF-8. Files saved in a legacy encoding
// (TCVN3, VNI, Windows-1258) show up here.
func InvalidUTF8Line(b []byte) int {
	if utf8.Valid(b) {
		return 0
	}
	line := 1
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		i += size
	}
	return line
}

// Closest returns the name of names closest to want, ignoring case, when it
// is at most two edits away (a misspelling), or "". Names over 64 bytes are
// not compared: no suggestion is better than a slow one.
func Closest(want string, names []string) string {
	if len(want) > 64 {
		return ""
	}
	want = strings.ToLower(want)
	best, bestDist := "", 3
	for _, n := range names {
		if len(n) > 64 {
			continue
		}
		if d := Distance(want, strings.ToLower(n)); d < bestDist {
			best, bestDist = n, d
		}
	}
	return best
}

// Distance is the Levenshtein edit distance between a and b, counted in
// bytes: enough to suggest the key or address an editor meant.
func Distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// SortByText sorts items in the Vietnamese order of text(item), computing
// each item's collation key once. first, when not nil, orders items before
// the text does (a weight); tie orders items whose texts are equal.
func SortByText[T any](c *Collator, items []T, text func(T) string, first, tie func(a, b T) int) {
	type keyed struct {
		item T
		key  []byte
	}
	ks := make([]keyed, len(items))
	for i, it := range items {
		ks[i] = keyed{it, c.Key(text(it))}
	}
	slices.SortStableFunc(ks, func(a, b keyed) int {
		if first != nil {
			if r := first(a.item, b.item); r != 0 {
				return r
			}
		}
		if r := bytes.Compare(a.key, b.key); r != 0 {
			return r
		}
		return tie(a.item, b.item)
	})
	for i := range ks {
		items[i] = ks[i].item
	}
}

// HasVietnameseLetters reports whether s has a letter only Vietnamese
// writes among the languages of the portal: a vowel with its marks, or đ
// ("Hộ tịch", not "Ho tich" nor "Civil status").
func HasVietnameseLetters(s string) bool {
	for _, r := range s {
		if r >= utf8.RuneSelf && unicode.IsLetter(r) && Fold(string(r)) != strings.ToLower(string(r)) {
			return true
		}
	}
	return false
}
