// Package search is the portal's search: an index the build writes as
// static files, and the query that reads it.
//
// Words are folded one way for every text and every query (scanner):
// lower case, Vietnamese marks dropped by canonical decomposition
// (golang.org/x/text/unicode/norm, through vntext.Fold) and đ as d, so
// that "dang ky" finds "Đăng ký"; numbers keep their digits ("8.000" is
// 8000, the code "1.001193" is 1001193) and a phone number in groups is
// one word of its digits, whatever its spelling ("0274 3822 123",
// "+84 274 3822 123", "02743822123"). The spelling as written is kept
// beside the folded word, so that a match with the diacritics typed ranks
// first.
//
// While the build renders the pages, a Writer per worker reads each page's
// words (title, code, keywords, description, the fields of a procedure or
// an entry of the directory, and the text of its body, which is not kept)
// into a Builder; once every page is written, Builder.Files writes the
// index: a manifest and shards of words, sorted and named by a hash of
// their content, so that a build writes the same bytes for the same input
// (files.go has the format). Index.Search is the query and the ranking
// (search.go), on the same files; assets/js/search.js does the same in the
// browser, and testdata/vectors.json holds both to the same answers.
package search
