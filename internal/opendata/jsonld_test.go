package opendata

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/congkhai/congkhai/internal/i18n"
	"github.com/congkhai/congkhai/internal/locale"
	"github.com/congkhai/congkhai/internal/procedure"
)

// TestGovernmentService: a procedure's JSON-LD names it, its code, field,
// agency and area, a channel for each way to submit with its address
// online, phone and language, an offer for each fee with an amount, and
// its legal basis; no text of the record can end the <script> element.
func TestGovernmentService(t *testing.T) {
	d := exampleDirectory(t)
	b, err := Graph(GovernmentService(ServiceInput{URL: "https://x.gov.vn/thu-tuc/khai-sinh/", Procedure: sample(),
		Area: Area{"Phường Thủ Dầu Một", "Thành phố Hồ Chí Minh"}, Language: "vi", Hotline: &d.Hotlines[0]}))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(b), "</script") || strings.Contains(string(b), "<b>") {
		t.Fatalf("markup is not escaped: %s", b)
	}
	var g struct {
		Context string `json:"@context"`
		Graph   []struct {
			Type             string                      `json:"@type"`
			Name             string                      `json:"name"`
			Identifier       string                      `json:"identifier"`
			ServiceType      string                      `json:"serviceType"`
			Provider         struct{ Type, Name string } `json:"provider"`
			AreaServed       struct{ Name string }       `json:"areaServed"`
			AvailableChannel []struct {
				Type              string                         `json:"@type"`
				Name              string                         `json:"name"`
				ServiceURL        string                         `json:"serviceUrl"`
				ServicePhone      struct{ Telephone string }     `json:"servicePhone"`
				AvailableLanguage struct{ AlternateName string } `json:"availableLanguage"`
			} `json:"availableChannel"`
			Offers []struct {
				Price         float64 `json:"price"`
				PriceCurrency string  `json:"priceCurrency"`
			} `json:"offers"`
			TermsOfService []string `json:"termsOfService"`
			Description    string   `json:"description"`
		} `json:"@graph"`
	}
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatal(err)
	}
	s := g.Graph[0]
	if g.Context != "https://schema.org" || s.Type != "GovernmentService" || s.Name != "Thủ tục đăng ký khai sinh" || s.Identifier != "1.001193" ||
		s.ServiceType != "Hộ tịch" || s.Provider.Name != "Ủy ban nhân dân cấp xã" || s.AreaServed.Name != "Phường Thủ Dầu Một" {
		t.Errorf("%+v", s)
	}
	if len(s.AvailableChannel) != 3 || s.AvailableChannel[1].ServiceURL != "https://dichvucong.gov.vn/x" ||
		s.AvailableChannel[0].ServicePhone.Telephone != "1022" || s.AvailableChannel[0].AvailableLanguage.AlternateName != "vi" {
		t.Errorf("channels %+v", s.AvailableChannel)
	}
	// Three fees have an amount (8.000, 8.000 and 0); the fourth states none.
	if len(s.Offers) != 3 || s.Offers[0].Price != 8000 || s.Offers[0].PriceCurrency != "VND" || s.Offers[2].Price != 0 {
		t.Errorf("offers %+v", s.Offers)
	}
	if len(s.TermsOfService) != 1 || s.TermsOfService[0] != "60/2014/QH13 – Luật Hộ tịch" {
		t.Errorf("terms %v", s.TermsOfService)
	}
	if s.Description != "</script><b>khai sinh</b> & \u2028" {
		t.Errorf("description %q", s.Description)
	}
}

// TestOrganizations: every organization of the directory with its
// hotlines and people as contact points; a hotline of no organization
// stands alone.
func TestOrganizations(t *testing.T) {
	d := exampleDirectory(t)
	b, _ := Graph(Organizations(d, "https://x.gov.vn/danh-ba/")...)
	var g struct {
		Graph []struct {
			Type         string `json:"@type"`
			Name         string `json:"name"`
			ContactPoint []struct {
				Name      string `json:"name"`
				Telephone any    `json:"telephone"`
			} `json:"contactPoint"`
		} `json:"@graph"`
	}
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatal(err)
	}
	points, orgs, alone := 0, 0, 0
	for _, n := range g.Graph {
		switch n.Type {
		case "GovernmentOrganization":
			orgs++
			points += len(n.ContactPoint)
		case "ContactPoint":
			alone++
		}
	}
	if orgs != len(d.Groups()) || points+alone != len(d.People)+len(d.Hotlines) || alone == 0 {
		t.Errorf("%d organizations, %d contact points and %d alone; want %d organizations and %d points", orgs, points, alone, len(d.Groups()), len(d.People)+len(d.Hotlines))
	}
	chair := g.Graph[0].ContactPoint[1]
	if chair.Name != "Nguyễn Văn An" || len(chair.Telephone.([]any)) != 2 {
		t.Errorf("the chair: %+v", chair)
	}
}

