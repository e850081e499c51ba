package search

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/congkhai/congkhai/internal/contacts/phone"
	"github.com/congkhai/congkhai/internal/vntext"
)

// Kind is what a document is, as a result says it.
type Kind uint8

const (
	Procedure Kind = iota // thủ tục
	Page                  // trang
	Contact               // danh bạ: a person, a unit, a hotline
)

// Field is where in a document a word is. Fields are bits, so that a
// word's entry says every field it is in.
type Field uint8

const (
	Title       Field = 1 << iota
	Code              // a procedure's code, a phone number
	Keywords          // a procedure's keywords
	Description       // a page's description
	Meta              // field, agency, level, result, subjects; a person's position and unit
	Body              // the text
)

// headFields are the fields whose words are listed with their details;
// the body's are only a set of documents.
const headFields = Title | Code | Keywords | Description | Meta

// Limits of what the index records of a word in a title: its first
// maxTitlePositions positions, and its first maxVariants spellings.
const (
	maxTitlePositions = 30
	maxVariants       = 30
	// excerptRunes is about how much of a document's description and
	// text a result can quote.
	excerptRunes = 180
)

// Doc is a document the index finds: what a result shows of it.
type Doc struct {
	Kind  Kind
	URL   string // site path: /thu-tuc/dang-ky-khai-sinh/, /danh-ba/#chu-tich
	Title string
	Sub   string // what it belongs to: field · agency, position · unit
	Code  string // a procedure's code
	// Facets are the browse groups it is in, as "dimension=slug":
	// "linh-vuc=ho-tich", "co-quan=uy-ban-nhan-dan-phuong-thu-dau-mot",
	// "cap=xa". Filters combine them with the words.
	Facets []string
}

// Builder gathers the words of every document of a site, while the build
// renders them, and writes the index (Files). Documents are numbered in
// the Vietnamese order of their titles, so that results with the same
// score are in that order.
type Builder struct {
	docs []docEntry

	mu    sync.Mutex
	terms termTable
	added []bool // a document's words are in the index (a Session may add them again)

	// What the last Files wrote, for a Session writing the index again
	// after one page changed: the terms in order (as many as there were),
	// the metadata files (each with whether a document of it changed
	// since), and every file, by the place it had.
	keep      bool
	sorted    []*term
	meta      [][]byte
	metaStale []bool
	last      map[string]*packJob
	// edited are the words of each page edited since the first build.
	edited map[uint32][]*term
	// scratch is Files' (under mu).
	scratch scratch
}

type docEntry struct {
	Doc
	excerpt string
}

// term is what the index knows of one folded word.
type term struct {
	key      string
	hash     uint32
	variants []variant
	// head holds the word's entries in title, code, keywords,
	// description and meta fields, in the order documents were added:
	// per entry the document (uvarint), the fields (a byte), the
	// spellings (uvarint mask of variants), and for a title the title's
	// length in words and the positions (uvarints).
	head []byte
	body docSet
	// gen counts the times its records were written. A Builder kept for
	// edits keeps them (fresh says they still hold).
	gen   uint32
	fresh bool
	kept  *records
}

// records are a word's records in the files.
type records struct{ head, body []byte }

// variant is a spelling of a word (its lower-case form, when it differs
// from the folded one), with the number of head entries that have it.
type variant struct {
	text string
	n    int
}

// NewBuilder numbers docs for an index. ids[i] is the number of docs[i],
// which its Writer takes.
func NewBuilder(docs []Doc) (b *Builder, ids []int) {
	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	vntext.SortByText(vntext.NewCollator(), order, func(i int) string { return docs[i].Title }, nil, func(x, y int) int {
		if c := cmp.Compare(docs[x].Kind, docs[y].Kind); c != 0 {
			return c
		}
		return cmp.Compare(docs[x].URL, docs[y].URL)
	})
	b = &Builder{docs: make([]docEntry, len(docs)), added: make([]bool, len(docs))}
	ids = make([]int, len(docs))
	for id, i := range order {
		ids[i] = id
		b.docs[id].Doc = docs[i]
		for _, f := range docs[i].Facets {
			key := facetKey(f)
			b.terms.get([]byte(key), hashOf([]byte(key))).body.add(uint32(id), len(docs))
		}
		b.docs[id].Facets = nil // in the index now
	}
	return b, ids
}

// KeepForEdits makes the Builder keep what Files writes, for a Session:
// after an edit, the next Files writes again only what changed, at the
// cost of the index's memory kept uncompressed.
func (b *Builder) KeepForEdits() { b.keep = true }

