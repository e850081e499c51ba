// Package buildcache keeps, from one build to the next, what a build
// computed from a file: the decoded and validated record of a procedure,
// the HTML of a page's text. CI builds every merge from a fresh clone, where
// modification times say nothing, so an entry is found by a key that
// hashes everything it was computed from (Hasher): the file's bytes, the
// settings that matter and the congkhai program itself. An entry with the
// same key is the same result, whoever computed it.
//
// The cache is a folder (.congkhai-cache/ beside site.toml by default):
//
//	index      the entries: key, pack file, offset, length; written last,
//	           by rename, so that it never names a half-written entry
//	pack-N     entries appended by the builds, each with its key and a
//	           checksum of its bytes
//	lock       held by the build using the cache
//
// Nothing read from the cache is trusted: an index or an entry that is
// truncated, altered or written by another version of congkhai is ignored,
// and the result is computed again. A build keeps in the index only the
// entries it used (a failed build keeps the others too), and rewrites the
// pack files when less than half of their bytes are still used, so that
// the folder does not grow without bound.
package buildcache

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Key identifies an entry: the hash of everything it was computed from.
type Key [sha256.Size]byte

// Hasher builds a key from the parts an entry depends on. Each part is
// written with its length, so that two lists of parts never hash alike.
type Hasher struct{ h hash.Hash }

// NewHasher starts a key for entries of a kind ("page", "body"), so that
// two kinds of entries computed from the same bytes never share a key.
func NewHasher(kind string) *Hasher {
	h := &Hasher{h: sha256.New()}
	h.String(kind)
	return h
}

// Bytes adds a part.
func (h *Hasher) Bytes(b []byte) *Hasher {
	var n [binary.MaxVarintLen64]byte
	h.h.Write(n[:binary.PutUvarint(n[:], uint64(len(b)))])
	h.h.Write(b)
	return h
}

// String adds a part.
func (h *Hasher) String(s string) *Hasher { return h.Bytes([]byte(s)) }

// Int adds a number.
func (h *Hasher) Int(n int64) *Hasher { return h.String(strconv.FormatInt(n, 10)) }

// Key is the key of the parts added.
func (h *Hasher) Key() Key {
	var k Key
	h.h.Sum(k[:0])
	return k
}

const (
	indexMagic = "congkhai-cache 1\n"
	indexFile  = "index"
	lockFile   = "lock"
	packPrefix = "pack-"
	// maxEntry bounds an entry read back: a length read from a damaged
	// file must not make the build allocate gigabytes.
	maxEntry = 64 << 20
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// loc is where an entry is.
type loc struct {
	pack        uint32
	off, length int64 // of the whole record: header and payload
}

// Cache is an open cache folder. Its methods are safe for concurrent use;
// a nil *Cache is a cache that is off: Get finds nothing, Put keeps nothing.
type Cache struct {
	dir     string
	version string
	lock    *os.File

	mu    sync.Mutex
	old   map[Key]loc // the entries of the index read at Open
	used  map[Key]loc // the entries read or written by this build
	packs map[uint32]*os.File
	// w is the pack file this build appends to, opened at the first Put.
	w      *os.File
	wID    uint32
	wOff   int64
	wErr   error
	nextID uint32
	sizes  map[uint32]int64 // of every pack file, for compaction

	hits, misses int
}

// ErrLocked is Open's error when another build is using the cache.
var ErrLocked = errors.New("another build is using the cache")

// Open opens the cache folder dir for a build by the program whose
// identity is version (Version), creating the folder if need be. Entries
// of another version are ignored, and removed when the build is done.
func Open(dir, version string) (*Cache, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	lock, err := lockFolder(filepath.Join(dir, lockFile))
	if err != nil {
		return nil, err
	}
	c := &Cache{dir: dir, version: version, lock: lock, old: map[Key]loc{}, used: map[Key]loc{},
		packs: map[uint32]*os.File{}, sizes: map[uint32]int64{}}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if id, ok := packID(e.Name()); ok {
			if info, err := e.Info(); err == nil {
				c.sizes[id] = info.Size()
			}
			c.nextID = max(c.nextID, id+1)
		}
	}
	c.readIndex()
	return c, nil
}

// packID parses the number of a pack file's name.
func packID(name string) (uint32, bool) {
	n, ok := strings.CutPrefix(name, packPrefix)
	if !ok {
		return 0, false
	}
	id, err := strconv.ParseUint(n, 10, 32)
	return uint32(id), err == nil
}

func (c *Cache) packPath(id uint32) string {
	return filepath.Join(c.dir, packPrefix+strconv.FormatUint(uint64(id), 10))
}

