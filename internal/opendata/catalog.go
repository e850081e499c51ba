package opendata

import (
	"encoding/json"
	"strconv"
	"time"
)

// Dataset is one export as the catalogue lists it: a dataset with its
// files (distributions).
type Dataset struct {
	ID          string // short and stable: thu-tuc, danh-ba, ho-so-thang
	Title       string
	Description string
	Page        string // its human page, absolute
	Keywords    []string
	Updated     time.Time
	Files       []File
}

// File is one file of a dataset.
type File struct {
	Title     string
	URL       string // absolute
	MediaType string // text/csv, application/json, text/vcard, text/calendar
	Format    string // the EU file type: CSV, JSON, VCARD, ICS
	Size      int64  // in bytes; -1 when unknown
	Schema    string // the address of its JSON Schema, "" for none
}

// Catalog is the portal's data as a whole.
type Catalog struct {
	URL         string // the catalogue file, absolute
	Title       string
	Description string
	Home        string // the portal, absolute
	Page        string // the page that lists the data, absolute
	Publisher   string
	Email       string
	License     License
	Language    string // "vi"
	Area        Area
	Datasets    []Dataset
}

// updated is the latest date of the catalogue's datasets.
func (c *Catalog) updated() time.Time {
	var t time.Time
	for _, d := range c.Datasets {
		if d.Updated.After(t) {
			t = d.Updated
		}
	}
	return t
}

// DataCatalogLD is the page that lists the data, as a schema.org
// DataCatalog of Datasets.
func (c *Catalog) DataCatalogLD() Object {
	var sets []Object
	for i := range c.Datasets {
		sets = append(sets, c.DatasetLD(i))
	}
	n := Object{{"@type", "DataCatalog"}, {"@id", c.Page + "#danh-muc"}, {"name", c.Title}, {"description", c.Description},
		{"url", c.Page}, {"inLanguage", c.Language}, {"publisher", c.publisherLD()}}
	if c.License.URL != "" {
		n.Set("license", c.License.URL)
	}
	n.Set("dataset", sets)
	return n
}

func (c *Catalog) publisherLD() Object {
	p := Object{{"@type", "GovernmentOrganization"}, {"name", c.Publisher}, {"url", c.Home}}
	if c.Email != "" {
		p.Set("email", c.Email)
	}
	return p
}

// DatasetLD is dataset i as a schema.org Dataset with its files as
// DataDownloads.
func (c *Catalog) DatasetLD(i int) Object {
	d := c.Datasets[i]
	n := Object{{"@type", "Dataset"}, {"@id", d.Page + "#du-lieu"}, {"name", d.Title}, {"description", d.Description},
		{"url", d.Page}, {"identifier", d.ID}, {"inLanguage", c.Language}, {"isAccessibleForFree", true}}
	if len(d.Keywords) > 0 {
		n.Set("keywords", d.Keywords)
	}
	if !d.Updated.IsZero() {
		n.Set("dateModified", date(d.Updated))
	}
	if c.License.URL != "" {
		n.Set("license", c.License.URL)
	}
	n.Set("publisher", c.publisherLD())
	n.Set("spatialCoverage", c.Area)
	var files []Object
	for _, f := range d.Files {
		o := Object{{"@type", "DataDownload"}, {"name", f.Title}, {"contentUrl", f.URL}, {"encodingFormat", f.MediaType}}
		if f.Size >= 0 {
			o.Set("contentSize", strconv.FormatInt(f.Size, 10)+" B")
		}
		files = append(files, o)
	}
	n.Set("distribution", files)
	return n
}

// The DCAT catalogue is JSON-LD with the DCAT-AP vocabulary (DCAT 2,
// Dublin Core terms, FOAF and vCard), which CKAN's DCAT harvester
// (ckanext-dcat) and the EU's data portals read.
var dcatContext = Object{
	{"dcat", "http://www.w3.org/ns/dcat#"},
	{"dct", "http://purl.org/dc/terms/"},
	{"foaf", "http://xmlns.com/foaf/0.1/"},
	{"vcard", "http://www.w3.org/2006/vcard/ns#"},
	{"xsd", "http://www.w3.org/2001/XMLSchema#"},
}

