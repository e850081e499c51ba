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
	metaBlock      = 100 // metadata files named by one hash
	formatVersion  = 2
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

// HashedNames are the names of the index's files that carry a hash of
// their content, as patterns where * stands for any text: every file but
// the manifest. A host may keep them for a year.
func HashedNames() []string { return []string{"b-*", "f-*", "h-*", "m-*"} }

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

// metaFiles says where the metadata of a document is: document d is in
// file f = d/Size, named m-<Blocks[f/Block]>-<f>.bin. A file is named by a
// hash of its block of Block files rather than of itself, so that the
// manifest need not list every file of a large site.
type metaFiles struct {
	Size   int      `json:"size"`
	Block  int      `json:"block"`
	Blocks []string `json:"blocks"`
}

// MetaName is the name of the metadata file f of a block whose hash is
// block.
func metaName(block string, f int) string { return "m-" + block + "-" + strconv.Itoa(f) + ".bin" }

// Files writes the index: the same words and documents always give the
// same files, byte for byte. Each file is compressed as soon as its words
// are known, so that a large index is never held uncompressed; a Builder
// kept for edits (KeepForEdits) keeps what it wrote, so that the next
// Files writes again only what changed.
func (b *Builder) Files() []File {
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.sorted) != len(b.terms.list) {
		b.sorted = slices.Clone(b.terms.list)
		slices.SortFunc(b.sorted, func(x, y *term) int { return strings.Compare(x.key, y.key) })
	}
	z := b.newPacker()
	var heads, bodies shards
	heads.emit = func(i int, sh *shard) { z.shard("h", i, sh) }
	bodies.emit = func(i int, sh *shard) { z.shard("b", i, sh) }
	var fuzzy []string
	for _, t := range b.sorted {
		headRec, bodyRec := t.records(b)
		if headRec != nil {
			heads.add(t, headRec, headShardBytes)
		}
		if bodyRec != nil {
			bodies.add(t, bodyRec, bodyShardBytes)
		}
		if k := t.key; k[0] != '!' && isFuzzyWord(k) && (headRec != nil || bodyRec != nil) {
			fuzzy = append(fuzzy, k)
		}
	}
	heads.flush()
	bodies.flush()
	metas := (len(b.docs) + metaDocs - 1) / metaDocs
	if b.keep && b.meta == nil {
		b.meta, b.metaStale = make([][]byte, metas), make([]bool, metas)
		for i := range b.metaStale {
			b.metaStale[i] = true
		}
	}
	for lo := 0; lo < metas; lo += metaBlock {
		z.metaBlock(lo, min(lo+metaBlock, metas))
	}
	z.add(&packJob{prefix: "f-", key: "f", data: vocabulary(fuzzy)})
	done := z.wait()

	m := manifest{Version: formatVersion, Docs: len(b.docs), Meta: metaFiles{Size: metaDocs, Block: metaBlock, Blocks: []string{}}}
	files := make([]File, 0, len(done)+1)
	for _, j := range done {
		for _, f := range append([]*packJob{j}, j.block...) {
			if f.packed != nil {
				files = append(files, File{Name: f.name, Data: f.packed})
			}
		}
		switch j.prefix {
		case "h-":
			m.Head = append(m.Head, [2]string{j.first, j.name})
		case "b-":
			m.Body = append(m.Body, [2]string{j.first, j.name})
		case "m-":
			m.Meta.Blocks = append(m.Meta.Blocks, j.name)
		case "f-":
			m.Fuzzy = j.name
		}
	}
	js, err := json.Marshal(m)
	if err != nil {
		panic(err) // strings and numbers only
	}
	if last, ok := b.last[ManifestName]; ok && bytes.Equal(last.data, js) {
		files = append(files, File{Name: ManifestName, Data: last.packed})
	} else {
		packed := gzipped(js)
		if b.keep {
			b.last[ManifestName] = &packJob{key: ManifestName, data: js, packed: packed}
		}
		files = append(files, File{Name: ManifestName, Data: packed})
	}
	slices.SortFunc(files, func(x, y File) int { return cmp.Compare(x.Name, y.Name) })
	return files
}