// readIndex loads the index, or nothing when it is missing, damaged or of
// another version.
func (c *Cache) readIndex() {
	b, err := os.ReadFile(filepath.Join(c.dir, indexFile))
	if err != nil || len(b) < 4 {
		return
	}
	body, sum := b[:len(b)-4], b[len(b)-4:]
	if crc32.Checksum(body, castagnoli) != binary.LittleEndian.Uint32(sum) {
		return
	}
	rest, ok := bytes.CutPrefix(body, []byte(indexMagic))
	if !ok {
		return
	}
	version, rest, ok := bytes.Cut(rest, []byte("\n"))
	if !ok || string(version) != c.version {
		return
	}
	for len(rest) > 0 {
		if len(rest) < len(Key{}) {
			clear(c.old)
			return
		}
		var k Key
		copy(k[:], rest)
		rest = rest[len(k):]
		var vals [3]uint64
		for i := range vals {
			v, n := binary.Uvarint(rest)
			if n <= 0 {
				clear(c.old)
				return
			}
			vals[i], rest = v, rest[n:]
		}
		l := loc{pack: uint32(vals[0]), off: int64(vals[1]), length: int64(vals[2])}
		if size, ok := c.sizes[l.pack]; ok && l.off+l.length <= size && l.length <= maxEntry {
			c.old[k] = l
		}
	}
}

