package search

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"math/bits"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
)

// The index is a folder of files, each gzip-compressed (the browser
// decompresses them itself, whatever the host does):
//
//	manifest.bin    JSON: the number of documents, and which file holds
//	                which words and documents
//	h-<hash>.bin    head shards: the words of titles, codes, keywords,
//	                descriptions and meta fields, in byte order, with for
//	                each the documents that have it, where, spelt how, and
//	                at which positions of the title
//	b-<hash>.bin    body shards: for each word of the texts, the set of
//	                documents that have it; and the documents of each
//	                browse group (filters)
//	m-<hash>.bin    JSON: what results show of metaDocs documents each
//	f-<hash>.bin    the words of four letters or more, for spelling
//	                mistakes
//
// Shard file names carry a hash of their content, so a host may keep
// them for a year; the manifest's name is fixed. A query reads the
// manifest, the head and body shard of each of its words (the head
// shards of what the last word begins, while it is typed), the
// vocabulary when a word is misspelt, and the metadata of the results it
// shows.
const (
	ManifestName   = "manifest.bin"
	formatVersion  = 1
	headShardBytes = 12 << 10
	bodyShardBytes = 8 << 10
	metaDocs       = 10
	// fuzzyMinRunes is the shortest word the vocabulary for spelling
	// mistakes lists: a misspelt word of five letters may be one letter
	// longer than the word meant.
	fuzzyMinRunes = 4
)

// The encodings of a set of documents in a body shard.
const (
	setList       = iota // the documents, as gaps
	setBitmap            // a bit per document
	setComplement        // the documents not in the set, as gaps
)

// File is one file of the index, named relative to its folder.
type File struct {
	Name string
	Data []byte
}

// manifest is manifest.bin.
type manifest struct {
	Version int         `json:"version"`
	Docs    int         `json:"docs"`
	Head    [][2]string `json:"head"` // first word of each shard, and its file
	Body    [][2]string `json:"body"`
	Meta    metaFiles   `json:"meta"`
	Fuzzy   string      `json:"fuzzy"`
}

type metaFiles struct {
	Size  int      `json:"size"` // documents per file: document d is in Files[d/Size]
	Files []string `json:"files"`
}

// Files writes the index: the same words and documents always give the
// same files, byte for byte.
func (b *Builder) Files() []File {
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.sorted) != len(b.terms.list) {
		b.sorted = slices.Clone(b.terms.list)
		slices.SortFunc(b.sorted, func(x, y *term) int { return strings.Compare(x.key, y.key) })
	}

	var heads, bodies shards
	var fuzzy []string
	for _, t := range b.sorted {
		if !t.fresh {
			t.headRec, t.bodyRec = nil, nil
			if len(t.head) > 0 {
				t.headRec = t.appendHead(nil)
			}
			if !t.body.empty() {
				t.bodyRec = t.body.appendSet(nil, len(b.docs))
			}
			t.fresh = true
			t.gen++
		}
		k := t.key
		if t.headRec != nil {
			heads.add(t, t.headRec, headShardBytes)
		}
		if t.bodyRec != nil {
			bodies.add(t, t.bodyRec, bodyShardBytes)
		}
		if k[0] != '!' && isFuzzyWord(k) && (t.headRec != nil || t.bodyRec != nil) {
			fuzzy = append(fuzzy, k)
		}
	}

	var payloads []payload
	m := manifest{Version: formatVersion, Docs: len(b.docs), Meta: metaFiles{Size: metaDocs}}
	for _, s := range heads.list {
		payloads = append(payloads, b.shardPayload("h", s))
	}
	for _, s := range bodies.list {
		payloads = append(payloads, b.shardPayload("b", s))
	}
	if b.meta == nil {
		n := (len(b.docs) + metaDocs - 1) / metaDocs
		b.meta, b.metaStale = make([][]byte, n), make([]bool, n)
		for i := range b.metaStale {
			b.metaStale[i] = true
		}
	}
	for i := range b.meta {
		if b.metaStale[i] {
			lo := i * metaDocs
			b.meta[i], b.metaStale[i] = b.metaJSON(lo, min(lo+metaDocs, len(b.docs))), false
		}
		payloads = append(payloads, payload{prefix: "m-", key: "m" + strconv.Itoa(i), data: b.meta[i]})
	}
	payloads = append(payloads, payload{prefix: "f-", key: "f", data: vocabulary(fuzzy)})
	b.compress(payloads)

	files := make([]File, 0, len(payloads)+1)
	i := 0
	next := func() string {
		p := payloads[i]
		i++
		files = append(files, File{Name: p.name, Data: p.packed})
		return p.name
	}
	for _, s := range heads.list {
		m.Head = append(m.Head, [2]string{s.first, next()})
	}
	for _, s := range bodies.list {
		m.Body = append(m.Body, [2]string{s.first, next()})
	}
	for lo := 0; lo < len(b.docs); lo += metaDocs {
		m.Meta.Files = append(m.Meta.Files, next())
	}
	m.Fuzzy = next()
	js, err := json.Marshal(m)
	if err != nil {
		panic(err) // strings and numbers only
	}
	if last, ok := b.last[ManifestName]; ok && bytes.Equal(last.data, js) {
		files = append(files, File{Name: ManifestName, Data: last.packed})
	} else {
		packed := gzipped(js)
		b.last[ManifestName] = payload{key: ManifestName, data: js, packed: packed}
		files = append(files, File{Name: ManifestName, Data: packed})
	}
	slices.SortFunc(files, func(x, y File) int { return cmp.Compare(x.Name, y.Name) })
	return files
}

