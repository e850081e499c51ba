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
}

// Sitemap renders sitemap.xml (sitemaps.org protocol 0.9). Entries must be
// given in a stable order.
func Sitemap(entries []SitemapEntry) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, e := range entries {
		b.WriteString("  <url><loc>")
		_ = xml.EscapeText(&b, []byte(e.URL))
		b.WriteString("</loc>")
		if !e.LastMod.IsZero() {
			b.WriteString("<lastmod>" + e.LastMod.Format("2006-01-02") + "</lastmod>")
		}
		b.WriteString("</url>\n")
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}

// SitemapLimit is the most addresses one sitemap file may hold
// (sitemaps.org); a larger site gets a sitemap index.
const SitemapLimit = 50000

// SitemapFiles names the files Sitemaps makes of n addresses, sorted.
func SitemapFiles(n int) []string {
	names := []string{"sitemap.xml"}
	for i := 0; n > SitemapLimit && i*SitemapLimit < n; i++ {
		names = append(names, sitemapPart(i+1))
	}
	slices.Sort(names)
	return names
}

// sitemapPart names the nth file of a sitemap index.
func sitemapPart(n int) string { return fmt.Sprintf("sitemap-%d.xml", n) }

// Sitemaps splits entries into files of at most SitemapLimit addresses:
// one sitemap.xml for most sites; for larger ones sitemap-1.xml,
// sitemap-2.xml, … and sitemap.xml as their index. absURL turns a site
// path into an absolute address. The result maps file names to contents.
func Sitemaps(entries []SitemapEntry, absURL func(string) string) map[string][]byte {
	if len(entries) <= SitemapLimit {
		return map[string][]byte{"sitemap.xml": Sitemap(entries)}
	}
	files := map[string][]byte{}
	var index bytes.Buffer
	index.WriteString(xml.Header)
	index.WriteString(`<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for i := 0; i*SitemapLimit < len(entries); i++ {
		part := entries[i*SitemapLimit : min((i+1)*SitemapLimit, len(entries))]
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
