package search

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"encoding/json"
	"io"
	"sort"
	"strings"

	"github.com/congkhai/congkhai/internal/msg"
)

// Index reads an index that Builder.Files wrote, file by file as queries
// need them, the way assets/js/search.js does in the browser: it is the
// reference the tests hold the script to.
type Index struct {
	fetch func(name string) ([]byte, error)
	m     manifest
	heads map[string]map[string]*headTerm
	sets  map[string]map[string][]uint32
	metas map[string][]Hit
	vocab []string
	// Fetched lists the files read so far, each once, in order: what a
	// browser would have downloaded.
	Fetched []string
}

// headTerm is a word of a head shard, decoded.
type headTerm struct {
	variants []string
	entries  []headEntry // by document
}

// Hit is what a result shows of a document.
type Hit struct {
	Kind    Kind
	URL     string
	Title   string
	Sub     string
	Code    string
	Excerpt string
}

// Open reads the manifest of an index through fetch, which returns a
// file of the index folder by name.
func Open(fetch func(name string) ([]byte, error)) (*Index, error) {
	ix := &Index{fetch: fetch, heads: map[string]map[string]*headTerm{}, sets: map[string]map[string][]uint32{}, metas: map[string][]Hit{}}
	b, err := ix.read(ManifestName)
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(b, &ix.m); err != nil {
		return nil, msg.Errorf("%s: %w", ManifestName, err)
	}
	if ix.m.Version != formatVersion {
		return nil, msg.Errorf("%s: format %d, want %d", ManifestName, ix.m.Version, formatVersion)
	}
	return ix, nil
}

// Docs is the number of documents in the index.
func (ix *Index) Docs() int { return ix.m.Docs }

// read fetches and decompresses a file.
func (ix *Index) read(name string) ([]byte, error) {
	raw, err := ix.fetch(name)
	if err != nil {
		return nil, err
	}
	ix.Fetched = append(ix.Fetched, name)
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil, msg.Errorf("%s: %w", name, err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		return nil, msg.Errorf("%s: %w", name, err)
	}
	return b, nil
}

// shardFor returns the file of the shard whose words include k.
func shardFor(list [][2]string, k string) string {
	i := sort.Search(len(list), func(i int) bool { return list[i][0] > k }) - 1
	if i < 0 {
		return ""
	}
	return list[i][1]
}

// head returns the head entries of word k, or nil.
func (ix *Index) head(k string) (*headTerm, error) {
	sh, err := ix.headShard(shardFor(ix.m.Head, k))
	return sh[k], err
}

// withPrefix returns the head words that begin with p, other than p,
// reading every head shard they may be in.
func (ix *Index) withPrefix(p string) ([]string, error) {
	var out []string
	i := sort.Search(len(ix.m.Head), func(i int) bool { return ix.m.Head[i][0] > p }) - 1
	for i = max(i, 0); i < len(ix.m.Head); i++ {
		if first := ix.m.Head[i][0]; first > p && !strings.HasPrefix(first, p) {
			break
		}
		sh, err := ix.headShard(ix.m.Head[i][1])
		if err != nil {
			return nil, err
		}
		for k := range sh {
			if k != p && strings.HasPrefix(k, p) {
				out = append(out, k)
			}
		}
	}
	sort.Strings(out)
	return out, nil
}

func (ix *Index) headShard(name string) (map[string]*headTerm, error) {
	if sh, ok := ix.heads[name]; ok || name == "" {
		return sh, nil
	}
	b, err := ix.read(name)
	if err != nil {
		return nil, err
	}
	sh := map[string]*headTerm{}
	d := decoder{b: b}
	n := d.uvarint()
	prev := ""
	for range n {
		k := d.word(prev)
		prev = k
		t := &headTerm{}
		for range d.uvarint() {
			t.variants = append(t.variants, string(d.bytes(int(d.uvarint()))))
		}
		doc := uint32(0)
		for range d.uvarint() {
			var e headEntry
			doc += uint32(d.uvarint())
			e.doc = doc
			e.fields = Field(d.byte())
			if len(t.variants) > 0 {
				e.mask = d.uvarint()
			}
			if e.fields&Title != 0 {
				e.tlen = uint8(d.uvarint())
				e.pos = uint32(d.uvarint())
			}
			t.entries = append(t.entries, e)
		}
		sh[k] = t
	}
	if d.err != nil {
		return nil, msg.Errorf("%s: %w", name, d.err)
	}
	ix.heads[name] = sh
	return sh, nil
}

