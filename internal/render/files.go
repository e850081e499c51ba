package render

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"slices"
	"time"
)

// SitemapEntry is one page of sitemap.xml.
type SitemapEntry struct {
	URL     string    // absolute
	LastMod time.Time // zero when unknown; never the build time
	// Alternates are the page in every language of the site, itself
	// included (Google's xhtml:link annotations); none on a site in one
	// language.
	Alternates []SitemapAlternate
}

// SitemapAlternate is a page's version in one language.
type SitemapAlternate struct {
	Lang, URL string
}

// Sitemap renders sitemap.xml (sitemaps.org protocol 0.9). Entries must be
// given in a stable order.
func Sitemap(entries []SitemapEntry) []byte {
	var b bytes.Buffer
	b.WriteString(urlsetHeadOf(entries))
	for _, e := range entries {
		appendEntry(&b, e)
	}
	b.WriteString(urlsetTail)
	return b.Bytes()
}

const (
	urlsetHead = xml.Header + `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n"
	urlsetTail = "</urlset>\n"
	// urlsetHeadAlternates declares the namespace of xhtml:link, for a
	// site in more than one language.
	urlsetHeadAlternates = xml.Header + `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">` + "\n"
)

// appendEntry writes one <url> of a sitemap.
func appendEntry(b *bytes.Buffer, e SitemapEntry) {
	b.WriteString("  <url><loc>")
	_ = xml.EscapeText(b, []byte(e.URL))
	b.WriteString("</loc>")
	if !e.LastMod.IsZero() {
		b.WriteString("<lastmod>" + e.LastMod.Format("2006-01-02") + "</lastmod>")
	}
	for _, a := range e.Alternates {
		b.WriteString(`<xhtml:link rel="alternate" hreflang="`)
		_ = xml.EscapeText(b, []byte(a.Lang))
		b.WriteString(`" href="`)
		_ = xml.EscapeText(b, []byte(a.URL))
		b.WriteString(`"/>`)
	}
	b.WriteString("</url>\n")
}

// The limits of one sitemap file (sitemaps.org): 50,000 addresses and
// 50 MB (52,428,800 bytes) uncompressed. A larger site gets a sitemap
// index.
const (
	SitemapLimit = 50000
	SitemapBytes = 50 << 20
)

// urlsetHeadOf is the head of a sitemap of entries: with the namespace
// of xhtml:link when one of them has alternates.
func urlsetHeadOf(entries []SitemapEntry) string {
	for _, e := range entries {
		if len(e.Alternates) > 0 {
			return urlsetHeadAlternates
		}
	}
	return urlsetHead
}

// splitSitemap cuts entries into the parts of a sitemap index: each part
// as long as it can be within urls addresses and size bytes.
func splitSitemap(entries []SitemapEntry, urls, size int) [][]SitemapEntry {
	var parts [][]SitemapEntry
	var b bytes.Buffer
	// Every part is measured with the longer head: a part's head is
	// known only once its entries are.
	frame := len(urlsetHeadAlternates) + len(urlsetTail)
	if urlsetHeadOf(entries) == urlsetHead {
		frame = len(urlsetHead) + len(urlsetTail)
	}
	start, n := 0, frame
	for i, e := range entries {
		b.Reset()
		appendEntry(&b, e)
		if i > start && (i-start >= urls || n+b.Len() > size) {
			parts = append(parts, entries[start:i])
			start, n = i, frame
		}
		n += b.Len()
	}
	return append(parts, entries[start:])
}

// SitemapFiles names the files Sitemaps makes of entries, sorted.
func SitemapFiles(entries []SitemapEntry) []string {
	return sitemapFiles(entries, SitemapLimit, SitemapBytes)
}

func sitemapFiles(entries []SitemapEntry, urls, size int) []string {
	names := []string{"sitemap.xml"}
	if parts := splitSitemap(entries, urls, size); len(parts) > 1 {
		for i := range parts {
			names = append(names, sitemapPart(i+1))
		}
	}
	slices.Sort(names)
	return names
}

// sitemapPart names the nth file of a sitemap index.
func sitemapPart(n int) string { return fmt.Sprintf("sitemap-%d.xml", n) }

// Sitemaps splits entries into files within the limits of the protocol
// (SitemapLimit addresses, SitemapBytes bytes): one sitemap.xml for most
// sites; for larger ones sitemap-1.xml, sitemap-2.xml, … and sitemap.xml
// as their index, each part with the latest date of its pages. absURL
// turns a site path into an absolute address. The result maps file names
// to contents.
func Sitemaps(entries []SitemapEntry, absURL func(string) string) map[string][]byte {
	return sitemaps(entries, absURL, SitemapLimit, SitemapBytes)
}

func sitemaps(entries []SitemapEntry, absURL func(string) string, urls, size int) map[string][]byte {
	parts := splitSitemap(entries, urls, size)
	if len(parts) == 1 {
		return map[string][]byte{"sitemap.xml": Sitemap(entries)}
	}
	files := map[string][]byte{}
	var index bytes.Buffer
	index.WriteString(xml.Header)
	index.WriteString(`<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for i, part := range parts {
		name := sitemapPart(i + 1)
		files[name] = Sitemap(part)
		index.WriteString("  <sitemap><loc>")
		_ = xml.EscapeText(&index, []byte(absURL("/"+name)))
		index.WriteString("</loc>")
		var last time.Time
		for _, e := range part {
			if e.LastMod.After(last) {
				last = e.LastMod
			}
		}
		if !last.IsZero() {
			index.WriteString("<lastmod>" + last.Format("2006-01-02") + "</lastmod>")
		}
		index.WriteString("</sitemap>\n")
	}
	index.WriteString("</sitemapindex>\n")
	files["sitemap.xml"] = index.Bytes()
	return files
}

// Robots renders robots.txt, pointing crawlers at the sitemap.
func Robots(sitemapURL string) []byte {
	return fmt.Appendf(nil, "User-agent: *\nAllow: /\n\nSitemap: %s\n", sitemapURL)
}
