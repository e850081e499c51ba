package opendata

import (
	"strings"
	"testing"
	"time"
)

// TestAtom: a feed is valid Atom 1.0, with its dates from its entries and
// text escaped.
func TestAtom(t *testing.T) {
	f := &Feed{Title: "Thủ tục hành chính mới cập nhật", ID: "https://x.gov.vn/thu-tuc/feed.atom", Self: "https://x.gov.vn/thu-tuc/feed.atom",
		Page: "https://x.gov.vn/thu-tuc/", Author: "UBND phường", Rights: "CC BY 4.0", Language: "vi",
		Entries: []Entry{
			{Title: "Đăng ký khai sinh <b>", URL: "https://x.gov.vn/thu-tuc/a/", Updated: time.Date(2026, 10, 5, 0, 0, 0, 0, time.UTC), Summary: "Hộ tịch & khai sinh", Category: "Hộ tịch"},
			{Title: "Khai tử", URL: "https://x.gov.vn/thu-tuc/b/", Updated: time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)},
		}}
	b, err := f.Atom()
	if err != nil {
		t.Fatal(err)
	}
	if err := CheckAtom(b); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	for _, want := range []string{
		`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">`,
		`<updated>2026-10-05T00:00:00Z</updated>`,
		`<title>Đăng ký khai sinh &lt;b&gt;</title>`,
		`<summary>Hộ tịch &amp; khai sinh</summary>`,
		`<link rel="self" type="application/atom+xml" href="https://x.gov.vn/thu-tuc/feed.atom"></link>`,
		`<category term="Hộ tịch"></category>`,
	} {
		if !strings.Contains(string(b), want) {
			t.Errorf("the feed lacks %s:\n%s", want, b)
		}
	}
	empty := &Feed{Title: "Tin", ID: "x", Self: "x", Author: "A", Updated: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)}
	b, _ = empty.Atom()
	if err := CheckAtom(b); err != nil || !strings.Contains(string(b), "<updated>2026-01-02T00:00:00Z</updated>") {
		t.Errorf("a feed without entries: %v\n%s", err, b)
	}
}

// TestCheckAtom proves the check refuses what Atom forbids.
func TestCheckAtom(t *testing.T) {
	good := `<feed xmlns="http://www.w3.org/2005/Atom"><id>x</id><title>t</title><updated>2026-10-05T00:00:00Z</updated><author><name>a</name></author><link rel="self" href="x"/>`
	for name, doc := range map[string]string{
		"RSS":           `<rss><channel/></rss>`,
		"no namespace":  `<feed><id>x</id></feed>`,
		"bad date":      strings.Replace(good, "2026-10-05T00:00:00Z", "05/10/2026", 1) + `</feed>`,
		"no self":       strings.Replace(good, `rel="self"`, `rel="alternate"`, 1) + `</feed>`,
		"repeated id":   good + `<entry><id>e</id><title>t</title><updated>2026-10-05T00:00:00Z</updated><link href="e"/></entry><entry><id>e</id><title>t</title><updated>2026-10-05T00:00:00Z</updated><link href="e"/></entry></feed>`,
		"entry no link": good + `<entry><id>e</id><title>t</title><updated>2026-10-05T00:00:00Z</updated></entry></feed>`,
		"no author":     strings.Replace(good, `<author><name>a</name></author>`, "", 1) + `<entry><id>e</id><title>t</title><updated>2026-10-05T00:00:00Z</updated><link href="e"/></entry></feed>`,
	} {
		if err := CheckAtom([]byte(doc)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	if err := CheckAtom([]byte(good + `</feed>`)); err != nil {
		t.Errorf("a valid feed: %v", err)
	}
}
