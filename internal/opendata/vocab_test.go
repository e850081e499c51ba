package opendata

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// The JSON-LD the portal writes is checked against the vocabularies
// themselves: every schema.org type and property must be a term of
// schema.org, not superseded nor pending, each property used on a type in
// its domain and, for a node, with a type in its range; every DCAT-AP term
// of the catalogue must be a term of its vocabulary. The tests have no
// network: the facts they need are in testdata/vocabulary.nq, lines taken
// verbatim from the N-Quads files of the npm package
// @zazuko/rdf-vocabularies 2023.1.19 (ontologies/schema.nq of 2022-10-12,
// schema.org 15; dcat.nq, dcterms.nq, foaf.nq, vcard.nq). scripts/vocabulary
// writes it again:
//
//	go test ./internal/opendata -run Vocabulary -vocab <folder of the .nq files>
var vocabSource = flag.String("vocab", "", "folder with the N-Quads files of @zazuko/rdf-vocabularies: rewrite testdata/vocabulary.nq with the terms the JSON-LD uses")

const vocabFile = "testdata/vocabulary.nq"

const (
	schemaNS   = "http://schema.org/"
	rdfType    = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
	subClassOf = "http://www.w3.org/2000/01/rdf-schema#subClassOf"
	rdfsClass  = "http://www.w3.org/2000/01/rdf-schema#Class"
	rdfProp    = "http://www.w3.org/1999/02/22-rdf-syntax-ns#Property"
	domainInc  = schemaNS + "domainIncludes"
	rangeInc   = schemaNS + "rangeIncludes"
	superseded = schemaNS + "supersededBy"
	isPartOf   = schemaNS + "isPartOf"
	dataType   = schemaNS + "DataType"
)

// kept are the predicates whose statements the test reads.
var kept = []string{rdfType, subClassOf, domainInc, rangeInc, superseded, isPartOf}

var quad = regexp.MustCompile(`^<([^>]+)> <([^>]+)> <([^>]+)> <[^>]*> \.$`)

// vocab is the statements of testdata/vocabulary.nq, by subject and predicate.
type vocab map[string]map[string][]string

func (v vocab) objects(s, p string) []string { return v[s][p] }

func (v vocab) add(s, p, o string) {
	if v[s] == nil {
		v[s] = map[string][]string{}
	}
	v[s][p] = append(v[s][p], o)
}

// ancestors is class c and every class above it.
func (v vocab) ancestors(c string) []string {
	out := []string{c}
	for i := 0; i < len(out); i++ {
		for _, sup := range v.objects(out[i], subClassOf) {
			if !slices.Contains(out, sup) {
				out = append(out, sup)
			}
		}
	}
	return out
}

// isDataType reports whether c is a schema.org data type (Text, URL,
// Number, Boolean, Date…).
func (v vocab) isDataType(c string) bool {
	return slices.ContainsFunc(v.ancestors(c), func(a string) bool { return a == dataType || slices.Contains(v.objects(a, rdfType), dataType) })
}

func readVocab(t *testing.T, file string) vocab {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatalf("%v (go test -vocab writes it)", err)
	}
	defer f.Close()
	v := vocab{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		if m := quad.FindStringSubmatch(sc.Text()); m != nil {
			v.add(m[1], m[2], m[3])
		}
	}
	return v
}

// use is how the JSON-LD uses the vocabularies.
type use struct {
	types map[string]bool
	// props maps a property to the types of the nodes it is used on and
	// of its values ("" for a literal).
	props map[string][]pair
	terms map[string]bool // IRIs of the DCAT catalogue's terms
}

type pair struct{ domain, value string }

// walk records the schema.org types and properties of a JSON-LD value
// whose terms are schema.org's.
func (u *use) walk(v any) string {
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			u.walk(e)
		}
	case map[string]any:
		typ, _ := x["@type"].(string)
		if typ != "" {
			u.types[typ] = true
		}
		for _, k := range slices.Sorted(maps.Keys(x)) {
			if strings.HasPrefix(k, "@") {
				if k == "@graph" {
					u.walk(x[k])
				}
				continue
			}
			vals, ok := x[k].([]any)
			if !ok {
				vals = []any{x[k]}
			}
			for _, val := range vals {
				u.props[k] = append(u.props[k], pair{typ, u.walk(val)})
			}
		}
		return typ
	}
	return ""
}

