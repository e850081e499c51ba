package search

import (
	"slices"
	"unicode/utf8"

	"github.com/congkhai/congkhai/internal/vntext"
)

// A query is read the same way here and in assets/js/search.js: the
// first MaxQueryRunes characters, NFC, split into words as texts are (see
// scanner), each word once, at most MaxQueryWords of them.
const (
	MaxQueryRunes = 200
	MaxQueryWords = 10
)

// Word is one word of a query.
type Word struct {
	Text string // as typed, in lower case: "đăng"
	Fold string // what is matched: "dang"
	// Prefix is set on the last word when nothing follows it: it is
	// still being typed, and matches the words it begins too.
	Prefix bool
}

// Query is a search as typed, read into words.
type Query struct {
	Words []Word
}

// ParseQuery reads what a citizen typed into the search box.
func ParseQuery(s string) Query {
	n := 0
	for i := range s {
		if n == MaxQueryRunes {
			s = s[:i]
			break
		}
		n++
	}
	s = vntext.NFC(s)
	var q Query
	for _, t := range Tokens(s) {
		prefix := t.End == len(s)
		if i := slices.IndexFunc(q.Words, func(w Word) bool { return w.Fold == t.Fold }); i >= 0 {
			q.Words[i].Prefix = q.Words[i].Prefix || prefix
			continue
		}
		if len(q.Words) < MaxQueryWords {
			q.Words = append(q.Words, Word{Text: t.Lower, Fold: t.Fold, Prefix: prefix})
		}
	}
	return q
}

// hasDiacritics reports whether the word was typed with diacritics (or
// đ), which a match with the same ones is ranked for.
func (w Word) hasDiacritics() bool { return w.Text != w.Fold }

// runeCount is the number of characters of s.
func runeCount(s string) int { return utf8.RuneCountInString(s) }
