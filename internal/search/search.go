package search

import (
	"cmp"
	"math/bits"
	"slices"
	"strings"
)

// How a query is matched and ranked; assets/js/search.js does the same,
// number for number, and testdata/vectors.json holds both to it.
//
// Every word must match (AND). A word matches the documents that have it
// (folded: "dang" matches "Đăng"), in any field. The last word, while
// it is typed, also matches the words it begins, in head fields only
// (titles, codes, keywords, descriptions, meta), once it has
// prefixMinRunes characters (prefixMinDigits for a number: a code, a
// phone number); shorter, it is left out when no word of the index is
// that word and the query has others. A word of fuzzyWordRunes
// letters or more that no word of the index is, nor begins, matches the
// words one letter away (an edit distance of 1); and when no document
// has every word, each such word also matches those and the query is run
// again. Filters (browse groups) must all match too.
//
// A document's score adds, for each word, the best of its matches: the
// weight of the best field it is in, plus one for each other field,
// times 4 for the word itself, 3 for a word it begins, 2 for a
// misspelling; and 64 when the word was typed with diacritics and the
// document's head fields spell it the same way. When every word is in the
// title it adds 96, up to 64 more the closer the words are (8 for each
// word-gap fewer than 8 between the first and the last), and 2 for each
// word fewer than 16 in the title. When every word is in the keywords,
// the description or the meta fields, it adds twice that field's weight.
// Results are in order of the number of words matched only by a
// misspelling (fewer first), then score, then the Vietnamese order of
// their titles (document number).
const (
	prefixMinRunes  = 3
	prefixMinDigits = 5
	fuzzyWordRunes  = 5
	diacriticBonus  = 64
	titleAll        = 96
	titleClose      = 8
	titleShare      = 128
)

// Match kinds, with the factor of their score.
const (
	exact  = 4
	prefix = 3
	fuzzy  = 2
)

// weight is the weight of a field.
func weight(f Field) int {
	switch f {
	case Code:
		return 64
	case Title:
		return 32
	case Keywords:
		return 16
	case Description:
		return 12
	case Meta:
		return 8
	case Body:
		return 4
	}
	return 0
}

// bestWeight is the weight of the heaviest of fields.
func bestWeight(fields Field) int {
	best := 0
	for f := Field(1); f <= Body; f <<= 1 {
		if fields&f != 0 {
			best = max(best, weight(f))
		}
	}
	return best
}

// Result is one document found, with its score.
type Result struct {
	Doc   int // its number: Hit gives what to show of it
	Score int
	// Fuzzy is the number of words it matched only by a misspelling.
	Fuzzy int
}

// alternative is one word of the index a query word matches.
type alternative struct {
	term string
	kind int
	head *headTerm // nil when the word is in no head field
	set  []uint32  // documents with the word in their text; nil for a prefix
}