// walkDCAT records the terms of the catalogue, expanded with its context.
func (u *use) walkDCAT(v any, ctx map[string]string) {
	expand := func(term string) {
		prefix, local, ok := strings.Cut(term, ":")
		if ns, known := ctx[prefix]; ok && known && prefix != "xsd" {
			u.terms[ns+local] = true
		}
	}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			u.walkDCAT(e, ctx)
		}
	case map[string]any:
		if typ, ok := x["@type"].(string); ok {
			expand(typ)
		}
		for k, val := range x {
			if k == "@context" {
				continue
			}
			expand(k)
			u.walkDCAT(val, ctx)
		}
	}
}

// exampleLD is the JSON-LD of every kind the portal writes, made from the
// example portal's data.
func exampleLD(t *testing.T) (schemaorg [][]byte, dcat []byte) {
	t.Helper()
	d := exampleDirectory(t)
	var hotline = &d.Hotlines[0]
	area := Area{"Phường Thủ Dầu Một", "Thành phố Hồ Chí Minh"}
	service := GovernmentService(ServiceInput{URL: "https://x.gov.vn/thu-tuc/khai-sinh/", Procedure: sample(), Area: area, Language: "vi", Hotline: hotline})
	crumbs := BreadcrumbList([]Crumb{{"Trang chủ", "https://x.gov.vn/"}, {"Thủ tục", "https://x.gov.vn/thu-tuc/"}})
	cat := exampleCatalog(area)
	for _, nodes := range [][]Node{
		{crumbs, service},
		append([]Node{crumbs}, Organizations(d, "https://x.gov.vn/danh-ba/")...),
		{crumbs, cat.DatasetLD(0)},
		{crumbs, cat.DataCatalogLD()},
	} {
		b, err := Graph(nodes...)
		if err != nil {
			t.Fatal(err)
		}
		schemaorg = append(schemaorg, b)
	}
	dcat, err := cat.DCAT()
	if err != nil {
		t.Fatal(err)
	}
	return schemaorg, dcat
}

func exampleCatalog(area Area) *Catalog {
	updated := time.Date(2026, 10, 12, 0, 0, 0, 0, time.UTC)
	return &Catalog{URL: "https://x.gov.vn/du-lieu/catalog.jsonld", Title: "Dữ liệu mở", Description: "Dữ liệu của cổng",
		Home: "https://x.gov.vn/", Page: "https://x.gov.vn/du-lieu/", Publisher: "UBND phường", Email: "dl@example.gov.vn",
		License: License{"CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"}, Language: "vi", Area: area,
		Datasets: []Dataset{{ID: "thu-tuc", Title: "Thủ tục hành chính", Description: "Mọi thủ tục", Page: "https://x.gov.vn/du-lieu/thu-tuc/",
			Keywords: []string{"thủ tục hành chính"}, Updated: updated,
			Files: []File{{Title: "JSON", URL: "https://x.gov.vn/du-lieu/thu-tuc/thu-tuc.json", MediaType: "application/json", Format: "JSON", Size: 1234, Schema: "https://x.gov.vn/du-lieu/thu-tuc/thu-tuc.schema.json"},
				{Title: "CSV", URL: "https://x.gov.vn/du-lieu/thu-tuc/thu-tuc.csv", MediaType: "text/csv", Format: "CSV", Size: -1}}}}}
}

func collect(t *testing.T) *use {
	t.Helper()
	docs, dcat := exampleLD(t)
	return useOf(t, docs, dcat)
}

