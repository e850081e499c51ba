package contacts

import "testing"

func TestParseEmail(t *testing.T) {
	valid := []struct{ in, want, mailto string }{
		{"chutich.ptdm@example.gov.vn", "chutich.ptdm@example.gov.vn", "mailto:chutich.ptdm@example.gov.vn"},
		{"ChuTich@Example.GOV.VN", "ChuTich@example.gov.vn", "mailto:ChuTich@example.gov.vn"},
		{"tiep-cong-dan_1022@ubnd.hcm.gov.vn", "tiep-cong-dan_1022@ubnd.hcm.gov.vn", "mailto:tiep-cong-dan_1022@ubnd.hcm.gov.vn"},
		{"a+phan.anh@example.vn", "a+phan.anh@example.vn", "mailto:a+phan.anh@example.vn"},
		{"x%y&z?#@example.vn", "x%y&z?#@example.vn", "mailto:x%25y%26z%3F%23@example.vn"},
		{"a@xn--thdumt-7ta.vn", "a@xn--thdumt-7ta.vn", "mailto:a@xn--thdumt-7ta.vn"},
	}
	for _, tc := range valid {
		got, err := ParseEmail(tc.in)
		if err != nil || string(got) != tc.want || got.MailtoURI() != tc.mailto || got.String() != tc.want {
			t.Errorf("ParseEmail(%q) = %q %q, %v; want %q %q", tc.in, got, got.MailtoURI(), err, tc.want, tc.mailto)
		}
	}
	const ex = "such as chutich.ptdm@example.gov.vn"
	invalid := []struct{ in, msg string }{
		{"", "is empty: expected an e-mail address " + ex},
		{"Chủ tịch <chutich@example.gov.vn>", `"Chủ tịch <chutich@example.gov.vn>" contains a space: write only the address, ` + ex},
		{"<chutich@example.gov.vn>", `"<chutich@example.gov.vn>" has a name, quotes or angle brackets: write only the address, ` + ex},
		{`"chu tich"@example.gov.vn`, `"\"chu tich\"@example.gov.vn" contains a space: write only the address, ` + ex},
		{`"chutich"@example.gov.vn`, `"\"chutich\"@example.gov.vn" has a name, quotes or angle brackets: write only the address, ` + ex},
		{" chutich@example.gov.vn", `" chutich@example.gov.vn" contains a space: write only the address, ` + ex},
		{"mailto:chutich@example.gov.vn", `"mailto:chutich@example.gov.vn" starts with mailto: write only the address, ` + ex},
		{"chutich.example.gov.vn", `"chutich.example.gov.vn" must contain exactly one @: expected an e-mail address ` + ex},
		{"a@b@example.gov.vn", `"a@b@example.gov.vn" must contain exactly one @: expected an e-mail address ` + ex},
		{"chủtịch@example.gov.vn", `"chủtịch@example.gov.vn" contains "ủ": e-mail addresses are written without Vietnamese marks, ` + ex},
		{"chutich@localhost", `"chutich@localhost": the domain "localhost" has no dot: expected an e-mail address ` + ex},
		{"chutich@example..vn", `"chutich@example..vn" is not a valid e-mail address: expected one ` + ex},
		{"chutich@.example.vn", `"chutich@.example.vn" is not a valid e-mail address: expected one ` + ex},
		{"chutich@example.vn.", `"chutich@example.vn." is not a valid e-mail address: expected one ` + ex},
		{"chutich@-example.vn", `"chutich@-example.vn": the domain "-example.vn" has a part that starts or ends with a hyphen or is too long: expected an e-mail address ` + ex},
		{"chutich@exa_mple.vn", `"chutich@exa_mple.vn": the domain "exa_mple.vn" contains "_" (only letters a-z, digits, hyphens and dots): expected an e-mail address ` + ex},
		{"@example.vn", `"@example.vn" is not a valid e-mail address: expected one ` + ex},
		{"chutich@", `"chutich@" is not a valid e-mail address: expected one ` + ex},
		{".chutich@example.vn", `".chutich@example.vn" is not a valid e-mail address: expected one ` + ex},
		{"chu(tich)@example.vn", `"chu(tich)@example.vn" is not a valid e-mail address: expected one ` + ex},
		{"chutich@example.gov.vn,pct@example.gov.vn", `"chutich@example.gov.vn,pct@example.gov.vn" must contain exactly one @: expected an e-mail address ` + ex},
	}
	for _, tc := range invalid {
		got, err := ParseEmail(tc.in)
		if err == nil {
			t.Errorf("ParseEmail(%q) = %q, want error", tc.in, got)
			continue
		}
		if err.Error() != tc.msg {
			t.Errorf("ParseEmail(%q)\n got: %v\nwant: %s", tc.in, err, tc.msg)
		}
	}
	if Email("").MailtoURI() != "" {
		t.Errorf("empty address has a mailto link")
	}
}
