package opendata

import "testing"

// CheckVocabulary checks the schema.org JSON-LD documents docs and the
// DCAT catalogue dcat against the vocabularies, for the test of the
// example portal's pages (opendata_test): the errors, and how many types,
// properties and DCAT terms were checked.
func CheckVocabulary(t *testing.T, docs [][]byte, dcat []byte) (errs []error, types, props, terms int) {
	t.Helper()
	u := useOf(t, docs, dcat)
	return checkTerms(readVocab(t, vocabFile), u), len(u.types), len(u.props), len(u.terms)
}