// useOf records the terms of schema.org documents and of a DCAT catalogue.
func useOf(t *testing.T, docs [][]byte, dcat []byte) *use {
	t.Helper()
	u := &use{types: map[string]bool{}, props: map[string][]pair{}, terms: map[string]bool{}}
	for _, b := range docs {
		var v any
		if err := json.Unmarshal(b, &v); err != nil {
			t.Fatal(err)
		}
		u.walk(v)
	}
	var cat map[string]any
	if err := json.Unmarshal(dcat, &cat); err != nil {
		t.Fatal(err)
	}
	ctx := map[string]string{}
	for k, v := range cat["@context"].(map[string]any) {
		ctx[k] = v.(string)
	}
	u.walkDCAT(cat, ctx)
	return u
}

// pending are the terms of schema.org's pending area (proposed, not yet
// in its core) that the portal uses nevertheless, as the issue asks: the
// provider of a service (the agency of a procedure) and the terms of
// service (its legal basis), which schema.org 15 marks as pending.
var pending = []string{"provider", "termsOfService"}

// TestVocabulary checks every term of the portal's JSON-LD against the
// vocabularies.
func TestVocabulary(t *testing.T) {
	u := collect(t)
	if *vocabSource != "" {
		writeVocab(t, u, *vocabSource)
	}
	v := readVocab(t, vocabFile)
	for _, err := range checkTerms(v, u) {
		t.Error(err)
	}
	if len(u.types) < 10 || len(u.props) < 30 || len(u.terms) < 20 {
		t.Errorf("only %d types, %d properties and %d DCAT terms checked", len(u.types), len(u.props), len(u.terms))
	}
}

// checkTerms checks how u uses the vocabularies against v.
func checkTerms(v vocab, u *use) []error {
	var errs []error
	term := func(name string) error {
		iri := schemaNS + name
		switch {
		case v[iri] == nil:
			return fmt.Errorf("%s is not a schema.org term", name)
		case len(v.objects(iri, superseded)) > 0:
			return fmt.Errorf("%s is superseded by %s", name, v.objects(iri, superseded))
		case len(v.objects(iri, isPartOf)) > 0 && !slices.Contains(pending, name):
			return fmt.Errorf("%s is not in schema.org's core (%s)", name, v.objects(iri, isPartOf))
		}
		return nil
	}
	for typ := range u.types {
		if err := term(typ); err != nil {
			errs = append(errs, err)
		} else if !slices.Contains(v.objects(schemaNS+typ, rdfType), rdfsClass) {
			errs = append(errs, fmt.Errorf("%s is not a schema.org type", typ))
		}
	}
	// textual are the classes schema.org lets a value be written as text
	// of: an ISO 8601 duration, and a URL that names a Thing (the item of a
	// BreadcrumbList, as schema.org's own examples write it).
	textual := []string{schemaNS + "Duration", schemaNS + "Thing"}
	for _, prop := range slices.Sorted(maps.Keys(u.props)) {
		iri := schemaNS + prop
		if err := term(prop); err != nil {
			errs = append(errs, err)
			continue
		}
		if !slices.Contains(v.objects(iri, rdfType), rdfProp) {
			errs = append(errs, fmt.Errorf("%s is not a schema.org property", prop))
			continue
		}
		domains, ranges := v.objects(iri, domainInc), v.objects(iri, rangeInc)
		for _, p := range u.props[prop] {
			if !intersects(v.ancestors(schemaNS+p.domain), domains) {
				errs = append(errs, fmt.Errorf("%s is used on %s, outside its domain %s", prop, p.domain, short(domains)))
			}
			if p.value != "" {
				if !intersects(v.ancestors(schemaNS+p.value), ranges) {
					errs = append(errs, fmt.Errorf("%s of %s is a %s, outside its range %s", prop, p.domain, p.value, short(ranges)))
				}
			} else if !slices.ContainsFunc(ranges, func(r string) bool { return v.isDataType(r) || slices.Contains(textual, r) }) {
				errs = append(errs, fmt.Errorf("%s of %s is text, but its range %s has no data type", prop, p.domain, short(ranges)))
			}
		}
	}
	for iri := range u.terms {
		if len(v.objects(iri, rdfType)) == 0 {
			errs = append(errs, fmt.Errorf("%s is not a term of its vocabulary", iri))
		}
	}
	return errs
}

