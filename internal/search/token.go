package search

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/congkhai/congkhai/internal/vntext"
)

// MaxWordRunes is where a long word is cut, in texts and queries alike:
// the rest of it is read past, not indexed.
const MaxWordRunes = 32

// maxPhoneDigits is the most digits a phone number written in groups
// ("0274 3822 123", "+84 274 3822 123") is joined into.
const maxPhoneDigits = 12

// Token is one word of a text.
type Token struct {
	// Fold is what is matched: lower case, without diacritics, đ as d
	// (vntext.Fold). A number keeps only its digits: "8.000" is 8000,
	// "1.001193" 1001193, "0274 3822 123" 02743822123.
	Fold string
	// Lower is the word as written, in lower case: the diacritics typed,
	// which rank a match with the same ones first.
	Lower string
	// Start and End are the word's byte offsets in the text.
	Start, End int
}

// Tokens returns the words of s, which should be NFC (every text of a
// site is, once loaded).
func Tokens(s string) []Token {
	var c collect
	sc := scanner{lowerToo: true}
	sc.scan(s, &c)
	return c
}

// collect keeps the words a scanner finds.
type collect []Token

func (c *collect) word(fold, lower []byte, start, end int) {
	*c = append(*c, Token{Fold: string(fold), Lower: string(lower), Start: start, End: end})
}

// sink receives the words of a text, as bytes valid until the next word.
type sink interface {
	word(fold, lower []byte, start, end int)
	// cached is a word the scanner's cache gave, already folded.
	cached(w *cachedWord, start, end int)
}

func (c *collect) cached(w *cachedWord, start, end int) {
	c.word(unsafeBytes(w.fold), unsafeBytes(w.fold), start, end)
}

// scanner splits texts into words. Its buffers are reused from word to
// word.
//
// The rules, which assets/js/search.js follows too:
//   - A word is a run of letters, marks and numbers (Unicode L, M, N). A
//     dot or a comma between two ASCII digits is part of the word and left
//     out of it: 8.000 → 8000.
//   - Each character is lower-cased on its own (unicode.ToLower), and the
//     word folded with vntext.Fold. A word of marks alone is no word. Past
//     MaxWordRunes characters a word is read to its end but not kept.
//   - Groups of ASCII digits that begin with 0, 1800, 1900, or 84 right
//     after a "+", and are separated by one space (or no-break space), a
//     hyphen, ")" or ") ", are one word of their digits, up to
//     maxPhoneDigits: a phone number in any spelling. After "+84" the 84
//     becomes 0: "+84 274 3822 123" → 02743822123.
type scanner struct {
	// lowerToo asks for each word as written, in lower case, as well as
	// folded; without it both are the folded word.
	lowerToo    bool
	lower, fold []byte
	// phone holds the digits of the phone number being joined, from
	// phoneStart to phoneEnd in the text; phonePlus when it began with +84.
	phone                []byte
	phoneStart, phoneEnd int
	phonePlus            bool
	// cache, when set, is where the folded forms of the words read are
	// kept and looked up (see wordCache).
	cache *wordCache
}

// wordCache keeps, for a scanner that reads many texts (each worker of a
// build reads every page's body), what each word as written folds to: a
// word seen before is found by its bytes, not lower-cased and folded
// again, which is most of the time a text of words already seen costs.
// Only words of letters and marks are kept: a number's digits may join
// those of the next word (a phone number, "8.000"), and the scanner
// reads them as always.
type wordCache struct {
	slots []uint64 // a word's hash << 32 | 1 + its index in words, or 0
	words []cachedWord
	// The word looked up last and not found, which end keeps once the
	// scanner has folded it.
	missStart, missEnd int
	missHash           uint32
}

// cachedWord is one word of a wordCache.
type cachedWord struct {
	raw      string // as written
	hash     uint32 // of raw
	fold     string
	foldHash uint32 // hashOf(fold)
	// For a Writer: the document it was last seen in (Writer.gen), its
	// entry in that document's words, and its term in the index, once
	// known.
	seen  uint32
	entry int32
	term  *term
}