// facetKey is the index key of a browse group: no word begins with "!".
func facetKey(facet string) string { return "!" + facet }

// termTable finds the term of a word: a hash table of its own, since
// every word of every document is looked up in it.
type termTable struct {
	slots []uint64 // the word's hash << 32 | 1 + its index in list, or 0
	list  []*term  // in the order words were first seen
}

// get returns the term of key, whose hash is h, made if new.
func (tt *termTable) get(key []byte, h uint32) *term {
	if 2*len(tt.list) >= len(tt.slots) {
		tt.grow()
	}
	mask := uint32(len(tt.slots) - 1)
	i := h & mask
	for ; tt.slots[i] != 0; i = (i + 1) & mask {
		if s := tt.slots[i]; uint32(s>>32) == h {
			if t := tt.list[uint32(s)-1]; t.key == bytesString(key) {
				return t
			}
		}
	}
	t := &term{key: string(key), hash: h}
	tt.list = append(tt.list, t)
	tt.slots[i] = uint64(h)<<32 | uint64(len(tt.list))
	return t
}

func (tt *termTable) grow() {
	tt.slots = make([]uint64, max(1024, 2*len(tt.slots)))
	for n, t := range tt.list {
		place(tt.slots, t.hash, n)
	}
}

// place puts entry n, whose hash is h, in the first free slot from its
// hash on, in one of the package's tables of slots (a hash << 32 | 1 +
// the entry's index, 0 for a free slot), whose length is a power of two
// and which has free slots.
func place(slots []uint64, h uint32, n int) {
	mask := uint32(len(slots) - 1)
	i := h & mask
	for slots[i] != 0 {
		i = (i + 1) & mask
	}
	slots[i] = uint64(h)<<32 | uint64(n+1)
}

// hashOf is the FNV-1a hash of a word.
func hashOf(b []byte) uint32 {
	h := uint32(2166136261)
	for _, c := range b {
		h = (h ^ uint32(c)) * 16777619
	}
	return h
}

// Writer reads the words of one document at a time into a Builder. A
// build gives each worker one and reuses it: its buffers are kept from
// document to document.
type Writer struct {
	b       *Builder
	doc     int
	sc      scanner
	arena   []byte   // this document's words, which words[i].fold point into
	slots   []uint64 // a hash table of words: the word's hash << 32 | 1 + its index, or 0
	words   []localWord
	field   Field // of the text being added
	titleN  int   // words of the title so far
	excerpt []byte
	exRunes int
	exCut   bool // the excerpt is full, and ends with " …"
	// cache holds the folded words of the bodies this Writer has read;
	// gen numbers its documents, for the cache's entries.
	cache wordCache
	gen   uint32
	// noCache reads every word as if new (for the tests that hold the
	// cache to the same index).
	noCache bool
}

// localWord is what one document has of a word.
type localWord struct {
	fold     string
	hash     uint32
	fields   Field
	pos      uint32   // positions in the title (bits)
	variants []string // spellings in head fields, other than fold
	// cached is the word's entry in the Writer's cache, if it has one,
	// and term its term in the index, if the cache knew it.
	cached *cachedWord
	term   *term
}

// NewWriter returns a Writer for b.
func (b *Builder) NewWriter() *Writer {
	// gen starts past 0, the seen of a word new to the cache.
	return &Writer{b: b, slots: make([]uint64, 1024), gen: 1}
}

// Begin starts the document numbered doc, forgetting the last one.
func (w *Writer) Begin(doc int) {
	w.doc = doc
	w.gen++
	w.arena = w.arena[:0]
	clear(w.slots)
	w.words = w.words[:0]
	w.titleN = 0
	w.excerpt = w.excerpt[:0]
	w.exRunes = 0
	w.exCut = false
}

// Add reads text as words of field f. A title's positions count from the
// first word of the first title added.
func (w *Writer) Add(f Field, text string) {
	if f == Description || f == Body {
		w.quote(text)
	}
	w.field = f
	w.sc.lowerToo = f&headFields != 0 // the body's spellings are not kept
	w.sc.cache = nil
	if f == Body && !w.noCache {
		w.sc.cache = &w.cache
	}
	w.sc.scan(text, w)
}

// cached takes a word of a body that the scanner's cache gave: found in
// the document's words once, and by its cache entry after that.
func (w *Writer) cached(cw *cachedWord, _, _ int) {
	if cw.seen != w.gen {
		cw.seen, cw.entry = w.gen, w.entryOf(cw.fold, cw.foldHash, false)
		if lw := &w.words[cw.entry]; lw.cached == nil {
			lw.cached, lw.term = cw, cw.term
		}
	}
	w.words[cw.entry].fields |= w.field
}