// records returns t's records in the files: as the last Files wrote them
// when t has not changed since (a Builder kept for edits), else written
// now.
func (t *term) records(b *Builder) (headRec, bodyRec []byte) {
	if t.kept != nil && t.fresh {
		return t.kept.head, t.kept.body
	}
	if len(t.head) > 0 {
		headRec = t.appendHead(nil, &b.scratch)
	}
	if !t.body.empty() {
		bodyRec = t.body.appendSet(nil, len(b.docs), &b.scratch)
	}
	t.gen++
	if b.keep {
		t.kept = &records{head: headRec, body: bodyRec}
		t.fresh = true
	}
	return headRec, bodyRec
}

// shards cuts a sequence of word records into files of about a size, and
// hands each file to emit once its last word is known.
type shards struct {
	cur  *shard
	n    int
	emit func(i int, sh *shard)
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
	if s.cur == nil || s.cur.size >= size {
		first := k
		if s.cur == nil {
			first = "" // the first shard holds every word before the second's
		}
		s.flush()
		s.cur = &shard{first: first}
	}
	sh := s.cur
	shared := commonPrefix(sh.prev, k)
	sh.size += uvarintSize(shared) + uvarintSize(len(k)-shared) + len(k) - shared + len(rec)
	sh.prev = k
	sh.terms = append(sh.terms, t)
	sh.gens = append(sh.gens, t.gen)
	sh.recs = append(sh.recs, rec)
}