// maxCachedWords bounds the cache, of which a build has one per worker
// (four for each CPU) and language: past it, the cache starts again
// empty. Vietnamese has some 7,000 syllables in use, each written in
// lower or upper case at the start of a sentence; the words of a
// portal's bodies are mostly those. At about 100 bytes a word and its
// slots, a cache holds at most some 2 MB.
const maxCachedWords = 1 << 14

// lookup reads the word that begins at s[i], which is a letter or a
// mark. It returns the word's cache entry and where the word ends, or
// nil when the word is not in the cache or is not one it keeps (a word
// with a digit, or longer than MaxWordRunes).
func (wc *wordCache) lookup(s string, i int, table []foldedRune) (*cachedWord, int) {
	wc.missEnd = -1 // a miss is kept only right after its lookup
	h := uint32(2166136261)
	j, runes := i, 0
scan:
	for j < len(s) {
		c := s[j]
		if c < utf8.RuneSelf {
			switch asciiClass[c] {
			case asciiLetter, asciiUpper:
				h = (h ^ uint32(c)) * 16777619
				j++
				runes++
				continue
			case asciiDigit:
				return nil, 0
			}
			break scan // a separator: a dot or comma after a letter is one too
		}
		r, size := decodeRune(s, j)
		switch {
		case r < 0x2000 && !table[r].word, r >= 0x2000 && !isWordRune(r):
			break scan // a separator: a no-break space, a dash, a quotation mark
		case r >= 0x2000 || table[r].number:
			return nil, 0 // a number, or a rare letter: the scanner's
		}
		for k := j; k < j+size; k++ {
			h = (h ^ uint32(s[k])) * 16777619
		}
		j += size
		runes++
	}
	if runes == 0 || runes > MaxWordRunes {
		return nil, 0
	}
	raw := s[i:j]
	if len(wc.slots) > 0 {
		mask := uint32(len(wc.slots) - 1)
		for k := h & mask; wc.slots[k] != 0; k = (k + 1) & mask {
			if sl := wc.slots[k]; uint32(sl>>32) == h {
				if w := &wc.words[uint32(sl)-1]; w.raw == raw {
					return w, j
				}
			}
		}
	}
	wc.missStart, wc.missEnd, wc.missHash = i, j, h
	return nil, 0
}

// keep adds the word of s from start to end, which lookup did not find,
// folded to fold.
func (wc *wordCache) keep(s string, start, end int, fold []byte) {
	if start != wc.missStart || end != wc.missEnd {
		return // not the word looked up: one lookup does not keep
	}
	wc.missEnd = -1
	if len(wc.words) >= maxCachedWords {
		// A new array: a Writer's words may point into the old one.
		wc.words = nil
		clear(wc.slots)
	}
	if 2*(len(wc.words)+1) > len(wc.slots) {
		wc.slots = make([]uint64, max(4096, 2*len(wc.slots)))
		for n := range wc.words {
			place(wc.slots, wc.words[n].hash, n)
		}
	}
	place(wc.slots, wc.missHash, len(wc.words))
	wc.words = append(wc.words, cachedWord{raw: strings.Clone(s[start:end]), hash: wc.missHash, fold: string(fold), foldHash: hashOf(fold)})
}

// Classes of ASCII bytes.
const (
	asciiSep = iota
	asciiLetter
	asciiUpper
	asciiDigit
	asciiJoin // '.' and ',': part of a number between two digits
)

var asciiClass = func() (t [256]uint8) { // bytes of multi-byte characters: 0
	for c := range t {
		switch {
		case 'a' <= c && c <= 'z':
			t[c] = asciiLetter
		case 'A' <= c && c <= 'Z':
			t[c] = asciiUpper
		case '0' <= c && c <= '9':
			t[c] = asciiDigit
		case c == '.' || c == ',':
			t[c] = asciiJoin
		}
	}
	return t
}()