// EU vocabularies DCAT-AP asks for.
const (
	euLanguage   = "http://publications.europa.eu/resource/authority/language/"
	euFileType   = "http://publications.europa.eu/resource/authority/file-type/"
	euAccess     = "http://publications.europa.eu/resource/authority/access-right/PUBLIC"
	ianaMedia    = "https://www.iana.org/assignments/media-types/"
	euVietnamese = "VIE"
)

func ref(iri string) Object { return Object{{"@id", iri}} }

func text(s, lang string) Object { return Object{{"@value", s}, {"@language", lang}} }

func typed(v, typ string) Object { return Object{{"@value", v}, {"@type", typ}} }

// DCAT writes the catalogue as JSON-LD (catalog.jsonld).
func (c *Catalog) DCAT() ([]byte, error) {
	lang := euLanguage + euVietnamese
	if c.Language != "vi" {
		lang = euLanguage + "MUL"
	}
	publisher := Object{{"@id", c.Home + "#don-vi-cong-bo"}, {"@type", "foaf:Agent"}, {"foaf:name", c.Publisher}}
	contact := Object{{"@type", "vcard:Organization"}, {"vcard:fn", c.Publisher}}
	if c.Email != "" {
		contact.Set("vcard:hasEmail", ref("mailto:"+c.Email))
	}
	cat := Object{
		{"@context", dcatContext},
		{"@id", c.URL},
		{"@type", "dcat:Catalog"},
		{"dct:title", text(c.Title, c.Language)},
		{"dct:description", text(c.Description, c.Language)},
		{"dct:publisher", publisher},
		{"foaf:homepage", ref(c.Home)},
		{"dct:language", ref(lang)},
	}
	if c.License.URL != "" {
		cat.Set("dct:license", ref(c.License.URL))
	}
	if t := c.updated(); !t.IsZero() {
		cat.Set("dct:modified", typed(date(t), "xsd:date"))
	}
	var sets []Object
	for _, d := range c.Datasets {
		ds := Object{
			{"@id", d.Page + "#du-lieu"},
			{"@type", "dcat:Dataset"},
			{"dct:identifier", d.ID},
			{"dct:title", text(d.Title, c.Language)},
			{"dct:description", text(d.Description, c.Language)},
			{"dct:publisher", ref(c.Home + "#don-vi-cong-bo")},
			{"dcat:contactPoint", contact},
			{"dcat:landingPage", ref(d.Page)},
			{"dct:language", ref(lang)},
			{"dct:accessRights", ref(euAccess)},
		}
		if len(d.Keywords) > 0 {
			var kw []Object
			for _, k := range d.Keywords {
				kw = append(kw, text(k, c.Language))
			}
			ds.Set("dcat:keyword", kw)
		}
		if !d.Updated.IsZero() {
			ds.Set("dct:modified", typed(date(d.Updated), "xsd:date"))
		}
		var dists []Object
		for _, f := range d.Files {
			dist := Object{
				{"@id", f.URL + "#phan-phoi"},
				{"@type", "dcat:Distribution"},
				{"dct:title", text(f.Title, c.Language)},
				{"dcat:accessURL", ref(d.Page)},
				{"dcat:downloadURL", ref(f.URL)},
				{"dcat:mediaType", ref(ianaMedia + f.MediaType)},
				{"dct:format", ref(euFileType + f.Format)},
			}
			if c.License.URL != "" {
				dist.Set("dct:license", ref(c.License.URL))
			}
			if f.Size >= 0 {
				dist.Set("dcat:byteSize", typed(strconv.FormatInt(f.Size, 10), "xsd:nonNegativeInteger"))
			}
			if f.Schema != "" {
				dist.Set("dct:conformsTo", ref(f.Schema))
			}
			if !d.Updated.IsZero() {
				dist.Set("dct:modified", typed(date(d.Updated), "xsd:date"))
			}
			dists = append(dists, dist)
		}
		ds.Set("dcat:distribution", dists)
		sets = append(sets, ds)
	}
	cat.Set("dcat:dataset", sets)
	b, err := json.MarshalIndent(cat, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}