// word takes a word of the text being added (the scanner's sink).
func (w *Writer) word(fold, lower []byte, _, _ int) {
	lw := w.entry(fold)
	lw.fields |= w.field
	if w.field == Title {
		if w.titleN < maxTitlePositions {
			lw.pos |= 1 << w.titleN
		}
		w.titleN++
	}
	if w.field&headFields != 0 && !bytes.Equal(fold, lower) && len(lw.variants) < maxVariants {
		if !slices.ContainsFunc(lw.variants, func(v string) bool { return v == string(lower) }) {
			lw.variants = append(lw.variants, w.keep(lower))
		}
	}
}

// AddPhone adds a phone number as a code, the ways it may be typed: its
// digits (0274 3822 123, +84 274 3822 123 and 02743822123 are all read
// as 02743822123), each of its groups (1800 1096, or 3822 123 without the
// area code), and a landline's number without its area code (3822123).
func (w *Writer) AddPhone(n phone.Number) {
	if n.IsZero() {
		return
	}
	w.Add(Code, n.Digits())
	groups := strings.Fields(n.Display())
	w.Add(Code, strings.Join(groups, ", ")) // a comma keeps the groups apart
	if k := n.Kind(); len(groups) > 1 && (k == phone.Landline || k == phone.Short) {
		w.Add(Code, strings.Join(groups[1:], ""))
	}
}

// AddBytes is Add for text in a byte slice, such as the text of a parsed
// Markdown body, read in place.
func (w *Writer) AddBytes(f Field, text []byte) {
	w.Add(f, bytesString(text))
}

// entry returns the document's entry for the folded word. A table of its
// own, rather than a map, costs a third of the time for every word of
// every text.
func (w *Writer) entry(fold []byte) *localWord {
	return &w.words[w.entryOf(bytesString(fold), hashOf(fold), true)]
}

// entryOf returns the index of the document's entry for fold, whose hash
// is h, made if new; copyFold says that fold must be copied to be kept.
func (w *Writer) entryOf(fold string, h uint32, copyFold bool) int32 {
	mask := uint32(len(w.slots) - 1)
	i := h & mask
	for ; w.slots[i] != 0; i = (i + 1) & mask {
		if s := w.slots[i]; uint32(s>>32) == h {
			if n := uint32(s) - 1; w.words[n].fold == fold {
				return int32(n)
			}
		}
	}
	key := fold
	if copyFold {
		key = w.keep(unsafeBytes(fold))
	}
	if len(w.words) < cap(w.words) {
		w.words = w.words[:len(w.words)+1]
		lw := &w.words[len(w.words)-1]
		*lw = localWord{fold: key, hash: h, variants: lw.variants[:0]}
	} else {
		w.words = append(w.words, localWord{fold: key, hash: h})
	}
	w.slots[i] = uint64(h)<<32 | uint64(len(w.words))
	if 2*len(w.words) > len(w.slots) {
		w.grow()
	}
	return int32(len(w.words) - 1)
}

// grow doubles the table of words.
func (w *Writer) grow() {
	w.slots = make([]uint64, 2*len(w.slots))
	for n := range w.words {
		place(w.slots, w.words[n].hash, n)
	}
}

// keep copies b into the document's arena and returns it as a string,
// valid until the next Begin. The arena is only appended to: a string of
// an array it has outgrown still reads what it was given.
func (w *Writer) keep(b []byte) string {
	if len(w.arena)+len(b) > cap(w.arena) {
		w.arena = make([]byte, 0, max(2*cap(w.arena), len(b), 4096))
	}
	start := len(w.arena)
	w.arena = append(w.arena, b...)
	s := w.arena[start:]
	return unsafe.String(unsafe.SliceData(s), len(s))
}

// quote adds text to the document's excerpt, until it is long enough,
// with every run of spaces made one. An excerpt that the text goes on
// past ends with its last whole word and " …", never in a word.
func (w *Writer) quote(text string) {
	if w.exCut {
		return
	}
	space := len(w.excerpt) > 0
	for _, r := range text {
		if unicode.IsSpace(r) {
			space = len(w.excerpt) > 0
			continue
		}
		if w.exRunes >= excerptRunes {
			if !space { // in a word: back to the space before it
				if i := bytes.LastIndexByte(w.excerpt, ' '); i > 0 {
					w.excerpt = w.excerpt[:i]
				}
			}
			w.excerpt = append(w.excerpt, " …"...)
			w.exCut = true
			return
		}
		if space {
			w.excerpt = append(w.excerpt, ' ')
			w.exRunes++
			space = false
		}
		w.excerpt = utf8.AppendRune(w.excerpt, r)
		w.exRunes++
	}
}

