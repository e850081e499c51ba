package search

import (
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
	var out []Token
	var sc scanner
	sc.scan(s, func(fold, lower []byte, start, end int) {
		out = append(out, Token{Fold: string(fold), Lower: string(lower), Start: start, End: end})
	})
	return out
}

// scanner splits texts into words. Its buffers are reused from word to
// word: the bytes it hands over are valid until the next word.
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
	lower, fold []byte
	// phone holds the digits of the phone number being joined, from
	// phoneStart to phoneEnd in the text; phonePlus when it began with +84.
	phone                []byte
	phoneStart, phoneEnd int
	phonePlus            bool
}

func (sc *scanner) scan(s string, emit func(fold, lower []byte, start, end int)) {
	start := -1
	runes := 0
	ascii, digits, prevDigit := true, true, false
	end := func(i int) {
		if start >= 0 && len(sc.lower) > 0 {
			fold := sc.lower
			if !ascii {
				sc.fold = vntext.AppendFold(sc.fold[:0], unsafe.String(unsafe.SliceData(sc.lower), len(sc.lower)))
				fold = sc.fold
			}
			if len(fold) > 0 {
				sc.word(s, fold, sc.lower, start, i, digits, emit)
			}
		}
		start, runes = -1, 0
		ascii, digits, prevDigit = true, true, false
		sc.lower = sc.lower[:0]
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			isDigit := '0' <= c && c <= '9'
			switch {
			case isDigit || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
				if start < 0 {
					start = i
				}
				if runes < MaxWordRunes {
					if 'A' <= c && c <= 'Z' {
						c += 'a' - 'A'
					}
					sc.lower = append(sc.lower, c)
				}
				runes++
				digits = digits && isDigit
				prevDigit = isDigit
			case (c == '.' || c == ',') && prevDigit && i+1 < len(s) && '0' <= s[i+1] && s[i+1] <= '9':
				// a separator of thousands, or the dot of a code: 1.001193
			default:
				end(i)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsNumber(r) {
			if start < 0 {
				start = i
			}
			if runes < MaxWordRunes {
				sc.lower = utf8.AppendRune(sc.lower, unicode.ToLower(r))
			}
			runes++
			ascii, digits, prevDigit = false, false, false
		} else {
			end(i)
		}
		i += size
	}
	end(len(s))
	sc.flushPhone(emit)
}

// word takes a word of s: it joins groups of digits into a phone number,
// and hands every other word on.
func (sc *scanner) word(s string, fold, lower []byte, start, end int, digits bool, emit func(fold, lower []byte, start, end int)) {
	if len(sc.phone) > 0 {
		if digits && phoneGap(s[sc.phoneEnd:start]) && len(sc.phone)+len(fold) <= maxPhoneDigits {
			sc.phone = append(sc.phone, fold...)
			sc.phoneEnd = end
			return
		}
		sc.flushPhone(emit)
	}
	if digits {
		plus := start > 0 && s[start-1] == '+' && len(fold) >= 2 && fold[0] == '8' && fold[1] == '4'
		if fold[0] == '0' || plus || string(fold) == "1800" || string(fold) == "1900" {
			sc.phone = append(sc.phone[:0], fold...)
			sc.phoneStart, sc.phoneEnd, sc.phonePlus = start, end, plus
			return
		}
	}
	emit(fold, lower, start, end)
}

// flushPhone hands on the phone number being joined, if any.
func (sc *scanner) flushPhone(emit func(fold, lower []byte, start, end int)) {
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
	emit(d, d, sc.phoneStart, sc.phoneEnd)
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
