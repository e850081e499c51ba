// congkhai: the portal's search, on any static host. The index is files
// the build wrote under /tim-kiem/index/ (internal/search), fetched as a
// query needs them; words are matched without diacritics, ranked, and the
// results shown as the words are typed. Without JavaScript the search page
// lists the browse groups instead, and this module leaves it as it is.
//
// Words are read and queries run exactly as internal/search does in Go:
// internal/search/testdata/vectors.json holds both to the same answers
// (go test ./internal/search runs this file with node --test).

const MAX_WORD_RUNES = 32;
const MAX_PHONE_DIGITS = 12;
const MAX_QUERY_RUNES = 200;
const MAX_QUERY_WORDS = 10;
const FUZZY_MIN_RUNES = 4;
const PREFIX_MIN_RUNES = 3;
const PREFIX_MIN_DIGITS = 5;
const FUZZY_WORD_RUNES = 5;
const MAX_TITLE_POSITIONS = 30;

const TITLE = 1, CODE = 2, KEYWORDS = 4, DESCRIPTION = 8, META = 16, BODY = 32;
const EXACT = 4, PREFIX = 3, FUZZY = 2;
const DIACRITIC_BONUS = 64, TITLE_ALL = 96, TITLE_CLOSE = 8, TITLE_SHARE = 128;

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const MARK = /\p{Mn}/u;

// lowerChar lower-cases one character as Go's unicode.ToLower does: JS
// gives İ two characters, Go the first of them.
function lowerChar(ch) {
  return String.fromCodePoint(ch.toLowerCase().codePointAt(0));
}

// fold is vntext.Fold: each character decomposed, its marks dropped, đ as
// d, lower case.
export function fold(s) {
  let out = "";
  for (const ch of s) {
    const c = ch.codePointAt(0);
    if (c < 0x80) {
      out += c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : ch;
      continue;
    }
    for (const d of ch.normalize("NFD")) {
      if (MARK.test(d)) continue;
      out += d === "đ" || d === "Đ" ? "d" : lowerChar(d);
    }
  }
  return out;
}

function isDigitCode(c) {
  return c >= 48 && c <= 57;
}

function phoneGap(gap) {
  return gap === " " || gap === "\u00a0" || gap === "-" || gap === ")" || gap === ") ";
}

// CHARS caches what scan makes of the characters it met: [a word
// character, lower case, folded].
const CHARS = new Map();

function char(ch) {
  let c = CHARS.get(ch);
  if (!c) {
    const word = WORD_CHAR.test(ch);
    const lower = word ? lowerChar(ch) : "";
    c = [word, lower, word ? fold(lower) : ""];
    if (CHARS.size < 4096) CHARS.set(ch, c);
  }
  return c;
}

// scan splits s into words as internal/search's scanner does, calling
// emit(fold, lower, start, end) with offsets in s.
function scan(s, emit) {
  let start = -1, runes = 0, digits = true, prevDigit = false, lower = "", folded = "";
  let phone = "", phoneStart = 0, phoneEnd = 0, phonePlus = false;
  const flushPhone = () => {
    if (!phone) return;
    let d = phone;
    if (phonePlus) {
      d = d.slice(2);
      if (!d || d[0] !== "0") d = "0" + d;
    }
    emit(d, d, phoneStart, phoneEnd);
    phone = "";
  };
  const word = (f, low, st, en) => {
    if (phone) {
      if (digits && phoneGap(s.slice(phoneEnd, st)) && phone.length + f.length <= MAX_PHONE_DIGITS) {
        phone += f;
        phoneEnd = en;
        return;
      }
      flushPhone();
    }
    if (digits) {
      const plus = st > 0 && s[st - 1] === "+" && f.startsWith("84");
      if (f[0] === "0" || plus || f === "1800" || f === "1900") {
        phone = f;
        phoneStart = st;
        phoneEnd = en;
        phonePlus = plus;
        return;
      }
    }
    emit(f, low, st, en);
  };
  const end = (i) => {
    if (start >= 0 && lower) {
      if (folded) word(folded, lower, start, i);
    }
    start = -1;
    runes = 0;
    digits = true;
    prevDigit = false;
    lower = folded = "";
  };
  for (let i = 0; i < s.length; ) {
    const c = s.codePointAt(i);
    if (c < 0x80) {
      const isDigit = isDigitCode(c);
      if (isDigit || (c >= 97 && c <= 122) || (c >= 65 && c <= 90)) {
        if (start < 0) start = i;
        if (runes < MAX_WORD_RUNES) {
          const l = c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : s[i];
          lower += l;
          folded += l;
        }
        runes++;
        digits = digits && isDigit;
        prevDigit = isDigit;
      } else if ((c === 46 || c === 44) && prevDigit && i + 1 < s.length && isDigitCode(s.charCodeAt(i + 1))) {
        // a separator of thousands, or the dot of a code: 1.001193
      } else {
        end(i);
      }
      i++;
      continue;
    }
    const ch = String.fromCodePoint(c);
    const [word, l, f] = char(ch);
    if (word) {
      if (start < 0) start = i;
      if (runes < MAX_WORD_RUNES) {
        lower += l;
        folded += f;
      }
      runes++;
      digits = prevDigit = false;
    } else {
      end(i);
    }
    i += ch.length;
  }
  end(s.length);
  flushPhone();
}