// End adds the document's words to the index. A document added before
// (a page edited while serve runs) has its old words taken out first.
func (w *Writer) End() {
	b := w.b
	excerpt := string(w.excerpt)
	doc := uint32(w.doc)
	b.mu.Lock()
	defer b.mu.Unlock()
	again := b.added[w.doc] // a page edited while serve runs
	b.added[w.doc] = true
	if b.docs[w.doc].excerpt != excerpt || b.meta == nil {
		b.docs[w.doc].excerpt = excerpt
		b.staleMeta(w.doc)
	}
	var entry []byte
	var mine []*term // an edited page's words, for its next edit
	for i := range w.words {
		lw := &w.words[i]
		t := lw.term // a word of the cache, found once by the Writer
		if t == nil {
			t = b.terms.get(unsafeBytes(lw.fold), lw.hash)
			if lw.cached != nil {
				lw.cached.term = t
			}
		}
		if again {
			mine = append(mine, t)
		}
		entry = entry[:0]
		if h := lw.fields & headFields; h != 0 {
			e := headEntry{doc: doc, fields: h}
			for _, v := range lw.variants {
				if id := t.variantID(v); id >= 0 {
					e.mask |= 1 << id
				}
			}
			if h&Title != 0 {
				e.tlen, e.pos = uint8(min(w.titleN, 255)), lw.pos
			}
			entry = e.append(entry)
		}
		inBody := lw.fields&Body != 0
		if again {
			// Most words of an edited page are where they were: only
			// those that changed make their records be written again.
			lo, hi := t.headOf(doc)
			if !bytes.Equal(t.head[lo:hi], entry) {
				t.count(t.head[lo:hi], -1)
				t.head = slices.Replace(t.head, lo, hi)
				t.head = append(t.head, entry...)
				t.count(entry, +1)
				t.fresh = false
			}
			if t.body.has(doc) != inBody {
				if inBody {
					t.body.add(doc, len(b.docs))
				} else {
					t.body.remove(doc)
				}
				t.fresh = false
			}
			continue
		}
		t.fresh = false
		t.head = append(t.head, entry...)
		t.count(entry, +1)
		if inBody {
			t.body.add(doc, len(b.docs))
		}
	}
	if again {
		b.removeExcept(doc, w, b.edited[doc])
		if b.edited == nil {
			b.edited = map[uint32][]*term{}
		}
		b.edited[doc] = mine
	}
}

// variantID returns the number of the spelling v of t, or -1 when t has
// too many spellings to tell them apart.
func (t *term) variantID(v string) int {
	for i := range t.variants {
		if t.variants[i].text == v {
			return i
		}
	}
	if len(t.variants) == 63 {
		return -1
	}
	t.variants = append(t.variants, variant{text: strings.Clone(v)})
	return len(t.variants) - 1
}

// count adds delta to the number of entries of each spelling a head entry
// of t (as t.head holds it, or none) has.
func (t *term) count(entry []byte, delta int) {
	if len(entry) == 0 {
		return
	}
	_, n := binary.Uvarint(entry)
	mask, _ := binary.Uvarint(entry[n+1:])
	for ; mask != 0; mask &= mask - 1 {
		t.variants[bits.TrailingZeros64(mask)].n += delta
	}
}

// headEntry is one decoded head entry of a term.
type headEntry struct {
	doc    uint32
	fields Field
	tlen   uint8
	mask   uint64 // spellings, by number in the term's variants
	pos    uint32
}

// appendEntries appends t's head entries, decoded, to out.
func (t *term) appendEntries(out []headEntry) []headEntry {
	for b := t.head; len(b) > 0; {
		var e headEntry
		var v uint64
		v, b = uvarint(b)
		e.doc = uint32(v)
		e.fields = Field(b[0])
		b = b[1:]
		e.mask, b = uvarint(b)
		if e.fields&Title != 0 {
			v, b = uvarint(b)
			e.tlen = uint8(v)
			v, b = uvarint(b)
			e.pos = uint32(v)
		}
		out = append(out, e)
	}
	return out
}

