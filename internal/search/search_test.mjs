// assets/js/search.js against the vectors that internal/search's Go tests
// give too: node --test internal/search/search_test.mjs (TestJavaScript
// runs it).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { fold, tokens, parseQuery, openIndex, fill, texts } from "../../assets/js/search.js";

const here = new URL(".", import.meta.url);
const vectors = JSON.parse(await readFile(new URL("testdata/vectors.json", here), "utf8"));
const load = (name) => readFile(new URL("testdata/index/" + name, here));

test("fill", () => {
  // The page's texts are Go formats: the script fills their verbs in as
  // fmt does.
  assert.equal(fill("Có %s kết quả%s.", ["1.234", " cho “x”"]), "Có 1.234 kết quả cho “x”.");
  assert.equal(fill("%[2]s, %[1]s", ["a", "b"]), "b, a");
  assert.equal(fill("%d%% of %s", [5, "n"]), "5% of n");
  assert.equal(fill("%s and %s", ["a"]), "a and %s");
  // Without a page, a text is its key, the English.
  assert.equal(texts("search-texts")("%s results%s.", "2", ""), "2 results.");
});

test("fold", () => {
  for (const v of vectors.fold) assert.equal(fold(v.in), v.want, v.in);
});

test("tokens", () => {
  for (const v of vectors.tokens) {
    assert.deepEqual(
      tokens(v.in).map((t) => [t.fold, t.lower]),
      v.want,
      v.in,
    );
  }
});

test("token offsets", () => {
  const s = "Gọi 0274 3800 101 hoặc +84 912 000 101.";
  const got = tokens(s).map((t) => s.slice(t.start, t.end));
  assert.deepEqual(got, ["Gọi", "0274 3800 101", "hoặc", "84 912 000 101"]);
});

test("queries", () => {
  for (const v of vectors.queries) {
    assert.deepEqual(
      parseQuery(v.in).words.map((w) => [w.text, w.fold, w.prefix]),
      v.want,
      v.in,
    );
  }
});

test("searches", async () => {
  for (const v of vectors.searches) {
    const ix = await openIndex(load); // a fresh index: nothing read before
    const results = await ix.search(parseQuery(v.q), v.facets || []);
    const urls = await Promise.all(results.map(async (r) => (await ix.hit(r.doc)).url));
    assert.deepEqual(urls, v.want, `${v.q} ${v.facets || ""} (${v.why})`);
  }
});