// foldedRune is what the scanner makes of a character below U+2000: the
// letters and marks of Latin, Vietnamese, Greek and Cyrillic text.
type foldedRune struct {
	word   bool // a letter, mark or number
	number bool // a number (unicode.IsNumber)
	lower  rune // unicode.ToLower
	fold   rune // vntext.Fold of lower: a letter, -1 for nothing (a mark), 0 when it is not one letter
}

// runeTable tells, for each character below U+2000, what the slow path
// (unicode.Is*, unicode.ToLower, vntext.AppendFold) would make of it.
var runeTable = sync.OnceValue(func() []foldedRune {
	t := make([]foldedRune, 0x2000)
	var buf []byte
	for r := rune(utf8.RuneSelf); r < 0x2000; r++ {
		if !isWordRune(r) {
			continue
		}
		lr := unicode.ToLower(r)
		buf = vntext.AppendFold(buf[:0], string(lr))
		f := rune(0)
		switch n := utf8.RuneCount(buf); {
		case n == 0:
			f = -1
		case n == 1:
			f, _ = utf8.DecodeRune(buf)
		}
		t[r] = foldedRune{word: true, number: unicode.IsNumber(r), lower: lr, fold: f}
	}
	return t
})

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsNumber(r) }

// decodeRune decodes the character at s[i], which is not ASCII.
// Vietnamese letters are two bytes (U+00C0–U+01B0) or three
// (U+1EA0–U+1EF9): decoded here, the rest by utf8.
func decodeRune(s string, i int) (rune, int) {
	switch c := s[i]; {
	case c >= 0xC2 && c < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
		return rune(c&0x1F)<<6 | rune(s[i+1]&0x3F), 2
	case c == 0xE1 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
		return rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F), 3
	}
	return utf8.DecodeRuneInString(s[i:])
}

// caching says that the scanner reads and keeps words through its cache,
// which gives a word's folded form only: a scanner that keeps the
// spellings as written reads every word.
func (sc *scanner) caching() bool { return sc.cache != nil && !sc.lowerToo }

// scan splits s into words and hands each to out.
func (sc *scanner) scan(s string, out sink) {
	table := runeTable()
	start, runes := -1, 0
	ascii, digits, prevDigit := true, true, false
	lower, fold := sc.lower[:0], sc.fold[:0]
	cached := sc.caching()
	if cached {
		sc.cache.missEnd = -1 // a miss of the last text is not one of this
	}
	for i := 0; i < len(s); {
		c := s[i]
		if start < 0 && cached && (c >= utf8.RuneSelf || asciiClass[c] == asciiLetter || asciiClass[c] == asciiUpper) {
			if w, end := sc.cache.lookup(s, i, table); w != nil {
				if len(sc.phone) > 0 {
					sc.flushPhone(out) // a word of letters ends a phone number
				}
				out.cached(w, i, end)
				i = end
				continue
			}
		}
		if c < utf8.RuneSelf {
			switch asciiClass[c] {
			case asciiLetter:
				// a run of lower-case letters, copied at once
				if start < 0 {
					start = i
				}
				j := i + 1
				for j < len(s) && asciiClass[s[j]] == asciiLetter {
					j++
				}
				if n := min(j-i, MaxWordRunes-runes); n > 0 {
					if sc.lowerToo {
						lower = append(lower, s[i:i+n]...)
					}
					fold = append(fold, s[i:i+n]...)
				}
				runes += j - i
				digits, prevDigit = false, false
				i = j
				continue
			case asciiUpper:
				if start < 0 {
					start = i
				}
				if runes < MaxWordRunes {
					if sc.lowerToo {
						lower = append(lower, c+'a'-'A')
					}
					fold = append(fold, c+'a'-'A')
				}
				runes++
				digits, prevDigit = false, false
				i++
				continue
			case asciiDigit:
				if start < 0 {
					start = i
				}
				if runes < MaxWordRunes {
					if sc.lowerToo {
						lower = append(lower, c)
					}
					fold = append(fold, c)
				}
				runes++
				prevDigit = true
				i++
				continue
			case asciiJoin:
				if prevDigit && i+1 < len(s) && '0' <= s[i+1] && s[i+1] <= '9' {
					i++ // a separator of thousands, or the dot of a code: 1.001193
					continue
				}
			}
			// a separator
			if start >= 0 {
				sc.end(s, start, i, ascii, digits, lower, fold, out)
				lower, fold = lower[:0], fold[:0]
				start, runes = -1, 0
				ascii, digits, prevDigit = true, true, false
			}
			i++
			continue
		}
		r, size := decodeRune(s, i)
		var fr *foldedRune
		if r < 0x2000 {
			fr = &table[r]
		} else if isWordRune(r) {
			fr = &foldedRune{word: true, lower: unicode.ToLower(r)}
		}
		if fr != nil && fr.word {
			if start < 0 {
				start = i
			}
			if runes < MaxWordRunes {
				if sc.lowerToo {
					lower = utf8.AppendRune(lower, fr.lower)
				}
				switch f := fr.fold; {
				case f > 0 && f < utf8.RuneSelf:
					fold = append(fold, byte(f))
				case f > 0:
					fold = utf8.AppendRune(fold, f)
				case f == 0:
					fold = vntext.AppendFold(fold, string(fr.lower))
				}
			}
			runes++
			ascii, digits, prevDigit = false, false, false
		} else if start >= 0 {
			sc.end(s, start, i, ascii, digits, lower, fold, out)
			lower, fold = lower[:0], fold[:0]
			start, runes = -1, 0
			ascii, digits, prevDigit = true, true, false
		}
		i += size
	}
	if start >= 0 {
		sc.end(s, start, len(s), ascii, digits, lower, fold, out)
	}
	sc.flushPhone(out)
	sc.lower, sc.fold = lower[:0], fold[:0] // kept for the next text (one write, not one per word)
}