// tokens returns the words of s: {fold, lower, start, end}.
export function tokens(s) {
  const out = [];
  scan(s, (f, lower, start, end) => out.push({ fold: f, lower, start, end }));
  return out;
}

// parseQuery reads what was typed: {words: [{text, fold, prefix}]}.
export function parseQuery(s) {
  s = [...s].slice(0, MAX_QUERY_RUNES).join("").normalize("NFC");
  const words = [];
  const seen = new Map();
  scan(s, (f, lower, start, end) => {
    const prefix = end === s.length;
    if (seen.has(f)) {
      const w = words[seen.get(f)];
      w.prefix = w.prefix || prefix;
      return;
    }
    if (words.length === MAX_QUERY_WORDS) return;
    seen.set(f, words.length);
    words.push({ text: lower, fold: f, prefix });
  });
  return { words };
}

function runeCount(s) {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

// isFuzzyWord: a word of letters alone, of FUZZY_MIN_RUNES or more.
function isFuzzyWord(s) {
  let n = 0;
  for (const ch of s) {
    if (!/\p{L}/u.test(ch)) return false;
    n++;
  }
  return n >= FUZZY_MIN_RUNES;
}

// compare orders strings as Go does, byte by byte of UTF-8, which is the
// order of code points (JS compares UTF-16 units).
function compare(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i), y = b.charCodeAt(i);
    if (x === y) continue;
    const sx = x >= 0xd800 && x < 0xe000, sy = y >= 0xd800 && y < 0xe000;
    if (sx !== sy) return sx ? 1 : -1;
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

// Reader reads the varints and words of an index file.
class Reader {
  constructor(bytes, at = 0) {
    this.b = bytes;
    this.i = at;
    this.word = new Uint8Array(256);
    this.wordLen = 0;
  }
  uv() {
    let v = 0, m = 1, c;
    do {
      c = this.b[this.i++];
      v += (c & 0x7f) * m;
      m *= 128;
    } while (c & 0x80);
    return v;
  }
  byte() {
    return this.b[this.i++];
  }
  text(n) {
    const s = utf8.decode(this.b.subarray(this.i, this.i + n));
    this.i += n;
    return s;
  }
  // next reads a word written after what it shares with the last one.
  next() {
    const shared = this.uv(), n = this.uv();
    if (shared + n > this.word.length) {
      const w = new Uint8Array(2 * (shared + n));
      w.set(this.word.subarray(0, shared));
      this.word = w;
    }
    this.word.set(this.b.subarray(this.i, this.i + n), shared);
    this.i += n;
    this.wordLen = shared + n;
    return utf8.decode(this.word.subarray(0, this.wordLen));
  }
}

const utf8 = new TextDecoder();

async function inflate(buf) {
  const b = new Uint8Array(buf);
  if (b[0] !== 0x1f || b[1] !== 0x8b) return b; // a host that decompressed it already
  const stream = new Response(b).body.pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

// Bits is a set of documents as a bitmap.
class Bits {
  constructor(docs) {
    this.w = new Int32Array((docs + 31) >>> 5);
  }
  add(d) {
    this.w[d >>> 5] |= 1 << (d & 31);
  }
  has(d) {
    return (this.w[d >>> 5] & (1 << (d & 31))) !== 0;
  }
  or(o) {
    for (let i = 0; i < this.w.length; i++) this.w[i] |= o.w[i];
    return this;
  }
  and(o) {
    for (let i = 0; i < this.w.length; i++) this.w[i] &= o.w[i];
    return this;
  }
  // list returns the documents in order.
  list() {
    const out = [];
    for (let i = 0; i < this.w.length; i++) {
      for (let x = this.w[i]; x !== 0; x &= x - 1) out.push((i << 5) + trailingZeros(x));
    }
    return out;
  }
}

// A shard is read once for where each of its words is, and a word only
// when a query asks for it: a query needs a few words of a shard.
class Shard {
  constructor(b, skip, read) {
    this.b = b;
    this.read = read;
    this.at = new Map();
    this.words = new Map();
    const r = new Reader(b);
    for (let n = r.uv(); n > 0; n--) {
      const k = r.next();
      this.at.set(k, r.i);
      skip(r);
    }
  }
  keys() {
    return this.at.keys();
  }
  get(k) {
    if (!this.words.has(k)) {
      const i = this.at.get(k);
      this.words.set(k, i === undefined ? undefined : this.read(new Reader(this.b, i)));
    }
    return this.words.get(k);
  }
}

// skipVarints passes n varints.
function skipVarints(r, n) {
  while (n > 0) if (!(r.b[r.i++] & 0x80)) n--;
}

function skipHead(r) {
  const variants = r.uv();
  for (let v = 0; v < variants; v++) {
    const n = r.uv(); // (r.i += r.uv() would add to r.i as it was before the length)
    r.i += n;
  }
  for (let e = r.uv(); e > 0; e--) {
    skipVarints(r, 1);
    const f = r.byte();
    skipVarints(r, (variants ? 1 : 0) + (f & TITLE ? 2 : 0));
  }
}

// readHead reads a word's spellings and entries: for each document that
// has it in a head field, the fields, the spellings and, in a title, the
// title's length and the word's positions.
function readHead(r) {
  const variants = [];
  for (let v = r.uv(); v > 0; v--) variants.push(r.text(r.uv()));
  const count = r.uv();
  const t = {
    variants,
    docs: new Int32Array(count),
    fields: new Uint8Array(count),
    masks: new Int32Array(count),
    tlen: new Uint8Array(count),
    pos: new Int32Array(count),
    bits: null, // made when asked for (headBits)
  };
  let doc = 0;
  for (let e = 0; e < count; e++) {
    doc += r.uv();
    t.docs[e] = doc;
    const f = (t.fields[e] = r.byte());
    if (variants.length) t.masks[e] = r.uv();
    if (f & TITLE) {
      t.tlen[e] = r.uv();
      t.pos[e] = r.uv();
    }
  }
  return t;
}

function skipSet(r) {
  const kind = r.byte();
  const n = r.uv();
  if (kind === 1) r.i += n;
  else skipVarints(r, n);
}

// readSet reads a set of documents into a bitmap.
function readSet(r, docs) {
  const kind = r.byte();
  const bits = new Bits(docs);
  if (kind === 1) {
    const len = r.uv();
    for (let i = 0; i < len; i++) {
      const c = r.b[r.i + i];
      if (c) bits.w[i >>> 2] |= c << ((i & 3) * 8);
    }
    r.i += len;
    return bits;
  }
  const n = r.uv();
  if (kind === 2) for (let d = 0; d < docs; d++) bits.add(d);
  for (let i = 0, d = 0; i < n; i++) {
    d += r.uv();
    if (kind === 2) bits.w[d >>> 5] &= ~(1 << (d & 31));
    else bits.add(d);
  }
  return bits;
}

function decodeVocabulary(b) {
  const r = new Reader(b);
  const out = [];
  for (let n = r.uv(); n > 0; n--) out.push(r.next());
  return out;
}

// shardIndex is the number of the shard whose words include k.
function shardIndex(list, k) {
  let lo = 0, hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compare(list[mid][0], k) > 0) hi = mid;
    else lo = mid + 1;
  }
  return lo - 1;
}

