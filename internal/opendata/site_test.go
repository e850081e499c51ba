package opendata_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/congkhai/congkhai"
	"github.com/congkhai/congkhai/internal/build"
	"github.com/congkhai/congkhai/internal/opendata"
)

var ldScript = regexp.MustCompile(`<script type="application/ld\+json">(.*?)</script>`)

// TestExampleVocabulary builds the example portal and checks the JSON-LD
// of every page and its DCAT catalogue against the vocabularies: what the
// portal publishes, not only what the builders make of samples.
func TestExampleVocabulary(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	if res, err := build.Run(build.Options{Source: filepath.Join("..", ".."), Destination: dest, Theme: congkhai.Theme}); err != nil {
		for _, p := range res.Problems {
			t.Log(p)
		}
		t.Fatal(err)
	}
	var docs [][]byte
	err := filepath.WalkDir(dest, func(p string, d os.DirEntry, err error) error {
		if err != nil || !strings.HasSuffix(p, ".html") {
			return err
		}
		b, err := os.ReadFile(p)
		for _, m := range ldScript.FindAllSubmatch(b, -1) {
			docs = append(docs, m[1])
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	dcat, err := os.ReadFile(filepath.Join(dest, "du-lieu", "catalog.jsonld"))
	if err != nil {
		t.Fatal(err)
	}
	errs, types, props, terms := opendata.CheckVocabulary(t, docs, dcat)
	for _, err := range errs {
		t.Error(err)
	}
	if len(docs) < 50 || types < 10 || props < 30 || terms < 20 {
		t.Errorf("%d pages with JSON-LD, %d types, %d properties, %d DCAT terms checked", len(docs), types, props, terms)
	}
}
