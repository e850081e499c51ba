package personaldata

import (
	"fmt"
	"strings"
	"testing"

	"github.com/congkhai/congkhai/internal/problem"
)

// lines of the problems, as the build prints them
func problemLines(l *problem.List) string { return strings.Join(l.Lines(), "\n") }

func TestLintPage(t *testing.T) {
	const (
		id     = ": looks like a citizen ID number (căn cước, 12 digits) "
		mobile = ": looks like a mobile number (số di động) "
	)
	site := Consented{"0988000102": true} // the directory's
	tests := []struct {
		name string
		src  string
		page Consented
		site Consented
		want []string // "line:col: masked", id or mobile
	}{
		{"front matter and body", "+++\ntitle = \"Liên hệ\"\ndescription = \"Ông An, CCCD 079123456789, ĐT 0912 345 678\"\n+++\nGọi ông An: 0912.345.678.\n", nil, site,
			[]string{"3:29" + id + "0791******89", "3:46" + mobile + "0912****78", "5:13" + mobile + "0912****78"}},
		{"in a code block and a table", "+++\ntitle = \"A\"\n+++\n```\ncccd = 079 123 456 789\n```\n| Ông An | +84 912 345 678 |\n", nil, site,
			[]string{"5:8" + id + "0791******89", "7:12" + mobile + "0912****78"}},
		{"in a comment and a link", "+++\n# 0912345678\ntitle = \"A\"\n+++\n[gọi](tel:+84912345678) <!-- 096123456789 -->\n", nil, site,
			[]string{"2:3" + mobile + "0912****78", "5:11" + mobile + "0912****78", "5:30" + id + "0961******89"}},
		{"landlines, short and service numbers are the agency's", "+++\ntitle = \"Liên hệ\"\n+++\n" +
			"Văn phòng: 0274 3800 001, (028) 3829 1234, 0274.3822.123. Gọi 1022, 0274 1022, 1800 1096, 1900 571 255, 113.\n", nil, site, nil},
		{"listed by the page", "+++\ntitle = \"A\"\n+++\nGọi 0912 345 678 hoặc 0913 000 111.\n", Consented{"0912345678": true}, site,
			[]string{"4:23" + mobile + "0913****11"}},
		{"listed by the directory", "+++\ntitle = \"A\"\n+++\nSố công vụ: 0988.000.102\n", nil, site, nil},
		{"no directory known: IDs only", "+++\ntitle = \"A\"\n+++\n0912 345 678, 079123456789\n", nil, nil,
			[]string{"4:15" + id + "0791******89"}},
		{"dates, codes, amounts and decrees", "+++\ntitle = \"A\"\nupdated = 2025-07-15\n+++\nMã 1.001193, lệ phí 8.000 đồng, Nghị định 13/2023/NĐ-CP ngày 17/4/2023, 0.0912345678 ha.\n", nil, site, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var l problem.List
			LintPage("content/a.md", []byte(tc.src), tc.page, tc.site, &l)
			var want []string
			for _, w := range tc.want {
				want = append(want, "content/a.md:"+w)
			}
			var got []string
			for _, p := range l.Sorted() {
				if p.Severity != problem.Error {
					t.Errorf("%s: not an error", p)
				}
				s := p.String()
				if i := strings.Index(s, "******"); i > 0 {
					s = s[:i+8] // the ID number masked, without the advice
				} else if i := strings.Index(s, "****"); i > 0 {
					s = s[:i+6] // the mobile masked
				}
				got = append(got, s)
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("\n got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

// TestLintPageMessage: the whole message, which says what to do.
func TestLintPageMessage(t *testing.T) {
	var l problem.List
	LintPage("content/lien-he.md", []byte("+++\ntitle = \"Liên hệ\"\n+++\nÔng An: 0912 345 678\n"), nil, Consented{}, &l)
	want := "content/lien-he.md:4:9: looks like a mobile number (số di động) 0912****78: a mobile in a page is almost always a person's, " +
		"and publishing it needs their written consent (Decree 13/2023/NĐ-CP): remove it, or list it in the front matter as " +
		"published_mobiles = [{ number = \"…\", consent_ref = \"where the consent is recorded\" }] (official = true instead for a mobile the agency owns), " +
		"or give it with its consent_ref in data/danh-ba.toml"
	if got := problemLines(&l); got != want {
		t.Errorf("\n got: %s\nwant: %s", got, want)
	}
}

// fieldReporter records what CheckConsents reports.
type fieldReporter struct{ got []string }

func (r *fieldReporter) Errorf(path, format string, args ...any) {
	r.got = append(r.got, path+": "+fmt.Sprintf(format, args...))
}

func TestCheckConsents(t *testing.T) {
	var r fieldReporter
	got := CheckConsents([]Consent{
		{Number: "0912 345 678", ConsentRef: "Văn bản đồng ý ngày 2025-07-10"},
		{Number: "+84 988 000 102", Official: true},
		{Number: "0913 000 111"},
		{Number: "0274 3822 123", Official: true},
		{Number: "0912.345.678", ConsentRef: "x"},
		{Number: "0912 345 67", ConsentRef: "x"},
		{Number: " ", ConsentRef: "x"},
		{Number: "0913 000 222", ConsentRef: "  "},
	}, &r)
	wantErrs := []string{
		"published_mobiles[2].consent_ref: required: publishing a personal mobile needs the person's written consent (Decree 13/2023/NĐ-CP): " +
			"write where the consent is recorded, such as consent_ref = \"Văn bản đồng ý ngày 2025-07-10\", or set official = true if the agency owns the number",
		"published_mobiles[3].number: 0274 3822 123 is a landline number, which a page may show without consent: remove it from published_mobiles",
		"published_mobiles[4].number: 0912 345 678 is already published_mobiles[0]",
		"published_mobiles[5].number: \"0912 345 67\" has 9 digits: expected a mobile number such as 0912 345 678 (10 digits) or a landline such as 0274 3822 123 (11 digits)",
		"published_mobiles[6].number: required: the mobile number as the page writes it, such as \"0912 345 678\"",
		"published_mobiles[7].consent_ref: required: publishing a personal mobile needs the person's written consent (Decree 13/2023/NĐ-CP): " +
			"write where the consent is recorded, such as consent_ref = \"Văn bản đồng ý ngày 2025-07-10\", or set official = true if the agency owns the number",
	}
	if strings.Join(r.got, "\n") != strings.Join(wantErrs, "\n") {
		t.Errorf("\n got:\n%s\nwant:\n%s", strings.Join(r.got, "\n"), strings.Join(wantErrs, "\n"))
	}
	if len(got) != 2 || !got["0912345678"] || !got["0988000102"] {
		t.Errorf("consented %v, want the two numbers with a consent or official", got)
	}
	if CheckConsents(nil, &r) != nil {
		t.Error("no list: want no numbers")
	}
}