function oneEdit(a, b) {
  if (a.length > b.length) [a, b] = [b, a];
  if (b.length - a.length > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const same = (x, y) => x.length === y.length && x.every((c, k) => c === y[k]);
  if (a.length === b.length) return i < a.length && same(a.slice(i + 1), b.slice(i + 1));
  return same(a.slice(i), b.slice(i + 1));
}

// bestWeight is the weight of the heaviest of the fields f.
function bestWeight(f) {
  return f & CODE ? 64 : f & TITLE ? 32 : f & KEYWORDS ? 16 : f & DESCRIPTION ? 12 : f & META ? 8 : f & BODY ? 4 : 0;
}

// FIELD_COUNT[f] is the number of fields in f.
const FIELD_COUNT = Uint8Array.from({ length: 64 }, (_, f) => {
  let n = 0;
  for (; f; f &= f - 1) n++;
  return n;
});

function trailingZeros(x) {
  return 31 - Math.clz32(x & -x);
}

function shortestSpan(positions) {
  let best = MAX_TITLE_POSITIONS + 1;
  for (let s = 0; s < MAX_TITLE_POSITIONS; s++) {
    let end = -1;
    for (const p of positions) {
      const rest = p >>> s;
      if (rest === 0) return best;
      end = Math.max(end, s + trailingZeros(rest));
    }
    best = Math.min(best, end - s + 1);
  }
  return best;
}

// Index reads an index through load(name), which returns the bytes of a
// file of the index folder; every file is read once.
class Index {
  constructor(load, manifest) {
    this.load = load;
    this.m = manifest;
    this.files = new Map();
  }
  file(name, decode) {
    if (!this.files.has(name)) this.files.set(name, this.load(name).then(inflate).then(decode));
    return this.files.get(name);
  }
  headShard(i) {
    return this.file(this.m.head[i][1], (b) => new Shard(b, skipHead, readHead));
  }
  async head(k) {
    const i = shardIndex(this.m.head, k);
    return i < 0 ? undefined : (await this.headShard(i)).get(k);
  }
  async set(k) {
    const i = shardIndex(this.m.body, k);
    if (i < 0) return undefined;
    const sh = await this.file(this.m.body[i][1], (b) => new Shard(b, skipSet, (r) => readSet(r, this.m.docs)));
    return sh.get(k);
  }
  async withPrefix(p) {
    const shards = [];
    for (let i = Math.max(shardIndex(this.m.head, p), 0); i < this.m.head.length; i++) {
      const first = this.m.head[i][0];
      if (compare(first, p) > 0 && !first.startsWith(p)) break;
      shards.push(this.headShard(i));
    }
    const out = [];
    for (const sh of await Promise.all(shards)) {
      for (const k of sh.keys()) if (k !== p && k.startsWith(p)) out.push({ term: k, kind: PREFIX, head: sh.get(k) });
    }
    return out;
  }
  async alternatives(w) {
    const [h, set] = await Promise.all([this.head(w.fold), this.set(w.fold)]);
    const out = [];
    if (h || set) out.push({ term: w.fold, kind: EXACT, head: h, set });
    if (w.prefix && runeCount(w.fold) >= prefixMinRunes(w)) out.push(...(await this.withPrefix(w.fold)));
    return out;
  }
  async misspellings(w, have) {
    const vocab = await this.file(this.m.fuzzy, decodeVocabulary);
    const want = [...w.fold];
    const terms = vocab.filter((k) => oneEdit(want, [...k]) && !have.some((a) => a.term === k));
    return Promise.all(
      terms.map(async (k) => {
        const [h, set] = await Promise.all([this.head(k), this.set(k)]);
        return { term: k, kind: FUZZY, head: h, set };
      }),
    );
  }

  // search finds the documents that match the query and every facet
  // ("linh-vuc=ho-tich"), best first: [{doc, score, fuzzy}]. terms, when
  // given, receives every word of the index the query matched. stale,
  // when given, is asked once the files are read: when it says a newer
  // query came, search gives up and returns null.
  async search(query, facets, terms, stale) {
    const docs = this.m.docs;
    let words = query.words;
    if (!words.length && !facets.length) return [];
    let filter = null;
    for (const f of facets) {
      const set = (await this.set("!" + f)) || new Bits(docs);
      filter = filter ? new Bits(docs).or(filter).and(set) : set;
    }
    if (!words.length) return filter.list().map((doc) => ({ doc, score: 0, fuzzy: 0 }));

    let alts = await Promise.all(words.map((w) => this.alternatives(w)));
    if (stale && stale()) return null;
    // A word still being typed, too short to look for the words it
    // begins, is not yet one the query needs.
    const needed = words.map((w, i) => words.length === 1 || !(w.prefix && runeCount(w.fold) < prefixMinRunes(w) && !alts[i].length));
    if (needed.includes(false) && needed.includes(true)) {
      words = words.filter((_, i) => needed[i]);
      alts = alts.filter((_, i) => needed[i]);
    }
    const fuzzied = words.map(() => false);
    await Promise.all(
      words.map(async (w, i) => {
        if (!alts[i].length && fuzzyCandidate(w)) {
          fuzzied[i] = true;
          alts[i] = await this.misspellings(w, []);
        }
      }),
    );
    let match = matching(alts, filter, docs);
    if (!match.length) {
      let again = false;
      await Promise.all(
        words.map(async (w, i) => {
          if (fuzzied[i] || !fuzzyCandidate(w)) return;
          const more = await this.misspellings(w, alts[i]);
          alts[i] = alts[i].concat(more);
          again = again || more.length > 0;
        }),
      );
      if (stale && stale()) return null;
      if (again) match = matching(alts, filter, docs);
    }
    if (terms) for (const as of alts) for (const a of as) terms.add(a.term);
    const out = score(words, alts, match, docs);
    out.sort((a, b) => a.fuzzy - b.fuzzy || b.score - a.score || a.doc - b.doc);
    return out;
  }

  // hit is what a result shows of a document.
  async hit(doc) {
    const meta = this.m.meta;
    const f = Math.floor(doc / meta.size);
    const name = "m-" + meta.blocks[Math.floor(f / meta.block)] + "-" + f + ".bin";
    const rows = await this.file(name, (b) => JSON.parse(utf8.decode(b)));
    const [kind, url, title, sub, code, excerpt] = rows[doc % meta.size];
    return { kind, url, title, sub, code, excerpt };
  }
}

// headBits is the set of documents of a word's head entries.
function headBits(h, docs) {
  if (!h.bits) {
    h.bits = new Bits(docs);
    for (const d of h.docs) h.bits.add(d);
  }
  return h.bits;
}

// prefixMinRunes is the length from which a word being typed matches the
// words it begins: 3 letters, or 5 digits (a code, a phone number).
function prefixMinRunes(w) {
  return /^[0-9]+$/.test(w.fold) ? PREFIX_MIN_DIGITS : PREFIX_MIN_RUNES;
}

function fuzzyCandidate(w) {
  return isFuzzyWord(w.fold) && runeCount(w.fold) >= FUZZY_WORD_RUNES;
}

// matching returns, in order, the documents every word matches (one of its
// alternatives, in a head field or, but for a prefix, in the text).
function matching(alts, filter, docs) {
  let all = null;
  for (const as of alts) {
    const any = new Bits(docs);
    for (const a of as) {
      if (a.head) for (const d of a.head.docs) any.add(d);
      if (a.set) any.or(a.set);
    }
    all = all ? all.and(any) : any;
  }
  if (filter) all.and(filter);
  return all.list();
}

// score ranks the matching documents: for each word, each alternative's
// entries are read once, in order, rather than looked up per document.
function score(words, alts, match, docs) {
  const m = match.length;
  const slot = new Int32Array(docs).fill(-1);
  match.forEach((d, j) => (slot[d] = j));
  const total = new Int32Array(m), fuzzyWords = new Int32Array(m), tlen = new Int32Array(m);
  const inTitle = new Uint8Array(m).fill(1), gapsKnown = new Uint8Array(m).fill(1);
  const shared = new Uint8Array(m).fill(KEYWORDS | DESCRIPTION | META);
  const positions = words.map(() => new Int32Array(m));
  words.forEach((w, i) => {
    const best = new Int32Array(m), exactly = new Uint8Array(m), fields = new Uint8Array(m), title = new Uint8Array(m);
    const pos = positions[i];
    const take = (j, f, a, e) => {
      let s = bestWeight(f) * a.kind + FIELD_COUNT[f] - 1;
      if (e >= 0 && a.kind === EXACT && w.text !== w.fold) {
        const v = a.head.variants.indexOf(w.text);
        if (v >= 0 && a.head.masks[e] & (1 << v)) s += DIACRITIC_BONUS;
      }
      if (s > best[j]) best[j] = s;
      if (a.kind !== FUZZY) exactly[j] = 1;
      fields[j] |= f;
      if (e >= 0 && a.head.fields[e] & TITLE) {
        title[j] = 1;
        pos[j] |= a.head.pos[e];
        tlen[j] = a.head.tlen[e];
      }
    };
    for (const a of alts[i]) {
      const h = a.head;
      if (h) {
        for (let e = 0; e < h.docs.length; e++) {
          const j = slot[h.docs[e]];
          if (j >= 0) take(j, h.fields[e] | (a.set && a.set.has(h.docs[e]) ? BODY : 0), a, e);
        }
      }
      if (a.set) {
        for (let j = 0; j < m; j++) {
          const d = match[j];
          if (a.set.has(d) && !(h && headBits(h, docs).has(d))) take(j, BODY, a, -1);
        }
      }
    }
    for (let j = 0; j < m; j++) {
      total[j] += best[j];
      if (!exactly[j]) fuzzyWords[j]++;
      shared[j] &= fields[j];
      if (!title[j]) inTitle[j] = 0;
      if (!pos[j]) gapsKnown[j] = 0;
    }
  });
  const out = new Array(m);
  const span = new Array(words.length);
  for (let j = 0; j < m; j++) {
    let s = total[j];
    if (inTitle[j]) {
      s += TITLE_ALL;
      if (gapsKnown[j]) {
        for (let i = 0; i < words.length; i++) span[i] = positions[i][j];
        s += Math.max(0, TITLE_CLOSE - Math.max(0, shortestSpan(span) - words.length)) * 8;
      }
      s += Math.trunc((TITLE_SHARE * Math.min(words.length, tlen[j])) / Math.max(tlen[j], 1));
    }
    const sh = shared[j];
    s += (sh & KEYWORDS ? 16 : 0) + (sh & DESCRIPTION ? 12 : 0) + (sh & META ? 8 : 0);
    out[j] = { doc: match[j], score: s, fuzzy: fuzzyWords[j] };
  }
  return out;
}

// openIndex reads the manifest of an index through load.
export async function openIndex(load) {
  const b = await inflate(await load("manifest.bin"));
  const m = JSON.parse(utf8.decode(b));
  if (m.version !== 2) throw new Error("search index format " + m.version);
  return new Index(load, m);
}

// The search page ------------------------------------------------------

const PAGE = 10;
// TYPING_PAUSE is how long (ms) the script waits after a key for the next
// before it searches: a search per key typed in a burst would keep a slow
// phone busy with words already changed.
const TYPING_PAUSE = 50;

// fill writes a text's format with args in place of its verbs, as Go's
// fmt does: %s and %d in order, %[2]s by number, %% for a percent sign.
export function fill(format, args) {
  let next = 0;
  return format.replace(/%(?:\[(\d+)\])?([sd%])/g, (m, n, verb) => {
    if (verb === "%" && !n) return "%";
    const i = n ? Number(n) - 1 : next;
    next = i + 1;
    return i < args.length ? String(args[i]) : m;
  });
}

// texts reads the page's texts for a script: the JSON object of the
// <script type="application/json" id="ID"> the layout wrote with the
// texts in the page's language, keyed by their English
// (layouts/partials/script-texts.html). A text the page lacks is its key.
export function texts(id) {
  const el = typeof document !== "undefined" && document.getElementById(id);
  let table = {};
  try {
    table = el ? JSON.parse(el.textContent) : {};
  } catch (e) {
    // the keys are English texts in their own right
  }
  return (key, ...args) => fill(Object.prototype.hasOwnProperty.call(table, key) ? table[key] : key, args);
}

// marked appends text to el with the words of terms in <mark>, built as
// text nodes: nothing from the index is ever read as HTML.
function marked(el, text, terms) {
  let at = 0;
  for (const t of tokens(text)) {
    if (!terms.has(t.fold)) continue;
    if (t.start > at) el.append(text.slice(at, t.start));
    const m = document.createElement("mark");
    m.textContent = text.slice(t.start, t.end);
    el.append(m);
    at = t.end;
  }
  if (at < text.length) el.append(text.slice(at));
}

// snippet is the part of an excerpt around the first word found.
function snippet(text, terms) {
  const max = 180;
  if (text.length <= max) return text;
  const first = tokens(text).find((t) => terms.has(t.fold));
  let start = first ? Math.max(0, first.start - 60) : 0;
  if (start > 0) {
    const space = text.indexOf(" ", start);
    start = space >= 0 && space < first.start ? space + 1 : start;
  }
  let end = Math.min(text.length, start + max);
  const cut = text.lastIndexOf(" ", end);
  if (end < text.length && cut > start) end = cut;
  return (start > 0 ? "… " : "") + text.slice(start, end) + (end < text.length ? " …" : "");
}

function init(root) {
  if (typeof DecompressionStream === "undefined") return; // the page stays as it is without JavaScript
  const t = texts("search-texts");
  // The kinds of result, by the index's number.
  const kinds = [t("Procedure"), t("Page"), t("Directory")];
  // Counts are grouped the way of the page's language: 1.234, 1,234.
  const group = (document.documentElement.lang || "vi").startsWith("vi") ? "." : ",";
  const form = root.querySelector("form");
  const input = form.querySelector("input[name=q]");
  const selects = [...form.querySelectorAll("select")];
  const status = root.querySelector("[data-search-status]");
  const output = root.querySelector("[data-search-output]");
  const list = root.querySelector("[data-search-list]");
  const more = root.querySelector("[data-search-more]");
  const base = root.dataset.base;
  const indexBase = root.dataset.index;
  const filters = root.querySelector("[data-search-filters]");
  if (filters) filters.hidden = false;
  root.querySelector("[data-search-nojs]").hidden = true;

  const load = (name) =>
    fetch(indexBase + name, name === "manifest.bin" ? { cache: "no-cache" } : {}).then((r) => {
      if (!r.ok) throw new Error(name + ": " + r.status);
      return r.arrayBuffer();
    });
  let index = openIndex(load);
  let seq = 0;
  let shown = { results: [], terms: new Set(), count: 0 };

  const facets = () => selects.filter((s) => s.value).map((s) => s.name + "=" + s.value);
  const address = () => {
    const p = new URLSearchParams();
    if (input.value.trim()) p.set("q", input.value);
    for (const s of selects) if (s.value) p.set(s.name, s.value);
    const q = p.toString();
    return location.pathname + (q ? "?" + q : "");
  };
  // The address follows the box as words are typed: the first word typed
  // after a search was made (with Enter, a filter, or an address) makes a
  // new entry in the history, and the next ones rewrite it, so that the
  // back button goes back to the search before, not to each letter.
  let typing = false;
  // The language switcher's link to the other language's search page
  // (not to its home: that one has a note) carries the words searched
  // for; the filters, which name that language's groups, stay behind.
  const switches = [...document.querySelectorAll(".language-switch a[hreflang]")]
    .filter((a) => !a.querySelector(".lang-note"))
    .map((a) => [a, a.getAttribute("href")]);
  const carry = () => {
    const q = input.value.trim() ? "?" + new URLSearchParams({ q: input.value }) : "";
    for (const [a, href] of switches) a.setAttribute("href", href + q);
  };
  const remember = (push) => {
    const to = address();
    if (to !== location.pathname + location.search) {
      if (push || !typing) history.pushState(null, "", to);
      else history.replaceState(null, "", to);
    }
    typing = !push;
    carry();
  };
  const restore = () => {
    const p = new URLSearchParams(location.search);
    input.value = p.get("q") || "";
    for (const s of selects) {
      const v = p.get(s.name) || "";
      s.value = [...s.options].some((o) => o.value === v) ? v : "";
    }
    carry();
  };

  const item = async (ix, r) => {
    const h = await ix.hit(r.doc);
    const li = document.createElement("li");
    li.className = "search-result";
    const kind = document.createElement("p");
    kind.className = "result-kind";
    kind.append(kinds[h.kind]);
    if (h.code) {
      kind.append(" · " + t("Code") + " ");
      marked(kind, h.code, shown.terms);
    }
    const heading = document.createElement("h3");
    const a = document.createElement("a");
    a.href = base + h.url.slice(1);
    marked(a, h.title, shown.terms);
    heading.append(a);
    li.append(heading, kind);
    if (h.sub) {
      const sub = document.createElement("p");
      sub.className = "result-sub";
      sub.textContent = h.sub;
      li.append(sub);
    }
    if (h.excerpt) {
      const p = document.createElement("p");
      p.className = "result-snippet";
      marked(p, snippet(h.excerpt, shown.terms), shown.terms);
      li.append(p);
    }
    return li;
  };

  const showMore = async (first) => {
    const ix = await index;
    const mine = seq;
    const next = shown.results.slice(list.children.length, list.children.length + PAGE);
    const items = await Promise.all(next.map((r) => item(ix, r)));
    if (mine !== seq) return;
    list.append(...items);
    more.hidden = list.children.length >= shown.results.length;
    if (!first && items.length) items[0].querySelector("a").focus();
  };

  const describe = (q, count) => {
    const chosen = selects.filter((s) => s.value).map((s) => s.labels[0].textContent + ": " + s.selectedOptions[0].textContent);
    const words = q.trim() ? " " + t("for “%s”", q.trim()) : "";
    const where = chosen.length ? " (" + chosen.join("; ") + ")" : "";
    if (!count) return t("No results%s.", words + where);
    const n = String(count).replace(/\B(?=(\d{3})+$)/g, group);
    return count === 1 ? t("%s result%s.", n, words + where) : t("%s results%s.", n, words + where);
  };

  const help = () => {
    const li = document.createElement("li");
    li.className = "search-help";
    const p = document.createElement("p");
    p.textContent = t("You can:");
    const ul = document.createElement("ul");
    const tips = [
      t("check the spelling, or type without accents (dang ky khai sinh);"),
      t("use fewer words, or other ones (khai sinh instead of giấy khai sinh của con);"),
      t("type the procedure's code, printed on the appointment slip (for example 1.001193);"),
    ];
    if (facets().length) tips.push(t("remove the filters by field, agency or level;"));
    for (const t of tips) {
      const tip = document.createElement("li");
      tip.textContent = t;
      ul.append(tip);
    }
    const browse = document.createElement("li");
    const link = document.createElement("a");
    link.href = "#tim-theo-danh-muc";
    link.textContent = t("browse the lists by field, agency and level");
    browse.append(link, ".");
    ul.append(browse);
    li.append(p, ul);
    return li;
  };

  const run = async () => {
    const mine = seq;
    const q = input.value;
    const query = parseQuery(q);
    const chosen = facets();
    if (!query.words.length && !chosen.length) {
      list.replaceChildren();
      output.hidden = true;
      status.textContent = "";
      return;
    }
    try {
      const ix = await index;
      const terms = new Set();
      const results = await ix.search(query, chosen, terms, () => mine !== seq);
      if (mine !== seq) return;
      shown = { results, terms };
      const items = await Promise.all(results.slice(0, PAGE).map((r) => item(ix, r)));
      if (mine !== seq) return;
      list.replaceChildren(...items);
      if (!results.length) list.append(help());
      more.hidden = results.length <= PAGE;
      output.hidden = false;
      status.textContent = describe(q, results.length);
    } catch (e) {
      if (mine !== seq) return;
      index = openIndex(load); // try again on the next keystroke
      output.hidden = true;
      status.textContent = t("The search data could not be loaded. Try again, or browse the lists below.");
    }
  };

  // The address is rewritten once typing pauses: the history API is slow
  // on a cheap phone, and the results come first.
  let later = 0;
  // A query starts once typing pauses for a moment, and only one runs at a
  // time: a key typed while one runs makes it give up at its next step
  // (seq), and the newest starts as soon as it has.
  let wait = 0, busy = false, again = false;
  const start = async () => {
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    do {
      again = false;
      await run();
    } while (again);
    busy = false;
  };
  const soon = (delay) => {
    seq++;
    clearTimeout(wait);
    wait = setTimeout(start, delay);
  };
  input.addEventListener("input", () => {
    soon(TYPING_PAUSE);
    clearTimeout(later);
    later = setTimeout(() => remember(false), 400);
  });
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    clearTimeout(later);
    remember(true);
    soon(0);
  });
  for (const s of selects) {
    s.addEventListener("change", () => {
      remember(true);
      soon(0);
    });
  }
  more.addEventListener("click", () => showMore(false));
  window.addEventListener("popstate", () => {
    clearTimeout(later);
    typing = false;
    restore();
    soon(0);
  });
  restore();
  soon(0);
}

if (typeof document !== "undefined") {
  const root = document.querySelector("[data-search]");
  if (root) init(root);
}