// flush hands on the shard being filled.
func (s *shards) flush() {
	if s.cur != nil {
		s.emit(s.n, s.cur)
		s.n++
	}
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

// scratch holds what writing one record needs and does not keep, from
// one word's record to the next (Files writes them one at a time).
type scratch struct {
	entries    []headEntry
	order      []int
	docs, gaps []uint32
	enc        [3][]byte
}

// appendHead writes t's spellings and head entries, in document order.
func (t *term) appendHead(b []byte, sc *scratch) []byte {
	es := t.appendEntries(sc.entries[:0])
	sc.entries = es
	slices.SortFunc(es, func(x, y headEntry) int { return cmp.Compare(x.doc, y.doc) })
	// Spellings by how many entries have them, then as written; only the
	// first maxVariants are told apart.
	order := sc.order[:0]
	for i, v := range t.variants {
		if v.n > 0 {
			order = append(order, i)
		}
	}
	sc.order = order
	slices.SortFunc(order, func(x, y int) int {
		if c := cmp.Compare(t.variants[y].n, t.variants[x].n); c != 0 {
			return c
		}
		return cmp.Compare(t.variants[x].text, t.variants[y].text)
	})
	order = order[:min(len(order), maxVariants)]
	var remap [64]int
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
func (s *docSet) appendSet(b []byte, docs int, sc *scratch) []byte {
	in := s.appendSorted(sc.docs[:0])
	sc.docs = in
	gaps := func(out []byte, kind byte, list []uint32) []byte {
		out = append(out[:0], kind)
		out = binary.AppendUvarint(out, uint64(len(list)))
		prev := uint32(0)
		for _, d := range list {
			out = binary.AppendUvarint(out, uint64(d-prev))
			prev = d
		}
		return out
	}
	sc.enc[0] = gaps(sc.enc[0], setList, in)
	best := sc.enc[0]
	if len(in) > 0 {
		n := int(in[len(in)-1]/8 + 1)
		enc := binary.AppendUvarint(append(sc.enc[1][:0], setBitmap), uint64(n))
		head := len(enc)
		enc = append(enc, make([]byte, n)...)
		bitmap := enc[head:]
		for _, d := range in {
			bitmap[d/8] |= 1 << (d % 8)
		}
		if sc.enc[1] = enc; len(enc) < len(best) {
			best = enc
		}
	}
	if len(in)*2 > docs {
		out := sc.gaps[:0]
		j := 0
		for d := uint32(0); d < uint32(docs); d++ {
			if j < len(in) && in[j] == d {
				j++
				continue
			}
			out = append(out, d)
		}
		sc.gaps = out
		if sc.enc[2] = gaps(sc.enc[2], setComplement, out); len(sc.enc[2]) < len(best) {
			best = sc.enc[2]
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

// packJob is one file of the index: its content (or what makes it),
// compressed and named by a hash of what is published. key says which
// file of the last Files it takes the place of.
type packJob struct {
	order       int
	prefix, key string
	first       string // a shard's first word
	data        []byte
	make        func() []byte // the content, made by the worker
	terms       []*term       // of a shard, with the versions of their records
	gens        []uint32
	packed      []byte
	name        string
	// block are the metadata files of a block: its name is their hash.
	block []*packJob
}

// packer compresses the files of the index on all CPUs while Files finds
// their content.
type packer struct {
	b    *Builder
	work chan *packJob
	wg   sync.WaitGroup
	jobs []*packJob
}

func (b *Builder) newPacker() *packer {
	z := &packer{b: b, work: make(chan *packJob, runtime.GOMAXPROCS(0))}
	last := b.last
	for range runtime.GOMAXPROCS(0) {
		z.wg.Go(func() {
			var c compressor // a gzip writer holds a megabyte of tables: one per worker
			for j := range z.work {
				if j.packed != nil {
					continue // kept from the last Files
				}
				if j.block != nil {
					z.packBlock(j, &c)
					continue
				}
				if j.make != nil {
					j.data, j.make = j.make(), nil
				}
				if prev, ok := last[j.key]; ok && bytes.Equal(prev.data, j.data) {
					j.packed, j.name = prev.packed, prev.name
				} else {
					j.packed = c.gzip(j.data)
					sum := sha256.Sum256(j.packed)
					j.name = j.prefix + hex.EncodeToString(sum[:5]) + ".bin"
				}
				if !b.keep {
					j.data = nil // only the compressed file is kept
				}
			}
		})
	}
	return z
}

// add queues a file to compress.
func (z *packer) add(j *packJob) {
	j.order = len(z.jobs)
	z.jobs = append(z.jobs, j)
	z.work <- j
}

// shard queues the i-th shard of a kind: the last Files' file in its
// place when it has the same words, in the same versions.
func (z *packer) shard(kind string, i int, sh *shard) {
	key := kind + sh.first
	if last, ok := z.b.last[key]; ok && slices.Equal(last.terms, sh.terms) && slices.Equal(last.gens, sh.gens) {
		z.add(last)
		return
	}
	j := &packJob{prefix: kind + "-", key: key, first: sh.first, make: sh.data}
	if z.b.keep {
		j.terms, j.gens = sh.terms, sh.gens
	}
	z.add(j)
}

// metaBlock queues the metadata files lo to hi, a block.
func (z *packer) metaBlock(lo, hi int) {
	b := z.b
	j := &packJob{prefix: "m-", key: "m" + strconv.Itoa(lo)}
	stale := !b.keep
	for f := lo; f < hi; f++ {
		first, end := f*metaDocs, min((f+1)*metaDocs, len(b.docs))
		sub := &packJob{key: "m" + strconv.Itoa(lo) + "." + strconv.Itoa(f), order: f}
		switch {
		case !b.keep:
			sub.make = func() []byte { return b.metaJSON(first, end) }
		case b.metaStale[f]:
			b.meta[f], b.metaStale[f] = b.metaJSON(first, end), false
			stale = true
			fallthrough
		default:
			sub.data = b.meta[f]
		}
		j.block = append(j.block, sub)
	}
	if last, ok := b.last[j.key]; ok && !stale && len(last.block) == len(j.block) {
		z.add(last) // no document of the block changed
		return
	}
	z.add(j)
}

// packBlock names the metadata files of a block by a hash of them all,
// and compresses each.
func (z *packer) packBlock(j *packJob, c *compressor) {
	h := sha256.New()
	for _, f := range j.block {
		if f.make != nil {
			f.data, f.make = f.make(), nil
		}
		h.Write(binary.AppendUvarint(nil, uint64(len(f.data))))
		h.Write(f.data)
	}
	j.name = hex.EncodeToString(h.Sum(nil)[:5])
	for _, f := range j.block {
		f.name = metaName(j.name, f.order)
		f.packed = c.gzip(f.data)
		if !z.b.keep {
			f.data = nil
		}
	}
}

// wait returns every file once compressed, in the order they were queued,
// and keeps them for the next Files of a Builder kept for edits.
func (z *packer) wait() []*packJob {
	close(z.work)
	z.wg.Wait()
	if z.b.keep {
		z.b.last = make(map[string]*packJob, len(z.jobs)+1)
		for _, j := range z.jobs {
			j.make = nil
			z.b.last[j.key] = j
		}
	}
	return z.jobs
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