// Search finds the documents that match q and every facet
// ("linh-vuc=ho-tich"), best first.
func (ix *Index) Search(q Query, facets []string) ([]Result, error) {
	words := q.Words
	if len(words) == 0 && len(facets) == 0 {
		return nil, nil
	}
	var filter []uint32
	for i, f := range facets {
		set, err := ix.set(facetKey(f))
		if err != nil {
			return nil, err
		}
		if i == 0 {
			filter = set
		} else {
			filter = intersect(filter, set)
		}
	}
	if len(words) == 0 {
		out := make([]Result, len(filter))
		for i, d := range filter {
			out[i] = Result{Doc: int(d)}
		}
		return out, nil
	}

	alts := make([][]alternative, len(words))
	for i, w := range words {
		var err error
		if alts[i], err = ix.alternatives(w); err != nil {
			return nil, err
		}
	}
	// A word still being typed, too short to look for the words it
	// begins, is not yet one the query needs.
	for i := 0; len(words) > 1 && i < len(words); i++ {
		if w := words[i]; w.Prefix && runeCount(w.Fold) < w.prefixMin() && len(alts[i]) == 0 {
			words = slices.Delete(slices.Clone(words), i, i+1)
			alts = slices.Delete(alts, i, i+1)
			i--
		}
	}
	fuzzied := make([]bool, len(words))
	for i, w := range words {
		var err error
		if len(alts[i]) == 0 && fuzzyCandidate(w) {
			fuzzied[i] = true
			if alts[i], err = ix.misspellings(w, nil); err != nil {
				return nil, err
			}
		}
	}
	docs := matching(alts, len(facets) > 0, filter)
	if len(docs) == 0 {
		again := false
		for i, w := range words {
			if !fuzzied[i] && fuzzyCandidate(w) {
				more, err := ix.misspellings(w, alts[i])
				if err != nil {
					return nil, err
				}
				alts[i] = append(alts[i], more...)
				again = again || len(more) > 0
			}
		}
		if again {
			docs = matching(alts, len(facets) > 0, filter)
		}
	}
	out := make([]Result, len(docs))
	for i, d := range docs {
		out[i] = score(words, alts, d)
	}
	slices.SortFunc(out, func(a, b Result) int {
		if c := cmp.Compare(a.Fuzzy, b.Fuzzy); c != 0 {
			return c
		}
		if c := cmp.Compare(b.Score, a.Score); c != 0 {
			return c
		}
		return cmp.Compare(a.Doc, b.Doc)
	})
	return out, nil
}

// prefixMin is the length from which w, being typed, matches the words it
// begins.
func (w Word) prefixMin() int {
	if strings.Trim(w.Fold, "0123456789") == "" {
		return prefixMinDigits
	}
	return prefixMinRunes
}

// fuzzyCandidate reports whether misspellings of w are looked for.
func fuzzyCandidate(w Word) bool { return isFuzzyWord(w.Fold) && runeCount(w.Fold) >= fuzzyWordRunes }

// alternatives returns the word itself and, for a word being typed, the
// head words it begins.
func (ix *Index) alternatives(w Word) ([]alternative, error) {
	var out []alternative
	h, err := ix.head(w.Fold)
	if err != nil {
		return nil, err
	}
	set, err := ix.set(w.Fold)
	if err != nil {
		return nil, err
	}
	if h != nil || set != nil {
		out = append(out, alternative{term: w.Fold, kind: exact, head: h, set: set})
	}
	if w.Prefix && runeCount(w.Fold) >= w.prefixMin() {
		words, err := ix.withPrefix(w.Fold)
		if err != nil {
			return nil, err
		}
		for _, k := range words {
			h, err := ix.head(k)
			if err != nil {
				return nil, err
			}
			out = append(out, alternative{term: k, kind: prefix, head: h})
		}
	}
	return out, nil
}

// misspellings returns the words of the vocabulary one edit away from w,
// other than those in have.
func (ix *Index) misspellings(w Word, have []alternative) ([]alternative, error) {
	vocab, err := ix.fuzzyWords()
	if err != nil {
		return nil, err
	}
	want := []rune(w.Fold)
	var out []alternative
	for _, k := range vocab {
		if !oneEdit(want, []rune(k)) || slices.ContainsFunc(have, func(a alternative) bool { return a.term == k }) {
			continue
		}
		h, err := ix.head(k)
		if err != nil {
			return nil, err
		}
		set, err := ix.set(k)
		if err != nil {
			return nil, err
		}
		out = append(out, alternative{term: k, kind: fuzzy, head: h, set: set})
	}
	return out, nil
}

// oneEdit reports whether b is a and one letter inserted, deleted or
// replaced.
func oneEdit(a, b []rune) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(b)-len(a) > 1 {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	if len(a) == len(b) {
		return i < len(a) && slices.Equal(a[i+1:], b[i+1:])
	}
	return slices.Equal(a[i:], b[i+1:])
}