// set returns the documents whose text has word k (or, for a facet key,
// that are in the group), in order.
func (ix *Index) set(k string) ([]uint32, error) {
	name := shardFor(ix.m.Body, k)
	if sh, ok := ix.sets[name]; ok || name == "" {
		return sh[k], nil
	}
	b, err := ix.read(name)
	if err != nil {
		return nil, err
	}
	sh := map[string][]uint32{}
	d := decoder{b: b}
	n := d.uvarint()
	prev := ""
	for range n {
		k := d.word(prev)
		prev = k
		sh[k] = d.set(ix.m.Docs)
	}
	if d.err != nil {
		return nil, msg.Errorf("%s: %w", name, d.err)
	}
	ix.sets[name] = sh
	return sh[k], nil
}

// fuzzyWords returns the vocabulary for spelling mistakes.
func (ix *Index) fuzzyWords() ([]string, error) {
	if ix.vocab != nil {
		return ix.vocab, nil
	}
	b, err := ix.read(ix.m.Fuzzy)
	if err != nil {
		return nil, err
	}
	d := decoder{b: b}
	n := d.uvarint()
	ix.vocab = make([]string, 0, n)
	prev := ""
	for range n {
		prev = d.word(prev)
		ix.vocab = append(ix.vocab, prev)
	}
	return ix.vocab, d.err
}

// Hit returns what a result shows of document doc.
func (ix *Index) Hit(doc int) (Hit, error) {
	if doc < 0 || doc >= ix.m.Docs {
		return Hit{}, msg.Errorf("no document %d", doc)
	}
	f := doc / ix.m.Meta.Size
	if f/ix.m.Meta.Block >= len(ix.m.Meta.Blocks) {
		return Hit{}, msg.Errorf("no document %d", doc)
	}
	name := metaName(ix.m.Meta.Blocks[f/ix.m.Meta.Block], f)
	hits, ok := ix.metas[name]
	if !ok {
		b, err := ix.read(name)
		if err != nil {
			return Hit{}, err
		}
		var rows [][]json.RawMessage
		if err := json.Unmarshal(b, &rows); err != nil {
			return Hit{}, msg.Errorf("%s: %w", name, err)
		}
		for _, r := range rows {
			var h Hit
			if len(r) != 6 {
				return Hit{}, msg.Errorf("%s: a row of %d values", name, len(r))
			}
			for i, dst := range []any{&h.Kind, &h.URL, &h.Title, &h.Sub, &h.Code, &h.Excerpt} {
				if err := json.Unmarshal(r[i], dst); err != nil {
					return Hit{}, msg.Errorf("%s: %w", name, err)
				}
			}
			hits = append(hits, h)
		}
		ix.metas[name] = hits
	}
	i := doc % ix.m.Meta.Size
	if i >= len(hits) {
		return Hit{}, msg.Errorf("%s: no document %d", name, doc)
	}
	return hits[i], nil
}

// decoder reads the varints and words of a shard; past its end it keeps
// an error and returns zeros.
type decoder struct {
	b   []byte
	err error
}

var errShort = msg.Errorf("the file ends early")

func (d *decoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) byte() byte {
	if len(d.b) == 0 {
		d.fail()
		return 0
	}
	c := d.b[0]
	d.b = d.b[1:]
	return c
}

func (d *decoder) bytes(n int) []byte {
	if n > len(d.b) {
		d.fail()
		return nil
	}
	out := d.b[:n]
	d.b = d.b[n:]
	return out
}

func (d *decoder) fail() {
	if d.err == nil {
		d.err = errShort
	}
	d.b = nil
}

// word reads a word written after what it shares with prev.
func (d *decoder) word(prev string) string {
	shared := int(d.uvarint())
	suffix := d.bytes(int(d.uvarint()))
	if shared > len(prev) {
		d.fail()
		return ""
	}
	return prev[:shared] + string(suffix)
}

// set reads a set of documents of an index of docs documents.
func (d *decoder) set(docs int) []uint32 {
	var out []uint32
	gaps := func() []uint32 {
		var list []uint32
		doc := uint32(0)
		for range d.uvarint() {
			doc += uint32(d.uvarint())
			list = append(list, doc)
		}
		return list
	}
	switch d.byte() {
	case setList:
		out = gaps()
	case setBitmap:
		for i, c := range d.bytes(int(d.uvarint())) {
			for bit := range 8 {
				if c&(1<<bit) != 0 {
					out = append(out, uint32(i*8+bit))
				}
			}
		}
	case setComplement:
		not := gaps()
		j := 0
		for doc := uint32(0); doc < uint32(docs); doc++ {
			if j < len(not) && not[j] == doc {
				j++
				continue
			}
			out = append(out, doc)
		}
	default:
		d.fail()
	}
	return out
}