// TestBreadcrumbList: positions from 1, each with its name and address.
func TestBreadcrumbList(t *testing.T) {
	b, _ := appendJSON(nil, BreadcrumbList([]Crumb{{"Trang chủ", "https://x/"}, {"Thủ tục", "https://x/thu-tuc/"}}))
	if want := `{"@type":"BreadcrumbList","itemListElement":[{"@type":"ListItem","position":1,"name":"Trang chủ","item":"https://x/"},{"@type":"ListItem","position":2,"name":"Thủ tục","item":"https://x/thu-tuc/"}]}`; string(b) != want {
		t.Errorf("got  %s\nwant %s", b, want)
	}
}

// TestDCAT: the catalogue is JSON-LD with the DCAT-AP terms a harvester
// needs: the catalogue's title, publisher and licence, each dataset with
// its landing page and each distribution with its download address,
// media type, format, size and schema.
func TestDCAT(t *testing.T) {
	b, err := exampleCatalog(Area{Name: "Phường Thủ Dầu Một"}).DCAT()
	if err != nil {
		t.Fatal(err)
	}
	var c map[string]any
	if err := json.Unmarshal(b, &c); err != nil {
		t.Fatal(err)
	}
	if c["@type"] != "dcat:Catalog" || c["dct:license"].(map[string]any)["@id"] != "https://creativecommons.org/licenses/by/4.0/" ||
		c["dct:modified"].(map[string]any)["@value"] != "2026-10-12" {
		t.Errorf("catalogue %v", c)
	}
	ds := c["dcat:dataset"].([]any)[0].(map[string]any)
	if ds["@type"] != "dcat:Dataset" || ds["dcat:landingPage"].(map[string]any)["@id"] != "https://x.gov.vn/du-lieu/thu-tuc/" {
		t.Errorf("dataset %v", ds)
	}
	dist := ds["dcat:distribution"].([]any)
	first, second := dist[0].(map[string]any), dist[1].(map[string]any)
	for key, want := range map[string]string{
		"dcat:downloadURL": "https://x.gov.vn/du-lieu/thu-tuc/thu-tuc.json",
		"dcat:mediaType":   "https://www.iana.org/assignments/media-types/application/json",
		"dct:format":       "http://publications.europa.eu/resource/authority/file-type/JSON",
		"dct:conformsTo":   "https://x.gov.vn/du-lieu/thu-tuc/thu-tuc.schema.json",
	} {
		if got := first[key].(map[string]any)["@id"]; got != want {
			t.Errorf("%s = %v, want %s", key, got, want)
		}
	}
	if first["dcat:byteSize"].(map[string]any)["@value"] != "1234" || second["dcat:byteSize"] != nil {
		t.Errorf("byte sizes %v and %v: want 1234 and none when unknown", first["dcat:byteSize"], second["dcat:byteSize"])
	}
}

// TestNames: the names translated once are those each page translated
// for itself, in Vietnamese and in English, the processing time around
// any text.
// twice is a site's translation that gives the time twice.
type twice struct{}

func (twice) Translate(key string) string {
	if key == "Processing time: %s" {
		return "Thời hạn: %s (tức %[1]s)"
	}
	return ""
}

// TestNamesOfATimeGivenTwice: a translation that gives the processing
// time twice (which a site's table may) is written whole, not split at
// the first.
func TestNamesOfATimeGivenTwice(t *testing.T) {
	loc := locale.New(i18n.Vietnamese, twice{}, nil)
	in := ServiceInput{URL: "https://x.gov.vn/thu-tuc/khai-sinh/", Procedure: sample(), Locale: loc, Names: NewNames(loc)}
	b, err := AppendGraph(nil, GovernmentService(in))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(b, []byte(`\u0000`)) || !bytes.Contains(b, []byte("(tức ")) {
		t.Errorf("the time given twice is written %s", b)
	}
}

func TestNames(t *testing.T) {
	for _, loc := range []*locale.Locale{locale.OrVietnamese(nil), locale.New(i18n.English, nil, nil)} {
		n := NewNames(loc)
		for _, x := range []string{"15 ngày", "", "100%", "%s", "\x00"} {
			if got, want := n.before+x+n.after, loc.T("Processing time: %s", x); got != want {
				t.Errorf("%s: %q, want %q", loc.Lang(), got, want)
			}
		}
		if n.vietnamese != loc.T("Vietnamese") {
			t.Errorf("%s: %q", loc.Lang(), n.vietnamese)
		}
		for _, k := range procedure.ChannelKinds() {
			if n.channel(loc, k) != loc.Text(k.Label()) {
				t.Errorf("%s: %s is %q", loc.Lang(), k, n.channel(loc, k))
			}
		}
		for _, f := range procedure.FeeTypes() {
			if n.fee(loc, f) != loc.Text(f.Label()) {
				t.Errorf("%s: %s is %q", loc.Lang(), f, n.fee(loc, f))
			}
		}
	}
}