// shards cuts a sequence of word records into files of about a size.
type shards struct {
	list []shard
}

type shard struct {
	first string // its first word
	size  int    // the bytes of its records
	prev  string
	// terms are its words, each with the version of its record that it
	// holds: a shard of the same words and versions as the last Files
	// wrote is that file.
	terms []*term
	gens  []uint32
	recs  [][]byte
}

// add appends the record rec of word t to the last shard, or to a new one
// when the last is full.
func (s *shards) add(t *term, rec []byte, size int) {
	k := t.key
	if len(s.list) == 0 || s.list[len(s.list)-1].size >= size {
		first := k
		if len(s.list) == 0 {
			first = "" // the first shard holds every word before the second's
		}
		s.list = append(s.list, shard{first: first})
	}
	sh := &s.list[len(s.list)-1]
	shared := commonPrefix(sh.prev, k)
	sh.size += uvarintSize(shared) + uvarintSize(len(k)-shared) + len(k) - shared + len(rec)
	sh.prev = k
	sh.terms = append(sh.terms, t)
	sh.gens = append(sh.gens, t.gen)
	sh.recs = append(sh.recs, rec)
}

// data is the shard's file content: its count of words, then each word
// after what it shares with the one before, and its record.
func (sh *shard) data() []byte {
	b := make([]byte, 0, sh.size+binary.MaxVarintLen64)
	b = binary.AppendUvarint(b, uint64(len(sh.terms)))
	prev := ""
	for i, t := range sh.terms {
		k := t.key
		shared := commonPrefix(prev, k)
		b = binary.AppendUvarint(b, uint64(shared))
		b = binary.AppendUvarint(b, uint64(len(k)-shared))
		b = append(b, k[shared:]...)
		b = append(b, sh.recs[i]...)
		prev = k
	}
	return b
}

