package contacts

import (
	"bytes"
	"strings"
	"testing"
)

func TestWriteVCardGolden(t *testing.T) {
	d := exampleDirectory(t)
	uids := map[string]string{}
	for i := range d.People {
		p := &d.People[i]
		var buf bytes.Buffer
		if err := WriteVCard(&buf, p, icsOptions); err != nil {
			t.Fatal(err)
		}
		golden(t, p.ID+".vcf", buf.Bytes())
		props := parseContentLines(t, buf.Bytes())
		got := map[string][]string{}
		for _, pr := range props {
			if pr.parent != "VCARD" {
				t.Errorf("%s: property %s in %s", p.ID, pr.name, pr.parent)
			}
			got[pr.name] = append(got[pr.name], pr.value)
		}
		if props[0].name != "VERSION" || props[0].value != "4.0" {
			t.Errorf("%s: VERSION:4.0 is not the first property: %v", p.ID, props[0])
		}
		for _, req := range []string{"FN", "N", "UID", "PRODID", "ORG", "TITLE"} {
			if len(got[req]) != 1 {
				t.Errorf("%s: %d %s properties, want 1", p.ID, len(got[req]), req)
			}
		}
		if got["FN"][0] != p.FullName || !strings.HasPrefix(got["UID"][0], "urn:uuid:") {
			t.Errorf("%s: FN %q UID %q", p.ID, got["FN"], got["UID"])
		}
		if other, dup := uids[got["UID"][0]]; dup {
			t.Errorf("%s and %s share a UID", p.ID, other)
		}
		uids[got["UID"][0]] = p.ID
		var tels []string
		for name, vals := range got {
			if strings.HasPrefix(name, "TEL") {
				for _, v := range vals {
					tels = append(tels, name+":"+v)
				}
			}
			if name == "REV" {
				t.Errorf("%s: REV written", p.ID)
			}
		}
		if len(tels) != len(p.Phones) {
			t.Errorf("%s: %d TEL properties for %d phones: %v", p.ID, len(tels), len(p.Phones), tels)
		}
		if p.Email != "" && (len(got["EMAIL;TYPE=work"]) != 1 || got["EMAIL;TYPE=work"][0] != string(p.Email)) {
			t.Errorf("%s: EMAIL = %v", p.ID, got["EMAIL;TYPE=work"])
		}
	}

	// The full card of the chairman, checked property by property.
	var buf bytes.Buffer
	if err := WriteVCard(&buf, d.Person("chu-tich"), icsOptions); err != nil {
		t.Fatal(err)
	}
	for _, line := range []string{
		"BEGIN:VCARD", "VERSION:4.0", "FN:Nguyễn Văn An", "N:Nguyễn;An;Văn;;", "ORG:Ủy ban nhân dân phường Thủ Dầu Một",
		"TITLE:Chủ tịch", "TEL;VALUE=uri;TYPE=work,voice:tel:+842743800001", "TEL;VALUE=uri;TYPE=work,voice,cell:tel:+84912000001",
		"EMAIL;TYPE=work:chutich.ptdm@example.gov.vn", "END:VCARD",
	} {
		if !strings.Contains(buf.String(), line+"\r\n") {
			t.Errorf("chu-tich.vcf has no line %q", line)
		}
	}
	unfolded := strings.ReplaceAll(buf.String(), "\r\n ", "")
	for _, line := range []string{
		`ADR;TYPE=work:;;01 Đường Quang Trung\, phường Thủ Dầu Một\, Thành phố Hồ Chí Minh;;;;`,
		`NOTE:Đường dây nóng\nPhụ trách chung; tiếp công dân định kỳ vào thứ Sáu.\n0912 000 001: Chỉ gọi trong giờ hành chính`,
	} {
		if !strings.Contains(unfolded, line+"\r\n") {
			t.Errorf("chu-tich.vcf has no line %q", line)
		}
	}
}

func TestWriteVCardErrors(t *testing.T) {
	if err := WriteVCard(&bytes.Buffer{}, nil, icsOptions); err == nil {
		t.Errorf("nil person accepted")
	}
	if err := WriteVCard(&bytes.Buffer{}, &Person{ID: "a"}, Options{ProdID: "x"}); err == nil {
		t.Errorf("missing domain accepted")
	}
	// A card needs no stamp, and a person with only a name is a valid card.
	var buf bytes.Buffer
	if err := WriteVCard(&buf, &Person{ID: "a", FullName: "An"}, Options{ProdID: "x", Domain: "example.vn"}); err != nil {
		t.Fatal(err)
	}
	props := parseContentLines(t, buf.Bytes())
	if len(props) != 5 { // VERSION PRODID UID FN N
		t.Errorf("minimal card: %v", props)
	}
}

func TestSplitName(t *testing.T) {
	tests := []struct{ full, family, given, middle string }{
		{"Nguyễn Văn An", "Nguyễn", "An", "Văn"},
		{"Trần Thị Minh Khai", "Trần", "Khai", "Thị Minh"},
		{"Lê Lợi", "Lê", "Lợi", ""},
		{"  Tôn   Nữ  Thị  Ninh ", "Tôn", "Ninh", "Nữ Thị"},
		{"Khai", "", "Khai", ""},
		{"", "", "", ""},
	}
	for _, tc := range tests {
		f, g, m := SplitName(tc.full)
		if f != tc.family || g != tc.given || m != tc.middle {
			t.Errorf("SplitName(%q) = %q %q %q, want %q %q %q", tc.full, f, g, m, tc.family, tc.given, tc.middle)
		}
	}
}

func TestNameUUID(t *testing.T) {
	// RFC 9562 Appendix A.4 uses the DNS namespace; this is the same
	// algorithm in the URL namespace, checked against Python's
	// uuid.uuid5(uuid.NAMESPACE_URL, "https://example.vn/#chu-tich").
	for name, want := range map[string]string{
		"https://example.vn/#chu-tich":               "1bd92f31-1873-56d6-98e6-b3142266abf4",
		"https://thudaumot.example.gov.vn/#chu-tich": "700f289a-3176-5b4a-b75e-07a26dac9195",
	} {
		if got := nameUUID(name); got != want {
			t.Errorf("nameUUID(%q) = %s, want %s", name, got, want)
		}
	}
	u := nameUUID("https://example.vn/#chu-tich")
	if len(u) != 36 || u[14] != '5' || !strings.ContainsRune("89ab", rune(u[19])) {
		t.Errorf("nameUUID = %s: not a version 5, RFC 9562 variant UUID", u)
	}
	if nameUUID("https://example.vn/#a") == nameUUID("https://example.vn/#b") {
		t.Errorf("different names give the same UUID")
	}
}