// Get returns the payload of the entry with key k, when the cache holds
// one whose bytes are as they were written.
func (c *Cache) Get(k Key) ([]byte, bool) {
	if c == nil {
		return nil, false
	}
	c.mu.Lock()
	l, ok := c.used[k]
	if !ok {
		l, ok = c.old[k]
	}
	var f *os.File
	if ok {
		f = c.packs[l.pack]
		if f == nil {
			var err error
			if f, err = os.Open(c.packPath(l.pack)); err != nil {
				ok = false
			} else {
				c.packs[l.pack] = f
			}
		}
	}
	c.mu.Unlock()
	var payload []byte
	if ok {
		record := make([]byte, l.length)
		if _, err := f.ReadAt(record, l.off); err == nil {
			payload, ok = parseRecord(record, k)
		} else {
			ok = false
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if !ok {
		c.misses++
		return nil, false
	}
	c.hits++
	c.used[k] = l
	return payload, true
}

// Stats reports how many entries Get found, and how many it did not.
func (c *Cache) Stats() (hits, misses int) {
	if c == nil {
		return 0, 0
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.hits, c.misses
}

// A record in a pack file: the payload's length, the key, the CRC-32C of
// the payload, the payload.
func appendRecord(b []byte, k Key, payload []byte) []byte {
	b = binary.AppendUvarint(b, uint64(len(payload)))
	b = append(b, k[:]...)
	b = binary.LittleEndian.AppendUint32(b, crc32.Checksum(payload, castagnoli))
	return append(b, payload...)
}

func parseRecord(record []byte, k Key) ([]byte, bool) {
	n, w := binary.Uvarint(record)
	if w <= 0 {
		return nil, false
	}
	rest := record[w:]
	if len(rest) < len(k)+4 || uint64(len(rest)-len(k)-4) != n || !bytes.Equal(rest[:len(k)], k[:]) {
		return nil, false
	}
	sum := binary.LittleEndian.Uint32(rest[len(k):])
	payload := rest[len(k)+4:]
	if crc32.Checksum(payload, castagnoli) != sum {
		return nil, false
	}
	return payload, true
}

// Put keeps payload as the entry with key k. A failure to write is not an
// error of the build: the entry is computed again next time.
func (c *Cache) Put(k Key, payload []byte) {
	if c == nil || len(payload) > maxEntry {
		return
	}
	record := appendRecord(nil, k, payload)
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, dup := c.used[k]; dup || c.wErr != nil {
		return
	}
	if c.w == nil {
		c.wID = c.nextID
		c.nextID++
		c.w, c.wErr = os.OpenFile(c.packPath(c.wID), os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
		if c.wErr != nil {
			return
		}
		c.packs[c.wID] = c.w
	}
	if _, err := c.w.WriteAt(record, c.wOff); err != nil {
		c.wErr = err
		return
	}
	c.used[k] = loc{pack: c.wID, off: c.wOff, length: int64(len(record))}
	c.wOff += int64(len(record))
}

// Close writes the index and releases the cache. With complete, the build
// used every entry it needs, and the index keeps only those; otherwise
// (a build that stopped at an error) it keeps the earlier entries too.
// Pack files whose bytes are mostly unused are rewritten, and files no
// entry is in are removed.
func (c *Cache) Close(complete bool) error {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	defer c.lock.Close()
	keep := c.used
	if !complete {
		keep = c.old
		for k, l := range c.used {
			keep[k] = l
		}
	}
	if c.w != nil {
		if err := c.w.Sync(); err != nil {
			c.wErr = err
		}
		c.sizes[c.wID] = c.wOff
	}
	if c.wErr != nil {
		// The new pack may be incomplete: keep only what was there.
		for k, l := range keep {
			if c.w != nil && l.pack == c.wID {
				delete(keep, k)
			}
		}
	}
	if err := c.compact(keep); err != nil {
		return err
	}
	if err := c.writeIndex(keep); err != nil {
		return err
	}
	for _, f := range c.packs {
		f.Close()
	}
	// Remove the pack files no entry is in, now that the index no longer
	// names them.
	live := map[uint32]bool{}
	for _, l := range keep {
		live[l.pack] = true
	}
	for id := range c.sizes {
		if !live[id] {
			os.Remove(c.packPath(id))
		}
	}
	return nil
}

// compact copies the entries of keep that are in pack files of which less
// than half is used into a new pack file, and points keep at the copies.
func (c *Cache) compact(keep map[Key]loc) error {
	usedBytes := map[uint32]int64{}
	for _, l := range keep {
		usedBytes[l.pack] += l.length
	}
	var sparse []uint32
	for id, n := range usedBytes {
		if n*2 < c.sizes[id] {
			sparse = append(sparse, id)
		}
	}
	if len(sparse) == 0 {
		return nil
	}
	slices.Sort(sparse)
	id := c.nextID
	c.nextID++
	out, err := os.OpenFile(c.packPath(id), os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return nil // the cache stays as it is: correct, only larger
	}
	w := bufio.NewWriterSize(out, 1<<20)
	var off int64
	moved := map[Key]loc{}
	keys := make([]Key, 0, len(keep))
	for k := range keep {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b Key) int { return bytes.Compare(a[:], b[:]) })
	for _, k := range keys {
		l := keep[k]
		if !slices.Contains(sparse, l.pack) {
			continue
		}
		f := c.packs[l.pack]
		if f == nil {
			if f, err = os.Open(c.packPath(l.pack)); err != nil {
				continue
			}
			c.packs[l.pack] = f
		}
		record := make([]byte, l.length)
		if _, err := f.ReadAt(record, l.off); err != nil {
			continue
		}
		if _, ok := parseRecord(record, k); !ok {
			continue
		}
		if _, err := w.Write(record); err != nil {
			out.Close()
			os.Remove(out.Name())
			return nil
		}
		moved[k] = loc{pack: id, off: off, length: l.length}
		off += l.length
	}
	if err := w.Flush(); err != nil || out.Sync() != nil {
		out.Close()
		os.Remove(out.Name())
		return nil
	}
	c.packs[id] = out
	c.sizes[id] = off
	for k := range keep {
		if slices.Contains(sparse, keep[k].pack) {
			if l, ok := moved[k]; ok {
				keep[k] = l
			} else {
				delete(keep, k)
			}
		}
	}
	return nil
}

// writeIndex writes the index of keep, sorted by key, by rename.
func (c *Cache) writeIndex(keep map[Key]loc) error {
	keys := make([]Key, 0, len(keep))
	for k := range keep {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b Key) int { return bytes.Compare(a[:], b[:]) })
	var b bytes.Buffer
	b.WriteString(indexMagic)
	b.WriteString(c.version + "\n")
	for _, k := range keys {
		l := keep[k]
		b.Write(k[:])
		var n [3 * binary.MaxVarintLen64]byte
		i := binary.PutUvarint(n[:], uint64(l.pack))
		i += binary.PutUvarint(n[i:], uint64(l.off))
		i += binary.PutUvarint(n[i:], uint64(l.length))
		b.Write(n[:i])
	}
	b.Write(binary.LittleEndian.AppendUint32(nil, crc32.Checksum(b.Bytes(), castagnoli)))
	tmp := filepath.Join(c.dir, indexFile+".tmp")
	if err := writeSynced(tmp, b.Bytes()); err != nil {
		return fmt.Errorf("writing the cache's index: %w", err)
	}
	return os.Rename(tmp, filepath.Join(c.dir, indexFile))
}

func writeSynced(name string, data []byte) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// Version identifies the running program by the bytes of its executable,
// which hold the code and the built-in theme: a cache written by another
// build of congkhai is not used, even of the same version number.
func Version() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	f, err := os.Open(exe)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return fmt.Sprintf("%x", h.Sum(nil)), nil
}