func uvarintSize(n int) int {
	var buf [binary.MaxVarintLen64]byte
	return binary.PutUvarint(buf[:], uint64(n))
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// appendHead writes t's spellings and head entries, in document order.
func (t *term) appendHead(b []byte) []byte {
	es := t.entries()
	slices.SortFunc(es, func(x, y headEntry) int { return cmp.Compare(x.doc, y.doc) })
	// Spellings by how many entries have them, then as written; only the
	// first maxVariants are told apart.
	var order []int
	for i, v := range t.variants {
		if v.n > 0 {
			order = append(order, i)
		}
	}
	slices.SortFunc(order, func(x, y int) int {
		if c := cmp.Compare(t.variants[y].n, t.variants[x].n); c != 0 {
			return c
		}
		return cmp.Compare(t.variants[x].text, t.variants[y].text)
	})
	order = order[:min(len(order), maxVariants)]
	remap := make([]int, 64)
	for i := range remap {
		remap[i] = -1
	}
	b = binary.AppendUvarint(b, uint64(len(order)))
	for i, v := range order {
		remap[v] = i
		b = binary.AppendUvarint(b, uint64(len(t.variants[v].text)))
		b = append(b, t.variants[v].text...)
	}
	b = binary.AppendUvarint(b, uint64(len(es)))
	prev := uint32(0)
	for _, e := range es {
		b = binary.AppendUvarint(b, uint64(e.doc-prev))
		prev = e.doc
		b = append(b, byte(e.fields))
		if len(order) > 0 {
			var mask uint64
			for m := e.mask; m != 0; m &= m - 1 {
				if r := remap[bits.TrailingZeros64(m)]; r >= 0 {
					mask |= 1 << r
				}
			}
			b = binary.AppendUvarint(b, mask)
		}
		if e.fields&Title != 0 {
			b = binary.AppendUvarint(b, uint64(e.tlen))
			b = binary.AppendUvarint(b, uint64(e.pos))
		}
	}
	return b
}

// appendSet writes the set in the shortest of its encodings: the
// documents as gaps, a bitmap, or the documents not in it as gaps.
func (s *docSet) appendSet(b []byte, docs int) []byte {
	in := s.sorted()
	gaps := func(kind byte, list []uint32) []byte {
		out := []byte{kind}
		out = binary.AppendUvarint(out, uint64(len(list)))
		prev := uint32(0)
		for _, d := range list {
			out = binary.AppendUvarint(out, uint64(d-prev))
			prev = d
		}
		return out
	}
	best := gaps(setList, in)
	if len(in) > 0 {
		bitmap := make([]byte, in[len(in)-1]/8+1)
		for _, d := range in {
			bitmap[d/8] |= 1 << (d % 8)
		}
		enc := binary.AppendUvarint([]byte{setBitmap}, uint64(len(bitmap)))
		if enc = append(enc, bitmap...); len(enc) < len(best) {
			best = enc
		}
	}
	if len(in)*2 > docs {
		var out []uint32
		j := 0
		for d := uint32(0); d < uint32(docs); d++ {
			if j < len(in) && in[j] == d {
				j++
				continue
			}
			out = append(out, d)
		}
		if enc := gaps(setComplement, out); len(enc) < len(best) {
			best = enc
		}
	}
	return append(b, best...)
}

// metaJSON is what results show of documents lo to hi: kind, address,
// title, what it belongs to, code, and the excerpt they quote.
func (b *Builder) metaJSON(lo, hi int) []byte {
	rows := make([][]any, 0, hi-lo)
	for _, d := range b.docs[lo:hi] {
		rows = append(rows, []any{d.Kind, d.URL, d.Title, d.Sub, d.Code, d.excerpt})
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // read as data by the browser, never as HTML
	if err := enc.Encode(rows); err != nil {
		panic(err) // strings and numbers only
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

// isFuzzyWord reports whether a misspelling of k is looked for: a word of
// letters alone, of fuzzyMinRunes or more.
func isFuzzyWord(k string) bool {
	n := 0
	for _, r := range k {
		if !unicode.IsLetter(r) {
			return false
		}
		n++
	}
	return n >= fuzzyMinRunes
}

// vocabulary writes the words for spelling mistakes, sorted, each after
// the length of what it shares with the one before.
func vocabulary(words []string) []byte {
	b := binary.AppendUvarint(nil, uint64(len(words)))
	prev := ""
	for _, w := range words {
		shared := commonPrefix(prev, w)
		b = binary.AppendUvarint(b, uint64(shared))
		b = binary.AppendUvarint(b, uint64(len(w)-shared))
		b = append(b, w[shared:]...)
		prev = w
	}
	return b
}

// payload is the content of one file, to be compressed and named; key
// says which file of the last Files it takes the place of.
type payload struct {
	prefix, key string
	data        []byte
	packed      []byte
	name        string
	terms       []*term // of a shard, with the versions of their records
	gens        []uint32
}

// shardPayload is the file of a shard: the last Files' file in its place
// when it has the same words, in the same versions.
func (b *Builder) shardPayload(kind string, s shard) payload {
	key := kind + s.first
	if last, ok := b.last[key]; ok && slices.Equal(last.terms, s.terms) && slices.Equal(last.gens, s.gens) {
		return last
	}
	return payload{prefix: kind + "-", key: key, data: s.data(), terms: s.terms, gens: s.gens}
}

// compress gzips every payload on all CPUs and names each file by a hash
// of what is published. A payload equal to the one the last Files wrote
// in its place keeps that one's file.
func (b *Builder) compress(ps []payload) {
	work := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			var z compressor // a gzip writer holds a megabyte of tables: one per worker
			for i := range work {
				p := &ps[i]
				if p.packed != nil {
					continue // kept from the last Files
				}
				if last, ok := b.last[p.key]; ok && bytes.Equal(last.data, p.data) {
					p.packed, p.name = last.packed, last.name
					continue
				}
				p.packed = z.gzip(p.data)
				sum := sha256.Sum256(p.packed)
				p.name = p.prefix + hex.EncodeToString(sum[:5]) + ".bin"
			}
		})
	}
	for i := range ps {
		work <- i
	}
	close(work)
	wg.Wait()
	b.last = make(map[string]payload, len(ps))
	for _, p := range ps {
		b.last[p.key] = p
	}
}

// gzipped compresses data once.
func gzipped(data []byte) []byte {
	var z compressor
	return z.gzip(data)
}

// compressor gzips one file after another with the same writer. The
// header holds no name and no time: the same data always gives the same
// bytes.
type compressor struct {
	zw  *gzip.Writer
	buf bytes.Buffer
}

func (z *compressor) gzip(data []byte) []byte {
	z.buf.Reset()
	if z.zw == nil {
		z.zw, _ = gzip.NewWriterLevel(&z.buf, gzip.DefaultCompression)
	} else {
		z.zw.Reset(&z.buf)
	}
	z.zw.Write(data)
	z.zw.Close()
	return bytes.Clone(z.buf.Bytes())
}