// end takes the word of s from start to end, lower and fold: it joins
// groups of digits into a phone number, and hands every other word on.
func (sc *scanner) end(s string, start, end int, ascii, digits bool, lower, fold []byte, out sink) {
	if len(fold) == 0 {
		return // marks alone
	}
	if !digits && sc.caching() {
		sc.cache.keep(s, start, end, fold)
	}
	if len(sc.phone) > 0 {
		if digits && phoneGap(s[sc.phoneEnd:start]) && len(sc.phone)+len(fold) <= maxPhoneDigits {
			sc.phone = append(sc.phone, fold...)
			sc.phoneEnd = end
			return
		}
		sc.flushPhone(out)
	}
	if digits {
		plus := start > 0 && s[start-1] == '+' && len(fold) >= 2 && fold[0] == '8' && fold[1] == '4'
		if fold[0] == '0' || plus || string(fold) == "1800" || string(fold) == "1900" {
			sc.phone = append(sc.phone[:0], fold...)
			sc.phoneStart, sc.phoneEnd, sc.phonePlus = start, end, plus
			return
		}
	}
	if ascii || !sc.lowerToo {
		out.word(fold, fold, start, end)
		return
	}
	out.word(fold, lower, start, end)
}

// flushPhone hands on the phone number being joined, if any.
func (sc *scanner) flushPhone(out sink) {
	if len(sc.phone) == 0 {
		return
	}
	d := sc.phone
	if sc.phonePlus {
		d = d[2:] // +84 is the country code: the number is dialled with 0
		if len(d) == 0 || d[0] != '0' {
			d = append([]byte{'0'}, d...)
		}
	}
	out.word(d, d, sc.phoneStart, sc.phoneEnd)
	sc.phone = sc.phone[:0]
}

// phoneGap reports whether gap may separate two groups of a phone number.
func phoneGap(gap string) bool {
	switch gap {
	case " ", "\u00a0", "-", ")", ") ":
		return true
	}
	return false
}

// bytesString reads b as a string, in place.
func bytesString(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

// unsafeBytes reads s as bytes, in place, for a function that does not
// change them.
func unsafeBytes(s string) []byte { return unsafe.Slice(unsafe.StringData(s), len(s)) }