// TestVocabularyCatches proves the check is not vacuous: a property
// outside its type's domain, a node outside a property's range, a name
// schema.org does not have and an unknown DCAT term are each reported.
func TestVocabularyCatches(t *testing.T) {
	v := readVocab(t, vocabFile)
	u := &use{types: map[string]bool{}, props: map[string][]pair{}, terms: map[string]bool{"http://www.w3.org/ns/dcat#downloadUrl": true}}
	var doc any
	_ = json.Unmarshal([]byte(`{"@type": "GovernmentService", "name": "x", "dateModified": "2026-10-05",
		"availableChannel": {"@type": "Place", "name": "y"}, "serviceTyp": "z", "provider": {"@type": "GovernmentOffice"}}`), &doc)
	u.walk(doc)
	var got []string
	for _, err := range checkTerms(v, u) {
		got = append(got, err.Error())
	}
	for _, want := range []string{
		"dateModified is used on GovernmentService, outside its domain",
		"availableChannel of GovernmentService is a Place, outside its range",
		"serviceTyp is not a schema.org term",
		"GovernmentOffice is not a schema.org term",
		"http://www.w3.org/ns/dcat#downloadUrl is not a term of its vocabulary",
	} {
		if !slices.ContainsFunc(got, func(g string) bool { return strings.HasPrefix(g, want) }) {
			t.Errorf("not reported: %s\ngot:\n%s", want, strings.Join(got, "\n"))
		}
	}
}

func intersects(a, b []string) bool {
	return slices.ContainsFunc(a, func(x string) bool { return slices.Contains(b, x) })
}

func short(iris []string) string {
	var s []string
	for _, i := range iris {
		s = append(s, strings.TrimPrefix(i, schemaNS))
	}
	return "[" + strings.Join(s, " ") + "]"
}

// writeVocab writes testdata/vocabulary.nq: from the package's N-Quads,
// the statements kept about the terms used, every class above their
// types and above the classes of their ranges, and the data types.
func writeVocab(t *testing.T, u *use, dir string) {
	t.Helper()
	full := vocab{}
	lines := map[string][]string{} // subject → its kept lines, verbatim
	for _, name := range []string{"schema.nq", "dcat.nq", "dcterms.nq", "foaf.nq", "vcard.nq"} {
		src, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(src), "\n") {
			if m := quad.FindStringSubmatch(line); m != nil && slices.Contains(kept, m[2]) {
				full.add(m[1], m[2], m[3])
				lines[m[1]] = append(lines[m[1]], line)
			}
		}
	}
	want := map[string]bool{}
	for typ := range u.types {
		for _, c := range full.ancestors(schemaNS + typ) {
			want[c] = true
		}
	}
	for prop := range u.props {
		want[schemaNS+prop] = true
		for _, r := range full.objects(schemaNS+prop, rangeInc) {
			for _, c := range full.ancestors(r) {
				want[c] = true
			}
		}
	}
	for s := range lines {
		if slices.Contains(full.objects(s, rdfType), dataType) {
			want[s] = true
		}
	}
	want[schemaNS+"Duration"], want[schemaNS+"Thing"] = true, true
	for iri := range u.terms {
		want[iri] = true
	}
	var b bytes.Buffer
	b.WriteString("# The statements the tests of internal/opendata read, verbatim from the N-Quads of the npm package\n")
	b.WriteString("# @zazuko/rdf-vocabularies 2023.1.19 (ontologies/schema.nq of 2022-10-12, schema.org 15; dcat.nq,\n")
	b.WriteString("# dcterms.nq, foaf.nq, vcard.nq): written by scripts/vocabulary, do not edit.\n")
	for _, s := range slices.Sorted(maps.Keys(want)) {
		ls := slices.Clone(lines[s])
		slices.Sort(ls)
		for _, l := range ls {
			b.WriteString(l + "\n")
		}
	}
	if err := os.MkdirAll("testdata", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(vocabFile, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}