// docsOf returns the documents an alternative matches, in order.
func (a alternative) docsOf() []uint32 {
	var head []uint32
	if a.head != nil {
		for _, e := range a.head.entries {
			head = append(head, e.doc)
		}
	}
	return union(head, a.set)
}

// matching returns the documents that every word matches, in the filter
// when there is one.
func matching(alts [][]alternative, filtered bool, filter []uint32) []uint32 {
	var docs []uint32
	for i, as := range alts {
		var any []uint32
		for _, a := range as {
			any = union(any, a.docsOf())
		}
		if i == 0 {
			docs = any
		} else {
			docs = intersect(docs, any)
		}
	}
	if filtered {
		docs = intersect(docs, filter)
	}
	return docs
}

// score ranks document doc for the query words and their alternatives.
func score(words []Word, alts [][]alternative, doc uint32) Result {
	r := Result{Doc: int(doc)}
	inTitle := true
	var gapsKnown = true
	var positions []uint32
	tlen := 0
	shared := Keywords | Description | Meta
	for i, w := range words {
		best, exactly := 0, false
		var fields Field
		var pos uint32
		title := false
		for _, a := range alts[i] {
			var f Field
			var e *headEntry
			if a.head != nil {
				if j, ok := slices.BinarySearchFunc(a.head.entries, doc, func(e headEntry, d uint32) int { return cmp.Compare(e.doc, d) }); ok {
					e = &a.head.entries[j]
					f = e.fields
				}
			}
			if _, ok := slices.BinarySearch(a.set, doc); ok {
				f |= Body
			}
			if f == 0 {
				continue
			}
			s := bestWeight(f)*a.kind + bits.OnesCount8(uint8(f)) - 1
			if a.kind == exact && e != nil && w.hasDiacritics() {
				if v := slices.Index(a.head.variants, w.Text); v >= 0 && e.mask&(1<<v) != 0 {
					s += diacriticBonus
				}
			}
			best = max(best, s)
			exactly = exactly || a.kind != fuzzy
			fields |= f
			if e != nil && e.fields&Title != 0 {
				title = true
				pos |= e.pos
				tlen = int(e.tlen)
			}
		}
		r.Score += best
		if !exactly {
			r.Fuzzy++
		}
		shared &= fields
		inTitle = inTitle && title
		gapsKnown = gapsKnown && pos != 0
		positions = append(positions, pos)
	}
	if inTitle {
		r.Score += titleAll
		if gapsKnown {
			gaps := max(0, shortestSpan(positions)-len(words))
			r.Score += max(0, titleClose-gaps) * 8
		}
		r.Score += titleShare * min(len(words), tlen) / max(tlen, 1)
	}
	for f := Keywords; f <= Meta; f <<= 1 {
		if shared&f != 0 {
			r.Score += weight(f)
		}
	}
	return r
}

// shortestSpan is the length of the shortest run of title positions that holds
// a position of every word (each a bit set of its positions).
func shortestSpan(positions []uint32) int {
	best := maxTitlePositions + 1
	for s := 0; s < maxTitlePositions; s++ {
		end := -1
		for _, p := range positions {
			rest := p >> s
			if rest == 0 {
				return best
			}
			end = max(end, s+bits.TrailingZeros32(rest))
		}
		best = min(best, end-s+1)
	}
	return best
}

// union merges two sorted lists of documents.
func union(a, b []uint32) []uint32 {
	if len(a) == 0 {
		return b
	}
	if len(b) == 0 {
		return a
	}
	out := make([]uint32, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			out = append(out, a[i])
			i++
		case a[i] > b[j]:
			out = append(out, b[j])
			j++
		default:
			out = append(out, a[i])
			i++
			j++
		}
	}
	out = append(out, a[i:]...)
	return append(out, b[j:]...)
}

// intersect keeps the documents of two sorted lists that are in both.
func intersect(a, b []uint32) []uint32 {
	var out []uint32
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			out = append(out, a[i])
			i++
			j++
		}
	}
	return out
}