// removeExcept takes doc out of every term the writer's document does not
// have: the words an edited page no longer has. The first edit of a page
// looks for them in every term; the next ones in the words it had then
// (had). b.mu must be held.
func (b *Builder) removeExcept(doc uint32, w *Writer, had []*term) {
	terms := b.terms.list
	if had != nil {
		terms = had
	}
	for _, t := range terms {
		if w.has(t) {
			continue
		}
		if lo, hi := t.headOf(doc); lo < hi {
			t.count(t.head[lo:hi], -1) // a spelling no entry has is left out
			t.head = slices.Delete(t.head, lo, hi)
			t.fresh = false
		}
		// The browse groups stay: they come with the document, not its
		// text. A word left in no document is left out of the files.
		if t.key[0] != '!' && t.body.remove(doc) {
			t.fresh = false
		}
	}
}

// has reports whether the writer's document has the word of t.
func (w *Writer) has(t *term) bool {
	mask := uint32(len(w.slots) - 1)
	for i := t.hash & mask; w.slots[i] != 0; i = (i + 1) & mask {
		if s := w.slots[i]; uint32(s>>32) == t.hash && w.words[uint32(s)-1].fold == t.key {
			return true
		}
	}
	return false
}

// headOf returns where doc's head entry is in t.head, reading only the
// documents' numbers: lo == hi when it has none.
func (t *term) headOf(doc uint32) (lo, hi int) {
	for i := 0; i < len(t.head); {
		start := i
		d, n := binary.Uvarint(t.head[i:])
		fields := Field(t.head[i+n])
		i += n + 1
		_, n = binary.Uvarint(t.head[i:]) // spellings
		i += n
		if fields&Title != 0 {
			_, n = binary.Uvarint(t.head[i:])
			i += n
			_, n = binary.Uvarint(t.head[i:])
			i += n
		}
		if uint32(d) == doc {
			return start, i
		}
	}
	return len(t.head), len(t.head)
}

// staleMeta marks the metadata file of doc as changed.
func (b *Builder) staleMeta(doc int) {
	if f := doc / metaDocs; f < len(b.metaStale) {
		b.metaStale[f] = true
	}
}

// append writes e as term.head holds it.
func (e headEntry) append(b []byte) []byte {
	b = binary.AppendUvarint(b, uint64(e.doc))
	b = append(b, byte(e.fields))
	b = binary.AppendUvarint(b, e.mask)
	if e.fields&Title != 0 {
		b = binary.AppendUvarint(b, uint64(e.tlen))
		b = binary.AppendUvarint(b, uint64(e.pos))
	}
	return b
}

// uvarint reads a varint the index wrote itself.
func uvarint(b []byte) (uint64, []byte) {
	v, n := binary.Uvarint(b)
	return v, b[n:]
}

// docSet is a set of document numbers: a list while it is small, a bitmap
// once the list would be larger than one, in one slice either way.
type docSet struct {
	docs   []uint32 // unsorted; or, as a bitmap, bit d%32 of word d/32
	bitmap bool
}

func (s *docSet) add(doc uint32, docs int) {
	if s.bitmap {
		s.docs[doc/32] |= 1 << (doc % 32)
		return
	}
	s.docs = append(s.docs, doc)
	if len(s.docs) > (docs+31)/32 {
		bits := make([]uint32, (docs+31)/32)
		for _, d := range s.docs {
			bits[d/32] |= 1 << (d % 32)
		}
		s.docs, s.bitmap = bits, true
	}
}

// remove takes doc out of the set, and reports whether it was in it.
func (s *docSet) remove(doc uint32) bool {
	if s.bitmap {
		had := s.has(doc)
		s.docs[doc/32] &^= 1 << (doc % 32)
		return had
	}
	n := len(s.docs)
	s.docs = slices.DeleteFunc(s.docs, func(d uint32) bool { return d == doc })
	return len(s.docs) != n
}

func (s *docSet) has(doc uint32) bool {
	if s.bitmap {
		return s.docs[doc/32]&(1<<(doc%32)) != 0
	}
	return slices.Contains(s.docs, doc)
}

func (s *docSet) empty() bool {
	if s.bitmap {
		return !slices.ContainsFunc(s.docs, func(w uint32) bool { return w != 0 })
	}
	return len(s.docs) == 0
}

// appendSorted appends the documents, in order, to out.
func (s *docSet) appendSorted(out []uint32) []uint32 {
	if !s.bitmap {
		out = append(out, s.docs...)
		slices.Sort(out)
		return out
	}
	for i, w := range s.docs {
		for ; w != 0; w &= w - 1 {
			out = append(out, uint32(i*32)+uint32(bits.TrailingZeros32(w)))
		}
	}
	return out
}
